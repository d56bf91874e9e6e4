"""The internal damages memo (损害赔偿评估, ``memo.docx``): what ``templates/cn/memo.md.j2`` reads as ``memo``.

Privileged work product for counsel and finance, never filed (docs/pleadings-cn.md, "The damages memo"):
every scenario side by side (heads, totals, fees), the precedent neighbours and each scenario's expected
award, the fee-risk tables, every warning known before rendering with its code, and a chart of each claim
against its expected range (``litigator.drafting.chart``; the PNG is the image ``chart.png`` of the
pipeline's ``_images``). Without a CJK font the memo is drafted without the chart and
``CHART_NO_CJK_FONT`` names the package to install.

Everything is read from the damages report (the damages and precedents stages computed it); the only
figures made here are the head rows' union across scenarios and each scenario's over-claim threshold
shown in the chart (``awarded_range.high × over_claim_factor``, plotted, never printed). Money stays
``Decimal``; the template formats it with the forum's filters.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from litigator.damages.model import (
    Calibration,
    ClaimHead,
    Fees,
    FeeShare,
    Neighbour,
    RiskRow,
    ScenarioCalibration,
)
from litigator.drafting.memo_parts import MemoModel, MemoRow, MemoWarning, chart_row, head_rows, memo_warnings
from litigator.drafting.memo_parts import warning_rows as _rows
from litigator.warnings import Warnings

CHART_NAME = "chart.png"
PRIVILEGE = "内部工作成果／律师工作成果（不得提交法院）"
NO_FONT_PACKAGE = "fonts-noto-cjk"


class MemoScenario(MemoModel):
    name: str
    label: str                       # the name, with （起诉方案） / （本次起草） marks
    description: str | None
    filed: bool
    drafted: bool
    heads: list[ClaimHead]
    total: Decimal
    fees: Fees
    apportionment: list[FeeShare]    # the fee-risk table (an estimate: the court decides)
    apportionment_method: str | None
    calibration: ScenarioCalibration | None
    warnings: list[MemoWarning]


class MemoContext(MemoModel):
    privilege: str
    filed_scenario: str
    drafted_scenario: str
    scenarios: list[MemoScenario]
    head_rows: list[MemoRow]
    total_row: MemoRow
    case_fee_row: MemoRow
    preservation_fee_row: MemoRow | None
    calibrated: bool
    calibration: Calibration | None
    no_calibration_reason: str | None
    neighbours: list[Neighbour]
    risk: list[RiskRow]
    chart: str | None                # the image name the template shows, None without a CJK font
    chart_missing: str | None        # why there is no chart, in Chinese
    warnings: list[MemoWarning]


def memo_context(run: Any, scenario_name: str, forum_warnings: Warnings) -> tuple[MemoContext, dict[str, Any]]:
    """The memo's context and the images it shows (name → maker, drawn only when the memo is rendered).

    ``forum_warnings`` are the drafting warnings of the forum's context so far (complaint, companions); the
    no-font warning is added to them, so ``draft`` reports it too."""
    from litigator.drafting.chart import find_font, font_cache_dir, font_families
    from litigator.forums.cn.drafting import particulars_warnings

    report = run.damages
    font = find_font()
    chart_missing = None
    if font is None:
        families = "、".join(font_families())
        forum_warnings.add("CHART_NO_CJK_FONT",
                           f"no CJK font found through matplotlib's font manager (looked for {families}): memo.docx "
                           f"is drafted without its chart; install the Debian/Ubuntu package {NO_FONT_PACKAGE} "
                           f"(apt-get install {NO_FONT_PACKAGE}), then delete matplotlib's font cache in "
                           f"{font_cache_dir()} so it finds the font")
        chart_missing = (f"未生成图表：未找到中文字体（{families}）。请安装 {NO_FONT_PACKAGE} 后重新起草。")

    scenarios = [_scenario(s, report.filed_scenario, scenario_name) for s in report.scenarios]
    warnings = memo_warnings(run, forum_warnings, particulars_warnings(run.folder.case), ("全案", "文书起草"),
                             [w for s in scenarios for w in s.warnings])

    calibration = report.calibration
    reason = None
    if calibration is None:
        reason = next((w.message for w in warnings if w.code == "CALIBRATION_UNAVAILABLE"),
                      "the precedents stage gave no calibration")
    fees = [s.fees.preservation_fee for s in report.scenarios]
    memo = MemoContext(
        privilege=PRIVILEGE,
        filed_scenario=report.filed_scenario,
        drafted_scenario=scenario_name,
        scenarios=scenarios,
        head_rows=head_rows(report.scenarios),
        total_row=MemoRow(label="合计", amounts=[s.total for s in report.scenarios]),
        case_fee_row=MemoRow(label="案件受理费", amounts=[s.fees.case_fee for s in report.scenarios]),
        preservation_fee_row=(MemoRow(label="财产保全申请费", amounts=fees)
                              if any(f is not None for f in fees) else None),
        calibrated=calibration is not None,
        calibration=calibration,
        no_calibration_reason=reason,
        neighbours=calibration.neighbours if calibration is not None else [],
        risk=report.risk or [],
        chart=CHART_NAME if font is not None else None,
        chart_missing=chart_missing,
        warnings=warnings,
    )
    images = {CHART_NAME: lambda: chart_png(memo, font)} if font is not None else {}
    return memo, images


def chart_png(memo: MemoContext, font: Any) -> bytes:
    """The claim of each scenario against its expected range (drafting/chart.py), labelled in Chinese."""
    from litigator.drafting.chart import ChartLabels, claim_chart
    from litigator.money import format_yuan

    rows = [chart_row(s.label, s.total, format_yuan(s.total), s.calibration) for s in memo.scenarios]
    labels = ChartLabels(
        title="各方案诉请金额与预计判赔区间",
        axis="金额（元，对数刻度）",
        claim="诉请金额",
        expected="预计判赔区间（低—高）",
        mid="预计判赔（中位）",
        awarded="类案判赔区间（按销售额折算）",
        over_claim="超额诉请界限（类案上限×系数）",
    )
    return claim_chart(rows, labels, font)


def _scenario(s: Any, filed: str, drafted: str) -> MemoScenario:
    marks = ("起诉方案" if s.name == filed else "", "本次起草" if s.name == drafted else "")
    shown = "，".join(m for m in marks if m)
    apportionment = s.fees.apportionment
    return MemoScenario(
        name=s.name,
        label=s.name + (f"（{shown}）" if shown else ""),
        description=s.description,
        filed=s.name == filed,
        drafted=s.name == drafted,
        heads=s.heads,
        total=s.total,
        fees=s.fees,
        apportionment=apportionment.rows if apportionment is not None else [],
        apportionment_method=apportionment.method if apportionment is not None else None,
        calibration=s.calibration,
        warnings=_rows(s.warnings, s.warning_codes, s.name),
    )
