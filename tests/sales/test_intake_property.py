"""Property, through the CLI: over generated platform exports with malformed, duplicate and foreign
rows, `litigator sales` either fails with exit 2 (one error line) or reports every row read as kept,
excluded or rejected, and keeps exactly the rows an independent count below keeps — never a silent loss.

The count restates docs/sales.md in plain Python: a row is malformed when a check fails; an order id
in exponent notation fails the whole run (it lost digits); an export without a row of the case's
seller (S1) fails; valid rows are excluded for another seller, another SKU, outside 2024, a closed or
unpaid status, or a full refund; of the remaining copies of one (seller, order id, SKU) the first in
file order is kept. Amounts are compared as numbers (10 = 10.00), so copies differing only in how
a number is written are identical.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from support import run_cli

from .conftest import csv_text

HEADER = ["order_id", "seller_id", "buyer_id", "sku", "quantity", "amount", "refund", "status", "created"]
ROW = st.tuples(  # mostly sound rows (repeated values weigh more), each field sometimes broken
    st.sampled_from(["1", "2", "3", "4", "5", "6", ""] * 4 + ["3.87112E+18"]),  # duplicates likely, few broken
    st.sampled_from(["S1"] * 6 + ["S2", "S3", ""]),                            # the case's seller is S1
    st.sampled_from(["u1", "u2"]),
    st.sampled_from(["A", "A", "A", "B", "C"]),                                # A and B are counterfeit
    st.sampled_from(["1"] * 5 + ["2", "x", "-1", "1.5"]),
    st.sampled_from(["10", "10.00", "10.0", "25.50", "25.5"] * 2 + ["0.00", "-5.00", "abc"]),
    st.sampled_from(["0", "0.00", ""] * 3 + ["5", "5.00", "10.00", "-1"]),
    st.sampled_from(["completed"] * 4 + ["closed", "unpaid"]),
    st.sampled_from(["2024-01-15 10:00:00", "2024-06-30 23:59:59", "2024-12-31"] * 3
                    + ["2023-12-31 23:59:59", "2024-13-01", ""]),
)
# An export: rows, then copies of some of them (index, and a new amount or None for an exact copy).
EXPORT = st.tuples(st.lists(ROW, min_size=1, max_size=20),
                   st.lists(st.tuples(st.integers(0, 19), st.sampled_from([None, None, "10.00", "99.00"])),
                            max_size=8))


def num(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def when(text: str) -> datetime | None:
    for fmt in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            pass
    return None


def expected(rows: list[list[str]]):
    """(fails, kept, net, differ): whether the run must fail, the kept line count, their net amount,
    and whether some kept line has copies that differ."""
    if any("E+" in r[0] for r in rows) or not any(r[1] == "S1" for r in rows):
        return True, 0, Decimal(0), False
    kept: dict[tuple, tuple] = {}
    differ = False
    for order, seller, buyer, sku, qty, amount, refund, status, created in rows:
        q, a, r, t = num(qty), num(amount), (num(refund) if refund else Decimal(0)), when(created)
        if (not order or not seller or t is None or q is None or q < 0 or q != q.to_integral_value()
                or a is None or a < 0 or r is None or r < 0 or r > a):
            continue  # malformed
        if (seller != "S1" or sku not in ("A", "B") or not date(2024, 1, 1) <= t.date() <= date(2024, 12, 31)
                or status in ("closed", "unpaid") or (a > 0 and r >= a)):
            continue  # excluded
        content = (q, a, r, t, buyer)
        key = (seller, order, sku)
        if key in kept:
            differ = differ or kept[key] != content
            continue  # a later copy
        kept[key] = content
    return False, len(kept), sum((c[1] - c[2] for c in kept.values()), Decimal(0)), differ


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(export=EXPORT)
def test_the_cli_fails_or_accounts_for_every_row(make_case, export):
    base, copies = export
    rows = [list(r) for r in base]
    for index, amount in copies:
        copy = list(rows[index % len(base)])
        if amount is not None:
            copy[5] = amount
        rows.append(copy)
    folder = make_case({"sales/p.csv": csv_text(HEADER, rows)},
                       {"files": ["sales/p.csv"], "period": {"start": "2024-01-01", "end": "2024-12-31"}},
                       products=[{"name": "x", "skus": ["A", "B"]}], sellers=["S1"], needs_sales=False)
    res = run_cli("sales", folder.path, "--format", "json", "--accept-rejects")
    fails, kept, net, differ = expected(rows)
    event("refused" if fails else ("copies differ" if differ else "accounted"))
    assert "Traceback" not in res.err
    if fails:
        assert res.code == 2, (rows, res.out, res.err)
        assert len([ln for ln in res.err.splitlines() if ln.startswith("error: ")]) == 1, res.err
        return
    assert res.code == 0, (rows, res.err)
    data = json.loads(res.out)
    r = data["report"]
    assert r["rows_read"] == len(rows)
    assert r["rows_read"] == r["rows_kept"] + sum(r["excluded"].values()) + r["rejected"]
    assert r["rows_kept"] == kept, rows
    assert Decimal(data["totals"]["net"]) == net
    assert ("SALES_DUPLICATES_DIFFER" in data["warning_codes"]) == differ, (rows, data["warnings"])
