"""An occupational thesaurus, as data: people type ``rengjøring``, ``pleier`` or ``lorry licence``.

Concepts group the bokmål and nynorsk words of an occupation or course kind (``data/occupations.json``,
whose ``about`` gives its sources), English, Ukrainian, Arabic, Somali and Tigrinya phrases name concepts
(``data/glossary-LANG.json``), some words say little about which course (``data/generic-words.json``, and
the FOREIGN glossaries).  Engine-neutral: words match by their analysed forms (``language``, ``foreign``)
and as written, folded; ``exact`` terms only as written (their stem meets an unrelated word).
"""

import json
import re
from collections import namedtuple
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations
from importlib import resources

from ..catalogue.vocabulary import SECTORS
from ..text import fold
from . import foreign
from .language import STOP_WORDS, english_terms, norwegian_terms as _analyse_no, stem_norwegian

LANGUAGES, FOREIGN = ("nb", "nn", "en"), foreign.LANGUAGES     # FOREIGN glossaries list their own generic words
_GROUPS = {"nb": "no", "nn": "no", "en": "en", **{lang: lang for lang in FOREIGN}}  # no: bokmål and nynorsk alike
_STOP = {**STOP_WORDS, **foreign.STOP_WORDS}
_ID, _STYRK = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$"), re.compile(r"^[0-9]{4}$")
_FIELDS = {"id", "sector", "nb", "nn", "narrower", "styrk", "source", "exact"}


class ThesaurusError(ValueError):
    """The thesaurus data break a rule; the message names the file, the entry and the rule."""


@dataclass(frozen=True)
class Concept:
    id: str
    sector: str
    nb: tuple
    nn: tuple
    narrower: tuple
    styrk: tuple
    source: str
    exact: frozenset    # terms matched only as written (folded), never by their stem

    @property
    def terms(self):    # the Norwegian terms, bokmål first, each once
        return tuple(dict.fromkeys(self.nb + self.nn))


# concepts: id -> Concept; english: id -> English phrases; table: (group, "surface" | "stem", key) -> ids; generic:
# group -> generic forms (but English also stems); heads: generic stems, longest first; longest phrase; known: FOREIGN.
Thesaurus = namedtuple("Thesaurus", "concepts english table generic heads longest known")


def _surface(words, group):
    """Lower-case folded words; a phrase of stop words only (``IT``) is kept as written."""
    stop_only = all(word.lower() in _STOP[group] for word in words)
    return tuple("=" + word if stop_only else fold(word.lower()) for word in words)


def _stemmed(words, group, known=frozenset()):    # ``known``: FOREIGN stems a word less a particle may have
    analyse = english_terms if group == "en" else _analyse_no
    return foreign.terms(words, group, known) if group in FOREIGN else tuple(t for w in words for t in analyse(w))


def _generic_word(word, group, forms, stems=True):
    """True for a generic word, as written or (but English, unless ``stems`` is False) by its stem."""
    return fold(word.lower()) in forms or (stems and group != "en" and not forms.isdisjoint(_stemmed([word], group)))


def _fail(where, message):
    raise ThesaurusError(f"{where}: {message}")


def _strings(value, where, field, required=True):
    if value is None and not required:
        return ()
    if not isinstance(value, list) or (required and not value) \
            or not all(isinstance(item, str) and item and item.strip() == item for item in value):
        _fail(where, f"{field} must be a non-empty list of non-empty strings without spaces around them")
    lowered = [item.lower() for item in value]
    if len(set(lowered)) != len(lowered):
        _fail(where, f"{field} lists {sorted({w for w in lowered if lowered.count(w) > 1})} twice")
    return tuple(value)


def _concept(entry):
    if not isinstance(entry, dict):
        _fail("occupations.json", f"a concept must be an object, not {entry!r}")
    where = f"occupations.json: concept {entry.get('id', '?')}"
    for wrong, message in ((set(entry) - _FIELDS, f"unknown field(s) {sorted(set(entry) - _FIELDS)}"),
                           (not _ID.match(str(entry.get("id"))), "id must be lower-case ascii words and hyphens"),
                           (entry.get("sector") not in SECTORS, f"sector must be one of {', '.join(SECTORS)}"),
                           (not str(entry.get("source") or "").strip(), "source must say where the group came from")):
        if wrong:
            _fail(where, message)
    lists = {field: _strings(entry.get(field), where, field, field in ("nb", "nn"))
             for field in ("nb", "nn", "narrower", "styrk", "exact")}
    concept = Concept(entry["id"], entry["sector"], *(lists[f] for f in ("nb", "nn", "narrower", "styrk")),
                      entry["source"], frozenset(lists["exact"]))
    for wrong, message in ((not all(map(_STYRK.match, concept.styrk)), "styrk codes are 4-digit STYRK-08 groups"),
                           (concept.exact - set(concept.terms), "exact lists words that are not its terms"),
                           (concept.id in concept.narrower, "a concept cannot be narrower than itself")):
        if wrong:
            _fail(where, message)
    return concept


def _closure(concepts, start):
    """``start`` and every concept narrower than it, each once (a cycle ends where it began)."""
    seen, stack = [], [start]
    while stack:
        current = stack.pop()
        if current not in seen:
            seen.append(current)
            stack.extend(reversed(concepts[current].narrower))
    return seen


def _check_overlaps(owners, concepts, entries):
    """Two concepts may hold the same term only if one is narrower than the other, or 'shared' gives a reason."""
    shared, where = set(), "occupations.json: shared"
    for entry in entries if isinstance(entries, list) else [entries]:
        if not isinstance(entry, dict) or not isinstance(entry.get("term"), str) \
                or not str(entry.get("reason") or "").strip():
            _fail(where, f"{entry!r} needs a term, its concepts and a reason")
        ids = sorted(_strings(entry.get("concepts"), where, "concepts"))
        if len(ids) < 2 or set(ids) - set(concepts):
            _fail(where, f"{entry['term']!r}: concepts must name two or more known concepts")
        words = foreign.split(entry["term"], "no")
        for key in (("surface", _surface(words, "no")), ("stem", _stemmed(words, "no"))):
            shared.update((key,) + pair for pair in combinations(ids, 2))
    related = {cid: set(_closure(concepts, cid)) for cid in concepts}
    for key, holders in owners.items():
        for one, other in combinations(sorted(holders), 2):
            if other not in related[one] and one not in related[other] and (key, one, other) not in shared:
                _fail("occupations.json", f"{holders[one]!r} of {one} and {holders[other]!r} of {other} match the "
                      "same words, but neither concept is narrower than the other: list the term under 'shared' "
                      "with a reason, or keep it in one concept")


def build(occupations, glossary, generic, others=None):
    """A Thesaurus from the data files (``others``: FOREIGN lang -> its glossary file), or ThesaurusError."""
    if not isinstance(occupations, dict) or not str(occupations.get("about") or "").strip() \
            or not isinstance(occupations.get("concepts"), list) or not occupations["concepts"]:
        _fail("occupations.json", "must be an object with an 'about' text and a non-empty list of 'concepts'")
    if not isinstance(generic, dict) or set(generic) != set(LANGUAGES):
        _fail("generic-words.json", f"must be an object with the lists {', '.join(LANGUAGES)}")
    generic = {lang: _strings(generic[lang], "generic-words.json", lang) for lang in LANGUAGES}
    concepts = {}
    for concept in map(_concept, occupations["concepts"]):
        if concept.id in concepts:
            _fail(f"occupations.json: concept {concept.id}", "the id is used twice")
        concepts[concept.id] = concept
    for concept in concepts.values():
        for narrower in set(concept.narrower) - set(concepts):
            _fail(f"occupations.json: concept {concept.id}", f"narrower names unknown concept {narrower!r}")
    forms = {"en": frozenset(fold(word.lower()) for word in generic["en"]),
             "no": frozenset(form for lang in ("nb", "nn") for word in generic[lang]
                             for form in (fold(word.lower()),) + _stemmed([word], "no"))}
    others = {lang: foreign.glossary_file(data, lang, _fail) for lang, data in (others or {}).items()}
    forms.update({lang: generic_forms for lang, (generic_forms, _, _) in others.items()})
    table, owners, longest = {}, {}, [1]

    def add(group, term, ids, where, exact=False):
        words = foreign.split(term, group)
        content = [word for word in words if word.lower() not in _STOP[group] or word.isupper()] or words
        if all(_generic_word(word, group, forms[group], not exact) for word in content):
            _fail(where, f"{term!r} is made of generic words only (see generic-words.json)")
        longest[0] = max(longest[0], len(words))
        keys, stems = [("surface", _surface(words, group))], _stemmed(words, group)
        if stems and not exact and (len(stems) > 1 or len(words) == 1):
            keys.append(("stem", stems))    # "IT support" less its stop word is no phrase: as written only
        for key in keys:
            slot = table.setdefault((group,) + key, [])
            slot.extend(cid for cid in ids if cid not in slot)
            if group == "no":
                owners.setdefault(key, {}).setdefault(ids[0], term)

    for concept in concepts.values():
        for term in concept.terms:
            add("no", term, [concept.id], f"occupations.json: concept {concept.id}", term in concept.exact)
    _check_overlaps(owners, concepts, occupations.get("shared", []))
    english = _glossary(glossary, concepts, add, "en")
    for lang, (_, _, entries) in others.items():
        _glossary(entries, concepts, add, lang)
    heads = {stem for lang in ("nb", "nn") for w in generic[lang] for stem in _stemmed([w], "no") if len(stem) >= 3}
    return Thesaurus(concepts, english, {key: tuple(ids) for key, ids in table.items()}, forms,
                     tuple(sorted(heads, key=len, reverse=True)), longest[0], {lg: o[1] for lg, o in others.items()})


def _glossary(glossary, concepts, add, lang):
    if not isinstance(glossary, list) or not glossary:
        _fail(f"glossary-{lang}.json", "must be a non-empty list")
    phrases_of, seen = {}, {}
    for number, entry in enumerate(glossary, 1):
        where = f"glossary-{lang}.json: entry {number}"
        if not isinstance(entry, dict) or set(entry) != {lang, "concepts"}:
            _fail(where, f"must be an object with exactly '{lang}' and 'concepts'")
        phrases, ids = _strings(entry[lang], where, lang), _strings(entry["concepts"], where, "concepts")
        if set(ids) - set(concepts):
            _fail(where, f"names unknown concept(s) {sorted(set(ids) - set(concepts))}")
        for phrase in phrases:
            key = phrase.lower() if lang == "en" else tuple(foreign.split(phrase, lang))   # لحّام is لحام
            if seen.setdefault(key, number) != number:
                _fail(where, f"{phrase!r} is already in entry {seen[key]}: give it one entry")
            add(lang, phrase, list(ids), where)
            phrases_of.update({cid: phrases_of.get(cid, ()) + (phrase,) for cid in ids})
    return phrases_of


def _read(name):
    return json.loads((resources.files("coursefinder.search") / "data" / name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def thesaurus():
    """The bundled thesaurus, loaded and checked once."""
    return build(_read("occupations.json"), _read("glossary-en.json"), _read("generic-words.json"),
                 {lang: _read(f"glossary-{lang}.json") for lang in FOREIGN})


def is_generic(word, lang="nb"):
    """True for a word that says little about which course (``kurs``, ``jobb``, ``training``, ``курси``)."""
    group, th = _GROUPS[lang], thesaurus()
    if (group, "surface", _surface([word], group)) in th.table:
        return False    # a term as written ("stillas") even where its stem is generic ("stilling")
    return _generic_word(word, group, th.generic[group])


def _compound(found, word):
    """Concepts of a compound that ends in a generic word: ``sveisekurs``, ``lagerjobb``."""
    stem = fold(stem_norwegian(word.lower()))
    for head in thesaurus().heads:
        rest = stem[: len(stem) - len(head)]
        if stem.endswith(head) and len(rest) >= 3:      # the first part, also less a linking s or e
            ids = found([rest]) or (rest[-1] in "se" and found([rest[:-1]])) or ()
            if ids:
                return ids
    return ()


def _match(words, group):
    """Concept ids of the phrase ``words`` as a whole, or ()."""
    th, stop = thesaurus(), _STOP[group]

    def found(span, stems=True):
        ids = th.table.get((group, "surface", _surface(span, group)), ())
        key = _stemmed(span, group, th.known.get(group, ())) if stems else ()
        return tuple(dict.fromkeys(ids + th.table.get((group, "stem", key), ()))) if key else ids

    # A phrase with a grammatical word at an end ("i sveis") and a generic word ("program") match as written
    edge = len(words) > 1 and (words[0].lower() in stop or words[-1].lower() in stop)
    generic = len(words) == 1 and _generic_word(words[0], group, th.generic[group])
    ids = found(words, stems=not (edge or generic))
    if not ids and 1 < len(words) < 4 and not any(word.lower() in stop for word in words):
        joined = "".join(word.lower() for word in words)    # a compound typed apart: "skole assistent"
        ids = found([joined]) or found([re.sub(r"(.)\1\1", r"\1\1", joined)]) or ()  # buss+sjåfør: bussjåfør
        words, generic = [joined], False
    if not ids and len(words) == 1 and group == "no" and not generic:
        ids = _compound(found, words[0])
    return ids


def lookup(words, lang="nb"):
    """``(start, end, concept_ids)`` of the longest phrase at each position of ``words`` (typed words or a text);
    "nb", "nn": Norwegian terms, "en" and FOREIGN (a text or ``foreign.split`` words) glossaries; generic words none."""
    group, found, i = _GROUPS[lang], [], 0
    words = foreign.split(words, group) if isinstance(words, str) else list(words)
    while i < len(words):
        spans = ((i + size, _match(words[i:i + size], group))
                 for size in range(min(thesaurus().longest, len(words) - i), 0, -1))
        end, ids = next(((end, ids) for end, ids in spans if ids), (i + 1, ()))
        found.extend([(i, end, ids)] if ids else [])
        i = end
    return found


def concepts_of_word(word, lang="nb"):
    """Concept ids of one typed word (also of a compound ending in a generic word), or ()."""
    return _match(foreign.split(word, _GROUPS[lang]) if lang in FOREIGN else [word], _GROUPS[lang])


def concept(concept_id):
    """The Concept of an id (KeyError for an unknown one)."""
    return thesaurus().concepts[concept_id]


def norwegian_terms(concept_id, narrower=True):
    """The terms (bokmål, then nynorsk) of a concept and, unless not ``narrower``, of all below it, each once."""
    concept(concept_id)
    ids = _closure(thesaurus().concepts, concept_id) if narrower else [concept_id]
    return list(dict.fromkeys(term for cid in ids for term in thesaurus().concepts[cid].terms))


def english_phrases(concept_id):
    """The English words and phrases of the glossary that name a concept."""
    concept(concept_id)
    return list(thesaurus().english.get(concept_id, ()))
