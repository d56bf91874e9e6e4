"""Excel serial dates in the order-time column are read as dates (Excel's 1900 date system).

Serial numbers by hand: 45292 = 2024-01-01 (Excel's own anchor, the day count from 1899-12-30);
2024 is a leap year, so 2025-01-01 = 45292 + 366 = 45658 and 2024-12-31 = 45657. A fraction is the
time of day: 0.375 = 09:00, 0.5 = 12:00, 86399 / 86400 = 23:59:59.

ROWS (counterfeit SKU PM-CAT-2K, period 2024):

=====  ====================  ===================  =====  =======================
order  created (serial)      date and time        paid   outcome
=====  ====================  ===================  =====  =======================
1      45294.375             2024-01-03 09:00     100    kept (January)
2      45357.5               2024-03-06 12:00     200    kept (March: 45292+31+29+5)
3      45657 + 86399/86400   2024-12-31 23:59:59  300    kept (December)
4      45658                 2025-01-01 00:00     400    outside the period
5      45291.75              2023-12-31 18:00     500    outside the period
=====  ====================  ===================  =====  =======================

Kept: 3 orders, net 600.00, first order 2024-01-03, last 2024-12-31; by month 2024-01 100.00,
2024-03 200.00, 2024-12 300.00.
"""

from __future__ import annotations

import json

import pytest
from support import run_cli

from .conftest import TAOBAO_HEADER, csv_text

SERIALS = [45294.375, 45357.5, 45657 + 86399 / 86400, 45658, 45291.75]
PERIOD = {"start": "2024-01-01", "end": "2024-12-31"}


def rows(created) -> list[list]:
    return [[str(i), f"b{i}", "宠美佳成猫粮2kg", "PM-CAT-2K", 1, 100 * i, "交易成功", c, "", 0]
            for i, c in enumerate(created, start=1)]


def check(data: dict) -> None:
    t = data["totals"]
    assert (t["orders"], t["net"], t["first_order"], t["last_order"]) == (3, "600.00", "2024-01-03", "2024-12-31")
    assert {m["month"]: m["net"] for m in data["by_month"]} == {"2024-01": "100.00", "2024-03": "200.00",
                                                               "2024-12": "300.00"}
    assert data["report"]["excluded"] == {"outside_period": 2} and data["report"]["rejected"] == 0


def test_xlsx_with_excel_serial_dates(make_case, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(TAOBAO_HEADER)
    for r in rows(SERIALS):  # numbers in General format, as when a date column lost its format
        ws.append(r)
    wb.save(tmp_path / "o.xlsx")
    folder = make_case({"sales/o.xlsx": (tmp_path / "o.xlsx").read_bytes()},
                       {"files": ["sales/o.xlsx"], "period": PERIOD})
    res = run_cli("sales", folder.path, "--format", "json")
    assert res.code == 0, res.err
    check(json.loads(res.out))


def test_csv_with_excel_serial_dates(make_case):
    text = csv_text(TAOBAO_HEADER, [[str(c) for c in r] for r in rows([repr(s) for s in SERIALS])])
    folder = make_case({"sales/o.csv": text}, {"files": ["sales/o.csv"], "period": PERIOD})
    res = run_cli("sales", folder.path, "--format", "json")
    assert res.code == 0, res.err
    check(json.loads(res.out))


def test_a_number_that_is_no_plausible_serial_date_stays_unparsable(make_case):
    # "2024" would be 1905-07-16 as a serial, and 20000 is 1954-10-03: both rejected, not read as
    # dates; the five-digit one with a hint.
    text = csv_text(TAOBAO_HEADER, [[str(c) for c in r] for r in rows(["45294.375", "2024", "20000"])])
    folder = make_case({"sales/o.csv": text}, {"files": ["sales/o.csv"], "period": PERIOD})
    res = run_cli("sales", folder.path, "--format", "json", "--accept-rejects")
    assert res.code == 0, res.err
    r = json.loads(res.out)["report"]
    assert r["rejected"] == 2 and r["rows_kept"] == 1
    first, second = r["rejected_examples"]
    assert (first["line"], first["value"], first["reason"]) == (3, "2024", "unparsable date")
    assert (second["line"], second["value"]) == (4, "20000") and "Excel serial date" in second["reason"]
