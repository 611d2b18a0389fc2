"""How an index is written: its postings as Whoosh's own analysis gives them, and by several processes
(a segment each) as by one."""

import json
import os
from pathlib import Path

import pytest

from coursefinder import create_app
from coursefinder.catalogue.loading import load_sources
from coursefinder.search import CatalogueStore, build_generation
from coursefinder.search.backend import index_writing
from conftest import TODAY, catalogue_records
from test_search_scoring import assert_whoosh_scores

QUERIES = ["q=sveis", "q=helsefagarbeider+oslo", "q=kurs&sort=title", "county=03&county=46", "q=truck&page=2",
           "q=norsk&norwegian=combined", "sort=title&per_page=50", "q=kokk&sort=start", "q=lager&postcode=0150",
           "q=welding&lang=en", "q=helsefagarbieder", "age=30&level=B1"]


@pytest.fixture(scope="module")
def indexes(tmp_path_factory):

    courses = load_sources([("c.json", json.dumps(catalogue_records()).encode())]).courses
    folder = tmp_path_factory.mktemp("parallel")
    build_generation(folder / "one", courses, keep_old_seconds=0)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(index_writing, "PARALLEL_FROM", 1)
        build_generation(folder / "two", courses, keep_old_seconds=0)
    return folder / "one", folder / "two"


def test_the_parallel_index_has_a_segment_per_process(indexes):
    one, two = (CatalogueStore(index).get() for index in indexes)
    assert len(one.searcher().reader().leaf_readers()) == 1
    assert len(two.searcher().reader().leaf_readers()) == index_writing.WRITER_PROCS
    assert one.size == two.size


@pytest.mark.parametrize("query", QUERIES)
def test_both_answer_the_same(indexes, query):
    answers = []
    for index in indexes:
        client = create_app({"TESTING": True, "INDEX_DIR": str(index), "TODAY": TODAY, "AUTO_SAMPLE": False,
                             "RELOAD_INTERVAL": 0}).test_client()
        answers.append(client.get("/api/v1/courses?" + query).json)
    assert answers[0]["total"] == answers[1]["total"]
    assert [r["id"] for r in answers[0]["results"]] == [r["id"] for r in answers[1]["results"]]
    assert answers[0]["facets"] == answers[1]["facets"]


@pytest.mark.parametrize("text, lang", [("kurs", "nb"), ("sveisekurs", "nb"), ("health worker", "en")])
def test_array_scores_over_segments_equal_whoosh_scores(indexes, text, lang):
    assert_whoosh_scores(CatalogueStore(indexes[1]).get(), text, lang)


@pytest.mark.parametrize("kind", ["nb", "en", "parts"])
def test_a_text_field_s_postings_are_whoosh_s_frequencies_of_its_analysis(kind):
    from whoosh.fields import TEXT

    from coursefinder.search.backend.analysis import TermsAnalyzer
    from coursefinder.search.backend.schema import AnalysedText

    texts = [record.get(name) or "" for record in catalogue_records()
             for name in ("title_nb", "summary_nb", "description_nb", "description_en")]
    texts += ["Sveisekurs og sveising, sveiser! ÅLESUND førerkort", "", "  ", "title:x AND (sveis*"]
    ours, whoosh_s = AnalysedText(kind), TEXT(analyzer=TermsAnalyzer(kind), phrase=False)
    for text in texts:
        assert list(ours.index(text)) == list(whoosh_s.index(text)), (kind, text)


def test_lengths_read_whole_for_writing_are_whoosh_s_own(indexes):
    # Writing a segment asks a length for every posting; the fix reads each field's column
    # once (whoosh_fixes.py) and must answer what Whoosh answers one by one, None for 0 included.
    from whoosh.codec.whoosh3 import W3PerDocReader

    from coursefinder.search.backend import whoosh_fixes

    fixed = W3PerDocReader.doc_field_length
    assert fixed.__module__ == whoosh_fixes.__name__
    one_by_one = next(cell.cell_contents for cell in fixed.__closure__
                      if getattr(cell.cell_contents, "__name__", "") == "doc_field_length")
    for index in indexes:
        reader = CatalogueStore(index).get().searcher().reader()
        answers = set()
        for leaf, _ in reader.leaf_readers():
            perdoc = leaf._perdoc
            fresh = W3PerDocReader(perdoc._storage, perdoc._segment)
            for field in leaf.schema.names():
                for doc in range(leaf.doc_count_all() + 1):
                    expected = one_by_one(fresh, doc, field, -1)
                    assert fixed(perdoc, doc, field, -1) == expected, (field, doc)
                    answers.add(expected)
        assert -1 in answers and None in answers and len(answers) > 10


def test_a_code_field_s_posting_is_whoosh_s_own():
    from whoosh.fields import ID

    from coursefinder.search.backend.schema import Code

    for value in ["03", "health-care", "", "Øst  og vest", "EDGE-1.a_b", "\u202eX"]:
        for ours, whoosh_s in ((Code(), ID()), (Code(unique=True, sortable=True), ID(unique=True, sortable=True))):
            assert list(ours.index(value)) == list(whoosh_s.index(value)), value


@pytest.mark.parametrize("name", ["courses.jsonl", "course-summaries.json", "words.json", "suggestions.json"])
def test_the_shares_make_the_same_records_summaries_and_words_as_one_pass(indexes, name):
    from coursefinder.search.backend.generations import current_generation, generation_path

    one, two = (Path(generation_path(str(index), current_generation(str(index)))) / name for index in indexes)
    assert one.read_bytes() == two.read_bytes()
    assert not [entry for entry in os.listdir(two.parent) if ".part-" in entry or ".share-" in entry]


def test_the_shares_row_offsets_read_back_every_course_in_order(indexes):
    ids = [course.id for course in load_sources([("c.json", json.dumps(catalogue_records()).encode())]).courses]
    from coursefinder.search.backend.generations import current_generation, generation_path
    from coursefinder.search.backend.records import Records

    for index in indexes:
        records = Records(generation_path(str(index), current_generation(str(index))))
        assert [course.id for course in records.courses()] == ids
        assert [records.course(row).id for row in (0, len(ids) // 2, len(ids) - 1)] == [ids[0], ids[len(ids) // 2],
                                                                                        ids[-1]]


def _segment_contents(reader):
    """Everything of a one-segment index a search reads: postings, lengths, columns, statistics."""
    contents = {"docs": reader.doc_count_all()}
    for field in sorted(reader.schema.names()):
        if reader.schema[field].indexed:
            contents[field, "terms"] = [(term, _postings(reader, field, term)) for term in reader.lexicon(field)]
            contents[field, "lengths"] = [reader.doc_field_length(doc, field) for doc in range(reader.doc_count_all())]
        if reader.schema[field].scorable:
            contents[field, "total length"] = reader.field_length(field)
        if reader.has_column(field):
            contents[field, "column"] = list(reader.column_reader(field))
    return contents


def _postings(reader, field, term):
    matcher = reader.postings(field, term)
    found = []
    while matcher.is_active():
        found.append((matcher.id(), matcher.weight(), matcher.value()))
        matcher.next()
    info = reader.term_info(field, term)
    return found, info.max_weight(), info.min_length(), info.max_length()


@pytest.mark.parametrize("pool_bytes", [None, 30_000])
def test_the_share_writer_writes_what_whoosh_s_own_writer_writes(tmp_path, pool_bytes):
    # ShareWriter is Whoosh's SegmentWriter in fewer steps: the same segment, file for file, also
    # when its pool of terms goes to runs on disk (a small pool: several runs to join).
    from whoosh import index as whoosh_index
    from whoosh.writing import SegmentWriter

    from coursefinder.search.backend.schema import make_schema, to_document
    from coursefinder.search.backend.segment_writer import ShareWriter
    from coursefinder.search.filters import FILTERS
    from coursefinder.search.language import index_memo

    courses = load_sources([("c.json", json.dumps(catalogue_records()).encode())]).courses
    contents, files = [], []
    for name in ("ours", "whoosh"):
        (tmp_path / name).mkdir()
        ix = whoosh_index.create_in(tmp_path / name, make_schema())
        if name == "ours":
            writer = ShareWriter(ix, 0, compound=False)
            if pool_bytes:
                writer.pool.limit = pool_bytes
        else:
            writer = SegmentWriter(ix, _lk=False, compound=False)
        with index_memo():
            for row, course in enumerate(courses):
                writer.add_document(**to_document(course, FILTERS.columns(), row))
        if name == "ours":
            runs = len(writer.pool._runs)
        segment = writer._finalize_segment()
        writer._finish()
        commit = ix.writer()
        commit._close_segment()
        commit._commit_toc([segment])
        commit._finish()
        with whoosh_index.open_dir(tmp_path / name).reader() as reader:
            contents.append(_segment_contents(reader))
        prefix = segment.make_filename("")
        files.append({path.name[len(prefix):]: path.read_bytes() for path in (tmp_path / name).iterdir()
                      if path.name.startswith(prefix)})
        assert not [path for path in (tmp_path / name).iterdir() if path.name.endswith(".tmp")]
    assert contents[0] == contents[1]
    assert contents[0]["docs"] == len(courses) and len(contents[0]) > 40
    assert files[0] == files[1] and ".trm" in files[0] and ".pst" in files[0]
    assert runs > 3 if pool_bytes else runs == 0


def _courses():
    return load_sources([("c.json", json.dumps(catalogue_records()).encode())]).courses


def test_forked_writing_tells_every_course_once(tmp_path):
    told = []
    written = index_writing.write_index(str(tmp_path), _courses(), lambda: told.append(1), procs=2)
    assert len(told) == written.count == len(_courses())


def test_an_id_in_two_shares_fails_the_whole(tmp_path):
    from coursefinder.search.backend.layout import GenerationError

    courses = _courses()
    twice = courses + [courses[0]]      # the copy lands in the second share, its first in the first
    with pytest.raises(GenerationError, match="comes twice"):
        index_writing.write_index(str(tmp_path), twice, None, procs=2)


def test_the_last_share_takes_what_comes_after_the_counted(tmp_path):
    # A stream that turns out longer than it said is written whole, as one pass writes it.
    class Longer(list):
        def __len__(self):
            return super().__len__() - 3

    courses = _courses()
    assert index_writing.write_index(str(tmp_path), Longer(courses), None, procs=2).count == len(courses)


def test_an_import_written_by_shares_from_its_spool_serves_every_course(tmp_path, monkeypatch):
    # The shares read the import's checked courses from the one temporary file they share.
    from coursefinder.catalogue.importing import import_files
    from conftest import write_catalogue

    monkeypatch.setattr(index_writing, "PARALLEL_FROM", 1)
    write_catalogue(tmp_path / "c.json", catalogue_records())
    assert import_files([tmp_path / "c.json"], tmp_path / "index").ok
    client = create_app({"TESTING": True, "INDEX_DIR": str(tmp_path / "index"), "TODAY": TODAY, "AUTO_SAMPLE": False,
                         "RELOAD_INTERVAL": 0}).test_client()
    generation = CatalogueStore(tmp_path / "index").get()
    assert len(generation.searcher().reader().leaf_readers()) == index_writing.WRITER_PROCS
    served = []
    for page in range(1, 10):
        body = client.get(f"/api/v1/courses?include_ended=1&per_page=100&sort=title&page={page}").json
        served += [hit["id"] for hit in body["results"]]
    assert sorted(served) == sorted(record["id"] for record in catalogue_records())
