"""The batch's summary: ``summary.csv`` and ``summary.json`` in the output folder (docs/batch.md).

One line per manifest row: row, target, status (drafted, skipped: finished by an earlier run with the
same inputs, failed, not_run), the filed scenario, the claim of every scenario, the filed scenario's
expected award and over-claim flag (from the precedents' calibration), the output files, the warning
codes and the error. Both files are written atomically; the CSV is UTF-8 with a BOM (Excel opens it).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import TYPE_CHECKING

from litigator.outputs import write_bytes, write_text

if TYPE_CHECKING:  # pragma: no cover
    from litigator.batch.run import BatchResult

FIXED_COLUMNS = ("row", "target", "status", "scenario")
TAIL_COLUMNS = ("expected_award", "over_claim", "outputs", "warning_codes", "error")


def scenario_names(batch: BatchResult) -> list[str]:
    names: list[str] = []
    for r in batch.results:
        for name in r.claims:
            if name not in names:
                names.append(name)
    return names


def rows(batch: BatchResult) -> tuple[list[str], list[list[str]]]:
    """(header, lines) of the summary table."""
    scenarios = scenario_names(batch)
    header = [*FIXED_COLUMNS, *(f"claim_{s}" for s in scenarios), *TAIL_COLUMNS]
    lines = []
    for r in batch.results:
        over = "" if r.over_claim is None else ("yes" if r.over_claim else "no")
        lines.append([str(r.row), r.target, r.status, r.scenario or "", *(r.claims.get(s, "") for s in scenarios),
                      r.expected_award or "", over, ";".join(r.outputs), ";".join(r.warning_codes), r.error or ""])
    return header, lines


def summary_json(batch: BatchResult) -> dict:
    return {"manifest": str(batch.manifest), "out": str(batch.out), "counts": batch.counts(),
            "ok": batch.ok, "rows": [r.model_dump(mode="json", exclude={"input_hash", "seconds"})
                                     for r in batch.results]}


def write_summary(batch: BatchResult) -> list[Path]:
    from litigator.batch.run import SUMMARY_CSV, SUMMARY_JSON

    header, lines = rows(batch)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(lines)
    csv_path = write_bytes(batch.out / SUMMARY_CSV, ("\ufeff" + buf.getvalue()).encode("utf-8"))
    json_path = write_text(batch.out / SUMMARY_JSON,
                           json.dumps(summary_json(batch), ensure_ascii=False, indent=2) + "\n")
    return [csv_path, json_path]
