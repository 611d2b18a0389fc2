"""Turning what a person typed into a query tree, without any query syntax.

People type ``AND OR (``, quotes, ``*`` or ``title:x`` without meaning them as syntax,
so the text is never given to a query parser: it is split into words, and each word or
phrase becomes a clause of alternatives, weighted by how sure they are:

- the word as typed, analysed the way each field was (title weighted highest), and the
  first parts of a typed compound (``lagermedarbeider`` -> lager);
- the occupations of the thesaurus the word or phrase names (``rengjøring`` -> renhold,
  ``pleier`` -> helsefagarbeider; English and other languages through their glossaries),
  searched in what a course is called and says first, weighted below the word itself;
- for a word the catalogue and the thesaurus do not know: its parts, when it is a
  compound the catalogue writes otherwise (``truckkurs`` -> truck); its bokmål forms,
  when it is nynorsk (``reinhald`` -> renhold); and the known words near it, when it is
  mistyped (``helsefagarbieder``, and for short words the catalogue's frequent ones:
  ``kok`` -> kokk), each of which means what a typed word would mean.

Every clause must match, except the clauses of words that say little about which course
(``kurs``, ``jobb``, ``course``): they add to the score of the courses they match and
leave out none, unless they are all the query has.
"""

from dataclasses import dataclass
from functools import lru_cache

from ..text import words
from . import foreign, nynorsk, thesaurus
from .language import COMPOUND_PARTS, compound_modifiers, english_terms, norwegian_terms, split_typed
from .textfields import TEXT_FIELDS, TITLE_FIELDS

# How much each kind of alternative counts, against the word as typed (1.0).
FUZZY_WEIGHT = 0.25         # a near known word, for a mistyped one
MODIFIER_WEIGHT = 0.3       # the first parts of a compound (lager in lagermedarbeider)
PARTS_WEIGHT = 0.5          # the parts of a typed compound the catalogue does not know whole
NYNORSK_WEIGHT = 0.8        # the bokmål form of a nynorsk word
SYNONYM_WEIGHT = 0.4        # a Norwegian word of the occupation a Norwegian word names (pleier -> helsefagarbeider)
TRANSLATION_WEIGHT = 1.0    # a Norwegian word of the occupation an English (or other) word names: its meaning
GENERIC_WEIGHT = 0.5        # a word that narrows the ranking only
BROADER_WEIGHT = 0.5        # the words of the occupation a named one is part of (ekspeditør -> butikk)
# Where an occupation's words are looked for: what a course is called and says first
# (a word of the thesaurus in passing in a description is no sign of the occupation).
CONCEPT_FIELDS = ("title_nb", "title_parts", "certifications", "summary_nb")
BROADER_FIELDS = ("title_nb", "title_parts")
# Languages whose typed words the thesaurus reads (Norwegian words are read on every interface).
GLOSSARY_LANGUAGES = ("en", "uk", "ar", "so", "ti")


@dataclass(frozen=True)
class Term:
    field: str
    text: str
    boost: float = 1.0


class _Node:
    """A query clause, hashed once when made (clauses are keys of the scores kept per generation)."""

    def __post_init__(self):
        object.__setattr__(self, "_hash", hash((type(self).__name__, *(getattr(self, name) for name in self._parts))))

    def __hash__(self):
        return self._hash


@dataclass(frozen=True, eq=True)
class AnyOf(_Node):
    """Matches where any child does; scores the sum of the children that match."""
    children: tuple
    _parts = ("children",)
    __hash__ = _Node.__hash__


@dataclass(frozen=True, eq=True)
class AllOf(_Node):
    """Matches where every child does; scores the sum of the children."""
    children: tuple
    _parts = ("children",)
    __hash__ = _Node.__hash__


@dataclass(frozen=True, eq=True)
class Boosted(_Node):
    """Matches where ``required`` does; the ``optional`` children add their scores where they match too."""
    required: object
    optional: tuple
    _parts = ("required", "optional")
    __hash__ = _Node.__hash__


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


def _concept_clause(concept_ids, weight, memo=None):
    """The Norwegian words of the occupations ``concept_ids`` (with those below them, and, weighing
    less, the ones they are part of), each a clause of its words, or None."""
    if memo is None or not concept_ids:
        return _concepts_clause(concept_ids, weight)
    key = ("concepts", tuple(concept_ids), weight)
    found = memo.get(key)
    if found is None:
        found = (_concepts_clause(concept_ids, weight),)
        memo.put(key, found, size=clause_size(found[0]))
    return found[0]


def _concepts_clause(concept_ids, weight):
    phrases = {}
    for concept_id in concept_ids:
        weighed = [(term, weight, CONCEPT_FIELDS) for term in thesaurus.norwegian_terms(concept_id)]
        # The broader occupation's own words only where a course is named: "transport" in a
        # summary says nothing about flying, "butikk" in a title is a shop course.
        weighed += [(term, weight * BROADER_WEIGHT, BROADER_FIELDS) for broader in _broader().get(concept_id, ())
                    for term in thesaurus.norwegian_terms(broader, narrower=False)]
        for term, term_weight, fields in weighed:
            stems = tuple(dict.fromkeys(stem for word in words(term) for stem in norwegian_terms(word)))
            if stems and stems not in phrases:
                phrases[stems] = (term_weight, fields)
    options = [_all_of(Or([Term(field, stem, boost=TEXT_FIELDS[field].weight * term_weight) for field in fields])
                       for stem in stems) for stems, (term_weight, fields) in phrases.items()]
    options = [option for option in options if option is not None]
    return Or(options) if options else None


@lru_cache(maxsize=1)
def _broader():
    """Concept id -> the concepts it is directly narrower than."""
    found = {}
    for concept in thesaurus.thesaurus().concepts.values():
        for narrower in concept.narrower:
            found.setdefault(narrower, []).append(concept.id)
    return found


@lru_cache(maxsize=1)
def lexicon():
    """The words of the trade: every word of the thesaurus's Norwegian terms, and the compound parts."""
    found = {word.lower() for concept in thesaurus.thesaurus().concepts.values() for term in concept.terms
             for word in words(term)}
    return frozenset(found | {part for part in COMPOUND_PARTS if part.isalpha()})


def _concepts_of(word_list, language):
    """The occupations a whole word or phrase names in ``language``'s words."""
    if language not in GLOSSARY_LANGUAGES and language not in ("nb", "nn"):
        return ()
    return tuple(dict.fromkeys(concept_id for start, end, ids in thesaurus.lookup(word_list, language)
                               if start == 0 and end == len(word_list) for concept_id in ids))


# What a clause costs in memory, for the bytes bound of the caches that keep clauses: a
# term (its object; field and text strings are mostly shared) and a node (measured with
# tracemalloc on the clauses of common words: a little less than this gives).
TERM_BYTES = 120
NODE_BYTES = 80


def _children(node):
    return (node.required, *node.optional) if isinstance(node, Boosted) else node.children


def clause_size(clause):
    """About how many bytes ``clause`` (None, a Term or a node with its children) holds."""
    if clause is None:
        return 0
    if isinstance(clause, Term):
        return TERM_BYTES + len(clause.text)
    return NODE_BYTES + sum(clause_size(child) for child in _children(clause))


def node_size(node):
    """The bytes of a node and its terms, without the nodes below it: for a cache that keeps
    every node of a tree on its own (each is counted once, not again in each node above it)."""
    return NODE_BYTES + sum(clause_size(child) if isinstance(child, Term) else 8 for child in _children(node))


class Understanding:
    """What a query's words mean to one catalogue: which words it knows (its speller's) and the thesaurus's."""

    def __init__(self, speller, lang, memo=None):
        self.speller, self.lang, self.memo = speller, lang, memo

    def known(self, word):
        return (self.speller is None or self.speller.known(word) or bool(_concepts_of([word], "nb"))
                or bool(_concepts_of([word], self.lang)))

    def part(self, piece):
        return self.speller is not None and self.speller.known(piece)

    def meaning(self, word, weight):
        """What a word means (as typed, its compound's first parts, its occupations), weighted."""
        alternatives = _terms(word, weight)
        if not alternatives:
            return []
        alternatives.append(_modifiers(word, weight * MODIFIER_WEIGHT))
        alternatives.append(_concept_clause(_concepts_of([word], "nb"), weight * SYNONYM_WEIGHT, self.memo))
        if self.lang in GLOSSARY_LANGUAGES:
            alternatives.append(_concept_clause(_concepts_of([word], self.lang), weight * TRANSLATION_WEIGHT,
                                                self.memo))
        return alternatives

    def word_clause(self, word, weight=1.0):
        if self.memo is None:
            return self._word_clause(word, weight)
        key = ("word", word, weight, self.lang)
        found = self.memo.get(key)
        if found is None:
            found = (self._word_clause(word, weight),)
            self.memo.put(key, found, size=clause_size(found[0]) + 2 * len(word))
        return found[0]

    def _word_clause(self, word, weight):
        alternatives = self.meaning(word, weight)
        if not alternatives:
            return None
        if not self.known(word):
            parts = split_typed(word, self.part)
            if parts:
                alternatives.append(self._parts(parts))
            for form in nynorsk.bokmal_forms(word, self.known)[:3]:
                alternatives.extend(self.meaning(form, weight * NYNORSK_WEIGHT))
            for near in self.speller.near(word) if self.speller is not None else ():
                alternatives.extend(self.meaning(near, weight * FUZZY_WEIGHT))
        return Or([alternative for alternative in alternatives if alternative is not None])

    def _parts(self, parts):
        required = [part for part in parts if not thesaurus.is_generic(part, "nb")] or parts
        return _all_of(Or([a for a in self.meaning(part, PARTS_WEIGHT) if a is not None]) for part in required)


def _all_of(clauses):
    clauses = [clause for clause in clauses if clause is not None]
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else And(clauses)


def _generic(word, lang):
    return thesaurus.is_generic(word, "nb") or (lang in GLOSSARY_LANGUAGES and thesaurus.is_generic(word, lang))


def _groups(typed, lang):
    """The typed words in groups: ``(words, occupations)``, a glossary phrase together, longest first."""
    spans = {}
    for language in ([lang] if lang in GLOSSARY_LANGUAGES else []) + ["nb"]:
        for start, end, concept_ids in thesaurus.lookup(typed, language):
            if end - start > 1 and not any(s < end and start < e for s, e in spans):
                spans[start, end] = concept_ids
    groups, i = [], 0
    while i < len(typed):
        span = next(((s, e) for s, e in spans if s == i), None)
        if span:
            groups.append((typed[span[0]:span[1]], spans[span]))
            i = span[1]
        else:
            groups.append(([typed[i]], None))
            i += 1
    return groups


def build_query(text, lang="nb", speller=None, memo=None):
    """A query tree for ``text``, or None when no word of it can match (empty, stop words).

    ``memo`` (a mapping, for one ``speller``'s catalogue) keeps each typed word's clause
    for the next query that has the word.
    """
    understanding = Understanding(speller, lang, memo)
    required, optional = [], []
    # Arabic and Ukrainian words hold marks and apostrophes that \w would split at.
    typed = foreign.split(text, lang) if lang in foreign.LANGUAGES else words(text)
    for group, concept_ids in _groups(typed, lang):
        if len(group) == 1 and _generic(group[0], lang):
            optional.append(understanding.word_clause(group[0], GENERIC_WEIGHT))
            continue
        # A phrase of a glossary: its words as typed (but the generic ones), or its occupations.
        typed = _all_of(understanding.word_clause(word) for word in group if not _generic(word, lang))
        clause = Or([option for option in (typed, _concept_clause(concept_ids, TRANSLATION_WEIGHT, memo)) if option]) \
            if concept_ids else typed
        if clause is not None:
            required.append(clause)
    optional = [clause for clause in optional if clause is not None]
    if not required:
        # Only words that say little ("kurs"): they are what the person asks for.
        return _all_of(optional)
    query = _all_of(required)
    return Boosted(query, tuple(optional)) if optional else query
