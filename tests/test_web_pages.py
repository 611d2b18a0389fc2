"""Every page in every interface language, as a reader of it would notice."""

import re

import pytest

from coursefinder.i18n import LANGUAGES

LANGS = list(LANGUAGES)

PAGES = [
    "/{lang}/",
    "/{lang}/?q=sveis",
    "/{lang}/?q=finnesikkeiverden",
    "/{lang}/?county=03&county=46&sector=health-care&norwegian=combined&age=30&level=B1&delivery=in-person"
    "&course_type=industry&start_from=2027-02-01&start_to=2027-12-31&include_ended=1&sort=title",
    "/{lang}/?page=2",
    "/{lang}/courses/EDGE-hybrid",
    "/{lang}/courses/EDGE-ended",
    "/{lang}/courses/EDGE-cancelled",
    "/{lang}/courses/EDGE-rolling",
    "/{lang}/compare?ids=EDGE-hybrid,EDGE-youth",
    "/{lang}/compare?ids=EDGE-hybrid&ids=EDGE-youth&ids=EDGE-c1&ids=EDGE-rolling",
    "/{lang}/about",
    "/{lang}/accessibility",
]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_every_page_answers_in_its_language(client, page, lang):
    response = client.get(page.format(lang=lang), follow_redirects=True)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert f'<html lang="{lang}" dir="{LANGUAGES[lang].direction}">' in html
    assert html.count("<h1") == 1
    assert 'href="#main"' in html
    # An alternate link to every language, this one among them, and each in the language menu.
    assert sorted(re.findall(r'<link rel="alternate" hreflang="([\w-]+)"', html)) == sorted(LANGUAGES)
    assert sorted(re.findall(r'<a href="[^"]*" hreflang="([\w-]+)"', html.split('class="language-menu"')[1])) \
        == sorted(code for code in LANGUAGES if code != lang)


def test_the_language_link_keeps_the_page_and_its_query(client):
    html = client.get("/nb/?q=truck&county=46&page=1", follow_redirects=True).get_data(as_text=True)
    assert 'href="/en/?q=truck&amp;county=46&amp;page=1" hreflang="en"' in html
    html = client.get("/en/courses/EDGE-youth", follow_redirects=True).get_data(as_text=True)
    # The other language's address has that language's slug, so it needs no redirect.
    assert 'href="/nb/courses/EDGE-youth/ungdomskurs-i-butikk" hreflang="nb"' in html


@pytest.mark.parametrize("header, target", [
    ("nb-NO,nb;q=0.9", "/nb/"), ("no", "/nb/"), ("nn-NO", "/nn/"), ("nn", "/nn/"), ("en-GB,en;q=0.5", "/en/"),
    ("de-DE,en;q=0.8", "/en/"), ("fr", "/nb/"), ("", "/nb/"), ("uk-UA,uk;q=0.9,en;q=0.5", "/uk/"),
    ("ar-SY", "/ar/"), ("so", "/so/"), ("ti-ER,ti;q=0.9", "/ti/"), ("ru,uk;q=0.8", "/uk/"),
    ("de,nn;q=0.9,nb;q=0.8", "/nn/"), ("fr,no;q=0.5,en;q=0.3", "/nb/"),
])
def test_the_root_sends_readers_to_their_language(client, header, target):
    response = client.get("/", headers={"Accept-Language": header})
    assert response.status_code == 302 and response.headers["Location"].endswith(target)


@pytest.mark.parametrize("path, words", [
    ("/nb/courses/NO-SUCH-COURSE", "Fant ikke siden"), ("/en/courses/NO-SUCH-COURSE", "Page not found"),
    ("/en/no/such/page", "Page not found"), ("/nb/nothing", "Fant ikke siden"),
])
def test_unknown_pages_give_a_404_in_the_page_language(client, path, words):
    response = client.get(path, follow_redirects=True)
    assert response.status_code == 404 and words in response.get_data(as_text=True)


def test_dates_are_written_the_way_each_language_writes_them(client):
    nb = client.get("/nb/courses/EDGE-hybrid", follow_redirects=True).get_data(as_text=True)
    en = client.get("/en/courses/EDGE-hybrid", follow_redirects=True).get_data(as_text=True)
    assert "Starter 1. juni 2027" in nb and "Søknadsfrist" in nb and "1. mai 2027" in nb
    assert re.search(r"(June 1, 2027|1 June 2027)", en) and re.search(r"(May 1, 2027|1 May 2027)", en)


def test_norwegian_only_text_on_english_pages_is_marked_and_explained(client):
    html = client.get("/en/courses/EDGE-ended", follow_redirects=True).get_data(as_text=True)
    assert '<h1 lang="nb">Lagerkurs som er ferdig</h1>' in html
    assert "described only in Norwegian" in html
    english = client.get("/en/courses/EDGE-youth", follow_redirects=True).get_data(as_text=True)
    assert "<h1>Retail course for young people</h1>" in english
    results = client.get("/en/?q=lagerkurs&include_ended=1", follow_redirects=True).get_data(as_text=True)
    assert '<span lang="nb">Lagerkurs som er ferdig</span>' in results


def test_the_course_page_has_what_a_participant_needs(client):
    html = client.get("/en/courses/EDGE-hybrid", follow_redirects=True).get_data(as_text=True)
    for words in ("Health worker with Norwegian", "Lillestrøm", "Akershus", "Partly online",
                  "B1: you can talk about work and daily life", "What the levels mean",
                  "Yes, the course includes Norwegian training", "From 19 years", "How to get a place on this course",
                  "Your Nav adviser decides with you", "tiltakspenger",
                  "Testkurs AS"):
        assert words in html, words


def test_ended_and_cancelled_courses_say_so(client):
    assert "This course ended on 14 January 2027" in client.get("/en/courses/EDGE-ended", follow_redirects=True).get_data(as_text=True) \
        or "This course ended on January 14, 2027" in client.get("/en/courses/EDGE-ended", follow_redirects=True).get_data(as_text=True)
    assert "Dette kurset er avlyst" in client.get("/nb/courses/EDGE-cancelled", follow_redirects=True).get_data(as_text=True)


def test_results_show_counts_chips_and_pagination(client):
    html = client.get("/nb/?county=03&county=46&page=2", follow_redirects=True).get_data(as_text=True)
    assert re.search(r'<h2 id="results-heading" tabindex="-1">\d+ kurs funnet</h2>', html)
    assert '<p id="result-status" class="visually-hidden" role="status" aria-live="polite"></p>' in html
    assert 'aria-label="Fjern filter Fylke: Oslo"' in html
    assert 'aria-label="Fjern filter Fylke: Vestland"' in html
    assert 'aria-current="page"><span class="visually-hidden">Side </span>2</a>' in html
    chip = re.search(r'<a class="chip" href="([^"]+)" aria-label="Fjern filter Fylke: Oslo"', html).group(1)
    assert "county=03" not in chip and "county=46" in chip and "page=" not in chip


def test_facet_checkboxes_show_counts_and_keep_what_was_ticked(client):
    html = client.get("/en/?county=56", follow_redirects=True).get_data(as_text=True)
    assert re.search(r'<input form="search-form" type="checkbox" name="county" value="56" id="county-56" checked>', html)
    assert re.search(r'<label for="county-03">Oslo <span class="count">\(\d+\)</span></label>', html)


def test_the_title_says_what_the_page_shows(client):
    html = client.get("/en/?q=sveis", follow_redirects=True).get_data(as_text=True)
    assert re.search(r"<title>“sveis”: \d+ courses – Course finder</title>", html)
    html = client.get("/nb/courses/EDGE-youth", follow_redirects=True).get_data(as_text=True)
    assert "<title>Ungdomskurs i butikk – Kurssøk</title>" in html


@pytest.mark.parametrize("query", ['AND OR (', '"', '*', 'title:x', 'sveis*', '((', ')', '~2', '^3', 'a' * 200,
                                   '<script>alert(1)</script>', 'NOT', '\\', 'é ø å æ', '😀'])
def test_query_syntax_is_just_text(client, query):
    for lang in LANGS:
        response = client.get(f"/{lang}/", query_string={"q": query}, follow_redirects=True)
        assert response.status_code == 200
        assert "<script>alert(1)</script>" not in response.get_data(as_text=True)


@pytest.mark.parametrize("lang, words", [("nb", "Sjekk søket ditt"), ("en", "Please check the search")])
def test_a_bad_parameter_gives_a_clear_message_not_an_error_page(client, lang, words):
    response = client.get(f"/{lang}/?age=twelve", follow_redirects=True)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert words in html and 'href="#field-age"' in html and 'value="twelve"' in html


def test_compare_shows_each_course_in_a_column(client):
    html = client.get("/en/compare?ids=EDGE-hybrid,EDGE-youth,EDGE-c1", follow_redirects=True).get_data(as_text=True)
    assert html.count('<th scope="col">') == 3
    assert "<h1>Compare 3 courses</h1>" in html


def test_compare_asks_for_two_to_four_courses(client):
    one = client.get("/nb/compare?ids=EDGE-hybrid", follow_redirects=True)
    assert one.status_code == 200 and "Velg minst to kurs" in one.get_data(as_text=True)
    five = client.get("/en/compare?ids=EDGE-hybrid,EDGE-youth,EDGE-c1,EDGE-rolling,EDGE-old", follow_redirects=True)
    assert five.status_code == 400 and "at most 4 courses" in five.get_data(as_text=True)
    gone = client.get("/en/compare?ids=EDGE-hybrid,EDGE-youth,GONE-1", follow_redirects=True).get_data(as_text=True)
    assert "no longer in the catalogue: GONE-1" in gone


def test_pages_need_no_inline_script(client):
    for page in PAGES:
        html = client.get(page.format(lang="nb"), follow_redirects=True).get_data(as_text=True)
        scripts = [tag for tag in re.findall(r"<script[^>]*>", html) if tag != '<script type="application/ld+json">']
        assert len(scripts) == 1 and re.fullmatch(r'<script src="/static/site\.js\?v=[0-9a-f]{12}" defer>', scripts[0])


def test_the_stylesheet_is_served(client):
    response = client.get("/static/style.css", follow_redirects=True)
    assert response.status_code == 200 and b"--action" in response.data


def test_text_only_in_english_on_a_norwegian_page_is_marked_and_named(client):
    html = client.get("/nb/courses/EDGE-youth", follow_redirects=True).get_data(as_text=True)
    assert '<span lang="en">For young people.</span>' in html
    assert "finnes bare på engelsk" in html and "på norsk" not in html


def test_the_form_keeps_what_the_search_uses(client):
    html = client.get("/nb/?include_ended=ja&per_page=50", follow_redirects=True).get_data(as_text=True)
    assert 'id="include_ended" name="include_ended" value="1" checked' in html
    assert '<input type="hidden" name="per_page" value="50">' in html


def test_an_invalid_search_shows_no_made_up_counts(client):
    html = client.get("/nb/?age=abc", follow_redirects=True).get_data(as_text=True)
    assert 'class="count"' not in html
    page = client.get("/en/?page=0", follow_redirects=True).get_data(as_text=True)
    assert "Page: must be a whole number from 1 to 1000" in page and 'href="#field-page"' not in page


def test_a_course_that_has_started_says_started(client):
    assert "Startet 1. oktober 2026" in client.get("/nb/courses/EDGE-ends-today", follow_redirects=True).get_data(as_text=True)
    assert "Starter 1. juni 2027" in client.get("/nb/courses/EDGE-hybrid", follow_redirects=True).get_data(as_text=True)


def test_no_results_offer_a_filter_less_and_the_neighbouring_counties(client):
    html = client.get("/en/?q=ungdomskurs&county=42", follow_redirects=True).get_data(as_text=True)
    assert "0 courses found" in html
    assert "The same search without the filter “County”</a> (1 course)" in html
    assert "The same search in the neighbouring counties: Rogaland, Telemark</a> (1 course)" in html


def test_no_results_with_two_blocking_filters_offer_the_search_without_filters(client):
    html = client.get("/nb/?q=ungdomskurs&age=60&county=56", follow_redirects=True).get_data(as_text=True)
    assert "Samme søk uten filtre" in html


def _card(html, course_id):
    """A result's card up to its comparison button."""
    start = html.index(f'/courses/{course_id}/')
    start = html.rindex('<li class="result">', 0, start)
    return html[start:html.index('<p class="compare-action">', start)]


def test_a_card_is_the_same_on_every_page_that_shows_its_course(client):
    # Cards are kept per generation, language and day: the same card on another search, and
    # its own again in another language.
    first = client.get("/nb/?q=sveis").get_data(as_text=True)
    course_id = re.search(r'<h3><a href="/nb/courses/([^/"]+)/', first).group(1)
    again = client.get(f"/nb/?q=sveis&sort=title&per_page=50").get_data(as_text=True)
    assert _card(first, course_id) == _card(again, course_id)
    english = client.get("/en/?q=sveis").get_data(as_text=True)
    assert "Where" in _card(english, course_id) and "Hvor" not in _card(english, course_id)
    assert f'/en/courses/{course_id}/' in _card(english, course_id)


def test_a_card_shows_the_day_it_is_seen(app, built_index):
    # The status of a card (starts, started, ended) follows the day the page is made on, also
    # when the same generation kept the card on an earlier day.
    import datetime as dt

    from coursefinder import create_app
    from conftest import TODAY

    cards = []
    for days in (0, 400):
        later = create_app({"TESTING": True, "INDEX_DIR": str(built_index), "TODAY": TODAY + dt.timedelta(days=days),
                            "AUTO_SAMPLE": False, "RELOAD_INTERVAL": 0})
        later.extensions["catalogue"] = app.extensions["catalogue"]     # the same generation, its views kept
        html = later.test_client().get("/nb/?include_ended=1&per_page=50&sort=title").get_data(as_text=True)
        cards.append({course_id: _card(html, course_id)
                      for course_id in re.findall(r'<h3><a href="/nb/courses/([^/"]+)/', html)})
    shared = set(cards[0]) & set(cards[1])
    assert shared and any(cards[0][course_id] != cards[1][course_id] for course_id in shared)
    assert any("Avsluttet" in cards[1][course_id] and "Avsluttet" not in cards[0][course_id] for course_id in shared)


def test_cards_carry_the_comparison_and_postcode_of_their_page(client):
    # A card kept from a plain search is not given to a page whose links carry more.
    plain = client.get("/nb/?q=sveis").get_data(as_text=True)
    course_id = re.search(r'<h3><a href="/nb/courses/([^/"]+)/', plain).group(1)
    comparing = client.get(f"/nb/?q=sveis&compare={course_id}").get_data(as_text=True)
    assert f"compare={course_id}" in _card(comparing, course_id)
    measured = client.get("/nb/?q=sveis&postcode=0150").get_data(as_text=True)
    card = _card(measured, course_id)
    assert "postcode=0150" in card and "Avstand" in card and "Avstand" not in _card(plain, course_id)


def test_the_filter_fields_show_what_each_page_was_asked(client):
    # Fieldsets that show neither counts nor entries are kept per language; any entry is its page's own.
    def age_field(query):
        html = client.get(f"/nb/?{query}").get_data(as_text=True)
        return re.search(r'<input[^>]*id="age"[^>]*>', html).group(0)

    for query, value in (("q=kokk", ""), ("q=kokk&age=30", "30"), ("q=kokk", ""), ("age=31", "31"), ("", "")):
        assert f'value="{value}"' in age_field(query), query
    english = client.get("/en/?q=kokk").get_data(as_text=True)
    nb = client.get("/nb/?q=kokk").get_data(as_text=True)
    assert re.search(r'<label for="age">([^<]+)', english).group(1) != re.search(r'<label for="age">([^<]+)', nb).group(1)
