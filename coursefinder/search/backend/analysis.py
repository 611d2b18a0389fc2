"""Whoosh analyzers that apply the rules of ``search/language.py`` to the index's text fields.

Each analyzer is the language module's tokens, stop words, stemming and folding as a
Whoosh pipeline, so the index holds exactly the terms a query is analysed into.
"""

from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter

from ...text import fold
from .. import language


class FoldFilter(Filter):
    def __call__(self, tokens):
        for token in tokens:
            token.text = fold(token.text)
            yield token


class CompoundPartsFilter(Filter):
    """Replaces each stemmed word by the parts of its compound (and drops simple words)."""

    def __call__(self, tokens):
        for token in tokens:
            for part in language.compound_parts(token.text):
                token.text = part
                yield token


def _start(stop, stem):
    return (RegexTokenizer(language.TOKEN.pattern) | LowercaseFilter()
            | StopFilter(stoplist=language.STOP_WORDS[stop], minsize=1) | StemFilter(stemfn=stem, cachesize=None))


def norwegian_analyzer():
    return _start("no", language.stem_norwegian) | FoldFilter()


def compound_parts_analyzer():
    return _start("no", language.stem_norwegian) | CompoundPartsFilter() | FoldFilter()


def english_analyzer():
    return _start("en", language.stem_english) | FoldFilter()


ANALYZERS = {"nb": norwegian_analyzer, "en": english_analyzer, "parts": compound_parts_analyzer}
