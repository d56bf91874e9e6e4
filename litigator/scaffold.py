"""``litigator init``: a new case folder with a commented case.yaml that validates."""

from __future__ import annotations

from pathlib import Path

from litigator.drafting.environment import shipped_templates
from litigator.errors import LitigatorError
from litigator.outputs import check_new, write_text

STARTERS = {"cn": "cn/starter-case.yaml"}


def init_case(directory: Path, jurisdiction: str = "cn", force: bool = False) -> Path:
    if jurisdiction not in STARTERS:
        raise LitigatorError(f"no starter for jurisdiction {jurisdiction!r} yet (have: {', '.join(STARTERS)})")
    directory = Path(directory)
    if directory.exists() and not directory.is_dir():
        raise LitigatorError("exists and is not a folder", directory)
    target = directory / "case.yaml"
    check_new([target], force)
    text = (shipped_templates() / STARTERS[jurisdiction]).read_text(encoding="utf-8")
    for sub in ("evidence", "sales"):
        (directory / sub).mkdir(parents=True, exist_ok=True)
    return write_text(target, text)
