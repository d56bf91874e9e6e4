"""Sales stage: load order exports with DuckDB, validate, filter and aggregate (docs/sales.md).

Public interface (used by pipeline, CLI and batch; DuckDB is imported lazily):

* :func:`summarise(folder, accept_rejects=False, group_by_month=True, require_sales=None,
  memory_limit=None) -> SalesSummary` — raises DataFileError, or SalesRejectError (carrying
  ``.report`` and ``.summary``) when too many rows are malformed or no counterfeit sale is kept;
* :func:`summarise_all_sellers(folder_path, config, products, sellers=None, currency="CNY",
  group_by_month=True, memory_limit=None) -> dict[str, SalesSummary]` — one pass over a
  platform-side export, a summary per seller (batch);
* :func:`extract(folder) -> SalesExtract` — the kept order lines of the case's
  sellers with their file and line (a second, ordered pass; drafting writes it as an exhibit with
  :func:`litigator.sales.extract_table.extract_csv`);
* :func:`detect_layout(path) -> SalesDetection` — ``sales PATH --detect``: each file's profile match
  and the ``sales:`` block for case.yaml, for a case folder (with or without case.yaml or its
  ``sales:``) or one export file; :func:`detect_profile(path, sheet=None, encoding=None) ->
  ProfileMatch` and :func:`detect_case_profiles(folder) -> list[ProfileMatch]` for one file / a case.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from litigator.sales.model import Period, SalesConfig, SalesSummary, ValidationReport

if TYPE_CHECKING:  # pragma: no cover
    from litigator.casefile import CaseFolder


def summarise(folder: "CaseFolder", **options) -> SalesSummary:
    """Load, validate, filter and aggregate the case's order exports (DuckDB is imported lazily)."""
    from litigator.sales.engine import summarise as _summarise

    return _summarise(folder, **options)


def extract(folder: "CaseFolder", **options):
    """The kept order lines of the case's sellers, each with its source file and line."""
    from litigator.sales.engine import extract as _extract

    return _extract(folder, **options)


def summarise_all_sellers(*args: Any, **kwargs: Any) -> dict[str, SalesSummary]:
    from litigator.sales.engine import summarise_all_sellers as _impl

    return _impl(*args, **kwargs)


def detect_profile(*args: Any, **kwargs: Any):
    from litigator.sales.engine import detect_profile as _impl

    return _impl(*args, **kwargs)


def detect_layout(*args: Any, **kwargs: Any):
    from litigator.sales.engine import detect_layout as _impl

    return _impl(*args, **kwargs)


def detect_case_profiles(folder: "CaseFolder"):
    from litigator.sales.engine import detect_case_profiles as _impl

    return _impl(folder)


__all__ = ["Period", "SalesConfig", "SalesSummary", "ValidationReport", "detect_case_profiles", "detect_layout",
           "detect_profile", "summarise", "summarise_all_sellers"]
