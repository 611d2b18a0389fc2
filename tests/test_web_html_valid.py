"""The Nu HTML Checker (vnu.jar from npm's vnu-jar, run with Java) finds no error on any page type."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from browser import LANGS, PAGE_TYPES, missing, report

CANDIDATES = [
    os.environ.get("VNU_JAR", ""),
    str(Path.home() / ".cache" / "coursefinder-vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"),
    "node_modules/vnu-jar/build/dist/vnu.jar",
]


def vnu_jar():
    jar = next((c for c in CANDIDATES if c and Path(c).is_file()), None)
    if jar is None:
        missing("vnu.jar (npm install --prefix ~/.cache/coursefinder-vnu vnu-jar, or set VNU_JAR)")
    if not shutil.which("java"):
        missing("java")
    return jar


def test_every_page_type_is_valid_html(client, tmp_path):
    jar = vnu_jar()
    files = {}
    for name, path in PAGE_TYPES.items():
        for lang in LANGS:
            response = client.get(path.format(lang=lang), follow_redirects=True)
            target = tmp_path / f"{name}-{lang}.html"
            target.write_bytes(response.data)
            files[str(target)] = f"{name} {lang}"
    run = subprocess.run(["java", "-jar", jar, "--errors-only", "--format", "json", "--exit-zero-always",
                          *files], capture_output=True, text=True, timeout=300)
    messages = json.loads(run.stderr or run.stdout)["messages"]
    errors = {}
    for message in messages:
        if message.get("type") == "error":
            errors.setdefault(message["url"].removeprefix("file:"), []).append(
                f"line {message.get('lastLine')}: {message['message']}")
    for path, label in files.items():
        report(f"Nu HTML Checker {label:<23}: {len(errors.get(path, []))} errors")
    assert errors == {}
