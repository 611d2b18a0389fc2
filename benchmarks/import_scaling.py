"""Import time and peak memory as the catalogue grows (run by hand; never part of the tests).

    .venv/bin/python benchmarks/import_scaling.py [--sizes 10000 100000 300000]

For each size makes (once) a synthetic catalogue with ``coursefinder sample --seed 1`` in
benchmarks/work/, imports it with ``coursefinder import`` into an empty index there, and
prints a Markdown table: wall-clock and CPU seconds (all the import's processes), and the
peaks of the RSS and of the PSS of its processes together (sampled every 0.2 s; the
writing processes are forked from the import and share its pages, which RSS counts in
each of them and PSS once).
"""

import argparse
import os
import platform
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.path.join(HERE, "work")
sys.path.insert(0, HERE)

from compare_fts5 import BIN, run_measured  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 300_000])
    args = parser.parse_args()
    os.makedirs(WORK, exist_ok=True)
    print(f"# {time.strftime('%Y-%m-%d')} import of synthetic catalogues; {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}; load average at the start {os.getloadavg()[0]:.1f}\n")
    print("| courses | wall s | CPU s | peak RSS MB (together) | peak PSS MB (together) |")
    print("|---:|---:|---:|---:|---:|")
    for size in args.sizes:
        source = os.path.join(WORK, f"sample-{size}.jsonl")
        if not os.path.exists(source):
            subprocess.run([os.path.join(BIN, "coursefinder"), "sample", "--count", str(size), "--seed", "1",
                            "-o", source], check=True, stdout=subprocess.DEVNULL)
        index = os.path.join(WORK, f"import-index-{size}")
        shutil.rmtree(index, ignore_errors=True)
        measured = run_measured([os.path.join(BIN, "coursefinder"), "import", source, "--index", index],
                                stdout=subprocess.DEVNULL)
        shutil.rmtree(index, ignore_errors=True)
        print(f"| {size:,} | {measured['seconds']:.1f} | {measured['CPU s']:.1f} | {measured['peak RSS MB']:.0f} "
              f"| {measured['peak PSS MB']:.0f} |", flush=True)


if __name__ == "__main__":
    main()
