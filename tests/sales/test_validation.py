"""Bad rows, exclusions, duplicates, refunds, thresholds: every figure computed by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest

from litigator.errors import LitigatorError
from litigator.sales import summarise
from litigator.sales.engine import SalesRejectError

from .conftest import TAOBAO_HEADER, csv_text

OK = ["交易成功", "2024-03-05 10:00:00", "2024-03-05 10:01:00", "0.00"]


def row(order: str, qty: str = "1", paid: str = "129.00", sku: str = "PM-CAT-2K", buyer: str = "b1",
        status: str = "交易成功", created: str = "2024-03-05 10:00:00", refund: str = "0.00") -> list[str]:
    return [order, buyer, "宠美佳成猫粮2kg", sku, qty, paid, status, created, "", refund]


def test_each_bad_row_kind_is_rejected_with_line_column_value_reason(make_case):
    rows = [
        row("1"),                                   # line 2: good
        row(""),                                    # line 3: missing order id
        row("3", qty="two"),                        # line 4: unparsable quantity
        row("4", created="2024-13-45 25:00:00"),    # line 5: unparsable date
        row("5", qty="-1"),                         # line 6: negative quantity
        row("6", paid="-129.00"),                   # line 7: negative price
        row("7", paid="12x.00"),                    # line 8: unparsable amount
        row("8", created=""),                       # line 9: missing creation time
        row("9", refund="200.00"),                  # line 10: refund exceeds amount paid
        row("10", qty="1.5"),                       # line 11: fractional quantity
        row("11", refund="-1.00"),                  # line 12: negative refund
        row("12"),                                  # line 13: good
    ]
    folder = make_case({"sales/o.csv": csv_text(TAOBAO_HEADER, rows)})
    summary = summarise(folder, accept_rejects=True)
    r = summary.report
    assert (r.rows_read, r.rows_kept, r.rejected) == (12, 2, 10)
    assert r.reconciles
    got = [(e.line, e.column, e.value, e.reason) for e in r.rejected_examples]
    assert got == [
        (3, "订单编号", None, "missing key"),  # an empty cell has no value
        (4, "宝贝总数量", "two", "unparsable number"),
        (5, "订单创建时间", "2024-13-45 25:00:00", "unparsable date"),
        (6, "宝贝总数量", "-1", "negative quantity"),
        (7, "买家实际支付金额", "-129.00", "negative price"),
        (8, "买家实际支付金额", "12x.00", "unparsable number"),
        (9, "订单创建时间", None, "missing key"),
        (10, "退款金额", "200.00", "refund exceeds amount paid"),
        (11, "宝贝总数量", "1.5", "quantity not a whole number"),
        (12, "退款金额", "-1.00", "negative refund"),
    ]
    assert all(e.file == "sales/o.csv" for e in r.rejected_examples)
    assert r.rejected_by_reason == {"missing key": 2, "unparsable number": 2, "unparsable date": 1,
                                    "negative quantity": 1, "negative price": 1, "refund exceeds amount paid": 1,
                                    "quantity not a whole number": 1, "negative refund": 1}
    assert summary.totals.net == Decimal("258.00")


def test_line_numbers_stay_physical_with_quoted_newlines_and_blank_lines(make_case):
    text = (",".join(TAOBAO_HEADER) + "\n"
            + '1,b1,"宠美佳成猫粮2kg\n第二行标题",PM-CAT-2K,1,129.00,交易成功,2024-03-05 10:00:00,,0.00\n'  # lines 2-3
            + "\n"                                                                                  # line 4 blank
            + "2,b1,宠美佳成猫粮2kg,PM-CAT-2K,x,129.00,交易成功,2024-03-05 10:00:00,,0.00\n"        # line 5 bad
            + "3,b2,宠美佳成猫粮2kg,PM-CAT-2K,1,129.00,交易成功,2024-03-05 10:00:00,,0.00\n")       # line 6
    folder = make_case({"sales/o.csv": text})
    summary = summarise(folder, accept_rejects=True)
    r = summary.report
    assert (r.rows_read, r.rows_kept, r.rejected) == (3, 2, 1)
    assert [(e.line, e.value) for e in r.rejected_examples] == [(5, "x")]
    assert (summary.files[0].first_line, summary.files[0].last_line) == (2, 6)


def test_line_with_wrong_number_of_fields_is_rejected_with_its_line(make_case):
    good = ",".join(row("1"))
    text = (",".join(TAOBAO_HEADER) + "\n" + good + "\n"
            + "2,b1,title,PM-CAT-2K,1\n"                      # line 3: too few fields
            + good.replace("1,", "3,", 1) + ",extra,fields\n"  # line 4: too many fields
            + good.replace("1,", "4,", 1) + "\n"               # line 5: good
            + "5,b1,宠美佳,PM-CAT-2K,zz,129.00,交易成功,2024-03-05 10:00:00,,0.00\n")  # line 6: bad qty
    folder = make_case({"sales/o.csv": text})
    summary = summarise(folder, accept_rejects=True)
    r = summary.report
    assert (r.rows_read, r.rows_kept, r.rejected) == (5, 2, 3)
    assert [(e.line, e.reason) for e in r.rejected_examples] == [
        (3, "malformed line: too few fields"), (4, "malformed line: too many fields"), (6, "unparsable number")]
    assert r.reconciles


def test_duplicates_identical_and_conflicting_keep_the_first(make_case):
    rows = [
        row("1", paid="129.00"),                 # line 2
        row("2", paid="258.00", qty="2"),        # line 3
        row("1", paid="129.00"),                 # line 4: identical copy of line 2
        row("2", paid="129.00", qty="1"),        # line 5: conflicting copy of line 3 -> line 3 wins
        row("3", sku="PM-CAT-10K", paid="459.00"),
        row("3", sku="PM-CAT-2K", paid="129.00"),  # same order, other SKU: a second order line, kept
    ]
    folder = make_case({"sales/o.csv": csv_text(TAOBAO_HEADER, rows)})
    summary = summarise(folder)
    r = summary.report
    assert (r.rows_read, r.rows_kept, r.excluded, r.duplicate_order_ids) == (6, 4, {"duplicate": 2}, 2)
    t = summary.totals
    # Orders 1, 2, 3 (order 3 has two lines); units 1 + 2 + 1 + 1; gross 129 + 258 + 459 + 129.
    assert (t.orders, t.units, t.gross) == (3, 5, Decimal("975.00"))
    assert any("differ between their copies" in w for w in summary.warnings)


def test_partial_refunds_are_netted_full_refunds_and_closed_excluded(make_case):
    rows = [
        row("1", paid="129.00", refund="29.00"),                 # kept, net 100.00
        row("2", paid="258.00", qty="2", refund="129.00"),       # kept, net 129.00
        row("3", paid="129.00", refund="129.00"),                # fully refunded
        row("4", paid="129.00", status="交易关闭", refund="129.00"),  # closed
        row("5", paid="0.00", status="等待买家付款"),             # unpaid
        row("6", paid="129.00", refund=""),                      # blank refund = no refund
    ]
    folder = make_case({"sales/o.csv": csv_text(TAOBAO_HEADER, rows)})
    summary = summarise(folder)
    t = summary.totals
    assert (t.orders, t.units, t.gross, t.refunds, t.net) == (3, 4, Decimal("516.00"), Decimal("158.00"),
                                                              Decimal("358.00"))
    assert summary.report.excluded == {"unpaid": 1, "closed": 1, "fully_refunded": 1}


def test_money_cells_with_currency_signs_and_thousands(make_case):
    rows = [row("1", paid="¥1,290.00", qty="10"), row("2", paid=" 129 ", refund="")]
    folder = make_case({"sales/o.csv": csv_text(TAOBAO_HEADER, rows)})
    t = summarise(folder).totals
    assert (t.units, t.gross) == (11, Decimal("1419.00"))


def test_reject_share_over_threshold_fails_with_report_unless_accepted(make_case):
    rows = [row(str(i)) for i in range(1, 99)] + [row("99", qty="x"), row("100", qty="y")]  # 2 % malformed
    folder = make_case({"sales/o.csv": csv_text(TAOBAO_HEADER, rows)})
    with pytest.raises(SalesRejectError) as info:
        summarise(folder)
    err = info.value
    assert isinstance(err, LitigatorError) and err.exit_code == 2
    assert err.report.rejected == 2 and err.report.rows_read == 100
    assert err.line().startswith("sales/o.csv:line 100: 2 of 100 rows are malformed")
    assert summarise(folder, accept_rejects=True).totals.orders == 98


def test_max_reject_share_from_case_yaml(make_case):
    rows = [row(str(i)) for i in range(1, 99)] + [row("99", qty="x"), row("100", qty="y")]
    folder = make_case({"sales/o.csv": csv_text(TAOBAO_HEADER, rows)},
                       {"files": ["sales/o.csv"], "max_reject_share": "0.05"})
    assert summarise(folder).report.rejected == 2


def test_no_counterfeit_rows_after_filters(make_case):
    rows = [row("1", sku="TB-TOY-01", paid="12.50")]
    folder = make_case({"sales/o.csv": csv_text(TAOBAO_HEADER, rows)})
    with pytest.raises(SalesRejectError, match="no counterfeit sales rows after filters") as info:
        summarise(folder, require_sales=True)
    assert info.value.report.excluded == {"not_counterfeit": 1}
    # The pipeline asks the damages rules whether a scenario needs sales (sales never asks damages).
    from litigator.pipeline import load_sales

    with pytest.raises(SalesRejectError, match="no counterfeit sales rows after filters"):
        load_sales(folder)
    folder = make_case({"sales/o.csv": csv_text(TAOBAO_HEADER, rows)}, needs_sales=False)
    assert load_sales(folder).totals.orders == 0
    assert summarise(folder).totals.orders == 0


def test_selection_by_title_keywords_and_regex_with_rule_counts(make_case):
    rows = [
        ["1", "b1", "宠美佳成猫粮2kg", "", "1", "129.00", "交易成功", "2024-03-05 10:00:00", "", "0.00"],
        ["2", "b2", "宠美佳 幼猫粮 1.5kg", "X-1", "1", "99.00", "交易成功", "2024-03-05 10:00:00", "", "0.00"],
        ["3", "b3", "豆腐猫砂", "TB-LITTER-5L", "1", "39.90", "交易成功", "2024-03-05 10:00:00", "", "0.00"],
        ["4", "b4", "CHONGMEIJIA cat food 10kg", "PM-CAT-10K", "1", "459.00", "交易成功", "2024-03-05 10:00:00",
         "", "0.00"],
    ]
    products = [{"name": "成猫粮", "skus": ["PM-CAT-10K"], "title_keywords": ["成猫粮", "re:(?i)chongmeijia"]},
                {"name": "幼猫粮", "title_keywords": ["幼猫粮"]}]
    folder = make_case({"sales/o.csv": csv_text(TAOBAO_HEADER, rows)}, products=products)
    summary = summarise(folder)
    r = summary.report
    assert r.matched_by_rule == {"sku:PM-CAT-10K": 1, "title:成猫粮": 1, "title~(?i)chongmeijia": 1, "title:幼猫粮": 1}
    assert (r.rows_kept, r.excluded) == (3, {"not_counterfeit": 1})
    assert summary.totals.gross == Decimal("687.00")
    products_by_order = {line.sku: line.product for line in summary.by_sku}
    assert products_by_order == {"": "成猫粮", "X-1": "幼猫粮", "PM-CAT-10K": "成猫粮"}


def test_mixed_currencies_are_reported_and_other_currencies_excluded(make_case):
    header = ["order_id", "sku", "quantity", "amount", "currency", "created"]
    rows = [["1", "PM-CAT-2K", "1", "129.00", "CNY", "2024-03-05"],
            ["2", "PM-CAT-2K", "1", "18.00", "USD", "2024-03-06"],
            ["3", "PM-CAT-2K", "1", "129.00", "cny", "2024-03-07"]]
    folder = make_case({"sales/o.csv": csv_text(header, rows)})
    summary = summarise(folder)
    assert summary.report.currencies == ["CNY", "USD"]
    assert summary.report.excluded == {"other_currency": 1}
    assert summary.totals.gross == Decimal("258.00")
    assert any("mixed currencies" in w for w in summary.warnings)


def test_explicit_column_mapping(make_case):
    header = ["单号", "货号", "件数", "实收", "下单日期", "状态"]
    rows = [["1", "PM-CAT-2K", "2", "258.00", "2024/03/05 10:00", "完成"],
            ["2", "PM-CAT-2K", "1", "129.00", "2024年3月6日", "完成"]]
    columns = {"order_id": "单号", "sku": "货号", "quantity": "件数", "amount": "实收", "created": "下单日期",
               "status": "状态"}
    folder = make_case({"sales/o.csv": csv_text(header, rows)}, {"files": ["sales/o.csv"], "columns": columns})
    summary = summarise(folder)
    assert (summary.totals.units, summary.totals.gross) == (3, Decimal("387.00"))
    assert summary.totals.last_order.isoformat() == "2024-03-06"


def test_platform_export_selects_the_case_seller(make_case):
    header = ["order_id", "seller_id", "buyer_id", "sku", "quantity", "amount", "refund", "status", "created"]
    rows = [["1", "S1", "u1", "PM-CAT-2K", "1", "129.00", "0", "completed", "2024-03-05 10:00:00"],
            ["2", "S2", "u1", "PM-CAT-2K", "1", "129.00", "0", "completed", "2024-03-05 10:00:00"],
            ["3", "S1", "u2", "PM-CAT-10K", "2", "918.00", "18.00", "completed", "2024-04-05 10:00:00"],
            ["4", "", "u3", "PM-CAT-2K", "1", "129.00", "0", "completed", "2024-04-05 10:00:00"]]
    folder = make_case({"sales/p.csv": csv_text(header, rows)}, sellers=["S1"])
    summary = summarise(folder, accept_rejects=True)
    r = summary.report
    assert summary.profile == "platform"
    assert (r.rows_read, r.rows_kept, r.excluded, r.rejected) == (4, 2, {"other_seller": 1}, 1)
    assert r.rejected_examples[0].column == "seller_id"
    t = summary.totals
    assert (t.orders, t.units, t.customers, t.net) == (2, 3, 2, Decimal("1029.00"))
    assert {line.seller for line in summary.by_sku} == {"S1"}


def test_excel_protected_and_padded_cells_are_cleaned(make_case):
    rows = [
        row('="1001"', buyer=" b1 "),
        row("'1002", sku=" PM-CAT-2K "),
        row("1001", buyer="b1"),           # the same order line as line 2: a duplicate
        row("1003", status=" 交易关闭 "),   # padded status still closes the order
    ]
    folder = make_case({"sales/o.csv": csv_text(TAOBAO_HEADER, rows)})
    summary = summarise(folder)
    r = summary.report
    assert (r.rows_kept, r.excluded) == (2, {"closed": 1, "duplicate": 1})
    assert (summary.totals.orders, summary.totals.customers) == (2, 1)


def test_a_bad_cell_in_any_typed_column_is_an_unparsable_value_not_a_broken_scan(make_case):
    """DuckDB 2.0.1 pushes a TRY_CAST on a read_csv column into the reader, which then fails on the
    first bad cell instead of yielding NULL (duckdb/duckdb#23818). The engine keeps a raw reference
    to every typed column so that cannot happen: each bad cell below is rejected with its own
    reason, not set aside as a "malformed line" by the tolerant re-read. Unit price here, since
    without an amount column the amount is unit price × quantity."""
    header = ["order_id", "buyer", "sku", "quantity", "unit_price", "refund", "created"]
    rows = [
        ["1", "b1", "PM-CAT-2K", "2", "10.00", "0", "2024-03-05 10:00:00"],   # line 2: good, 20.00
        ["2", "b2", "PM-CAT-2K", "x", "10.00", "0", "2024-03-05 10:00:00"],   # line 3
        ["3", "b3", "PM-CAT-2K", "1", "ten", "0", "2024-03-05 10:00:00"],     # line 4
        ["4", "b4", "PM-CAT-2K", "1", "10.00", "r1", "2024-03-05 10:00:00"],  # line 5
        ["5", "b5", "PM-CAT-2K", "1", "10.00", "0", "yesterday"],            # line 6
        ["6", "b6", "PM-CAT-2K", "1", "¥8.50", "0", "2024/03/06 09:00"],     # line 7: good, 8.50
    ]
    folder = make_case({"sales/o.csv": csv_text(header, rows)}, sales={"files": ["sales/o.csv"], "profile": "generic"})
    summary = summarise(folder, accept_rejects=True)
    r = summary.report
    assert (r.rows_read, r.rows_kept, r.rejected) == (6, 2, 4)
    assert [(e.line, e.column, e.value, e.reason) for e in r.rejected_examples] == [
        (3, "quantity", "x", "unparsable number"),
        (4, "unit_price", "ten", "unparsable number"),
        (5, "refund", "r1", "unparsable number"),
        (6, "created", "yesterday", "unparsable date"),
    ]
    assert summary.totals.gross == Decimal("28.50")
