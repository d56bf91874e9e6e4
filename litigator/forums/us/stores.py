"""``defendants_from: stores.csv`` (or ``.xlsx``): the stores of a Schedule A, one a row, validated row by row.

Columns (a header row first; names as below, any order; empty cells are absent values):

``id, alias, seller_id, platform, url, products`` (product ids separated by ``;``), ``exhibit``,
``test_buy_date, test_buy_order, test_buy_amount, test_buy_shipped_to, test_buy_in_district`` (yes/no),
``test_buy_exhibit``, ``sales_units, sales_amount, sales_source, sales_exhibit``, ``actual_notice``,
``actual_damages``.

Every problem is one line, ``<file>:row N: <column>: <what>`` (N is the spreadsheet row, the header being
row 1); up to 20 are printed, then ``(N more)``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from litigator.errors import CaseFileError
from litigator.forums.us.model import Store, UsCase, check_stores
from litigator.table_rows import csv_rows, xlsx_rows

SIMPLE = ("id", "alias", "seller_id", "platform", "url", "products", "exhibit", "actual_notice", "actual_damages")
NESTED = {"test_buy": ("date", "order", "amount", "shipped_to", "in_district", "exhibit"),
          "sales": ("units", "amount", "source", "exhibit")}
COLUMNS = SIMPLE + tuple(f"{group}_{key}" for group, keys in NESTED.items() for key in keys)
YES = {"yes", "y", "true", "1", "x"}
NO = {"no", "n", "false", "0", ""}


def _read_csv(path: Path) -> list[tuple[int, list[str]]]:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise CaseFileError("not UTF-8 text: save the table as CSV UTF-8", path, f"row {line}") from None
    return csv_rows(text)


def _column(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc if not isinstance(p, int)]
    if len(parts) >= 2 and parts[0] in NESTED:
        return f"{parts[0]}_{parts[1]}"
    return parts[0] if parts else "row"


def _row_data(cells: dict[str, str]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for key in SIMPLE:
        value = cells.get(key, "").strip()
        if value:
            data[key] = [p.strip() for p in value.replace(",", ";").split(";") if p.strip()] \
                if key == "products" else value
    for group, keys in NESTED.items():
        sub = {k: cells.get(f"{group}_{k}", "").strip() for k in keys}
        if not any(sub.values()):
            continue
        if group == "test_buy":
            flag = sub["in_district"].lower()
            sub["in_district"] = True if flag in YES else False if flag in NO else sub["in_district"]
        data[group] = {k: v for k, v in sub.items() if v != ""}
        if group == "test_buy":
            data[group].setdefault("in_district", False)
    return data


def read_stores(path: Path, product_ids: set[str] | None = None) -> list[Store]:
    """The stores of ``path`` (each naming products of ``product_ids``, when given); a CaseFileError with
    every problem, one line each."""
    if not path.is_file():
        raise CaseFileError("file not found (named by defendants_from)", path)
    rows = xlsx_rows(path, CaseFileError) if path.suffix.lower() == ".xlsx" else _read_csv(path)
    rows = [(n, cells) for n, cells in rows if any(c.strip() for c in cells)]
    if not rows:
        raise CaseFileError("no header row: the first row names the columns (id, alias, seller_id, …)", path)
    header_line, header = rows[0]
    names = [h.strip().lower() for h in header]
    problems: list[tuple[str, str]] = []
    for name in names:
        if name and name not in COLUMNS:
            problems.append((f"row {header_line}", f"{name}: unknown column (allowed: {', '.join(COLUMNS)})"))
    stores: list[Store] = []
    seen: dict[str, int | str] = {}
    for line, cells in rows[1:]:
        values = {names[i]: c for i, c in enumerate(cells) if i < len(names) and names[i]}
        try:
            store = Store.model_validate(_row_data(values))
        except ValidationError as err:
            for e in err.errors(include_url=False):
                what = "required, but empty" if e["type"] == "missing" else e["msg"].removeprefix("Value error, ")
                problems.append((f"row {line}", f"{_column(tuple(e['loc']))}: {what}"))
            continue
        unknown = [x for x in store.products if product_ids is not None and x not in product_ids]
        if unknown:
            problems.append((f"row {line}", f"products: unknown product {', '.join(map(repr, unknown))} "
                                            f"(case.yaml products: {', '.join(sorted(product_ids or ()))})"))
        if store.id in seen:
            problems.append((f"row {line}", f"id: {store.id!r} is already a defendant's id (row {seen[store.id]})"))
        seen[store.id] = line
        stores.append(store)
    if problems:
        where, what = problems[0]
        error = CaseFileError(what, path, where, more=len(problems) - 1)
        error.details = [f"{path}:{w}: {m}" for w, m in problems] if len(problems) > 1 else []
        raise error
    return stores


def load_stores(case: UsCase, folder: Path) -> list[Store]:
    """Read ``case.defendants_from`` relative to the case folder once; the inline stores come first."""
    if case.defendants_from is None:
        return case.defendants
    if case._stores is None:
        path = Path(case.defendants_from)
        path = path if path.is_absolute() else Path(folder) / path
        stores = case.defendants + read_stores(path, {p.id for p in case.products})
        try:
            check_stores(case, stores)
        except ValueError as exc:
            raise CaseFileError(str(exc), path) from None
        case._stores = stores
    return case._stores
