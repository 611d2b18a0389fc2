"""The names in an index folder, and the error of one that cannot be used or written.

Apart from the rest so that the modules that write and read generations share them
without importing one another.
"""

import re

CURRENT = "CURRENT"
GENERATIONS = "generations"
MANIFEST = "manifest.json"
WORDS = "words.json"
# Short facts of every course, and of courses earlier catalogues had and this one has
# not, so that a removed course's old link gets a helpful answer (410) and not a 404.
SUMMARIES = "course-summaries.json"
REMOVED = "removed-courses.json"
SUGGESTIONS = "suggestions.json"
_NAME = re.compile(r"gen-(\d{6,})")


class GenerationError(Exception):
    """The index folder has no usable generation, or one could not be written."""


class ImportBusy(GenerationError):
    """Another import holds the index, and this one was asked not to wait."""
