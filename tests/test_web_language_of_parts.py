"""WCAG 3.1.2 in the browser: Norwegian-only course text on English pages is marked lang="nb"."""

import pytest

from conftest import EDGE_CASES

LANGUAGE_OF = """(needle) => {
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (node.textContent.includes(needle)) found.push(node.parentElement.closest('[lang]').getAttribute('lang'));
  }
  return found;
}"""

NORWEGIAN_ONLY = next(r for r in EDGE_CASES if r["id"] == "EDGE-ended")["title_nb"]
BILINGUAL = next(r for r in EDGE_CASES if r["id"] == "EDGE-youth")


@pytest.mark.parametrize("path", [
    "/en/courses/EDGE-ended",
    "/en/?q=lagerkurs&include_ended=1",
    "/en/compare?ids=EDGE-ended,EDGE-youth",
])
def test_norwegian_course_text_on_english_pages_is_marked(browser_page, live_server, path):
    browser_page.goto(live_server.url(path))
    languages = browser_page.evaluate(LANGUAGE_OF, NORWEGIAN_ONLY)
    assert languages and set(languages) == {"nb"}, languages
    english = browser_page.evaluate(LANGUAGE_OF, BILINGUAL["title_en"])
    assert not english or set(english) == {"en"}


def test_norwegian_pages_mark_nothing_as_foreign_in_norwegian_text(browser_page, live_server):
    browser_page.goto(live_server.url("/nb/courses/EDGE-ended"))
    assert set(browser_page.evaluate(LANGUAGE_OF, NORWEGIAN_ONLY)) == {"nb"}
