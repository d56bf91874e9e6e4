"""Batch manifests: a base case folder plus one row per target (docs/batch.md).

A manifest is CSV (UTF-8, or GBK as Chinese Excel saves it), XLSX (the first sheet) or YAML. The base
case folder comes from ``--base DIR`` or from the manifest itself: a line ``base,DIR`` (CSV/XLSX: first
cell ``base``) above the header, or the key ``base:`` of a YAML manifest (``rows:`` holds the rows).
A relative base is relative to the manifest's folder.

Columns: the fixed ones (``target``, ``defendant``, ``shop``, ``seller_id``, ``scenario``, ``evidence``;
Chinese names too) and dotted override keys (``defendants[0].address``, ``scenarios.base.goodwill.multiple``)
applied to the base's case.yaml. An empty cell overrides nothing. Every row is validated up front
against the case model; each problem names its row and column (``manifest.csv:row 4: seller_id: …``).
"row N" is the CSV's line, the XLSX sheet's row, or the row's position in a YAML manifest's ``rows``.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from litigator.casefile import CaseFolder, _describe, format_loc, load_case, parse_key_path, plain_data, read_yaml
from litigator.errors import LitigatorError
from litigator.table_rows import csv_rows, xlsx_rows

# fixed column -> (accepted header names, the key path it sets in case.yaml; None: not a case.yaml key)
FIXED: dict[str, tuple[tuple[str, ...], str | None]] = {
    "target": (("target", "target_id", "id", "目标", "编号"), None),
    "defendant": (("defendant", "defendant_name", "被告", "被告姓名", "被告名称"), "defendants[0].name"),
    "shop": (("shop", "shop_name", "店铺", "店铺名称"), "defendants[0].shops[0].name"),
    "seller_id": (("seller_id", "seller", "卖家ID", "卖家id", "店铺ID"), "defendants[0].shops[0].seller_id"),
    "scenario": (("scenario", "filed_scenario", "方案"), "filed_scenario"),
    "evidence": (("evidence", "evidence_dir", "证据"), None),
}
_BY_HEADER = {name.casefold(): col for col, (names, _) in FIXED.items() for name in names}
_TARGET_ID = re.compile(r"^[^\W_][\w.\-]*$")  # a folder name: letters (any script), digits, . _ -
MAX_TARGET_ID = 100


@dataclass
class Row:
    """One manifest row: its number, target id, cells (column → value) and the validated case data."""

    number: int
    target: str
    cells: dict[str, Any]
    seller: str | None = None
    evidence: Path | None = None
    data: dict[str, Any] | None = None  # case.yaml's data with the row's overrides, validated
    case: Any = None  # the validated case model
    errors: list[str] = field(default_factory=list)  # "column: what" (the row's problems)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class Manifest:
    path: Path
    base: CaseFolder
    rows: list[Row]
    columns: list[str]  # as in the header (fixed columns by their canonical name)

    def error_lines(self) -> list[str]:
        return [f"{self.path}:row {r.number}: {e}" for r in self.rows for e in r.errors]


def _decode(data: bytes, path: Path) -> str:
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise LitigatorError("not UTF-8 or GBK text: save the manifest as CSV UTF-8", path)


def _read_csv(path: Path) -> list[tuple[int, list[str]]]:
    text = _decode(path.read_bytes(), path)
    sample = text[:4096]
    return csv_rows(text, "\t" if sample.count("\t") > sample.count(",") else ",")


def _header_index(rows: list[tuple[int, list[str]]], path: Path) -> tuple[int, Path | None]:
    """The header row's index, and the base named above it (``base,DIR``)."""
    base = None
    for i, (line, cells) in enumerate(rows):
        first = cells[0].strip() if cells else ""
        if first.casefold().rstrip(":") == "base":
            value = next((c.strip() for c in cells[1:] if c.strip()), "")
            if not value:
                raise LitigatorError("`base` names no folder", path, f"row {line}")
            base = Path(value)
            continue
        if not any(c.strip() for c in cells) or first.startswith("#"):
            continue
        if _BY_HEADER.get(first.casefold()) == "target" or any(
                _BY_HEADER.get(c.strip().casefold()) == "target" for c in cells):
            return i, base
        raise LitigatorError("no header row: the first row must name the columns, one of them `target`",
                             path, f"row {line}")
    raise LitigatorError("no rows: the manifest is empty", path)


def _cell_value(text: str) -> Any:
    """A CSV/XLSX cell: text (pydantic reads numbers and dates from text); ``[…]`` / ``{…}`` as YAML."""
    text = text.strip()
    if text[:1] in "[{":
        from litigator.casefile import safe_load

        try:
            return plain_data(safe_load(text, "cell"))
        except LitigatorError:
            return text
    return text


def _table(path: Path) -> tuple[Path | None, list[str], list[tuple[int, dict[str, Any]]]]:
    rows = xlsx_rows(path) if path.suffix.lower() in (".xlsx", ".xlsm") else _read_csv(path)
    start, base = _header_index(rows, path)
    header_line, header = rows[start]
    names = [_BY_HEADER.get(h.strip().casefold(), h.strip()) for h in header]
    seen: set[str] = set()
    for name in names:
        if name and name in seen:
            raise LitigatorError(f"column {name!r} appears twice", path, f"row {header_line}")
        seen.add(name)
    out = []
    for line, cells in rows[start + 1:]:
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(names) and any(c.strip() for c in cells[len(names):]):
            raise LitigatorError(f"{len(cells)} cells, but the header has {len(names)} columns", path, f"row {line}")
        values = {n: _cell_value(c) for n, c in zip(names, cells) if n and c.strip()}
        out.append((line, values))
    return base, [n for n in names if n], out


def _yaml(path: Path) -> tuple[Path | None, list[str], list[tuple[int, dict[str, Any]]]]:
    doc = plain_data(read_yaml(path))
    if not isinstance(doc, dict) or not isinstance(doc.get("rows"), list):
        raise LitigatorError("a YAML manifest is a mapping with `rows:` (a list of rows) and optionally `base:`",
                             path)
    unknown = set(doc) - {"base", "rows"}
    if unknown:
        raise LitigatorError(f"unknown key {sorted(unknown)[0]!r} (allowed: base, rows)", path)
    out, columns = [], []
    for i, row in enumerate(doc["rows"], start=1):
        if not isinstance(row, dict):
            raise LitigatorError("a row is a mapping of column: value", path, f"row {i}")
        values = {}
        for key, value in row.items():
            name = _BY_HEADER.get(str(key).casefold(), str(key))
            if name not in columns:
                columns.append(name)
            if value is not None and value != "":
                values[name] = value
        out.append((i, values))
    base = doc.get("base")
    return (Path(str(base)) if base else None), columns, out


class _BadKey(Exception):
    pass


def set_key(data: dict[str, Any], key: str, value: Any) -> None:
    """Set the dotted key path ``key`` (``defendants[0].shops[0].seller_id``) in ``data``. Mappings on the
    way are created; a list index must exist (or be the next one, to add an item)."""
    loc = parse_key_path(key)
    if not loc or any(isinstance(p, str) and not p for p in loc):
        raise _BadKey("not a key path")
    node: Any = data
    for i, part in enumerate(loc):
        last = i == len(loc) - 1
        where = format_loc(loc[:i]) or "case.yaml"
        if isinstance(part, int):
            if not isinstance(node, list):
                raise _BadKey(f"{where} is not a list")
            if part > len(node):
                raise _BadKey(f"{where} has {len(node)} item(s): [{part}] would leave a gap")
            if part == len(node):
                node.append({} if not last else None)
        else:
            if not isinstance(node, dict):
                raise _BadKey(f"{where} is not a mapping")
            if part not in node or (node[part] is None and not last):
                node[part] = {} if not last else None
        if last:
            node[part] = value
        else:
            node = node[part]


def _column_of(loc: tuple[Any, ...], keys: dict[str, tuple[Any, ...]]) -> str:
    """The manifest column an error at ``loc`` of the case data comes from (the longest key path prefix)."""
    best, size = "case", -1
    for column, key_loc in keys.items():
        n = len(key_loc)
        if n > size and loc[:n] == key_loc:
            best, size = column, n
        elif n > size and key_loc[:len(loc)] == loc:  # an error on a parent of the key (e.g. a model validator)
            best, size = column, len(loc)
    return best


def validate_row(row: Row, base: CaseFolder, base_data: dict[str, Any], manifest_dir: Path) -> None:
    """Apply the row's cells to the base case's data and validate; problems go to ``row.errors``."""
    from litigator.models import case_model_for

    data = copy.deepcopy(base_data)
    keys: dict[str, tuple[Any, ...]] = {}
    for column, value in row.cells.items():
        if column in ("target", "evidence"):
            continue
        key = FIXED[column][1] if column in FIXED else column
        if not isinstance(value, (str, int, float, bool, list, dict)) and value is not None:
            value = str(value)  # dates etc. of a YAML manifest stay what YAML made them
        try:
            set_key(data, key, value)
        except _BadKey as exc:
            row.errors.append(f"{column}: bad override key: {exc}")
            continue
        except (ValueError, IndexError) as exc:
            row.errors.append(f"{column}: bad override key: {exc}")
            continue
        keys[column] = tuple(parse_key_path(key))
    if "evidence" in row.cells:
        folder = Path(str(row.cells["evidence"]))
        folder = folder if folder.is_absolute() else manifest_dir / folder
        if not folder.is_dir():
            row.errors.append(f"evidence: {folder} is not a folder")
        else:
            row.evidence = folder
    if row.errors:
        return
    try:
        model = case_model_for(data)
        case = model.model_validate(data)
    except LitigatorError as err:
        row.errors.append(f"case: {err.what}")
        return
    except ValidationError as err:
        for e in err.errors(include_url=False):
            where, what, loc = _describe(e, None, "case", model)
            column = _column_of(tuple(loc), keys)
            if column not in keys:
                row.errors.append(f"{where}: {what}")
            else:
                shown = FIXED[column][1] if column in FIXED else column
                row.errors.append(f"{column}: {what}" + (f" (at {where})" if where != shown else ""))
        return
    from litigator.scaffold import placeholder_keys

    for loc, value in placeholder_keys(data):
        column = _column_of(tuple(loc), keys)
        where = format_loc(loc)
        row.errors.append(f"{column if column in keys else where}: {value!r} is a placeholder `litigator init` "
                          "wrote: give the case's own value")
    if row.errors:
        return
    row.data, row.case = data, case
    sellers = [str(s.seller_id) for d in case.defendants for s in getattr(d, "shops", None) or []
               if getattr(s, "seller_id", None)]
    row.seller = sellers[0] if len(sellers) == 1 else None


def load_manifest(path: Path, base: Path | None = None) -> Manifest:
    """Read and validate a manifest (every row; problems stay on their rows). Raises LitigatorError for a
    manifest that cannot be used at all (unreadable, no header, no base, a bad base case)."""
    path = Path(path)
    if not path.is_file():
        raise LitigatorError("manifest not found", path)
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        named, columns, rows = _yaml(path)
    elif suffix in (".csv", ".tsv", ".txt", ".xlsx", ".xlsm"):
        named, columns, rows = _table(path)
    else:
        raise LitigatorError("a manifest is .csv, .xlsx or .yaml", path)
    if "target" not in columns:
        raise LitigatorError("no `target` column (the id of each row's case folder)", path)
    if base is None:
        if named is None:
            raise LitigatorError("no base case folder: give --base DIR, or a `base` line above the header", path)
        base = named if named.is_absolute() else path.parent / named
    base_folder = load_case(base)
    base_data = plain_data(base_folder.raw)
    out: list[Row] = []
    seen: dict[str, int] = {}
    for number, cells in rows:
        target = str(cells.get("target", "")).strip()
        row = Row(number=number, target=target, cells=cells)
        if not target:
            row.errors.append("target: empty (each row needs the id of its case folder)")
        elif not _TARGET_ID.match(target) or len(target) > MAX_TARGET_ID:
            row.errors.append(f"target: {target!r} is not a folder name (letters, digits, . _ -)")
        elif target.casefold() in seen:
            row.errors.append(f"target: {target!r} is also row {seen[target.casefold()]}'s")
        else:
            seen[target.casefold()] = number
        validate_row(row, base_folder, base_data, path.parent)
        out.append(row)
    return Manifest(path=path, base=base_folder, rows=out, columns=columns)
