"""Each input format and encoding gives the same, hand-computed figures.

The eight rows of ORDERS (period 2024, counterfeit SKUs PM-CAT-2K and PM-CAT-10K):

=====  ============  ======  ===  =======  ======================  ===========  ======  ==============
order  buyer         sku     qty  paid     status                  created      refund  outcome
=====  ============  ======  ===  =======  ======================  ===========  ======  ==============
1001   买家A          2K      1    129.00   交易成功                 2024-03-05   0.00    kept
1002   买家B          10K     2    918.00   交易成功                 2024-03-20   0.00    kept
1003   买家A          2K      1    129.00   交易成功                 2024-04-01   29.00   kept (partial)
1004   买家C          LITTER  1    39.90    交易成功                 2024-04-02   0.00    not counterfeit
1005   买家D          2K      1    129.00   交易关闭                 2024-05-01   129.00  closed
1006   买家E          2K      1    129.00   交易成功                 2024-05-02   129.00  fully refunded
1007   买家F          2K      1    129.00   交易成功                 2023-12-31   0.00    outside period
1008   买家B          10K     1    459.00   卖家已发货，等待买家确认  2024-12-31   0.00    kept
=====  ============  ======  ===  =======  ======================  ===========  ======  ==============

Kept: 1001, 1002, 1003, 1008 → 4 orders, 5 units, gross 129+918+129+459 = 1,635.00, refunds 29.00,
net 1,606.00, 2 customers (买家A, 买家B), first 2024-03-05, last 2024-12-31.
PM-CAT-10K: 2 orders, 3 units, gross 1,377.00, net 1,377.00. PM-CAT-2K: 2 orders, 2 units,
gross 258.00, refunds 29.00, net 229.00.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal

import pytest

from litigator.sales import summarise

from .conftest import TAOBAO_HEADER, csv_text

T2K = "宠美佳成猫粮2kg 室内成猫粮"
T10K = "宠美佳成猫粮10kg 大包装"
ORDERS = [
    ["1001", "买家A", T2K, "PM-CAT-2K", "1", "129.00", "交易成功",
     "2024-03-05 10:00:00", "2024-03-05 10:01:00", "0.00"],
    ["1002", "买家B", T10K, "PM-CAT-10K", "2", "918.00", "交易成功",
     "2024-03-20 12:00:00", "2024-03-20 12:05:00", "0.00"],
    ["1003", "买家A", T2K, "PM-CAT-2K", "1", "129.00", "交易成功",
     "2024-04-01 09:00:00", "2024-04-01 09:02:00", "29.00"],
    ["1004", "买家C", "豆腐猫砂5L", "TB-LITTER-5L", "1", "39.90", "交易成功",
     "2024-04-02 08:00:00", "2024-04-02 08:01:00", "0.00"],
    ["1005", "买家D", T2K, "PM-CAT-2K", "1", "129.00", "交易关闭",
     "2024-05-01 08:00:00", "2024-05-01 08:01:00", "129.00"],
    ["1006", "买家E", T2K, "PM-CAT-2K", "1", "129.00", "交易成功",
     "2024-05-02 08:00:00", "2024-05-02 08:01:00", "129.00"],
    ["1007", "买家F", T2K, "PM-CAT-2K", "1", "129.00", "交易成功",
     "2023-12-31 23:59:59", "2024-01-01 00:00:10", "0.00"],
    ["1008", "买家B", T10K, "PM-CAT-10K", "1", "459.00", "卖家已发货，等待买家确认",
     "2024-12-31 23:00:00", "2024-12-31 23:01:00", "0.00"],
]
PERIOD = {"start": "2024-01-01", "end": "2024-12-31"}


def check_figures(summary, first_line: int = 2, last_line: int = 9) -> None:
    t = summary.totals
    assert (t.orders, t.units, t.customers) == (4, 5, 2)
    assert (t.gross, t.refunds, t.net) == (Decimal("1635.00"), Decimal("29.00"), Decimal("1606.00"))
    assert (t.first_order, t.last_order) == (date(2024, 3, 5), date(2024, 12, 31))
    by_sku = {line.sku: line for line in summary.by_sku}
    assert set(by_sku) == {"PM-CAT-2K", "PM-CAT-10K"}
    k10 = by_sku["PM-CAT-10K"]
    assert (k10.orders, k10.units, k10.gross, k10.refunds, k10.net) == (2, 3, Decimal("1377.00"), Decimal("0.00"),
                                                                       Decimal("1377.00"))
    assert k10.avg_unit_price == Decimal("459.00")
    k2 = by_sku["PM-CAT-2K"]
    assert (k2.orders, k2.units, k2.gross, k2.refunds, k2.net) == (2, 2, Decimal("258.00"), Decimal("29.00"),
                                                                  Decimal("229.00"))
    assert k2.product == "成猫粮"
    r = summary.report
    assert r.rows_read == 8 and r.rows_kept == 4 and r.rejected == 0
    assert r.excluded == {"not_counterfeit": 1, "outside_period": 1, "closed": 1, "fully_refunded": 1}
    assert r.reconciles
    assert r.matched_by_rule == {"sku:PM-CAT-2K": 5, "sku:PM-CAT-10K": 2}
    # Months of 2024 without a single row: all but March, April, May and December.
    assert r.period_gaps == ["2024-01", "2024-02", "2024-06", "2024-07", "2024-08", "2024-09", "2024-10",
                             "2024-11"]
    months = {(line.sku, line.month): line.net for line in summary.by_month}
    assert months == {("PM-CAT-10K", "2024-03"): Decimal("918.00"), ("PM-CAT-10K", "2024-12"): Decimal("459.00"),
                      ("PM-CAT-2K", "2024-03"): Decimal("129.00"), ("PM-CAT-2K", "2024-04"): Decimal("100.00")}
    f = summary.files[0]
    assert (f.rows, f.first_line, f.last_line) == (8, first_line, last_line)
    assert len(f.sha256) == 64


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_encodings(make_case, encoding):
    data = csv_text(TAOBAO_HEADER, ORDERS).encode(encoding)
    folder = make_case({"sales/orders.csv": data}, {"files": ["sales/orders.csv"], "profile": "taobao",
                                                     "period": PERIOD})
    summary = summarise(folder)
    check_figures(summary)
    assert summary.files[0].encoding == ("gb18030" if encoding in ("gbk", "gb18030") else encoding)
    assert summary.profile == "taobao"


def test_gbk_csv_with_crlf_and_detected_profile(make_case):
    data = csv_text(TAOBAO_HEADER, ORDERS, newline="\r\n").encode("gbk")
    folder = make_case({"sales/orders.csv": data}, {"files": ["sales/orders.csv"], "period": PERIOD})
    summary = summarise(folder)
    check_figures(summary)
    assert summary.profile == "taobao"


def test_csv_with_title_rows_above_the_header(make_case):
    text = "萌宠优选小店 订单报表\n导出时间：2025-02-01 10:00:00\n" + csv_text(TAOBAO_HEADER, ORDERS)
    folder = make_case({"sales/orders.csv": text}, {"files": ["sales/orders.csv"], "period": PERIOD})
    check_figures(summarise(folder), first_line=4, last_line=11)


def test_xlsx_with_title_row_and_typed_cells(make_case, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "订单"
    ws.append(["萌宠优选小店 订单报表 2024"])  # a title row above the header
    ws.append(TAOBAO_HEADER)
    for row in ORDERS:
        # Excel users type numbers and dates: store quantity and amounts as numbers, created as datetime.
        ws.append([row[0], row[1], row[2], row[3], int(row[4]), float(row[5]), row[6],
                   datetime.strptime(row[7], "%Y-%m-%d %H:%M:%S"), row[8], float(row[9])])
    path = tmp_path / "orders.xlsx"
    wb.save(path)
    folder = make_case({"sales/orders.xlsx": path.read_bytes()},
                       {"files": ["sales/orders.xlsx"], "period": PERIOD, "sheet": "订单"})
    summary = summarise(folder)
    # Header on sheet row 2: data on rows 3-10.
    check_figures(summary, first_line=3, last_line=10)
    assert summary.files[0].sheet == "订单"


def test_xlsx_missing_sheet_is_a_data_file_error(make_case, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    from litigator.errors import DataFileError

    wb = openpyxl.Workbook()
    wb.active.append(TAOBAO_HEADER)
    path = tmp_path / "o.xlsx"
    wb.save(path)
    folder = make_case({"sales/o.xlsx": path.read_bytes()}, {"files": ["sales/o.xlsx"], "sheet": "Orders"})
    with pytest.raises(DataFileError, match="no sheet named 'Orders'"):
        summarise(folder)


def test_parquet_with_native_types(make_case, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    cols = list(zip(*ORDERS))
    table = pa.table({
        "order_id": pa.array(cols[0]),
        "buyer": pa.array(cols[1]),
        "title": pa.array(cols[2]),
        "sku": pa.array(cols[3]),
        "quantity": pa.array([int(v) for v in cols[4]], pa.int32()),
        "amount": pa.array([Decimal(v) for v in cols[5]], pa.decimal128(12, 2)),
        "status": pa.array(cols[6]),
        "created": pa.array([datetime.strptime(v, "%Y-%m-%d %H:%M:%S") for v in cols[7]], pa.timestamp("s")),
        "refund": pa.array([Decimal(v) for v in cols[9]], pa.decimal128(12, 2)),
    })
    path = tmp_path / "orders.parquet"
    pq.write_table(table, path)
    folder = make_case({"sales/orders.parquet": path.read_bytes()},
                       {"files": ["sales/orders.parquet"], "period": PERIOD})
    summary = summarise(folder)
    check_figures(summary, first_line=1, last_line=8)  # Parquet "lines" are 1-based row numbers
    assert summary.profile == "generic"


def test_jsonl(make_case):
    keys = ["order_id", "buyer", "title", "sku", "quantity", "amount", "status", "created", "paid_at", "refund"]
    lines = []
    for row in ORDERS:
        rec = dict(zip(keys, row))
        rec["quantity"] = int(rec["quantity"])  # JSON numbers and strings both work
        lines.append(json.dumps(rec, ensure_ascii=False))
    folder = make_case({"sales/orders.jsonl": "\n".join(lines) + "\n"},
                       {"files": ["sales/orders.jsonl"], "period": PERIOD})
    check_figures(folder and summarise(folder), first_line=1, last_line=8)


def test_jsonl_malformed_line_is_rejected_with_its_line(make_case):
    keys = ["order_id", "buyer", "sku", "quantity", "amount", "created"]
    good = json.dumps(dict(zip(keys, ["1", "b", "PM-CAT-2K", "1", "129.00", "2024-03-05 10:00:00"])))
    text = good + "\n\n" + '{"order_id": "2", "sku": "PM-CAT-2K", oops}\n' + good.replace('"1"', '"3"', 1) + "\n"
    folder = make_case({"sales/o.jsonl": text}, {"files": ["sales/o.jsonl"]})
    summary = summarise(folder, accept_rejects=True)
    r = summary.report
    assert (r.rows_read, r.rows_kept, r.rejected) == (3, 2, 1)
    assert r.rejected_examples[0].line == 3  # line 2 is blank
    assert r.rejected_examples[0].reason == "malformed line"


def test_several_files_by_glob(make_case):
    part1 = csv_text(TAOBAO_HEADER, ORDERS[:4])
    part2 = csv_text(TAOBAO_HEADER, ORDERS[4:])
    folder = make_case({"sales/2024-a.csv": part1, "sales/2024-b.csv": part2.encode("gbk")},
                       {"files": ["sales/2024-*.csv"], "period": PERIOD})
    summary = summarise(folder)
    t = summary.totals
    assert (t.orders, t.units, t.net) == (4, 5, Decimal("1606.00"))
    assert [(f.path, f.rows, f.first_line, f.last_line) for f in summary.files] == [
        ("sales/2024-a.csv", 4, 2, 5), ("sales/2024-b.csv", 4, 2, 5)]
    assert summary.report.reconciles


def test_source_label_and_sql_provenance(make_case):
    folder = make_case({"sales/orders.csv": csv_text(TAOBAO_HEADER, ORDERS)},
                       {"files": ["sales/orders.csv"], "period": PERIOD})
    summary = summarise(folder)
    assert summary.source_label().startswith("sales/orders.csv sha256:")
    assert summary.source_label().endswith("rows 2–9")
    assert any("GROUP BY" in q for q in summary.sql)
    assert all(isinstance(v, str) for v in json.loads(summary.model_dump_json())["totals"].values()
               if not isinstance(v, int))


def test_mixed_formats_with_rejects_in_each_file(make_case, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    csv_rows = [ORDERS[0],
                ["2001", "买家G", T2K, "PM-CAT-2K", "x", "129.00", "交易成功", "2024-06-01 10:00:00", "", "0"]]
    table = pa.table({"order_id": ["3001", "3002", ""], "sku": ["PM-CAT-10K", "PM-CAT-10K", "PM-CAT-10K"],
                      "quantity": pa.array([1, 1, 1], pa.int64()),
                      "amount": pa.array([Decimal("459.00"), Decimal("459.00"), Decimal("459.00")],
                                         pa.decimal128(10, 2)),
                      "created": pa.array([datetime(2024, 7, 1), datetime(2024, 7, 2), datetime(2024, 7, 3)],
                                          pa.timestamp("us"))})
    path = tmp_path / "b.parquet"
    pq.write_table(table, path)
    folder = make_case({"sales/a.csv": csv_text(TAOBAO_HEADER, csv_rows), "sales/b.parquet": path.read_bytes()},
                       {"files": ["sales/a.csv", "sales/b.parquet"], "period": PERIOD})
    summary = summarise(folder, accept_rejects=True)
    r = summary.report
    assert (r.rows_read, r.rows_kept, r.rejected) == (5, 3, 2)
    assert [(e.file, e.line, e.column, e.value) for e in r.rejected_examples] == [
        ("sales/a.csv", 3, "宝贝总数量", "x"), ("sales/b.parquet", 3, "order_id", "")]  # Parquet keeps ''

    assert summary.totals.net == Decimal("1047.00")  # 129 + 459 + 459
