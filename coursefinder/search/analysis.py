"""Text analysis: how words in courses and queries are turned into index terms.

Norwegian text is stemmed with Snowball's Norwegian stemmer (language code ``no``;
``nb`` would silently give no stemming) and then folded, so that a person without
æ, ø and å on the keyboard finds what they mean: ``forerkort`` finds ``førerkort``.
Stemming comes before folding because the stemmer knows æ, ø and å as vowels.
"""

from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.lang import stopwords_for_language

# aa is the old spelling of å, and what people type for it on foreign keyboards.
_FOLDS = (("aa", "a"), ("æ", "ae"), ("ø", "o"), ("å", "a"), ("ä", "ae"), ("ö", "o"), ("é", "e"), ("ü", "u"))


def fold(word):
    for source, target in _FOLDS:
        word = word.replace(source, target)
    return word


class FoldFilter(Filter):
    def __call__(self, tokens):
        for token in tokens:
            token.text = fold(token.text)
            yield token


def _stoplist(language):
    words = set(stopwords_for_language(language))
    return frozenset(words | {fold(word) for word in words} | {word.replace("å", "aa") for word in words})


_TOKENS = r"\w+"


def norwegian_analyzer():
    return (RegexTokenizer(_TOKENS) | LowercaseFilter() | StopFilter(stoplist=_stoplist("no"), minsize=1)
            | StemFilter(lang="no", cachesize=50_000) | FoldFilter())


def english_analyzer():
    return (RegexTokenizer(_TOKENS) | LowercaseFilter() | StopFilter(stoplist=_stoplist("en"), minsize=1)
            | StemFilter(lang="en", cachesize=50_000) | FoldFilter())


def terms(analyzer, text):
    """The index terms the analyzer makes of ``text`` (for queries and tests)."""
    return [token.text for token in analyzer(text)]
