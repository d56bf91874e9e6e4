"""A non-editable install works: the wheel carries the templates and precedents and drafts a case."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from support import EXAMPLES, ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(ROOT)],
                   check=True, capture_output=True, text=True)
    (whl,) = dist.glob("litigator-*.whl")
    return whl


def test_wheel_contains_templates_and_precedents(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "litigator/_data/templates/cn/complaint.md.j2" in names
    assert "litigator/_data/templates/cn/evidence-list.md.j2" in names
    assert any(n.startswith("litigator/_data/precedents/") for n in names)
    assert "litigator/cli.py" in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "litigator = litigator.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_installed_wheel_drafts_the_example(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target),
                    str(wheel)], check=True, capture_output=True, text=True)
    env = {**os.environ, "PYTHONPATH": str(target)}
    where = subprocess.run([sys.executable, "-c", "import litigator, sys; print(litigator.__file__)"],
                           capture_output=True, text=True, env=env, cwd=tmp_path, check=True).stdout
    assert where.startswith(str(target)), where
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "litigator", "draft", str(EXAMPLES / "platform-v-seller"),
                           "-o", str(out)], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (out / "complaint.docx").is_file()
