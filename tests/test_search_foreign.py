"""Searches typed in Ukrainian, Arabic, Somali and Tigrinya: glossaries, normalisation, stemming, lookups."""

import copy
import re
import json
import threading
from importlib import resources

import pytest

from coursefinder.search import foreign as F
from coursefinder.search import thesaurus as T


def _data(name):
    return json.loads((resources.files("coursefinder.search") / "data" / name).read_text(encoding="utf-8"))


def _ids(text, lang):
    return {cid for _, _, ids in T.lookup(text, lang) for cid in ids}


DRIVER = {"professional-driver", "bus-driver", "lorry-driver", "taxi-driver", "delivery-driver"}

# (language, what is typed, the concepts found); several inflected forms of each area.
QUERIES = [
    # Ukrainian
    ("uk", "зварювання", {"welding"}), ("uk", "курси зварника", {"welding"}), ("uk", "зварювальником", {"welding"}),
    ("uk", "зварникам", {"welding"}), ("uk", "кухар", {"cook"}), ("uk", "кухаря", {"cook"}),
    ("uk", "кухарі", {"cook"}), ("uk", "кухарями", {"cook"}), ("uk", "на кухні", {"kitchen"}),
    ("uk", "помічник кухаря", {"kitchen-assistant"}), ("uk", "посвідчення водія навантажувача", {"forklift"}),
    ("uk", "курс водія навантажувача", {"forklift"}), ("uk", "навантажувачами", {"forklift"}),
    ("uk", "прибирання", {"cleaning"}), ("uk", "прибиральниця", {"cleaning"}), ("uk", "клінінгом", {"cleaning"}),
    ("uk", "склад", {"warehouse"}), ("uk", "на складі", {"warehouse"}), ("uk", "логістика", {"logistics"}),
    ("uk", "медсестрам", {"nurse"}), ("uk", "доглядачка", {"care-assistant"}),
    ("uk", "будинок престарілих", {"nursing-home"}), ("uk", "догляд вдома", {"home-care"}),
    ("uk", "догляд за людьми похилого віку", {"elderly-care"}), ("uk", "медичний працівник", {"health-worker"}),
    ("uk", "дитячий садок", {"kindergarten"}), ("uk", "дитячому садочку", {"kindergarten"}),
    ("uk", "помічником вихователя", {"kindergarten-assistant"}),
    ("uk", "водій", DRIVER), ("uk", "водія", DRIVER), ("uk", "водії", DRIVER), ("uk", "водієві", DRIVER),
    ("uk", "водійські права", {"driving-licence"}), ("uk", "права категорії В", {"licence-b"}),
    ("uk", "права категорії C", {"licence-c"}), ("uk", "водій автобуса", {"bus-driver"}),
    ("uk", "далекобійник", {"lorry-driver"}), ("uk", "таксистом", {"taxi-driver"}),
    ("uk", "будівельником", {"construction"}), ("uk", "теслі", {"carpentry"}), ("uk", "малярем", {"painter"}),
    ("uk", "мулярем", {"mason"}), ("uk", "риштування", {"scaffolding"}),
    ("uk", "екскаваторником", {"construction-machinery"}), ("uk", "охоронцем", {"security"}),
    ("uk", "охоронця", {"security"}), ("uk", "офісна робота", {"office-admin"}),
    ("uk", "комп'ютерні курси", {"digital-skills"}), ("uk", "комп’ютер", {"digital-skills"}),
    ("uk", "технічна підтримка", {"it-support"}), ("uk", "програмістом", {"programming"}),
    ("uk", "касиркою", {"cashier"}), ("uk", "продавцем", {"shop-assistant", "sales"}),
    ("uk", "магазині", {"retail"}), ("uk", "обслуговування клієнтів", {"customer-service"}),
    ("uk", "норвезька мова", {"norwegian-language"}), ("uk", "норвезької мови", {"norwegian-language"}),
    ("uk", "вивчати норвезьку", {"norwegian-language"}), ("uk", "іспит з норвезької мови", {"norwegian-test"}),
    ("uk", "резюме", {"cv"}), ("uk", "співбесідою", {"job-interview"}), ("uk", "пошук роботи", {"job-seeking"}),
    ("uk", "охорона здоров'я", {"health-care-work"}), ("uk", "охорона праці", {"hse"}),
    # Arabic
    ("ar", "لحام", {"welding"}), ("ar", "اللحام", {"welding"}), ("ar", "لَحّام", {"welding"}),
    ("ar", "عامل لحام", {"welding"}), ("ar", "دورة لحام", {"welding"}), ("ar", "واللحام", {"welding"}),
    ("ar", "للحام", {"welding"}), ("ar", "طباخ", {"cook"}), ("ar", "الطباخ", {"cook"}),
    ("ar", "الطبّاخين", {"cook"}), ("ar", "طبخ", {"cook"}), ("ar", "مطبخ", {"kitchen"}),
    ("ar", "بالمطبخ", {"kitchen"}), ("ar", "المطابخ", {"kitchen"}), ("ar", "مساعد طباخ", {"kitchen-assistant"}),
    ("ar", "رخصة رافعة شوكية", {"forklift"}), ("ar", "رخصة الرافعة الشوكية", {"forklift"}),
    ("ar", "سائق رافعة شوكية", {"forklift"}), ("ar", "الرافعات الشوكيه", {"forklift"}),
    ("ar", "مستودع", {"warehouse"}), ("ar", "المخازن", {"warehouse"}),
    ("ar", "تنظيف", {"cleaning"}), ("ar", "النظافة", {"cleaning"}), ("ar", "عاملة نظافة", {"cleaning"}),
    ("ar", "والتنظيف", {"cleaning"}), ("ar", "ممرضة", {"nurse"}), ("ar", "الممرضات", {"nurse"}),
    ("ar", "مساعد تمريض", {"nurse-assistant", "health-worker"}), ("ar", "رعاية المسنين", {"elderly-care"}),
    ("ar", "دار المسنين", {"nursing-home"}), ("ar", "الرعاية المنزلية", {"home-care"}),
    ("ar", "روضة أطفال", {"kindergarten"}), ("ar", "رياض الاطفال", {"kindergarten"}),
    ("ar", "الحضانة", {"kindergarten"}), ("ar", "سائق", DRIVER), ("ar", "السائقين", DRIVER),
    ("ar", "رخصة قيادة", {"driving-licence"}), ("ar", "رخصه القياده", {"driving-licence"}),
    ("ar", "شهادة سواقة", {"driving-licence"}), ("ar", "سائق شاحنة", {"lorry-driver"}),
    ("ar", "سائقي الحافلات", {"bus-driver"}), ("ar", "سائق تكسي", {"taxi-driver"}),
    ("ar", "عمال البناء", {"construction-labourer", "construction"}), ("ar", "البناء", {"construction"}),
    ("ar", "نجار", {"carpentry"}), ("ar", "دهان", {"painter"}), ("ar", "السقالات", {"scaffolding"}),
    ("ar", "حفارة", {"construction-machinery"}), ("ar", "حارس أمن", {"security"}), ("ar", "الحراسة", {"security"}),
    ("ar", "أعمال مكتبية", {"office-admin"}), ("ar", "الكمبيوتر", {"digital-skills"}),
    ("ar", "الدعم الفني", {"it-support"}), ("ar", "البرمجة", {"programming"}), ("ar", "كاشير", {"cashier"}),
    ("ar", "محل", {"retail"}), ("ar", "خدمة العملاء", {"customer-service"}),
    ("ar", "اللغة النرويجية", {"norwegian-language"}), ("ar", "بالنرويجية", {"norwegian-language"}),
    ("ar", "امتحان اللغة النرويجية", {"norwegian-test"}), ("ar", "السيرة الذاتية", {"cv"}),
    ("ar", "مقابلة عمل", {"job-interview"}), ("ar", "البحث عن عمل", {"job-seeking"}),
    ("ar", "الرياضيات", {"numeracy"}), ("ar", "الرياضة", {"fitness"}),
    # Somali
    ("so", "alxan", {"welding"}), ("so", "alxanka", {"welding"}), ("so", "koorsada alxanka", {"welding"}),
    ("so", "kariye", {"cook"}), ("so", "kariyaha", {"cook"}), ("so", "cunto karin", {"cook"}),
    ("so", "jikada", {"kitchen"}), ("so", "jiko", {"kitchen"}), ("so", "liisanka forklift", {"forklift"}),
    ("so", "shahaadada forklift", {"forklift"}), ("so", "forkliftka", {"forklift"}),
    ("so", "bakhaarka", {"warehouse"}), ("so", "nadiifin", {"cleaning"}), ("so", "nadiifinta", {"cleaning"}),
    ("so", "nadifinta", {"cleaning"}), ("so", "nadaafadda", {"cleaning"}),
    ("so", "kalkaaliye caafimaad", {"health-worker", "care-assistant"}), ("so", "kalkaalisada", {"nurse"}),
    ("so", "daryeelka waayeelka", {"elderly-care"}), ("so", "xannaanada carruurta", {"childcare-youth-work", "kindergarten"}),
    ("so", "xanaanada caruurta", {"childcare-youth-work", "kindergarten"}), ("so", "darawal", DRIVER),
    ("so", "darawalka", DRIVER), ("so", "liisanka darawalnimada", {"driving-licence"}), ("so", "tagsiga", {"taxi-driver"}),
    ("so", "baska", {"bus-driver"}), ("so", "dhismaha", {"construction"}), ("so", "nijaar", {"carpentry"}),
    ("so", "waardiye", {"security"}), ("so", "ilaalada", {"security"}), ("so", "xafiiska", {"office-admin"}),
    ("so", "kombiyuutarka", {"digital-skills"}), ("so", "dukaanka", {"retail"}), ("so", "khasnaji", {"cashier"}),
    ("so", "adeegga macaamiisha", {"customer-service"}), ("so", "af noorwiiji", {"norwegian-language"}),
    ("so", "af-noorwiijiga", {"norwegian-language"}), ("so", "cv", {"cv"}),
    ("so", "waraysiga shaqada", {"job-interview"}), ("so", "shaqo raadin", {"job-seeking"}),
    # Tigrinya
    ("ti", "ብየዳ", {"welding"}), ("ti", "ክሽነ", {"kitchen"}), ("ti", "ንክሽነ", {"kitchen"}),
    ("ti", "ምግቢ ምድላው", {"cook"}), ("ti", "ፎርክሊፍት", {"forklift"}), ("ti", "መኽዘን", {"warehouse"}),
    ("ti", "ምጽራይ", {"cleaning"}), ("ti", "ምፅራይ", {"cleaning"}), ("ti", "ሰራሕተኛ ጽሬት", {"cleaning"}),
    ("ti", "ሰራሕተኛ ጥዕና", {"health-worker"}), ("ti", "ሰራሕተኛታት ጥዕና", {"health-worker"}), ("ti", "ነርስ", {"nurse"}),
    ("ti", "ክንክን ኣረጋውያን", {"elderly-care"}), ("ti", "ሙዋእለ ህጻናት", {"kindergarten"}),
    ("ti", "መራሒ መኪና", DRIVER), ("ti", "ሹፌር", DRIVER), ("ti", "መንጃ ፍቓድ", {"driving-licence"}),
    ("ti", "ታክሲ", {"taxi-driver"}), ("ti", "ህንጻ", {"construction"}), ("ti", "ሓላዊ", {"security"}),
    ("ti", "ቤት ጽሕፈት", {"office-admin"}), ("ti", "ኮምፒዩተር", {"digital-skills"}), ("ti", "ድኳን", {"retail"}),
    ("ti", "ቋንቋ ኖርወይ", {"norwegian-language"}), ("ti", "ኖርወይኛ", {"norwegian-language"}), ("ti", "ሲቪ", {"cv"}),
    ("ti", "ቃለ መሕትት", {"job-interview"}), ("ti", "ስራሕ ምድላይ", {"job-seeking"}),
]


@pytest.mark.parametrize("lang, typed, concepts", QUERIES)
def test_what_jobseekers_type_in_their_language_finds_the_concepts(lang, typed, concepts):
    assert _ids(typed, lang) == concepts, (typed, T.lookup(typed, lang))


@pytest.mark.parametrize("lang", F.LANGUAGES)
def test_each_language_covers_the_areas_asked_for(lang):
    areas = {concept for language, _, concepts in QUERIES if language == lang for concept in concepts}
    assert {"welding", "forklift", "cleaning", "driving-licence", "security", "digital-skills", "retail",
            "norwegian-language", "cv", "job-interview", "job-seeking"} <= areas
    assert {"cook", "kitchen"} & areas and {"health-worker", "nurse", "elderly-care"} & areas
    assert {"construction", "carpentry"} & areas and {"kindergarten", "childcare-youth-work"} & areas


def test_a_certificate_word_with_a_trade_finds_the_trade_and_the_certificates():
    for certificate, trade, lang in (("сертифікат", "зварника", "uk"), ("شهادة", "لحام", "ar"),
                                     ("shahaado", "alxan", "so"), ("ምስክር ወረቐት", "ፎርክሊፍት", "ti")):
        assert {"trade-certificate", "forklift", "driving-licence", "welding", "crane"} <= _ids(certificate, lang)
        assert _ids(trade, lang) <= _ids(f"{certificate} {trade}", lang)


def test_lookup_gives_spans_longest_phrase_first():
    assert T.lookup("курси зварювання в Бергені", "uk") == [(1, 2, ("welding",))]
    assert T.lookup("سائق رافعة شوكية في أوسلو", "ar") == [(0, 3, ("forklift",))]
    assert T.lookup("koorsada darawalka baska", "so") == [(1, 3, ("bus-driver",))]
    assert T.lookup("ኮርስ መራሒ ታክሲ", "ti") == [(1, 3, ("taxi-driver",))]
    assert T.concepts_of_word("зварника", "uk") == ("welding",)


# --- generic words -------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", F.LANGUAGES)
def test_no_generic_word_maps_to_a_concept(lang):
    generic = _data(f"glossary-{lang}.json")["generic"]
    assert len(generic) >= 20
    for word in generic:
        assert T.lookup(word, lang) == [], word
        assert T.is_generic(word, lang), word


@pytest.mark.parametrize("word, lang", [("курсів", "uk"), ("навчання", "uk"), ("роботу", "uk"), ("الدورات", "ar"),
                                        ("والعمل", "ar"), ("وظائف", "ar"), ("koorsooyinka", "so"), ("tababarka", "so"),
                                        ("shaqooyin", "so"), ("ስልጠና", "ti"), ("ሰራሕተኛታት", "ti")])
def test_inflected_generic_words_are_generic(word, lang):
    assert T.is_generic(word, lang) and T.lookup(word, lang) == []


@pytest.mark.parametrize("word, lang", [("зварювання", "uk"), ("لحام", "ar"), ("nadiifin", "so"), ("ክሽነ", "ti")])
def test_trade_words_are_not_generic(word, lang):
    assert not T.is_generic(word, lang)


def test_the_country_is_not_the_language():
    assert T.lookup("العمل في النرويج", "ar") == [] and _ids("النرويجية", "ar") == {"norwegian-language"}
    assert T.lookup("робота в Норвегії", "uk") == [] and T.lookup("ኣብ ኖርወይ ስራሕ", "ti") == []


# --- the glossaries --------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", F.LANGUAGES)
def test_each_glossary_names_known_concepts_and_says_how_it_was_made(lang):
    data = _data(f"glossary-{lang}.json")
    assert set(data) == {"about", "generic", "glossary"}
    assert "native speaker" in data["about"] and "HOW IT WAS MADE" in data["about"]
    concepts = T.thesaurus().concepts
    for entry in data["glossary"]:
        assert set(entry) == {lang, "concepts"} and entry[lang]
        assert set(entry["concepts"]) <= set(concepts), entry
    named = {cid for entry in data["glossary"] for cid in entry["concepts"]}
    assert len(named) >= 40 and sum(len(entry[lang]) for entry in data["glossary"]) >= 140


@pytest.mark.parametrize("lang", F.LANGUAGES)
def test_no_two_entries_meet_by_their_stems_unless_their_concepts_are_related(lang):
    concepts = T.thesaurus().concepts
    related = {cid: set(T._closure(concepts, cid)) for cid in concepts}
    owners = {}
    for entry in _data(f"glossary-{lang}.json")["glossary"]:
        for phrase in entry[lang]:
            words = F.split(phrase, lang)
            key = F.terms(words, lang)
            if key and (len(key) > 1 or len(words) == 1):
                owners.setdefault(key, set()).add(tuple(entry["concepts"]))
    for key, holders in owners.items():
        for one in holders:
            for other in holders - {one}:
                assert all(any(a in related[b] or b in related[a] for b in other) for a in one), (key, holders)


def test_a_broken_foreign_glossary_is_refused_with_a_clear_error():
    args = (_data("occupations.json"), _data("glossary-en.json"), _data("generic-words.json"))
    good = _data("glossary-uk.json")
    for change, message in (
            (lambda d: d.pop("about"), "glossary-uk.json: must be an object with an 'about' text"),
            (lambda d: d.update(generic=[]), "generic must be a non-empty list"),
            (lambda d: d["glossary"].append({"uk": ["маляр-декоратор"], "concepts": ["decorating"]}),
             "unknown concept(s) ['decorating']"),
            (lambda d: d["glossary"].append({"uk": ["курси"], "concepts": ["welding"]}), "generic words only"),
            (lambda d: d["glossary"].append({"uk": ["Зварювання"], "concepts": ["welding"]}), "already in entry 1"),
            (lambda d: d["glossary"].append({"en": ["x"], "concepts": ["welding"]}), "exactly 'uk' and 'concepts'")):
        data = copy.deepcopy(good)
        change(data)
        with pytest.raises(T.ThesaurusError) as raised:
            T.build(*args, {"uk": data})
        assert message in str(raised.value)


# --- normalisation and stemming -------------------------------------------------------------------

def test_arabic_marks_tatweel_and_letter_variants_are_normalised():
    assert F.normalise("لَحّام", "ar") == "لحام" and F.normalise("لحـــام", "ar") == "لحام"
    assert F.normalise("أمن", "ar") == F.normalise("إمن", "ar") == F.normalise("آمن", "ar") == "امن"
    assert F.normalise("مستشفى", "ar") == "مستشفي" and F.normalise("رخصة", "ar") == "رخصه"
    assert F.normalise("سائق", "ar") == "سايق" and F.normalise("کمبیوتر", "ar") == "كمبيوتر"
    assert F.words("دورة لَحّام، الآن") == ["دورة", "لحام", "الآن"]     # \\w alone would cut لَحّام at its marks


def test_the_arabic_article_and_particles_are_cut():
    stems = {F.stem(word, "ar") for word in ("لحام", "اللحام", "واللحام", "باللحام", "فاللحام", "كاللحام", "لحامين")}
    assert len(stems) == 1
    assert F.stem("للعمل", "ar") == F.stem("العمل", "ar") == F.stem("عمل", "ar")
    assert F.stem("ولحام", "ar") == F.stem("لحام", "ar")              # Snowball cuts some particles itself
    assert F.stem("كلحام", "ar") != F.stem("لحام", "ar")              # an unknown word keeps its letters ...
    known = frozenset({F.stem("لحام", "ar")})
    assert F.stem("كلحام", "ar", known) == F.stem("لحام", "ar")       # ... unless a glossary knows the rest
    assert F.stem("للحام", "ar", known) == F.stem("لحام", "ar")       # ل + اللحام is written للحام
    assert F.stem("لحام", "ar", known) == F.stem("لحام", "ar") != F.stem("حام", "ar")
    assert {F.stem(word, "ar") for word in ("ممرض", "ممرضة", "ممرضات", "الممرضين")} == {F.stem("ممرض", "ar")}
    assert F.stem("النرويج", "ar") != F.stem("النرويجية", "ar") == F.stem("نرويجي", "ar")


def test_ukrainian_endings_and_apostrophes():
    assert F.normalise("Комп’ютер", "uk") == F.normalise("комп'ютер", "uk") == F.normalise("компʼютер", "uk") \
        == "компютер"
    assert F.words("м'ясо та п’ять") == ["м'ясо", "та", "п’ять"]
    assert F.normalise("водiй", "uk") == "водій" and F.normalise("ґанок", "uk") == "ганок"   # Latin i, ґ
    assert F.normalise("course", "uk") == "course"                                            # Latin stays Latin
    for forms in (("зварник", "зварника", "зварники", "зварників", "зварником", "зварникам", "зварниками"),
                  ("зварювання", "зварюванню", "зварюванням"),
                  ("водій", "водія", "водії", "водіїв", "водієм", "водіям", "водіями", "водієві"),
                  ("кухар", "кухаря", "кухарі", "кухарів", "кухарем", "кухарями"),
                  ("прибирання", "прибиранням"), ("прибиральниця", "прибиральниці", "прибиральницею"),
                  ("норвезька", "норвезької", "норвезьку", "норвезькою", "норвезький", "норвезькій"),
                  ("вантажівка", "вантажівки", "вантажівку", "вантажівкою")):
        assert len({F.stem(form, "uk") for form in forms}) == 1, forms
    assert F.stem("водій", "uk") == "воді" and F.stem("вода", "uk") == "вод"   # 4 letters stay before -ій
    assert F.stem("мова", "uk") == F.stem("мовою", "uk") == "мов"


def test_somali_suffixes_and_doubled_letters():
    for forms in (("shaqo", "shaqada", "shaqooyin", "shaqooyinka"), ("koorso", "koorsada", "koorsooyinka"),
                  ("carruur", "carruurta", "caruurta"), ("nadiifin", "nadiifinta", "nadifinta"),
                  ("nadaafad", "nadaafadda"), ("darawal", "darawalka"), ("dhisme", "dhismaha")):
        assert len({F.stem(form, "so") for form in forms}) == 1, forms
    assert F.normalise("Ma'lumaad", "so") == "malumaad"


def test_tigrinya_letters_of_one_sound_and_the_plural():
    assert F.normalise("ምፅራይ", "ti") == "ምጽራይ" and F.normalise("ሠራሕ", "ti") == "ሰራሕ"
    assert F.normalise("ኀይሊ", "ti") == "ሐይሊ" and F.normalise("ሀገር", "ti") == "ሀገር"   # ሀ and ሐ stay apart
    assert F.stem("ሰራሕተኛታት", "ti") == "ሰራሕተኛ"
    assert F.words("መራሒ፡መኪና።") == ["መራሒ", "መኪና"]


def test_stop_words_are_left_out_of_stems():
    assert F.terms(["курси", "для", "водіїв"], "uk") == (F.stem("курси", "uk"), F.stem("водіїв", "uk"))
    assert F.terms(F.split("البحث عن عمل", "ar"), "ar") == (F.stem("البحث", "ar"), F.stem("عمل", "ar"))
    assert F.is_stop("iyo", "so") and F.is_stop("ናይ", "ti") and F.is_stop("إلى", "ar")


def test_the_arabic_stemmer_is_safe_in_threads():
    words = [prefix + word + suffix for word in ("لحام", "طباخ", "ممرض", "سائق", "مستودع", "نظاف", "حارس", "مبرمج")
             for prefix in ("", "ال", "وال", "بال") for suffix in ("", "ين", "ات", "ه")] * 40
    expected = [F.stem_arabic(F.normalise(word, "ar")) for word in words]
    results, start = {}, threading.Barrier(8)

    def work(number):
        start.wait()
        results[number] = [F.stem_arabic(F.normalise(word, "ar")) for word in words]

    threads = [threading.Thread(target=work, args=(number,)) for number in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 8 and all(result == expected for result in results.values())


# --- whole searches, typed on the page in each language --------------------------------------------

# (language, welding, cooking, a forklift certificate): what a jobseeker types on the page in their
# language; each finds the Norwegian courses of that kind, and only those.  Nynorsk uses its own
# forms (sveisar, kokkar, truckførar), not bokmål's.
TYPED = [
    ("uk", "курси зварювання", "курси кухаря", "сертифікат водія навантажувача"),
    ("ar", "دورة لحام", "دورة طبخ", "شهادة رافعة شوكية"),
    ("so", "koorsada alxanka", "koorsada cunto karin", "shahaadada forklift"),
    ("ti", "ስልጠና ብየዳ", "ምግቢ ምድላው", "ምስክር ወረቐት ፎርክሊፍት"),
    ("nn", "kurs for sveisarar", "kurs for kokkar", "truckførarbevis"),
]
# The kinds of course in the test catalogue, by the start of their Norwegian title.
KINDS = {"welding": "Sveisekurs", "cooking": "Kjøkkenassistent", "forklift certificate": "Truck"}


def _found_on_the_page(client, lang, text):
    html = client.get(f"/{lang}/", query_string={"q": text, "per_page": 50}).get_data(as_text=True)
    results = html.split('class="result-list"', 1)[1] if 'class="result-list"' in html else ""
    return set(re.findall(rf'<h3><a href="/{lang}/courses/([^/"?]+)', results))


@pytest.mark.parametrize("lang, welding, cooking, forklift", TYPED, ids=[row[0] for row in TYPED])
def test_a_search_typed_in_the_language_finds_the_norwegian_courses_of_that_kind(client, records, lang, welding,
                                                                                 cooking, forklift):
    from conftest import TODAY

    current = [r for r in records if r.get("end_date", "9999") >= TODAY.isoformat()]     # a search leaves out ended ones
    for kind, text in (("welding", welding), ("cooking", cooking), ("forklift certificate", forklift)):
        wanted = {r["id"] for r in current if r["title_nb"].startswith(KINDS[kind])}
        assert len(wanted) >= 5, kind
        assert _found_on_the_page(client, lang, text) == wanted, (lang, kind, text)
