"""Duplicate warnings carry the rows dropped, example order ids and their lines; identical copies
across formats (text "129.00" in a CSV, the number 129 in an XLSX) are not "different".

Rows: test_formats.ORDERS (orders 1001…1008 on lines 2–9; kept 1001, 1002, 1003, 1008: net 1,606.00).
"""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from support import run_cli

from .conftest import TAOBAO_HEADER, csv_text
from .test_formats import ORDERS, PERIOD


def warnings_of(data: dict, code: str) -> list[str]:
    return [w for w, c in zip(data["warnings"], data["warning_codes"]) if c == code]


def run_json(folder) -> dict:
    res = run_cli("sales", folder.path, "--format", "json")
    assert res.code == 0, res.err
    return json.loads(res.out)


def test_duplicate_warning_names_rows_dropped_order_ids_and_lines(make_case):
    # Copies of 1001 (line 2) on line 10 and of 1002 (line 3) on line 11.
    folder = make_case({"sales/o.csv": csv_text(TAOBAO_HEADER, ORDERS + [ORDERS[0], ORDERS[1]])},
                       {"files": ["sales/o.csv"], "period": PERIOD})
    data = run_json(folder)
    assert data["totals"]["net"] == "1606.00"
    assert data["report"]["excluded"]["duplicate"] == 2
    (dup,) = warnings_of(data, "SALES_DUPLICATES")
    assert "2 duplicate row(s) dropped" in dup, dup
    assert "1001" in dup and "sales/o.csv:2" in dup and "sales/o.csv:10" in dup, dup
    assert "1002" in dup and "sales/o.csv:3" in dup and "sales/o.csv:11" in dup, dup
    assert warnings_of(data, "SALES_DUPLICATES_DIFFER") == []


def test_same_export_as_csv_and_xlsx_is_deduplicated_without_differ_warning(make_case, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(TAOBAO_HEADER)
    for r in ORDERS:  # typed cells, as Excel keeps them: numbers and date-times
        ws.append([int(r[0]), r[1], r[2], r[3], int(r[4]), float(r[5]), r[6],
                   datetime.strptime(r[7], "%Y-%m-%d %H:%M:%S"), r[8], float(r[9])])
    wb.save(tmp_path / "o.xlsx")
    files = {"sales/o.csv": csv_text(TAOBAO_HEADER, ORDERS), "sales/o.xlsx": (tmp_path / "o.xlsx").read_bytes()}
    folder = make_case(files,
                       {"files": ["sales/o.csv", "sales/o.xlsx"], "period": PERIOD})
    data = run_json(folder)
    t = data["totals"]
    assert (t["orders"], t["units"], t["net"]) == (4, 5, "1606.00")
    # Every row twice: the 4 kept lines' copies are duplicates; the others are excluded by their rule.
    r = data["report"]
    assert r["rows_read"] == 16 and r["rows_kept"] == 4 and r["excluded"]["duplicate"] == 4
    assert warnings_of(data, "SALES_DUPLICATES_DIFFER") == [], data["warnings"]
    (dup,) = warnings_of(data, "SALES_DUPLICATES")
    assert "4 duplicate row(s) dropped" in dup and "sales/o.csv:2" in dup and "sales/o.xlsx:2" in dup, dup


def test_differing_copies_name_the_order_the_lines_and_the_values(make_case):
    copy = list(ORDERS[1])
    copy[5] = "900.00"  # 1002 again on line 10, paid 900.00 instead of 918.00
    folder = make_case({"sales/o.csv": csv_text(TAOBAO_HEADER, ORDERS + [copy])},
                       {"files": ["sales/o.csv"], "period": PERIOD})
    data = run_json(folder)
    assert data["totals"]["net"] == "1606.00"  # the first copy is kept
    (differ,) = warnings_of(data, "SALES_DUPLICATES_DIFFER")
    assert "1002" in differ and "sales/o.csv:3" in differ and "sales/o.csv:10" in differ, differ
    assert "918.00" in differ and "900.00" in differ, differ
