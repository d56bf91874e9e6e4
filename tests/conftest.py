"""Shared fixtures (helpers live in support.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support import EXAMPLES, run_cli


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture
def case_copy(tmp_path: Path):
    """A copy of an example case folder, to break in a test."""

    def make(name: str = "platform-v-seller") -> Path:
        dst = tmp_path / name
        shutil.copytree(EXAMPLES / name, dst, ignore=shutil.ignore_patterns("out", "facts.yaml", "*.bak"))
        return dst

    return make
