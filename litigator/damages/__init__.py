"""Damages stage: claim heads per scenario under the law of the forum, with court fees.

Public interface (stable; the CLI, the pipeline and drafting call these):

* :func:`compute(case, sales, case_label) -> DamagesReport` — raises
  :class:`litigator.errors.DamagesError` (exit 2) with no partial output.
* :func:`scenario_needs_sales(scenario, jurisdiction="cn") -> bool`
* :func:`explain(report, case=None) -> dict[str, list[str]]` — plain-language paragraphs per
  scenario, one per head (article cited), then one on fees (``--explain``).
* :func:`comparison(report) -> list[dict]` and :func:`head_rows(result) -> list[dict]` — the rows
  of the comparison of totals and of a scenario's table, as strings ready to print.
* :func:`select(report, scenario) -> DamagesReport` — the report cut to one scenario (``--scenario``).

The forum is a plug-in: a module with ``compute``, ``scenario_needs_sales`` and ``explain``,
registered in :data:`FORUMS` by jurisdiction (``cn`` → :mod:`litigator.damages.cn`; the US issue
adds ``us``).
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import TYPE_CHECKING

from litigator.damages.model import DamagesReport, Scenario, ScenarioResult
from litigator.errors import DamagesError
from litigator.money import format_amount

if TYPE_CHECKING:  # pragma: no cover
    from litigator.models import Case
    from litigator.sales.model import SalesSummary

FORUMS: dict[str, str] = {"cn": "litigator.damages.cn", "us": "litigator.damages.us"}


def forum(jurisdiction: str) -> ModuleType:
    """The rules module of a jurisdiction."""
    name = FORUMS.get(jurisdiction)
    if name is None:
        raise DamagesError(f"no damages rules for jurisdiction {jurisdiction!r}", "case.yaml", "jurisdiction")
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name == name:
            raise DamagesError(f"no damages rules for jurisdiction {jurisdiction!r} yet (the US pack adds them)",
                               "case.yaml", "jurisdiction") from None
        raise


def scenario_needs_sales(scenario: Scenario, jurisdiction: str = "cn") -> bool:
    return forum(jurisdiction).scenario_needs_sales(scenario)


def compute(case: "Case", sales: "SalesSummary | None", case_label: str) -> DamagesReport:
    """Apply the forum's rules to every scenario of ``case``."""
    return forum(case.jurisdiction).compute(case, sales, case_label)


def explain(report: DamagesReport, case: "Case | None" = None) -> dict[str, list[str]]:
    """``{scenario: [paragraph, ...]}``: one plain-language paragraph per head, then the fees."""
    return forum(report.jurisdiction).explain(report, case)


def select(report: DamagesReport, scenario: str) -> DamagesReport:
    """The report with only ``scenario`` (for ``--scenario NAME``); DamagesError if unknown."""
    names = [s.name for s in report.scenarios]
    if scenario not in names:
        raise DamagesError(f"no scenario {scenario!r} (have: {', '.join(names)})", "case.yaml", "scenarios")
    risk = [r for r in report.risk if r.scenario == scenario] if report.risk is not None else None
    return report.model_copy(update={"scenarios": [report.scenario(scenario)], "risk": risk})


def _m(value) -> str:
    return format_amount(value) if value is not None else "—"


def head_rows(result: ScenarioResult) -> list[dict[str, str]]:
    """Rows of one scenario's table: code, label, amount, formula, basis; then total and fees."""
    rows = [{"code": h.code, "label": h.label, "amount": _m(h.amount), "formula": h.formula, "basis": h.basis}
            for h in result.heads]
    rows.append({"code": "total", "label": "合计", "amount": _m(result.total), "formula": "", "basis": ""})
    f = result.fees
    rows.append({"code": "case_fee", "label": "案件受理费", "amount": _m(f.case_fee),
                 "formula": f.case_fee_formula or "", "basis": f.case_fee_basis or ""})
    if f.preservation_fee is not None:
        rows.append({"code": "preservation_fee", "label": "财产保全申请费", "amount": _m(f.preservation_fee),
                     "formula": f"on {_m(f.preservation_amount)}, capped at 5,000.00",
                     "basis": f.preservation_fee_basis or ""})
    return rows


def comparison(report: DamagesReport) -> list[dict[str, str]]:
    """One row per scenario: name, filed mark, total, case fee, preservation fee, warnings count,
    and the amount of each head code (``head:<code>``; "—" where the scenario lacks it)."""
    codes: list[str] = []
    for s in report.scenarios:
        for h in s.heads:
            if h.code not in codes:
                codes.append(h.code)
    rows = []
    for s in report.scenarios:
        row = {"scenario": s.name, "filed": "*" if s.name == report.filed_scenario else "",
               "total": _m(s.total), "case_fee": _m(s.fees.case_fee),
               "preservation_fee": _m(s.fees.preservation_fee), "warnings": str(len(s.warnings))}
        for c in codes:
            h = s.head(c)
            row[f"head:{c}"] = _m(h.amount) if h else "—"
        rows.append(row)
    return rows


__all__ = [
    "DamagesReport", "Scenario", "ScenarioResult", "FORUMS", "forum", "compute", "scenario_needs_sales",
    "explain", "select", "head_rows", "comparison",
]
