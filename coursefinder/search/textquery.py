"""Turning what a person typed into a Whoosh query, without any query syntax.

People type ``AND OR (``, quotes, ``*`` or ``title:x`` without meaning them as
syntax, so the text is never given to Whoosh's query parser: it is split into words,
each word is analysed the way each field was analysed, and every word must match in
at least one field (title weighted highest).  A word the catalogue does not know also
matches its near known words, weighted far lower; on the English interface a word or
phrase of the domain glossary also matches its Norwegian translations.
"""

import re

from whoosh.query import And, Or, Term

from .analysis import english_analyzer, norwegian_analyzer, terms
from .glossary import concepts
from .schema import ENGLISH_FIELDS, TEXT_FIELDS

_WORD = re.compile(r"\w+")
_ANALYZERS = {"nb": norwegian_analyzer(), "en": english_analyzer()}
# A typo correction counts a quarter of the word as typed, so exact matches come first.
FUZZY_WEIGHT = 0.25


def words(text):
    return _WORD.findall(text or "")


def _terms(word, weight):
    analysed = {lang: list(dict.fromkeys(terms(analyzer, word))) for lang, analyzer in _ANALYZERS.items()}
    if not all(analysed.values()):
        # A stop word in either language ("og", "the") is left out of the query,
        # not demanded from the fields of the other language.
        return []
    return [Term(field, term, boost=boost * weight)
            for field, boost in TEXT_FIELDS.items()
            for term in analysed["en" if field in ENGLISH_FIELDS else "nb"]]


def _word_clause(word, speller):
    alternatives = _terms(word, 1.0)
    if alternatives and speller is not None and not speller.known(word):
        for near in speller.near(word):
            alternatives.extend(_terms(near, FUZZY_WEIGHT))
    return Or(alternatives) if alternatives else None


def _all_of(clauses):
    clauses = [clause for clause in clauses if clause is not None]
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else And(clauses)


def build_query(text, lang="nb", speller=None):
    """A Whoosh query for ``text``, or None when no word of it can match (empty, stop words)."""
    typed = words(text)
    groups = concepts(typed) if lang == "en" else [([word], None) for word in typed]
    clauses = []
    for group, norwegian in groups:
        options = [_all_of(_word_clause(word, speller) for word in group)]
        for translation in norwegian or ():
            options.append(_all_of(_word_clause(word, None) for word in words(translation)))
        options = [option for option in options if option is not None]
        if options:
            clauses.append(options[0] if len(options) == 1 else Or(options))
    return _all_of(clauses)
