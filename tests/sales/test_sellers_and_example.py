"""Many sellers in one pass, and the example case's figures."""

from __future__ import annotations

import csv
import hashlib
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from litigator.casefile import load_case
from litigator.models import Product
from litigator.sales import summarise
from litigator.sales.engine import summarise_all_sellers
from litigator.sales.model import SalesConfig

from .conftest import csv_text

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "platform-v-seller"


def test_all_sellers_in_one_pass(tmp_path):
    header = ["order_id", "seller_id", "buyer_id", "sku", "quantity", "amount", "refund", "status", "created"]
    rows = [
        ["1", "S1", "u1", "A", "1", "10.00", "0", "completed", "2024-01-05 10:00:00"],
        ["2", "S1", "u2", "A", "2", "20.00", "5.00", "completed", "2024-02-05 10:00:00"],
        ["3", "S2", "u1", "A", "1", "10.00", "0", "completed", "2024-01-06 10:00:00"],
        ["4", "S2", "u3", "B", "1", "99.00", "0", "completed", "2024-01-07 10:00:00"],   # not counterfeit
        ["5", "S3", "u4", "A", "1", "10.00", "10.00", "completed", "2024-01-08 10:00:00"],  # fully refunded
        ["6", "S2", "u1", "A", "x", "10.00", "0", "completed", "2024-01-09 10:00:00"],   # malformed
        ["3", "S2", "u1", "A", "1", "10.00", "0", "completed", "2024-01-06 10:00:00"],   # duplicate of 3
    ]
    (tmp_path / "p.csv").write_text(csv_text(header, rows), encoding="utf-8")
    config = SalesConfig(files=["p.csv"], period={"start": "2024-01-01", "end": "2024-12-31"})
    out = summarise_all_sellers(tmp_path, config, [Product(name="x", skus=["A"])])
    assert sorted(out) == ["S1", "S2", "S3"]
    s1, s2, s3 = out["S1"], out["S2"], out["S3"]
    # S1: orders 1, 2 -> units 3, gross 30.00, refunds 5.00, net 25.00, 2 customers.
    assert (s1.totals.orders, s1.totals.units, s1.totals.net, s1.totals.customers) == (2, 3, Decimal("25.00"), 2)
    assert {(line.month, line.net) for line in s1.by_month} == {("2024-01", Decimal("10.00")),
                                                                ("2024-02", Decimal("15.00"))}
    # S2: order 3 once (its copy is a duplicate), order 4 not counterfeit, order 6 malformed.
    assert (s2.totals.orders, s2.totals.units, s2.totals.net) == (1, 1, Decimal("10.00"))
    assert s2.report.excluded == {"other_seller": 3, "not_counterfeit": 1, "duplicate": 1}
    assert s2.report.duplicate_order_ids == 1
    assert s3.totals.orders == 0 and s3.report.excluded == {"other_seller": 5, "fully_refunded": 1}
    for s in out.values():
        assert s.report.rows_read == 7 and s.report.rejected == 1 and s.report.reconciles


def test_example_generator_is_deterministic_and_committed(tmp_path):
    committed = (EXAMPLE / "sales" / "orders.csv").read_bytes()
    script = EXAMPLE / "sales" / "generate_orders.py"
    copy = tmp_path / "generate_orders.py"
    copy.write_text(script.read_text(encoding="utf-8"), encoding="utf-8")
    subprocess.run([sys.executable, str(copy)], check=True, cwd=tmp_path, timeout=60)
    assert hashlib.sha256((tmp_path / "orders.csv").read_bytes()).hexdigest() == hashlib.sha256(committed).hexdigest()


def test_example_case_totals():
    """Figures checked independently with the csv module (see the comment below)."""
    summary = summarise(load_case(EXAMPLE))
    # Independent recount: rows with 商家编码 in {PM-CAT-2K, PM-CAT-10K}, 订单创建时间 in 2024,
    # 订单状态 != 交易关闭 and 退款金额 < 买家实际支付金额: 1,340 orders, 1,650 units,
    # Σ(买家实际支付金额 − 退款金额) = 348,545.00.
    with open(EXAMPLE / "sales" / "orders.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    kept = [r for r in rows if r["商家编码"] in ("PM-CAT-2K", "PM-CAT-10K")
            and "2024-01-01" <= r["订单创建时间"][:10] <= "2024-12-31" and r["订单状态"] != "交易关闭"
            and Decimal(r["退款金额"]) < Decimal(r["买家实际支付金额"])]
    assert len(kept) == 1340
    t = summary.totals
    assert (t.orders, t.units, t.net) == (1340, 1650, Decimal("348545.00"))
    assert t.net == sum(Decimal(r["买家实际支付金额"]) - Decimal(r["退款金额"]) for r in kept)
    assert summary.report.rows_read == 3000 and summary.report.reconciles
    assert summary.files[0].first_line == 2 and summary.files[0].last_line == 3001
    # The notarised test purchase is among the kept orders.
    test_purchase = [r for r in rows if r["订单编号"] == '="3871120495512763041"']
    assert len(test_purchase) == 1 and test_purchase[0] in kept
    assert test_purchase[0]["买家实际支付金额"] == "129.00" and test_purchase[0]["订单创建时间"].startswith("2024-11-12")
