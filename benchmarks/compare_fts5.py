"""coursefinder against an SQLite FTS5 peer, over HTTP, on the same catalogue and the same queries.

    .venv/bin/python benchmarks/compare_fts5.py [--sizes 10000 100000] [--workers 2] [--threads 4]

For each size: makes a catalogue with `coursefinder sample`, imports it (time and peak
memory), builds the peer's SQLite database, serves both with gunicorn (the same workers
and threads), and measures p50/p95 latency of single requests on one kept-alive
connection and the throughput of 8 concurrent clients, for (a) a fixed set of popular
searches and (b) a stream of unique searches (random words, filters and pages, never
repeated).  Prints one table: coursefinder, peer, ratio.  Run by hand; never part of
the test suite.  Only loopback is used.
"""

import argparse
import http.client
import json
import multiprocessing
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import threading
import time
from urllib.parse import quote

HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.path.join(HERE, "work")
BIN = os.path.dirname(sys.executable)

POPULAR = ["q=kurs", "q=sveis", "q=truck", "q=helsefagarbeider", "q=lager", "county=03", "county=46&age=25",
           "q=norsk&norwegian=combined", "q=barnehage", "sector=health-care", "q=renhold&county=50",
           "q=kokk", "q=butikk&county=11", "course_type=norwegian", "q=sjåfør", "q=kontor&page=2",
           "county=03&county=32", "q=assistent", "q=bergen", "delivery=online"]
WORDS = ["kurs", "sveis", "sveising", "truck", "lager", "helse", "helsefagarbeider", "omsorg", "barnehage", "renhold",
         "kokk", "kjøkken", "butikk", "salg", "kontor", "stillas", "anlegg", "gravemaskin", "fisk", "vekter",
         "tømrer", "norsk", "jobb", "praksis", "sertifikat", "førerkort", "buss", "lastebil", "oslo", "bergen",
         "trondheim", "tromsø", "bodø", "kristiansand", "stavanger", "drammen", "hamar", "alta", "sikkerhet",
         "hygiene", "service", "kunde", "data", "digital", "arbeidsgiver", "veiledning", "teori", "kvalitet"]
COUNTIES = ["03", "11", "15", "18", "31", "32", "33", "34", "39", "40", "42", "46", "50", "55", "56"]
SECTORS = ["engineering-ict", "health-care", "childcare-youth", "office", "retail", "construction", "industry",
           "hospitality-transport", "service", "other"]


def unique_queries(count, seed):
    rng, seen = random.Random(seed), set()
    while len(seen) < count:
        parts = []
        if rng.random() < 0.85:
            parts.append("q=" + "+".join(rng.sample(WORDS, rng.choice([1, 1, 2]))))
        if rng.random() < 0.5:
            parts += [f"county={c}" for c in rng.sample(COUNTIES, rng.choice([1, 1, 2, 3]))]
        if rng.random() < 0.3:
            parts.append(f"age={rng.randint(16, 67)}")
        if rng.random() < 0.2:
            parts.append(f"norwegian={rng.choice(['combined', 'without'])}")
        if rng.random() < 0.2:
            parts.append(f"sector={rng.choice(SECTORS)}")
        if rng.random() < 0.15:
            parts.append(f"level={rng.choice(['A1', 'A2', 'B1', 'B2'])}")
        parts.append(f"page={rng.choice([1, 1, 1, 2, 3])}")
        seen.add("&".join(parts))
    return sorted(seen, key=lambda _: rng.random())


def run(command, **kwargs):
    """Run a command; return (seconds, peak RSS in MB of that child)."""
    started = time.monotonic()
    process = subprocess.Popen(command, **kwargs)
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}")
    return time.monotonic() - started, usage.ru_maxrss / 1024


def tree_rss_mb(pid, kind="Pss"):
    """Memory of a process and its children, in MB: Pss (shared pages counted once) or Rss."""
    total, pids = 0, [pid]
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    if int(handle.read().rsplit(")", 1)[1].split()[1]) == pid:
                        pids.append(int(entry))
            except OSError:
                pass
    for each in pids:
        try:
            with open(f"/proc/{each}/smaps_rollup") as handle:
                total += next(int(line.split()[1]) for line in handle if line.startswith(kind + ":"))
        except (OSError, StopIteration):
            pass
    return total / 1024


def wait_up(port, seconds=600):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/api/v1/courses?per_page=1")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"nothing answered on port {port}")


def api_path(query):
    return "/api/v1/courses?" + quote(query, safe="=&+,")


def latencies(port, queries):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    found = []
    for query in queries:
        started = time.perf_counter()
        connection.request("GET", api_path(query))
        response = connection.getresponse()
        response.read()
        found.append((time.perf_counter() - started) * 1000)
        assert response.status == 200, (query, response.status)
    found.sort()
    return statistics.median(found), found[int(len(found) * 0.95) - 1]


def _client(port, queries, deadline, counts):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    done = 0
    for query in queries:
        if time.monotonic() > deadline:
            break
        connection.request("GET", api_path(query))
        response = connection.getresponse()
        response.read()
        done += response.status == 200
    counts.append(done)


def _client_process(port, query_lists, seconds, out):
    deadline, counts = time.monotonic() + seconds, []
    threads = [threading.Thread(target=_client, args=(port, queries, deadline, counts)) for queries in query_lists]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    out.put(sum(counts))


def throughput(port, queries_for_client, seconds=8.0):
    """Requests per second of 8 concurrent clients (2 processes of 4 threads), each on its own connection."""
    out = multiprocessing.Queue()
    processes = [multiprocessing.Process(target=_client_process, args=(port, queries_for_client[i::2], seconds, out))
                 for i in range(2)]
    started = time.monotonic()
    for process in processes:
        process.start()
    total = sum(out.get() for _ in processes)
    for process in processes:
        process.join()
    return total / (time.monotonic() - started)


def serve(command, env=None):
    return subprocess.Popen(command, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


def bench(size, workers, threads, port_base):
    os.makedirs(WORK, exist_ok=True)
    source = os.path.join(WORK, f"sample-{size}.jsonl")
    index = os.path.join(WORK, f"bench-index-{size}")
    db = os.path.join(WORK, f"peer-{size}.db")
    if not os.path.exists(source):
        subprocess.run([os.path.join(BIN, "coursefinder"), "sample", "--count", str(size), "--seed", "1", "-o", source],
                       check=True, stderr=subprocess.DEVNULL)
    subprocess.run(["rm", "-rf", index], check=True)
    import_seconds, import_mb = run([os.path.join(BIN, "coursefinder"), "import", source, "--index", index],
                                    stdout=subprocess.DEVNULL)
    peer_seconds, peer_mb = run([sys.executable, os.path.join(HERE, "fts5_peer.py"), "build", source, db],
                                stdout=subprocess.DEVNULL)
    ours_port, peer_port = port_base, port_base + 1
    ours = serve([os.path.join(BIN, "coursefinder"), "serve", "--port", str(ours_port), "--index", index,
                  "--workers", str(workers), "--threads", str(threads)])
    peer = serve([sys.executable, "-m", "gunicorn", "-w", str(workers), "--threads", str(threads), "-k", "gthread",
                  "-b", f"127.0.0.1:{peer_port}", "--chdir", HERE, "fts5_peer:make_app()"], {"PEER_DB": db})
    rows = {}
    try:
        wait_up(ours_port)
        wait_up(peer_port)
        unique = unique_queries(60_000, seed=size)
        for port in (ours_port, peer_port):
            latencies(port, POPULAR * 3)  # warm up the same way for both
        for name, port in (("coursefinder", ours_port), ("peer", peer_port)):
            result = rows.setdefault(name, {})
            result["popular p50"], result["popular p95"] = latencies(port, POPULAR * 15)
            result["unique p50"], result["unique p95"] = latencies(port, unique[:300])
            result["popular rps"] = throughput(port, [(POPULAR * 500)[i::8] for i in range(8)])
            result["unique rps"] = throughput(port, [unique[300 + i::8] for i in range(8)])
            result["memory PSS MB"] = tree_rss_mb(ours.pid if name == "coursefinder" else peer.pid)
            result["memory RSS MB"] = tree_rss_mb(ours.pid if name == "coursefinder" else peer.pid, "Rss")
    finally:
        for process in (ours, peer):
            process.terminate()
            process.wait(timeout=30)
    return {"import s": import_seconds, "import MB": import_mb, "peer build s": peer_seconds,
            "peer build MB": peer_mb, "rows": rows}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    machine = (f"{platform.machine()}, {os.cpu_count()} cores, "
               f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB, "
               f"Python {platform.python_version()}, SQLite {__import__('sqlite3').sqlite_version}")
    print(f"# {time.strftime('%Y-%m-%d')} coursefinder vs SQLite FTS5 peer; {machine}; both under gunicorn, "
          f"{args.workers} workers x {args.threads} threads; loopback HTTP; 8 concurrent clients for throughput")
    figures = {}
    for number, size in enumerate(args.sizes):
        result = bench(size, args.workers, args.threads, 18600 + 10 * number)
        figures[size] = result
        ours, peer = result["rows"]["coursefinder"], result["rows"]["peer"]
        print(f"\n## {size:,} courses: import {result['import s']:.1f} s (peak {result['import MB']:.0f} MB); "
              f"peer database built in {result['peer build s']:.1f} s")
        print(f"| {'measure':<22} | {'coursefinder':>12} | {'FTS5 peer':>10} | {'ratio':>7} |")
        print(f"|{'-' * 24}|{'-' * 14}|{'-' * 12}|{'-' * 9}|")
        for key, unit, better in (("popular p50", "ms", "lower"), ("popular p95", "ms", "lower"),
                                  ("unique p50", "ms", "lower"), ("unique p95", "ms", "lower"),
                                  ("popular rps", "req/s", "higher"), ("unique rps", "req/s", "higher"),
                                  ("memory PSS MB", "MB", "lower"), ("memory RSS MB", "MB", "lower")):
            ratio = ours[key] / peer[key] if peer[key] else float("inf")
            print(f"| {key if unit == 'MB' else key + ' (' + unit + ')':<22} | {ours[key]:>12.1f} | {peer[key]:>10.1f} | {ratio:>6.2f}x |")
        sys.stdout.flush()
    if args.json:
        with open(args.json, "w") as handle:
            json.dump(figures, handle, indent=1)


if __name__ == "__main__":
    main()
