"""Unreadable inputs: one-line DataFileError naming the file (and `line N` where it applies)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from litigator.errors import DataFileError
from litigator.sales import summarise
from litigator.sales.engine import detect_profile

from .conftest import TAOBAO_HEADER, csv_text

ROOT = Path(__file__).resolve().parents[2]


def xlsx_bytes(tmp_path: Path) -> bytes:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    wb.active.append(TAOBAO_HEADER)
    wb.active.append(["1", "b", "t", "PM-CAT-2K", 1, 129.0, "交易成功", "2024-03-05 10:00:00", "", 0])
    p = tmp_path / "x.xlsx"
    wb.save(p)
    return p.read_bytes()


@pytest.mark.parametrize("name,content,expected", [
    ("empty", b"", "sales/o.csv: empty file"),
    ("binary", bytes(range(256)) * 8, "sales/o.csv: not a text file (a binary file)"),
    ("no header", "1001,b1,t,PM-CAT-2K,1,129.00\n1002,b2,t,PM-CAT-2K,1,129.00\n",
     "sales/o.csv:line 1: no header row found"),
    ("header only", ",".join(TAOBAO_HEADER) + "\n", "sales/o.csv:line 1: header only: no data rows"),
    ("header and blank lines", ",".join(TAOBAO_HEADER) + "\n\n\n", "sales/o.csv:line 1: header only: no data rows"),
    ("missing columns", "订单编号,买家会员名,宝贝标题\n1,b,t\n",
     "sales/o.csv:line 1: missing column(s) quantity, created, amount (profile taobao; expected e.g. 宝贝总数量"),
    ("gzip", b"\x1f\x8b\x08\x00" + b"\x00" * 100, "sales/o.csv: not a text file (a gzip archive)"),
])
def test_unreadable_csv(make_case, name, content, expected):
    folder = make_case({"sales/o.csv": content})
    with pytest.raises(DataFileError) as info:
        summarise(folder)
    assert info.value.line().startswith(expected), info.value.line()
    assert "\n" not in info.value.line()


def test_csv_that_is_really_xlsx(make_case, tmp_path):
    folder = make_case({"sales/o.csv": xlsx_bytes(tmp_path)})
    with pytest.raises(DataFileError, match="this is an XLSX workbook, not CSV text: rename it to .xlsx") as info:
        summarise(folder)
    assert info.value.path == "sales/o.csv"


def test_xlsx_that_is_really_csv(make_case):
    folder = make_case({"sales/o.xlsx": csv_text(TAOBAO_HEADER, [])})
    with pytest.raises(DataFileError, match=r"not an XLSX workbook: the file is text \(a CSV\?\)"):
        summarise(folder)


def test_corrupt_zip_named_xlsx(make_case, tmp_path):
    p = tmp_path / "z.zip"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("hello.txt", "not a workbook")
    folder = make_case({"sales/o.xlsx": p.read_bytes()})
    with pytest.raises(DataFileError, match="cannot read as XLSX"):
        summarise(folder)


def test_missing_sales_file(make_case):
    folder = make_case({"sales/other.csv": "x"}, {"files": ["sales/orders.csv"]})
    with pytest.raises(DataFileError) as info:
        summarise(folder)
    assert info.value.line() == "sales/orders.csv: sales file not found"


def test_glob_matching_nothing(make_case):
    folder = make_case({"sales/other.csv": "x"}, {"files": ["sales/2024-*.csv"]})
    with pytest.raises(DataFileError, match="no sales file matches this pattern"):
        summarise(folder)


def test_mapping_naming_a_missing_column(make_case):
    text = csv_text(["单号", "件数", "实收", "下单日期", "货号"], [["1", "1", "129.00", "2024-03-05", "PM-CAT-2K"]])
    columns = {"order_id": "单号", "quantity": "数量", "amount": "实收", "created": "下单日期", "sku": "货号"}
    folder = make_case({"sales/o.csv": text}, {"files": ["sales/o.csv"], "columns": columns})
    with pytest.raises(DataFileError) as info:
        summarise(folder)
    assert info.value.line() == "sales/o.csv:line 1: columns.quantity names '数量', which is not in the header"


def test_mapping_with_an_unknown_field(make_case):
    text = csv_text(["单号", "件数"], [["1", "1"]])
    folder = make_case({"sales/o.csv": text},
                       {"files": ["sales/o.csv"], "columns": {"orderid": "单号", "quantity": "件数"}})
    with pytest.raises(DataFileError, match="columns: unknown field 'orderid'"):
        summarise(folder)


def test_unsupported_extension(make_case):
    folder = make_case({"sales/o.xls": b"\xd0\xcf\x11\xe0" + b"\x00" * 100})
    with pytest.raises(DataFileError, match="legacy .xls is not supported"):
        summarise(folder)


def test_parquet_that_is_not_parquet(make_case):
    folder = make_case({"sales/o.parquet": "order_id\n1\n"})
    with pytest.raises(DataFileError, match="not a Parquet file: the file is text"):
        summarise(folder)


def test_detect_profile_reports_the_mapping(tmp_path):
    p = tmp_path / "o.csv"
    p.write_text("店铺订单报表\n" + csv_text(TAOBAO_HEADER, [["1", "b", "t", "PM-CAT-2K", "1", "129.00", "交易成功",
                                                           "2024-03-05 10:00:00", "", "0.00"]]), encoding="utf-8")
    m = detect_profile(p)
    assert (m.profile, m.header_line) == ("taobao", 2)
    assert m.column("order_id") == "订单编号" and m.column("amount") == "买家实际支付金额"
    assert "订单编号→order_id" in m.describe()
    assert m.candidates["taobao"] > m.candidates["generic"]
    platform = tmp_path / "p.csv"
    platform.write_text("order_id,seller_id,sku,quantity,amount,created\n1,S1,A,1,2.00,2024-01-01\n")
    assert detect_profile(platform).profile == "platform"
    generic = tmp_path / "g.csv"
    generic.write_text("order_id,sku,qty,amount,order_date\n1,A,1,2.00,2024-01-01\n")
    assert detect_profile(generic).profile == "generic"


def test_cli_prints_one_line_and_exits_2(make_case):
    folder = make_case({"sales/o.csv": b""})
    proc = subprocess.run([sys.executable, "-m", "litigator", "sales", str(folder.path)], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 2, proc.stderr
    # the path is the one a user can open: the case folder joined with the path named in case.yaml
    assert proc.stderr.strip().splitlines() == [
        f"error: {folder.path / 'sales/o.csv'}: empty file (0 bytes): export the orders again"]
    assert "Traceback" not in proc.stderr


def test_a_sales_file_outside_the_case_folder_is_refused(make_case, tmp_path):
    from litigator.errors import DataFileError
    from litigator.sales import summarise

    folder = make_case({"sales/o.csv": b"x"})
    outside = folder.path.parent / "outside.csv"
    outside.write_text("订单编号\n1\n", encoding="utf-8")
    folder.case.sales.files = ["../outside.csv"]
    with pytest.raises(DataFileError, match="outside the case folder"):
        summarise(folder)
    folder.case.sales.files = [str(outside)]
    with pytest.raises(DataFileError, match="outside the case folder"):
        summarise(folder)


def test_parquet_float_money_rounds_half_up(make_case, tmp_path):
    from decimal import Decimal

    import pyarrow as pa
    import pyarrow.parquet as pq

    from litigator.sales import summarise

    table = pa.table({
        "订单编号": ["1", "2"], "买家会员名": ["a", "b"], "宝贝标题": ["宠美佳成猫粮2kg"] * 2,
        "商家编码": ["PM-CAT-2K"] * 2, "宝贝总数量": [1.0, 1.0],
        "买家实际支付金额": pa.array([1.005, 0.285], type=pa.float64()),
        "订单状态": ["交易成功"] * 2, "订单创建时间": ["2024-03-05 10:00:00"] * 2,
        "退款金额": pa.array([0.0, 0.0], type=pa.float64()),
    })
    buf = pa.BufferOutputStream()
    pq.write_table(table, buf)
    folder = make_case({"sales/o.parquet": buf.getvalue().to_pybytes()})
    # 1.005 → 1.01 and 0.285 → 0.29 (ROUND_HALF_UP on the written decimal, not on the binary float)
    assert summarise(folder).totals.gross == Decimal("1.30")


def test_cli_prints_the_report_then_fails_on_too_many_malformed_rows(make_case):
    rows = [[str(i), "b1", "宠美佳成猫粮2kg", "PM-CAT-2K", "1", "129.00", "交易成功", "2024-03-05 10:00:00", "", "0.00"]
            for i in range(1, 99)]
    rows += [["99", "b1", "t", "PM-CAT-2K", "x", "129.00", "交易成功", "2024-03-05 10:00:00", "", "0.00"],
             ["100", "b1", "t", "PM-CAT-2K", "1", "129.00", "交易成功", "2024-13-05 10:00:00", "", "0.00"]]
    folder = make_case({"sales/o.csv": csv_text(TAOBAO_HEADER, rows)})

    def run(*extra: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "litigator", "sales", str(folder.path), *extra],
                              capture_output=True, text=True, cwd=ROOT, timeout=120)

    proc = run()
    assert proc.returncode == 2
    assert "Validation report" in proc.stdout and "rejected (malformed)" in proc.stdout
    assert "rejected sales/o.csv:line 100: 宝贝总数量='x': unparsable number" in proc.stdout
    assert "rejected sales/o.csv:line 101: 订单创建时间='2024-13-05 10:00:00': unparsable date" in proc.stdout
    assert proc.stderr.strip().splitlines() == [
        f"error: {folder.path / 'sales/o.csv'}:line 100: 2 of 100 rows are malformed (2.00% > "
        "sales.max_reject_share 1.00%); fix the file or pass --accept-rejects"]
    proc = run("--format", "json")
    assert proc.returncode == 2
    data = json.loads(proc.stdout)
    assert data["report"]["rejected"] == 2 and data["report"]["rows_read"] == 100
    assert data["error"].endswith("fix the file or pass --accept-rejects")
    proc = run("--accept-rejects")
    assert proc.returncode == 0, proc.stderr
    assert "98" in proc.stdout


def test_cli_names_the_sellers_malformed_rows_in_a_platform_export(make_case):
    from .test_sellers_and_example import _write_platform

    folder = _write_platform(make_case, "csv")
    proc = subprocess.run([sys.executable, "-m", "litigator", "sales", str(folder.path)], capture_output=True,
                          text=True, cwd=ROOT, timeout=120, env={**os.environ, "COLUMNS": "100"})
    assert proc.returncode == 2
    out = proc.stdout
    assert "rows of the case's sellers" in out and "2 (50.00%)" in out, out
    assert "rejected sales/p.csv:line 504 (seller S1): amount='-5.00': negative price" in out
    assert "rejected sales/p.csv:line 12 (seller S2): quantity='x': unparsable number" in out
    assert proc.stderr.strip().splitlines() == [
        f"error: {folder.path / 'sales/p.csv'}:line 504: 2 of the 4 rows of seller S1 are malformed (50.00% > "
        "sales.max_reject_share 1.00%); fix the file or pass --accept-rejects"]
