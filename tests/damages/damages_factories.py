"""Builders for damages tests: Case and SalesSummary objects made directly (no sales engine)."""

from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal

from litigator.models import CnCase as Case
from litigator.sales.model import SalesFile, SalesLine, SalesSummary, SalesTotals, ValidationReport

D = Decimal

PLATFORM = {
    "court": "上海市奉贤区人民法院",
    "cause": "网络服务合同纠纷",
    "claims": ["breach_of_contract", "reasonable_expenses"],
    "plaintiffs": [{"name": "示例网络有限公司", "kind": "company"}],
    "defendants": [{"name": "某某", "kind": "person"}],
    "products": [{"name": "成猫粮", "skus": ["A1"]}],
    "agreement": {"name": "《示例平台服务协议》",
                  "clauses": ["用户的行为使平台遭受损失（包括商誉损失及对外支付的赔偿金、和解款、律师费等），"
                              "用户应赔偿全部损失。"],
                  "exhibit": "evidence/04-agreement.txt"},
    "scenarios": {"base": {"goodwill": {"method": "revenue_multiple", "multiple": "1"}}},
    "filing_date": "2026-12-01",
}

BRAND = {
    "court": "杭州市余杭区人民法院",
    "cause": "侵害商标权纠纷",
    "claims": ["trademark_infringement", "reasonable_expenses"],
    "plaintiffs": [{"name": "示例品牌有限公司", "kind": "company"}],
    "defendants": [{"name": "某某", "kind": "person"}],
    "marks": [{"name": "示例", "registration_number": "12345678", "owner": "示例品牌有限公司"}],
    "products": [{"name": "精华液", "skus": ["S1"], "right_holder_unit_profit": "50.00",
                  "infringer_unit_profit": "30.00", "profit_evidence": "evidence/06-profit.txt"}],
    "conduct": {"knowledge": [{"fact": "警告后继续销售", "exhibit": "evidence/04-letter.txt"}],
                "intent": [{"fact": "假冒注册商标", "exhibit": "evidence/04-letter.txt"}],
                "serious": [{"fact": "以侵权为业", "exhibit": "evidence/05-shop.txt"}]},
    "expenses": [{"kind": "attorney_fee", "amount": "10000.00", "exhibit": "evidence/07-fees.txt"}],
    "scenarios": {"base": {"trademark": {"method": "actual_loss"}}},
    "filing_date": "2026-12-01",
}


def case(base: dict, **overrides) -> Case:
    data = copy.deepcopy(base)
    data.update(overrides)
    return Case.model_validate(data)


def scenario_case(base: dict, scenario: dict, **overrides) -> Case:
    return case(base, scenarios={"s": scenario}, **overrides)


def sales(orders: int = 3050, units: int = 3200, customers: int = 2800, gross: str = "180000.00",
          refunds: str = "8800.00", net: str = "171200.00", first: dt.date | None = dt.date(2024, 1, 3),
          last: dt.date | None = dt.date(2024, 12, 30), by_sku: list[SalesLine] | None = None,
          by_month: list[SalesLine] | None = None) -> SalesSummary:
    return SalesSummary(
        files=[SalesFile(path="sales/orders.csv", sha256="0123456789ab" * 5 + "0123", rows=orders,
                         first_line=2, last_line=orders + 1)],
        profile="taobao", report=ValidationReport(), by_sku=by_sku or [], by_month=by_month or [],
        totals=SalesTotals(orders=orders, units=units, customers=customers, gross=D(gross), refunds=D(refunds),
                           net=D(net), first_order=first, last_order=last),
    )


def line(sku: str, units: int, month: str | None = None, product: str | None = None) -> SalesLine:
    return SalesLine(sku=sku, product=product, month=month, orders=units, units=units, gross=D(0), refunds=D(0),
                     net=D(0))
