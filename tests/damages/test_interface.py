"""Public interface: explain, comparison, select, scenario_needs_sales, and the examples' figures."""

from decimal import Decimal as D
from pathlib import Path

import pytest
from damages_factories import BRAND, PLATFORM, case, sales

from litigator.casefile import load_case
from litigator.damages import comparison, compute, explain, head_rows, scenario_needs_sales, select
from litigator.errors import DamagesError
from litigator.forums.cn.scenario import Scenario

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_explain_one_paragraph_per_head_with_article():
    c = case(BRAND, scenarios={"p": {"trademark": {"method": "actual_loss", "punitive_multiple": "3"}}})
    report = compute(c, sales(units=1000), "t")
    paras = explain(report, c)["p"]
    assert len(paras) == len(report.scenario("p").heads) + 1  # + the fees paragraph
    for p in paras:
        assert "第" in p and "条" in p


def test_comparison_and_select():
    c = case(PLATFORM, scenarios={"a": {"goodwill": {"method": "revenue_multiple", "multiple": "1"}},
                                  "b": {"goodwill": {"method": "revenue_multiple", "multiple": "3"}}},
             filed_scenario="b")
    report = compute(c, sales(), "t")
    rows = comparison(report)
    assert [r["scenario"] for r in rows] == ["a", "b"] and rows[1]["filed"] == "*"
    assert rows[0]["total"] == "171,200.00" and rows[1]["head:goodwill_loss"] == "513,600.00"
    assert select(report, "a").scenarios[0].name == "a"
    with pytest.raises(DamagesError):
        select(report, "zzz")
    assert head_rows(report.scenario("a"), "cn")[-1]["code"] == "case_fee"


@pytest.mark.parametrize("cfg,needs", [
    ({"goodwill": {"method": "fixed", "amount": "1"}}, False),
    ({"goodwill": {"method": "per_customer", "value_per_customer": "1"}}, True),
    ({"liquidated_damages": {"method": "fixed", "amount": "1"}}, False),
    ({"liquidated_damages": {"method": "sales_multiple", "multiple": "10"}}, True),
    ({"trademark": {"method": "actual_loss"}}, True),
    ({"trademark": {"method": "actual_loss", "units": 5}}, False),
    ({"trademark": {"method": "statutory", "statutory_amount": "1"}}, False),
])
def test_scenario_needs_sales(cfg, needs):
    assert scenario_needs_sales(Scenario.model_validate(cfg), "cn") is needs


def test_json_contract_money_strings():
    report = compute(case(PLATFORM), sales(), "t")
    data = report.model_dump(mode="json")
    s = data["scenarios"][0]
    assert s["total"] == "171200.00" and s["heads"][0]["amount"] == "171200.00"
    assert s["fees"]["case_fee"] == "3724.00"  # 2,300 + 71,200 × 2% + ... = 2,300 + 1,424
    assert set(s["heads"][0]) >= {"code", "label", "amount", "currency", "basis", "formula", "inputs"}


def test_brand_example_figures():
    """examples/brand-v-seller with the summary of its orders.csv written by hand: 969 units kept."""
    folder = load_case(EXAMPLES / "brand-v-seller")
    s = sales(orders=609, units=969, customers=334, gross="184002.00", refunds="540.00", net="183462.00")
    report = compute(folder.case, s, "examples/brand-v-seller")
    filed = report.filed
    assert filed.name == "punitive"
    # 969 × 86.00 = 83,334.00; × 3 = 250,002.00; expenses 4,000 + 168 + 1,800 + 60,000 = 65,968.00
    assert filed.head("trademark_damages").amount == D("250002.00")
    assert filed.head("reasonable_expenses").amount == D("65968.00")
    assert filed.total == D("315970.00")
    assert filed.fees.case_fee == D("6039.55")          # 4,300 + 115,970 × 1.5%
    assert filed.fees.preservation_fee == D("2099.85")  # 30 + 990 + 215,970 × 0.5%
    assert filed.punitive_statement and "250,002.00" in filed.punitive_statement
    assert report.scenario("compensatory").total == D("149302.00")
    assert report.scenario("punitive_additive").total == D("399304.00")  # 83,334 × 4 + 65,968
    assert report.scenario("statutory").total == D("365968.00")
    # the punitive interpretation is marked repealed in our material: every punitive claim says so
    assert filed.warning_codes == ["CITATION_STATUS", "PUNITIVE_READING"]


def test_basis_cites_each_provision_once():
    import datetime as dt

    from litigator.forums.cn.citation import Provision, cite

    tm, interp = Provision.parse("trademark_law@2019:63.1"), Provision.parse("trademark_interpretation@2020:13")
    assert cite([tm, interp, tm], dt.date(2026, 12, 1)) == \
        "《中华人民共和国商标法》第六十三条第一款；《最高人民法院关于审理商标民事纠纷案件适用法律若干问题的解释》第十三条"
