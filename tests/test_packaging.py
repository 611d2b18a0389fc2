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


def _runtime_files():
    """Every file in the package that is not Python source: data, templates, styles, sources."""
    package = ROOT / "coursefinder"
    return sorted(str(path.relative_to(ROOT)) for path in package.rglob("*")
                  if path.is_file() and path.suffix not in {".py", ".pyc"} and "__pycache__" not in path.parts)


def test_the_package_has_runtime_files_to_check():
    assert len(_runtime_files()) > 20


@pytest.mark.parametrize("path", _runtime_files() + [
    "coursefinder/translations/nb/LC_MESSAGES/messages.mo",
    "coursefinder/translations/en/LC_MESSAGES/messages.mo",
])
def test_the_wheel_carries_runtime_files(wheel_names, path):
    assert path in wheel_names


def test_the_wheel_declares_the_console_script(wheel_names):
    assert any(name.endswith("entry_points.txt") for name in wheel_names)
