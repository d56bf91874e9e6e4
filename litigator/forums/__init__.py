"""Forums: everything that is law or local form, one pack per jurisdiction behind one interface.

The stages (facts, sales, damages engine, precedents, drafting renderer, batch) know no country; a
forum pack holds its case model, claim-head rules, dated legal parameters and statute table, fees,
warnings, template filters, document style, party particulars and the features calibration uses.

A pack is a module exposing ``FORUM``, an object satisfying :class:`Forum`. The shipped packs are
listed in :data:`BUILT_IN` and imported on first use; another pack joins with :func:`register`
(nothing in ``pipeline.py`` or a stage names a country). See docs/architecture.md.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from litigator.errors import CaseFileError

if TYPE_CHECKING:  # pragma: no cover
    from pydantic import BaseModel

    from litigator.damages.model import DamagesReport, ScenarioResult
    from litigator.drafting.styles import DocumentStyle
    from litigator.precedents.calibration import CaseFeatures
    from litigator.sales.model import SalesSummary
    from litigator.warnings import WarningKind

BUILT_IN: dict[str, str] = {"cn": "litigator.forums.cn", "us": "litigator.forums.us"}


@dataclass(frozen=True)
class Document:
    """One document of a forum's filing set: its template (relative to the templates folder), its title,
    and the parameters its template reads as ``doc`` (e.g. which agent a power of attorney is for)."""

    template: str
    title: str
    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class DraftRules:
    """What ``litigator check`` requires of a forum's drafts (drafting/check.py), by document: the file's
    stem (``complaint``; ``complaint-amazon`` counts as ``complaint``) or a marker in its title."""

    # stem → alternative sets of section headings; a draft passes when it has every heading of one set
    # (compared after a leading enumerator such as 「一、」 or "IV." is stripped)
    sections: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    salutation: str | None = None            # a line the court's name must follow (Chinese filings: 此致)
    addressed: tuple[str, ...] = ()          # the stems that must carry the salutation
    exhibit_tables: dict[str, str] = field(default_factory=dict)  # stem → header of its exhibit-number column
    titles: dict[str, str] = field(default_factory=dict)          # marker in a document's title → its stem


@dataclass(frozen=True)
class TableLabels:
    """Labels of the rows the damages table adds below the heads."""

    total: str
    case_fee: str
    preservation_fee: str
    calibrated_award: str   # the fee-apportionment row at the calibrated expected award


@runtime_checkable
class Forum(Protocol):
    """What a forum pack provides. Every method takes and returns the stage contracts."""

    code: str                      # the `jurisdiction` value in case.yaml
    name: str
    currency: str
    case_model: type[BaseModel]    # its pydantic model carries `jurisdiction: Literal[code]`
    documents: dict[str, Document]   # the catalogue: every kind of document the pack can draft
    style: DocumentStyle
    labels: TableLabels
    warning_kinds: dict[str, WarningKind]
    head_codes: frozenset[str]     # every claim-head code its rules produce (templates may name only these)
    draft_rules: DraftRules        # what `litigator check` requires of its drafts

    # damages
    def compute(self, case: Any, sales: SalesSummary | None, case_label: str) -> DamagesReport: ...
    def scenario_needs_sales(self, scenario: Any) -> bool: ...
    explain_languages: tuple[str, ...]   # languages of --explain; the first is the default
    def explain(self, report: DamagesReport, case: Any | None = None,
                lang: str | None = None) -> dict[str, list[str]]: ...

    # fees and risk (calibration): the court fee on an amount for a scenario, and how costs are borne
    def court_fee(self, amount: Decimal, scenario: ScenarioResult, on: date) -> Decimal | None: ...
    def fee_split(self, case_fee: Decimal, claim: Decimal, award: Decimal) -> tuple[Decimal, Decimal] | None: ...
    risk_basis: str

    # precedents
    def precedent_features(self, case: Any, report: DamagesReport, sales: SalesSummary | None,
                           on: date) -> CaseFeatures: ...

    # drafting
    def documents_for(self, case: Any) -> dict[str, Document]: ...  # what this case gets (facts decide)
    def template_filters(self) -> dict[str, Callable[..., Any]]: ...
    # documents: the names being drafted (None: all); a document's own context (e.g. the memo's) is built
    # only when it is drafted, and so are its warnings
    def template_context(self, run: Any, scenario_name: str,
                         documents: Collection[str] | None = None) -> dict[str, Any]: ...
    # what template_context adds, name → type (a model class, list[...], str | None, Callable, Any …), read by
    # `litigator templates check` to find unknown variables and attributes (drafting/template_check.py)
    context_names: dict[str, Any]
    def particulars_warnings(self, case: Any) -> list[str]: ...
    def document_author(self, case: Any) -> str: ...   # the .docx author: the firm or agent, not the tool
    extract_columns: dict[str, str]      # the sales extract's column labels (sales/extract_table.py COLUMNS → label)
    def sales_exhibit(self, case: Any, sales: SalesSummary) -> tuple[str, str, str]: ...  # title, source, purpose


_REGISTRY: dict[str, Forum] = {}


def _interface() -> list[str]:
    """The attribute and method names a pack must have (the protocol's members)."""
    names = set(Forum.__annotations__)
    names |= {n for n, v in vars(Forum).items() if callable(v) and not n.startswith("_")}
    return sorted(names)


def register(forum: Forum) -> Forum:
    """Add (or replace) a forum pack; returns it."""
    missing = [n for n in _interface() if not hasattr(forum, n)]
    if missing:
        raise TypeError(f"{forum!r} is not a forum pack (missing: {', '.join(sorted(missing))})")
    _REGISTRY[forum.code] = forum
    return forum


def unregister(code: str) -> None:
    _REGISTRY.pop(code, None)


def codes() -> list[str]:
    """Every jurisdiction code: the built-in packs and any registered."""
    return sorted(set(BUILT_IN) | set(_REGISTRY))


def get(code: str) -> Forum:
    """The pack of a jurisdiction; a CaseFileError naming the known ones if there is none."""
    if code not in _REGISTRY and code in BUILT_IN:
        module = importlib.import_module(BUILT_IN[code])
        register(module.FORUM)
    try:
        return _REGISTRY[code]
    except KeyError:
        raise CaseFileError(f"no forum pack for jurisdiction {code!r} (have: {', '.join(codes())})",
                            "case.yaml", "jurisdiction") from None


def forum_of(case: Any) -> Forum:
    return get(case.jurisdiction)


__all__ = ["BUILT_IN", "Document", "DraftRules", "Forum", "TableLabels", "codes", "forum_of", "get", "register",
           "unregister"]
