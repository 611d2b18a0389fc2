"""coursefinder against an SQLite FTS5 peer, over HTTP, on the same catalogue and the same queries.

    .venv/bin/python benchmarks/compare_fts5.py [--sizes 10000 100000] [--modes default gunicorn]
                                                [--workers 2] [--threads 4]

For each size: makes a catalogue with `coursefinder sample`, imports it (time, and the
peak memory of the import's processes together), builds the peer's SQLite database, and
serves both, in each mode: ``default``, each as a person starts it (``coursefinder serve``
with its defaults; the peer as `waitress-serve` starts a WSGI app, one process of 4
threads), and ``gunicorn``, both under gunicorn with the same workers and threads.  Then
it measures p50/p95 latency of single requests on one kept-alive connection and the
throughput of 8 concurrent clients, for (a) a fixed set of popular searches and (b) a
stream of unique searches (random words, filters and pages, never repeated), and the
memory of each server: PSS of all its processes and of its largest worker.  Prints one
table per size and mode: coursefinder, peer, ratio.  Run by hand; never part of the test
suite.  Only loopback is used.
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
    """Run a command; return (seconds, peak MB): the peak of the RSS of its processes together (an import may
    write with several), sampled every 0.2 s, or its own peak RSS when that is higher."""
    measured = run_measured(command, **kwargs)
    return measured["seconds"], measured["peak RSS MB"]


def run_measured(command, **kwargs):
    """Run a command; return its wall-clock seconds, CPU seconds (all its processes), and the peaks of the
    RSS and of the PSS of its processes together, sampled every 0.2 s.  Processes forked from one share
    its pages, which RSS counts in each of them and PSS divides among them: PSS is what the machine
    really gives them."""
    started = time.monotonic()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    process = subprocess.Popen(command, **kwargs)
    peak_rss = peak_pss = 0.0
    while process.poll() is None:
        processes = tree(process.pid)
        peak_rss = max(peak_rss, sum(process_mb(each, "Rss") for each in processes))
        peak_pss = max(peak_pss, sum(process_mb(each, "Pss") for each in processes))
        time.sleep(0.2)
    if process.returncode != 0:
        raise SystemExit(f"failed: {' '.join(command)}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    own = after.ru_maxrss / 1024
    return {"seconds": time.monotonic() - started,
            "CPU s": after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime,
            "peak RSS MB": max(peak_rss, own), "peak PSS MB": peak_pss}


def tree(pid):
    """A process and all its descendants."""
    found, pending = [], [pid]
    while pending:
        each = pending.pop()
        found.append(each)
        try:
            for task in os.listdir(f"/proc/{each}/task"):
                with open(f"/proc/{each}/task/{task}/children") as handle:
                    pending += [int(child) for child in handle.read().split()]
        except OSError:
            pass
    return found


def process_mb(pid, kind="Pss"):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            return next(int(line.split()[1]) for line in handle if line.startswith(kind + ":")) / 1024
    except (OSError, StopIteration):
        return 0.0


def tree_rss_mb(pid, kind="Pss"):
    """Memory of a process and its descendants, in MB: Pss (shared pages counted once) or Rss."""
    return sum(process_mb(each, kind) for each in tree(pid))


def largest_worker_mb(pid, kind="Pss"):
    """The memory of the largest process that answers requests: a gunicorn worker, or the process itself."""
    workers = tree(pid)[1:] or [pid]
    return max(process_mb(each, kind) for each in workers)


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


def servers(mode, index, db, workers, threads, ours_port, peer_port):
    """The two servers as they are started in ``mode``: ``default`` (as each is started by default) or
    ``gunicorn`` (both under gunicorn, ``workers`` x ``threads``)."""
    ours = [os.path.join(BIN, "coursefinder"), "serve", "--port", str(ours_port), "--index", index]
    if mode == "default":
        # A WSGI app started the usual way: waitress-serve, one process of its default 4 threads.
        peer = [os.path.join(BIN, "waitress-serve"), "--listen", f"127.0.0.1:{peer_port}", "--threads", "4",
                "--call", "fts5_peer:make_app"]
    else:
        ours += ["--workers", str(workers), "--threads", str(threads)]
        peer = [sys.executable, "-m", "gunicorn", "-w", str(workers), "--threads", str(threads), "-k", "gthread",
                "-b", f"127.0.0.1:{peer_port}", "--chdir", HERE, "fts5_peer:make_app()"]
    return serve(ours), subprocess.Popen(peer, env={**os.environ, "PEER_DB": db}, cwd=HERE,
                                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def prepare(size):
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
    return index, db, {"import s": import_seconds, "import MB": import_mb, "peer build s": peer_seconds,
                       "peer build MB": peer_mb}


def bench(size, mode, index, db, workers, threads, port_base):
    ours_port, peer_port = port_base, port_base + 1
    ours, peer = servers(mode, index, db, workers, threads, ours_port, peer_port)
    rows = {}
    try:
        wait_up(ours_port)
        wait_up(peer_port)
        unique = unique_queries(60_000, seed=size)
        for port in (ours_port, peer_port):
            latencies(port, POPULAR * 3)  # warm up the same way for both
        for name, port, process in (("coursefinder", ours_port, ours), ("peer", peer_port, peer)):
            result = rows.setdefault(name, {})
            result["popular p50"], result["popular p95"] = latencies(port, POPULAR * 15)
            result["unique p50"], result["unique p95"] = latencies(port, unique[:300])
            result["popular rps"] = throughput(port, [(POPULAR * 500)[i::8] for i in range(8)])
            result["unique rps"] = throughput(port, [unique[300 + i::8] for i in range(8)])
            result["memory PSS MB"] = tree_rss_mb(process.pid)
            result["memory RSS MB"] = tree_rss_mb(process.pid, "Rss")
            result["worker PSS MB"] = largest_worker_mb(process.pid)
            result["processes"] = len(tree(process.pid))
    finally:
        for process in (ours, peer):
            process.terminate()
            process.wait(timeout=30)
    return rows


MEASURES = (("popular p50", "ms"), ("popular p95", "ms"), ("unique p50", "ms"), ("unique p95", "ms"),
            ("popular rps", "req/s"), ("unique rps", "req/s"), ("memory PSS MB", "MB"), ("memory RSS MB", "MB"),
            ("worker PSS MB", "MB"), ("processes", ""))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--modes", nargs="+", choices=["default", "gunicorn"], default=["default", "gunicorn"])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    machine = (f"{platform.machine()}, {os.cpu_count()} cores, "
               f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB, "
               f"Python {platform.python_version()}, SQLite {__import__('sqlite3').sqlite_version}")
    print(f"# {time.strftime('%Y-%m-%d')} coursefinder vs SQLite FTS5 peer; {machine}; loopback HTTP; "
          f"8 concurrent clients for throughput; load average at the start {os.getloadavg()[0]:.1f}")
    figures = {}
    for number, size in enumerate(args.sizes):
        index, db, imported = prepare(size)
        figures[size] = {**imported, "modes": {}}
        print(f"\n## {size:,} courses: import {imported['import s']:.1f} s (peak {imported['import MB']:.0f} MB); "
              f"peer database built in {imported['peer build s']:.1f} s")
        for offset, mode in enumerate(args.modes):
            rows = bench(size, mode, index, db, args.workers, args.threads, 18600 + 10 * number + 4 * offset)
            figures[size]["modes"][mode] = rows
            ours, peer = rows["coursefinder"], rows["peer"]
            started = ("each as it starts by default: `coursefinder serve`; the peer under waitress-serve, 4 threads"
                       if mode == "default" else f"both under gunicorn, {args.workers} workers x {args.threads} threads")
            print(f"\n### {started}; load average {os.getloadavg()[0]:.1f}")
            print(f"| {'measure':<22} | {'coursefinder':>12} | {'FTS5 peer':>10} | {'ratio':>7} |")
            print(f"|{'-' * 24}|{'-' * 14}|{'-' * 12}|{'-' * 9}|")
            for key, unit in MEASURES:
                ratio = ours[key] / peer[key] if peer[key] else float("inf")
                label = key if unit in ("MB", "") else f"{key} ({unit})"
                print(f"| {label:<22} | {ours[key]:>12.1f} | {peer[key]:>10.1f} | {ratio:>6.2f}x |")
            sys.stdout.flush()
    if args.json:
        with open(args.json, "w") as handle:
            json.dump(figures, handle, indent=1)


if __name__ == "__main__":
    main()
