"""Ways out of a poor search, on a catalogue made for it."""

import pytest

from coursefinder import create_app
from coursefinder.catalogue.importing import import_files
from conftest import TODAY, course, write_catalogue


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    folder = tmp_path_factory.mktemp("alternatives")
    records = [course(id=f"T{n}", title_nb="Truckførerkurs med lager", county="46") for n in range(10)]
    # A publisher's own typo: the word is in the catalogue, but only once.
    records.append(course(id="TYPO", title_nb="Trukførerkurs for unge", county="46"))
    assert import_files([write_catalogue(folder / "c.json", records)], folder / "index").ok
    app = create_app({"INDEX_DIR": str(folder / "index"), "AUTO_SAMPLE": False, "TODAY": TODAY})
    return app.test_client()


def test_a_rare_spelling_offers_the_common_one_with_its_count(client):
    html = client.get("/nb/?q=trukf%C3%B8rerkurs").get_data(as_text=True)
    assert ('<p class="did-you-mean">Mente du <a href="/nb/?q=truckf%C3%B8rerkurs&amp;v=1">truckførerkurs</a>?'
            ' (10 kurs)</p>') in html


def test_an_unknown_word_within_its_edit_budget_is_found_anyway(client):
    html = client.get("/en/?q=truckforerkrus").get_data(as_text=True)
    assert "11 courses found" in html and "did-you-mean" not in html


def test_a_known_word_is_not_corrected(client):
    assert "did-you-mean" not in client.get("/nb/?q=truckf%C3%B8rerkurs").get_data(as_text=True)
