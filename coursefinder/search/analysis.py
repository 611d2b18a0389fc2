"""Text analysis: how words in courses and queries are turned into index terms.

Norwegian text is stemmed with Snowball's Norwegian stemmer (language code ``no``;
``nb`` would silently give no stemming), then folded, so that a person without æ, ø
and å on the keyboard finds what they mean: ``forerkort`` finds ``førerkort``.
Stemming comes before folding because the stemmer knows æ, ø and å as vowels.

Norwegian joins words into compounds (``sveise|kurs``, ``renhold|s|operatør``), so
compounds are also split at index time with a domain word list, and their parts kept
in fields of their own: ``sveis`` finds ``sveisekurs`` without a slow wildcard query,
and an exact match still ranks above a match on a part.
"""

import re
from functools import lru_cache
from importlib import resources

from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.lang import stemmer_for_language, stopwords_for_language

# aa is the old spelling of å, and what people type for it on foreign keyboards.
_FOLDS = (("aa", "a"), ("æ", "ae"), ("ø", "o"), ("å", "a"), ("ä", "ae"), ("ö", "o"), ("é", "e"), ("ü", "u"))
_VOWEL = re.compile("[aeiouyæøå]")
_snowball = stemmer_for_language("no")


def fold(word):
    for source, target in _FOLDS:
        word = word.replace(source, target)
    return word


# Words whose stem would fall together with an unrelated word (lager, warehouse, would
# become lag, team): their forms stem to the word itself.
_KEEP = {"lager": "lager"}


@lru_cache(maxsize=200_000)
def stem_norwegian(word):
    """Snowball's Norwegian stem, made to meet more of a word's forms.

    Snowball strips one suffix, so ``kursene`` -> ``kurs`` but ``kurs`` -> ``kur``;
    stemming twice brings both to ``kur``.  A verbal noun in -ing meets its verb:
    ``sveising`` and ``sveise`` both become ``sveis``.
    """
    if word in _KEEP:
        return _KEEP[word]
    stem = _snowball(word)
    stem = _KEEP.get(stem) or _snowball(stem)
    if len(stem) >= 7 and stem.endswith("ing"):
        base = stem[:-3]
        if len(base) >= 4 and _VOWEL.search(base):
            stem = _snowball(base)
    return stem


class FoldFilter(Filter):
    def __call__(self, tokens):
        for token in tokens:
            token.text = fold(token.text)
            yield token


def _load_compound_words():
    text = (resources.files("coursefinder.search") / "data" / "compound-words.txt").read_text(encoding="utf-8")
    words = {line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#")}
    # A part is found as written inside the compound or as its stem at the end of it.
    lexicon = {}
    for word in words:
        stem = stem_norwegian(word)
        # Also as typed without æ, ø and å, for splitting what people type.
        for key in (word, stem, fold(word), fold(stem)):
            lexicon.setdefault(key, stem)
    return lexicon


COMPOUND_PARTS = _load_compound_words()
_LINKS = "se"   # letters that join parts: renhold-s-operatør, sveis-e-kurs
_MIN_PART = 3


@lru_cache(maxsize=200_000)
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


@lru_cache(maxsize=200_000)
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


class CompoundPartsFilter(Filter):
    """Replaces each stemmed word by the parts of its compound (and drops simple words)."""

    def __call__(self, tokens):
        for token in tokens:
            for part in compound_parts(token.text):
                token.text = part
                yield token


def _stoplist(language):
    words = set(stopwords_for_language(language))
    return frozenset(words | {fold(word) for word in words} | {word.replace("å", "aa") for word in words})


_TOKENS = r"\w+"


def _norwegian_start():
    return (RegexTokenizer(_TOKENS) | LowercaseFilter() | StopFilter(stoplist=_stoplist("no"), minsize=1)
            | StemFilter(stemfn=stem_norwegian, cachesize=None))


def norwegian_analyzer():
    return _norwegian_start() | FoldFilter()


def compound_parts_analyzer():
    return _norwegian_start() | CompoundPartsFilter() | FoldFilter()


def english_analyzer():
    return (RegexTokenizer(_TOKENS) | LowercaseFilter() | StopFilter(stoplist=_stoplist("en"), minsize=1)
            | StemFilter(lang="en", cachesize=50_000) | FoldFilter())


def terms(analyzer, text):
    """The index terms the analyzer makes of ``text`` (for queries and tests)."""
    return [token.text for token in analyzer(text)]
