"""The law in force by date: golden figures computed by hand from the statutes' texts.

Sources: ../shared/domain/cn/law-versions.md §1 (trademark texts: 2001 Art. 56 cap 500,000, no punitive;
2013 Art. 63 1–3×, cap 3,000,000; 2019 Art. 63 1–5×, cap 5,000,000; 2026 Art. 77 from 2027-01-01),
§2–3 (合同法 before 2021-01-01), §4.4 (AUCL 2025 Art. 22), §6 (limitation), §7 (court fees), §8 (CPL).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from damages_factories import BRAND, PLATFORM, case, sales, scenario_case

from litigator.damages import compute
from litigator.errors import DamagesError
from litigator.forums.cn.fees import case_acceptance_fee

TM = "《中华人民共和国商标法》"


def trademark(cfg: dict, start: str, end: str, filing: str = "2026-12-01", **over):
    conduct = {"start": start, "end": end, "knowledge": [{"fact": "警告后继续销售"}],
               "intent": [{"fact": "假冒"}], "serious": [{"fact": "以侵权为业"}]}
    c = scenario_case(BRAND, {"trademark": cfg}, conduct=conduct, filing_date=filing, **over)
    s = sales(orders=100, units=100, customers=90, gross="10000.00", refunds="0.00", net="10000.00",
              first=dt.date.fromisoformat(start), last=dt.date.fromisoformat(end))
    return compute(c, s, "t").scenario("s")


def statutory(amount: str, **kw):
    return {"method": "statutory", "statutory_amount": amount,
            "not_determinable": {"actual_loss": "a", "infringer_profit": "b", "licence_fee": "c"}, **kw}


# -- trademark, 2013 text (conduct 2018-03 to 2019-06) ------------------------------------------------

def test_2018_conduct_allows_three_times_and_refuses_four():
    r = trademark({"method": "actual_loss", "punitive_multiple": "3"}, "2018-03-01", "2019-06-30")
    # base: 100 units × 50.00 (the right holder's unit profit) = 5,000.00; × 3 = 15,000.00
    assert r.head("trademark_damages").amount == D("15000.00")
    assert f"{TM}（2013年修正）第六十三条第一款" in r.head("trademark_damages").basis
    assert "第一千一百八十五条" not in r.head("trademark_damages").basis  # the Civil Code's Art. 1185 is from 2021
    with pytest.raises(DamagesError) as e:
        trademark({"method": "actual_loss", "punitive_multiple": "4"}, "2018-03-01", "2019-06-30")
    assert "outside 1–3" in e.value.what and "2013年修正" in e.value.what and "第六十三条第一款" in e.value.what
    assert e.value.where == "scenarios.s.trademark.punitive_multiple"


def test_2018_conduct_statutory_cap_is_three_million():
    r = trademark(statutory("3000000"), "2018-03-01", "2019-06-30")
    assert r.head("trademark_damages").amount == D("3000000.00")
    assert r.head("trademark_damages").formula == "3,000,000.00（法定赔偿，不超过3,000,000.00）"
    assert r.head("trademark_damages").basis.startswith(f"{TM}（2013年修正）第六十三条第三款")
    with pytest.raises(DamagesError) as e:
        trademark(statutory("3000001"), "2018-03-01", "2019-06-30")
    assert "3,000,000.00" in e.value.what and "2013年修正" in e.value.what and "第六十三条第三款" in e.value.what


# -- trademark, 2019 text (conduct 2024) --------------------------------------------------------------

def test_2024_conduct_allows_five_times_and_five_million():
    r = trademark({"method": "actual_loss", "punitive_multiple": "5"}, "2024-01-01", "2024-12-31")
    assert r.head("trademark_damages").amount == D("25000.00")  # 5,000.00 × 5
    basis = r.head("trademark_damages").basis
    assert basis.startswith(f"{TM}第六十三条第一款") and "第一千一百八十五条" in basis  # no label: in force at filing
    r = trademark(statutory("5000000"), "2024-01-01", "2024-12-31")
    assert r.head("trademark_damages").amount == D("5000000.00")
    with pytest.raises(DamagesError):
        trademark(statutory("5000000.01"), "2024-01-01", "2024-12-31")


# -- trademark, 2001 text (conduct 2013) --------------------------------------------------------------

def test_2013_conduct_has_no_punitive_multiple_and_a_half_million_cap():
    with pytest.raises(DamagesError) as e:
        trademark({"method": "actual_loss", "punitive_multiple": "1"}, "2013-01-01", "2013-12-31")
    assert "not available" in e.value.what and "2001年修正" in e.value.what and "第五十六条" in e.value.what
    r = trademark(statutory("500000"), "2013-01-01", "2013-12-31")
    assert r.head("trademark_damages").basis.startswith(f"{TM}（2001年修正）第五十六条第二款")
    assert r.liability_basis == [f"{TM}（2001年修正）第五十二条第（二）项"]
    with pytest.raises(DamagesError) as e:
        trademark(statutory("500000.01"), "2013-01-01", "2013-12-31")
    assert "500,000.00" in e.value.what


def test_conduct_straddling_2014_falls_wholly_under_the_2013_text_by_the_spc_rule():
    r = trademark({"method": "actual_loss", "punitive_multiple": "3"}, "2013-06-01", "2014-08-31")
    assert "2013年修正" in r.head("trademark_damages").basis
    w = next(t for t in r.warnings if t.startswith("LAW_STRADDLE"))
    assert "2014-05-01" in w and "第九条" in w and "law.straddle" not in w  # a rule, not an option


# -- trademark, across the 2026 revision (in force 2027-01-01) ---------------------------------------

def test_conduct_from_2026_10_to_2027_03_uses_the_documented_default_and_warns():
    r = trademark({"method": "actual_loss"}, "2026-10-01", "2027-03-31", filing="2027-04-15")
    head = r.head("trademark_damages")
    assert head.basis.startswith(f"{TM}第七十七条第一款")  # the 2026 text, in force at filing: no label
    assert r.liability_basis == [f"{TM}第七十二条第（三）项"]
    w = next(t for t in r.warnings if t.startswith("LAW_STRADDLE"))
    assert "2027-01-01" in w and "law.straddle is new_law" in w and "old_law" in w
    old = trademark({"method": "actual_loss"}, "2026-10-01", "2027-03-31", filing="2027-04-15",
                    law={"straddle": "old_law"})
    assert old.head("trademark_damages").basis.startswith(f"{TM}（2019年修正）第六十三条第一款")


def test_2026_text_makes_loss_and_profit_alternatives():
    r = trademark({"method": "infringer_profit"}, "2027-02-01", "2027-03-31", filing="2027-04-15")
    assert "METHOD_ORDER" not in r.warning_codes
    r = trademark({"method": "infringer_profit"}, "2024-02-01", "2024-03-31")
    assert "METHOD_ORDER" in r.warning_codes


# -- unfair competition, 2025 text ------------------------------------------------------------------------

def test_aucl_2025_cites_article_22_with_no_input():
    uc = {"conduct": "confusion", "method": "actual_loss", "amount": "80000", "evidence": "e/loss.pdf"}
    c = scenario_case(BRAND, {"unfair_competition": uc}, cause="不正当竞争纠纷",
                      claims=["unfair_competition", "reasonable_expenses"], marks=[],
                      conduct={"start": "2025-11-01", "end": "2026-06-30", "knowledge": [{"fact": "x"}]})
    r = compute(c, None, "t").scenario("s")
    assert r.head("unfair_competition_damages").basis == "《中华人民共和国反不正当竞争法》第二十二条第三款"
    assert r.liability_basis == ["《中华人民共和国反不正当竞争法》第七条",
                                 "《中华人民共和国反不正当竞争法》第二十二条第一款"]


# -- contract before the Civil Code ------------------------------------------------------------------------

def test_2016_contract_case_cites_the_contract_law():
    c = scenario_case(PLATFORM, {"goodwill": {"method": "revenue_multiple", "multiple": "1"}},
                      expenses=[{"kind": "notarization", "amount": "3000.00", "exhibit": "e/n.txt"}],
                      conduct={"start": "2015-03-01", "end": "2016-10-12"})
    r = compute(c, sales(), "t").scenario("s")
    law = "《中华人民共和国合同法》"
    assert r.liability_basis == [f"{law}第八条", f"{law}第六十条", f"{law}第一百零七条"]
    assert r.head("goodwill_loss").basis == f"{law}第一百零七条、第一百一十三条"
    assert r.head("reasonable_expenses").basis == f"{law}第一百一十三条、第一百一十九条第二款"
    assert all("民法典" not in p for p in r.legal_basis)


def test_contract_conduct_continuing_into_2021_falls_under_the_civil_code():
    c = scenario_case(PLATFORM, {"goodwill": {"method": "revenue_multiple", "multiple": "1"}},
                      conduct={"start": "2020-06-01", "end": "2021-03-31"})
    r = compute(c, sales(), "t").scenario("s")
    assert r.head("goodwill_loss").basis == "《中华人民共和国民法典》第五百七十七条、第五百八十四条"
    w = next(t for t in r.warnings if t.startswith("LAW_STRADDLE"))
    assert "第一条第三款" in w  # 法释〔2020〕15号 Art. 1(3)


# -- fees --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("damages", "beyond_x"), [
    ("50000", "0.00"),        # nothing on damages up to 50,000
    ("100000", "500.00"),     # 1 % of 50,000
    ("401674", "2008.37"),    # 500 + 0.5 % of 301,674 = 500 + 1,508.37
])
@pytest.mark.parametrize("x", ["100", "500"])
def test_reputation_claim_fee_on_the_personality_schedule(damages, beyond_x, x):
    assert case_acceptance_fee(D(damages), schedule="personality", per_case=D(x)) == D(x) + D(beyond_x)


def test_a_goodwill_claim_in_tort_is_charged_on_the_personality_schedule():
    c = scenario_case(PLATFORM, {"goodwill": {"method": "fixed", "amount": "401674.00", "evidence": "e/x"}},
                      claims=["goodwill_tort"], conduct={"start": "2024-01-01", "end": "2024-12-31"})
    r = compute(c, None, "t").scenario("s")
    assert r.fees.case_fee == D("2508.37")  # default per-case fee 500 (the top of the range) + 2,008.37
    assert "FEE_PERSONALITY_SCHEDULE" in r.warning_codes
    assert "第十三条第（二）项第2目" in r.fees.case_fee_basis
    c = scenario_case(PLATFORM, {"goodwill": {"method": "fixed", "amount": "401674.00", "evidence": "e/x"}},
                      claims=["goodwill_tort"], conduct={"start": "2024-01-01", "end": "2024-12-31"},
                      law={"personality_case_fee": "100"})
    assert compute(c, None, "t").scenario("s").fees.case_fee == D("2108.37")
    c = scenario_case(PLATFORM, {"goodwill": {"method": "fixed", "amount": "1.00", "evidence": "e/x"}},
                      claims=["goodwill_tort"], law={"personality_case_fee": "600"})
    with pytest.raises(DamagesError, match="outside the national range"):
        compute(c, None, "t")


def test_preservation_above_the_claim_of_the_filed_scenario_is_an_error_naming_the_key():
    c = scenario_case(PLATFORM, {"goodwill": {"method": "fixed", "amount": "66529.00", "evidence": "e/x"}},
                      preservation={"amount": "300000.00"})
    with pytest.raises(DamagesError) as e:
        compute(c, None, "t")
    assert e.value.where == "preservation.amount" and e.value.path == "case.yaml"
    assert "300,000.00" in e.value.what and "66,529.00" in e.value.what and "第一百零五条" in e.value.what


def test_preservation_above_the_claim_of_another_scenario_warns_and_is_charged_on_its_claim():
    c = case(PLATFORM, scenarios={
        "s": {"goodwill": {"method": "fixed", "amount": "66529.00", "evidence": "e/x"}},
        "filed": {"goodwill": {"method": "fixed", "amount": "300000.00", "evidence": "e/x"}},
    }, filed_scenario="filed", preservation={"amount": "300000.00"})
    report = compute(c, None, "t")
    r = report.scenario("s")
    # Art. 14(2) on 66,529.00: 30 + (66,529 − 1,000) × 1 % = 30 + 655.29
    assert r.fees.preservation_fee == D("685.29") and r.fees.preservation_amount == D("66529.00")
    w = next(t for t in r.warnings if t.startswith("PRESERVATION_ABOVE_CLAIM"))
    assert "第一百零五条" in w and "第十四条第（二）项" in w
    # the filed scenario claims exactly the amount: 30 + 990 + 200,000 × 0.5 % = 2,020.00, no warning
    filed = report.scenario("filed")
    assert filed.fees.preservation_fee == D("2020.00") and "PRESERVATION_ABOVE_CLAIM" not in filed.warning_codes
    c = scenario_case(PLATFORM, {"goodwill": {"method": "fixed", "amount": "66529.00", "evidence": "e/x"}},
                      preservation={"amount": "50000.00"})
    r = compute(c, None, "t").scenario("s")
    assert r.fees.preservation_fee == D("520.00") and "PRESERVATION_ABOVE_CLAIM" not in r.warning_codes


def test_a_preservation_of_zero_is_refused():
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="more than 0"):
        scenario_case(PLATFORM, {"goodwill": {"method": "fixed", "amount": "1.00"}}, preservation={"amount": "0"})


@pytest.mark.parametrize(("amount", "fee"), [
    ("10000", "25.00"),      # 50 ÷ 2
    ("10001", "25.01"),      # (50 + 1 × 2.5 % = 50.025) ÷ 2 = 25.0125, rounded once
    ("100000", "1150.00"),   # (50 + 2,250) ÷ 2
    ("100001", "1150.01"),   # (2,300 + 0.02) ÷ 2 = 1,150.01
])
def test_summary_procedure_at_bracket_edges_rounds_once(amount, fee):
    assert case_acceptance_fee(D(amount), summary=True) == D(fee)


# -- limitation ----------------------------------------------------------------------------------------

def test_limitation_warns_when_the_conduct_ended_more_than_three_years_before_filing():
    c = scenario_case(PLATFORM, {"goodwill": {"method": "fixed", "amount": "1000.00", "evidence": "e/x"}},
                      conduct={"start": "2022-01-01", "end": "2023-06-30"})
    report = compute(c, None, "t")  # filed 2026-12-01: 3 years from 2023-06-30 ran out on 2026-06-30
    w = next(t for t in report.warnings if t.startswith("LIMITATION"))
    assert "2026-06-30" in w and "第一百八十八条" in w
    c = scenario_case(PLATFORM, {"goodwill": {"method": "fixed", "amount": "1000.00", "evidence": "e/x"}},
                      conduct={"start": "2022-01-01", "end": "2023-06-30", "known_on": "2024-01-15"})
    assert "LIMITATION" not in compute(c, None, "t").warning_codes


def test_limitation_period_running_on_2017_10_01_became_three_years():
    # ended 2016-03-01: the 2-year period was still running on 2017-10-01, so it became 3 years (法释〔2018〕12号
    # Art. 2): it ran out on 2019-03-01
    c = scenario_case(PLATFORM, {"goodwill": {"method": "fixed", "amount": "1000.00", "evidence": "e/x"}},
                      conduct={"start": "2015-01-01", "end": "2016-03-01"}, filing_date="2019-02-01")
    assert "LIMITATION" not in compute(c, None, "t").warning_codes
    c = scenario_case(PLATFORM, {"goodwill": {"method": "fixed", "amount": "1000.00", "evidence": "e/x"}},
                      conduct={"start": "2015-01-01", "end": "2015-06-01"}, filing_date="2019-02-01")
    w = next(t for t in compute(c, None, "t").warnings if t.startswith("LIMITATION"))
    assert "2017-06-01" in w  # expired before 2017-10-01: stays 2 years


# -- procedure -------------------------------------------------------------------------------------------

def test_civil_procedure_articles_follow_the_filing_date():
    from litigator.forums.cn.law import CnLaw

    assert CnLaw(filed=dt.date(2021, 12, 31)).procedure("complaint").article == 121
    assert CnLaw(filed=dt.date(2022, 1, 1)).procedure("complaint").article == 124
    assert CnLaw(filed=dt.date(2022, 1, 1)).procedure("preservation").article == 105
    assert CnLaw(filed=dt.date(2021, 6, 1)).procedure("preservation").article == 102
