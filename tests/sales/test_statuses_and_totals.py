"""Order statuses (compound, unknown, sales.statuses) and totals rows (合计) under the data.

Every expected figure is counted by hand from the rows written here (comments give the counts).
"""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest
from support import run_cli

from litigator.errors import CaseFileError
from litigator.sales import statuses, summarise
from litigator.sales.engine import summarise_all_sellers

from .conftest import TAOBAO_HEADER, case_yaml, csv_text

TITLE = "宠美佳成猫粮2kg"


def row(order: str, status: str = "交易成功", paid: str = "129.00", refund: str = "0.00", title: str = TITLE,
        created: str = "2024-03-05 10:00:00", sku: str = "PM-CAT-2K", qty: str = "1") -> list[str]:
    # TAOBAO_HEADER: 订单编号 买家会员名 宝贝标题 商家编码 宝贝总数量 买家实际支付金额 订单状态 订单创建时间
    #                订单付款时间 退款金额
    return [order, f"b{order}", title, sku, qty, paid, status, created, "", refund]


# ------------------------------------------------------------------------------------------------
# Statuses
# ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("status", "meaning"), [
    ("交易成功", "sale"), ("  交易关闭 ", "closed"), ("等待买家付款", "unpaid"), ("退款成功", "fully_refunded"),
    ("Trade_Closed", "closed"), ("COMPLETED", "sale"),
    # JD: a deleted order, in either kind of bracket; cancelled
    ("(删除)等待出库", "closed"), ("（删除）完成", "closed"), ("已取消", "closed"),
    # Pinduoduo: compound statuses
    ("已发货，退款成功", "fully_refunded"), ("未发货，退款成功", "fully_refunded"), ("已取消，退款成功", "closed"),
    ("已发货，待签收", "sale"), ("已发货,待签收", "sale"),
    # a partial refund is not a full one, whatever the status says; nor is a refund in progress
    ("退款成功(部分)", None), ("部分退款，退款成功", None), ("partially refunded", None), ("已发货，退款中", None),
    # unknown words, blank
    ("锁定", None), ("暂停", None), ("on hold", None), ("", None), ("   ", None), ("删除订单", None),
])
def test_status_meanings(status, meaning):
    assert statuses.known(status) == meaning


# Rows and their outcome (line = row number + 1, the header being line 1):
#  line 2  交易成功               kept            129.00
#  line 3  (删除)交易成功          closed
#  line 4  已发货，退款成功         fully_refunded
#  line 5  已发货，待签收           kept            129.00
#  line 6  退款成功(部分)           kept, unknown   129.00 − refund 29.00
#  line 7  Trade_Closed           closed (another spelling of a plain status)
#  line 8  锁定                   kept, unknown   129.00
#  line 9  (blank)                kept, unknown   129.00
# Kept 5 rows: gross 645.00, refunds 29.00, net 616.00. Excluded: closed 2, fully_refunded 1.
STATUS_ROWS = [row("1"), row("2", "(删除)交易成功"), row("3", "已发货，退款成功"), row("4", "已发货，待签收"),
               row("5", "退款成功(部分)", refund="29.00"), row("6", "Trade_Closed"), row("7", "锁定"), row("8", "")]


def _xlsx(tmp_path, header, rows, blank_after: int | None = None) -> bytes:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(header)
    for i, r in enumerate(rows):
        ws.append(r)
        if blank_after is not None and i == blank_after:
            ws.append([])  # a blank sheet row (not a data row)
    path = tmp_path / "o.xlsx"
    wb.save(path)
    return path.read_bytes()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_compound_and_unknown_statuses(make_case, tmp_path, fmt):
    content = csv_text(TAOBAO_HEADER, STATUS_ROWS) if fmt == "csv" else _xlsx(tmp_path, TAOBAO_HEADER, STATUS_ROWS)
    folder = make_case({f"sales/o.{fmt}": content})
    summary = summarise(folder)
    r = summary.report
    assert (r.rows_read, r.rows_kept, r.rejected) == (8, 5, 0)
    assert r.excluded == {"closed": 2, "fully_refunded": 1}
    assert r.reconciles
    t = summary.totals
    assert (t.orders, t.units, t.gross, t.refunds, t.net) == (5, 5, Decimal("645.00"), Decimal("29.00"),
                                                             Decimal("616.00"))
    assert r.unknown_statuses == {"": 1, "退款成功(部分)": 1, "锁定": 1}
    (text,) = [w for w, c in zip(summary.warnings, summary.warning_codes) if c == "SALES_UNKNOWN_STATUS"]
    assert text.startswith("SALES_UNKNOWN_STATUS: 3 row(s) of counterfeit sales in the period have an order status")
    for shown in (f"blank (1 row; first at sales/o.{fmt}:line 9)",
                  f"'退款成功(部分)' (1 row; first at sales/o.{fmt}:line 6)",
                  f"'锁定' (1 row; first at sales/o.{fmt}:line 8)", "statuses: {"):
        assert shown in text


def test_statuses_in_case_yaml_classify_unknown_statuses(make_case):
    # 锁定 (line 8) now closed, 退款成功(部分) (line 6) a sale: kept 4 rows (lines 2, 5, 6, 9), gross 516.00,
    # refunds 29.00, net 487.00; only the blank status (line 9) is still unknown.
    folder = make_case({"sales/o.csv": csv_text(TAOBAO_HEADER, STATUS_ROWS)},
                       {"files": ["sales/o.csv"], "statuses": {"锁定": "closed", "退款成功(部分)": "sale"}})
    summary = summarise(folder)
    r = summary.report
    assert (r.rows_kept, r.excluded) == (4, {"closed": 3, "fully_refunded": 1})
    assert (summary.totals.gross, summary.totals.refunds, summary.totals.net) == (
        Decimal("516.00"), Decimal("29.00"), Decimal("487.00"))
    assert r.unknown_statuses == {"": 1}
    assert any("blank (1 row; first at sales/o.csv:line 9)" in w for w in summary.warnings)


def test_statuses_in_case_yaml_cannot_redefine_a_known_status(tmp_path):
    from litigator.casefile import load_case

    (tmp_path / "sales").mkdir()
    (tmp_path / "sales" / "o.csv").write_text(csv_text(TAOBAO_HEADER, [row("1")]), encoding="utf-8")
    (tmp_path / "case.yaml").write_text(case_yaml({"files": ["sales/o.csv"], "statuses": {"交易关闭": "sale"}}),
                                        encoding="utf-8")
    with pytest.raises(CaseFileError, match="'交易关闭' already means closed"):
        load_case(tmp_path)
    result = run_cli("sales", tmp_path)
    assert result.code == 2 and "sales.statuses" in result.err, result.err


@pytest.mark.parametrize("first_status", ["退款成功", "已发货，退款成功"])
def test_status_rules_apply_before_duplicates_alike_for_plain_and_compound_statuses(make_case, first_status):
    # Order 1 twice: its first copy (line 2) is refunded, so the second (line 3) is the first *sale* copy
    # and is kept, not a duplicate. Order 2 (lines 4, 5): a duplicate. Kept 2 lines, 258.00.
    rows = [row("1", first_status), row("1", "已签收"), row("2"), row("2")]
    summary = summarise(make_case({"sales/o.csv": csv_text(TAOBAO_HEADER, rows)}))
    r = summary.report
    assert (r.rows_kept, r.excluded, r.duplicate_order_ids) == (2, {"fully_refunded": 1, "duplicate": 1}, 1)
    assert summary.totals.net == Decimal("258.00")
    assert r.unknown_statuses == {}


def test_unknown_statuses_per_seller_on_a_platform_export(make_case):
    header = ["order_id", "seller_id", "sku", "quantity", "amount", "status", "created"]
    rows = [["1", "S1", "PM-CAT-2K", "1", "129.00", "on hold", "2024-03-05 10:00:00"],   # line 2: S1 unknown
            ["2", "S2", "PM-CAT-2K", "1", "129.00", "completed", "2024-03-05 10:00:00"],  # line 3
            ["3", "S2", "PM-CAT-2K", "1", "129.00", "frozen", "2024-03-05 10:00:00"],     # line 4: S2 unknown
            ["4", "S1", "PM-CAT-2K", "2", "258.00", "cancelled", "2024-03-06 10:00:00"],  # line 5: closed
            ["Total", "", "", "5", "645.00", "", ""]]                                      # line 6: totals row
    folder = make_case({"sales/p.csv": csv_text(header, rows)}, sellers=["S1"])
    summary = summarise(folder)
    r = summary.report
    # S1: line 2 kept, line 5 closed; S2's two rows are other_seller; the Total row is not a data row.
    assert (r.rows_read, r.rows_kept, r.excluded, r.rejected) == (4, 1, {"other_seller": 2, "closed": 1}, 0)
    assert r.unknown_statuses == {"on hold": 1}
    assert (r.totals_rows, [(e.line, e.value) for e in r.totals_row_examples]) == (1, [(6, "Total")])
    per_seller = summarise_all_sellers(folder.path, folder.case.sales, list(folder.case.products))
    assert per_seller["S1"].report.unknown_statuses == {"on hold": 1}
    assert per_seller["S2"].report.unknown_statuses == {"frozen": 1}
    assert per_seller["S2"].report.totals_rows == 1


# ------------------------------------------------------------------------------------------------
# Totals rows
# ------------------------------------------------------------------------------------------------

def _totals(summary):
    r = summary.report
    return r.totals_rows, [(e.file, e.line, e.value) for e in r.totals_row_examples]


def test_orders_whose_title_is_or_contains_合计_still_count(make_case):
    # Lines 2-4: three real orders (titles 合计, 宠美佳合计装, plain); line 5: the totals row. Kept 3, 387.00.
    rows = [row("1", title="合计"), row("2", title="宠美佳合计装"), row("3"),
            ["合计", "", "", "", "3", "387.00", "", "", "", ""]]
    summary = summarise(make_case({"sales/o.csv": csv_text(TAOBAO_HEADER, rows)}))
    r = summary.report
    assert (r.rows_read, r.rows_kept, r.rejected) == (3, 3, 0)
    assert summary.totals.gross == Decimal("387.00")
    assert _totals(summary) == (1, [("sales/o.csv", 5, "合计")])
    assert summary.files[0].rows == 3 and summary.files[0].last_line == 4
    assert any(w.startswith("SALES_TOTALS_ROW: 1 totals row(s)") and "sales/o.csv:line 5 ('合计')" in w
               for w in summary.warnings)


def test_a_合计_row_that_does_not_end_the_file_is_a_malformed_row(make_case):
    # Line 3: a 合计 row in the middle of the data, the file ending in an order: not recognised (a totals row
    # must end the file), so rejected as missing its order time. Read 3, kept 2, rejected 1.
    rows = [row("1"), ["合计", "", "", "", "1", "129.00", "", "", "", ""], row("2")]
    summary = summarise(make_case({"sales/o.csv": csv_text(TAOBAO_HEADER, rows)}), accept_rejects=True)
    r = summary.report
    assert (r.rows_read, r.rows_kept, r.rejected, r.totals_rows) == (3, 2, 1, 0)
    assert [(e.line, e.reason) for e in r.rejected_examples] == [(3, "missing key")]


def test_a_row_with_a_label_but_an_order_time_is_data(make_case):
    # Line 3: no order number but an order time: a malformed order row (missing key), not a totals row,
    # even though the file ends in a totals row (line 4). Read 2, kept 1, rejected 1, totals 1.
    rows = [row("1"), ["", "b", "合计", "PM-CAT-2K", "1", "129.00", "交易成功", "2024-03-05 10:00:00", "", "0.00"],
            ["合计", "", "", "", "2", "258.00", "", "", "", ""]]
    summary = summarise(make_case({"sales/o.csv": csv_text(TAOBAO_HEADER, rows)}), accept_rejects=True)
    r = summary.report
    assert (r.rows_read, r.rows_kept, r.rejected, r.totals_rows) == (2, 1, 1, 1)
    assert [(e.line, e.column, e.reason) for e in r.rejected_examples] == [(3, "订单编号", "missing key")]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_subtotals_in_a_file_ending_in_a_total(make_case, tmp_path, fmt):
    # Lines 2-3 orders, line 4 '小计' (no order number, no time), line 5 an order, line 6 '总 计'.
    # Read 3 data rows, kept 3; totals rows 2 (lines 4 and 6).
    rows = [row("1"), row("2"), ["小计", "", "", "", "2", "258.00", "", "", "", ""], row("3"),
            ["总 计", "", "", "", "3", "387.00", "", "", "", ""]]
    content = csv_text(TAOBAO_HEADER, rows) if fmt == "csv" else _xlsx(tmp_path, TAOBAO_HEADER, rows)
    summary = summarise(make_case({f"sales/o.{fmt}": content}))
    r = summary.report
    assert (r.rows_read, r.rows_kept, r.rejected) == (3, 3, 0)
    assert _totals(summary) == (2, [(f"sales/o.{fmt}", 4, "小计"), (f"sales/o.{fmt}", 6, "总 计")])
    assert summary.files[0].last_line == 5


def test_a_short_totals_row_is_still_a_totals_row(make_case):
    # The totals row written with fewer fields than the header (line 4): DuckDB sets the line aside as
    # malformed; it is the file's last line and a totals row, so it is counted as one. Read 2, kept 2.
    text = csv_text(TAOBAO_HEADER, [row("1"), row("2")]) + "合计,,,,2,258.00\n"
    summary = summarise(make_case({"sales/o.csv": text}))
    r = summary.report
    assert (r.rows_read, r.rows_kept, r.rejected) == (2, 2, 0)
    assert _totals(summary) == (1, [("sales/o.csv", 4, "合计")])


def test_a_footer_below_the_totals_row_keeps_both_as_rejected_rows(make_case):
    # Conservative: only rows that end the file are totals rows. Line 4 (合计) and line 5 (a footer of
    # one field) are both rejected rows. Read 4, kept 2, rejected 2.
    text = csv_text(TAOBAO_HEADER, [row("1"), row("2"), ["合计", "", "", "", "2", "258.00", "", "", "", ""]])
    text += "导出人：张三\n"
    summary = summarise(make_case({"sales/o.csv": text}), accept_rejects=True)
    r = summary.report
    assert (r.rows_read, r.rows_kept, r.rejected, r.totals_rows) == (4, 2, 2, 0)


def test_english_total_row_and_two_files(make_case):
    header = ["order_id", "sku", "quantity", "amount", "status", "created"]
    a = csv_text(header, [["A1", "PM-CAT-2K", "1", "129.00", "completed", "2024-03-05"],
                          ["Total", "", "1", "129.00", "", ""]])                          # line 3
    b = csv_text(header, [["B1", "PM-CAT-2K", "2", "258.00", "shipped", "2024-04-05"],
                          ["B2", "PM-CAT-2K", "1", "129.00", "shipped", "2024-04-06"]])
    b += "\n" + "Grand Total:,,3,387.00,,\n\n"  # line 4 blank, the total on line 5, a blank line after it
    summary = summarise(make_case({"sales/a.csv": a, "sales/b.csv": b}))
    r = summary.report
    assert (r.rows_read, r.rows_kept, r.rejected) == (3, 3, 0)
    assert _totals(summary) == (2, [("sales/a.csv", 3, "Total"), ("sales/b.csv", 5, "Grand Total:")])
    assert [(f.rows, f.last_line) for f in summary.files] == [(1, 2), (2, 3)]
    assert summary.totals.gross == Decimal("516.00")


def test_xlsx_last_line_skips_blank_rows_inside_and_the_totals_row(make_case, tmp_path):
    # Sheet rows: 1 header, 2-3 orders, 4 blank, 5 an order, 6 the totals row: data rows 2-5 (3 rows).
    rows = [row("1"), row("2"), row("3"), ["合计", "", "", "", "3", "387.00", "", "", "", ""]]
    summary = summarise(make_case({"sales/o.xlsx": _xlsx(tmp_path, TAOBAO_HEADER, rows, blank_after=1)}))
    assert (summary.files[0].rows, summary.files[0].first_line, summary.files[0].last_line) == (3, 2, 5)
    assert _totals(summary) == (1, [("sales/o.xlsx", 6, "合计")])


def test_cli_totals_row_is_in_the_json_report_and_exit_is_0(tmp_path):
    (tmp_path / "sales").mkdir()
    (tmp_path / "sales" / "o.csv").write_text(
        csv_text(TAOBAO_HEADER, [row("1"), ["合计", "", "", "", "1", "129.00", "", "", "", ""]]), encoding="utf-8")
    (tmp_path / "case.yaml").write_text(case_yaml({"files": ["sales/o.csv"]}), encoding="utf-8")
    result = run_cli("sales", tmp_path, "--format", "json")
    assert result.code == 0, result.err
    report = json.loads(result.out)["report"]
    assert (report["rows_read"], report["rejected"], report["totals_rows"]) == (1, 0, 1)
    assert report["totals_row_examples"][0]["line"] == 3


def test_cli_table_shows_totals_rows_and_unknown_statuses(tmp_path):
    (tmp_path / "sales").mkdir()
    (tmp_path / "sales" / "o.csv").write_text(
        csv_text(TAOBAO_HEADER, [row("1"), row("2", status="锁定中"), ["合计", "", "", "", "2", "258.00", "", "", "",
                                                                       ""]]), encoding="utf-8")
    (tmp_path / "case.yaml").write_text(case_yaml({"files": ["sales/o.csv"]}), encoding="utf-8")
    result = run_cli("sales", tmp_path)
    assert result.code == 0, result.err
    assert re.search(r"totals rows \(not data\)\s*│\s*1", result.out)
    assert re.search(r"kept, unknown status: 锁定中\s*│\s*1", result.out)
    assert "SALES_UNKNOWN_STATUS" in result.err and "SALES_TOTALS_ROW" in result.err
