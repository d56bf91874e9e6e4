"""Calibration on the shipped library: the examples and a case shaped like Taobao v. Yao."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal as D

from damages_factories import PLATFORM, case, sales
from support import EXAMPLES, run_cli

from litigator import damages
from litigator.forums.cn.fees import case_acceptance_fee
from litigator.precedents import load
from litigator.precedents.calibration import calibrate


def test_platform_example_shows_neighbours_range_risk_and_over_claims_of_revenue_multiples():
    result = run_cli("damages", EXAMPLES / "platform-v-seller", "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    ids = [n["id"] for n in data["calibration"]["neighbours"]]
    assert "taobao-v-yao-royalcanin-2017" in ids and len(ids) >= 3
    over = {s["name"]: s["calibration"]["over_claim"] for s in data["scenarios"]}
    assert over == {"conservative": False, "base": True, "aggressive": True}  # base, aggressive: × revenue
    base = next(s for s in data["scenarios"] if s["name"] == "base")
    warning = next(w for w in base["warnings"] if w.startswith("OVER_CLAIM"))
    assert "taobao-v-yao-royalcanin-2017" in warning and "claimed 2,670,000.00, awarded 120,000.00" in warning
    high = D(base["calibration"]["awarded_range"]["high"])
    assert D(base["calibration"]["excess_fee"]) == case_acceptance_fee(D(base["total"])) - case_acceptance_fee(high)
    assert [r["scenario"] for r in data["risk"]] == ["conservative", "base", "aggressive"]
    for row in data["risk"]:
        e = next(s["calibration"]["expected_award"] for s in data["scenarios"] if s["name"] == row["scenario"])
        assert D(e["low"]) <= D(row["expected_award"]) == D(e["mid"]) <= D(e["high"]) <= D(row["claim"])


def test_platform_example_table_prints_the_calibration_below_the_scenarios():
    result = run_cli("damages", EXAMPLES / "platform-v-seller")
    assert result.code == 0, result.err
    out = result.out
    assert out.index("Comparison") < out.index("Most similar precedents") < out.index("Calibration") \
        < out.index("Risk")
    assert "taobao-v-yao-royalcanin-2017" in out
    assert "base: OVER_CLAIM" in result.err and "conservative: OVER_CLAIM" not in result.err


def test_calibration_never_reaches_the_complaint(tmp_path):
    result = run_cli("draft", EXAMPLES / "platform-v-seller", "-o", tmp_path, "--only", "complaint")
    assert result.code == 0, result.err
    import docx

    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "complaint.docx")).paragraphs)
    for word in ("taobao-v-yao", "calibrat", "OVER_CLAIM", "预计判赔"):
        assert word not in text


def test_over_claim_fires_on_a_platform_case_shaped_like_yao():
    """Taobao v. Yao: 14,402 customers × RMB 184 + 20,000 expenses ≈ 2,670,000 claimed; 120,000 awarded."""
    c = case(PLATFORM, scenarios={"per_customer": {"goodwill": {"method": "per_customer",
                                                                "value_per_customer": "184.00"}}},
             expenses=[{"kind": "attorney_fee", "amount": "20000.00", "exhibit": "evidence/07-engagement.txt"}],
             defendants=[{"name": "姚某", "kind": "person", "shops": [{"name": "某宠物用品店", "platform": "淘宝网"}]}],
             calibration={"product_category": "pet_supplies"}, filing_date="2017-03-03")
    s = sales(orders=14402, units=14402, customers=14402, gross="1425798.00", refunds="0.00", net="1425798.00")
    report = calibrate(damages.compute(c, s, "yao-shaped"), c, s, load(), dt.date(2017, 3, 3))
    scenario = report.scenario("per_customer")
    assert scenario.total == D("2669968.00")  # 14,402 × 184 + 20,000
    assert scenario.calibration.over_claim is True
    assert "OVER_CLAIM" in scenario.warning_codes
    assert scenario.calibration.expected_award.mid < D("500000")
