"""Contracts of the damages stage: scenario configuration (case.yaml) and the report it returns.

The report's JSON is the one in DESIGN.md: money is always a string with 2 places.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from litigator.fields import Amount, Factor, StrictModel

GoodwillMethod = Literal["revenue_multiple", "per_order", "fixed"]


class GoodwillConfig(StrictModel):
    """Goodwill / platform loss (商誉损失) of a platform suing a seller in contract."""

    method: GoodwillMethod
    multiple: Factor | None = Field(default=None, description="revenue_multiple: × net counterfeit revenue")
    amount_per_order: Amount | None = Field(default=None, description="per_order: amount × counterfeit orders")
    amount: Amount | None = Field(default=None, description="fixed: the amount claimed")
    evidence: str | None = Field(default=None, description="exhibit path supporting the parameter")

    @model_validator(mode="after")
    def _parameters(self) -> "GoodwillConfig":
        need = {"revenue_multiple": "multiple", "per_order": "amount_per_order", "fixed": "amount"}[self.method]
        if getattr(self, need) is None:
            raise ValueError(f"goodwill method {self.method} needs `{need}`")
        value = getattr(self, need)
        if value < 0:
            raise ValueError(f"`{need}` must not be negative")
        return self


class Scenario(StrictModel):
    """A named set of method choices and parameters (never parties or cause of action)."""

    goodwill: GoodwillConfig | None = None
    description: str | None = None


# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class HeadInput(_Out):
    name: str
    value: str
    source: str


class ClaimHead(_Out):
    code: str
    label: str
    amount: Amount
    currency: str
    basis: str
    formula: str
    inputs: list[HeadInput] = Field(default_factory=list)


class Fees(_Out):
    case_fee: Amount | None
    preservation_fee: Amount | None = None


class ScenarioResult(_Out):
    name: str
    heads: list[ClaimHead]
    total: Amount
    fees: Fees
    warnings: list[str] = Field(default_factory=list)

    def head(self, code: str) -> ClaimHead | None:
        return next((h for h in self.heads if h.code == code), None)


class DamagesReport(_Out):
    case: str
    jurisdiction: Literal["cn", "us"]
    currency: str
    filed_scenario: str
    scenarios: list[ScenarioResult]
    calibration: dict[str, Any] | None = None
    risk: dict[str, Any] | None = None
    warnings: list[str] = Field(default_factory=list)

    def scenario(self, name: str) -> ScenarioResult:
        for s in self.scenarios:
            if s.name == name:
                return s
        raise KeyError(name)

    @property
    def filed(self) -> ScenarioResult:
        return self.scenario(self.filed_scenario)


def money_str(value: Decimal) -> str:
    from litigator.money import quantize

    return str(quantize(value))
