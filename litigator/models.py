"""The case model, tagged on ``jurisdiction``: each forum pack brings its own (China: ``CnCase``).

Stage packages own their contracts (``sales.model``, ``damages.model``, ``facts.model``,
``precedents.model``); forum packs own their case models (``forums.<code>.model``). This module
validates a case.yaml into the right one and re-exports the Chinese model's parts, so
``from litigator.models import ...`` stays one place to look.
"""

from __future__ import annotations

from typing import Annotated, Any, Union

from pydantic import Field, TypeAdapter

from litigator.damages.model import ClaimHead, DamagesReport, Fees, HeadInput, ScenarioResult  # noqa: F401
from litigator.forums.cn.model import (  # noqa: F401  (re-exported)
    CLAIM_KINDS,
    EXPENSE_LABELS,
    Agent,
    Agreement,
    Appraisal,
    CnCase,
    Expense,
    Mark,
    Party,
    Preservation,
    Product,
    Representative,
    Requests,
    Shop,
    TestPurchase,
)
from litigator.forums.cn.scenario import Conduct, ConductFact, GoodwillConfig, Licence, RelatedAward, Scenario  # noqa: F401
from litigator.sales.model import Period, SalesConfig, SalesSummary  # noqa: F401

DEFAULT_JURISDICTION = "cn"  # a case.yaml without `jurisdiction:` is Chinese (docs/case-yaml.md)


def case_models() -> list[type]:
    """The case model of every known forum."""
    from litigator import forums

    return [forums.get(code).case_model for code in forums.codes()]


def case_adapter() -> TypeAdapter:
    """A discriminated union of every forum's case model, tagged on ``jurisdiction`` (for the schema)."""
    models = tuple(case_models())
    if len(models) == 1:
        return TypeAdapter(models[0])
    return TypeAdapter(Annotated[Union[models], Field(discriminator="jurisdiction")])  # noqa: UP007


def case_model_for(data: Any) -> type:
    """The model that validates ``data`` (a case.yaml mapping), chosen by its ``jurisdiction``."""
    from litigator import forums

    code = data.get("jurisdiction", DEFAULT_JURISDICTION) if isinstance(data, dict) else DEFAULT_JURISDICTION
    return forums.get(str(code)).case_model
