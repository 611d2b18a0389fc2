"""Turning what a person typed into a query tree, without any query syntax.

People type ``AND OR (``, quotes, ``*`` or ``title:x`` without meaning them as
syntax, so the text is never given to a query parser: it is split into words,
each word is analysed the way each field was analysed, and every word must match in
at least one field (title weighted highest).  A word the catalogue does not know also
matches its near known words, weighted far lower; on the English interface a word or
phrase of the domain glossary also matches its Norwegian translations.
"""

from dataclasses import dataclass

from ..text import words
from .glossary import concepts
from .language import compound_modifiers, english_terms, norwegian_terms
from .textfields import TEXT_FIELDS, TITLE_FIELDS

# A typo correction counts a quarter of the word as typed, and the first parts of a
# compound (lager in lagermedarbeider) less than a third, so exact matches come first.
FUZZY_WEIGHT = 0.25
MODIFIER_WEIGHT = 0.3


@dataclass(frozen=True)
class Term:
    field: str
    text: str
    boost: float = 1.0


@dataclass(frozen=True)
class AnyOf:
    """Matches where any child does; scores the sum of the children that match."""
    children: tuple


@dataclass(frozen=True)
class AllOf:
    """Matches where every child does; scores the sum of the children."""
    children: tuple


def And(children):
    return AllOf(tuple(children))


def Or(children):
    return AnyOf(tuple(children))


def _terms(word, weight):
    analysed = {"nb": list(dict.fromkeys(norwegian_terms(word))), "en": list(dict.fromkeys(english_terms(word)))}
    if not all(analysed.values()):
        # A stop word in either language ("og", "the") is left out of the query,
        # not demanded from the fields of the other language.
        return []
    # A typed word is looked for as itself in every field, also in those that hold the parts
    # of compounds (the word may be such a part): Norwegian analysis there, as in the index.
    return [Term(field.name, term, boost=field.weight * weight)
            for field in TEXT_FIELDS.values()
            for term in analysed["en" if field.analysis == "en" else "nb"]]


def _modifiers(word, weight):
    """Courses about the first parts of a compound the person typed, or None."""
    stems = compound_modifiers(word)
    if not stems:
        return None
    return _all_of(Or([Term(field, stem, boost=TEXT_FIELDS[field].weight * weight) for field in TITLE_FIELDS])
                   for stem in stems)


def _word_clause(word, speller):
    alternatives = _terms(word, 1.0)
    if not alternatives:
        return None
    alternatives.append(_modifiers(word, MODIFIER_WEIGHT))
    if speller is not None and not speller.known(word):
        for near in speller.near(word):
            alternatives.extend(_terms(near, FUZZY_WEIGHT))
            alternatives.append(_modifiers(near, FUZZY_WEIGHT * MODIFIER_WEIGHT))
    return Or([alternative for alternative in alternatives if alternative is not None])


def _all_of(clauses):
    clauses = [clause for clause in clauses if clause is not None]
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else And(clauses)


def build_query(text, lang="nb", speller=None):
    """A query tree for ``text``, or None when no word of it can match (empty, stop words)."""
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
