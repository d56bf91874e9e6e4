"""Order numbers that lost digits because a spreadsheet stored them as numbers are refused.

Excel keeps 15 significant digits of a number: the 19-digit order numbers of a Taobao export typed
as numbers all become 3.87112049551276E+18, and thirty orders would collapse into one. The figures
below are computed by hand from the rows written here.

ORDERS: 30 orders, order i (1…30) has id 38711204955127630{i:02d}, SKU PM-CAT-2K (counterfeit),
1 unit, paid 1000.00 + i, no refund, created 2024-03-{i:02d}: kept 30 orders, 30 units,
gross = net = 30 × 1000.00 + (1 + … + 30) = 30,000.00 + 465.00 = 30,465.00.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from support import run_cli

from .conftest import TAOBAO_HEADER, csv_text

IDS = [3871120495512763000 + i for i in range(1, 31)]
NET = "30465.00"
LOST = "order numbers were stored as numbers and lost digits"


def rows(ids) -> list[list]:
    return [[oid, f"买家{i}", "宠美佳成猫粮2kg", "PM-CAT-2K", 1, 1000 + i, "交易成功",
             f"2024-03-{i:02d} 10:00:00", "", 0] for i, oid in enumerate(ids, start=1)]


def xlsx(tmp_path: Path, ids) -> bytes:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(TAOBAO_HEADER)
    for r in rows(ids):
        ws.append(r)
    p = tmp_path / "x.xlsx"
    wb.save(p)
    return p.read_bytes()


def excel_number(oid: int) -> float:
    """What Excel stores for a 19-digit number typed into a cell: 15 significant digits."""
    return float(f"{oid:.15g}")


def one_error_line(res) -> str:
    assert res.code == 2, (res.out, res.err)
    assert "Traceback" not in res.err
    lines = [ln for ln in res.err.strip().splitlines() if ln.startswith("error:")]
    assert len(lines) == 1, res.err
    return lines[0]


def test_xlsx_with_19_digit_ids_stored_as_numbers_fails_naming_the_line(make_case, tmp_path):
    folder = make_case({"sales/orders.xlsx": xlsx(tmp_path, [excel_number(i) for i in IDS])})
    line = one_error_line(run_cli("sales", folder.path))
    assert line.startswith(f"error: {folder.path / 'sales/orders.xlsx'}:line 2: "), line
    assert LOST in line and "export them as text" in line


def test_the_same_xlsx_with_text_ids_gives_the_hand_counted_net(make_case, tmp_path):
    folder = make_case({"sales/orders.xlsx": xlsx(tmp_path, [str(i) for i in IDS])})
    res = run_cli("sales", folder.path, "--format", "json")
    assert res.code == 0, res.err
    data = json.loads(res.out)
    assert (data["totals"]["orders"], data["totals"]["units"], data["totals"]["net"]) == (30, 30, NET)
    assert data["report"]["excluded"] == {}


def test_xlsx_with_short_integer_ids_stored_as_numbers_passes(make_case, tmp_path):
    folder = make_case({"sales/orders.xlsx": xlsx(tmp_path, list(range(1001, 1031)))})
    res = run_cli("sales", folder.path, "--format", "json")
    assert res.code == 0, res.err
    data = json.loads(res.out)
    assert (data["totals"]["orders"], data["totals"]["net"]) == (30, NET)


def test_csv_with_ids_in_exponent_notation_fails_at_the_first_such_line(make_case):
    ids = [str(i) for i in IDS]
    ids[5] = "3.87112E+18"  # order 6, on line 7 (header on line 1)
    ids[9] = "3.87112E+18"
    text = csv_text(TAOBAO_HEADER, [[str(c) for c in r] for r in rows(ids)])
    folder = make_case({"sales/orders.csv": text})
    line = one_error_line(run_cli("sales", folder.path, "--accept-rejects"))
    assert line.startswith(f"error: {folder.path / 'sales/orders.csv'}:line 7: "), line
    assert LOST in line and "export them as text" in line and "3.87112E+18" in line


def test_parquet_bigint_ids_pass_and_double_ids_fail(make_case, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    def parquet(id_array) -> bytes:
        table = pa.table({
            "order_id": id_array, "sku": ["PM-CAT-2K"] * 30, "quantity": pa.array([1] * 30, pa.int64()),
            "amount": pa.array([Decimal(1000 + i) for i in range(1, 31)], pa.decimal128(12, 2)),
            "created": [f"2024-03-{i:02d} 10:00:00" for i in range(1, 31)]})
        buf = pa.BufferOutputStream()
        pq.write_table(table, buf)
        return buf.getvalue().to_pybytes()

    folder = make_case({"sales/o.parquet": parquet(pa.array(IDS, pa.int64()))})
    res = run_cli("sales", folder.path, "--format", "json")
    assert res.code == 0, res.err
    assert json.loads(res.out)["totals"]["net"] == NET
    (folder.path / "sales/o.parquet").write_bytes(parquet(pa.array([float(i) for i in IDS], pa.float64())))
    line = one_error_line(run_cli("sales", folder.path))
    assert line.startswith(f"error: {folder.path / 'sales/o.parquet'}:line 1: "), line
    assert LOST in line


def test_xlsx_lines_are_sheet_rows_when_the_sheet_starts_below_row_1(make_case, tmp_path):
    """A sheet whose first rows are empty: the reader starts at the first cell with a value, but
    "line N" is the sheet row. Header on row 3, orders on rows 4-33; order 6 (row 9) lost digits."""
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    for c, h in enumerate(TAOBAO_HEADER, start=1):
        ws.cell(row=3, column=c, value=h)
    ids: list = [str(i) for i in IDS]
    ids[5] = excel_number(IDS[5])
    for r, values in enumerate(rows(ids), start=4):
        for c, v in enumerate(values, start=1):
            ws.cell(row=r, column=c, value=v)
    wb.save(tmp_path / "o.xlsx")
    folder = make_case({"sales/o.xlsx": (tmp_path / "o.xlsx").read_bytes()})
    line = one_error_line(run_cli("sales", folder.path))
    assert line.startswith(f"error: {folder.path / 'sales/o.xlsx'}:line 9: "), line
    # and a malformed row's line, with the number cell fixed: order 7's quantity "x" on row 10
    ids[5] = str(IDS[5])
    ws = wb.active
    ws.cell(row=9, column=1, value=ids[5])
    ws.cell(row=10, column=5, value="x")
    wb.save(tmp_path / "o.xlsx")
    (folder.path / "sales/o.xlsx").write_bytes((tmp_path / "o.xlsx").read_bytes())
    res = run_cli("sales", folder.path, "--format", "json", "--accept-rejects")
    assert res.code == 0, res.err
    (ex,) = json.loads(res.out)["report"]["rejected_examples"]
    assert (ex["line"], ex["value"], ex["reason"]) == (10, "x", "unparsable number")
