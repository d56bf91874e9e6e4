"""``litigator init``: a new case folder with a commented case.yaml that validates.

Its parties, identifiers, shop and product are placeholders (:data:`PLACEHOLDERS`): the case validates,
so a user can run ``litigator sales`` / ``facts`` while filling it in, but ``damages`` and ``draft`` refuse
it until each is replaced.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from litigator.errors import LitigatorError

STARTERS = {"cn": "cn/starter-case.yaml"}

# The values the starters write that only stand in for the case's own, by the key they sit under (anywhere
# in case.yaml, so a party copied from the starter's still counts). `damages` and `draft` refuse a case
# that still holds one (casefile.check_placeholders), naming each key to edit. Every starter value that
# is not a real choice (court, cause and the like are) must be listed here: tests/test_case_intake.py
# checks that a fresh `init` is refused on each of them.
PLACEHOLDERS: dict[str, frozenset[str]] = {
    "name": frozenset({"示例网络有限公司", "张某某", "王某某", "示例小店", "商品名称"}),
    "brand": frozenset({"品牌"}),
    "credit_code": frozenset({"91110105MA0000000Y"}),
    "id_number": frozenset({"110105199001010010"}),
    "address": frozenset({"北京市朝阳区示例路1号", "北京市朝阳区示例街2号"}),
    "phone": frozenset({"010-00000000"}),
    "seller_id": frozenset({"S0001"}),
    "skus": frozenset({"SKU-1"}),
}


def placeholder_keys(raw: Any, loc: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], str]]:
    """(key path, value) of every placeholder value in a case.yaml document (plain or round-trip)."""
    found: list[tuple[tuple[Any, ...], str]] = []
    if isinstance(raw, dict):
        for key, value in raw.items():
            found += placeholder_keys(value, (*loc, str(key)))
    elif isinstance(raw, list):
        for i, value in enumerate(raw):
            found += placeholder_keys(value, (*loc, i))
    elif raw is not None and not isinstance(raw, bool):
        names = [p for p in loc if isinstance(p, str)]
        if names and str(raw).strip() in PLACEHOLDERS.get(names[-1], ()):
            found.append((loc, str(raw).strip()))
    return found


def init_case(directory: Path, jurisdiction: str = "cn", force: bool = False) -> Path:
    from litigator.drafting.environment import shipped_templates
    from litigator.outputs import check_new, write_text

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
