"""The US pack's damages (15 U.S.C. § 1117) per defendant: golden figures computed by hand, and each guard and
warning triggered. Limits come from litigator/forums/us/law.yaml (filing date 2026-03-02: $1,000–$200,000 per
counterfeit mark per type of goods, $2,000,000 if willful)."""

from __future__ import annotations

import copy
from decimal import Decimal as D
from pathlib import Path

import pytest
from pydantic import ValidationError

from litigator.errors import DamagesError
from litigator.forums.us import rules
from litigator.forums.us.model import UsCase

MARKS = [
    {"id": "N", "text": "NORTHWIND", "registration": "9100001", "classes": [18, 25],
     "goods": {"outerwear": "jackets", "bags": "backpacks"}, "notice": True},
    {"id": "C", "text": "Compass Rose Design", "registration": "9100002", "classes": [25],
     "goods": {"outerwear": "jackets"}, "notice": True},
]
PRODUCTS = [
    {"id": "jacket", "name": "Ridge jacket", "goods_type": "outerwear", "marks": ["N", "C"],
     "genuine": {"description": "genuine"}, "accused": {"description": "fake"}},
    {"id": "parka", "name": "Parka", "goods_type": "outerwear", "marks": ["N"],
     "genuine": {"description": "genuine"}, "accused": {"description": "fake"}},
    {"id": "backpack", "name": "Trailhead", "goods_type": "bags", "marks": ["N"],
     "genuine": {"description": "genuine"}, "accused": {"description": "fake"}},
]
BUY = {"date": "2026-01-12", "order": "O-1", "amount": "49.00", "shipped_to": "Chicago, Illinois",
       "in_district": True}


def store(sid: str, products: list[str], sales: str | None = None, **extra) -> dict:
    s = {"id": sid, "alias": f"Store {sid}", "seller_id": f"S{sid}", "platform": "Amazon",
         "url": f"https://example.com/{sid}", "products": products, "test_buy": dict(BUY), **extra}
    if sales is not None:
        s["sales"] = {"amount": sales, "source": "platform records"}
    return s


def case(scenario: dict, stores: list[dict], **extra) -> UsCase:
    data = {"jurisdiction": "us", "district": "Northern District of Illinois", "state": "Illinois",
            "plaintiff": {"name": "Northwind Outdoor Gear, Inc."}, "counsel": [{"name": "J. Example"}],
            "marks": copy.deepcopy(MARKS), "products": copy.deepcopy(PRODUCTS), "defendants": stores,
            "joinder": ["same products"], "scenarios": {"s": scenario}, "filing_date": "2026-03-02", **extra}
    return UsCase.model_validate(data)


def run(c: UsCase, tmp_path: Path):
    report = rules.compute(c, None, str(tmp_path))
    s = report.scenario("s")
    # the contract: each defendant's total is the sum of its heads; the scenario's heads and total their sums
    for d in s.defendants:
        assert d.total == sum((h.amount for h in d.heads), D(0))
    assert s.total == sum((d.total for d in s.defendants), D(0))
    for h in s.heads:
        assert h.amount == sum((x.amount for d in s.defendants for x in d.heads if x.code == h.code), D(0))
    return report, s


def fig(s, sid: str, code: str) -> D | None:
    d = next(d for d in s.defendants if d.id == sid)
    h = next((h for h in d.heads if h.code == code), None)
    return h.amount if h else None


WILLFUL = {"willfulness": {"facts": ["relisted after takedown"]}}


# -- § 1117(c) ------------------------------------------------------------------------------------


def test_statutory_counts_per_counterfeit_mark_per_type_of_goods(tmp_path):
    # store 1: jacket (N, C on outerwear) + backpack (N on bags) = 3 pairs; store 2: jacket + parka: the parka's
    # (N, outerwear) is the jacket's pair again, so 2 pairs; store 3: backpack only = 1 pair
    sc = {"remedy": "statutory", "model": "per_mark_per_type", "amount": "10000"}
    _, s = run(case(sc, [store("1", ["jacket", "backpack"]), store("2", ["jacket", "parka"]),
                         store("3", ["backpack"])]), tmp_path)
    assert [fig(s, i, "statutory_damages") for i in "123"] == [D("30000"), D("20000"), D("10000")]
    assert s.total == D("60000.00")
    d1 = s.defendants[0]
    assert (d1.range.low, d1.range.high) == (D("3000"), D("600000"))
    assert "10,000.00 × 3 (counterfeit mark × type of goods" in d1.heads[0].formula


def test_non_willful_and_willful_maxima(tmp_path):
    stores = [store("1", ["jacket", "backpack"])]
    top = {"remedy": "statutory", "model": "per_mark_per_type", "amount": "200000"}
    _, s = run(case(top, stores), tmp_path)
    assert s.total == D("600000.00") and s.heads[0].basis == "15 U.S.C. § 1117(c)(1)"
    with pytest.raises(DamagesError, match=r"200,000.01 .* outside 1,000.00–200,000.00"):
        run(case({**top, "amount": "200000.01"}, stores), tmp_path)
    willful = {**top, "amount": "2000000", "willful": True}
    _, s = run(case(willful, stores, **WILLFUL), tmp_path)
    assert s.total == D("6000000.00") and s.heads[0].basis == "15 U.S.C. § 1117(c)(2)"
    assert s.defendants[0].range.high == D("6000000")
    assert "WILLFUL_CLAIMED" in s.warning_codes
    with pytest.raises(DamagesError, match="outside 1,000.00–2,000,000.00"):
        run(case({**willful, "amount": "2000000.01"}, stores, **WILLFUL), tmp_path)


def test_willful_needs_stated_evidence_never_a_default(tmp_path):
    sc = {"remedy": "statutory", "model": "per_mark_per_type", "amount": "1000000", "willful": True}
    with pytest.raises(ValidationError, match="willful use, which needs stated evidence"):
        case(sc, [store("1", ["jacket"])])
    # and without `willful`, the cap is the non-willful one
    with pytest.raises(DamagesError, match="outside 1,000.00–200,000.00"):
        run(case({**sc, "willful": False}, [store("1", ["jacket"])], **WILLFUL), tmp_path)


def test_per_defendant_model_sits_in_the_store_range(tmp_path):
    sc = {"remedy": "statutory", "model": "per_defendant", "amount": "25000"}
    _, s = run(case(sc, [store("1", ["backpack"]), store("2", ["jacket", "backpack"])]), tmp_path)
    assert [d.total for d in s.defendants] == [D("25000"), D("25000")]
    assert [(d.range.low, d.range.high) for d in s.defendants] == [(D("1000"), D("200000")), (D("3000"), D("600000"))]
    with pytest.raises(DamagesError, match=r"defendant 2 .* 2,500.00 per defendant is outside .* 3,000.00–600,000.00"):
        run(case({**sc, "amount": "2500"}, [store("1", ["backpack"]), store("2", ["jacket", "backpack"])]),
            tmp_path)


def test_sales_multiple_model_with_clamp_and_without_sales(tmp_path):
    sc = {"remedy": "statutory", "model": "sales_multiple", "multiple": "3", "without_sales": "minimum"}
    stores = [store("1", ["jacket"], "4180.00"), store("2", ["backpack"], "155.00"), store("3", ["jacket"])]
    _, s = run(case(sc, stores), tmp_path)
    # 3 × 4,180.00 = 12,540.00 (2 pairs: 2,000–400,000); 3 × 155.00 = 465.00 → the minimum 1,000.00;
    # no sales: the minimum 1,000 × 2 pairs
    assert [d.total for d in s.defendants] == [D("12540.00"), D("1000.00"), D("2000.00")]
    assert {"STATUTORY_CLAMPED", "STATUTORY_MINIMUM_APPLIED"} <= set(s.warning_codes)
    with pytest.raises(DamagesError, match="defendant 3 .* no proven sales"):
        run(case({**sc, "without_sales": "error"}, stores), tmp_path)


def test_a_figure_far_above_proven_sales_warns_citing_the_cuts_and_that_hb_feeder_is_copyright(tmp_path):
    sc = {"remedy": "statutory", "model": "per_defendant", "amount": "50000"}
    _, s = run(case(sc, [store("1", ["backpack"], "666.42"), store("2", ["backpack"])]), tmp_path)
    text = next(w for w in s.warnings if w.startswith("STATUTORY_ABOVE_SALES"))
    assert "defendant 1 (Store 1): 50,000.00 is more than 3 × its proven sales of 666.42" in text
    assert "HB Feeder" in text and "COPYRIGHT case" in text and "Luxottica" in text and "trademark case" in text
    assert "STATUTORY_NO_SALES" in s.warning_codes   # store 2: above the minimum with no sales at all
    # the threshold is an option
    _, s = run(case(sc, [store("1", ["backpack"], "666.42")], proportionality={"sales_multiple": "100"}), tmp_path)
    assert "STATUTORY_ABOVE_SALES" not in s.warning_codes


def test_statutory_only_for_goods_within_the_registration_and_the_principal_register(tmp_path):
    sc = {"remedy": "statutory", "model": "per_mark_per_type", "amount": "1000"}
    c = case(sc, [store("1", ["backpack"])])
    c.products[2].marks = ["N", "C"]   # C covers only outerwear: the backpack's C is outside its registration
    _, s = run(c, tmp_path)
    assert s.total == D("1000.00") and "GOODS_OUTSIDE_REGISTRATION" in s.warning_codes
    c = case(sc, [store("1", ["jacket"])])
    c.marks[1].on_register = "supplemental"
    _, s = run(c, tmp_path)
    assert s.total == D("1000.00") and "SUPPLEMENTAL_REGISTER" in s.warning_codes
    c = case(sc, [store("1", ["jacket"])])
    for m in c.marks:
        m.on_register = "supplemental"
    _, s = run(c, tmp_path)
    assert s.total == 0 and s.defendants[0].heads == [] and "STATUTORY_NO_PAIR" in s.warning_codes


def test_a_product_of_an_unregistered_goods_type_is_refused():
    c = copy.deepcopy(PRODUCTS)
    c[0]["goods_type"] = "hats"
    with pytest.raises(ValidationError, match="goods_type 'hats' is in no mark's `goods`"):
        UsCase.model_validate({"jurisdiction": "us", "district": "N.D. Ill.", "plaintiff": {"name": "P"},
                               "counsel": [{"name": "C"}], "marks": MARKS, "products": c,
                               "defendants": [store("1", ["jacket"])],
                               "scenarios": {"s": {"remedy": "statutory", "model": "per_defendant", "amount": "1"}}})


# -- § 1117(a), (b) -------------------------------------------------------------------------------


def test_treble_the_greater_of_profits_or_damages_with_the_fee_vs_the_statutory_election(tmp_path):
    sc = {"remedy": "actual", "treble": True, "attorney_fee": "1000.01"}
    stores = [store("1", ["jacket"], "4180.00", actual_damages="1000"),
              store("2", ["jacket"], "1000.00", actual_damages="5000")]
    _, s = run(case(sc, stores, **WILLFUL), tmp_path)
    assert fig(s, "1", "treble_damages") == D("12540.00")   # 3 × max(4,180.00, 1,000.00)
    assert fig(s, "2", "treble_damages") == D("15000.00")   # 3 × max(1,000.00, 5,000.00)
    assert [fig(s, i, "attorney_fee") for i in "12"] == [D("500.01"), D("500.00")]
    assert s.total == D("28540.01")
    assert fig(s, "1", "profits") is None    # trebling replaces § 1117(a)'s heads
    assert "TREBLE_EXTENUATING" in s.warning_codes
    # the statutory election instead (3 × sales): § 1117(c) is not trebled and carries no § 1117(b) fee
    stat = {"remedy": "statutory", "model": "sales_multiple", "multiple": "3"}
    _, st = run(case(stat, stores), tmp_path)
    assert [d.total for d in st.defendants] == [D("12540.00"), D("3000.00")]
    with pytest.raises(ValidationError, match="elected instead of actual damages"):
        case({**stat, "attorney_fee": "1000"}, stores)
    with pytest.raises(ValidationError, match="needs knowing use of a counterfeit"):
        case(sc, stores)


def test_extenuating_circumstances_option(tmp_path):
    sc = {"remedy": "actual", "treble": True, "extenuating": True, "attorney_fee": "1000"}
    _, s = run(case(sc, [store("1", ["jacket"], "4180.00")], **WILLFUL), tmp_path)
    assert s.total == D("4180.00") and fig(s, "1", "treble_damages") is None and fig(s, "1", "attorney_fee") is None
    assert "EXTENUATING_SET" in s.warning_codes


def test_profits_are_sales_only_and_never_enhanced_as_a_penalty(tmp_path):
    sc = {"remedy": "actual", "damages_multiple": "3"}
    _, s = run(case(sc, [store("1", ["jacket"], "4180.00", actual_damages="1000")]), tmp_path)
    assert fig(s, "1", "profits") == D("4180.00")          # not × 3: the enhancement is for damages only
    assert fig(s, "1", "actual_damages") == D("3000.00")   # 1,000.00 × 3
    assert s.total == D("7180.00") and "PROFITS_GROSS_SALES" in s.warning_codes
    assert s.defendants[0].range.high == D("7180.00")
    with pytest.raises(DamagesError, match="not exceeding three times"):
        run(case({**sc, "damages_multiple": "3.5"}, [store("1", ["jacket"], "4180.00", actual_damages="1")]),
            tmp_path)
    with pytest.raises(ValidationError, match="only as compensation, never as a penalty"):
        case({"remedy": "actual", "profits_adjustment": "2"}, [store("1", ["jacket"], "10")])
    adjusted = {"remedy": "actual", "profits_adjustment": "1.5",
                "profits_adjustment_reason": "the platform data cover only 4 of 12 months"}
    _, s = run(case(adjusted, [store("1", ["jacket"], "4180.00")]), tmp_path)
    assert fig(s, "1", "profits") == D("6270.00") and "PROFITS_ADJUSTED" in s.warning_codes
    assert "compensation and not a penalty" in next(w for w in s.warnings if w.startswith("PROFITS_ADJUSTED"))


def test_no_profits_or_damages_without_registration_notice_or_actual_notice(tmp_path):
    sc = {"remedy": "actual"}
    c = case(sc, [store("1", ["jacket"], "4180.00"), store("2", ["jacket"], "100.00", actual_notice="takedown")])
    for m in c.marks:
        m.notice = False
    _, s = run(c, tmp_path)
    assert s.defendants[0].heads == [] and "NO_REGISTRATION_NOTICE" in s.warning_codes
    assert fig(s, "2", "profits") == D("100.00")   # actual notice (a takedown) suffices


# -- fees and interest ----------------------------------------------------------------------------


def test_filing_fee_is_dated_data(tmp_path):
    sc = {"remedy": "statutory", "model": "per_defendant", "amount": "1000"}
    _, s = run(case(sc, [store("1", ["backpack"])]), tmp_path)
    assert s.fees.case_fee == D("405") and s.fees.case_fee_formula == "350.00 + 55.00 = 405.00"
    assert "28 U.S.C. § 1914(a)" in s.fees.case_fee_basis
    _, s = run(case(sc, [store("1", ["backpack"])], filing_date="2023-11-30"), tmp_path)
    assert s.fees.case_fee is None and "FILING_FEE_UNKNOWN" in s.warning_codes


INTEREST = {"rate": "8", "source": "26 U.S.C. § 6621(a)(2) rate for the period (user input)",
            "start": "2025-03-02", "end": "2026-03-02"}


def test_interest_only_at_a_given_rate_none_on_statutory_by_default(tmp_path):
    stores = [store("1", ["jacket"], "4180.00")]
    _, s = run(case({"remedy": "actual", "treble": True, "interest": INTEREST}, stores, **WILLFUL), tmp_path)
    assert fig(s, "1", "prejudgment_interest") == D("1003.20")   # 12,540.00 × 8% × 365/365
    assert "INTEREST_RATE_SOURCE" in s.warning_codes
    assert "26 U.S.C. § 6621(a)(2)" in next(w for w in s.warnings if w.startswith("INTEREST_RATE_SOURCE"))
    stat = {"remedy": "statutory", "model": "per_defendant", "amount": "10000", "interest": INTEREST}
    _, s = run(case(stat, stores), tmp_path)
    assert fig(s, "1", "prejudgment_interest") is None
    on = {**stat, "interest": {**INTEREST, "on_statutory": True}}
    _, s = run(case(on, stores, circuit=7), tmp_path)
    assert fig(s, "1", "prejudgment_interest") == D("800.00") and "INTEREST_STATUTORY_CIRCUITS" in s.warning_codes
    _, s = run(case(on, stores, circuit=9), tmp_path)
    assert fig(s, "1", "prejudgment_interest") is None and "INTEREST_STATUTORY_CIRCUITS" in s.warning_codes
    _, s = run(case({"remedy": "actual", "interest": INTEREST}, stores), tmp_path)
    assert fig(s, "1", "prejudgment_interest") == D("334.40") and "INTEREST_DISCRETIONARY" in s.warning_codes
    with pytest.raises(ValidationError, match="source"):
        case({"remedy": "actual", "interest": {"rate": "8", "start": "2025-03-02"}}, stores)


# -- the filing -----------------------------------------------------------------------------------


def test_a_store_without_a_test_buy_in_the_district_and_missing_joinder_facts_are_flagged(tmp_path):
    sc = {"remedy": "statutory", "model": "per_defendant", "amount": "2000"}
    away = store("2", ["jacket"])
    away["test_buy"]["in_district"] = False
    away["test_buy"]["shipped_to"] = "Madison, Wisconsin"
    c = case(sc, [store("1", ["jacket"]), away, {**store("3", ["jacket"]), "test_buy": None}], joinder=[])
    report, _ = run(c, tmp_path)
    flagged = [w for w in report.warnings if w.startswith("NO_FORUM_TEST_BUY")]
    assert len(flagged) == 2 and "defendant 2" in flagged[0] and "Madison, Wisconsin" in flagged[0]
    assert "defendant 3" in flagged[1] and "no test buy" in flagged[1]
    assert "JOINDER_FACTS" in report.warning_codes


def test_every_limit_lives_in_law_yaml():
    """The statutory amounts are written once, in law.yaml (the code reads them from there)."""
    from support import ROOT

    for path in (ROOT / "litigator" / "forums" / "us").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        for figure in ("200000", "200,000", "2000000", "2,000,000", "405", "350"):
            assert figure not in text, f"{path.name} writes {figure}"
