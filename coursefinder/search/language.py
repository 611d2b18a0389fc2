"""How words of courses and queries become search terms, independent of the search engine.

Norwegian text is stemmed with Snowball's Norwegian stemmer, then folded, so that a
person without æ, ø and å on the keyboard finds what they mean: ``forerkort`` finds
``førerkort``.  Stemming comes before folding because the stemmer knows æ, ø and å as
vowels.  English is stemmed with Snowball's English stemmer.

Norwegian joins words into compounds (``sveise|kurs``, ``renhold|s|operatør``), so
compounds are also split with a domain word list and their parts kept as terms of their
own: ``sveis`` finds ``sveisekurs`` without a slow wildcard query, and an exact match
still ranks above a match on a part.

The engine's analyzers (``backend/analysis.py``) apply exactly these functions, so a
query is analysed here the way the index was.
"""

import re
import threading
from contextlib import contextmanager
from functools import lru_cache
from importlib import resources

import snowballstemmer

from ..text import fold

_VOWEL = re.compile("[aeiouyæøå]")
TOKEN = re.compile(r"\w+")
# Words a server analyses are remembered, a few thousand of each kind: the words people
# search for repeat (and each generation keeps its typed words' clauses besides), while a
# stream of junk words must not hold a server's memory.  Writing an index analyses every
# word of a catalogue, far more distinct words: it keeps them in a memo of its own
# (``index_memo``), dropped when the index is written.
WORD_CACHE = 2048
INDEX_MEMO = 500_000


class _Stemmers(threading.local):
    """One Snowball stemmer of each language per thread: a stemmer keeps its word in itself while it
    works, so two threads sharing one get each other's letters (wrong stems, or an IndexError)."""

    def __init__(self):
        self.norwegian = snowballstemmer.stemmer("norwegian")
        self.english = snowballstemmer.stemmer("english")


_stemmers = _Stemmers()


def _data(name):
    return (resources.files("coursefinder.search") / "data" / name).read_text(encoding="utf-8")


def _word_list(name):
    return [line.strip().lower() for line in _data(name).splitlines() if line.strip() and not line.startswith("#")]


# Words whose stem would fall together with an unrelated word (lager, warehouse, would
# become lag, team): their forms stem to the word itself.
_KEEP = {"lager": "lager"}


@lru_cache(maxsize=WORD_CACHE)
def stem_norwegian(word):
    """Snowball's Norwegian stem, made to meet more of a word's forms.

    Snowball strips one suffix, so ``kursene`` -> ``kurs`` but ``kurs`` -> ``kur``;
    stemming twice brings both to ``kur``.  A verbal noun in -ing meets its verb:
    ``sveising`` and ``sveise`` both become ``sveis``.
    """
    if word in _KEEP:
        return _KEEP[word]
    stemmer = _stemmers.norwegian
    stem = stemmer.stemWord(word)
    stem = _KEEP.get(stem) or stemmer.stemWord(stem)
    if len(stem) >= 7 and stem.endswith("ing"):
        base = stem[:-3]
        if len(base) >= 4 and _VOWEL.search(base):
            stem = stemmer.stemWord(base)
    # Norwegian never ends a word in a double m, but doubles it before an ending
    # (program, programmet; rom, rommet): a stem ends in one m, so every form meets the
    # base word.  Other consonants end words double too (kokk, buss, venn): they stay.
    if len(stem) >= 3 and stem.endswith("mm"):
        stem = stem[:-1]
    return stem


@lru_cache(maxsize=WORD_CACHE)
def stem_english(word):
    return _stemmers.english.stemWord(word)


def _stoplist(language):
    words = set(_word_list(f"stopwords-{language}.txt"))
    return frozenset(words | {fold(word) for word in words} | {word.replace("å", "aa") for word in words})


STOP_WORDS = {"no": _stoplist("no"), "en": _stoplist("en")}


def _load_compound_words():
    # A part is found as written inside the compound or as its stem at the end of it.
    lexicon = {}
    for word in set(_word_list("compound-words.txt")):
        stem = stem_norwegian(word)
        # Also as typed without æ, ø and å, for splitting what people type.
        for key in (word, stem, fold(word), fold(stem)):
            lexicon.setdefault(key, stem)
    return lexicon


COMPOUND_PARTS = _load_compound_words()
_LINKS = "se"   # letters that join parts: renhold-s-operatør, sveis-e-kurs
_MIN_PART = 3


@lru_cache(maxsize=WORD_CACHE)
def _split(word, whole=True):
    """The fewest known parts that make up ``word`` (with linking s or e), or None.

    With ``whole=False`` the word itself does not count as one part, so that a listed
    compound (``førerbevis``) is still split into its own parts (``fører``, ``bevis``).
    """
    best = None
    for end in range(len(word) if whole else len(word) - 1, _MIN_PART - 1, -1):
        piece = word[:end]
        if piece not in COMPOUND_PARTS:
            continue
        if end == len(word):
            candidate = [piece]
        else:
            rest = _split(word[end:])
            if rest is None and word[end] in _LINKS and end + 1 < len(word):
                rest = _split(word[end + 1:])
            if rest is None and len(piece) > 1 and piece[-1] == piece[-2]:
                # Three equal consonants are written as two: buss + sjåfør = bussjåfør.
                rest = _split(word[end - 1:])
            if rest is None:
                continue
            candidate = [piece] + rest
        if best is None or len(candidate) < len(best):
            best = candidate
    return best


@lru_cache(maxsize=WORD_CACHE)
def compound_parts(stem):
    """Stems of the parts of a compound (and of their own parts); empty for a simple word."""
    parts = _split(stem, whole=False)
    if not parts:
        return ()
    found = []
    for part in parts:
        found.append(COMPOUND_PARTS[part])
        found.extend(compound_parts(part))
    return tuple(dict.fromkeys(found))


def compound_modifiers(word):
    """Folded stems of a typed compound's parts before its last (lagermedarbeider -> lager).

    The last part of a Norwegian compound says what kind of thing it is (a worker, a
    course) and the parts before it say which, so a course about ``lager`` answers a
    search for ``lagermedarbeider`` better than one about any ``medarbeider``.
    """
    lowered = word.lower()
    stem = stem_norwegian(lowered)
    if lowered in COMPOUND_PARTS or stem in COMPOUND_PARTS:
        return ()  # a listed word (førerkort, yrkessjåfør) is a thing of its own
    parts = _split(stem, whole=False)
    if not parts:
        return ()
    stems = [fold(COMPOUND_PARTS[part]) for part in parts[:-1]]
    # Short stems (før, yrk) say too little to stand for the compound.
    return tuple(dict.fromkeys(stem for stem in stems if len(stem) >= 4))


def split_typed(word, known, min_part=_MIN_PART):
    """A typed word as the fewest parts that ``known(part)`` accepts (``truckkurs`` -> truck, kurs), or None.

    For what people type as one word although courses write it apart or otherwise
    (``lagerjobb``, ``helsekurs``, ``sykehjemsassistent``); linking ``s`` and ``e`` are allowed
    between parts.  The word itself is never one part.
    """
    memo = {}

    def split(rest, whole=True):
        if (rest, whole) in memo:
            return memo[rest, whole]
        best = [rest] if whole and len(rest) >= min_part and known(rest) else None
        for end in range(len(rest) - min_part, min_part - 1, -1):
            piece = rest[:end]
            if not known(piece):
                continue
            tail = split(rest[end:])
            if tail is None and rest[end] in _LINKS and len(rest) - end - 1 >= min_part:
                tail = split(rest[end + 1:])
            if tail is not None and (best is None or len(tail) + 1 < len(best)):
                best = [piece] + tail
        memo[rest, whole] = best
        return best

    return split(word.lower(), whole=False)


def _tokens(text, language):
    stop = STOP_WORDS[language]
    return [token for token in (match.group().lower() for match in TOKEN.finditer(text or "")) if token not in stop]


def norwegian_terms(text):
    """The terms of Norwegian text: words stemmed, then folded."""
    return [_norwegian_term(token) for token in _tokens(text, "no")]


@lru_cache(maxsize=WORD_CACHE)
def _norwegian_term(token):
    return fold(stem_norwegian(token))


def compound_terms(text):
    """The terms of the parts of the Norwegian compounds in ``text`` (simple words give none)."""
    return [term for token in _tokens(text, "no") for term in _part_terms(token)]


def _part_terms(token):
    return tuple(fold(part) for part in compound_parts(stem_norwegian(token)))


def english_terms(text):
    return [_english_term(token) for token in _tokens(text, "en")]


@lru_cache(maxsize=WORD_CACHE)
def _english_term(token):
    return fold(stem_english(token))


# How each kind of text field is analysed; the engine's analyzers follow the same names.
ANALYSES = {"nb": norwegian_terms, "en": english_terms, "parts": compound_terms}

# The same analyses one word at a time, for the index writer's memo: a token's terms.
_WORD_TERMS = {"nb": lambda token: (_norwegian_term(token),), "en": lambda token: (_english_term(token),),
               "parts": _part_terms}
_STOP_OF = {"nb": "no", "en": "en", "parts": "no"}
_index_memo = threading.local()


@contextmanager
def index_memo():
    """While an index is written (in this thread, and in the writing processes forked from it),
    ``index_terms`` keeps each word's terms; they are dropped at the end."""
    _index_memo.words = {kind: {} for kind in ANALYSES}
    try:
        yield
    finally:
        _index_memo.words = None


def index_terms(kind, text):
    """``ANALYSES[kind](text)``, with each word's terms kept while an index is written (``index_memo``)."""
    memos = getattr(_index_memo, "words", None)
    if memos is None:
        return ANALYSES[kind](text)
    memo, analyse, stop = memos[kind], _WORD_TERMS[kind], STOP_WORDS[_STOP_OF[kind]]
    found = []
    for token in TOKEN.findall(text or ""):
        token = token.lower()
        terms = memo.get(token)
        if terms is None:
            if token in stop:
                continue
            if len(memo) >= INDEX_MEMO:
                memo.clear()    # a bound, not a policy: no catalogue of courses has this many words
            terms = memo[token] = analyse(token)
        found.extend(terms)
    return found
