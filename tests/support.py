"""Test support: run the real CLI in a subprocess; find external tools (never skipped under CI)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
PLATFORM_EXAMPLE = EXAMPLES / "platform-v-seller"


@dataclass
class CliResult:
    code: int
    out: str
    err: str


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None) -> CliResult:
    proc = subprocess.run([sys.executable, "-m", "litigator", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd or ROOT, env={**os.environ, **(env or {})}, timeout=600)
    return CliResult(proc.returncode, proc.stdout, proc.stderr)




def require_tool(name: str) -> str:
    """The path of an external tool; skip without it locally, fail under CI=true."""
    found = shutil.which(name)
    if found:
        return found
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{name} is required under CI=true (.ci/run installs it)")
    pytest.skip(f"{name} not installed")


def edit_case(case_dir: Path, old: str, new: str) -> None:
    """Replace one exact piece of case.yaml (the test fails if the piece is not there)."""
    p = case_dir / "case.yaml"
    text = p.read_text(encoding="utf-8")
    assert old in text, old
    p.write_text(text.replace(old, new, 1), encoding="utf-8")


def exhibit_number(target: Path, title: str) -> int:
    """The number the evidence list in ``target`` gives the exhibit titled ``title``."""
    import docx

    d = docx.Document(str(target / "evidence-list.docx"))
    for t in d.tables:
        for r in t.rows:
            if r.cells[1].text == title:
                return int(r.cells[0].text)
    raise AssertionError(f"no exhibit titled {title}")
