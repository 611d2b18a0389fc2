"""Settings: one table in the code, the same table in the README, each settable from the environment."""

import datetime as dt
import pathlib
import re

import pytest

from coursefinder import create_app, settings
from conftest import TODAY

README = (pathlib.Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def readme_settings():
    section = README.split("### Settings", 1)[1].split("\n## ", 1)[0]
    return {match.group(1): match.group(2) for match in re.finditer(r"^\| `([A-Z_]+)` \| ([^|]+) \|", section, re.M)}


def test_every_setting_is_documented_in_the_readme_and_nothing_else():
    documented = readme_settings()
    assert set(documented) == {setting.name for setting in settings.SETTINGS}
    for setting in settings.SETTINGS:
        for variable in setting.variables:
            assert f"`{variable}`" in documented[setting.name]


def test_the_environment_sets_each_kind_of_setting():
    found = settings.from_environ({"COURSEFINDER_TODAY": "2027-03-01", "COURSEFINDER_HSTS_SECONDS": "600",
                                   "COURSEFINDER_AUTO_SAMPLE": "0", "COURSEFINDER_PUBLIC_URL": "https://kurs.example.no/",
                                   "COURSEFINDER_ALLOWED_HOSTS": "kurs.example.no, Kurs2.example.no",
                                   "COURSEFINDER_RELOAD_INTERVAL": "2.5", "COURSEFINDER_INDEX": "/srv/index",
                                   "UNRELATED": "x"})
    assert found == {"TODAY": dt.date(2027, 3, 1), "HSTS_SECONDS": 600, "AUTO_SAMPLE": False,
                     "PUBLIC_URL": "https://kurs.example.no", "ALLOWED_HOSTS": ("kurs.example.no", "kurs2.example.no"),
                     "RELOAD_INTERVAL": 2.5, "INDEX_DIR": "/srv/index"}


@pytest.mark.parametrize("variable, value", [("COURSEFINDER_TODAY", "tomorrow"), ("COURSEFINDER_HSTS_SECONDS", "-1"),
                                             ("COURSEFINDER_PUBLIC_URL", "kurs.example.no"),
                                             ("COURSEFINDER_LOG_FORMAT", "xml")])
def test_a_setting_that_cannot_be_read_names_itself(variable, value):
    with pytest.raises(settings.SettingError, match=variable):
        settings.from_environ({variable: value})


def test_the_app_factory_takes_settings_from_the_environment(built_index, monkeypatch):
    monkeypatch.setenv("COURSEFINDER_FEEDBACK_EMAIL", "kurs@nav.example.no")
    monkeypatch.setenv("COURSEFINDER_PUBLIC_URL", "https://kurs.example.no")
    monkeypatch.setenv("COURSEFINDER_TODAY", "2027-01-15")
    monkeypatch.setenv("COURSEFINDER_INDEX", str(built_index))
    client = create_app({"TESTING": True}).test_client()
    html = client.get("/nb/courses/EDGE-hybrid", follow_redirects=True).get_data(as_text=True)
    assert "mailto:kurs@nav.example.no" in html
    assert 'value="https://kurs.example.no/nb/courses/EDGE-hybrid/' in html
    feed = client.get("/en/feed.atom?q=lagerkurs").get_data(as_text=True)
    assert "<id>https://kurs.example.no/en/feed.atom" in feed
    # EDGE-ended ended the day before 2027-01-15, so it counts as ended; EDGE-ends-today does not.
    found = {hit["id"]: hit["ended"] for hit in client.get("/api/v1/courses?include_ended=1&per_page=100&county=46")
             .json["results"]}
    assert found["EDGE-ended"] is True and found["EDGE-ends-today"] is False


def test_a_mapping_given_to_the_factory_wins_over_the_environment(built_index, monkeypatch):
    monkeypatch.setenv("COURSEFINDER_TODAY", "2030-01-01")
    app = create_app({"TESTING": True, "INDEX_DIR": str(built_index), "TODAY": TODAY})
    assert app.config["TODAY"] == TODAY
