#!/usr/bin/env python3
"""Times `webhooks import` of generated configurations of growing size into fresh SQLite databases.

Usage: bench/importbench.py [EXECUTABLE] [--sizes 1000,3000,10000]

Each size is imported into a new SQLite database, then imported again unchanged (every webhook looked up and
compared, none written). The baseline is the smallest
size: for a linear import the time per webhook stays the same as the size grows, and the printed ratio stays near 1.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time


def config(size):
    kinds = ["generic", "slack", "teams"]
    hooks = []
    for i in range(size):
        kind = kinds[i % len(kinds)]
        url = {
            "generic": f"https://receiver-{i}.hospital.example/hooks/goreporter%20in",
            "slack": f"https://hooks.slack.com/services/T{i:08d}/B{i:08d}/secret{i}",
            "teams": f"https://contoso.webhook.office.com/webhookb2/{i:08d}",
        }[kind]
        hooks.append({
            "name": f"Webhook {i:05d} Kardiologie Süd",
            "kind": kind,
            "url": url,
            "events": ["battery.critical", "task.overdue"] if i % 2 else ["report.completed"],
            "headers": {"X-Site": f"site-{i % 17}"},
        })
    return {"webhooks": hooks}


def run(executable, database, *arguments):
    started = time.monotonic()
    result = subprocess.run([executable, "--database", database, *arguments], capture_output=True, text=True,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "LC_ALL": "C.UTF-8"})
    elapsed = time.monotonic() - started
    if result.returncode != 0:
        sys.exit(f"{' '.join(arguments)} failed: {result.stderr.strip()}")
    return elapsed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("executable", nargs="?", default="build/app/goreporter-webhooks")
    parser.add_argument("--sizes", default="1000,3000,10000")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as folder:
        baseline = None
        print(f"{'webhooks':>9}  {'import':>9}  {'per webhook':>12}  {'vs smallest':>11}  {'re-import':>9}")
        for size in sizes:
            path = os.path.join(folder, f"config-{size}.json")
            with open(path, "w", encoding="utf-8") as out:
                json.dump(config(size), out)
            database = "sqlite://" + os.path.join(folder, f"import-{size}.db")
            run(args.executable, database, "events", "list")  # creates and migrates the database
            first = run(args.executable, database, "webhooks", "import", path)
            again = run(args.executable, database, "webhooks", "import", path)
            per = first / size
            baseline = baseline or per
            print(f"{size:>9}  {first:>8.2f}s  {per * 1000:>10.3f}ms  {per / baseline:>10.2f}x  {again:>8.2f}s")


if __name__ == "__main__":
    main()
