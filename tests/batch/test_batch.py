"""Batch: bad rows reported by row while the good ones are drafted; resume after a stop; --dry-run."""

from __future__ import annotations

import json
import zipfile
from decimal import Decimal
from pathlib import Path

from batch.batch_support import EXPENSES, NET, write_manifest

from litigator.batch import run_batch
from litigator.pipeline import DraftOptions

COMPLAINT = DraftOptions(only=["complaint"])
HEADER = "target,defendant,seller_id,defendants[0].address,scenarios.base.goodwill.multiple"


def _claim(net: str, multiple: str = "1") -> str:
    return f"{Decimal(net) * Decimal(multiple) + Decimal(EXPENSES):.2f}"


def _check_outputs(out: Path, target: str) -> None:
    """Every output is whole: the .docx a valid zip, calculation.json valid JSON."""
    folder = out / target / "out"
    with zipfile.ZipFile(folder / "complaint.docx") as z:
        assert z.testzip() is None
    json.loads((folder / "calculation.json").read_text(encoding="utf-8"))
    assert not list(folder.glob(".*.tmp"))


def test_bad_rows_are_reported_by_row_and_good_rows_drafted(base_case: Path, tmp_path: Path) -> None:
    manifest = write_manifest(tmp_path / "m.csv", base_case, HEADER, [
        "t1,张某甲,S1,上海市示例路1号,2",     # line 3: good (multiple 2)
        "t2,李某某,S9,,",                    # line 4: unknown seller
        "t3,王某乙,S2,,1.5.0",               # line 5: bad amount (a factor)
        "t4,赵某某,S3,,",                    # line 6: good
    ])
    bad_key = write_manifest(tmp_path / "k.csv", base_case, HEADER + ",defendants[0].nosuch",
                             ["t5,钱某某,S2,,,x"])
    result = run_batch(manifest, tmp_path / "out", options=COMPLAINT, workers=1)
    by_target = {r.target: r for r in result.results}
    assert [r.status for r in result.results] == ["drafted", "failed", "failed", "drafted"]
    assert result.exit_code == 2
    assert by_target["t1"].claims["base"] == _claim(NET["S1"], "2") == "55223.00"
    assert by_target["t4"].claims["base"] == _claim(NET["S3"]) == "53588.00"
    assert by_target["t2"].row == 4 and "S9" in by_target["t2"].error and "seller_id" in by_target["t2"].error
    assert by_target["t3"].row == 5 and "scenarios.base.goodwill.multiple" in by_target["t3"].error
    for target in ("t1", "t4"):
        _check_outputs(result.out, target)
    assert not (result.out / "t2").exists() and not (result.out / "t3").exists()
    summary = json.loads((result.out / "summary.json").read_text(encoding="utf-8"))
    assert summary["counts"] == {"drafted": 2, "failed": 2}
    csv_text = (result.out / "summary.csv").read_text(encoding="utf-8-sig")
    assert "t1" in csv_text and "55223.00" in csv_text and "row" in csv_text.splitlines()[0]
    case_yaml = (result.out / "t1" / "case.yaml").read_text(encoding="utf-8")
    assert "上海市示例路1号" in case_yaml and "S1" in case_yaml
    keyed = run_batch(bad_key, tmp_path / "out2", options=COMPLAINT, workers=1, dry_run=True)
    assert keyed.results[0].status == "failed" and keyed.results[0].row == 3
    assert "defendants[0].nosuch" in keyed.results[0].error and "unknown key" in keyed.results[0].error


GOOD_ROWS = ["t1,张某甲,S1,,", "t2,李某乙,S2,,", "t3,赵某丙,S3,,", "t4,钱某丁,S1,上海市示例路4号,3"]


def _mtimes(out: Path) -> dict[str, int]:
    return {p.relative_to(out).as_posix(): p.stat().st_mtime_ns for p in out.glob("*/out/*") if p.is_file()}


def test_a_stopped_batch_resumes_and_drafts_each_row_once(base_case: Path, tmp_path: Path) -> None:
    manifest = write_manifest(tmp_path / "m.csv", base_case, HEADER, GOOD_ROWS)
    out = tmp_path / "out"
    first = run_batch(manifest, out, options=COMPLAINT, workers=1, stop_after=2)
    assert [r.status for r in first.results] == ["drafted", "drafted", "not_run", "not_run"]
    assert first.exit_code == 2
    before = _mtimes(out)
    second = run_batch(manifest, out, options=COMPLAINT, workers=1)
    assert [r.status for r in second.results] == ["skipped", "skipped", "drafted", "drafted"]
    assert second.exit_code == 0
    after = _mtimes(out)
    assert {k: v for k, v in after.items() if k in before} == before  # finished rows were not drafted again
    for target in ("t1", "t2", "t3", "t4"):
        _check_outputs(out, target)
    claims = {r.target: r.claims["base"] for r in second.results}
    assert claims == {"t1": "54176.00", "t2": "53516.00", "t3": "53588.00", "t4": _claim(NET["S1"], "3")}
    # a changed input (the row's override) redoes that row only; --force redoes all
    changed = write_manifest(tmp_path / "m.csv", base_case, HEADER, [*GOOD_ROWS[:3], "t4,钱某丁,S1,上海市示例路4号,2"])
    third = run_batch(changed, out, options=COMPLAINT, workers=1)
    assert [r.status for r in third.results] == ["skipped", "skipped", "skipped", "drafted"]
    assert third.results[3].claims["base"] == _claim(NET["S1"], "2")
    forced = run_batch(changed, out, options=COMPLAINT, workers=1, force=True)
    assert [r.status for r in forced.results] == ["drafted"] * 4


def test_dry_run_writes_nothing(base_case: Path, tmp_path: Path) -> None:
    manifest = write_manifest(tmp_path / "m.csv", base_case, HEADER, [*GOOD_ROWS, "t5,孙某戊,S9,,"])
    listing = sorted(p for p in tmp_path.rglob("*"))
    result = run_batch(manifest, tmp_path / "out", options=COMPLAINT, workers=1, dry_run=True)
    assert [r.status for r in result.results] == ["valid"] * 4 + ["failed"]
    assert "S9" in result.results[4].error
    assert sorted(p for p in tmp_path.rglob("*")) == listing


def test_manifest_formats_gbk_xlsx_yaml(base_case: Path, tmp_path: Path) -> None:
    from litigator.batch.manifest import load_manifest

    gbk = write_manifest(tmp_path / "gbk.csv", base_case, "目标,被告,卖家ID,defendants[0].address",
                         ["t1,张某甲,S1,上海市示例路1号"], encoding="gbk")
    rows = load_manifest(gbk).rows
    assert rows[0].ok and rows[0].seller == "S1" and rows[0].data["defendants"][0]["address"] == "上海市示例路1号"
    (tmp_path / "m.yaml").write_text(f"base: {base_case}\nrows:\n"
                                     "  - target: y1\n    seller_id: S2\n    scenarios.base.goodwill.multiple: '2'\n"
                                     "  - target: y2\n    seller_id: S3\n    expenses[0].amount: 12.5\n",
                                     encoding="utf-8")
    rows = load_manifest(tmp_path / "m.yaml").rows
    assert rows[0].ok and rows[0].data["scenarios"]["base"]["goodwill"]["multiple"] == "2"
    assert not rows[1].ok and rows[1].number == 2 and "quote" in rows[1].errors[0]  # a YAML float amount
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["base", str(base_case)])
    ws.append(["target", "seller_id", "expenses[0].amount"])
    ws.append(["x1", "S1", "2500.00"])
    ws.append(["x2", "S2", "abc"])
    wb.save(tmp_path / "m.xlsx")
    rows = load_manifest(tmp_path / "m.xlsx").rows
    assert rows[0].ok and rows[0].data["expenses"][0]["amount"] == "2500.00"
    assert not rows[1].ok and rows[1].number == 4 and rows[1].errors[0].startswith("expenses[0].amount:")


def test_cli_reports_bad_rows_one_line_each_and_exits_2(base_case: Path, tmp_path: Path) -> None:
    from support import run_cli

    manifest = write_manifest(tmp_path / "m.csv", base_case, HEADER, ["t1,张某甲,S1,,", "t2,李某乙,S9,,"])
    dry = run_cli("batch", manifest, "-o", tmp_path / "out", "--dry-run")
    assert dry.code == 2 and not (tmp_path / "out").exists()
    assert f"error: {manifest}:row 4: seller_id: no row of the sales export belongs to seller S9" in dry.err
    run = run_cli("batch", manifest, "-o", tmp_path / "out", "--only", "complaint", "--workers", "1")
    assert run.code == 2, run.err
    assert "[1/2] row 4 t2: failed" in run.err and "[2/2] row 3 t1: drafted" in run.err
    assert run.err.count("error: ") == 1
    assert (tmp_path / "out" / "t1" / "out" / "complaint.docx").is_file()
    usage = run_cli("batch", manifest, "--address", "tcp://127.0.0.1:1")
    assert usage.code == 2 and usage.err.strip() == "error: --address is for --executor dask"


def test_a_long_batch_prints_its_failed_rows_and_the_first_ones(capsys, tmp_path: Path) -> None:
    """The console table of a 100-row batch: every failed row, the first drafted ones, and where the rest are."""
    from litigator import cli
    from litigator.batch.model import TaskResult
    from litigator.batch.run import BatchResult

    results = [TaskResult(row=n, target=f"T{n:03d}", status="failed" if n in (57, 88) else "drafted",
                          error="bad seller" if n in (57, 88) else None) for n in range(2, 102)]
    cli._print_batch(BatchResult(tmp_path / "m.csv", tmp_path / "out", results))
    out = capsys.readouterr().out
    assert "T057" in out and "T088" in out and "T002" in out and "T099" not in out
    assert f"{cli.CONSOLE_ROWS} of 100 rows" in out and "summary.csv" in out


def test_ctrl_c_writes_the_summary_of_what_was_drafted_and_a_rerun_resumes(base_case: Path, tmp_path: Path) -> None:
    """Ctrl-C while drafting (here: raised by the progress display after two rows): the summary says which rows
    were drafted and which not, the interruption goes on up, and the rerun drafts only the rest."""
    import csv

    import pytest

    from litigator.batch.run import BatchInterrupted

    class CtrlC:
        def __init__(self) -> None:
            self.seen = 0

        def start(self, total: int, skipped: int) -> None: ...

        def advance(self, result) -> None:
            self.seen += 1
            if self.seen == 2:
                raise KeyboardInterrupt

        def stop(self) -> None: ...

    manifest = write_manifest(tmp_path / "m.csv", base_case, HEADER, GOOD_ROWS)
    out = tmp_path / "out"
    with pytest.raises(BatchInterrupted) as stopped:
        run_batch(manifest, out, options=COMPLAINT, workers=1, progress=CtrlC())
    assert isinstance(stopped.value, KeyboardInterrupt)
    assert [r.status for r in stopped.value.batch.results] == ["drafted", "drafted", "not_run", "not_run"]
    with open(out / "summary.csv", encoding="utf-8-sig", newline="") as fh:
        assert [line["status"] for line in csv.DictReader(fh)] == ["drafted", "drafted", "not_run", "not_run"]
    again = run_batch(manifest, out, options=COMPLAINT, workers=1)
    assert [r.status for r in again.results] == ["skipped", "skipped", "drafted", "drafted"]
