"""Turning what a person typed into a Whoosh query, without any query syntax.

People type ``AND OR (``, quotes, ``*`` or ``title:x`` without meaning them as
syntax, so the text is never given to Whoosh's query parser: it is split into words,
each word is analysed the way each field was analysed, and every word must match in
at least one field (title weighted highest).
"""

import re

from whoosh.query import And, Or, Term

from .analysis import english_analyzer, norwegian_analyzer, terms
from .schema import ENGLISH_FIELDS, TEXT_FIELDS

_WORD = re.compile(r"\w+")
_ANALYZERS = {"nb": norwegian_analyzer(), "en": english_analyzer()}


def words(text):
    return _WORD.findall(text or "")


def build_query(text):
    """A Whoosh query for ``text``, or None when no word of it can match (empty, stop words)."""
    clauses = []
    for word in words(text):
        analysed = {lang: list(dict.fromkeys(terms(analyzer, word))) for lang, analyzer in _ANALYZERS.items()}
        if not all(analysed.values()):
            # A stop word in either language ("og", "the") is left out of the query,
            # not demanded from the fields of the other language.
            continue
        alternatives = [Term(field, term, boost=boost)
                        for field, boost in TEXT_FIELDS.items()
                        for term in analysed["en" if field in ENGLISH_FIELDS else "nb"]]
        clauses.append(Or(alternatives))
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else And(clauses)
