"""The Chinese forum's scenario configuration (``scenarios.NAME`` in case.yaml) and the case facts the
damages rules read (conduct, licence, related awards).

Every money and multiple parameter is non-negative, and no amount reaches ``MAX_AMOUNT`` (10^14):
both are validation errors ("must not be negative", "amount too large"). Documented with examples in
docs/damages-cn.md.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, model_validator

from litigator.fields import Factor, NonNegativeAmount, StrictModel


def _non_negative(value: Decimal) -> Decimal:
    if value < 0:
        raise ValueError(f"must not be negative ({value})")
    return value


# A money parameter of the damages configuration: 0 ≤ amount < 10^14.
MoneyParam = NonNegativeAmount
# A multiple, margin or rate of the damages configuration: ≥ 0.
FactorParam = Annotated[Factor, AfterValidator(_non_negative)]

# ---------------------------------------------------------------------------------------------
# Facts the damages rules read (composed into Case by litigator/models.py)
# ---------------------------------------------------------------------------------------------


class ConductFact(StrictModel):
    """One fact about the defendant's conduct, with the exhibit that proves it."""

    fact: str
    exhibit: str | None = None


class Conduct(StrictModel):
    """``conduct:`` in case.yaml: when the infringement / breach happened and what the seller knew.

    * ``start`` / ``end``: the conduct period (default: the sales period, else the orders' dates).
      Decides which text of the law governs (trademark, contract, AUCL; law.yaml) and feeds the
      look-back of continuing trademark infringement and the limitation warning.
    * ``known_on``: when the plaintiff learned of the conduct (the limitation period runs from it).
    * ``knowledge``: evidence that the seller knew the goods were counterfeit (answers the lawful-
      source defence).
    * ``intent`` / ``serious``: facts for punitive damages (intent and serious circumstances).
    """

    start: dt.date | None = None
    end: dt.date | None = None
    ongoing: bool = Field(default=False, description="the conduct continued when the suit was filed")
    known_on: dt.date | None = Field(
        default=None, description="when the plaintiff learned of the conduct (starts the limitation period; "
                                  "default: the conduct's end)")
    knowledge: list[ConductFact] = Field(default_factory=list)
    intent: list[ConductFact] = Field(default_factory=list)
    serious: list[ConductFact] = Field(default_factory=list)


class Licence(StrictModel):
    """``licence:`` in case.yaml: a comparable licence fee of the mark (许可使用费)."""

    fee: MoneyParam
    description: str | None = Field(default=None, description="e.g. 2023年度普通许可使用费")
    exhibit: str | None = None


class RelatedAward(StrictModel):
    """An award or settlement the seller already paid another claimant for the same sales."""

    claimant: str
    amount: MoneyParam
    court: str | None = None
    case_number: str | None = None
    exhibit: str | None = None


# ---------------------------------------------------------------------------------------------
# Scenario configuration
# ---------------------------------------------------------------------------------------------

GoodwillMethod = Literal[
    "revenue_multiple", "profit_margin", "per_order", "per_customer", "compensation_paid", "fixed"
]
LossHead = Literal["goodwill_loss", "governance_cost", "compensation_paid", "direct_loss"]

_GOODWILL_PARAM = {
    "revenue_multiple": "multiple",
    "profit_margin": "margin",
    "per_order": "amount_per_order",
    "per_customer": "value_per_customer",
    "compensation_paid": "amount",
    "fixed": "amount",
}


class GoodwillConfig(StrictModel):
    """A platform's contract loss head (商誉损失 and kin) against a seller.

    ``method`` → parameter: revenue_multiple → ``multiple`` (× net counterfeit revenue);
    profit_margin → ``margin`` (× net counterfeit revenue: the seller's gain, Contract Interp.
    Art. 62); per_order → ``amount_per_order`` (× counterfeit orders); per_customer →
    ``value_per_customer`` (× distinct buyers reached); compensation_paid → ``amount`` (payouts to
    buyers); fixed → ``amount``. ``head`` names the loss (default goodwill_loss; compensation_paid
    for that method).
    """

    method: GoodwillMethod
    multiple: FactorParam | None = Field(default=None, description="revenue_multiple: × net counterfeit revenue")
    margin: FactorParam | None = Field(default=None, description="profit_margin: share of net revenue, e.g. \"0.25\"")
    amount_per_order: MoneyParam | None = Field(default=None, description="per_order: amount × counterfeit orders")
    value_per_customer: MoneyParam | None = Field(default=None, description="per_customer: value of one active user")
    amount: MoneyParam | None = Field(default=None, description="fixed / compensation_paid: the amount")
    head: LossHead | None = Field(default=None, description="the loss this figure measures (default by method)")
    label: str | None = Field(default=None, description="label in the complaint (default by head)")
    evidence: str | None = Field(default=None, description="exhibit path supporting the parameter")

    @model_validator(mode="after")
    def _parameters(self) -> "GoodwillConfig":
        need = _GOODWILL_PARAM[self.method]
        value = getattr(self, need)
        if value is None:
            raise ValueError(f"goodwill method {self.method} needs `{need}`")
        if value < 0:
            raise ValueError(f"`{need}` must not be negative")
        if self.method == "profit_margin" and value > 1:
            raise ValueError("`margin` is a share of revenue between 0 and 1")
        return self

    @property
    def head_code(self) -> str:
        if self.head:
            return self.head
        return "compensation_paid" if self.method == "compensation_paid" else "goodwill_loss"


class LiquidatedDamagesConfig(StrictModel):
    """违约金 under the agreement's clause (Civil Code Art. 585)."""

    method: Literal["fixed", "sales_multiple"]
    amount: MoneyParam | None = Field(default=None, description="fixed: the agreed sum")
    multiple: FactorParam | None = Field(default=None, description="sales_multiple: × counterfeit sales")
    sales_base: Literal["net", "gross"] = Field(default="net", description="which sales figure the clause multiplies")
    clause: str | None = Field(default=None, description="the clause, quoted")
    evidence: str | None = Field(default=None, description="exhibit of the clause (default: agreement.exhibit)")
    provable_loss: MoneyParam | None = Field(
        default=None, description="the loss you can prove, for the 30% test (default: the scenario's loss heads)")
    provable_loss_evidence: str | None = None

    @model_validator(mode="after")
    def _parameters(self) -> "LiquidatedDamagesConfig":
        need = "amount" if self.method == "fixed" else "multiple"
        value = getattr(self, need)
        if value is None:
            raise ValueError(f"liquidated_damages method {self.method} needs `{need}`")
        if value < 0:
            raise ValueError(f"`{need}` must not be negative")
        return self


TrademarkMethod = Literal["actual_loss", "infringer_profit", "licence_fee", "statutory"]
TRADEMARK_ORDER: tuple[str, ...] = ("actual_loss", "infringer_profit", "licence_fee", "statutory")


class TrademarkConfig(StrictModel):
    """Trademark Law Art. 63 damages of a brand owner against a seller."""

    method: TrademarkMethod
    not_determinable: dict[TrademarkMethod, str] = Field(
        default_factory=dict, description="earlier methods marked 难以确定, each with the reason")
    units: int | None = Field(default=None, ge=0, description="units sold, overriding the sales data")
    units_evidence: str | None = None
    licence_multiple: FactorParam | None = Field(default=None, description="licence_fee: × the licence fee")
    statutory_amount: MoneyParam | None = Field(
        default=None, description="statutory: the amount claimed (at most the cap of the governing text)")
    punitive_multiple: FactorParam | None = Field(
        default=None, description="1–5 for malicious infringement, serious circumstances")
    punitive_reading: Literal["multiplied", "additive"] = Field(
        default="multiplied",
        description="multiplied: multiple × base (the statute's wording); additive: base + multiple × base")
    evidence: str | None = None

    @model_validator(mode="after")
    def _parameters(self) -> "TrademarkConfig":
        if self.method == "licence_fee" and self.licence_multiple is None:
            raise ValueError("trademark method licence_fee needs `licence_multiple`")
        if self.method == "statutory" and self.statutory_amount is None:
            raise ValueError("trademark method statutory needs `statutory_amount`")
        return self


class UnfairCompetitionConfig(StrictModel):
    """Anti-Unfair Competition Law damages, under the text in force for the conduct (1993, 2017, 2019 or
    2025 text; law.yaml ``aucl.*``)."""

    conduct: Literal["confusion", "trade_secret", "false_advertising", "other"]
    method: Literal["actual_loss", "infringer_gain", "statutory"]
    not_determinable: dict[Literal["actual_loss", "infringer_gain"], str] = Field(default_factory=dict)
    amount: MoneyParam | None = Field(
        default=None, description="the loss or gain, when not computed from units × unit profit")
    units: int | None = Field(default=None, ge=0)
    statutory_amount: MoneyParam | None = None
    punitive_multiple: FactorParam | None = Field(default=None, description="trade secrets only (1–5)")
    conduct_article: int | None = Field(
        default=None, ge=1,
        description="the article on the conduct in the governing text, where our material does not give it "
                    "(e.g. the general clause of the 2025 text, or any conduct article of the 1993 text)")
    evidence: str | None = None

    @model_validator(mode="after")
    def _parameters(self) -> "UnfairCompetitionConfig":
        if self.method == "statutory" and self.statutory_amount is None:
            raise ValueError("unfair_competition method statutory needs `statutory_amount`")
        return self


class Scenario(StrictModel):
    """A named set of method choices and parameters (never parties or cause of action)."""

    description: str | None = None
    goodwill: GoodwillConfig | None = None
    losses: list[GoodwillConfig] = Field(default_factory=list, description="further contract loss heads")
    liquidated_damages: LiquidatedDamagesConfig | None = None
    trademark: TrademarkConfig | None = None
    unfair_competition: UnfairCompetitionConfig | None = None
    expected_award: MoneyParam | None = Field(
        default=None, description="your estimate of the award, for the Art. 29 fee-sharing estimate")

    def loss_configs(self) -> list[GoodwillConfig]:
        return ([self.goodwill] if self.goodwill else []) + list(self.losses)


