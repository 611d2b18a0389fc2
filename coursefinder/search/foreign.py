"""Words typed in Ukrainian, Arabic, Somali and Tigrinya, made comparable with the thesaurus's glossaries.

Each language has three steps, engine-neutral and pure Python:

* ``words`` splits text.  Python's ``\\w`` ends a word at a combining mark, so Arabic tashkeel
  (``لَحّام``) and a Ukrainian stress accent would cut a word in pieces: such marks, tatweel and
  invisible joiners are removed first.  An apostrophe between letters stays inside the word
  (Ukrainian ``м'ясо``, Somali ``ma'lumaad``).
* ``normalise`` is the form a word is matched by as written:
  - uk: lower case; every apostrophe (' ’ ʼ ` ´ ‘) removed, since people type any of them or none;
    ґ as г (most keyboards and writers use г); Latin letters that look Cyrillic (a c e i k o p
    x y ï) as Cyrillic inside a Cyrillic word, since people on Russian or English layouts type ``водiй``.
  - ar: tashkeel and tatweel removed; أ إ آ ٱ as ا; ى as ي; ة as ه; ئ as ي and ؤ as و (``سايق`` is
    how many type ``سائق``); Persian ی and ک as ي and ك.
  - so: lower case, apostrophes removed (``ma'lumaad``).
  - ti: the letters that sound alike in Tigrinya written one way: the ሠ series as ሰ, ፀ as ጸ, ኀ as ሐ.
    ሀ and ሐ, and ኣ, አ and ዐ, are different sounds in Tigrinya and stay apart.
* ``stem`` also meets a word's inflected forms:
  - uk: the longest ending of ``_UK_ENDINGS`` (case endings of nouns and adjectives) is cut while
    at least 3 letters stay, 4 for -ий/-ій (so водій, водія, водієм all give воді, and вода stays вод).
  - ar: the article with its attached particles (ال وال بال كال فال لل) is cut when 2 letters stay,
    then one suffix of ``_AR_SUFFIXES`` (plural, dual, feminine, pronoun) when 3 stay, then Snowball's
    Arabic stemmer.  Broken plurals (مطابخ, عمال) do not meet their singular: glossaries list them.
    ``_AR_KEEP`` keeps a few words from a stem that meets an unrelated one (النرويج is not النرويجية).
  - so: one definite or past suffix (-ka -ta -ga -da -ha, -kii ...), then the plural -ooyin, then a
    final vowel (shaqo, shaqada and shaqooyinka all give shaq), keeping 3 letters; then doubled
    letters are written once, since typists often write long vowels and double consonants single
    (carruurta and caruurta give carur).  The suffix goes first: nadaafad-da is not nadaafa-da.
  - ti: the plural -ታት (ሰራሕተኛታት: ሰራሕተኛ) when 2 letters stay; otherwise words match as written.
  A typed word whose stem is unknown is tried once more without attached particles (Arabic و ف ب ك
  ل, Tigrinya ን ብ ...) when a stem it then has is ``known``, that is in a glossary: so ``ولحام`` and
  ``للحام`` find لحام, while لحام itself is never cut to حام.
"""

import re
import threading
import unicodedata
from functools import lru_cache

import snowballstemmer

from ..text import words as _plain_words
from .language import WORD_CACHE

LANGUAGES = ("uk", "ar", "so", "ti")


class _Stemmers(threading.local):
    """One Snowball stemmer per thread: a stemmer keeps the word it works on in itself."""

    def __init__(self):
        self.arabic = snowballstemmer.stemmer("arabic")


_stemmers = _Stemmers()

_APOSTROPHES = "'’ʼ`´‘ʹ′"
_WORD = re.compile(rf"\w+(?:[{_APOSTROPHES}]\w+)*")
# Combining marks (tashkeel, accents), tatweel, and format characters (joiners, direction marks).
_DROP = re.compile("[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u135d-\u135f"
                   "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def words(text):
    """The words of ``text``, marks inside them removed, an apostrophe between letters kept."""
    return _WORD.findall(_DROP.sub("", unicodedata.normalize("NFC", text or "")))


def split(text, lang):
    """The normalised words of a ``lang`` text (of another language than these: its ``\\w+`` words)."""
    return [normalise(word, lang) for word in words(text)] if lang in LANGUAGES else _plain_words(text)


_UK_LATIN = str.maketrans({"a": "а", "c": "с", "e": "е", "i": "і", "k": "к", "o": "о", "p": "р", "x": "х",
                           "y": "у", "ï": "ї"})
_CYRILLIC = re.compile("[а-яіїєґ]")
_AR_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ئ": "ي", "ؤ": "و",
                             "ی": "ي", "ک": "ك"})
# Tigrinya letters of one sound: ሠ..ሧ as ሰ..ሷ, ፀ..ፆ as ጸ..ጾ, ኀ..ኆ as ሐ..ሖ.
_TI_LETTERS = {**{0x1220 + i: 0x1230 + i for i in range(8)}, **{0x1340 + i: 0x1338 + i for i in range(7)},
               **{0x1280 + i: 0x1210 + i for i in range(7)}}
_DOUBLE = re.compile(r"(\w)\1+")
_NO_APOSTROPHE = str.maketrans("", "", _APOSTROPHES)


def normalise(word, lang):
    """The written form ``word`` is matched by in ``lang`` (see the module's notes)."""
    word = _DROP.sub("", unicodedata.normalize("NFC", word)).lower()
    if lang == "uk":
        word = word.translate(_NO_APOSTROPHE).replace("ґ", "г")
        return word.translate(_UK_LATIN) if _CYRILLIC.search(word) else word
    if lang == "ar":
        return word.translate(_AR_LETTERS)
    if lang == "so":
        return word.translate(_NO_APOSTROPHE)
    if lang == "ti":
        return word.translate(_TI_LETTERS)
    raise ValueError(f"unknown language {lang!r}")


def _longest_first(text):
    return tuple(sorted(text.split(), key=len, reverse=True))


# Ukrainian case endings of nouns and adjectives (instrumental -ами/-ями, dative -ові/-еві, genitive
# plural -ів, adjectival -ого/-ому/-ий/-ій/-ої ...); the consonant stem before them is kept.
_UK_ENDINGS = _longest_first("ами ями ові еві єві ого ому ими іми ах ях ів їв ям ам ою ею єю ом ем єм "
                             "ий ій ої их іх им ім ую юю а я и і ї у ю о е є ь й")
_AR_ARTICLES = ("وال", "فال", "بال", "كال", "لل", "ال")
_AR_SUFFIXES = _longest_first("ات ون ين ان ها يه ه ي")
_AR_PARTICLES = "وفبكل"
# Somali definite (-ka, -ta ...), past definite (-kii ...) and "the ... of" (-aha) endings.
_SO_SUFFIXES = _longest_first("ka ta ga da ha kii tii gii dii hii")
_SO_VOWELS = "aeiou"
_TI_PARTICLES = ("ካብ", "ኣብ", "ናብ", "ከም", "ምስ", "ን", "ብ")
# Words kept from a stem that meets an unrelated word: the country «النرويج» (Norway) would stem like
# «النرويجية» (Norwegian), «الرياضيات» (mathematics) like «الرياضة» (sport) and «رياض» (kindergartens).
_AR_KEEP = {"نرويج": "نرويج:", "رياضيات": "رياضيات"}


@lru_cache(maxsize=WORD_CACHE)
def _stem_uk(word):
    for ending in _UK_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= (4 if ending in ("ий", "ій") else 3):
            return word[:-len(ending)]
    return word


def stem_arabic(word):
    """Article, one suffix, then Snowball (``word`` normalised); uncached, so tests can run it in threads."""
    for article in _AR_ARTICLES:
        if word.startswith(article) and len(word) - len(article) >= 2:
            word = word[len(article):]
            break
    if word in _AR_KEEP:
        return _AR_KEEP[word]
    for suffix in _AR_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[:-len(suffix)]
            break
    return _stemmers.arabic.stemWord(word)


_stem_ar = lru_cache(maxsize=WORD_CACHE)(stem_arabic)


@lru_cache(maxsize=WORD_CACHE)
def _stem_so(word):
    for suffix in _SO_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[:-len(suffix)]
            break
    if word.endswith("ooyin") and len(word) >= 8:   # koorsooyin, shaqooyin
        word = word[:-5]
    return _DOUBLE.sub(r"\1", word[:-1] if len(word) > 3 and word[-1] in _SO_VOWELS else word)


def _stem_ti(word):
    return word[:-2] if word.endswith("ታት") and len(word) >= 4 else word


_STEMMERS = {"uk": _stem_uk, "ar": _stem_ar, "so": _stem_so, "ti": _stem_ti}


def _without_particles(word, lang):
    """``word`` less one or two attached particles, longest remainder first (Arabic, Tigrinya)."""
    if lang == "ar":
        found = [word[1:]] if len(word) >= 4 and word[0] in _AR_PARTICLES else []
        return found + [word[2:] for _ in found if len(word) >= 5 and word[1] in _AR_PARTICLES]
    if lang == "ti":
        return [word[len(p):] for p in _TI_PARTICLES if word.startswith(p) and len(word) - len(p) >= 2]
    return []


def stem(word, lang, known=frozenset()):
    """The stem ``word`` is matched by in ``lang``; a word whose stem is not ``known`` but which has
    a known stem without an attached particle gets that one."""
    word = normalise(word, lang)
    found = _STEMMERS[lang](word)
    if found not in known:
        for rest in _without_particles(word, lang):
            if _STEMMERS[lang](rest) in known:
                return _STEMMERS[lang](rest)
    return found


_STOP = {
    "uk": "в у на з із зі до для по про за від од при під над без через між і й та а але або чи як що "
          "це мені я мій моя мої де щоб який яка які о об",
    "ar": "في من على علي عن الى الي إلى مع او أو ثم هذا هذه ذلك تلك التي الذي الذين كيف اين انا أنا لي "
          "و ف ب ل ك ما لا",
    "so": "iyo ee ah oo ka ku u la waa in ama aan ayaan ah ilaa si kale",
    "ti": "ናይ ኣብ ካብ ናብ ምስ ከም እቲ እታ እዚ እዛ ን ብ እዩ ኢዩ ከምኡ ውን",
}
# As normalised and as written, so that a list of words typed (not normalised) is understood too.
STOP_WORDS = {lang: frozenset(text.split()) | {normalise(word, lang) for word in text.split()}
              for lang, text in _STOP.items()}


def is_stop(word, lang):
    return normalise(word, lang) in STOP_WORDS[lang]


def terms(words_, lang, known=frozenset()):
    """The stems of the words of a phrase that are not grammatical words, in order."""
    return tuple(stem(word, lang, known) for word in words_ if not is_stop(word, lang))


def glossary_file(data, lang, fail):
    """(generic forms, stems known, entries) of ``glossary-LANG.json``: {"about": "how it was made",
    "generic": [words that say little about which course], "glossary": [{LANG: [...], "concepts": [...]}]}.
    The forms are the generic words normalised and stemmed; the known stems also those of every glossary
    word.  ``fail(where, message)`` raises; the entries themselves are checked by the thesaurus."""
    where = f"glossary-{lang}.json"
    if lang not in LANGUAGES or not isinstance(data, dict) or set(data) != {"about", "generic", "glossary"} \
            or not isinstance(data["about"], str) or not data["about"].strip():
        fail(where, "must be an object with an 'about' text, its 'generic' words and its 'glossary' entries")
    generic = data["generic"]
    if not isinstance(generic, list) or not generic or not all(isinstance(w, str) and w.strip() for w in generic):
        fail(where, "generic must be a non-empty list of words")
    generic = [word for text in generic for word in split(text, lang)]
    forms = frozenset(generic) | {stem(word, lang) for word in generic}
    phrases = [phrase for entry in data["glossary"] if isinstance(entry, dict) and isinstance(entry.get(lang), list)
               for phrase in entry[lang] if isinstance(phrase, str)] if isinstance(data["glossary"], list) else []
    return forms, forms | {stem(word, lang) for phrase in phrases for word in split(phrase, lang)}, data["glossary"]
