"""Links that work for years: slugs, format versions, old parameter names, ended and removed courses."""

import random
import re

import pytest

from test_search_filters import SINGLE_FILTERS, query_string, random_params

COURSE_LINK = re.compile(r'<h3><a href="/(?:nb|en)/courses/([^/"]+)/')


def test_a_course_resolves_by_id_and_redirects_to_its_readable_address(client):
    response = client.get("/nb/courses/EDGE-hybrid")
    assert response.status_code == 301
    assert response.headers["Location"].endswith("/nb/courses/EDGE-hybrid/helsefagarbeider-med-norsk")
    english = client.get("/en/courses/EDGE-hybrid")
    assert english.headers["Location"].endswith("/en/courses/EDGE-hybrid/health-worker-with-norwegian")


def test_an_old_slug_redirects_to_the_current_one_keeping_the_query(client):
    response = client.get("/nb/courses/EDGE-hybrid/et-gammelt-navn?compare=EDGE-c1")
    assert response.status_code == 301
    assert response.headers["Location"].endswith("/nb/courses/EDGE-hybrid/helsefagarbeider-med-norsk?compare=EDGE-c1")
    assert client.get("/nb/courses/EDGE-hybrid/helsefagarbeider-med-norsk").status_code == 200


def test_links_with_the_old_parameter_names_are_redirected_to_todays(client):
    response = client.get("/nb/?fylke=03&alder=20&norsk=ja&sok=sveis&side=2")
    assert response.status_code == 301
    assert response.headers["Location"].endswith("/nb/?county=03&age=20&norwegian=combined&q=sveis&page=2&v=1")
    followed = client.get(response.headers["Location"])
    assert followed.status_code == 200


def test_every_search_link_the_site_makes_carries_the_format_version(client):
    html = client.get("/en/?county=03&page=2").get_data(as_text=True)
    links = re.findall(r'<a [^>]*href="(/en/\?[^"]*)"', html)
    assert links and all("v=1" in link for link in links)


def test_a_link_from_an_unknown_future_format_gets_a_clear_message(client):
    response = client.get("/en/?v=9&county=03")
    assert response.status_code == 400 and "format the site does not know" in response.get_data(as_text=True)


def html_ids(client, lang, params):
    response = client.get(f"/{lang}/", query_string=query_string(params))
    assert response.status_code == 200
    return COURSE_LINK.findall(response.get_data(as_text=True))


def api_ids(client, lang, params):
    body = client.get("/api/v1/courses", query_string=query_string({**params, "lang": lang})).json
    return [hit["id"] for hit in body["results"]]


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("params", SINGLE_FILTERS + [{"q": "helsefagarbeider"}, {"q": "kurs", "sort": "title"},
                                                     {"sort": "start", "page": 2}, {"q": "truck", "page": 1}],
                         ids=lambda p: ",".join(f"{k}={v}" for k, v in p.items()) or "none")
def test_a_search_link_shows_what_the_api_answers(client, lang, params):
    assert html_ids(client, lang, params) == api_ids(client, lang, params)


@pytest.mark.parametrize("seed", range(12))
def test_combined_search_links_show_what_the_api_answers_in_both_languages(client, seed):
    rng = random.Random(seed)
    params = {**random_params(rng), "sort": rng.choice(["start", "title"]), "page": rng.randint(1, 2)}
    for lang in ("nb", "en"):
        assert html_ids(client, lang, params) == api_ids(client, lang, params)


@pytest.mark.parametrize("lang, words", [("nb", "Dette kurset ble avsluttet"), ("en", "This course ended on")])
def test_an_ended_course_keeps_its_page_with_similar_open_courses(client, lang, words):
    response = client.get(f"/{lang}/courses/EDGE-ended", follow_redirects=True)
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and words in html
    assert 'id="similar-heading"' in html and html.count('<li><a href="/') >= 1


@pytest.mark.parametrize("lang, words", [("nb", "Dette kurset tilbys ikke lenger"),
                                         ("en", "This course is no longer offered")])
def test_a_removed_course_answers_410_with_a_search_for_similar_ones(client, lang, words):
    response = client.get(f"/{lang}/courses/GONE-1/sveisekurs-som-er-tatt-ut")
    html = response.get_data(as_text=True)
    assert response.status_code == 410 and words in html
    assert f'<html lang="{lang}"' in html and "sector=industry" in html
    assert client.get(f"/{lang}/courses/GONE-1").status_code == 410


def test_an_id_that_never_existed_is_404(client):
    assert client.get("/nb/courses/NEVER-WAS").status_code == 404


@pytest.mark.parametrize("root", ["", "/finn-kurs"])
@pytest.mark.parametrize("lang", ["nb", "en", "uk", "ar"])
def test_the_course_links_of_results_are_the_courses_own_addresses_also_under_a_path(app, root, lang):
    from flask import url_for

    from coursefinder.web.sharing import slugify

    client = app.test_client()
    base = f"http://localhost{root}"
    for page in (f"/nb/?q=kurs&page=2", "/nb/?q=helsefagarbeider"):
        found = client.get(f"/api/v1/courses?{page.split('?')[1]}&lang={lang}", base_url=base).get_json()["results"]
        assert found
        for result in found:
            with app.test_request_context(base_url=base):
                own = url_for("courses.course", lang=lang, course_id=result["id"], slug=slugify(result["title"]))
            assert result["url"] == "http://localhost" + own
            assert own.startswith(f"{root}/{lang}/courses/")
            assert client.get(own[len(root):], base_url=base).status_code == 200
        html = client.get(page.replace("/nb/", f"/{lang}/"), base_url=base).get_data(as_text=True)
        assert f'href="{own}"' in html


@pytest.mark.parametrize("seed", range(20))
def test_a_comparison_link_is_the_search_s_own_link_with_another_comparison(app, seed):
    # The results page's "add to comparison" links are made from one beginning per request:
    # each must be the address search_url makes, and a second search on the same request its own.
    from werkzeug.datastructures import MultiDict

    from coursefinder.web.navigation import comparison_url, search_url
    from coursefinder.web.params import parse_search

    rng = random.Random(seed)
    params = {**random_params(rng), "sort": rng.choice(["start", "title"]), "page": rng.randint(1, 3),
              "q": rng.choice(["", "sveis & truck", "helse?fag=1", "Ålesund/Øst", "a+b #c"]),
              "compare": rng.choice(["", "EDGE-hybrid", "EDGE-hybrid,EDGE-ended"])}
    with app.test_request_context("/nb/"):
        pairs = [(name, str(one)) for name, value in params.items() if value != ""
                 for one in (value if isinstance(value, list) else [value])]
        searches = [parse_search(MultiDict(pairs), rng.choice(["nb", "en"])),
                    parse_search(MultiDict({"q": "kokk", "page": "2"}), "nb")]
        for search in searches * 2:
            for compare in ((), ("X-1",), ("X-1", "Y_2"), search.compare + ("Z",)):
                assert comparison_url(search, compare) == search_url(search, page=search.page, compare=compare)
