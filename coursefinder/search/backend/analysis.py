"""Whoosh analyzers that apply the rules of ``search/language.py`` to the index's text fields.

Each analyzer is the language module's tokens, stop words, stemming and folding as a
Whoosh pipeline, so the index holds exactly the terms a query is analysed into.
"""

from whoosh.analysis import Analyzer, Filter, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter, Token

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


class TermsAnalyzer(Analyzer):
    """The terms of one of ``language.ANALYSES`` as a Whoosh analyzer, in one step.

    The same terms as the pipelines above give (and a query is analysed into, by the same
    function), without a generator per filter and a stemming call per token: writing an
    index spends most of its time in analysis.  Positions are not kept (no field stores them).
    """

    def __init__(self, kind):
        self.kind = kind

    def __eq__(self, other):
        return isinstance(other, TermsAnalyzer) and other.kind == self.kind

    def __hash__(self):
        return hash(self.kind)

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True, start_pos=0,
                 start_char=0, tokenize=True, mode="", **kwargs):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for position, text in enumerate(language.ANALYSES[self.kind](value), start_pos):
            token.text = text
            token.boost = 1.0
            token.stopped = False
            if positions:
                token.pos = position
            if chars:
                token.startchar = token.endchar = start_char
            yield token


# The steps of each analysis, as Whoosh pipelines (indexes before version 13 were written
# with them); an index is written with ``TermsAnalyzer``, the same terms in one step.
ANALYZERS = {"nb": norwegian_analyzer, "en": english_analyzer, "parts": compound_parts_analyzer}
