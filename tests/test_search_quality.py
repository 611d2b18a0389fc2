"""Search quality on what jobseekers type: graded judgments, recall@10, MRR and nDCG@10, and a mutation table.

The catalogue (quality_catalogue.py) has near-duplicates and courses that mention a word only in
passing; the queries (quality_queries.py) are judged 2 (what the person wants), 1 (acceptable) or 0.
Three figures are measured over all queries and per category:

- recall@10: the share of a query's grade 1 and 2 courses in its top 10 (of at most 10);
- MRR: 1 / the rank of the first grade 2 course; for a "none" query (no course offers what it asks
  for) instead 1 when its top 10 holds no course below grade 1 (is empty, mostly) and 0 otherwise;
- nDCG@10: gains 2^grade - 1, discounted by log2(rank + 1), over the ideal order of all judged courses.

The mutation table breaks the engine on purpose (field weights inverted, scores ignored, typo
tolerance off, compounds off) and checks that each breakage makes a figure fall below its threshold:
a measurement that does not notice them does not measure ranking.
"""

import dataclasses
import math
from statistics import mean

import numpy as np
import pytest

from browser import report
from conftest import TODAY, write_catalogue
from coursefinder import create_app
from coursefinder.catalogue.importing import import_files
from coursefinder.search import language, spelling, textfields, textquery, thesaurus
from coursefinder.search.backend import engine
from quality_catalogue import FACTS, records
from quality_queries import CATEGORIES, QUERIES, describe, grades

# Measured on 2026-12-01 (277 queries, 2289 judgments; recall@10, MRR, nDCG@10).
# Before the whole-query work (typed compounds, thesaurus, short typos, nynorsk):
#   all          0.695 0.895 0.786
#   synonym      0.261 0.481 0.343   phrase     0.447 0.889 0.686   compound  0.677 0.891 0.779
# After it:
#   all          0.894 0.964 0.937
#   exact        0.929 1.000 0.975   inflection 0.946 1.000 0.982   compound  0.943 0.978 0.960
#   synonym      0.785 0.915 0.860   typo       0.930 1.000 0.972   english   0.918 0.950 0.926
#   phrase       0.726 0.926 0.866   place      0.923 1.000 0.970   precision 0.940 0.942 0.908
#   none         clean top 10 0.889 (a nurse and a childminder: related care courses, one unrelated below)
# The thresholds are a little under today's figures, so that each mutation below fails them;
# raise them as the engine improves.
RECALL_AT_10 = 0.885
MRR = 0.955
NDCG_AT_10 = 0.925
THRESHOLDS = {"recall@10": RECALL_AT_10, "MRR": MRR, "nDCG@10": NDCG_AT_10}
DEPTH = 10


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("quality")
    outcome = import_files([write_catalogue(folder / "catalogue.json", records())], folder / "index")
    assert outcome.ok, outcome.problems
    return folder / "index"


def fresh_client(index_dir):
    """A client of a new app: a new generation, so no result is cached from an earlier measurement."""
    return create_app({"INDEX_DIR": str(index_dir), "AUTO_SAMPLE": False, "TODAY": TODAY}).test_client()


def top_ten(client, text, lang):
    response = client.get("/api/v1/courses", query_string={"q": text, "lang": lang, "per_page": DEPTH})
    assert response.status_code == 200, (text, response.status_code)
    return [hit["id"] for hit in response.json["results"]][:DEPTH]


@dataclasses.dataclass
class Judged:
    category: str
    lang: str
    text: str
    judged: dict          # course id -> 2 or 1
    top: list             # the ids of the top 10, in rank order

    @property
    def is_none(self):
        return self.category == "none"

    @property
    def recall(self):
        found = sum(1 for course_id in self.top if course_id in self.judged)
        return found / min(len(self.judged), DEPTH)

    @property
    def reciprocal_rank(self):
        """1 / rank of the first grade 2 course; for a "none" query, 1 when nothing below grade 1 is shown."""
        if self.is_none:
            return float(all(course_id in self.judged for course_id in self.top))
        return next((1 / rank for rank, course_id in enumerate(self.top, 1) if self.judged.get(course_id) == 2), 0.0)

    @property
    def ndcg(self):
        def dcg(grades_in_order):
            return sum((2 ** grade - 1) / math.log2(rank + 1) for rank, grade in enumerate(grades_in_order, 1))

        ideal = dcg(sorted(self.judged.values(), reverse=True)[:DEPTH])
        return dcg(self.judged.get(course_id, 0) for course_id in self.top) / ideal

    def short_of_perfect(self):
        if self.is_none:
            return self.reciprocal_rank < 1
        return self.recall < 1 or self.reciprocal_rank < 1 or self.ndcg < 0.9

    def line(self):
        """The query, its figures, its top 3 (kind+tags@place=grade) and the best courses it missed."""
        top = ", ".join(f"{describe(course_id)}={self.judged.get(course_id, 0)}" for course_id in self.top[:3]) or "-"
        if self.is_none:
            return f"  [none] {self.text!r} ({self.lang}): {len(self.top)} results: {top}"
        missing = sorted((course_id for course_id in self.judged if course_id not in self.top), key=self.judged.get,
                         reverse=True)
        scored = f"recall {self.recall:.2f} RR {self.reciprocal_rank:.2f} nDCG {self.ndcg:.2f}"
        missed = f"; missing {len(missing)}: {', '.join(map(describe, missing[:2]))}" if missing else ""
        return f"  [{self.category}] {self.text!r} ({self.lang}): {scored}; top {top}{missed}"


def figures(judged):
    """``{"recall@10", "MRR", "nDCG@10"}`` of judged queries (recall and nDCG leave the "none" queries out)."""
    ranked = [query for query in judged if not query.is_none]
    return {"recall@10": mean(query.recall for query in ranked) if ranked else float("nan"),
            "MRR": mean(query.reciprocal_rank for query in judged),
            "nDCG@10": mean(query.ndcg for query in ranked) if ranked else float("nan")}


def measure(client):
    return [Judged(category, lang, text, grades(wanted, acceptable), top_ten(client, text, lang))
            for category, lang, text, wanted, acceptable in QUERIES]


def below_thresholds(values):
    return [name for name, threshold in THRESHOLDS.items() if values[name] < threshold]


def as_text(values):
    return "  ".join(f"{name} {value:.3f}" for name, value in values.items())


@pytest.fixture(scope="module")
def today_s_engine(index_dir):
    return measure(fresh_client(index_dir))


def test_the_query_set_is_large_varied_and_judged_by_kind():
    assert len(QUERIES) >= 150 and len({(lang, text) for _c, lang, text, _w, _a in QUERIES}) == len(QUERIES)
    assert {category for category, *_rest in QUERIES} == set(CATEGORIES)
    assert all(sum(1 for query in QUERIES if query[0] == category) >= 10 for category in CATEGORIES)
    assert sum(1 for query in QUERIES if query[1] == "en") >= 30
    assert 150 <= len(FACTS) <= 250
    for category, _lang, text, wanted, acceptable in QUERIES:
        # Every selector names courses (a misspelt kind, tag or place would silently judge nothing).
        assert all(grades(selector, "") for selector in f"{wanted} {acceptable}".split()), text
        assert (2 in grades(wanted, acceptable).values()) == (category != "none"), text


def test_recall_mrr_and_ndcg_at_10(today_s_engine):
    overall = figures(today_s_engine)
    report(f"search quality over {len(today_s_engine)} queries, {sum(len(q.judged) for q in today_s_engine)} "
           f"judgments: {as_text(overall)}")
    for category in CATEGORIES:
        values = figures([query for query in today_s_engine if query.category == category])
        count = sum(1 for query in today_s_engine if query.category == category)
        if category == "none":
            report(f"  {category:<11} {count:>3} queries: clean top 10 (nothing below grade 1) {values['MRR']:.3f}")
        else:
            report(f"  {category:<11} {count:>3} queries: {as_text(values)}")
    for query in today_s_engine:
        if query.short_of_perfect():
            report(query.line())
    assert not below_thresholds(overall), (overall, THRESHOLDS)


def inverted_weights(patch):
    """(a) every field weighs the inverse of its weight (titles least, descriptions most), on the query side."""
    heaviest = max(field.weight for field in textfields.TEXT_FIELDS.values())
    for name, field in list(textfields.TEXT_FIELDS.items()):
        patch.setitem(textfields.TEXT_FIELDS, name, dataclasses.replace(field, weight=heaviest / field.weight))


def scores_ignored(patch):
    """(b) relevance sorting sees zero scores: the matching courses come in start-date order."""
    order = engine.result_order

    def by_start_date(docs, search_request, scores, *rest):
        return order(docs, search_request, None if scores is None else np.zeros_like(scores), *rest)

    patch.setattr(engine, "result_order", by_start_date)


def typo_tolerance_off(patch):
    """(c) the speller knows no near words."""
    patch.setattr(spelling.Speller, "near", lambda self, word, limit=3: [])


def compounds_off(patch):
    """(d) no first parts of typed compounds, no splitting of what was typed, and the fields of compound parts weigh nothing."""
    patch.setattr(language, "compound_modifiers", lambda word: ())
    patch.setattr(textquery, "compound_modifiers", lambda word: ())
    patch.setattr(textquery, "split_typed", lambda word, known: None)
    patch.setattr(thesaurus, "_compound", lambda found, word: ())
    for name, field in list(textfields.TEXT_FIELDS.items()):
        if field.analysis == "parts":
            patch.setitem(textfields.TEXT_FIELDS, name, dataclasses.replace(field, weight=0.0))


MUTATIONS = {"(a) field weights inverted": inverted_weights, "(b) scores ignored": scores_ignored,
             "(c) typo tolerance off": typo_tolerance_off, "(d) compounds off": compounds_off}


def test_each_mutation_of_the_engine_falls_below_a_threshold(index_dir, today_s_engine):
    rows = {"today's engine": figures(today_s_engine)}
    per_category = {}
    for name, mutate in MUTATIONS.items():
        with pytest.MonkeyPatch.context() as patch:
            mutate(patch)
            judged = measure(fresh_client(index_dir))
        rows[name] = figures(judged)
        per_category[name] = {category: figures([q for q in judged if q.category == category])
                              for category in CATEGORIES}
    report("mutation table (thresholds: " + as_text(THRESHOLDS) + ")")
    for name, values in rows.items():
        failing = below_thresholds(values)
        verdict = f"below: {', '.join(failing)}" if failing else "passes" if name not in MUTATIONS else "NOT CAUGHT"
        report(f"  {name:<28} {as_text(values)}  {verdict}")
    for name, values in per_category.items():
        report(f"  {name:<28} nDCG@10 per category (none: clean top 10): "
               + " ".join(f"{c} {v['MRR' if c == 'none' else 'nDCG@10']:.2f}" for c, v in values.items()))
    uncaught = [name for name, values in rows.items() if name in MUTATIONS and not below_thresholds(values)]
    assert not uncaught, f"mutations the measurement does not catch: {uncaught}"
