"""What the Chinese templates read besides the shared context: each name with its type.

``drafting.template_context`` and ``companions.companion_context`` build these names; this module
declares them as data (``ChinaForum.context_names``), so ``litigator templates check`` can tell a
template's unknown variable or misspelt attribute from the declaration, without drafting a case
(litigator/drafting/template_check.py). A test checks the declaration against the context a real case
gets: a name added there must be declared here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypedDict

from litigator.damages.model import ClaimHead
from litigator.forums.cn.appendix import AppendixContext
from litigator.forums.cn.element import ElementForm
from litigator.forums.cn.memo import MemoContext
from litigator.forums.cn.model import Agent, Party
from litigator.forums.cn.pleading import Pleading

Segments = list[tuple[str, str | None]]   # (text, exhibit path) pairs; drafting turns a path into （证据N）


class CompanionContext(TypedDict):
    """``companion``: what the companion filings read (companions.companion_context)."""

    general_matters: str
    plaintiff_agents: list[Agent]
    powers_text: Callable[[Agent], str]
    all_powers: str
    representative_label: Callable[[Party], str]
    applicant_roles: list[str]
    respondent_roles: list[str]
    property_kinds: dict[str, str]
    measures: str
    guarantee: str | None
    limit_rule: str
    procedure_law: str
    exhibit: Callable[[str | None], str]


CONTEXT_NAMES: dict[str, Any] = {
    "pleading": Pleading,
    "exhibit_number": Callable[[str | None], int | None],
    "ref": Callable[[str | None], str],
    "segments": Callable[[Segments], str],
    "joined": Callable[..., Segments],
    "computation": Callable[[ClaimHead], str],
    "sales_source": str | None,
    "sales_sentence": str | None,
    "sales_extract": str | None,
    "counterfeit_basis": Segments,
    "knowledge": Segments,
    "reputation": Segments,
    "statutory": Segments,
    "confusion": Segments,
    "legal_basis": list[str],
    "shop_operator": Callable[[str | None], str],
    "sales_goods": str,
    "filing_basis": str,
    "element": ElementForm | None,
    "companion": CompanionContext,
    # issue 15, built by other modules: untyped until their models land (any attribute passes the check)
    "appendix": AppendixContext,   # the calculation appendix (appendix.py)
    "memo": MemoContext,   # the internal damages memo (memo.py)
}
