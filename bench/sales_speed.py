#!/usr/bin/env python3
"""Sales engine speed: our full path vs a bare DuckDB GROUP BY over the same 10M-row export.

    .venv/bin/python bench/sales_speed.py [--rows 10000000] [--regen] [--only csv|parquet|typed]
                                          [--extra-skus 480]

Generates (once, fixed seed, with DuckDB itself) a platform-side order export into bench/data/
(gitignored) as CSV, as Parquet with text columns (the CSV's cells as they are) and as Parquet
with typed columns (a warehouse export: BIGINT, DECIMAL, TIMESTAMP): 2,000 sellers selling 5 SKUs
each out of 200 (20 of them "counterfeit"), 2023-11 … 2025-01, ~1% malformed rows (unparsable
quantity, bad date, negative quantity or amount, missing order id), ~3% refunds (partial and
full), ~3% closed orders, ~0.5% duplicated order lines.

Then times, in the same run, for each format:

(a) ours: ``summarise_all_sellers`` — open, validate, classify, deduplicate, aggregate every seller
    (and build each seller's report) — the path batch uses;
(b) baseline: ``SELECT seller, sku, date_trunc('month', ts), count(*), sum(qty), sum(amount) …
    GROUP BY ALL`` over the same file with DuckDB's own type detection (CSV with the three typed
    columns declared and ignore_errors=true, since the malformed rows would otherwise abort it);

and prints both (best of --repeat interleaved runs: the machine is shared), the ratio, the steps of
our path, and the peak RSS of this process (ru_maxrss, which includes DuckDB's memory).
"""

from __future__ import annotations

import argparse
import gc
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT / "bench" / "data"

N_SELLERS = 2000
N_SKUS = 200
COUNTERFEIT = [f"SKU-{i:04d}" for i in range(0, N_SKUS, 10)]  # 20 SKUs

GEN_SQL = """
SELECT
  CASE WHEN i % 997 = 13 THEN '' ELSE CAST(3000000000000000000 + j * 7919 AS VARCHAR) END AS order_id,
  'S' || lpad(CAST(seller_n AS VARCHAR), 5, '0') AS seller_id,
  'b' || CAST(hash(j * 31) % 3000000 AS VARCHAR) AS buyer_id,
  'SKU-' || lpad(CAST(sku_n AS VARCHAR), 4, '0') AS sku,
  'Item ' || CAST(sku_n AS VARCHAR) || ' cat food' AS title,
  CASE WHEN i % 1009 = 5 THEN 'two' WHEN i % 1013 = 3 THEN '-1' ELSE CAST(qty AS VARCHAR) END AS quantity,
  CAST(price AS VARCHAR) AS unit_price,
  CASE WHEN i % 1019 = 11 THEN '-' || CAST(price * qty AS VARCHAR) ELSE CAST(price * qty AS VARCHAR) END AS amount,
  CASE WHEN j % 41 = 0 THEN CAST(price * qty AS VARCHAR) WHEN j % 53 = 0 THEN '5.00' ELSE '0.00' END AS refund,
  CASE WHEN j % 37 = 0 THEN 'closed' WHEN j % 11 = 0 THEN 'shipped' ELSE 'completed' END AS status,
  CASE WHEN i % 1021 = 17 THEN '2024-13-45 25:00:00'
       ELSE strftime(TIMESTAMP '2023-11-01' + to_seconds(hash(j * 7) % 39000000), '%Y-%m-%d %H:%M:%S') END AS created
FROM (
  SELECT i, j, seller_n,
         (seller_n * 7 + hash(j * 13) % 5) % {skus} AS sku_n,
         1 + (hash(j * 17) % 10 = 0)::INT + (hash(j * 19) % 30 = 0)::INT AS qty,
         CAST((990 + ((seller_n * 7 + hash(j * 13) % 5) % {skus}) * 137 % 40000) / 100.0 AS DECIMAL(18,2)) AS price
  FROM (SELECT i, CASE WHEN i % 211 = 7 THEN i - 1 ELSE i END AS j,
               hash((CASE WHEN i % 211 = 7 THEN i - 1 ELSE i END) // 40) % {sellers} AS seller_n
        FROM range({rows}) t(i))
)
"""


def cpu_seconds() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)  # all threads of this process, DuckDB's included
    return r.ru_utime + r.ru_stime


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def generate(rows: int, regen: bool) -> tuple[Path, Path, Path]:
    import duckdb

    DATA.mkdir(parents=True, exist_ok=True)
    csv_path = DATA / f"platform-{rows}.csv"
    pq_path = DATA / f"platform-{rows}.parquet"
    typed_path = DATA / f"platform-{rows}-typed.parquet"
    if regen or not csv_path.exists() or not pq_path.exists():
        t = time.perf_counter()
        con = duckdb.connect()
        sql = GEN_SQL.format(rows=rows, sellers=N_SELLERS, skus=N_SKUS)
        con.execute(f"COPY ({sql}) TO '{csv_path}' (HEADER, DELIMITER ',')")
        # Parquet keeps text columns as text (as an export would), so the same values are validated.
        con.execute(f"COPY (SELECT * FROM read_csv('{csv_path}', all_varchar=true)) TO '{pq_path}' "
                    "(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 1000000)")
        con.close()
        print(f"generated {rows:,} rows in {time.perf_counter() - t:.1f}s: {csv_path.name} "
              f"{csv_path.stat().st_size / 1e6:.0f} MB, {pq_path.name} {pq_path.stat().st_size / 1e6:.0f} MB")
    if regen or not typed_path.exists():
        # A warehouse export types its columns: the same rows with quantity BIGINT, money
        # DECIMAL(18,2) and created TIMESTAMP; a value that was unparsable text is NULL here (still
        # a malformed row: a missing number or date). Made from the text Parquet, not the CSV:
        # DuckDB 2.0.1 pushes a TRY_CAST into read_csv, which then fails (duckdb/duckdb#23818).
        con = duckdb.connect()
        con.execute(f"""COPY (SELECT order_id, seller_id, buyer_id, sku, title,
            TRY_CAST(quantity AS BIGINT) AS quantity, TRY_CAST(unit_price AS DECIMAL(18,2)) AS unit_price,
            TRY_CAST(amount AS DECIMAL(18,2)) AS amount, TRY_CAST(refund AS DECIMAL(18,2)) AS refund, status,
            TRY_CAST(created AS TIMESTAMP) AS created FROM read_parquet('{pq_path}'))
            TO '{typed_path}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 1000000)""")
        con.close()
    return csv_path, pq_path, typed_path


def baseline(path: Path) -> tuple[float, int]:
    import duckdb

    con = duckdb.connect()
    src = (f"read_csv('{path}', ignore_errors=true, types={{'created': 'TIMESTAMP', 'quantity': 'BIGINT', "
           f"'amount': 'DECIMAL(18,2)'}})" if path.suffix == ".csv"
           else f"(SELECT seller_id, sku, TRY_CAST(created AS TIMESTAMP) AS created, TRY_CAST(quantity AS BIGINT) "
                f"AS quantity, TRY_CAST(amount AS DECIMAL(18,2)) AS amount FROM read_parquet('{path}'))")
    t = time.perf_counter()
    n = con.execute(
        f"SELECT seller_id, sku, date_trunc('month', created) AS month, count(*), sum(quantity), sum(amount) "
        f"FROM {src} GROUP BY ALL").fetchall()
    dt = time.perf_counter() - t
    con.close()
    return dt, len(n)


def ours(path: Path, rows: int, extra_skus: int = 0) -> tuple[float, dict]:
    from datetime import date

    from litigator.models import Product
    from litigator.sales.engine import scan, summaries_for
    from litigator.sales.model import Period, SalesConfig

    config = SalesConfig(files=[str(path)], profile="platform",
                         period=Period(start=date(2024, 1, 1), end=date(2024, 12, 31)))
    # --extra-skus: a big catalogue of counterfeit SKUs, most of them absent from the export.
    products = [Product(name="cat food", skus=COUNTERFEIT + [f"CAT-{i:05d}" for i in range(extra_skus)])]
    # Exactly what summarise_all_sellers does, timed step by step.
    t = time.perf_counter()
    result = scan(path.parent, config, products)
    t_scan = time.perf_counter()
    wanted = sorted(s for s in result.per_seller if s is not None)
    per_seller = summaries_for(result, {s: [s] for s in wanted}, config)
    dt = time.perf_counter() - t
    steps = dict(result.timings, summaries=time.perf_counter() - t_scan)
    some = next(iter(per_seller.values()))
    r = some.report
    assert r.reconciles, r
    total_kept = sum(s.report.rows_kept for s in per_seller.values())
    net = sum((s.totals.net for s in per_seller.values()), start=some.totals.net * 0)
    return dt, {"sellers": len(per_seller), "rows_read": r.rows_read, "rejected": r.rejected,
                "kept": total_kept, "steps": {k: round(v, 2) for k, v in steps.items()}, "net": str(net),
                "dup_ids": sum(s.report.duplicate_order_ids for s in per_seller.values())}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--regen", action="store_true")
    ap.add_argument("--only", choices=["csv", "parquet", "typed"])
    ap.add_argument("--extra-skus", type=int, default=0,
                    help="add this many counterfeit SKUs that are not in the export (SKU lookup cost)")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each; the best is reported (shared machine)")
    args = ap.parse_args()
    csv_path, pq_path, typed_path = generate(args.rows, args.regen)
    import os

    import duckdb

    threads = duckdb.connect().execute("SELECT current_setting('threads')").fetchone()[0]
    print(f"cores {os.cpu_count()}, DuckDB threads {threads} (ours and the baseline alike)")
    gc.collect()
    for label, key, path, budget in (("CSV", "csv", csv_path, 2.0), ("Parquet", "parquet", pq_path, 3.0),
                                     ("Parquet, typed", "typed", typed_path, 3.0)):
        if args.only and args.only != key:
            continue
        base_runs, mine_runs, base_cpu, mine_cpu, infos = [], [], [], [], []
        for _ in range(args.repeat):  # interleaved, so load from other processes hits both alike
            c = cpu_seconds()
            base, groups = baseline(path)
            base_cpu.append(cpu_seconds() - c)
            base_runs.append(base)
            gc.collect()
            c = cpu_seconds()
            mine, info = ours(path, args.rows, args.extra_skus)
            mine_cpu.append(cpu_seconds() - c)
            mine_runs.append(mine)
            infos.append(info)
            gc.collect()
        base, mine = min(base_runs), min(mine_runs)
        info = infos[mine_runs.index(mine)]
        ratio = mine / base
        verdict = "OK" if ratio <= budget else "OVER BUDGET"
        print(f"{label:14s} baseline {base:6.2f}s ({groups:,} groups)  ours {mine:6.2f}s  ratio {ratio:4.2f}x "
              f"(budget {budget}x: {verdict})  peak RSS so far {peak_mb():,.0f} MB")
        print(f"         runs (wall s): baseline {', '.join(f'{x:.2f}' for x in base_runs)}; "
              f"ours {', '.join(f'{x:.2f}' for x in mine_runs)}")
        print(f"         CPU s (less sensitive to other load): baseline {min(base_cpu):.2f}, ours {min(mine_cpu):.2f}, "
              f"ratio {min(mine_cpu) / min(base_cpu):.2f}x")
        print(f"         {info}")


if __name__ == "__main__":
    main()
