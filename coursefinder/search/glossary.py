"""An English-Norwegian glossary of the domain, so English queries also search Norwegian text.

Most courses are described only in Norwegian; on the English interface a query word
or phrase found in the glossary (``welding``, ``health worker``, ``nursing home``) also
looks for its Norwegian words.  The glossary is data (``data/glossary-en-nb.json``).
"""

import json
from functools import lru_cache
from importlib import resources

MAX_PHRASE = 3


@lru_cache(maxsize=1)
def glossary():
    """English phrase (lower case) -> Norwegian words and phrases."""
    entries = json.loads((resources.files("coursefinder.search") / "data" / "glossary-en-nb.json")
                         .read_text(encoding="utf-8"))
    table = {}
    for entry in entries:
        for phrase in entry["en"]:
            table.setdefault(phrase.lower(), [])
            table[phrase.lower()].extend(word for word in entry["nb"] if word not in table[phrase.lower()])
    return table


def _lookup(phrase):
    table = glossary()
    if phrase in table:
        return table[phrase]
    # Plurals: "welders", "cleaners", "nurses".
    for ending in ("es", "s"):
        if phrase.endswith(ending) and phrase[: -len(ending)] in table:
            return table[phrase[: -len(ending)]]
    return None


def concepts(words):
    """Group query words into ``(words, norwegian)``, longest glossary phrase first.

    ``norwegian`` is the list of Norwegian translations, or None for a word the
    glossary does not know.
    """
    grouped, i = [], 0
    lowered = [word.lower() for word in words]
    while i < len(words):
        for size in range(min(MAX_PHRASE, len(words) - i), 0, -1):
            norwegian = _lookup(" ".join(lowered[i:i + size]))
            if norwegian:
                grouped.append((words[i:i + size], norwegian))
                i += size
                break
        else:
            grouped.append(([words[i]], None))
            i += 1
    return grouped
