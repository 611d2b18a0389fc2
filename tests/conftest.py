"""Shared fixtures: a catalogue the tests build themselves, in a throwaway index.

The whole suite runs on one fixed day, ``TODAY``: it is the site's TODAY setting for every
app the tests make and, through the environment, for every server and command they start,
so that no test depends on the real date.  A test that needs the real clock says so and
controls it with time-machine.  With COURSEFINDER_TEST_DAYS_AHEAD=N (CI's second run) the
real clock is moved N days ahead for the whole run, which must pass too.
"""

import datetime as dt
import json
import os

import pytest

from coursefinder import create_app
from coursefinder.catalogue.importing import import_files
from coursefinder.catalogue.synthetic import generate

TODAY = dt.date(2027, 1, 15)
os.environ["COURSEFINDER_TODAY"] = TODAY.isoformat()
_TRAVEL = []


def pytest_configure(config):
    days = int(os.environ.get("COURSEFINDER_TEST_DAYS_AHEAD") or 0)
    if days:
        import time_machine

        traveller = time_machine.travel(dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=days), tick=True)
        traveller.start()
        _TRAVEL.append(traveller)


def pytest_report_header(config):
    days = int(os.environ.get("COURSEFINDER_TEST_DAYS_AHEAD") or 0)
    return [f"the real clock is moved {days} days ahead: it reads {dt.date.today().isoformat()}"] if days else []


def course(**fields):
    """A valid course record in the import format, with ``fields`` on top."""
    record = {
        "id": "T-1",
        "title_nb": "Sveisekurs",
        "course_type": "industry",
        "sector": "industry",
        "provider": "Testkurs AS",
        "county": "03",
        "start_date": "2027-03-01",
    }
    record.update(fields)
    return {key: value for key, value in record.items() if value is not None}


# Hand-made courses for the edges of every filter; the synthetic ones give volume.
EDGE_CASES = [
    course(id="EDGE-ended", title_nb="Lagerkurs som er ferdig", start_date="2026-09-01", end_date="2027-01-14",
           county="46", municipality="4601", place="Bergen", sector="hospitality-transport"),
    course(id="EDGE-ends-today", title_nb="Truckkurs som slutter i dag", start_date="2026-10-01",
           end_date="2027-01-15", county="46", sector="hospitality-transport"),
    course(id="EDGE-cancelled", title_nb="Avlyst barnehagekurs", status="cancelled", sector="childcare-youth",
           county="50", start_date="2027-04-01"),
    course(id="EDGE-rolling", title_nb="Norsk for arbeidslivet, løpende oppstart", course_type="norwegian",
           sector=None, start_type="rolling", start_date=None, norwegian_training=True, norwegian_level="A2",
           delivery="online", county="56"),
    course(id="EDGE-rolling-ending", title_nb="Jobbklubb med løpende oppstart", start_type="rolling",
           start_date="2026-11-01", end_date="2027-02-28", sector="other", county="55"),
    course(id="EDGE-youth", title_nb="Ungdomskurs i butikk", title_en="Retail course for young people",
           summary_en="For young people.", age_min=16, age_max=24, sector="retail", county="11",
           target_groups=["youth"]),
    course(id="EDGE-old", title_nb="Kurs for voksne over 50", age_min=50, sector="office", county="11"),
    course(id="EDGE-c1", title_nb="Kontorkurs med høye norskkrav", norwegian_level="C1", sector="office"),
    course(id="EDGE-hybrid", title_nb="Helsefagarbeider med norsk", norwegian_training=True,
           norwegian_level="B1", delivery="hybrid", sector="health-care", county="32", municipality="3205",
           place="Lillestrøm", start_date="2027-06-01", end_date="2027-12-01", application_deadline="2027-05-01",
           title_en="Health worker with Norwegian"),
]


REMOVED_COURSE = course(id="GONE-1", title_nb="Sveisekurs som er tatt ut", title_en="Welding course that was removed",
                        county="46", sector="industry")


def catalogue_records():
    return generate(250, seed=7, today=TODAY) + EDGE_CASES


def write_catalogue(path, records):
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def records():
    return catalogue_records()


@pytest.fixture(scope="session")
def built_index(tmp_path_factory, records):
    """One index for the read-only tests of the session."""
    folder = tmp_path_factory.mktemp("index")
    # An earlier catalogue had a course that the current one has not: its link must still answer.
    earlier = write_catalogue(folder / "earlier.json", records + [REMOVED_COURSE])
    assert import_files([earlier], folder / "index").ok
    source = write_catalogue(folder / "catalogue.json", records)
    outcome = import_files([source], folder / "index")
    assert outcome.ok, outcome.problems
    return folder / "index"


@pytest.fixture(scope="session")
def app(built_index):
    return create_app({"TESTING": True, "INDEX_DIR": str(built_index), "TODAY": TODAY,
                       "AUTO_SAMPLE": False, "RELOAD_INTERVAL": 0})


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture()
def fresh_index(tmp_path):
    """An empty index folder for tests that import."""
    return tmp_path / "index"


@pytest.fixture(scope="session")
def live_server(app):
    from browser import LiveServer

    server = LiveServer(app)
    yield server
    server.close()


@pytest.fixture(scope="session")
def chromium():
    from browser import launch, missing

    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("Playwright (pip install -e '.[test]')")
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture()
def browser_page(chromium):
    """A new page at a phone-like width unless the test sets another viewport."""
    # Playwright's waiting helpers evaluate strings, which the site's CSP forbids; the CSP
    # itself is checked without this in test_web_security_browser.py.
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    yield page
    context.close()


def pytest_terminal_summary(terminalreporter):
    """Print what the browser and HTML checks measured, so CI output shows it."""
    from browser import REPORT

    if REPORT:
        terminalreporter.section("accessibility and validity figures")
        for line in REPORT:
            terminalreporter.write_line(line)
