#!/usr/bin/env python3
"""Batch speed: 1,000 suits from the 10M-order platform export, with 1 and 2 workers.

    .venv/bin/python bench/batch_speed.py [--rows 10000000] [--targets 1000] [--workers 1,2]
                                          [--sets complaint,full] [--executor local|dask] [--no-cli]

Data (made once, gitignored, under bench/data/): the export of bench/sales_speed.py (its generator,
fixed seed: 10M order lines, 2,000 sellers S00000 … S01999, 20 counterfeit SKUs, ~1% malformed rows),
a base case (examples/platform-v-seller with `sales:` naming that export, `profile: platform`, the
bench's counterfeit SKUs as its product, no preservation application) and a manifest of --targets rows
(sellers with counterfeit sales: 1,000 of the 2,000; synthetic 某某 names and resident ID numbers that pass their
checksum). The export is hard-linked into the base case (a batch shares only files inside its base).

For each set (``complaint``: --only complaint; ``full``: the whole filing set) and each worker count,
``run_batch`` in this process with --force, timed: wall, complaints (rows) per second, and the batch's
own steps — validate (the manifest), the sales pass alone (one scan of the export for every row's
seller, with the order lines of each; the workers start meanwhile), row hashes (each row's evidence and
the shared inputs, the export's hash taken from the scan) and the summary, and rendering (each row's case
folder written by this process and handed to a worker at once, the workers drafting meanwhile).
Then, unless --no-cli, the acceptance run end to end as a user runs it:
``litigator batch MANIFEST -o OUT --workers 2 --only complaint --force`` in a fresh process
(interpreter start, imports, progress output and summary included). Acceptance (issue 17): 1,000
complaints from the 10M-row export in under 30 s end to end with 2 workers; product goal 20 s.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
DATA = ROOT / "bench" / "data"
EXAMPLE = ROOT / "examples" / "platform-v-seller"
ACCEPTANCE_S = 30.0
GOAL_S = 20.0

SURNAMES = "李刘陈杨黄赵吴徐孙马朱胡郭何高罗郑梁谢宋唐许冯邓曹彭曾肖田董袁潘于蒋蔡余杜程苏魏吕丁任姚卢钟汪范金石贺龚"
GIVEN = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉"
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def resident_id(rng: random.Random) -> str:
    first17 = f"310120{1970 + rng.randrange(30)}{rng.randrange(1, 13):02d}{rng.randrange(1, 29):02d}" \
              f"{rng.randrange(1, 999):03d}"
    return first17 + "10X98765432"[sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS)) % 11]


def prepare(rows: int, targets: int) -> tuple[Path, Path]:
    """The base case (with the export linked in) and the manifest; made again only when missing."""
    from sales_speed import COUNTERFEIT, N_SELLERS, generate

    csv_path, _pq, _typed = generate(rows, False)
    work = DATA / f"batch-{rows}"
    base = work / "base"
    export = base / "sales" / csv_path.name
    if not (base / "case.yaml").is_file() or not export.is_file() or export.stat().st_ino != csv_path.stat().st_ino:
        if base.exists():
            shutil.rmtree(base)
        shutil.copytree(EXAMPLE, base, ignore=shutil.ignore_patterns("out", "sales", "facts.yaml", "*.bak"))
        export.parent.mkdir(parents=True)
        try:
            os.link(csv_path, export)
        except OSError:  # another file system: a copy (1.2 GB) instead
            shutil.copyfile(csv_path, export)
        text = (EXAMPLE / "case.yaml").read_text(encoding="utf-8")
        text, n1 = re.subn(r"files: \[sales/orders\.csv\]\n  profile: taobao",
                           f"files: [sales/{csv_path.name}]\n  profile: platform", text)
        text, n2 = re.subn(r"skus: \[PM-CAT-2K, PM-CAT-10K\]", f"skus: [{', '.join(COUNTERFEIT)}]", text)
        text, n3 = re.subn(r"\npreservation:.*?\n(?=requests:)", "\n", text, flags=re.S)
        assert n1 == n2 == n3 == 1, "examples/platform-v-seller/case.yaml changed: update bench/batch_speed.py"
        (base / "case.yaml").write_text("# bench/batch_speed.py: the platform example over the bench's export\n"
                                        + text, encoding="utf-8")
    manifest = work / f"manifest-{targets}.csv"
    if not manifest.is_file():
        rng = random.Random(17)
        # Sellers with counterfeit sales: seller n sells SKUs (7n + k) % 200, k = 0…4 (the generator's
        # rule), and the counterfeit SKUs are the multiples of 10: half the sellers (1,000 of 2,000).
        sellers = [n for n in range(N_SELLERS) if (7 * n) % 10 in (0, 6, 7, 8, 9)]
        if targets > len(sellers):
            raise SystemExit(f"--targets {targets}: the export has {len(sellers)} sellers with counterfeit sales")
        with open(manifest, "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(["base", "base"])
            w.writerow(["target", "defendant", "shop", "seller_id", "defendants[0].id_number"])
            for i in range(targets):
                seller = sellers[i * len(sellers) // targets]
                name = f"{SURNAMES[i % len(SURNAMES)]}某{GIVEN[(i // len(SURNAMES)) % len(GIVEN)]}"
                w.writerow([f"B{i + 1:04d}", name, f"示例宠物店{seller}号", f"S{seller:05d}", resident_id(rng)])
    return base, manifest


def run(manifest: Path, out: Path, only: list[str] | None, workers: int, executor: str) -> dict:
    from litigator.batch import run_batch
    from litigator.pipeline import DraftOptions

    t = time.perf_counter()
    result = run_batch(manifest, out, options=DraftOptions(only=only), workers=workers, executor=executor,
                       force=True)
    wall = time.perf_counter() - t
    counts = result.counts()
    failed = [r for r in result.results if r.status != "drafted"]
    if failed:
        print(f"  {len(failed)} row(s) not drafted, e.g. row {failed[0].row}: {failed[0].error}")
    steps = dict(result.timings)
    # the rest: row hashes (each row's evidence), resume checks, the summary
    steps["other"] = steps["total"] - steps["validate"] - steps["sales"] - steps["draft"]
    return {"wall": wall, "counts": counts, "steps": steps, "drafted": counts.get("drafted", 0),
            "docs": sum(len([o for o in r.outputs if o.endswith(".docx")]) for r in result.results)}


def cli_run(manifest: Path, out: Path, workers: int, executor: str) -> float:
    exe = Path(sys.executable).with_name("litigator")
    cmd = [str(exe), "batch", str(manifest), "-o", str(out), "--workers", str(workers), "--only", "complaint",
           "--force", "--executor", executor]
    t = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - t
    tail = proc.stderr.strip().splitlines()[-1:] if proc.stderr.strip() else []
    print(f"  $ litigator batch {manifest.name} -o {out.name} --workers {workers} --only complaint --force "
          f"--executor {executor}\n  exit {proc.returncode}; {' '.join(tail)}")
    return wall


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=10_000_000, help="order lines in the export")
    ap.add_argument("--targets", type=int, default=1000, help="manifest rows (sellers sued)")
    ap.add_argument("--workers", default="1,2", help="worker counts to run, comma-separated")
    ap.add_argument("--sets", default="complaint,full", help="complaint (--only complaint), full (the filing set)")
    ap.add_argument("--executor", choices=["local", "dask"], default="local")
    ap.add_argument("--no-cli", action="store_true", help="skip the end-to-end CLI run")
    args = ap.parse_args()
    base, manifest = prepare(args.rows, args.targets)
    out = base.parent / "out"
    size = sum(p.stat().st_size for p in (base / "sales").iterdir())
    print(f"export: {args.rows:,} order lines ({size / 1e6:,.0f} MB); "
          f"manifest: {args.targets:,} rows; cores {os.cpu_count()}; executor {args.executor}")
    results = []
    for name in args.sets.split(","):
        only = ["complaint"] if name == "complaint" else None
        for workers in (int(w) for w in args.workers.split(",")):
            r = run(manifest, out, only, workers, args.executor)
            s = r["steps"]
            rate = r["drafted"] / r["wall"] if r["wall"] else 0.0
            render_rate = r["drafted"] / s["draft"] if s["draft"] else 0.0
            print(f"{name:9s} workers {workers}: wall {r['wall']:6.1f} s, {rate:5.1f} rows/s "
                  f"({r['drafted']:,} drafted, {r['docs']:,} .docx)\n    validate {s['validate']:.1f} s, "
                  f"sales pass {s['sales']:.1f} s ({s['sales'] / r['wall']:.0%}), row hashes + summary "
                  f"{s['other']:.1f} s, target folders + rendering {s['draft']:.1f} s ({render_rate:.1f} rows/s)")
            results.append((name, workers, r))
    if not args.no_cli:
        wall = cli_run(manifest, out, 2, args.executor)
        verdict = "met" if wall < ACCEPTANCE_S else "NOT MET"
        goal = "met" if wall < GOAL_S else "not met"
        print(f"end to end (CLI, complaint only, 2 workers): {wall:.1f} s, {args.targets / wall:.1f} complaints/s — "
              f"acceptance < {ACCEPTANCE_S:.0f} s: {verdict}; product goal < {GOAL_S:.0f} s: {goal}")


if __name__ == "__main__":
    main()
