"""Chinese damages rules (platform v. seller in contract; first cut).

Heads:

* ``goodwill_loss`` (商誉损失), Civil Code Arts. 577, 584: ``revenue_multiple`` (net counterfeit
  revenue × multiple), ``per_order`` (counterfeit orders × amount per order), ``fixed``.
* ``reasonable_expenses`` (合理开支): the sum of the listed expenses, each with its voucher.

The 案件受理费 is computed on the sum of the monetary claims (expenses included).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from litigator.damages.fees import case_acceptance_fee, preservation_fee
from litigator.damages.model import (
    ClaimHead,
    DamagesReport,
    Fees,
    HeadInput,
    Scenario,
    ScenarioResult,
)
from litigator.errors import DamagesError
from litigator.money import format_amount, quantize

if TYPE_CHECKING:  # pragma: no cover
    from litigator.models import Case
    from litigator.sales.model import SalesSummary

CALIBRATION_PENDING = (
    "calibration and risk are not computed yet: the precedent library has not landed; "
    "compare the claim with decided cases by hand"
)
GOODWILL_BASIS = "《中华人民共和国民法典》第五百七十七条、第五百八十四条"
EXPENSES_BASIS = "《中华人民共和国民法典》第五百八十四条、第五百九十一条"


def scenario_needs_sales(scenario: Scenario) -> bool:
    g = scenario.goodwill
    return g is not None and g.method in ("revenue_multiple", "per_order")


def _need_sales(sales: "SalesSummary | None", name: str) -> "SalesSummary":
    if sales is None:
        raise DamagesError(f"scenario {name!r} needs sales data: add `sales:` to case.yaml", "case.yaml")
    if sales.totals.orders == 0:
        raise DamagesError("no counterfeit sales rows after filters", "case.yaml", "sales")
    return sales


def _goodwill(case: "Case", name: str, scenario: Scenario, sales: "SalesSummary | None") -> ClaimHead | None:
    g = scenario.goodwill
    if g is None:
        return None
    cur = case.currency
    if g.method == "revenue_multiple":
        s = _need_sales(sales, name)
        amount = quantize(s.totals.net * g.multiple)
        formula = f"{format_amount(s.totals.net)} × {g.multiple} = {format_amount(amount)}"
        inputs = [
            HeadInput(name="net_revenue", value=str(quantize(s.totals.net)), source=s.source_label()),
            HeadInput(name="multiple", value=str(g.multiple), source=f"case.yaml scenarios.{name}.goodwill"),
        ]
    elif g.method == "per_order":
        s = _need_sales(sales, name)
        amount = quantize(s.totals.orders * g.amount_per_order)
        formula = f"{s.totals.orders:,} × {format_amount(g.amount_per_order)} = {format_amount(amount)}"
        inputs = [
            HeadInput(name="orders", value=str(s.totals.orders), source=s.source_label()),
            HeadInput(name="amount_per_order", value=str(quantize(g.amount_per_order)),
                      source=f"case.yaml scenarios.{name}.goodwill"),
        ]
    else:
        amount = quantize(g.amount)
        formula = f"{format_amount(amount)} (fixed)"
        inputs = [HeadInput(name="amount", value=str(amount), source=f"case.yaml scenarios.{name}.goodwill")]
    if g.evidence:
        inputs.append(HeadInput(name="evidence", value=g.evidence, source=g.evidence))
    return ClaimHead(code="goodwill_loss", label="商誉损失", amount=amount, currency=cur,
                     basis=GOODWILL_BASIS, formula=formula, inputs=inputs)


def _expenses(case: "Case", warnings: list[str]) -> ClaimHead | None:
    if not case.expenses:
        return None
    total = quantize(sum((e.amount for e in case.expenses), Decimal(0)))
    parts = " + ".join(format_amount(e.amount) for e in case.expenses)
    inputs = []
    for i, e in enumerate(case.expenses):
        if not e.exhibit:
            warnings.append(f"expenses[{i}] ({e.label}, {format_amount(e.amount)}) has no exhibit: "
                            "a court may refuse an expense without a voucher")
        inputs.append(HeadInput(name=e.kind, value=str(quantize(e.amount)),
                                source=e.exhibit or f"case.yaml expenses[{i}] (no voucher)"))
    return ClaimHead(code="reasonable_expenses", label="合理开支", amount=total, currency=case.currency,
                     basis=EXPENSES_BASIS, formula=f"{parts} = {format_amount(total)}", inputs=inputs)


def compute(case: "Case", sales: "SalesSummary | None", case_label: str) -> DamagesReport:
    results = []
    for name, scenario in case.scenarios.items():
        warnings: list[str] = []
        heads = [h for h in (_goodwill(case, name, scenario, sales), _expenses(case, warnings)) if h]
        total = quantize(sum((h.amount for h in heads), Decimal(0)))
        fees = Fees(
            case_fee=case_acceptance_fee(total, summary=case.procedure == "summary"),
            preservation_fee=preservation_fee(case.preservation.amount) if case.preservation else None,
        )
        results.append(ScenarioResult(name=name, heads=heads, total=total, fees=fees, warnings=warnings))
    return DamagesReport(
        case=case_label, jurisdiction="cn", currency=case.currency, filed_scenario=case.filed_scenario,
        scenarios=results, calibration=None, risk=None, warnings=[CALIBRATION_PENDING],
    )
