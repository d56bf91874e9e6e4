"""The shortcuts the engine takes for speed give exactly what the general path gives.

* order lines: without differing copies, kept_lines comes straight from the candidate groups
  (``_KEPT_UNIQUE_SQL``) instead of a second GROUP BY (``_KEPT_SQL``);
* summaries: per-seller lines are computed once and shared out; a group of several sellers still
  gets cross-seller totals (distinct orders and customers) — figures below computed by hand;
* SalesLine objects are built without pydantic's model_construct;
* line counts use numpy instead of ``bytes.count``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from litigator.models import Product
from litigator.sales import engine, sources, summarise
from litigator.sales.model import SalesConfig, SalesLine

from .conftest import csv_text

HEADER = ["order_id", "seller_id", "buyer_id", "sku", "quantity", "amount", "refund", "status", "created"]


def _rows() -> list[list[str]]:
    return [
        ["1", "S1", "u1", "A", "1", "10.00", "0", "completed", "2024-01-05 10:00:00"],
        ["1", "S1", "u1", "B", "2", "30.00", "0", "completed", "2024-01-05 10:00:00"],   # same order, 2nd SKU
        ["2", "S1", "u2", "A", "2", "20.00", "5.00", "completed", "2024-02-05 10:00:00"],
        ["2", "S1", "u2", "A", "2", "20.00", "5.00", "completed", "2024-02-05 10:00:00"],  # identical copy
        ["3", "S2", "u1", "A", "1", "10.00", "0", "completed", "2024-01-06 10:00:00"],   # u1 again, other seller
        ["1", "S2", "u9", "A", "3", "33.00", "0", "completed", "2024-03-06 10:00:00"],   # order id 1 of S2
        ["4", "S3", "u4", "A", "1", "10.00", "0", "completed", "2024-01-08 10:00:00"],   # seller not asked for
        ["5", "S2", "", "A", "1", "7.00", "0", "completed", "2024-03-07 10:00:00"],      # no buyer
    ]


def test_kept_lines_unique_path_equals_the_general_path(tmp_path):
    (tmp_path / "p.csv").write_text(csv_text(HEADER, _rows()), encoding="utf-8")
    config = SalesConfig(files=["p.csv"], period={"start": "2024-01-01", "end": "2024-12-31"})
    result = engine.scan(tmp_path, config, [Product(name="x", skus=["A", "B"])])
    con = result.con
    assert con.execute(engine._MULTI_VARIANT_SQL).fetchone()[0] == 0  # the unique path was taken
    cols = ("seller, order_id, sku, ts, qty, amount, refund, buyer, sku_rule, title_mask, month, n_rows, variants, "
            "product")
    fast = con.execute(f"SELECT {cols} FROM kept_lines ORDER BY ALL").fetchall()
    con.execute(engine._KEPT_SQL.format(product=engine._product_sql(result.selection)))
    general = con.execute(f"SELECT {cols} FROM kept_lines ORDER BY ALL").fetchall()
    assert fast == general and len(fast) == 7
    assert [r[11] for r in fast if r[1] == "2"] == [2]  # the identical copy collapsed into one line


def test_a_group_of_two_sellers_gets_cross_seller_totals(make_case):
    folder = make_case({"sales/p.csv": csv_text(HEADER, _rows())},
                       {"files": ["sales/p.csv"], "period": {"start": "2024-01-01", "end": "2024-12-31"}},
                       products=[{"name": "x", "skus": ["A", "B"]}], sellers=["S1", "S2"])
    s = summarise(folder)
    t = s.totals
    # Kept: S1 (1,A) (1,B) (2,A); S2 (3,A) (1,A) (5,A). Orders: distinct (seller, order id) =
    # S1/1, S1/2, S2/3, S2/1, S2/5 = 5; units 1+2+2+1+3+1 = 10; customers u1, u2, u9 = 3 (u1 buys
    # from both sellers; the row without a buyer is no customer); gross 10+30+20+10+33+7 = 110,
    # refunds 5, net 105.
    assert (t.orders, t.units, t.customers) == (5, 10, 3)
    assert (t.gross, t.refunds, t.net) == (Decimal("110.00"), Decimal("5.00"), Decimal("105.00"))
    assert (t.first_order, t.last_order) == (date(2024, 1, 5), date(2024, 3, 7))
    # Lines stay per seller, sorted by seller, SKU (and month).
    assert [(ln.seller, ln.sku, ln.orders, ln.units, ln.customers, ln.net) for ln in s.by_sku] == [
        ("S1", "A", 2, 3, 2, Decimal("25.00")), ("S1", "B", 1, 2, 1, Decimal("30.00")),
        ("S2", "A", 3, 5, 2, Decimal("50.00"))]
    assert [(ln.seller, ln.sku, ln.month, ln.units) for ln in s.by_month] == [
        ("S1", "A", "2024-01", 1), ("S1", "A", "2024-02", 2), ("S1", "B", "2024-01", 2),
        ("S2", "A", "2024-01", 1), ("S2", "A", "2024-03", 4)]
    r = s.report
    assert (r.rows_read, r.rows_kept, r.excluded, r.duplicate_order_ids) == (
        8, 6, {"other_seller": 1, "duplicate": 1}, 1)
    assert r.reconciles


def test_per_seller_summaries_match_single_seller_summaries(tmp_path):
    (tmp_path / "p.csv").write_text(csv_text(HEADER, _rows()), encoding="utf-8")
    config = SalesConfig(files=["p.csv"], period={"start": "2024-01-01", "end": "2024-12-31"})
    result = engine.scan(tmp_path, config, [Product(name="x", skus=["A", "B"])])
    together = engine.summaries_for(result, {"one": ["S2"], "all": None, "S1": ["S1"], "twice": ["S1", "S1"]},
                                    config)
    alone = engine.summary_for(result, ["S2"], config)
    assert together["one"].model_dump() == alone.model_dump()
    assert together["twice"].model_dump() == together["S1"].model_dump()  # a seller named twice counts once
    assert together["all"].totals.orders == 6 and together["all"].report.excluded == {"duplicate": 1}


def test_fast_sales_line_is_model_construct():
    values = dict(seller="S1", sku="A", product="x", month="2024-01", orders=2, units=3, customers=1,
                  gross=Decimal("30.00"), refunds=Decimal("5.00"), net=Decimal("25.00"),
                  first_order=date(2024, 1, 5), last_order=date(2024, 1, 9), avg_unit_price=Decimal("8.33"))
    fast = engine._new_line(dict(values))
    ref = SalesLine.model_construct(**values)
    assert engine._FAST_LINES
    assert fast == ref and fast.model_dump() == ref.model_dump() and fast.model_dump_json() == ref.model_dump_json()
    assert fast.model_fields_set == ref.model_fields_set
    assert SalesLine.model_validate(fast.model_dump()) == fast
    row = ("S1", "A", 202401, "x", 2, 3, 1, Decimal("30.00"), Decimal("5.00"), date(2024, 1, 5), date(2024, 1, 9))
    assert engine._line(row, True) == ref


def test_physical_line_count_edge_cases(tmp_path):
    def naive(data: bytes) -> int:
        lines = data.split(b"\n")
        while lines and not lines[-1].strip():
            lines.pop()
        return len(lines)

    cases = [b"a\n", b"a", b"a\n\n\n", b"a\nb\n  \n", b"h\r\nx\r\n\r\n", b"\n\nx\n",
             b"h\n" + b"x,y\n" * 300_000 + b"last", b"q" * ((1 << 20) - 1) + b"\n" + b"\n" * 5000 + b"z\n",
             b"x" * (1 << 20) + b"\n" + b"y" * (1 << 20) + b"\n\n \n"]
    for i, data in enumerate(cases):
        p = tmp_path / f"f{i}.csv"
        p.write_bytes(data)
        assert sources.physical_line_count(p) == naive(data), i


def test_candidate_key_gives_back_every_text_exactly(tmp_path):
    """The main pass groups a candidate under one string key (``_LINE_KEY``) and decodes it after:
    texts with spaces, digits, emoji, combining marks, or that only differ in where one ends and
    the next begins, come back as written; an empty buyer or SKU comes back as NULL."""
    header = ["order_id", "seller_id", "buyer_id", "sku", "title", "quantity", "amount", "refund", "status", "created"]
    rows = [
        ["12", "S1", "3", "A", "t", "1", "10.00", "0", "completed", "2024-01-05 10:00:00"],
        ["1", "S1", "23", "A", "t", "1", "10.00", "0", "completed", "2024-01-05 10:00:00"],  # same bytes run together
        ["A 1 -5", "S1", "张 三 👨‍👩‍👧", "A", "t", "2", "1234567.89", "0.01", "completed", "2024-02-29 23:59:59"],
        ["e\u0301 7", "S1", "", "A", "t", "3", "0.00", "0", "completed", "2024-03-01 00:00:00"],
        ["9", "S1", "é", "", "猫粮 cat", "1", "5.50", "0", "completed", "2024-04-01 08:00:00"],  # by title, no SKU
    ]
    (tmp_path / "p.csv").write_text(csv_text(header, rows), encoding="utf-8")
    config = SalesConfig(files=["p.csv"], profile="platform", period={"start": "2024-01-01", "end": "2024-12-31"})
    result = engine.scan(tmp_path, config, [Product(name="x", skus=["A"], title_keywords=["猫粮"])])
    got = result.con.execute("SELECT order_id, sku, buyer, qty, amount, refund, ts::VARCHAR FROM kept_lines "
                             "ORDER BY order_id").fetchall()
    assert got == [
        ("1", "A", "23", 1, Decimal("10.00"), Decimal("0.00"), "2024-01-05 10:00:00"),
        ("12", "A", "3", 1, Decimal("10.00"), Decimal("0.00"), "2024-01-05 10:00:00"),
        ("9", None, "é", 1, Decimal("5.50"), Decimal("0.00"), "2024-04-01 08:00:00"),
        ("A 1 -5", "A", "张 三 👨‍👩‍👧", 2, Decimal("1234567.89"), Decimal("0.01"), "2024-02-29 23:59:59"),
        ("e\u0301 7", "A", None, 3, Decimal("0.00"), Decimal("0.00"), "2024-03-01 00:00:00"),
    ]


def test_thousands_of_counterfeit_skus_are_matched_by_a_hash_join(tmp_path):
    """SKU rules are a LEFT JOIN on a VALUES list: each matching row gets its own rule (and its
    product), no row is duplicated or lost, and the SKU list — not the export — is the build side."""
    dog = [f"D-{i:04d}" for i in range(3000)]
    cat = [f"C-{i:04d}" for i in range(1500)]
    rows = [
        ["1", "S1", "u1", "D-0000", "1", "10.00", "0", "completed", "2024-01-05 10:00:00"],  # first rule
        ["2", "S1", "u2", "C-1499", "2", "30.00", "0", "completed", "2024-01-06 10:00:00"],  # last rule
        ["3", "S1", "u3", "D-2999", "1", "12.00", "0", "completed", "2024-01-07 10:00:00"],
        ["4", "S1", "u4", "D-29999", "1", "99.00", "0", "completed", "2024-01-08 10:00:00"],  # prefix only
        ["5", "S1", "u5", "d-0001", "1", "99.00", "0", "completed", "2024-01-09 10:00:00"],  # case differs
        ["6", "S1", "u6", "", "1", "99.00", "0", "completed", "2024-01-10 10:00:00"],        # no SKU
        ["7", "S1", "u7", "D-0001", "x", "99.00", "0", "completed", "2024-01-11 10:00:00"],  # rejected
    ]
    (tmp_path / "p.csv").write_text(csv_text(HEADER, rows), encoding="utf-8")
    config = SalesConfig(files=["p.csv"], period={"start": "2024-01-01", "end": "2024-12-31"})
    products = [Product(name="dog food", skus=dog), Product(name="cat food", skus=cat)]
    result = engine.scan(tmp_path, config, products)
    assert result.rows_read == 7 and result.rejected == 1
    assert result.per_seller["S1"].excluded == {"not_counterfeit": 3}
    lines = result.con.execute("SELECT order_id, sku, product FROM kept_lines ORDER BY order_id").fetchall()
    assert lines == [("1", "D-0000", "dog food"), ("2", "C-1499", "cat food"), ("3", "D-2999", "dog food")]
    matched = {k: v for k, v in result.matched_by_rule.items() if v}
    assert matched == {"sku:D-0000": 1, "sku:C-1499": 1, "sku:D-2999": 1}
    assert len(result.matched_by_rule) == 4500
    # The plan: the export is probed against the SKU list (a RIGHT join would hash the export).
    con = result.con
    con.execute(engine.MAIN_PASS_SETTINGS)
    plan = "\n".join(r[1] for r in con.execute(f"EXPLAIN {result.sql[0]}").fetchall())
    con.execute(engine.RESET_MAIN_PASS_SETTINGS)
    assert "HASH_JOIN" in plan.replace(" ", "_").upper() and "RIGHT" not in plan, plan


def test_sku_map_and_sku_join_select_the_same_rows(tmp_path):
    """Up to SKU_MAP_MAX SKUs are looked up in a MAP, more with a join: same rows either way."""
    (tmp_path / "p.csv").write_text(csv_text(HEADER, _rows()), encoding="utf-8")
    config = SalesConfig(files=["p.csv"], period={"start": "2024-01-01", "end": "2024-12-31"})
    seen = {}
    for n in (engine.SKU_MAP_MAX, engine.SKU_MAP_MAX + 1):
        skus = ["A"] + [f"PAD-{i}" for i in range(n - 1)]
        result = engine.scan(tmp_path, config, [Product(name="x", skus=skus)])
        assert ("MAP {" in result.sql[0]) == (n == engine.SKU_MAP_MAX)
        assert ("LEFT JOIN" in result.sql[0]) == (n > engine.SKU_MAP_MAX)
        lines = result.con.execute("SELECT seller, order_id, sku, product FROM kept_lines ORDER BY ALL").fetchall()
        seen[n] = (lines, result.matched_by_rule["sku:A"], result.rejected)
    assert seen[engine.SKU_MAP_MAX] == seen[engine.SKU_MAP_MAX + 1]
    # By hand: 8 rows, SKU A on all but the second (B); the identical copy of order 2 is one line.
    assert seen[engine.SKU_MAP_MAX][1:] == (7, 0) and len(seen[engine.SKU_MAP_MAX][0]) == 6
