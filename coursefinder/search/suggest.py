"""Search as you type: course titles and occupations that have a word starting with what was typed.

The titles (with how many courses carry each) and the occupations of the glossary that
the catalogue uses are collected when a generation is written and kept beside its index.
"""

import re
from collections import Counter

from ..text import fold
from .glossary import glossary

MIN_PREFIX = 3
LIMIT = 8
_WORD = re.compile(r"\w+")


def collect_suggestions(courses, known_words):
    """``{"nb": [[text, weight], ...], "en": [...]}`` for a catalogue."""
    titles = new_titles()
    for course in courses:
        count_titles(course, titles)
    return suggestions_of(titles, known_words)


def new_titles():
    return {"nb": Counter(), "en": Counter()}


def count_titles(course, titles):
    """Add one course's titles to ``titles`` (from :func:`new_titles`), as an import writes it."""
    titles["nb"][course.title_nb] += 1
    titles["en"][course.title_en or course.title_nb] += 1


def suggestions_of(titles, known_words):
    """The suggestions of a catalogue from its titles and its words."""
    known = {fold(word) for word in known_words}
    for english, norwegian in glossary().items():
        present = [word for word in norwegian if all(fold(w.lower()) in known for w in _WORD.findall(word))]
        if present:
            titles["en"][english] += 1
            for word in present:
                titles["nb"][word] += 1
    return {lang: sorted([text, count] for text, count in counter.items()) for lang, counter in titles.items()}


class Suggester:
    def __init__(self, suggestions):
        self.entries = {lang: [(tuple(fold(w.lower()) for w in _WORD.findall(text)), text, count)
                               for text, count in items]
                        for lang, items in suggestions.items()}

    def suggest(self, typed, lang, limit=LIMIT):
        prefix = fold(typed.strip().lower())
        if len(prefix) < MIN_PREFIX:
            return []
        words = _WORD.findall(prefix)
        if not words:
            return []
        last, first = words[-1], words[:-1]
        ranked = []
        for folded, text, count in self.entries.get(lang, self.entries["nb"]):
            # Every word typed before the last must be in the text; the last may be a start.
            if all(word in folded for word in first) and any(word.startswith(last) for word in folded):
                starts = folded[0].startswith(words[0])
                ranked.append((not starts, -count, text.casefold(), text))
        return [text for *_, text in sorted(ranked)[:limit]]
