"""Search links that keep working: older parameter names are redirected to today's.

Every search link the site makes carries ``v=`` (the URL format version).  A link in an
older format, such as version 0 with Norwegian parameter names (``?fylke=46&alder=20``),
is answered with a permanent redirect to the same search in today's names, so a link
sent today still opens next year.  When a parameter is renamed, its old name is added
here and the version in ``params.URL_VERSION`` is raised.
"""

from urllib.parse import urlencode

from .. import places
from .params import URL_VERSION

# Format version 0: the Norwegian parameter names.
RENAMED = {
    "sok": "q", "søk": "q", "fylke": "county", "kommune": "municipality", "alder": "age", "norsk": "norwegian",
    "norskniva": "level", "norsknivå": "level", "kurstype": "course_type", "bransje": "sector",
    "undervisning": "delivery", "oppstart_fra": "start_from", "oppstart_til": "start_to",
    "avsluttede": "include_ended", "sortering": "sort", "side": "page", "antall": "per_page",
    "sammenlign": "compare",
}
# Values that changed with a name (norsk=ja meant norwegian=combined).
RENAMED_VALUES = {
    ("norwegian", "ja"): "combined", ("norwegian", "nei"): "without",
    ("sort", "relevans"): "relevance", ("sort", "oppstart"): "start", ("sort", "tittel"): "title",
}


def _renumbered(name, value):
    """A municipality number of before a reform, as it is now (3024 -> 3201 Bærum); other values as they are."""
    if name != "municipality":
        return value
    successors = places.successors()
    return ",".join(successors.get(part.strip(), part.strip()) for part in value.split(","))


def upgraded_query(args):
    """The query string in today's format, or None when ``args`` already are."""
    old_names = args.get("v") != URL_VERSION and any(name in RENAMED for name in args)
    old_numbers = any(_renumbered("municipality", value) != value for value in args.getlist("municipality"))
    if not old_names and not old_numbers:
        return None
    pairs = []
    for name, value in args.items(multi=True):
        if name == "v":
            continue
        name = RENAMED.get(name, name) if old_names else name
        pairs.append((name, _renumbered(name, RENAMED_VALUES.get((name, value), value))))
    pairs.append(("v", URL_VERSION))
    return urlencode(pairs)
