"""What the precedents stage knows of a Chinese case: its features for finding similar decided cases."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from litigator.precedents.calibration import CaseFeatures

if TYPE_CHECKING:  # pragma: no cover
    from litigator.damages.model import DamagesReport
    from litigator.forums.cn.model import CnCase
    from litigator.forums.cn.scenario import Scenario
    from litigator.sales.model import SalesSummary

CLAIM_CAUSE = {"breach_of_contract": "contract", "goodwill_tort": "tort",
               "trademark_infringement": "trademark", "unfair_competition": "unfair_competition"}
PLATFORM_CLAIMS = {"breach_of_contract", "goodwill_tort"}
BRAND_CLAIMS = {"trademark_infringement", "unfair_competition"}


def measure_of_scenario(scenario: "Scenario") -> str:
    """The measure of a scenario's claim: agreed (违约金), punitive, statutory or compensatory."""
    if scenario.liquidated_damages is not None:
        return "agreed"
    tm, uc = scenario.trademark, scenario.unfair_competition
    if (tm and tm.punitive_multiple) or (uc and uc.punitive_multiple):
        return "punitive"
    if (tm and tm.method == "statutory") or (uc and uc.method == "statutory"):
        return "statutory"
    return "compensatory"


def precedent_features(case: "CnCase", report: "DamagesReport", sales: "SalesSummary | None",
                       on: dt.date) -> CaseFeatures:
    """The features of ``case``: case.yaml's ``calibration:`` first, then the documented defaults."""
    cfg = case.calibration
    claims = set(case.claims)
    plaintiff = cfg.plaintiff_type or ("platform" if claims & PLATFORM_CLAIMS
                                       else "brand_owner" if claims & BRAND_CLAIMS else "other")
    defendant = cfg.defendant_type or ("online_seller" if any(d.shops for d in case.defendants) else None)
    revenue = sales.totals.net if sales is not None and sales.totals.net > 0 else None
    return CaseFeatures(
        forum=case.jurisdiction, plaintiff_type=plaintiff,
        causes=frozenset(CLAIM_CAUSE[c] for c in case.claims if c in CLAIM_CAUSE),
        defendant_type=defendant, product_category=cfg.product_category, revenue=revenue,
        claim=report.filed.total, on=on, include_exemplary=cfg.include_exemplary,
        measure=measure_of_scenario(case.scenarios[report.filed_scenario]))
