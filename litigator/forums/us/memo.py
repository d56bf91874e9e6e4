"""The internal damages memo for US cases (``memo.docx``): what ``templates/us/memo.md.j2`` reads as ``memo``.

Privileged work product for counsel, never filed (docs/pleadings-us.md, "The damages memo"): every scenario
side by side (heads, totals, the filing fee), the drafted scenario's per-defendant figures (store, proven
sales, how the figure is set, the figure, what the statute allows for that store), the precedent calibration
where the report has it (else "no calibration" with the reason), the fee and award risk, every warning known
before rendering with its code, and a chart of each claim against its expected range
(``litigator.drafting.chart``, labelled in English, so no CJK font is needed; the PNG is the image
``chart.png`` of the pipeline's ``_images``).

Everything is read from the damages report (``ScenarioResult.defendants`` for the per-defendant figures) and
the case's stores (their proven sales); the only figures made here are the head rows' union across scenarios
and each scenario's over-claim threshold in the chart (plotted, never printed). Money stays ``Decimal``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict

from litigator.damages.model import Calibration, ClaimHead, Fees, MoneyRange, Neighbour, RiskRow, ScenarioCalibration
from litigator.drafting.memo_parts import MemoRow, MemoWarning, chart_row, head_rows, memo_warnings, warning_rows
from litigator.warnings import Warnings

CHART_NAME = "chart.png"
PRIVILEGE = "PRIVILEGED AND CONFIDENTIAL — ATTORNEY WORK PRODUCT — NOT FOR FILING"
TITLE = "Damages Memorandum"


class MemoModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class MemoDefendant(MemoModel):
    """One store's figures in the drafted scenario (the report's ``DefendantResult``)."""

    id: str
    store: str
    proven_sales: Decimal | None     # the case's figure for the store; None: no proven sales
    model: str                       # how the figure is set: the heads' formulas
    heads: list[ClaimHead]
    total: Decimal
    range: MoneyRange | None         # what the statute allows for this store


class MemoScenario(MemoModel):
    name: str
    label: str                       # the name, with "(filed)" / "(drafted)" marks
    description: str | None
    model: str                       # the remedy and how each store's figure is set
    filed: bool
    drafted: bool
    heads: list[ClaimHead]
    total: Decimal
    fees: Fees
    calibration: ScenarioCalibration | None
    warnings: list[MemoWarning]


class UsMemoContext(MemoModel):
    privilege: str
    title: str
    filed_scenario: str
    drafted_scenario: str
    scenarios: list[MemoScenario]
    head_rows: list[MemoRow]
    total_row: MemoRow
    filing_fee_row: MemoRow
    defendants: list[MemoDefendant]
    defendants_total: Decimal
    calibrated: bool
    calibration: Calibration | None
    no_calibration_reason: str | None
    neighbours: list[Neighbour]
    risk: list[RiskRow]
    chart: str | None                # the image name the template shows; None: no chart
    chart_missing: str | None        # why there is no chart
    warnings: list[MemoWarning]


def memo_context(run: Any, scenario_name: str, forum_warnings: Warnings) -> tuple[UsMemoContext, dict[str, Any]]:
    """The memo's context and its images (name → maker, drawn only when the memo is rendered).

    ``forum_warnings``: the drafting warnings of the forum's context so far (the complaint, the motions)."""
    from litigator.drafting.chart import find_font_for
    from litigator.forums.us.drafting import particulars_warnings

    case = run.folder.case
    report = run.damages
    scenarios = [_scenario(s, case.scenarios[s.name], report.filed_scenario, scenario_name)
                 for s in report.scenarios]
    warnings = memo_warnings(run, forum_warnings, particulars_warnings(case), ("case", "drafting"),
                             [w for s in scenarios for w in s.warnings])

    calibration = report.calibration
    reason = None
    if calibration is None:
        reason = next((w.message for w in warnings if w.code == "CALIBRATION_UNAVAILABLE"),
                      "the precedents stage gave no calibration")
    sales = {s.id: (s.sales.amount if s.sales is not None else None) for s in case.stores}
    drafted = report.scenario(scenario_name)
    defendants = [MemoDefendant(id=d.id, store=d.store, proven_sales=sales.get(d.id),
                                model="; ".join(h.formula for h in d.heads if h.formula) or "nothing computed",
                                heads=d.heads, total=d.total, range=d.range)
                  for d in drafted.defendants]
    memo = UsMemoContext(
        privilege=PRIVILEGE,
        title=TITLE,
        filed_scenario=report.filed_scenario,
        drafted_scenario=scenario_name,
        scenarios=scenarios,
        head_rows=head_rows(report.scenarios),
        total_row=MemoRow(label="Total", amounts=[s.total for s in report.scenarios]),
        filing_fee_row=MemoRow(label="Filing fee", amounts=[s.fees.case_fee for s in report.scenarios]),
        defendants=defendants,
        defendants_total=drafted.total,
        calibrated=calibration is not None,
        calibration=calibration,
        no_calibration_reason=reason,
        neighbours=calibration.neighbours if calibration is not None else [],
        risk=report.risk or [],
        chart=None,
        chart_missing=None,
        warnings=warnings,
    )
    labels, rows = _chart_inputs(memo)
    font = find_font_for([*(r.label for r in rows), *(r.claim_text for r in rows), *vars(labels).values()])
    if font is None:  # not expected: matplotlib ships DejaVu Sans
        return memo.model_copy(update={"chart_missing": "No chart: no font for its labels was found."}), {}
    memo = memo.model_copy(update={"chart": CHART_NAME})
    return memo, {CHART_NAME: lambda: chart_png(memo, font)}


def _chart_inputs(memo: UsMemoContext) -> tuple[Any, list[Any]]:
    from litigator.drafting.chart import ChartLabels
    from litigator.forums.us.drafting import usd

    rows = [chart_row(s.label, s.total, str(usd(s.total)), s.calibration) for s in memo.scenarios]
    labels = ChartLabels(
        title="Claim and expected award by scenario",
        axis="USD (logarithmic scale)",
        claim="Claim",
        expected="Expected award (low–high)",
        mid="Expected award (mid)",
        awarded="Awards in similar cases",
        over_claim="Over-claim threshold",
    )
    return labels, rows


def chart_png(memo: UsMemoContext, font: Any) -> bytes:
    """The claim of each scenario against its expected range (drafting/chart.py), labelled in English."""
    from litigator.drafting.chart import claim_chart

    labels, rows = _chart_inputs(memo)
    return claim_chart(rows, labels, font)


def _model(config: Any) -> str:
    """The scenario's remedy and how each store's figure is set, from case.yaml's scenario."""
    from litigator.forums.us.drafting import usd

    if config.remedy == "statutory":
        how = {"per_mark_per_type": "per counterfeit mark per type of goods", "per_defendant": "per defendant",
               "sales_multiple": "times each store's proven sales"}.get(config.model, config.model)
        amount = f"{config.multiple} × sales" if config.model == "sales_multiple" else str(usd(config.amount))
        extra = f"; without sales: {config.without_sales}" if config.model == "sales_multiple" else ""
        return f"§ 1117(c) statutory: {amount} ({how}){extra}{'; willful' if config.willful else ''}"
    parts = ["§ 1117(a) profits and damages"]
    if config.treble:
        parts.append("trebled under § 1117(b)" + (" (extenuating)" if config.extenuating else ""))
    if config.attorney_fee is not None:
        parts.append(f"attorney's fee {usd(config.attorney_fee)}")
    return "; ".join(parts)


def _scenario(s: Any, config: Any, filed: str, drafted: str) -> MemoScenario:

    marks = [m for m, on in (("filed", s.name == filed), ("drafted", s.name == drafted)) if on]
    return MemoScenario(
        name=s.name,
        label=s.name + (f" ({', '.join(marks)})" if marks else ""),
        description=s.description,
        model=_model(config),
        filed=s.name == filed,
        drafted=s.name == drafted,
        heads=s.heads,
        total=s.total,
        fees=s.fees,
        calibration=s.calibration,
        warnings=warning_rows(s.warnings, s.warning_codes, s.name),
    )
