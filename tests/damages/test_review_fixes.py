"""Fixes from the damages code review: filing text in Chinese, negative and huge money, the legal basis
(liability + every provision once), lawyer fees in contract, the AUCL 2025 article.

Expected figures and citations are written by hand from the statutes and law.md.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from decimal import Decimal as D
from pathlib import Path

import pytest
from damages_factories import BRAND, PLATFORM, case, sales, scenario_case
from pydantic import ValidationError

from litigator.casefile import load_case
from litigator.damages import compute
from litigator.errors import DamagesError
from litigator.forums.cn.fees import case_acceptance_fee, case_fee_formula, preservation_fee

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
CC = "《中华人民共和国民法典》"
TM = "《中华人民共和国商标法》"
TMI = "《最高人民法院关于审理商标民事纠纷案件适用法律若干问题的解释》"
PI = "《最高人民法院关于审理侵害知识产权民事案件适用惩罚性赔偿的解释》"
UC = dict(cause="不正当竞争纠纷", claims=["unfair_competition", "reasonable_expenses"], marks=[],
          conduct={"start": "2024-01-01", "end": "2024-12-31", "knowledge": [{"fact": "x"}]})
LD_FIXED = {"method": "fixed", "amount": "50000", "clause": "违约金五万元"}

# ---------------------------------------------------------------------------------------------
# 1. Formulas printed into the complaint carry no English
# ---------------------------------------------------------------------------------------------

# Every method of every regime, with enough data to compute.
ALL_METHODS = [
    (PLATFORM, {"goodwill": {"method": "revenue_multiple", "multiple": "2"}}, {}),
    (PLATFORM, {"goodwill": {"method": "profit_margin", "margin": "0.2"}}, {}),
    (PLATFORM, {"goodwill": {"method": "per_order", "amount_per_order": "5"}}, {}),
    (PLATFORM, {"goodwill": {"method": "per_customer", "value_per_customer": "184"}}, {}),
    (PLATFORM, {"goodwill": {"method": "compensation_paid", "amount": "1200"},
                "losses": [{"method": "fixed", "amount": "3000", "head": "direct_loss"},
                           {"method": "per_order", "amount_per_order": "1", "head": "governance_cost"}]}, {}),
    (PLATFORM, {"liquidated_damages": LD_FIXED}, {}),
    (PLATFORM, {"liquidated_damages": {"method": "sales_multiple", "multiple": "10", "sales_base": "gross"}}, {}),
    (PLATFORM, {"goodwill": {"method": "fixed", "amount": "1000"}}, {"claims": ["goodwill_tort"]}),
    (BRAND, {"trademark": {"method": "actual_loss"}}, {}),
    (BRAND, {"trademark": {"method": "infringer_profit"}}, {}),
    (BRAND, {"trademark": {"method": "licence_fee", "licence_multiple": "2"}},
     {"licence": {"fee": "20000", "exhibit": "e/l.pdf"}}),
    (BRAND, {"trademark": {"method": "statutory", "statutory_amount": "300000"}}, {}),
    (BRAND, {"trademark": {"method": "actual_loss", "punitive_multiple": "3"}}, {}),
    (BRAND, {"trademark": {"method": "actual_loss", "punitive_multiple": "2", "punitive_reading": "additive"}}, {}),
    (BRAND, {"unfair_competition": {"conduct": "confusion", "method": "actual_loss", "amount": "1000"}}, UC),
    (BRAND, {"unfair_competition": {"conduct": "confusion", "method": "infringer_gain", "units": 10}},
     {**UC, "products": [{"name": "x", "infringer_unit_profit": "3"}]}),
    (BRAND, {"unfair_competition": {"conduct": "confusion", "method": "statutory", "statutory_amount": "300000"}}, UC),
    (BRAND, {"unfair_competition": {"conduct": "trade_secret", "method": "actual_loss", "amount": "1000",
                                    "punitive_multiple": "2"}}, UC),
]


@pytest.mark.parametrize("base,scenario,overrides", ALL_METHODS)
def test_no_formula_of_any_head_contains_ascii_letters(base, scenario, overrides):
    c = scenario_case(base, scenario, **overrides)
    r = compute(c, sales(units=1000), "t").scenario("s")
    assert r.heads
    for h in r.heads:
        assert not re.search(r"[A-Za-z]", h.formula), (h.code, h.formula)


def test_formulas_in_chinese_statutory_agreed_fixed_paid_out():
    r = compute(scenario_case(BRAND, {"trademark": {"method": "statutory", "statutory_amount": "300000"}}),
                None, "t").scenario("s")
    assert r.head("trademark_damages").formula == "300,000.00（法定赔偿，不超过5,000,000.00）"
    r = compute(scenario_case(BRAND, {"unfair_competition": {"conduct": "confusion", "method": "statutory",
                                                             "statutory_amount": "300000"}}, **UC), None, "t")
    assert r.scenario("s").head("unfair_competition_damages").formula == "300,000.00（法定赔偿，不超过5,000,000.00）"
    r = compute(scenario_case(PLATFORM, {"liquidated_damages": LD_FIXED,
                                         "goodwill": {"method": "fixed", "amount": "100"},
                                         "losses": [{"method": "compensation_paid", "amount": "200"}]}),
                None, "t").scenario("s")
    assert r.head("liquidated_damages").formula == "50,000.00（约定数额）"
    assert r.head("goodwill_loss").formula == "100.00（固定数额）"
    assert r.head("compensation_paid").formula == "200.00（已对外支付）"


# ---------------------------------------------------------------------------------------------
# 2. Negative and huge money
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("base,scenario,overrides", [
    (BRAND, {"trademark": {"method": "statutory", "statutory_amount": "-300000"}}, {}),
    (BRAND, {"trademark": {"method": "licence_fee", "licence_multiple": "-2"}}, {"licence": {"fee": "1"}}),
    (BRAND, {"trademark": {"method": "licence_fee", "licence_multiple": "2"}}, {"licence": {"fee": "-20000"}}),
    (BRAND, {"trademark": {"method": "actual_loss", "punitive_multiple": "-3"}}, {}),
    (BRAND, {"unfair_competition": {"conduct": "confusion", "method": "actual_loss", "amount": "-1"}}, UC),
    (BRAND, {"unfair_competition": {"conduct": "confusion", "method": "statutory", "statutory_amount": "-1"}}, UC),
    (PLATFORM, {"goodwill": {"method": "fixed", "amount": "-100"}}, {}),
    (PLATFORM, {"goodwill": {"method": "fixed", "amount": "100", "multiple": "-1"}}, {}),
    (PLATFORM, {"liquidated_damages": {"method": "fixed", "amount": "-50000"}}, {}),
    (PLATFORM, {"liquidated_damages": {"method": "sales_multiple", "multiple": "-10"}}, {}),
    (PLATFORM, {"liquidated_damages": {**LD_FIXED, "provable_loss": "-1"}}, {}),
    (PLATFORM, {"goodwill": {"method": "fixed", "amount": "1"}, "expected_award": "-5"}, {}),
    (PLATFORM, {"goodwill": {"method": "fixed", "amount": "1"}},
     {"related_awards": [{"claimant": "x", "amount": "-70000"}]}),
])
def test_negative_money_or_multiple_is_a_validation_error(base, scenario, overrides):
    with pytest.raises(ValidationError, match="must not be negative"):
        scenario_case(base, scenario, **overrides)


@pytest.mark.parametrize("field", ["right_holder_unit_profit", "infringer_unit_profit"])
def test_negative_unit_profit_is_rejected(field):
    product = {"name": "精华液", "skus": ["S1"], "right_holder_unit_profit": "86.00", field: "-86.00"}
    with pytest.raises(ValidationError, match="must not be negative"):
        scenario_case(BRAND, {"trademark": {"method": "actual_loss"}}, products=[product])
    # and the engine guards its own inputs if a model reaches it unvalidated (e.g. built in code)
    c = scenario_case(BRAND, {"trademark": {"method": "actual_loss"}})
    setattr(c.products[0], field, D("-86.00"))
    with pytest.raises(DamagesError) as e:
        compute(c, sales(units=969), "t")
    assert e.value.where == f"products[0].{field}" and "must not be negative" in e.value.what


@pytest.mark.parametrize("fn", [case_acceptance_fee, preservation_fee, case_fee_formula])
def test_fees_on_a_negative_or_huge_amount_raise_damages_error(fn):
    with pytest.raises(DamagesError, match="negative"):
        fn(D("-0.01"))
    with pytest.raises(DamagesError, match="too large"):
        fn(D("100000000000000.01"))
    with pytest.raises(DamagesError, match="too large"):
        fn(D("1E+30"))


def test_fee_at_the_limit_is_computed():
    # x > 20,000,000: 0.005x + 41,800 (law.md §6); 0.005 × 99,999,999,999,999.99 = 499,999,999,999.99995,
    # + 41,800 = 500,000,041,799.99995 → 500,000,041,800.00
    assert case_acceptance_fee(D("99999999999999.99")) == D("500000041800.00")


@pytest.mark.parametrize("base,scenario,overrides", [
    (PLATFORM, {"goodwill": {"method": "revenue_multiple", "multiple": "1000000000"}}, {}),  # 1.712 × 10^14
    (PLATFORM, {"goodwill": {"method": "per_order", "amount_per_order": "99999999999"}}, {}),  # 3,050 × ~10^11
    (BRAND, {"trademark": {"method": "actual_loss", "units": 10 ** 20}}, {}),
    (BRAND, {"trademark": {"method": "actual_loss", "units": 10 ** 12, "punitive_multiple": "3"}}, {}),
    (BRAND, {"trademark": {"method": "licence_fee", "licence_multiple": "10000000"}},
     {"licence": {"fee": "99999999"}}),
    # two heads just under 10^14 each: the total is too large
    (PLATFORM, {"goodwill": {"method": "fixed", "amount": "99999999999999.99"},
                "liquidated_damages": {"method": "fixed", "amount": "99999999999999.99"}}, {}),
])
def test_amount_too_large_is_a_damages_error(base, scenario, overrides):
    c = scenario_case(base, scenario, **overrides)
    with pytest.raises(DamagesError, match="amount too large"):
        compute(c, sales(), "t")


def test_money_parameter_above_the_limit_is_a_validation_error():
    with pytest.raises(ValidationError, match="amount too large"):
        scenario_case(PLATFORM, {"goodwill": {"method": "fixed", "amount": "1E+30"}})


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "litigator", *args], capture_output=True, text=True,
                          cwd=ROOT, env={**os.environ}, timeout=600)


@pytest.mark.parametrize("old,new,where", [
    ('right_holder_unit_profit: "86.00"', 'right_holder_unit_profit: "-86.00"', "right_holder_unit_profit"),
    ('statutory_amount: "300000.00"', 'statutory_amount: "-300000.00"', "statutory_amount"),
])
def test_cli_negative_money_exits_2_with_one_line(tmp_path, old, new, where):
    folder = tmp_path / "brand"
    shutil.copytree(EXAMPLES / "brand-v-seller", folder)
    text = (folder / "case.yaml").read_text(encoding="utf-8")
    assert old in text
    (folder / "case.yaml").write_text(text.replace(old, new), encoding="utf-8")
    proc = _cli("damages", str(folder), "--format", "json")
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == ""
    line = proc.stderr.strip().splitlines()[0]
    assert line.startswith("error: ") and where in line and "must not be negative" in line


# ---------------------------------------------------------------------------------------------
# 3. Liability basis and the legal basis the complaint's closing sentence cites
# ---------------------------------------------------------------------------------------------

def test_citations_group_by_statute_with_their_version_label():
    import datetime as dt

    from litigator.forums.cn.citation import Provision, citation, group_citations

    on = dt.date(2026, 12, 1)
    cs = [citation(Provision.parse(r), on) for r in (
        "anti_unfair_competition_law@2019:17.3", "trademark_interpretation@2020:13", "trademark_interpretation@2020:15",
        "punitive_interpretation@2021:1-6")]
    assert [c.text for c in cs] == [
        "《中华人民共和国反不正当竞争法》（2019年修正）第十七条第三款",
        "《最高人民法院关于审理商标民事纠纷案件适用法律若干问题的解释》第十三条",
        "《最高人民法院关于审理商标民事纠纷案件适用法律若干问题的解释》第十五条",
        "《最高人民法院关于审理侵害知识产权民事案件适用惩罚性赔偿的解释》第一条至第六条"]
    assert group_citations(cs)[1] == "《最高人民法院关于审理商标民事纠纷案件适用法律若干问题的解释》第十三条、第十五条"


def test_brand_example_liability_and_legal_basis():
    folder = load_case(EXAMPLES / "brand-v-seller")
    s = sales(orders=609, units=969, customers=334, gross="184002.00", refunds="540.00", net="183462.00")
    report = compute(folder.case, s, "examples/brand-v-seller")
    seller = f"{TM}第五十七条第（三）项"  # 销售侵犯注册商标专用权的商品 (the seller's act)
    for r in report.scenarios:
        assert r.liability_basis == [seller]
    assert report.scenario("punitive").legal_basis == [
        seller, f"{TM}第六十三条第一款", f"{TMI}第十三条", f"{TMI}第十五条", f"{CC}第一千一百八十五条",
        f"{PI}第一条至第六条", f"{TMI}第十七条"]
    assert report.scenario("compensatory").legal_basis == [
        seller, f"{TM}第六十三条第一款", f"{TMI}第十三条", f"{TMI}第十五条", f"{TMI}第十七条"]
    assert report.scenario("statutory").legal_basis == [
        seller, f"{TM}第六十三条第三款", f"{TMI}第十六条", f"{TM}第六十三条第一款", f"{TMI}第十七条"]
    data = report.model_dump(mode="json")["scenarios"][0]
    assert isinstance(data["liability_basis"], list) and isinstance(data["legal_basis"], list)


def test_platform_example_liability_and_legal_basis():
    folder = load_case(EXAMPLES / "platform-v-seller")
    # the synthetic sales give a smaller claim than the example's preservation amount (an error when filed)
    case = folder.case.model_copy(update={"preservation": None})
    report = compute(case, sales(), "examples/platform-v-seller")
    liability = [f"{CC}第四百六十五条", f"{CC}第五百零九条", f"{CC}第五百七十七条"]
    for r in report.scenarios:
        assert r.liability_basis == liability
        # goodwill: 577, 584; expenses (notarisation, test purchase, lawyer fee): 584, 591 ¶2
        assert r.legal_basis == liability + [f"{CC}第五百八十四条", f"{CC}第五百九十一条第二款"]
        assert "ATTORNEY_FEE_NO_CLAUSE" not in r.warning_codes  # the example's clause names 律师费


def test_tort_liability_basis():
    c = scenario_case(PLATFORM, {"goodwill": {"method": "fixed", "amount": "1000", "evidence": "e"}},
                      claims=["goodwill_tort", "reasonable_expenses"])
    r = compute(c, None, "t").scenario("s")
    assert r.liability_basis == [f"{CC}第一百一十条第二款", f"{CC}第一千一百六十五条"]
    assert r.legal_basis == [f"{CC}第一百一十条第二款", f"{CC}第一千一百六十五条", f"{CC}第一千一百八十二条"]


def test_each_provision_once_across_heads():
    c = scenario_case(BRAND, {"trademark": {"method": "actual_loss", "punitive_multiple": "2",
                                            "punitive_reading": "additive"}})
    r = compute(c, sales(units=10), "t").scenario("s")
    assert len(r.legal_basis) == len(set(r.legal_basis))
    assert all(p.startswith("《") and "、" not in p and "；" not in p for p in r.legal_basis)


# ---------------------------------------------------------------------------------------------
# 4. Lawyer fees in contract
# ---------------------------------------------------------------------------------------------

NO_FEE_CLAUSE = {"name": "《示例平台服务协议》", "clauses": ["用户的行为使平台遭受商誉损失的，用户应赔偿。"],
                 "exhibit": "evidence/04-agreement.txt"}


def test_attorney_fee_without_clause_warns_and_cites_no_mitigation_article():
    c = scenario_case(PLATFORM, {"goodwill": {"method": "revenue_multiple", "multiple": "1"}},
                      agreement=NO_FEE_CLAUSE,
                      expenses=[{"kind": "attorney_fee", "amount": "50000", "exhibit": "e/inv.pdf"}])
    r = compute(c, sales(), "t").scenario("s")
    assert "ATTORNEY_FEE_NO_CLAUSE" in r.warning_codes
    exp = r.head("reasonable_expenses")
    assert exp.basis == f"{CC}第五百八十四条"          # Art. 591 is for mitigation costs, not lawyer fees
    assert "no quoted clause" in exp.explanation


def test_attorney_fee_with_clause_and_mitigation_costs():
    c = scenario_case(PLATFORM, {"goodwill": {"method": "revenue_multiple", "multiple": "1"}},
                      expenses=[{"kind": "test_purchase", "amount": "129", "exhibit": "e/n.pdf"},
                                {"kind": "attorney_fee", "amount": "50000", "exhibit": "e/inv.pdf"}])
    r = compute(c, sales(), "t").scenario("s")
    assert "ATTORNEY_FEE_NO_CLAUSE" not in r.warning_codes
    exp = r.head("reasonable_expenses")
    assert exp.basis == f"{CC}第五百八十四条、第五百九十一条第二款"
    clause = next(i for i in exp.inputs if i.name == "lawyer_fee_clause")
    assert "律师费" in clause.value and clause.source == "evidence/04-agreement.txt"


def test_attorney_fee_without_agreement_warns():
    c = scenario_case(PLATFORM, {"goodwill": {"method": "fixed", "amount": "1", "evidence": "e"}}, agreement=None,
                      expenses=[{"kind": "attorney_fee", "amount": "5000", "exhibit": "e/inv.pdf"}])
    assert "ATTORNEY_FEE_NO_CLAUSE" in compute(c, None, "t").scenario("s").warning_codes


def test_attorney_fee_in_trademark_case_needs_no_clause():
    r = compute(case(BRAND), sales(units=10), "t").scenario("base")
    assert "ATTORNEY_FEE_NO_CLAUSE" not in r.warning_codes
