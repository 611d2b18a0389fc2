"""Seven interface languages on the pages: choosing one, the menu, hreflang, right to left, course text."""

import re

import pytest

from coursefinder.i18n import LANGUAGES


def page(client, path, **headers):
    return client.get(path, headers=headers, follow_redirects=True).get_data(as_text=True)


def menu(html):
    return html.split('class="language-menu"', 1)[1].split("</details>", 1)[0]


@pytest.mark.parametrize("header, lang", [
    ("nn-NO,nn;q=0.9,nb;q=0.8", "nn"), ("no", "nb"), ("nb", "nb"), ("uk-UA,uk;q=0.9", "uk"), ("ar", "ar"),
    ("so-SO", "so"), ("ti-ER", "ti"), ("en-GB", "en"), ("de-DE", "nb"),
])
def test_the_browsers_language_opens_the_site_in_it(client, header, lang):
    response = client.get("/", headers={"Accept-Language": header})
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/{lang}/")
    assert response.headers["Vary"] == "Accept-Language"
    html = page(client, "/", **{"Accept-Language": header})
    assert f'<html lang="{lang}" dir="{"rtl" if lang == "ar" else "ltr"}">' in html


def test_an_unknown_page_answers_in_the_browsers_language(client):
    response = client.get("/nothing/here", headers={"Accept-Language": "ar-SY,ar;q=0.9"})
    assert response.status_code == 404 and '<html lang="ar" dir="rtl">' in response.get_data(as_text=True)


def test_the_menu_names_each_language_in_itself_with_its_norwegian_name(client):
    html = menu(page(client, "/nb/"))
    assert '<summary>' in html and "Språk" in html
    for code, language in LANGUAGES.items():
        assert f'lang="{code}" dir="{language.direction}"' in html
    assert 'lang="uk" dir="ltr">Українська <span lang="nb" dir="ltr">(ukrainsk)</span></a>' in html
    assert 'lang="ar" dir="rtl">العربية <span lang="nb" dir="ltr">(arabisk)</span></a>' in html
    assert 'lang="so" dir="ltr">Soomaali <span lang="nb" dir="ltr">(somali)</span></a>' in html
    assert 'lang="ti" dir="ltr">ትግርኛ <span lang="nb" dir="ltr">(tigrinja)</span></a>' in html
    assert 'lang="nn" dir="ltr">Norsk nynorsk</a>' in html
    # The page's own language is in the list, marked as the current one, and not a link to the page itself.
    assert html.count('aria-current="true"') == 1 and 'hreflang="nb"' not in html
    assert '<li class="current"><span lang="nb" dir="ltr" aria-current="true">Norsk bokmål</span></li>' in html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_menu_keeps_the_page_and_its_query(client, lang):
    html = menu(page(client, f"/{lang}/?q=truck&county=46&page=1"))
    for code in LANGUAGES:
        if code != lang:
            assert f'<a href="/{code}/?q=truck&amp;county=46&amp;page=1" hreflang="{code}"' in html, code
    offer = menu(page(client, f"/{lang}/offer?county=50"))
    assert all(f'href="/{code}/offer?county=50"' in offer for code in LANGUAGES if code != lang)


def test_the_menu_gives_each_language_its_own_course_address(client):
    html = page(client, "/ar/courses/EDGE-youth")
    assert 'href="/nb/courses/EDGE-youth/ungdomskurs-i-butikk" hreflang="nb"' in menu(html)
    assert 'href="/uk/courses/EDGE-youth/retail-course-for-young-people" hreflang="uk"' in menu(html)
    links = dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html))
    assert sorted(links) == sorted(LANGUAGES)
    assert links["nn"] == "/nn/courses/EDGE-youth/ungdomskurs-i-butikk"
    assert links["ar"] == "/ar/courses/EDGE-youth/retail-course-for-young-people"


@pytest.mark.parametrize("path", ["/{lang}/", "/{lang}/courses/EDGE-hybrid", "/{lang}/compare?ids=EDGE-hybrid,EDGE-youth",
                                  "/{lang}/offer", "/{lang}/about", "/{lang}/privacy", "/{lang}/accessibility",
                                  "/{lang}/follow?q=sveis&v=1", "/{lang}/publish/check", "/{lang}/courses/NO-SUCH"])
def test_every_page_links_to_itself_in_every_language(client, path):
    for lang in ("nb", "ar"):
        html = page(client, path.format(lang=lang))
        assert sorted(re.findall(r'<link rel="alternate" hreflang="([\w-]+)"', html)) == sorted(LANGUAGES), path
        assert sorted(re.findall(r'<li[^>]*><(?:a|span) [^>]*lang="([\w-]+)"', menu(html))) == sorted(LANGUAGES), path


@pytest.mark.parametrize("lang, title, summary", [
    ("uk", '<h1 lang="en">Retail course for young people</h1>', '<span lang="en">For young people.</span>'),
    ("so", '<h1 lang="en">Retail course for young people</h1>', '<span lang="en">For young people.</span>'),
    ("ti", '<h1 lang="en">Retail course for young people</h1>', '<span lang="en">For young people.</span>'),
    ("ar", '<h1 lang="en" dir="ltr">Retail course for young people</h1>',
     '<span lang="en" dir="ltr">For young people.</span>'),
    ("nn", '<h1 lang="nb">Ungdomskurs i butikk</h1>', '<span lang="en">For young people.</span>'),
])
def test_a_course_without_text_in_the_language_shows_its_best_other_marked_with_lang(client, lang, title, summary):
    # EDGE-youth has a bokmål and an English title, and only an English summary.
    html = page(client, f"/{lang}/courses/EDGE-youth")
    assert title in html and summary in html
    # The facts come from codes, so they are in the page's language whatever the course text is.
    assert re.search(r'<dt>[^<]+</dt><dd>', html)
    results = page(client, f"/{lang}/?q=ungdomskurs")
    assert ('lang="en"' if lang != "nn" else 'lang="nb"') in results.split('class="result-list"', 1)[1]


def test_names_numbers_and_addresses_are_isolated_on_an_arabic_page(client):
    html = page(client, "/ar/courses/EDGE-hybrid")
    assert '<bdi>Lillestrøm</bdi>, <bdi>Akershus</bdi>' in html
    assert '<dd><bdi>Testkurs AS</bdi></dd>' in html
    assert '<bdi dir="ltr">EDGE-hybrid</bdi>' in html
    assert 'id="share-url" value="' in html and 'dir="ltr"' in html.split('id="share-url"', 1)[1].split(">", 1)[0]
    # The same page in Norwegian has none of this.
    assert "<bdi" not in page(client, "/nb/courses/EDGE-hybrid")


def test_the_bar_charts_start_at_the_right_on_an_arabic_page_and_the_map_is_not_mirrored(client):
    ar, nb = page(client, "/ar/offer"), page(client, "/nb/offer")
    charts = lambda html: re.findall(r'<svg xmlns="http://www.w3.org/2000/svg" class="chart".*?</svg>', html, re.S)  # noqa: E731
    assert [re.search(r'direction="(\w+)"', chart).group(1) for chart in charts(ar)] == ["rtl"] * 3
    bars = lambda chart: [(float(x), float(w)) for x, w in re.findall(r'<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"', chart)]  # noqa: E731
    for ar_chart, nb_chart in zip(charts(ar)[1:], charts(nb)[1:]):
        assert bars(ar_chart) and all(x == 2 for x, _ in bars(nb_chart))                  # from the left ...
        assert all(abs(x + width - 302) < 0.11 for x, width in bars(ar_chart))            # ... and from the right
    tiles = lambda chart: re.findall(r'<rect x="([\d.]+)" y="([\d.]+)" width="\d+" height="\d+" rx="6"', chart)  # noqa: E731
    assert tiles(charts(ar)[0]) == tiles(charts(nb)[0])                           # Norway keeps its shape
    assert "<bdi>" in ar.split("<figcaption>", 1)[1].split("</figcaption>", 1)[0]


@pytest.mark.parametrize("lang, says", [
    ("nb", "nettstedets egen"), ("en", "the site's own"), ("nn", "KI-språkmodell"), ("uk", "штучного інтелекту (ШІ)"),
    ("ar", "بواسطة نموذج لغوي يعمل بالذكاء الاصطناعي"), ("so", "sirdoon macmal ah (AI)"), ("ti", "ኣርቲፊሻል ኢንተሊጀንስ (AI)"),
])
def test_the_about_page_says_how_its_text_was_made_and_where_to_report_a_mistake(client, lang, says):
    html = page(client, f"/{lang}/about")
    note = re.search(r'<p class="translation-note">(.*?)</p>', html, re.S).group(1)
    assert says in note and 'href="mailto:' in note


def test_the_browser_audits_cover_every_language_unless_limited():
    from browser import audited_languages

    assert audited_languages({}) == tuple(LANGUAGES) == ("nb", "nn", "en", "uk", "ar", "so", "ti")
    assert audited_languages({"COURSEFINDER_TEST_BROWSER_LANGS": "en, nb"}) == ("nb", "en")
    with pytest.raises(ValueError, match="xx"):
        audited_languages({"COURSEFINDER_TEST_BROWSER_LANGS": "nb,xx"})


@pytest.mark.parametrize("lang, shown", [
    ("uk", '<span lang="en">Welding course that was removed</span>'), ("nn", '<span lang="nb">Sveisekurs som er tatt ut</span>'),
    ("ar", '<span lang="en" dir="ltr">Welding course that was removed</span>'), ("en", "Welding course that was removed"),
])
def test_a_removed_course_is_named_in_the_readers_best_language(client, lang, shown):
    response = client.get(f"/{lang}/courses/GONE-1")
    assert response.status_code == 410 and f'<p class="lead">{shown}</p>' in response.get_data(as_text=True)
