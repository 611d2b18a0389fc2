"""Near me: a postcode and a distance, the nearest first, and places typed in the search."""

import pytest

from coursefinder import create_app, places
from coursefinder.catalogue.importing import import_files
from conftest import TODAY, course, write_catalogue

# Courses in and around Bergen, in Oslo and far north, and one online.
NEAR = [
    course(id="BGO-1", title_nb="Truckførerkurs i Bergen", county="46", municipality="4601", place="Bergen"),
    course(id="ASK-1", title_nb="Truckførerkurs på Askøy", county="46", municipality="4627", place="Askøy"),
    course(id="VOS-1", title_nb="Truckførerkurs på Voss", county="46", municipality="4621", place="Voss"),
    course(id="OSL-1", title_nb="Truckførerkurs i Oslo", county="03", municipality="0301", place="Oslo"),
    course(id="TOS-1", title_nb="Truckførerkurs i Tromsø", county="55", municipality="5501", place="Tromsø"),
    course(id="WEB-1", title_nb="Truckførerkurs på nett", county="03", delivery="online"),
    course(id="SVO-1", title_nb="Sveisekurs i Oslo", county="03", municipality="0301", place="Oslo"),
    course(id="NOWHERE-1", title_nb="Truckførerkurs uten kommune", county="46"),
]


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    folder = tmp_path_factory.mktemp("near")
    assert import_files([write_catalogue(folder / "c.json", NEAR)], folder / "index").ok
    return create_app({"TESTING": True, "INDEX_DIR": str(folder / "index"), "TODAY": TODAY}).test_client()


def api(client, **params):
    response = client.get("/api/v1/courses", query_string={"per_page": 100, **params})
    assert response.status_code == 200, response.json
    return response.json


def test_places_are_where_they_are():
    assert 290 < places.distance_km("0301", "4601") < 320          # Oslo to Bergen, in a straight line
    assert places.postcode("5003").municipality == "4601"


def test_a_bergen_postcode_and_100_km_gives_the_bergen_area_and_not_oslo(client):
    found = {hit["id"]: hit.get("distance_km") for hit in api(client, q="truck", postcode="5003", distance=100)["results"]}
    assert set(found) == {"BGO-1", "ASK-1", "VOS-1", "WEB-1"}       # Oslo and Tromsø are farther; online is kept
    assert found["BGO-1"] == 0.0 and 0 < found["ASK-1"] < 30 and 60 < found["VOS-1"] < 100
    assert found["WEB-1"] is None


def test_online_courses_go_when_delivery_leaves_them_out(client):
    found = {hit["id"] for hit in api(client, q="truck", postcode="5003", distance=100, delivery="in-person")["results"]}
    assert found == {"BGO-1", "ASK-1", "VOS-1"}


def test_sort_by_distance_is_nearest_first_with_online_last(client):
    hits = api(client, q="truck", postcode="5003", sort="distance")["results"]
    assert [hit["id"] for hit in hits][:5] == ["BGO-1", "ASK-1", "VOS-1", "OSL-1", "TOS-1"]
    distances = [hit["distance_km"] for hit in hits if hit.get("distance_km") is not None]
    assert distances == sorted(distances) and hits[-2:][0]["id"] in ("WEB-1", "NOWHERE-1")


@pytest.mark.parametrize("params, parameter", [
    ({"postcode": "9999"}, "postcode"), ({"postcode": "50"}, "postcode"), ({"distance": "50"}, "distance"),
    ({"postcode": "5003", "distance": "0"}, "distance"), ({"postcode": "5003", "distance": "501"}, "distance"),
    ({"postcode": "5003", "distance": "ten"}, "distance"), ({"sort": "distance"}, "sort"),
    ({"municipality": "4699"}, "municipality"), ({"place": "Atlantis"}, "place"),
])
def test_bad_parameters_give_400_naming_them(client, params, parameter):
    response = client.get("/api/v1/courses", query_string={**params, "lang": "en"})
    assert response.status_code == 400 and response.json["error"]["parameter"] == parameter
    page = client.get("/en/", query_string=params)
    assert page.status_code == 400 and 'class="error-summary"' in page.get_data(as_text=True)


def test_a_place_typed_in_the_search_is_where_the_courses_are(client):
    body = api(client, q="truck bergen")
    assert {hit["id"] for hit in body["results"]} == {"BGO-1"}
    assert {hit["id"] for hit in api(client, q="truckførerkurs i Tromsø")["results"]} == {"TOS-1"}
    assert {hit["id"] for hit in api(client, q="tromso")["results"]} == {"TOS-1"}
    assert {hit["id"] for hit in api(client, q="truck vestland")["results"]} == {"BGO-1", "ASK-1", "VOS-1", "NOWHERE-1"}


@pytest.mark.parametrize("lang, near", [("nb", "Nær"), ("en", "Near")])
def test_a_place_typed_shows_as_a_removable_chip(client, lang, near):
    html = client.get(f"/{lang}/?q=truck+bergen").get_data(as_text=True)
    assert f"{near}: Bergen" in html
    assert f'href="/{lang}/?q=truck&amp;v=1"' in html                # the chip's way back: the search without it
    assert 'value="truck"' in html                                   # the text field keeps the words, not the place


def test_nothing_there_leads_on_to_farther_away_next_door_and_online(client):
    body = api(client, q="truck bjørnafjorden", lang="en")      # no course in Bjørnafjorden, south of Bergen
    assert body["total"] == 0
    ways = {way["label"]: (way["total"], way["params"]) for way in body["alternatives"]}
    within_50 = next(label for label in ways if "within 50 km of Bjørnafjorden" in label)
    within_150 = next(label for label in ways if "within 150 km of Bjørnafjorden" in label)
    assert ways[within_50][0] == 3 and ways[within_150][0] == 4     # Bergen, Askøy and online; then Voss too
    assert any("Online courses" in label for label in ways)
    for label, (total, params) in ways.items():
        assert api(client, **params)["total"] == total, label        # each way's parameters give its count


def test_a_search_with_nothing_near_offers_it_without_the_place(client):
    body = api(client, q="sveis bergen", lang="en")
    assert body["total"] == 0
    without = [way for way in body["alternatives"] if "place" not in way["params"] and way["total"]]
    assert without and api(client, **without[0]["params"])["results"][0]["id"] == "SVO-1"


def test_the_zero_result_page_offers_the_nearest_courses_with_their_distance(client):
    html = client.get("/en/?q=sveis+bergen").get_data(as_text=True)
    assert "The nearest courses for this search" in html and "Sveisekurs i Oslo" in html
    assert "km from Bergen, in a straight line" in html


def test_cards_and_the_course_page_say_the_distance_in_plain_words(client):
    html = client.get("/en/?q=truck&postcode=5003&distance=100").get_data(as_text=True)
    assert "About 0 km from 5003 Bergen, in a straight line" in html or "About 0 km" in html
    assert "Online: you can follow it from anywhere" in html
    link = html.split('href="/en/courses/VOS-1/', 1)[1].split('"', 1)[0]
    assert "postcode=5003" in link
    page = client.get(f"/en/courses/VOS-1/{link}".replace("&amp;", "&")).get_data(as_text=True)
    assert "km from 5003 Bergen, in a straight line" in page


def test_a_link_with_a_municipality_number_of_before_2024_is_redirected(client):
    response = client.get("/nb/?municipality=3024&v=1")             # Bærum had 3024 until 2024
    assert response.status_code == 301 and "municipality=3201" in response.headers["Location"]


def test_a_postcode_search_link_opens_the_same_search(client):
    first = client.get("/en/?q=truck&postcode=5003&distance=100&sort=distance").get_data(as_text=True)
    shared = first.split('id="share-url" value="', 1)[1].split('"', 1)[0].replace("&amp;", "&")
    again = client.get(shared.replace("http://localhost", "")).get_data(as_text=True)
    assert again.split('id="results-heading"', 1)[1][:80] == first.split('id="results-heading"', 1)[1][:80]
