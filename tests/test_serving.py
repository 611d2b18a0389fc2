"""The production server: `coursefinder serve` on an empty index, and imports while it serves."""

import http.client
import os
import re
import json
import socket
import subprocess
import sys
import threading
import time

import pytest
import waitress

from coursefinder import create_app
from coursefinder.catalogue.importing import import_files
from conftest import TODAY, course, write_catalogue


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get_json(port, path, timeout=5):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, json.loads(response.read() or b"null")
    finally:
        connection.close()


def wait_until_up(port, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            return get_json(port, "/api/v1/courses?per_page=1")
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"nothing answered on port {port} within {seconds} s")


def test_serve_imports_the_sample_into_an_empty_index_and_serves_it(tmp_path):
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "coursefinder", "serve", "--port", str(port),
                               "--index", str(tmp_path / "index")], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        status, body = wait_until_up(port)
        assert status == 200 and body["total"] >= 150
        assert sum(1 for county in body["facets"]["county"] if county["count"]) == 15
    finally:
        server.terminate()
        output = server.communicate(timeout=10)[0].decode()
    # By default a worker per core (gunicorn where processes can be forked), said in one line.
    assert re.search(r"with (gunicorn|waitress): \d+ worker process\(es\) of 8 threads", output)
    assert "importing the bundled sample catalogue" in output


def test_imports_while_serving_fail_no_request_and_show_within_seconds(tmp_path):
    index = tmp_path / "index"
    old = [course(id=f"OLD-{n}", title_nb=f"Sveisekurs {n}") for n in range(30)]
    assert import_files([write_catalogue(tmp_path / "old.json", old)], index).ok
    app = create_app({"INDEX_DIR": str(index), "AUTO_SAMPLE": False, "TODAY": TODAY, "RELOAD_INTERVAL": 0.2})
    port = free_port()
    server = waitress.create_server(app, host="127.0.0.1", port=port, threads=4)
    threading.Thread(target=server.run, daemon=True).start()
    wait_until_up(port)

    failures, counts, stop = [], [0], threading.Event()

    def client():
        while not stop.is_set() and counts[0] < 5000:
            try:
                status, body = get_json(port, "/api/v1/courses?q=sveisekurs&per_page=5")
                if status != 200:
                    failures.append(status)
            except Exception as error:  # a failed request is what this test looks for
                failures.append(repr(error))
            counts[0] += 1

    clients = [threading.Thread(target=client) for _ in range(2)]
    for thread in clients:
        thread.start()
    try:
        for round_ in range(3):
            new = [course(id=f"NEW{round_}-{n}", title_nb=f"Sveisekurs ny {n}") for n in range(40)]
            assert import_files([write_catalogue(tmp_path / f"new{round_}.json", new)], index).ok
            switched = time.monotonic()
            while get_json(port, "/api/v1/courses?q=sveisekurs&per_page=1")[1]["total"] != 40:
                assert time.monotonic() - switched < 5, "the new catalogue was not served within 5 seconds"
                time.sleep(0.05)
            print(f"round {round_}: new catalogue served {time.monotonic() - switched:.2f} s after the import")
    finally:
        stop.set()
        for thread in clients:
            thread.join()
        server.close()
    print(f"{counts[0]} requests during 3 imports, {len(failures)} failed")
    assert counts[0] > 0 and failures == []


def get_text(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read().decode()
    finally:
        connection.close()


def test_serve_takes_its_settings_from_the_environment(tmp_path):
    index = tmp_path / "index"
    courses = [course(id="OLD-1", start_date="2027-01-04", end_date="2027-02-26"),
               course(id="LATER-1", start_date="2027-09-06", end_date="2027-12-17")]
    assert import_files([write_catalogue(tmp_path / "c.json", courses)], index).ok
    port = free_port()
    env = {**os.environ, "COURSEFINDER_FEEDBACK_EMAIL": "kurs@nav.example.no",
           "COURSEFINDER_PUBLIC_URL": "https://kurs.example.no", "COURSEFINDER_TODAY": "2027-03-01",
           "COURSEFINDER_INDEX": str(index)}
    server = subprocess.Popen([sys.executable, "-m", "coursefinder", "serve", "--port", str(port)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        status, body = wait_until_up(port)
        # On 1 March 2027 the first course has ended: only the later one is found.
        assert status == 200 and [hit["id"] for hit in body["results"]] == ["LATER-1"]
        assert body["results"][0]["url"].startswith("https://kurs.example.no/nb/courses/LATER-1/")
        status, html = get_text(port, "/en/?q=sveisekurs")
        assert "mailto:kurs@nav.example.no" in html and 'value="https://kurs.example.no/en/?q=sveisekurs' in html
        status, feed = get_text(port, "/nb/feed.atom")
        assert "<id>https://kurs.example.no/nb/feed.atom" in feed
    finally:
        server.terminate()
        server.communicate(timeout=10)
