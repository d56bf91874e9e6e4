"""Fixtures of the batch tests (helpers in batch_support.py)."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest
from batch.batch_support import write_export
from support import PLATFORM_EXAMPLE


@pytest.fixture
def base_case(tmp_path: Path) -> Path:
    """The platform example with its seller-side export replaced by a platform-side one (3 sellers)."""
    dst = tmp_path / "base"
    shutil.copytree(PLATFORM_EXAMPLE, dst, ignore=shutil.ignore_patterns("out", "facts.yaml", "*.bak", "*.py"))
    (dst / "sales" / "orders.csv").unlink()
    write_export(dst / "sales" / "platform.csv")
    text = (dst / "case.yaml").read_text(encoding="utf-8")
    text = text.replace("files: [sales/orders.csv]\n  profile: taobao",
                        "files: [sales/platform.csv]\n  profile: platform")
    text = text.replace('amount: "300000.00"', 'amount: "50000.00"')  # preservation: at most the smallest claim
    assert "profile: platform" in text and '"50000.00"' in text
    (dst / "case.yaml").write_text(text, encoding="utf-8")
    return dst



GENERATOR = Path(__file__).resolve().parents[2] / "examples" / "platform-batch" / "generate.py"


@pytest.fixture(scope="session")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """examples/platform-batch generated once: 50 sellers, one platform-side export."""
    out = tmp_path_factory.mktemp("platform-batch")
    spec = importlib.util.spec_from_file_location("platform_batch_generate", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main([str(out)]) == 0
    return out
