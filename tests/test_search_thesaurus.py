"""The occupational thesaurus: data that loads and is checked, lookups as jobseekers type, coverage."""

import copy
import json
from importlib import resources

import pytest

from coursefinder.catalogue.vocabulary import SECTORS
from coursefinder.search import thesaurus as T
from coursefinder.search.language import compound_parts, english_terms, norwegian_terms, stem_norwegian
from coursefinder.text import fold, words


def _data(name):
    return json.loads((resources.files("coursefinder.search") / "data" / name).read_text(encoding="utf-8"))


def _ids(text, lang="nb"):
    return {cid for _, _, ids in T.lookup(text, lang) for cid in ids}


def _terms(text, lang="nb"):
    """Every Norwegian term a search for ``text`` would bring in (its concepts and narrower ones)."""
    return {term.lower() for cid in _ids(text, lang) for term in T.norwegian_terms(cid)}


# --- validation -------------------------------------------------------------------------------

def _minimal():
    occupations = {"about": "test data", "concepts": [
        {"id": "welding", "sector": "industry", "nb": ["sveising", "sveiser"], "nn": ["sveisar"],
         "narrower": [], "styrk": ["7212"], "source": "STYRK-08 7212"},
        {"id": "cleaning", "sector": "service", "nb": ["renhold"], "nn": ["reinhald"], "narrower": ["window-cleaning"],
         "styrk": ["9112"], "source": "STYRK-08 9112"},
        {"id": "window-cleaning", "sector": "service", "nb": ["vindusvask"], "nn": ["vindaugsvask"],
         "source": "STYRK-08 9123"},
    ]}
    glossary = [{"en": ["welding", "welder"], "concepts": ["welding"]}, {"en": ["cleaning"], "concepts": ["cleaning"]}]
    generic = {"nb": ["kurs", "jobb"], "nn": ["kurs", "jobb"], "en": ["course", "job"]}
    return occupations, glossary, generic


def test_minimal_data_builds():
    built = T.build(*_minimal())
    assert set(built.concepts) == {"welding", "cleaning", "window-cleaning"}


@pytest.mark.parametrize("change, message", [
    (lambda o, g, w: o["concepts"][1].update(narrower=["nowhere"]), "unknown concept 'nowhere'"),
    (lambda o, g, w: g.append({"en": ["painter"], "concepts": ["painting"]}), "unknown concept(s) ['painting']"),
    (lambda o, g, w: o["concepts"][0].update(nb=[]), "nb must be a non-empty list"),
    (lambda o, g, w: o["concepts"][0].update(nn=[]), "nn must be a non-empty list"),
    (lambda o, g, w: g.append({"en": [], "concepts": ["welding"]}), "en must be a non-empty list"),
    (lambda o, g, w: g.append({"en": ["weld"], "concepts": []}), "concepts must be a non-empty list"),
    (lambda o, g, w: w.update(en=[]), "en must be a non-empty list"),
    (lambda o, g, w: o["concepts"][0].update(sector="welding"), "sector must be one of"),
    (lambda o, g, w: o["concepts"][0].update(id="Welding Course"), "id must be lower-case"),
    (lambda o, g, w: o["concepts"].append(copy.deepcopy(o["concepts"][0])), "the id is used twice"),
    (lambda o, g, w: o["concepts"][0].update(source=" "), "source must say"),
    (lambda o, g, w: o["concepts"][0].update(styrk=["72"]), "styrk codes"),
    (lambda o, g, w: o["concepts"][0].update(exact=["maler"]), "exact lists words that are not its terms"),
    (lambda o, g, w: o["concepts"][0].update(sources="x"), "unknown field(s) ['sources']"),
    (lambda o, g, w: o["concepts"][0]["nb"].append("kurs"), "'kurs' is made of generic words only"),
    (lambda o, g, w: o["concepts"][0]["nb"].append("kursene"), "generic words only"),
    (lambda o, g, w: g.append({"en": ["job"], "concepts": ["welding"]}), "generic words only"),
    (lambda o, g, w: o["concepts"][0]["nb"].append("Sveising"), "twice"),
    (lambda o, g, w: g.append({"en": ["Welder"], "concepts": ["cleaning"]}), "already in entry 1"),
    # The same words in two concepts of which neither is narrower than the other, without a reason:
    (lambda o, g, w: o["concepts"][0]["nb"].append("renhold"), "neither concept is narrower"),
    (lambda o, g, w: o["concepts"][0]["nb"].append("renholdet"), "neither concept is narrower"),
    (lambda o, g, w: o.update(shared=[{"term": "renhold", "concepts": ["welding"], "reason": "x"}]), "two or more"),
    (lambda o, g, w: o.update(shared=[{"term": "renhold", "concepts": ["welding", "cleaning"]}]), "a reason"),
    (lambda o, g, w: o.pop("about"), "'about' text"),
    (lambda o, g, w: w.pop("nn"), "must be an object with the lists nb, nn, en"),
])
def test_broken_data_is_refused_with_a_clear_error(change, message):
    occupations, glossary, generic = _minimal()
    change(occupations, glossary, generic)
    with pytest.raises(T.ThesaurusError) as raised:
        T.build(occupations, glossary, generic)
    assert message in str(raised.value)


def test_a_term_may_be_shared_by_related_concepts_or_with_a_reason():
    occupations, glossary, generic = _minimal()
    occupations["concepts"][2]["nb"].append("renhold")     # window-cleaning is narrower than cleaning
    T.build(occupations, glossary, generic)
    occupations["concepts"][0]["nb"].append("vindusvask")
    occupations["shared"] = [{"term": "vindusvask", "concepts": ["welding", "window-cleaning"], "reason": "a test"}]
    T.build(occupations, glossary, generic)


def test_narrower_concepts_are_followed_once_even_in_a_cycle(monkeypatch):
    occupations, glossary, generic = _minimal()
    occupations["concepts"][2]["narrower"] = ["cleaning"]   # cleaning <-> window-cleaning
    built = T.build(occupations, glossary, generic)
    monkeypatch.setattr(T, "thesaurus", lambda: built)
    assert T.norwegian_terms("cleaning") == ["renhold", "reinhald", "vindusvask", "vindaugsvask"]
    assert T.norwegian_terms("cleaning", narrower=False) == ["renhold", "reinhald"]
    assert T.norwegian_terms("window-cleaning")[:2] == ["vindusvask", "vindaugsvask"]


def test_the_bundled_data_loads_and_says_what_it_is():
    assert T.thesaurus().concepts
    about = _data("occupations.json")["about"]
    for words_that_matter in ("STYRK-08", "navikt", "REVIEW", "lager", "vaktmester", "hudpleie", "truckfører"):
        assert words_that_matter in about


# --- lookups ------------------------------------------------------------------------------------

@pytest.mark.parametrize("typed, lang, wanted", [
    ("rengjøring", "nb", {"renhold", "renholdsoperatør"}),
    ("pleier", "nb", {"pleieassistent", "helsefagarbeider"}),
    ("kjøkkenhjelp", "nb", {"kjøkkenassistent"}),
    ("ekspeditør", "nb", {"butikkmedarbeider"}),
    ("sjåfør", "nb", {"yrkessjåfør", "bussjåfør", "lastebilsjåfør", "drosjesjåfør"}),
    ("reinhald", "nn", {"renhold", "renholdsoperatør"}),
    ("sveisar", "nn", {"sveising", "sveiser"}),
    ("helsefagarbeidar", "nn", {"helsefagarbeider"}),
    ("vaskehjelp", "nb", {"renhold"}),
    ("hjelpepleier", "nb", {"helsefagarbeider"}),
    ("forerkort", "nb", {"førerkort", "klasse b"}),
    ("sjafor", "nb", {"yrkessjåfør"}),
    ("cleaning job", "en", {"renhold"}),
    ("care worker", "en", {"pleieassistent", "helsefagarbeider"}),
    ("bus driver course", "en", {"bussjåfør"}),
    ("lorry licence", "en", {"lastebilsjåfør", "klasse c", "klasse ce"}),
    ("driving license", "en", {"førerkort"}),
    ("forklift licence", "en", {"truckførerbevis"}),
])
def test_what_jobseekers_type_finds_the_course_words(typed, lang, wanted):
    assert wanted <= _terms(typed, lang), (typed, sorted(_terms(typed, lang))[:40])


@pytest.mark.parametrize("typed, concepts", [
    ("cleaning job", {"cleaning"}), ("care worker", {"care-assistant", "health-worker"}),
    ("bus driver course", {"bus-driver"}), ("lorry licence", {"licence-c", "licence-ce", "lorry-driver"}),
    ("driving license", {"driving-licence"}), ("forklift licence", {"forklift"}),
    ("forklift truck", {"forklift"}), ("fork lift", {"forklift"}), ("health care worker", {"health-worker"}),
    ("heavy goods vehicle", {"lorry-driver"}), ("HGV", {"lorry-driver"}), ("driver's license", {"driving-licence"}),
    ("drivers licence", {"driving-licence"}), ("kitchen porter", {"kitchen-assistant"}),
    ("shop assistant", {"shop-assistant"}), ("security guard", {"security"}), ("nursing home", {"nursing-home"}),
    ("child care", {"childcare-youth-work"}), ("day care", {"kindergarten"}), ("welders", {"welding"}),
    ("labour market", {"working-life"}), ("labor market", {"working-life"}), ("call centre", {"call-centre"}),
    ("call center", {"call-centre"}), ("after-school programme", {"after-school-care"}),
    ("after school program", {"after-school-care"}), ("IT support", {"it-support"}), ("it support", {"it-support"}),
])
def test_english_phrases_are_found_longest_first(typed, concepts):
    found = T.lookup(typed, "en")
    assert found and found[0][0] == 0 and set(found[0][2]) == concepts, found


def test_english_words_that_name_several_things_map_to_all_of_them():
    for word in ("licence", "license", "certificate"):
        assert {"driving-licence", "trade-certificate", "forklift"} <= _ids(word, "en"), word
    assert {"lorry-driver", "forklift"} <= _ids("truck", "en")
    assert {"bus-driver", "lorry-driver", "taxi-driver", "delivery-driver"} <= _ids("driver", "en")
    assert _ids("truck", "nb") == {"forklift"}      # in Norwegian a truck is a forklift


def test_lookup_gives_spans_and_leaves_other_words_out():
    assert T.lookup(["jobb", "på", "lager", "i", "Bergen"]) == [(2, 3, ("warehouse",))]
    assert T.lookup("assistent i skole og SFO")[0][:2] == (0, 5)
    assert T.lookup("Lager og logistikk") == [(0, 3, ("logistics",))]
    assert T.lookup("i sveis") == [(1, 2, ("welding",))]        # no phrase begins with "i"


def test_a_compound_ending_in_a_generic_word_is_looked_up_by_its_first_part():
    assert T.concepts_of_word("sveisekurs") == ("welding",)
    assert T.concepts_of_word("lagerjobb") == ("warehouse",)
    assert T.concepts_of_word("renholdskurs") == ("cleaning",)
    assert T.concepts_of_word("vekterkurs") == ("security",)


def test_a_compound_typed_apart_is_joined():
    assert T.lookup("skole assistent") == [(0, 2, ("school-assistant",))]
    assert T.lookup("buss sjåfør") == [(0, 2, ("bus-driver",))]       # bus+sjåfør is written bussjåfør
    assert T.lookup("renholds operatør kurs") == [(0, 3, ("cleaning",))]
    assert T.lookup("fork lift", "en") == [(0, 2, ("forklift",))]


@pytest.mark.parametrize("typed", ["male", "mal", "hele", "vekt", "vakter", "lage", "koke", "bil", "stilling",
                                   "sertifikat", "post", "utvikling", "kurs", "kurset", "jobb", "assistent"])
def test_false_friends_and_generic_words_find_no_concept(typed):
    assert T.lookup(typed) == []


def test_false_friends_stay_apart():
    assert T.concepts_of_word("maler") == ("painter",) and T.concepts_of_word("vekter") == ("security",)
    assert "vaktmester" not in T.norwegian_terms("security")
    assert "vekter" not in T.norwegian_terms("caretaker")
    assert not {"truckfører", "truck"} & set(T.norwegian_terms("professional-driver"))
    assert not {"hudpleie", "bilpleie", "hårpleie", "dyrepleie"} & set(T.norwegian_terms("health-care-work"))
    assert T.concepts_of_word("hudpleie") == ("beauty",)
    assert T.concepts_of_word("kokk") == ("cook",) and T.concepts_of_word("lager") == ("warehouse",)
    assert T.concepts_of_word("skin care", "en") == ("beauty",) and T.concepts_of_word("care", "en")


def test_generic_words():
    for word, lang in (("kurs", "nb"), ("kursene", "nb"), ("arbeider", "nb"), ("opplæring", "nn"),
                       ("medarbeidar", "nn"), ("courses", "en"), ("training", "en"), ("programme", "en")):
        assert T.is_generic(word, lang), word
    for word, lang in (("sveising", "nb"), ("stillas", "nb"), ("programming", "en"), ("welding", "en")):
        assert not T.is_generic(word, lang), word


def test_no_generic_word_is_a_concept_term():
    generic = _data("generic-words.json")
    stems = {stem for lang in ("nb", "nn") for word in generic[lang] for stem in norwegian_terms(word)}
    written = {fold(word.lower()) for lang in ("nb", "nn") for word in generic[lang]}
    for concept in T.thesaurus().concepts.values():
        for term in concept.terms:
            if len(words(term)) == 1:
                assert fold(term.lower()) not in written, (concept.id, term)
                assert term in concept.exact or not set(norwegian_terms(term)) & stems, (concept.id, term)
    english = {word.lower() for word in generic["en"]}
    assert not {phrase.lower() for entry in _data("glossary-en.json") for phrase in entry["en"]} & english
    for lang in ("nb", "nn", "en"):
        for word in generic[lang]:
            assert T.lookup(word, lang) == [], word


# --- extent and coverage -------------------------------------------------------------------------

def test_every_sector_has_concepts():
    assert {concept.sector for concept in T.thesaurus().concepts.values()} == set(SECTORS)


def test_the_thesaurus_is_large_enough():
    concepts = T.thesaurus().concepts.values()
    assert len(concepts) >= 120
    assert sum(len(concept.nb) + len(concept.nn) for concept in concepts) >= 500
    assert len({term.lower() for concept in concepts for term in concept.terms}) >= 500
    assert sum(len(entry["en"]) for entry in _data("glossary-en.json")) >= 250
    assert all(T.english_phrases(concept.id) for concept in concepts)


def _title_forms(title):
    forms = set()
    for word in words(title):
        forms.add(fold(word.lower()))
        forms.update(norwegian_terms(word))
        forms.update(fold(part) for part in compound_parts(stem_norwegian(word.lower())))
    return forms


def _covers(concept, forms):
    for term in concept.terms:
        key = [fold(word.lower()) for word in words(term)] if term in concept.exact else norwegian_terms(term)
        if key and all(part in forms for part in key):
            return True
    return False


def test_every_course_of_the_sample_catalogue_has_a_concept():
    courses = json.loads((resources.files("coursefinder.catalogue") / "data" / "sample-courses.json")
                         .read_text(encoding="utf-8"))
    concepts = T.thesaurus().concepts.values()
    uncovered = sorted({course["title_nb"] for course in courses
                        if not any(_covers(concept, _title_forms(course["title_nb"])) for concept in concepts)})
    if uncovered:
        print("Titles no concept covers:", *uncovered, sep="\n  ")
    assert not uncovered, uncovered


def test_english_titles_of_the_catalogue_are_understood():
    courses = json.loads((resources.files("coursefinder.catalogue") / "data" / "sample-courses.json")
                         .read_text(encoding="utf-8"))
    missed = sorted({course["title_en"] for course in courses if course.get("title_en")
                     and not T.lookup(course["title_en"], "en")})
    assert not missed, missed
    assert english_terms("welders") == ["welder"]       # the glossary leans on English stemming
