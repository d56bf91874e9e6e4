"""Sales stage: load order exports with DuckDB, validate, filter and aggregate.

Public interface (used by pipeline and batch):

* :func:`summarise(case_folder) -> SalesSummary`
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from litigator.sales.model import Period, SalesConfig, SalesSummary, ValidationReport

if TYPE_CHECKING:  # pragma: no cover
    from litigator.casefile import CaseFolder


def summarise(folder: "CaseFolder", **options) -> SalesSummary:
    """Load, validate, filter and aggregate the case's order exports (DuckDB is imported lazily)."""
    from litigator.sales.engine import summarise as _summarise

    return _summarise(folder, **options)


__all__ = ["Period", "SalesConfig", "SalesSummary", "ValidationReport", "summarise"]
