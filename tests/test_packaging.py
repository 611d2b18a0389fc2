"""A plain wheel carries what the site needs at run time: catalogs, templates, styles, sample."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
                   check=True, capture_output=True)
    (wheel,) = out.glob("coursefinder-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


@pytest.mark.parametrize("path", [
    "coursefinder/translations/nb/LC_MESSAGES/messages.mo",
    "coursefinder/translations/en/LC_MESSAGES/messages.mo",
    "coursefinder/catalogue/data/sample-courses.json",
    "coursefinder/web/templates/base.html",
    "coursefinder/web/templates/search.html",
    "coursefinder/web/static/style.css",
    "coursefinder/web/static/site.js",
    "coursefinder/web/templates/feed.xml",
    "coursefinder/search/data/compound-words.txt",
    "coursefinder/search/data/glossary-en-nb.json",
    "coursefinder/catalogue/data/county-neighbours.json",
])
def test_the_wheel_carries_runtime_files(wheel_names, path):
    assert path in wheel_names


def test_the_wheel_declares_the_console_script(wheel_names):
    assert any(name.endswith("entry_points.txt") for name in wheel_names)
