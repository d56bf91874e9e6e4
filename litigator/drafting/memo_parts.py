"""The parts of a damages memo every forum's memo shares (forums/<code>/memo.py builds the rest): the
warnings with their codes and scope, the side-by-side rows of the scenarios' heads, the facts conflicts
``draft`` reports. Forum-neutral: labels and scopes are the forum's words."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict


class MemoModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class MemoWarning(MemoModel):
    code: str
    scope: str          # the forum's words for the whole case, drafting, or a scenario's name
    message: str        # the warning without its leading "CODE: "


class MemoRow(MemoModel):
    """One row of the side-by-side table: a label and one amount per scenario (None: not claimed there)."""

    label: str
    amounts: list[Decimal | None]


def head_rows(scenarios: list[Any]) -> list[MemoRow]:
    """The union of the scenarios' heads by label (e.g. 经济损失 and 经济损失（含惩罚性赔偿） are two rows), in
    the order the scenarios list them: a new label goes before the next label its scenario shares."""
    order: list[str] = []
    for s in scenarios:
        labels = [h.label for h in s.heads]
        for i, label in enumerate(labels):
            if label in order:
                continue
            after = next((order.index(x) for x in labels[i + 1:] if x in order), len(order))
            order.insert(after, label)
    return [MemoRow(label=label, amounts=[_head_amount(s, label) for s in scenarios]) for label in order]


def _head_amount(scenario: Any, label: str) -> Decimal | None:
    amounts = [h.amount for h in scenario.heads if h.label == label]
    return sum(amounts, Decimal(0)) if amounts else None


def warning_rows(texts: list[str], codes: list[str], scope: str) -> list[MemoWarning]:
    return [MemoWarning(code=c, scope=scope, message=t.removeprefix(f"{c}: ")) for t, c in zip(texts, codes,
                                                                                            strict=True)]


def facts_conflicts(folder: Any) -> list[str]:
    """Unresolved conflicts between facts.yaml and case.yaml, as draft reports them (none without facts.yaml)."""
    if not (folder / "facts.yaml").is_file():
        return []
    try:
        from litigator.facts import unresolved_conflicts
    except ImportError:  # the facts stage is optional for drafting
        return []
    return list(unresolved_conflicts(folder))


def chart_row(label: str, total: Decimal, claim_text: str, calibration: Any) -> Any:
    """A scenario's row of the claim chart (drafting/chart.py): its claim, and from its calibration the
    expected range, the similar cases' awards and the over-claim threshold (plotted only, never printed)."""
    from litigator.drafting.chart import ChartRow

    expected = awarded = above = None
    if calibration is not None:
        e = calibration.expected_award
        expected = (e.low, e.mid, e.high)
        if calibration.awarded_range is not None:
            awarded = (calibration.awarded_range.low, calibration.awarded_range.high)
            if calibration.over_claim_factor is not None:
                above = calibration.awarded_range.high * Decimal(calibration.over_claim_factor)
    return ChartRow(label=label, claim=total, claim_text=claim_text, expected=expected, awarded=awarded,
                    over_claim_above=above)


def memo_warnings(run: Any, forum_warnings: Any, particulars: list[str], scopes: tuple[str, str],
                  scenario_rows: list[MemoWarning]) -> list[MemoWarning]:
    """Every warning known before rendering, as ``pipeline.draft`` collects them (the run's, the report's,
    facts conflicts, missing particulars; scope ``scopes[0]``), then the forum's drafting warnings (scope
    ``scopes[1]``), then each scenario's own rows."""
    from litigator.warnings import Warnings

    report = run.damages
    case_w = Warnings(forum_warnings.kinds)
    case_w.extend(run.warnings, run.warning_codes)
    case_w.extend(report.warnings, report.warning_codes)
    for conflict in facts_conflicts(run.folder.path):
        case_w.add("FACTS_CONFLICT", conflict)
    for missing in particulars:
        case_w.add("PARTICULARS_MISSING", missing)
    return [*warning_rows(case_w.texts, case_w.codes, scopes[0]),
            *warning_rows(forum_warnings.texts, forum_warnings.codes, scopes[1]),
            *scenario_rows]

