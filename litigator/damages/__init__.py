"""Damages stage: claim heads per scenario under the law of the forum, with court fees.

Public interface (stable; the CLI, the pipeline and drafting call these):

* :func:`compute(case, sales, case_label) -> DamagesReport` — raises
  :class:`litigator.errors.DamagesError` (exit 2) with no partial output.
* :func:`scenario_needs_sales(scenario, jurisdiction) -> bool`
* :func:`explain(report, case=None) -> dict[str, list[str]]` — plain-language paragraphs per
  scenario, one per head (article cited), then one on fees (``--explain``).
* :func:`comparison(report) -> list[dict]` and :func:`head_rows(result, jurisdiction) -> list[dict]` —
  the rows of the comparison of totals and of a scenario's table, as strings ready to print.
* :func:`select(report, scenario) -> DamagesReport` — the report cut to one scenario (``--scenario``).

The rules are the forum's (:mod:`litigator.forums`): this module only dispatches on ``jurisdiction``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from litigator.damages.model import DamagesReport, ScenarioResult
from litigator.errors import DamagesError
from litigator.money import format_amount

if TYPE_CHECKING:  # pragma: no cover
    from litigator.sales.model import SalesSummary


def _forum(jurisdiction: str):
    from litigator import forums

    return forums.get(jurisdiction)


def scenario_needs_sales(scenario: Any, jurisdiction: str) -> bool:
    return _forum(jurisdiction).scenario_needs_sales(scenario)


def compute(case: Any, sales: "SalesSummary | None", case_label: str) -> DamagesReport:
    """Apply the forum's rules to every scenario of ``case``."""
    return _forum(case.jurisdiction).compute(case, sales, case_label)


def explain(report: DamagesReport, case: Any = None, lang: str | None = None) -> dict[str, list[str]]:
    """``{scenario: [paragraph, ...]}``: one plain-language paragraph per head, then the fees, in ``lang``
    (the forum's ``explain_languages``; default: its first)."""
    forum = _forum(report.jurisdiction)
    if lang is not None and lang not in forum.explain_languages:
        raise DamagesError(f"--explain-lang {lang!r}: this forum explains in {', '.join(forum.explain_languages)}")
    return forum.explain(report, case, lang)


def select(report: DamagesReport, scenario: str) -> DamagesReport:
    """The report with only ``scenario`` (for ``--scenario NAME``); DamagesError if unknown."""
    names = [s.name for s in report.scenarios]
    if scenario not in names:
        raise DamagesError(f"no scenario {scenario!r} (have: {', '.join(names)})", "case.yaml", "scenarios")
    risk = [r for r in report.risk if r.scenario == scenario] if report.risk is not None else None
    return report.model_copy(update={"scenarios": [report.scenario(scenario)], "risk": risk})


def _m(value) -> str:
    return format_amount(value) if value is not None else "—"


def head_rows(result: ScenarioResult, jurisdiction: str) -> list[dict[str, str]]:
    """Rows of one scenario's table: code, label, amount, formula, basis; then total and fees (the
    forum's labels)."""
    labels = _forum(jurisdiction).labels
    rows = [{"code": h.code, "label": h.label, "amount": _m(h.amount), "formula": h.formula, "basis": h.basis}
            for h in result.heads]
    rows.append({"code": "total", "label": labels.total, "amount": _m(result.total), "formula": "", "basis": ""})
    f = result.fees
    rows.append({"code": "case_fee", "label": labels.case_fee, "amount": _m(f.case_fee),
                 "formula": f.case_fee_formula or "", "basis": f.case_fee_basis or ""})
    if f.preservation_fee is not None:
        rows.append({"code": "preservation_fee", "label": labels.preservation_fee, "amount": _m(f.preservation_fee),
                     "formula": f.preservation_fee_formula or "", "basis": f.preservation_fee_basis or ""})
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
    "DamagesReport", "ScenarioResult", "compute", "scenario_needs_sales", "explain", "select", "head_rows",
    "comparison",
]
