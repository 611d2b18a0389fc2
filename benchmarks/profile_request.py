"""Where one request's time goes: a unique API search and a results page, in process (run by hand).

    .venv/bin/python benchmarks/profile_request.py [--count 10000] [--unique 2000] [--profile PREFIX]

Makes (once) a synthetic catalogue with ``coursefinder sample`` and imports it into
benchmarks/work/index-COUNT (re-imported only when that index cannot be served by this
version), then through Flask's test client (no network) times a stream of unique
searches (compare_fts5.py's, never repeated, so each is computed) on ``/api/v1/courses``
and on ``/nb/``, and prints p50/p95/mean in milliseconds; then the same with the
application called directly as a WSGI server calls it (``wsgi``: each request's
environment made beforehand, so the test client's own work is left out).  With ``--profile PREFIX`` it
also runs each stream under cProfile and writes the top functions by own and by
cumulative time to ``PREFIX-api.txt`` and ``PREFIX-page.txt``.
"""

import argparse
import cProfile
import io
import os
import pstats
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.path.join(HERE, "work")
sys.path.insert(0, HERE)

from compare_fts5 import unique_queries  # noqa: E402

PATHS = {"api": "/api/v1/courses?", "page": "/nb/?"}


def prepared_index(count, index=None):
    """An index of ``count`` synthetic courses that this version serves (imported when needed)."""
    from coursefinder.search import current_generation, is_outdated

    os.makedirs(WORK, exist_ok=True)
    source = os.path.join(WORK, f"sample-{count}.jsonl")
    index = index or os.path.join(WORK, f"index-{count}")
    script = os.path.join(os.path.dirname(sys.executable), "coursefinder")
    if not os.path.exists(source):
        subprocess.run([script, "sample", "--count", str(count), "--seed", "1", "-o", source], check=True)
    name = current_generation(index)
    if name is None or is_outdated(index, name):
        subprocess.run([script, "import", source, "--index", index, "--yes"], check=True)
    return index


def timed(client, path, queries):
    """p50, p95 and mean of wall-clock and of CPU time (ms) through Flask's test client: CPU time is what
    this process spent, which other work on a shared machine does not inflate."""
    return _timed(lambda query: client.get(path + query).status_code, queries)


def timed_wsgi(app, path, queries):
    """The same, calling the application as a WSGI server does, with each request's environment made
    beforehand (the test client's own work, about 0.4 ms a request, left out); gzip accepted, as browsers do."""
    from werkzeug.test import EnvironBuilder

    environs = {query: EnvironBuilder(path=path.rstrip("?"), query_string=query,
                                      headers={"Accept-Encoding": "gzip"}).get_environ() for query in queries}
    statuses = []

    def send(query):
        b"".join(app(environs[query], lambda status, headers, exc_info=None: statuses.append(status)))
        return int(statuses[-1].split()[0])

    return _timed(send, queries)


def _timed(send, queries):
    wall, cpu = [], []
    for query in queries:
        started, started_cpu = time.perf_counter(), time.process_time()
        status = send(query)
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
        assert status == 200, (query, status)
    return [figure for times in (wall, cpu) for figure in _figures(sorted(times))]


def _figures(times):
    return statistics.median(times), times[int(len(times) * 0.95) - 1], statistics.fmean(times)


def profiled(client, path, queries, out, title):
    profile = cProfile.Profile()
    profile.enable()
    for query in queries:
        client.get(path + query)
    profile.disable()
    text = io.StringIO()
    text.write(f"# {title}\n# {len(queries)} unique requests to {path}...; cProfile (its own overhead inflates "
               "small calls); times are totals over all requests\n\n## by own time\n")
    pstats.Stats(profile, stream=text).sort_stats("tottime").print_stats(35)
    text.write("\n## by cumulative time\n")
    pstats.Stats(profile, stream=text).sort_stats("cumulative").print_stats(50)
    with open(out, "w", encoding="utf-8") as handle:
        handle.write(text.getvalue().replace(os.path.dirname(HERE) + "/", ""))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--unique", type=int, default=2000)
    parser.add_argument("--profile", help="write cProfile summaries to PREFIX-api.txt and PREFIX-page.txt")
    parser.add_argument("--title", default="", help="a line for the head of the profile files")
    parser.add_argument("--index", help="the index folder (default: benchmarks/work/index-COUNT)")
    args = parser.parse_args()
    index = prepared_index(args.count, args.index)

    from coursefinder import create_app

    app = create_app({"INDEX_DIR": index, "AUTO_SAMPLE": False})
    client = app.test_client()
    client.get("/api/v1/courses?q=kurs")
    client.get("/nb/?q=kurs")
    print(f"{args.count} courses, {args.unique} unique searches per path (never repeated), in process")
    print(f"{'path':<12} {'p50 ms':>7} {'p95 ms':>7} {'mean ms':>8}   {'cpu p50':>7} {'cpu p95':>7} {'cpu mean':>8}")
    for seed, (name, path) in enumerate(PATHS.items(), start=21):
        for how, measure in (("test client", lambda: timed(client, path, unique_queries(args.unique, seed))),
                             ("wsgi", lambda: timed_wsgi(app, path, unique_queries(args.unique, seed + 100)))):
            figures = measure()
            print(f"{name + ' ' + how:<12} " + " ".join(f"{figure:7.2f}" for figure in figures[:3]) + "   "
                  + " ".join(f"{figure:7.2f}" for figure in figures[3:]))
    if args.profile:
        for seed, (name, path) in enumerate(PATHS.items(), start=31):
            profiled(client, path, unique_queries(args.unique, seed), f"{args.profile}-{name}.txt",
                     f"{args.title} {args.count} courses".strip())


if __name__ == "__main__":
    main()
