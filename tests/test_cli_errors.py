"""Errors a user can cause are one line with exit 2 (or 130 for Ctrl-C), never "internal error"; outputs
honour the umask. Real files and real processes: the CLI runs in a subprocess."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support import EXAMPLES, ROOT, run_cli

from litigator.outputs import os_error, write_bytes

BRAND = EXAMPLES / "brand-v-seller"


def _unwritable(tmp_path: Path) -> Path:
    """A folder this process cannot create files in (as root, permissions do not stop us: /sys does)."""
    if os.geteuid() == 0:
        if not Path("/sys").is_dir():
            pytest.skip("no /sys to stand for an unwritable place")
        return Path("/sys/litigator-test-out")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    return locked / "out"


def test_an_unwritable_output_folder_is_a_one_line_error_not_a_bug(tmp_path):
    r = run_cli("draft", BRAND, "-o", _unwritable(tmp_path))
    assert r.code == 2, r.err
    lines = r.err.strip().splitlines()
    assert lines[-1].startswith("error: ") and ("not permitted" in lines[-1] or "permission denied" in lines[-1])
    assert "internal error" not in r.err and "Traceback" not in r.err


def test_an_output_path_under_a_file_is_a_one_line_error(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    r = run_cli("draft", BRAND, "-o", blocker / "out")
    assert r.code == 2
    assert "is a file, not a folder" in r.err or "exists and is not a folder" in r.err
    assert "internal error" not in r.err


@pytest.mark.parametrize("code, words", [(errno.ENOSPC, "the disk is full"), (errno.EDQUOT, "quota"),
                                         (errno.EROFS, "read-only"), (errno.EACCES, "permission denied")])
def test_disk_and_permission_errors_carry_their_fix(code, words):
    err = os_error(OSError(code, os.strerror(code), "/x/out/complaint.docx"))
    assert err is not None and words in err.line() and err.line().startswith("/x/out/complaint.docx: ")
    assert "-o" in err.line()
    assert os_error(OSError(errno.EBADF, "bad file descriptor")) is None  # not a user's doing: a bug


@pytest.mark.parametrize("mask, mode", [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_outputs_honour_the_umask(tmp_path, mask, mode):
    old = os.umask(mask)
    try:
        p = write_bytes(tmp_path / "out" / "f.docx", b"data")
    finally:
        os.umask(old)
    assert stat.S_IMODE(p.stat().st_mode) == mode


def test_drafts_are_readable_by_colleagues_under_a_usual_umask(tmp_path):
    proc = subprocess.run(["sh", "-c", f"umask 022 && {sys.executable} -m litigator draft {BRAND} -o {tmp_path}"],
                          capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert proc.returncode == 0, proc.stderr
    for p in tmp_path.iterdir():
        assert stat.S_IMODE(p.stat().st_mode) == 0o644, p


def test_ctrl_c_during_the_sales_pass_prints_one_line_and_exits_130(tmp_path):
    import duckdb

    case = tmp_path / "case"
    (case / "sales").mkdir(parents=True)
    (case / "case.yaml").write_text((BRAND / "case.yaml").read_text(encoding="utf-8").split("scenarios:")[0]
                                    + "scenarios:\n  s: {trademark: {method: actual_loss}}\n", encoding="utf-8")
    shutil.copytree(BRAND / "evidence", case / "evidence")
    # a large export, so the interrupt lands while DuckDB works (any earlier point must give 130 too)
    header = (BRAND / "sales" / "orders.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    duckdb.sql(f"""COPY (SELECT (3700000000000000000 + i)::VARCHAR AS a, 'buyer' || (i % 5000) AS b,
                     '青岚QINGLAN修护精华液30ml' AS c, 'QL-SERUM-30' AS d, 1 AS e, '168.00' AS f, '168.00' AS g,
                     '交易成功' AS h, '2024-05-01 10:00:00' AS i2, '2024-05-01 10:05:00' AS j, '0.00' AS k
                   FROM range(6000000) t(i)) TO '{case / "sales" / "orders.csv"}' (HEADER false)""")
    data = (case / "sales" / "orders.csv").read_bytes()
    (case / "sales" / "orders.csv").write_bytes(("\ufeff" + header + "\n").encode() + data)
    proc = subprocess.Popen([sys.executable, "-m", "litigator", "sales", str(case)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(4)
    if proc.poll() is not None:
        pytest.fail(f"the sales pass ended before the interrupt: {proc.stderr.read()[-300:]}")
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err[-500:]
    assert err.strip().splitlines()[-1] == "error: interrupted (Ctrl-C); no file was left half-written"
    assert "Traceback" not in err and "internal error" not in err
