"""Places in Norway: which counties border each other, and how many live in each.

The data is in ``data/`` (``county-neighbours.json``, ``county-populations.json``), each
file naming its source.
"""

import json
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def neighbours():
    """County number -> the county numbers it shares a land border with."""
    data = json.loads((resources.files("coursefinder.places") / "data" / "county-neighbours.json")
                      .read_text(encoding="utf-8"))
    return {county: tuple(others) for county, others in data["neighbours"].items()}


def neighbours_of(counties):
    """The counties bordering any of ``counties``, leaving out ``counties`` themselves."""
    table = neighbours()
    found = {other for county in counties for other in table.get(county, ())}
    return tuple(sorted(found - set(counties)))


@lru_cache(maxsize=1)
def populations():
    """``(county -> inhabitants, source by language, year)`` from ``data/county-populations.json``."""
    data = json.loads((resources.files("coursefinder.places") / "data" / "county-populations.json")
                      .read_text(encoding="utf-8"))
    return data["population"], data["source"], data["year"]
