"""Typo tolerance: the words of a catalogue, and the known words near a mistyped one.

The words (and how often they occur) are collected when a generation is written and
kept beside its index.  Near words are found with a delete index (SymSpell's idea):
every word is stored under itself and each form with one letter deleted; a typed word
is looked up with up to two letters deleted, and the candidates are checked with the
optimal string alignment distance (an insertion, deletion, substitution or swap of two
neighbouring letters counts as one edit).
"""

import re
from collections import Counter, defaultdict
from functools import lru_cache

from ..text import fold

WORD = re.compile(r"[^\W\d_]{3,}")
MIN_FUZZY_LENGTH = 5
# A word of three or four letters is corrected only to one of the catalogue's frequent
# words (seen at least this often): a short word has many neighbours, most of them noise.
SHORT_WORD = 3
FREQUENT = 5
# A known word seen at most RARE times, next to a word COMMON_FACTOR times as common,
# is offered a correction too.
RARE = 2
COMMON_FACTOR = 10


def collect_words(courses):
    """How often each word occurs in the catalogue's searchable text (lower case)."""
    counts = Counter()
    for course in courses:
        count_words(course, counts)
    return counts


def count_words(course, counts):
    """Add the words of one course to ``counts`` (a Counter), as an import writes it."""
    texts = [course.title_nb, course.title_en, course.summary_nb, course.summary_en, course.description_nb,
             course.description_en, course.place, course.provider, *course.certifications]
    for text in texts:
        if text:
            counts.update(word.lower() for word in WORD.findall(text))


def max_edits(word):
    """Three to seven letters tolerate one edit (three and four only towards frequent words), eight or more two."""
    return 0 if len(word) < SHORT_WORD else 1 if len(word) < 8 else 2


def _deletes(word):
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def distance(a, b, limit):
    """Optimal string alignment distance, or limit + 1 when it is over ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2, previous = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


class _NearWords:
    """Words by their one-letter deletions (SymSpell's index) and long words by their first two letters."""

    def __init__(self, folded_words):
        self.index = defaultdict(list)
        # Two-letter starts of the long words: what a word with two mistakes is compared with
        # when one mistake each side (the index) does not meet (an insertion and a change).
        self.by_start = defaultdict(list)
        for folded in folded_words:
            if len(folded) >= MIN_FUZZY_LENGTH - 1:
                self.index[folded].append(folded)
                for variant in _deletes(folded):
                    self.index[variant].append(folded)
            if len(folded) >= 7:
                self.by_start[folded[:2]].append(folded)


@lru_cache(maxsize=2)
def _lexicon_words(lexicon):
    """``(written, near words)`` of a lexicon (a frozenset): made once, not for every catalogue
    generation, so that a server's workers share them and an import's switch frees no more of them."""
    written = {}
    for word in sorted(lexicon):
        written.setdefault(fold(word.lower()), word.lower())
    return written, _NearWords(written)


class Speller:
    """``counts``: the catalogue's words and how often; ``lexicon``: words of the trade it may not use
    (the thesaurus's, the compound parts), known too and corrected towards, with no count of their own."""

    def __init__(self, counts, lexicon=frozenset()):
        # Folded form -> the most frequent way the catalogue writes it.
        self.written = {}
        self.counts = Counter()
        for word, count in counts.items():
            folded = fold(word)
            self.counts[folded] += count
            if folded not in self.written or count > counts.get(self.written[folded], 0):
                self.written[folded] = word
        self._lexicon, lexicon_near = _lexicon_words(frozenset(lexicon))
        self._near = (_NearWords(self.counts), lexicon_near)

    def _written(self, folded):
        return self.written.get(folded) or self._lexicon[folded]

    def known(self, word):
        folded = fold(word.lower())
        return folded in self.counts or folded in self._lexicon

    def near(self, word, limit=3):
        """Known words within the word's edit budget: nearest first, then most frequent."""
        folded = fold(word.lower())
        edits = max_edits(folded)
        if not edits:
            return []
        variants = {folded} | _deletes(folded)
        if edits >= 2:
            variants |= {second for first in _deletes(folded) for second in _deletes(first)}
        found = {}
        for near in self._near:
            for variant in variants:
                for candidate in near.index.get(variant, ()):
                    if candidate != folded and candidate not in found:
                        found[candidate] = distance(folded, candidate, edits)
        if edits >= 2 and not any(d <= edits for d in found.values()):
            for near in self._near:
                for candidate in near.by_start.get(folded[:2], ()):
                    if abs(len(candidate) - len(folded)) <= edits and candidate != folded:
                        found[candidate] = distance(folded, candidate, edits)
        short = len(folded) < MIN_FUZZY_LENGTH
        ranked = sorted((d, -self.counts[c], c) for c, d in found.items()
                        if d <= edits and (not short or self.counts[c] >= FREQUENT))
        return [self._written(c) for _, _, c in ranked[:limit]]

    def correct(self, text, also_known=None):
        """``text`` with likely misspellings replaced by their nearest known word, or None.

        A word is likely misspelt when the catalogue does not know it, or knows it only
        once or twice while a near word is far more common (``lagre`` for ``lager``).  A
        word ``also_known`` accepts (the thesaurus's: a real word of the trade) is never
        corrected into another.
        """
        changed, words = False, []
        for match in re.finditer(r"\w+|\W+", text):
            word = match.group()
            if word[0].isalpha() and not (also_known and also_known(word)):
                count = self.counts.get(fold(word.lower()), 0)
                near = self.near(word, limit=1) if count <= RARE else []
                if near and (not count or self.counts[fold(near[0])] >= count * COMMON_FACTOR):
                    word, changed = near[0], True
            words.append(word)
        return "".join(words) if changed else None
