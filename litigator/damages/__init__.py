"""Damages stage: claim heads per scenario under the law of the forum, with court fees.

Public interface:

* :func:`compute(case, sales, case_label) -> DamagesReport`
* :func:`scenario_needs_sales(scenario) -> bool`

The forum is a plug-in: ``damages/cn.py`` implements the Chinese rules; a US module adds the same
two functions for ``jurisdiction: us``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from litigator.damages.model import DamagesReport, Scenario

if TYPE_CHECKING:  # pragma: no cover
    from litigator.models import Case
    from litigator.sales.model import SalesSummary


def scenario_needs_sales(scenario: Scenario) -> bool:
    from litigator.damages import cn

    return cn.scenario_needs_sales(scenario)


def compute(case: "Case", sales: "SalesSummary | None", case_label: str) -> DamagesReport:
    """Apply the forum's rules to every scenario of ``case``."""
    if case.jurisdiction == "cn":
        from litigator.damages import cn

        return cn.compute(case, sales, case_label)
    raise NotImplementedError(f"no damages rules for jurisdiction {case.jurisdiction!r} yet")


__all__ = ["DamagesReport", "Scenario", "compute", "scenario_needs_sales"]
