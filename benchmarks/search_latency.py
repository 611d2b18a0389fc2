"""In-process search latency on a synthetic catalogue (run by hand; never part of the tests).

    .venv/bin/python benchmarks/search_latency.py [--count 10000] [--rounds 5] [--unique 2000]

Makes a catalogue with ``coursefinder sample``, imports it into benchmarks/work/, and
times the JSON API and the HTML search page through Flask's test client (no network),
so that changes to analysis and search can be compared before and after.  Prints
p50/p95 in milliseconds per kind of query (each repeated, so mostly answered from the
result cache), then p50/p95 of a stream of unique searches (never repeated, so every one
is computed: the figure that says what a new search costs).
"""

import argparse
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.path.join(HERE, "work")

QUERIES = {
    "no text, no filter": "",
    "common word": "q=kurs",
    "title word": "q=sveisekurs",
    "two words": "q=truck+lager",
    "folded": "q=forerkort",
    "filters only": "county=03&county=46&norwegian=combined&age=30",
    "text and filters": "q=helsefagarbeider&county=50&level=B1&sort=start",
    "deep page": "q=kurs&page=20",
    "within 100 km": "q=truck&postcode=5003&distance=100",
    "nearest first": "postcode=0150&sort=distance",
    "place typed": "q=sveis+bergen",
}


def percentiles(client, path, queries):
    """Median and 95th percentile in ms of answering each query once, in order."""
    times = []
    for query in queries:
        started = time.perf_counter()
        response = client.get(path + query)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (path, query, response.status_code)
    times.sort()
    return [statistics.median(times), times[int(len(times) * 0.95) - 1]]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--unique", type=int, default=2000, help="unique searches per path (0: none)")
    args = parser.parse_args()
    os.makedirs(WORK, exist_ok=True)
    source = os.path.join(WORK, f"sample-{args.count}.jsonl")
    index = os.path.join(WORK, f"index-{args.count}")
    script = os.path.join(os.path.dirname(sys.executable), "coursefinder")
    if not os.path.exists(source):
        subprocess.run([script, "sample", "--count", str(args.count), "--seed", "1", "-o", source], check=True)
    started = time.perf_counter()
    subprocess.run([script, "import", source, "--index", index], check=True)
    print(f"import of {args.count} courses: {time.perf_counter() - started:.1f} s")

    from coursefinder import create_app

    client = create_app({"INDEX_DIR": index, "AUTO_SAMPLE": False}).test_client()
    print(f"{'query':<20} {'api p50':>8} {'api p95':>8} {'html p50':>9} {'html p95':>9}  (ms, {args.rounds} rounds)")
    for name, query in QUERIES.items():
        row = []
        for path in ("/api/v1/courses?", "/nb/?"):
            client.get(path + query)
            row += percentiles(client, path, [query] * (args.rounds * 4))
        print(f"{name:<20} {row[0]:8.1f} {row[1]:8.1f} {row[2]:9.1f} {row[3]:9.1f}")
    if args.unique:
        sys.path.insert(0, HERE)
        from compare_fts5 import unique_queries

        row = []
        for path, seed in (("/api/v1/courses?", 11), ("/nb/?", 12)):
            row += percentiles(client, path, unique_queries(args.unique, seed))
        print(f"{'unique searches':<20} {row[0]:8.1f} {row[1]:8.1f} {row[2]:9.1f} {row[3]:9.1f}"
              f"  ({args.unique} each, never repeated)")


if __name__ == "__main__":
    main()
