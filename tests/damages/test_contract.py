"""Platform v. seller in contract: every goodwill method, 违约金, and each warning.

Sales used throughout (hand-made): 3,050 orders, 3,200 units, 2,800 customers, gross 180,000.00,
net 171,200.00.
"""

from decimal import Decimal as D

import pytest
from damages_factories import PLATFORM, sales, scenario_case
from pydantic import ValidationError

from litigator.damages import compute
from litigator.errors import DamagesError


def run(scenario: dict, s=None, **overrides):
    c = scenario_case(PLATFORM, scenario, **overrides)
    report = compute(c, sales() if s is None else s, "test")
    return report, report.scenario("s")


@pytest.mark.parametrize("goodwill,amount,formula", [
    ({"method": "revenue_multiple", "multiple": "1"}, "171200.00", "171,200.00 × 1 = 171,200.00"),
    ({"method": "revenue_multiple", "multiple": "3"}, "513600.00", "171,200.00 × 3 = 513,600.00"),
    ({"method": "revenue_multiple", "multiple": "0.5"}, "85600.00", "171,200.00 × 0.5 = 85,600.00"),
    ({"method": "profit_margin", "margin": "0.25"}, "42800.00", "171,200.00 × 0.25 = 42,800.00"),
    ({"method": "per_order", "amount_per_order": "10.00"}, "30500.00", "3,050 × 10.00 = 30,500.00"),
    ({"method": "per_customer", "value_per_customer": "184.00"}, "515200.00", "2,800 × 184.00 = 515,200.00"),
    ({"method": "compensation_paid", "amount": "12345.67"}, "12345.67", "12,345.67（已对外支付）"),
    ({"method": "fixed", "amount": "100000"}, "100000.00", "100,000.00（固定数额）"),
])
def test_goodwill_methods(goodwill, amount, formula):
    _, s = run({"goodwill": goodwill})
    h = s.heads[0]
    assert h.amount == D(amount)
    assert h.formula == formula
    assert "第五百七十七条" in h.basis and "第五百八十四条" in h.basis
    assert h.currency == "CNY"
    assert all(i.source for i in h.inputs)
    assert s.total == D(amount)


def test_per_customer_inputs_name_the_sales_file():
    _, s = run({"goodwill": {"method": "per_customer", "value_per_customer": "184", "evidence": "evidence/ar.pdf"}})
    names = {i.name: i for i in s.heads[0].inputs}
    assert names["customers"].value == "2800"
    assert names["customers"].source.startswith("sales/orders.csv sha256:")


def test_profit_margin_cites_contract_interp_62_and_compensation_63():
    _, s = run({"goodwill": {"method": "profit_margin", "margin": "0.2"}})
    assert "第六十二条" in s.heads[0].basis
    _, s = run({"goodwill": {"method": "compensation_paid", "amount": "500", "evidence": "e/ledger.xlsx"}})
    assert s.heads[0].code == "compensation_paid" and "第六十三条" in s.heads[0].basis


def test_several_loss_heads_and_total():
    _, s = run({"goodwill": {"method": "per_customer", "value_per_customer": "10", "evidence": "e/a.pdf"},
                "losses": [{"method": "compensation_paid", "amount": "2000", "evidence": "e/b.pdf"},
                           {"method": "per_order", "amount_per_order": "2", "head": "governance_cost",
                            "evidence": "e/c.pdf"}]},
               expenses=[{"kind": "attorney_fee", "amount": "5000", "exhibit": "e/d.pdf"}])
    assert [h.code for h in s.heads] == ["goodwill_loss", "compensation_paid", "governance_cost",
                                         "reasonable_expenses"]
    # 28,000 + 2,000 + 6,100 + 5,000
    assert s.total == D("41100.00")
    assert s.fees.claim_amount == D("41100.00")
    assert s.fees.case_fee == D("827.50")  # 50 + 31,100 × 2.5% (= 777.50)


def test_duplicate_head_codes_are_an_error():
    with pytest.raises(DamagesError) as e:
        run({"goodwill": {"method": "fixed", "amount": "1"}, "losses": [{"method": "fixed", "amount": "2"}]})
    assert e.value.path == "case.yaml" and "scenarios.s" in e.value.where


def test_sales_needed_and_missing_is_an_error():
    c = scenario_case(PLATFORM, {"goodwill": {"method": "per_order", "amount_per_order": "1"}})
    with pytest.raises(DamagesError):
        compute(c, None, "test")


def test_per_customer_without_customers_is_an_error():
    with pytest.raises(DamagesError):
        run({"goodwill": {"method": "per_customer", "value_per_customer": "1"}}, s=sales(customers=0))


def test_goodwill_config_needs_its_parameter():
    with pytest.raises(ValidationError):
        scenario_case(PLATFORM, {"goodwill": {"method": "per_customer"}})
    with pytest.raises(ValidationError):
        scenario_case(PLATFORM, {"goodwill": {"method": "profit_margin", "margin": "1.5"}})


# -- liquidated damages ---------------------------------------------------------------------------

def test_ld_fixed_sum():
    _, s = run({"liquidated_damages": {"method": "fixed", "amount": "1000000", "provable_loss": "800000"}})
    h = s.head("liquidated_damages")
    assert h.amount == D("1000000.00") and h.label == "违约金" and "第五百八十五条" in h.basis
    assert "LD_EXCESSIVE" not in s.warning_codes  # 1,000,000 ≤ 1.3 × 800,000 = 1,040,000


@pytest.mark.parametrize("base,amount", [("net", "1712000.00"), ("gross", "1800000.00")])
def test_ld_multiple_of_counterfeit_sales(base, amount):
    _, s = run({"liquidated_damages": {"method": "sales_multiple", "multiple": "10", "sales_base": base,
                                       "provable_loss": "2000000"}})
    assert s.head("liquidated_damages").amount == D(amount)


def test_ld_above_130_percent_of_loss_warns_with_malice_note():
    _, s = run({"goodwill": {"method": "per_order", "amount_per_order": "10", "evidence": "e/x.pdf"},
                "liquidated_damages": {"method": "fixed", "amount": "39650.01"}})
    # loss 30,500 × 1.3 = 39,650.00 < 39,650.01
    assert "LD_EXCESSIVE" in s.warning_codes
    text = next(w for w in s.warnings if w.startswith("LD_EXCESSIVE"))
    assert "第六十五条" in text and "malicious" in text
    assert "LD_WITH_LOSS" in s.warning_codes


def test_ld_at_exactly_130_percent_does_not_warn():
    _, s = run({"goodwill": {"method": "per_order", "amount_per_order": "10", "evidence": "e/x.pdf"},
                "liquidated_damages": {"method": "fixed", "amount": "39650.00"}})
    assert "LD_EXCESSIVE" not in s.warning_codes


def test_ld_malice_pleaded_changes_the_note():
    _, s = run({"liquidated_damages": {"method": "fixed", "amount": "1000000", "provable_loss": "1000"}},
               conduct={"knowledge": [{"fact": "警告后继续销售", "exhibit": "e/w.txt"}]})
    text = next(w for w in s.warnings if w.startswith("LD_EXCESSIVE"))
    assert "knowledge is pleaded" in text


def test_ld_without_any_loss_cannot_be_tested():
    _, s = run({"liquidated_damages": {"method": "fixed", "amount": "1000000"}})
    assert "LD_NO_LOSS_BASIS" in s.warning_codes


# -- warnings ---------------------------------------------------------------------------------------

def test_foreseeability_without_agreement():
    _, s = run({"goodwill": {"method": "revenue_multiple", "multiple": "1"}}, agreement=None)
    assert "FORESEEABILITY" in s.warning_codes
    assert any("第五百八十四条" in w for w in s.warnings if w.startswith("FORESEEABILITY"))


def test_foreseeability_when_clause_does_not_name_the_loss():
    agreement = {"name": "协议", "clauses": ["用户不得销售假冒商品。"], "exhibit": "e/a.txt"}
    _, s = run({"goodwill": {"method": "revenue_multiple", "multiple": "1"}}, agreement=agreement)
    assert "FORESEEABILITY" in s.warning_codes
    _, s = run({"goodwill": {"method": "revenue_multiple", "multiple": "1"}})  # clause names 商誉损失
    assert "FORESEEABILITY" not in s.warning_codes


def test_governance_cost_is_contested():
    _, s = run({"goodwill": {"method": "per_order", "amount_per_order": "5", "head": "governance_cost",
                             "evidence": "e/cost.pdf"}})
    assert s.heads[0].label == "打假治理成本"
    assert "GOVERNANCE_CONTESTED" in s.warning_codes
    assert any("松江" in w for w in s.warnings)


def test_recovery_beside_brand_owner_award():
    _, s = run({"goodwill": {"method": "revenue_multiple", "multiple": "1"}},
               related_awards=[{"claimant": "五粮液", "amount": "70000", "exhibit": "e/judgment.pdf"}])
    assert "DOUBLE_RECOVERY" in s.warning_codes


def test_contract_or_tort_must_be_elected():
    report, _ = run({"goodwill": {"method": "revenue_multiple", "multiple": "1"}},
                    claims=["breach_of_contract", "goodwill_tort"])
    assert "ELECT_CONTRACT_OR_TORT" in report.warning_codes
    assert any("第一百八十六条" in w for w in report.warnings)


def test_tort_basis_when_pleaded_in_tort_only():
    _, s = run({"goodwill": {"method": "revenue_multiple", "multiple": "1"}}, claims=["goodwill_tort"])
    assert "第一千一百六十五条" in s.heads[0].basis


def test_platform_cannot_claim_ip_punitive_damages():
    _, s = run({"trademark": {"method": "actual_loss", "punitive_multiple": "2"}},
               products=[{"name": "猫粮", "right_holder_unit_profit": "10"}])
    assert "PLATFORM_NO_IP_PUNITIVE" in s.warning_codes
    assert any("第一千一百八十五条" in w for w in s.warnings)


def test_expense_without_exhibit_warns():
    _, s = run({"goodwill": {"method": "revenue_multiple", "multiple": "1"}},
               expenses=[{"kind": "notarization", "amount": "3000"},
                         {"kind": "attorney_fee", "amount": "50000", "exhibit": "e/inv.pdf"}])
    assert s.warning_codes.count("EXPENSE_NO_EXHIBIT") == 1
    exp = s.head("reasonable_expenses")
    assert exp.amount == D("53000.00") and exp.formula == "3,000.00 + 50,000.00 = 53,000.00"
    assert "no voucher" in exp.inputs[0].source


def test_parameter_without_evidence_warns():
    _, s = run({"goodwill": {"method": "per_customer", "value_per_customer": "184"}})
    assert "PARAM_NO_EVIDENCE" in s.warning_codes


def test_warnings_and_codes_line_up():
    _, s = run({"goodwill": {"method": "per_order", "amount_per_order": "5", "head": "governance_cost"}},
               agreement=None)
    assert len(s.warnings) == len(s.warning_codes)
    for code, text in zip(s.warning_codes, s.warnings):
        assert text.startswith(code + ": ") and text.endswith(")")
