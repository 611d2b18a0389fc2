"""How much a served generation keeps of what it has answered: each cache's bounds."""

# What a generation keeps, bounded by bytes (estimated, each a little over what
# tracemalloc measures) and by entries, so that a worker's memory levels off however many
# different searches it answers: about 11 MB here, and the term scores' 4-16 MB (their
# bound is in scoring.py, the analysed words' in language.py).  Found by the soak run
# (benchmarks/soak.py): with twice these a worker grew by a quarter after its warm-up.
#
# Results by normalised request: popular searches cost no work.  Each entry is small (a
# page of document numbers and the facet counts); the bytes also count the key, which
# holds what was searched for.
RESULT_CACHE = 2048
RESULT_CACHE_BYTES = 2 * 1024 * 1024
# The courses a search's text matches, with their scores, by (text, language): the
# follow-ups of a search (a filter less, next door, online) search the same text again.
# Each entry is 12 bytes a matching course.
TEXT_CACHE = 256
TEXT_CACHE_BYTES = 2 * 1024 * 1024
# Courses read back from the index for pages of results (popular courses are shown often);
# a course is about 2.3 KB.
COURSE_CACHE = 512
# What the web makes of a course in a language (its facts in a result), by key: about 0.6 KB each.
VIEW_CACHE = 4096
VIEW_CACHE_BYTES = 4 * 1024 * 1024
# Each typed word's clause (its analysis, occupations, parts and near spellings in this catalogue).
WORD_CACHE = 4096
WORD_CACHE_BYTES = 2 * 1024 * 1024


def result_size(key, found):
    """About what a cached result costs in memory: its key, a page of numbers, the facet counts (Python objects)."""
    _total, page_docs, _scores, facets, _distances = found
    return 2 * len(repr(key)) + 100 * len(page_docs) + 120 * sum(len(counts) for counts in facets.values())
