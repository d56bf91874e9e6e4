#!/usr/bin/env python3
"""Where a document's drafting time goes: cProfile of N renders (Markdown + .docx), top entries by cumulative time.

    .venv/bin/python bench/profile_drafting.py [--case examples/platform-v-seller] [--doc complaint] [--count 20]
                                               [--top 25] [--sort cumulative|tottime] [--docxtpl]

The same context and calls as bench/drafting_speed.py (after one warm-up render). ``--doc all`` profiles the whole
filing set (a fresh context each time, so the memo's chart is drawn); ``--docxtpl`` profiles the docxtpl baseline.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from drafting_speed import DEFAULT_CASE, Bench  # noqa: E402  (after the path is set)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--case", type=Path, default=DEFAULT_CASE)
    ap.add_argument("--doc", default="complaint", help="a document of the set, or 'all' (default: complaint)")
    ap.add_argument("--count", type=int, default=20, help="renders profiled (default 20)")
    ap.add_argument("--top", type=int, default=25, help="entries printed (default 25)")
    ap.add_argument("--sort", default="cumulative", choices=["cumulative", "tottime"])
    ap.add_argument("--docxtpl", action="store_true", help="profile the docxtpl baseline instead")
    args = ap.parse_args()

    bench = Bench(args.case.resolve())
    if args.docxtpl:
        work = bench.docxtpl
    elif args.doc == "all":
        work = bench.full_set
    elif args.doc in bench.documents:
        work = lambda: bench.ours(args.doc)  # noqa: E731
    else:
        sys.exit(f"error: no document {args.doc!r} in this case's set (have: {', '.join(bench.documents)}, all)")
    work()  # warm-up: imports, first compile
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(args.count):
        work()
    profiler.disable()
    what = "docxtpl complaint" if args.docxtpl else args.doc
    print(f"{args.count} renders of {what}, top {args.top} by {args.sort} time")
    stats = pstats.Stats(profiler)
    stats.strip_dirs().sort_stats(args.sort).print_stats(args.top)


if __name__ == "__main__":
    main()
