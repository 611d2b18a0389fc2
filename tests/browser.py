"""Shared pieces of the browser tests: a real server, Debian's Chromium, the page types.

The browser tests skip on a machine without Chromium or Playwright, except in CI
(COURSEFINDER_CI set by .ci/run), where a missing browser is a failure.

They audit every interface language (``LANGS``, from ``coursefinder.i18n.LANGUAGES``);
COURSEFINDER_TEST_BROWSER_LANGS=nb,en limits the audits to those languages (CI's second run,
which repeats the suite with the clock moved ahead, does so to keep within its time).
"""

import os
import shutil
import socket
import threading

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
IN_CI = bool(os.environ.get("COURSEFINDER_CI"))

# Every page type the accessibility checks cover, by name.
PAGE_TYPES = {
    "search-empty": "/{lang}/",
    "search-results": "/{lang}/?q=helsefagarbeider",
    "search-no-results": "/{lang}/?q=finnesikkeiverden",
    "search-many-filters": "/{lang}/?county=03&county=46&county=32&sector=health-care&sector=industry"
                           "&norwegian=combined&age=30&level=B1&delivery=in-person&delivery=hybrid"
                           "&course_type=industry&start_from=2027-02-01&include_ended=1",
    "course-open": "/{lang}/courses/EDGE-hybrid",
    "course-ended": "/{lang}/courses/EDGE-ended",
    "course-cancelled": "/{lang}/courses/EDGE-cancelled",
    "course-rolling": "/{lang}/courses/EDGE-rolling",
    "compare-2": "/{lang}/compare?ids=EDGE-hybrid,EDGE-youth",
    "compare-4": "/{lang}/compare?ids=EDGE-hybrid,EDGE-youth,EDGE-c1,EDGE-rolling",
    "not-found": "/{lang}/courses/NO-SUCH-COURSE",
    "course-removed": "/{lang}/courses/GONE-1",
    "accessibility": "/{lang}/accessibility",
    "about": "/{lang}/about",
    "privacy": "/{lang}/privacy",
    "offer": "/{lang}/offer",
    "offer-county": "/{lang}/offer?county=50",
    "follow": "/{lang}/follow?q=helsefagarbeider&county=32&v=1",
    "publish-check": "/{lang}/publish/check",
    "search-near": "/{lang}/?q=truck&postcode=0150&distance=50&sort=distance",
    "search-place-typed": "/{lang}/?q=sveis+bergen",
}


def audited_languages(environ=os.environ):
    """Every interface language, or those COURSEFINDER_TEST_BROWSER_LANGS names (comma-separated)."""
    from coursefinder.i18n import LANGUAGES

    asked = [code.strip() for code in environ.get("COURSEFINDER_TEST_BROWSER_LANGS", "").split(",") if code.strip()]
    unknown = [code for code in asked if code not in LANGUAGES]
    if unknown:
        raise ValueError(f"COURSEFINDER_TEST_BROWSER_LANGS names unknown languages: {', '.join(unknown)}")
    return tuple(code for code in LANGUAGES if code in asked) if asked else tuple(LANGUAGES)


LANGS = audited_languages()


def missing(what):
    if IN_CI:
        pytest.fail(f"{what} is missing, and CI must run the browser tests")
    pytest.skip(f"{what} is missing; the browser tests run in CI")


def launch(playwright):
    if not shutil.which(CHROMIUM):
        missing(CHROMIUM)
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveServer:
    def __init__(self, app):
        import waitress

        self.port = free_port()
        self.server = waitress.create_server(app, host="127.0.0.1", port=self.port, threads=4)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def close(self):
        self.server.close()


# Figures the browser tests report at the end of the run (see conftest's terminal summary).
REPORT = []


def report(line):
    REPORT.append(line)
