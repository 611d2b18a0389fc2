"""Re-imports while people search: a 5,000-course catalogue imported under load, with threads and
with several worker processes; no failed request, and every worker on the new catalogue within
5 seconds.  Bounded in time and requests, on loopback only."""

import http.client
import os
import random
import subprocess
import sys
import threading
import time

import pytest

from browser import free_port, report
from coursefinder.catalogue.synthetic import generate
from coursefinder.catalogue.importing import import_files
from conftest import TODAY, write_catalogue

MAX_REQUESTS = 60_000
WORDS = ["kurs", "sveis", "truck", "helse", "lager", "norsk", "oslo", "bergen", "renhold", "kokk", ""]
COUNTIES = ["", "03", "46", "50", "11", "56"]


def stop_all(stop, clients, server):
    """Stop the clients, then the server (killed if it does not stop in 20 s)."""
    stop.set()
    for thread in clients:
        thread.join(timeout=30)
    server.terminate()
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()

def get(port):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        query = f"/api/v1/courses?q={random.choice(WORDS)}&county={random.choice(COUNTIES)}&per_page=5"
        connection.request("GET", query, headers={"Connection": "close"})
        response = connection.getresponse()
        response.read()
        return response.status, response.getheader("X-Catalogue-Generation")
    finally:
        connection.close()


def wait_up(port, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, "the server stopped"
        try:
            if get(port)[0] == 200:
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("the server did not start")


def run_import(source, index):
    env = {**os.environ, "COURSEFINDER_KEEP_OLD_SECONDS": "2"}
    # --yes: the smaller catalogues replace the big one on purpose.
    subprocess.run([sys.executable, "-m", "coursefinder", "import", str(source), "--index", str(index), "--yes"],
                   env=env, check=True, stdout=subprocess.DEVNULL)
    return time.monotonic()


@pytest.mark.parametrize("mode, options", [("threads", ["--workers", "1", "--threads", "8"]),
                                           ("processes", ["--workers", "3", "--threads", "4"])])
def test_imports_under_load_fail_no_request_and_reach_every_worker(tmp_path, mode, options):
    index = tmp_path / "index"
    assert import_files([write_catalogue(tmp_path / "a.json", generate(500, seed=21, today=TODAY))], index).ok
    big = write_catalogue(tmp_path / "b.json", generate(5000, seed=22, today=TODAY))
    small = [write_catalogue(tmp_path / f"c{n}.json", generate(300, seed=30 + n, today=TODAY)) for n in range(2)]
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "coursefinder", "serve", "--port", str(port),
                               "--index", str(index), *options], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    responses, failures, stop = [], [], threading.Event()

    def client():
        while not stop.is_set() and len(responses) + len(failures) < MAX_REQUESTS:
            try:
                status, generation = get(port)
                (responses if status == 200 else failures).append((time.monotonic(), status, generation))
            except Exception as error:  # a failed request is what this test counts
                failures.append((time.monotonic(), repr(error), None))

    try:
        wait_up(port, server)
        clients = [threading.Thread(target=client) for _ in range(4)]
        for thread in clients:
            thread.start()
        time.sleep(1.5)
        started = time.monotonic()
        big_done = run_import(big, index)
        big_seconds = big_done - started
        time.sleep(6)
        # Two more imports: the oldest generations are now removed while searches go on.
        for source in small:
            run_import(source, index)
            time.sleep(2.5)
        last_done = time.monotonic()
        time.sleep(3)
    finally:
        stop_all(stop, locals().get("clients", []), server)

    old = [t for t, _status, generation in responses if generation == "gen-000001"]
    new_big = [t for t, _status, generation in responses if generation == "gen-000002"]
    switch = max(old) - big_done if old else 0.0
    final = [generation for t, _status, generation in responses if t > last_done + 2]
    report(f"live re-import ({mode}, {options[1]} worker(s) x {options[3]} threads): {len(responses) + len(failures)} "
           f"requests, {len(failures)} failed; 5,000-course import took {big_seconds:.1f} s under load; last answer "
           f"from the old catalogue {switch:+.2f} s after the import ended; generations left: "
           f"{sorted(os.listdir(index / 'generations'))}")
    assert failures == [], failures[:5]
    assert new_big and switch < 5.0
    assert final and set(final) == {"gen-000004"}
    assert not (index / "generations" / "gen-000001").exists()


def test_a_source_re_imported_under_load_fails_no_request_and_keeps_the_others(tmp_path):
    index = tmp_path / "index"
    oslo = [{**record, "county": "03", "municipality": "0301", "place": "Oslo", "id": f"OSL-{n}"}
            for n, record in enumerate(generate(400, seed=41, today=TODAY))]
    bergen = [{**record, "county": "46", "municipality": "4601", "place": "Bergen", "id": f"BGO-{n}"}
              for n, record in enumerate(generate(300, seed=42, today=TODAY))]
    assert import_files([write_catalogue(tmp_path / "oslo.json", oslo)], index, source="nav-oslo").ok
    assert import_files([write_catalogue(tmp_path / "bergen.json", bergen)], index, source="nav-vestland").ok
    bigger = write_catalogue(tmp_path / "bergen2.json", bergen + [
        {**record, "county": "46", "municipality": "4601", "id": f"BGN-{n}"}
        for n, record in enumerate(generate(2000, seed=43, today=TODAY))])
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "coursefinder", "serve", "--port", str(port), "--index",
                               str(index), "--workers", "2", "--threads", "4"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    totals, failures, stop = [], [], threading.Event()

    def client():
        while not stop.is_set() and len(totals) + len(failures) < MAX_REQUESTS:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            try:
                connection.request("GET", "/api/v1/courses?county=03&per_page=1&include_ended=1")
                response = connection.getresponse()
                body = response.read()
                if response.status != 200:
                    failures.append(response.status)
                else:
                    totals.append(int(body.split(b'"total":', 1)[1].split(b",", 1)[0]))
            except Exception as error:  # a failed request is what this test counts
                failures.append(repr(error))
            finally:
                connection.close()

    try:
        wait_up(port, server)
        clients = [threading.Thread(target=client) for _ in range(4)]
        for thread in clients:
            thread.start()
        time.sleep(1)
        subprocess.run([sys.executable, "-m", "coursefinder", "import", str(bigger), "--source", "nav-vestland",
                        "--index", str(index)], check=True, stdout=subprocess.DEVNULL)
        time.sleep(3)
    finally:
        stop_all(stop, locals().get("clients", []), server)
    report(f"live re-import of one source (2 workers x 4 threads): {len(totals) + len(failures)} requests, "
           f"{len(failures)} failed; the other source's 400 courses answered in every one: {set(totals) == {400}}")
    assert failures == [] and totals and set(totals) == {400}
