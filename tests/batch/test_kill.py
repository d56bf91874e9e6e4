"""A SIGKILL of the real `litigator batch` mid-batch, then a rerun: every row drafted exactly once, no
corrupt or half-written file (outputs are renamed into place; a row's record is written last)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from batch.batch_support import write_manifest
from support import ROOT

ROWS = 24
DEADLINE = 300  # seconds: the first outputs must appear by then


def _records(out: Path) -> dict[str, int]:
    return {p.parent.parent.name: p.stat().st_mtime_ns for p in out.glob("*/out/.batch.json")}


def test_sigkill_mid_batch_then_rerun(base_case: Path, tmp_path: Path) -> None:
    rows = [f"k{i:02d},某某{i:02d},S{i % 3 + 1}" for i in range(ROWS)]
    manifest = write_manifest(tmp_path / "m.csv", base_case, "target,defendant,seller_id", rows)
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "litigator", "batch", str(manifest), "-o", str(out), "--only", "complaint",
           "--workers", "2"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    start = time.monotonic()
    try:
        while not _records(out):
            assert proc.poll() is None, f"the batch ended before any row was drafted: {proc.stderr.read()!r}"
            assert time.monotonic() - start < DEADLINE, "no row drafted in time"
            time.sleep(0.005)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the batch and its workers, as the OOM killer would
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    first = _records(out)
    assert 0 < len(first) < ROWS, "the kill came too late to test anything"
    assert not (out / "summary.json").exists()

    rerun = subprocess.run([*cmd, "--workers", "1"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    statuses = {r["target"]: r["status"] for r in summary["rows"]}
    assert len(statuses) == ROWS
    finished_first = set(_records(out)) & set(first)
    assert {t for t, s in statuses.items() if s == "skipped"} == set(first) == finished_first
    assert all(s == "drafted" for t, s in statuses.items() if t not in first)
    again = _records(out)
    assert {t: again[t] for t in first} == first  # rows finished before the kill were not drafted again
    for target in statuses:
        folder = out / target / "out"
        with zipfile.ZipFile(folder / "complaint.docx") as z:
            assert z.testzip() is None
        json.loads((folder / "calculation.json").read_text(encoding="utf-8"))
    assert not [p for p in out.rglob("*.tmp")], "a temporary file was left behind"
