"""Chinese --explain paragraphs (explain_zh): one per claim head, then the court fees, from the data only.

Expected figures are computed by hand here. Sales (damages_factories.sales): 3,050 orders, 3,200 units,
2,800 customers, gross 180,000.00, net 171,200.00. Brand product: right holder's unit profit 50.00,
infringer's 30.00; expenses 10,000.00 (a lawyer's fee). Filing date 2026-12-01.

Case fee (property schedule): 50 up to 10,000; 2.5 % to 100,000; 2 % to 200,000; 1.5 % to 500,000.
Preservation fee: 30 up to 1,000; 1 % to 100,000; 0.5 % above.
"""

from __future__ import annotations

import re

import pytest
from damages_factories import BRAND, PLATFORM, case, sales, scenario_case

from litigator.damages import compute
from litigator.damages.model import DamagesReport
from litigator.forums.cn.explain_zh import explain_zh

ENGLISH = ("the ", "damages", "loss", "fee", "basis", "court", "claim", " of ", "capped", "asked", "estimate")
UC = dict(cause="不正当竞争纠纷", claims=["unfair_competition", "reasonable_expenses"], marks=[])
UC_CONDUCT = {"start": "2024-01-01", "end": "2024-12-31", "knowledge": [{"fact": "警告后继续"}]}


def check(report: DamagesReport, case_=None) -> dict[str, list[str]]:
    """The shape every report's paragraphs share: one per head plus one fee paragraph, each head's amount and
    basis verbatim, no English; the result is the same with or without the case."""
    out = explain_zh(report, case_)
    assert list(out) == [s.name for s in report.scenarios]
    for s in report.scenarios:
        paras = out[s.name]
        assert len(paras) == len(s.heads) + 1
        for h, p in zip(s.heads, paras):
            assert p.startswith(h.label + "（")
            assert f"{h.amount:,.2f}元" in p
            assert f"依据：{h.basis}。" in p
        fee = paras[-1]
        assert "案件受理费" in fee and f"{s.fees.case_fee:,.2f}元" in fee and s.fees.case_fee_basis in fee
        for p in paras:
            assert not re.search(r"[A-Za-z]", p), p
            assert not any(w in p.lower() for w in ENGLISH), p
    if case_ is not None:
        assert explain_zh(report) == out
    return out


# -- platform v. seller, contract ----------------------------------------------------------------


def test_platform_sales_methods_and_expenses():
    # preservation of 500,000.00 is above the claim of "s" (a warning there) but not of the filed scenario (above
    # the filed claim it would be an error)
    c = case(PLATFORM, scenarios={"s": {
        "goodwill": {"method": "revenue_multiple", "multiple": "2"},
        "losses": [{"method": "per_order", "amount_per_order": "5.00", "head": "governance_cost",
                    "evidence": "evidence/09-cost.pdf"},
                   {"method": "per_customer", "value_per_customer": "10.00", "head": "direct_loss",
                    "evidence": "evidence/10-users.pdf"}],
    }, "filed": {"goodwill": {"method": "revenue_multiple", "multiple": "3"}}}, filed_scenario="filed",
        expenses=[{"kind": "notarization", "amount": "3000.00", "exhibit": "evidence/07.txt"},
                  {"kind": "test_purchase", "amount": "129.00", "exhibit": "evidence/02.txt"},
                  {"kind": "attorney_fee", "amount": "20000.00", "exhibit": "evidence/08.txt"}],
        preservation={"amount": "500000.00"})
    report = compute(c, sales(), "test")
    goodwill, governance, direct, expenses, fee = check(report, c)["s"]
    # 171,200.00 × 2
    assert goodwill.startswith("商誉损失（342,400.00元）：")
    assert "净销售额171,200.00元" in goodwill and "按2倍计算：171,200.00 × 2 = 342,400.00。" in goodwill
    assert "并无法定标准" in goodwill and "预见" in goodwill
    # 3,050 orders × 5.00
    assert governance.startswith("打假治理成本（15,250.00元）：")
    assert "侵权订单3,050笔，每笔5.00元" in governance and "3,050 × 5.00 = 15,250.00" in governance
    # 2,800 customers × 10.00
    assert direct.startswith("直接经济损失（28,000.00元）：")
    assert "不同买家2,800人" in direct and "2,800 × 10.00 = 28,000.00" in direct
    # 3,000.00 + 129.00 + 20,000.00, each item named; test purchase and notarisation: mitigation; clause quoted
    assert expenses.startswith("合理开支（23,129.00元）：")
    assert "公证费3,000.00元、购买侵权商品费用129.00元、律师费20,000.00元" in expenses
    assert "防止损失扩大" in expenses
    assert "律师费依协议约定由被告负担（「" + PLATFORM["agreement"]["clauses"][0] + "」）" in expenses
    # total 342,400 + 15,250 + 28,000 + 23,129 = 408,779.00
    # case fee: 50 + 2,250 + 2,000 + 208,779 × 1.5% (3,131.685) = 7,431.685 → 7,431.69
    assert "诉讼请求之和408,779.00元" in fee and "即7,431.69元" in fee
    assert "208,779.00 × 1.5% = 7,431.69" in fee
    # preservation asked 500,000 > claim: charged on 408,779: 30 + 990 + 308,779 × 0.5% (1,543.895) = 2,563.895
    assert "财产保全申请费为2,563.90元" in fee and "500,000.00元" in fee and "按408,779.00元计算" in fee
    # half the claim: defendant 7,431.69 × 0.5 = 3,715.845 → 3,715.85; plaintiff the rest 3,715.84
    assert "判赔204,389.50元（支持50%）" in fee and "原告约负担案件受理费3,715.84元" in fee
    assert "估算" in fee and "第二十九条" in fee


def test_platform_margin_payouts_fixed_and_no_clause_lawyer_fee():
    c = scenario_case(PLATFORM, {
        "goodwill": {"method": "profit_margin", "margin": "0.25", "evidence": "evidence/11.pdf"},
        "losses": [{"method": "compensation_paid", "amount": "12000.00", "evidence": "evidence/08.xlsx"},
                   {"method": "fixed", "amount": "5000", "head": "direct_loss", "evidence": "evidence/12.pdf"}],
    }, agreement={"name": "《示例平台服务协议》", "clauses": ["用户不得销售假冒商品。"]},
        expenses=[{"kind": "attorney_fee", "amount": "8000.00", "exhibit": "evidence/08.txt"}])
    margin, payout, fixed, expenses, _ = check(compute(c, sales(), "test"), c)["s"]
    # 171,200.00 × 0.25
    assert margin.startswith("商誉损失（42,800.00元）：") and "171,200.00 × 0.25 = 42,800.00" in margin
    assert "利润率0.25" in margin
    assert payout.startswith("对外赔付损失（12,000.00元）：") and "12,000.00（已对外支付）" in payout
    assert fixed.startswith("直接经济损失（5,000.00元）：") and "5,000.00（固定数额）" in fixed
    assert "未约定由被告负担律师费" in expenses and "防止损失扩大" not in expenses


@pytest.mark.parametrize("ld,amount,text", [
    ({"method": "sales_multiple", "multiple": "10", "sales_base": "net",
      "clause": "卖家售假的，按假货销售额的十倍支付违约金"},
     "1,712,000.00", ["净销售额171,200.00元的10倍", "171,200.00 × 10 = 1,712,000.00",
                      "「卖家售假的，按假货销售额的十倍支付违约金」"]),   # 171,200.00 × 10
    ({"method": "sales_multiple", "multiple": "2", "sales_base": "gross"},
     "360,000.00", ["销售总额180,000.00元的2倍", "180,000.00 × 2 = 360,000.00"]),    # 180,000.00 × 2
    ({"method": "fixed", "amount": "50000"}, "50,000.00", ["50,000.00（约定数额）"]),
])
def test_liquidated_damages(ld, amount, text):
    c = scenario_case(PLATFORM, {"liquidated_damages": ld})
    para, _ = check(compute(c, sales(), "test"), c)["s"]
    assert para.startswith(f"违约金（{amount}元）：")
    for t in text:
        assert t in para
    assert "适当减少" in para


def test_goodwill_in_tort_and_personality_fee_schedule():
    c = scenario_case(PLATFORM, {"goodwill": {"method": "fixed", "amount": "100000", "evidence": "e/x.pdf"},
                                 "losses": [{"method": "profit_margin", "margin": "0.25", "head": "direct_loss",
                                             "evidence": "e/m.pdf"}]},
                      claims=["goodwill_tort", "reasonable_expenses"],
                      expenses=[{"kind": "attorney_fee", "amount": "10000.00", "exhibit": "e/f.txt"}])
    goodwill, margin, expenses, fee = check(compute(c, sales(), "test"), c)["s"]
    assert "名誉权" in goodwill and "违约" not in goodwill
    # 171,200.00 × 0.25, the seller's gain from the tort
    assert "171,200.00 × 0.25 = 42,800.00" in margin and "因侵权所获利益" in margin and "违约" not in margin
    assert "侵权行为给原告造成的财产损失" in expenses
    assert "人格权" in fee


# -- brand owner v. seller, trademark --------------------------------------------------------------

NOT_DETERMINABLE = {"actual_loss": "销量减少难以证明", "infringer_profit": "被告未提供账簿",
                    "licence_fee": "无许可合同"}


def brand_case():
    units = {"units": 1000, "units_evidence": "evidence/05-shop.txt"}
    return case(BRAND, licence={"fee": "20000.00", "exhibit": "evidence/10-licence.pdf"}, filed_scenario="punitive",
                scenarios={
        "actual": {"trademark": {"method": "actual_loss", **units}},
        "profit": {"trademark": {"method": "infringer_profit", **units,
                                 "not_determinable": {"actual_loss": "销量减少难以证明"}}},
        "licence": {"trademark": {"method": "licence_fee", "licence_multiple": "2",
                                  "not_determinable": {"actual_loss": "销量减少难以证明",
                                                       "infringer_profit": "被告未提供账簿"}}},
        "statutory": {"trademark": {"method": "statutory", "statutory_amount": "200000",
                                    "not_determinable": NOT_DETERMINABLE}},
        "punitive": {"trademark": {"method": "actual_loss", **units, "punitive_multiple": "3"}},
        "additive": {"trademark": {"method": "actual_loss", **units, "punitive_multiple": "3",
                                   "punitive_reading": "additive"}},
    })


def test_brand_methods_punitive_readings_and_expenses():
    c = brand_case()
    out = check(compute(c, None, "test"), c)
    # actual loss: 1,000 units × 50.00 = 50,000.00; total with expenses 60,000.00
    actual, expenses, fee = out["actual"]
    assert actual.startswith("经济损失（50,000.00元）：") and "实际损失" in actual
    assert "精华液销售数量1,000，单位利润50.00元" in actual and "1,000 × 50.00 = 50,000.00" in actual
    assert "律师费10,000.00元" in expenses and "不计入惩罚性赔偿的计算基数" in expenses
    # case fee on 60,000: 50 + 50,000 × 2.5% = 1,300.00
    assert "诉讼请求之和60,000.00元" in fee and "即1,300.00元" in fee
    # infringer's profit: 1,000 × 30.00 = 30,000.00
    profit = out["profit"][0]
    assert profit.startswith("经济损失（30,000.00元）：") and "1,000 × 30.00 = 30,000.00" in profit
    assert "权利人的实际损失（销量减少难以证明）" in profit
    # licence fee 20,000.00 × 2 = 40,000.00
    licence = out["licence"][0]
    assert licence.startswith("经济损失（40,000.00元）：") and "许可使用费20,000.00元" in licence
    assert "20,000.00 × 2 = 40,000.00" in licence
    # statutory 200,000.00 with every earlier method marked; case fee on 210,000: 50 + 2,250 + 2,000 + 150
    statutory, _, fee = out["statutory"]
    assert statutory.startswith("经济损失（200,000.00元）：") and "法定赔偿" in statutory
    for reason in NOT_DETERMINABLE.values():
        assert reason in statutory
    assert "即4,450.00元" in fee
    # punitive, multiplied: 50,000.00 × 3 = 150,000.00 in one head; case fee on 160,000: 50 + 2,250 + 1,200
    punitive, _, fee = out["punitive"]
    assert punitive.startswith("经济损失（含惩罚性赔偿）（150,000.00元）：")
    assert "计算基数50,000.00元的3倍" in punitive and "倍数×基数" in punitive
    assert "(1,000 × 50.00 = 50,000.00) × 3 = 150,000.00" in punitive
    assert "计算基数不包括" in punitive and "即3,500.00元" in fee
    # additive: base 50,000.00 + punitive 3 × 50,000.00 = 150,000.00 as its own head
    base, pun, _, fee = out["additive"]
    assert base.startswith("经济损失（50,000.00元）：") and "惩罚性赔偿的计算基数" in base
    assert pun.startswith("惩罚性赔偿（150,000.00元）：")
    assert "补偿性赔偿数额50,000.00元" in pun and "按3倍计算" in pun and "基数＋倍数×基数" in pun
    assert "50,000.00 × 3 = 150,000.00" in pun
    # 50,000 + 150,000 + 10,000 = 210,000.00 → 4,450.00
    assert "即4,450.00元" in fee


def test_infringer_profit_falls_back_to_the_right_holders_unit_profit():
    products = [{**BRAND["products"][0], "infringer_unit_profit": None}]
    c = scenario_case(BRAND, {"trademark": {"method": "infringer_profit", "units": 1000,
                                            "units_evidence": "evidence/05-shop.txt"}}, products=products)
    para = check(compute(c, None, "test"), c)["s"][0]
    # 1,000 × 50.00 (the registered goods' unit profit stands in)
    assert "1,000 × 50.00 = 50,000.00" in para and "按注册商标商品的单位利润计算" in para


# -- unfair competition ---------------------------------------------------------------------------


def test_unfair_competition():
    c = case(BRAND, **UC, conduct=UC_CONDUCT, filed_scenario="units", scenarios={
        "units": {"unfair_competition": {"conduct": "confusion", "method": "actual_loss", "units": 100,
                                         "evidence": "e/u.txt"}},
        "amount": {"unfair_competition": {"conduct": "confusion", "method": "infringer_gain", "amount": "80000",
                                          "evidence": "e/g.pdf",
                                          "not_determinable": {"actual_loss": "原告销量未受明显影响"}}},
        "secret": {"unfair_competition": {"conduct": "trade_secret", "method": "actual_loss", "amount": "10000",
                                          "evidence": "e/l.pdf", "punitive_multiple": "2"}},
        "statutory": {"unfair_competition": {"conduct": "confusion", "method": "statutory",
                                             "statutory_amount": "100000",
                                             "not_determinable": {"actual_loss": "难以证明",
                                                                  "infringer_gain": "无账簿"}}},
    })
    out = check(compute(c, None, "test"), c)
    # 100 units × 50.00 = 5,000.00
    units, expenses, _ = out["units"]
    assert units.startswith("经济损失（5,000.00元）：") and "销售数量100" in units
    assert "100 × 50.00 = 5,000.00" in units
    assert "经营者为制止侵权行为所支付的合理开支" in expenses
    gain = out["amount"][0]
    assert gain.startswith("经济损失（80,000.00元）：") and "获得的利益" in gain and "原告销量未受明显影响" in gain
    # 10,000.00 × 2 = 20,000.00
    secret = out["secret"][0]
    assert secret.startswith("经济损失（含惩罚性赔偿）（20,000.00元）：") and "商业秘密" in secret
    assert "2倍" in secret and "(10,000.00) × 2 = 20,000.00" in secret
    statutory = out["statutory"][0]
    assert statutory.startswith("经济损失（100,000.00元）：") and "法定赔偿" in statutory and "无账簿" in statutory


def test_unknown_head_code_falls_back_to_label_formula_basis():
    c = scenario_case(BRAND, {"trademark": {"method": "actual_loss", "units": 1000,
                                            "units_evidence": "evidence/05-shop.txt"}})
    report = compute(c, None, "test")
    s = report.scenario("s")
    odd = s.heads[0].model_copy(update={"code": "future_head", "label": "其他损失"})
    report = report.model_copy(update={"scenarios": [s.model_copy(update={"heads": [odd, *s.heads[1:]]})]})
    para = explain_zh(report)["s"][0]
    assert para == f"其他损失（50,000.00元）：1,000 × 50.00 = 50,000.00。依据：{odd.basis}。"
