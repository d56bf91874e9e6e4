"""Calibration on a small fixture library: every expected figure below is computed by hand.

Fixture (all cn platform cases decided on the filing date, claimed 1,000,000, no stated sales, basis
discretionary, i.e. a compensatory measure like the case's goodwill claim):

| id | cause    | defendant        | category    | awarded | ratio | score (Σ w·s / 12)                  |
|----|----------|------------------|-------------|---------|-------|-------------------------------------|
| a  | contract | online_seller    | pet_supplies| 100,000 | 0.1   | 3+2+2+1+1+1+1 = 11 → 0.9167         |
| b  | contract | online_seller    | food        | 200,000 | 0.2   | 3+2+2+1+1+0+1 = 10 → 0.8333         |
| c  | contract | offline_seller   | pet_supplies|  50,000 | 0.05  | 3+2+0+1+1+1+1 =  9 → 0.7500         |
| d  | tort     | online_seller    | pet_supplies| 400,000 | 0.4   | 0+2+2+1+1+1+1 =  8 → 0.6667         |
| e  | unfair_c.| service_provider | services    | 900,000 | 0.9   | 0+2+0+1+1+0+1 =  5 → 0.4167 (too far)|

(weights: cause 3, measure 2, defendant 2, sales 2, claim 1, category 1, recency 1; sales unknown on the
precedents' side: 0.5 × 2 = 1; claim scale 1; recency 1.)
Weighted ratios sorted: 0.05 (0.75), 0.1 (0.9167), 0.2 (0.8333), 0.4 (0.6667); total weight 3.1667.
q25: 0.7917 → cumulative 0.75, 1.6667 → 0.1. q50: 1.5833 → 0.1. q75: 2.375 → 2.5 → 0.2.
Awards the same way: 25th 100,000; 75th 200,000. Over-claim factor 400,000 ÷ 100,000 = 4: a claim
above 800,000 is an over-claim. Fees (诉讼费用交纳办法 Art. 13): fee(1,000,000) = 13,800;
fee(200,000) = 50 + 2,250 + 2,000 = 4,300.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from damages_factories import PLATFORM, case, sales
from precedent_factories import award, precedent, write

from litigator import damages
from litigator.precedents import load
from litigator.precedents.calibration import calibrate, weighted_quantile

ON = dt.date(2026, 12, 1)
FIXTURE = [
    precedent("a", awarded=award("100000")),
    precedent("b", awarded=award("200000"), product_category="food"),
    precedent("c", awarded=award("50000"), defendant_type="offline_seller"),
    precedent("d", awarded=award("400000"), cause="tort"),
    precedent("e", awarded=award("900000"), cause="unfair_competition", defendant_type="service_provider",
              product_category="services"),
    precedent("brand", awarded=award("1000"), plaintiff_type="brand_owner", cause="trademark"),
]
SCENARIOS = {
    "base": {"goodwill": {"method": "revenue_multiple", "multiple": "1"}},
    "modest": {"goodwill": {"method": "fixed", "amount": "150000"}},
    "hopeful": {"goodwill": {"method": "fixed", "amount": "150000"}, "expected_award": "120000"},
    "sober": {"goodwill": {"method": "fixed", "amount": "150000"}, "expected_award": "20000"},
}


@pytest.fixture
def library(tmp_path):
    return load([write(tmp_path / "lib", *FIXTURE)], shipped=False)


def calibrated(library, **overrides):
    fields = {"scenarios": SCENARIOS, "filed_scenario": "base",
              "calibration": {"defendant_type": "online_seller", "product_category": "pet_supplies"}, **overrides}
    c = case(PLATFORM, **fields)
    s = sales(net="1000000.00")
    report = damages.compute(c, s, "fixture")
    return calibrate(report, c, s, library, ON)


def test_similarity_scores_and_neighbours_match_hand_computation(library):
    report = calibrated(library)
    got = {n.id: n.score for n in report.calibration.neighbours}
    assert got == {"a": "0.9167", "b": "0.8333", "c": "0.7500", "d": "0.6667"}  # e below 0.6; brand filtered
    assert [n.id for n in report.calibration.neighbours] == ["a", "b", "c", "d"]
    assert report.calibration.neighbours[1].features["product_category"] == "0"
    assert "CALIBRATION_FEW_NEIGHBOURS" not in report.warning_codes


def test_expected_award_is_claim_times_weighted_ratio_quartiles(library):
    base = calibrated(library).scenario("base").calibration
    assert (base.expected_award.low, base.expected_award.mid, base.expected_award.high) == \
        (D("100000.00"), D("100000.00"), D("200000.00"))
    assert base.estimator == "claim_ratio"
    modest = calibrated(library).scenario("modest").calibration
    assert (modest.expected_award.low, modest.expected_award.mid, modest.expected_award.high) == \
        (D("15000.00"), D("15000.00"), D("30000.00"))


def test_awarded_range_is_in_money_and_does_not_move_with_the_claim(library):
    report = calibrated(library)
    for name in ("base", "modest"):
        rng = report.scenario(name).calibration.awarded_range
        assert (rng.low, rng.high) == (D("100000.00"), D("200000.00"))


def test_over_claim_fires_above_factor_times_high_and_prices_the_excess(library):
    report = calibrated(library)
    base = report.scenario("base")
    assert base.calibration.over_claim is True
    assert base.calibration.over_claim_factor == "4.00"
    assert base.calibration.excess_fee == D("9500.00")  # 13,800 − 4,300
    warning = next(w for w, c in zip(base.warnings, base.warning_codes) if c == "OVER_CLAIM")
    assert "1,000,000.00" in warning and "200,000.00" in warning and "9,500.00" in warning
    assert "a (上海市奉贤区人民法院, 2026: claimed 1,000,000.00, awarded 100,000.00)" in warning


def test_over_claim_does_not_fire_on_a_claim_inside_the_awarded_range(library):
    modest = calibrated(library).scenario("modest")
    assert modest.calibration.over_claim is False
    assert "OVER_CLAIM" not in modest.warning_codes


def test_risk_prices_the_fee_borne_if_the_expected_amount_is_awarded(library):
    report = calibrated(library)
    base = next(r for r in report.risk if r.scenario == "base")
    assert base.case_fee == D("13800.00")
    assert base.expected_award == D("100000.00") and base.expected_award_source == "calibration"
    assert base.fee_borne_if_expected == D("12420.00")  # 13,800 − 13,800 × 100,000 ÷ 1,000,000
    row = next(r for r in report.scenario("base").fees.apportionment.rows if "calibrated" in r.label)
    assert (row.award, row.plaintiff_bears, row.defendant_bears) == (D("100000.00"), D("12420.00"), D("1380.00"))


def test_the_users_estimate_is_used_and_flagged_when_above_the_calibrated_high(library):
    report = calibrated(library)
    hopeful = next(r for r in report.risk if r.scenario == "hopeful")
    assert hopeful.expected_award == D("120000.00") and hopeful.expected_award_source == "user"
    assert hopeful.calibrated_mid == D("15000.00")
    # fee(150,000) = 50 + 2,250 + 1,000 = 3,300; plaintiff bears 3,300 − 3,300 × 120,000 ÷ 150,000 = 660
    assert hopeful.case_fee == D("3300.00") and hopeful.fee_borne_if_expected == D("660.00")
    assert "USER_ESTIMATE_ABOVE_CALIBRATED" in report.scenario("hopeful").warning_codes
    assert "USER_ESTIMATE_ABOVE_CALIBRATED" not in report.scenario("sober").warning_codes
    assert not any("calibrated" in r.label for r in report.scenario("hopeful").fees.apportionment.rows)


def test_the_claim_itself_is_never_changed(library):
    c = case(PLATFORM, scenarios=SCENARIOS, filed_scenario="base")
    s = sales(net="1000000.00")
    before = damages.compute(c, s, "fixture")
    after = calibrate(before, c, s, library, ON)
    for b, a in zip(before.scenarios, after.scenarios):
        assert (b.total, [h.amount for h in b.heads], b.fees.case_fee) == (a.total, [h.amount for h in a.heads],
                                                                          a.fees.case_fee)


def test_few_neighbours_warn_and_fall_back_to_the_population_figure(tmp_path):
    lib = load([write(tmp_path / "lib", precedent("x", plaintiff_type="brand_owner", cause="trademark"))],
               shipped=False)
    c = case(PLATFORM, claims=["trademark_infringement"], scenarios=SCENARIOS, filed_scenario="base")
    s = sales(net="1000000.00")
    report = calibrate(damages.compute(c, s, "t"), c, s, lib, ON)
    assert "CALIBRATION_FEW_NEIGHBOURS" in report.warning_codes
    cal = report.scenario("base").calibration
    assert cal.estimator == "population_ratio:P2"
    assert (cal.expected_award.low, cal.expected_award.mid, cal.expected_award.high) == \
        (D("100000.00"), D("200000.00"), D("300000.00"))
    assert "P2" in report.calibration.fallback


def test_no_candidate_means_no_calibration_and_a_warning(tmp_path):
    lib = load([write(tmp_path / "lib", precedent("x", plaintiff_type="brand_owner", cause="trademark"))],
               shipped=False)
    c = case(PLATFORM, scenarios=SCENARIOS, filed_scenario="base")
    s = sales(net="1000000.00")
    report = calibrate(damages.compute(c, s, "t"), c, s, lib, ON)
    assert report.calibration is None and report.risk is None
    assert "CALIBRATION_UNAVAILABLE" in report.warning_codes


def test_exemplary_cases_are_left_out_unless_included_then_at_half_weight(tmp_path):
    records = [precedent(p, awarded=award("100000")) for p in ("p1", "p2", "p3")]
    records.append(precedent("typical", awarded=award("1000000"), selection="exemplary"))
    lib = load([write(tmp_path / "lib", *records)], shipped=False)
    assert "typical" not in [n.id for n in calibrated(lib).calibration.neighbours]
    report = calibrated(lib, calibration={"defendant_type": "online_seller", "product_category": "pet_supplies",
                                          "include_exemplary": True})
    assert "typical" in [n.id for n in report.calibration.neighbours]
    assert "CALIBRATION_EXEMPLARY" in report.warning_codes
    # ratios 0.1 (weight 0.9167 each, three times) and 1.0 (weight 0.9167 × 0.5): q75 target
    # 0.75 × 3.2085 = 2.4063 → cumulative 0.9167, 1.8334, 2.7501 at 0.1
    assert report.scenario("base").calibration.expected_award.high == D("100000.00")


def test_revenue_scaling_of_awards_where_both_sides_state_sales(tmp_path):
    sold = {"amount": "2000000", "currency": "CNY", "note": "fixture"}
    records = [precedent(p, awarded=award("100000"), sales=sold) for p in ("r1", "r2", "r3")]
    lib = load([write(tmp_path / "lib", *records)], shipped=False)
    rng = calibrated(lib).scenario("base").calibration.awarded_range
    assert (rng.low, rng.high) == (D("50000.00"), D("50000.00"))  # 100,000 × 1,000,000 ÷ 2,000,000


def test_weighted_quantile_by_hand():
    pairs = [(D("3"), D("1")), (D("1"), D("1")), (D("2"), D("2"))]  # sorted: 1 (1), 2 (2), 3 (1); total 4
    assert weighted_quantile(pairs, D("0.25")) == D("1")  # target 1 → cumulative 1
    assert weighted_quantile(pairs, D("0.5")) == D("2")   # target 2 → 1, 3
    assert weighted_quantile(pairs, D("0.75")) == D("2")  # target 3 → 3
    assert weighted_quantile(pairs, D("0.76")) == D("3")
