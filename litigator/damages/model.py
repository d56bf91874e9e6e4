"""Contracts of the damages stage: scenario configuration (case.yaml) and the report it returns.

The report's JSON is the one in DESIGN.md: money is always a string with 2 places. Fields beyond
DESIGN.md's list are additions (never renames): ``ClaimHead.explanation``, ``ScenarioResult``'s
``description``, ``warning_codes``, ``punitive``, ``punitive_statement``, ``liability_basis`` and ``legal_basis``,
the fee details in :class:`Fees`, and ``DamagesReport.warning_codes``.

Every money and multiple parameter of the scenario configuration is non-negative, and no amount
reaches ``MAX_AMOUNT`` (10^14): both are validation errors ("must not be negative",
"amount too large").

Scenario configuration (``scenarios.NAME`` in case.yaml) is documented with examples in
docs/damages-cn.md.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from litigator.fields import MAX_AMOUNT, Amount, Factor, NonNegativeAmount, StrictModel  # noqa: F401

# MAX_AMOUNT (litigator.fields, 10^14; re-exported for the rules): every Amount is below it; a head or
# total at or above it is a DamagesError ("amount too large"), as Decimal arithmetic at 28 digits could
# no longer hold it to the fen.


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
      Decides which AUCL text applies (2019 text before 2025-10-15) and feeds the 3-year look-back.
    * ``knowledge``: evidence that the seller knew the goods were counterfeit (answers the lawful-
      source defence, Trademark Law Art. 64 ¶2).
    * ``intent`` / ``serious``: facts for punitive damages (SPC punitive interpretation Arts. 3, 4).
    """

    start: dt.date | None = None
    end: dt.date | None = None
    ongoing: bool = Field(default=False, description="the conduct continued when the suit was filed")
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
    statutory_amount: MoneyParam | None = Field(default=None, description="statutory: the amount claimed (≤ 5,000,000)")
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


_CN_NUM = "〇零一二三四五六七八九十百千"
# An article citation written in Chinese: 第二十二条, 第二十二条第三款, 第七条第一款第（三）项.
ARTICLE_RE = re.compile(rf"第[{_CN_NUM}]+条(?:第[{_CN_NUM}]+款)?(?:第（[{_CN_NUM}]+）项)?")


class UnfairCompetitionConfig(StrictModel):
    """Anti-Unfair Competition Law damages (2019 text Art. 17; 2025 revision for later conduct)."""

    conduct: Literal["confusion", "trade_secret", "false_advertising", "other"]
    method: Literal["actual_loss", "infringer_gain", "statutory"]
    not_determinable: dict[Literal["actual_loss", "infringer_gain"], str] = Field(default_factory=dict)
    amount: MoneyParam | None = Field(
        default=None, description="the loss or gain, when not computed from units × unit profit")
    units: int | None = Field(default=None, ge=0)
    statutory_amount: MoneyParam | None = None
    punitive_multiple: FactorParam | None = Field(default=None, description="trade secrets only (2019 Art. 17 ¶3)")
    article_2025: str | None = Field(
        default=None,
        description="the damages article of the 2025 revised AUCL as you confirmed it in the official text, "
                    "e.g. \"第二十二条\"; required when conduct runs on or after 2025-10-15 (no default: our "
                    "material does not verify the number)")
    conduct_article_2025: str | None = Field(
        default=None,
        description="the 2025 revised AUCL's article on the conduct (default: 第七条 for confusion, 第九条 for "
                    "false_advertising; required for trade_secret and other when the 2025 text applies)")
    evidence: str | None = None

    @field_validator("article_2025", "conduct_article_2025")
    @classmethod
    def _article(cls, value: str | None) -> str | None:
        if value is not None and not ARTICLE_RE.fullmatch(value):
            raise ValueError(f"write the article as cited in Chinese, e.g. \"第二十二条\" or \"第二十二条第三款\" "
                             f"(got {value!r})")
        return value

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
    explanation: str | None = Field(default=None, description="plain-language paragraph (--explain)")


class FeeShare(_Out):
    award: Amount
    plaintiff_bears: Amount
    defendant_bears: Amount
    label: str


class FeeApportionment(_Out):
    """Who bears the case fee on partial success: an ESTIMATE (the court decides, Art. 29 ¶2)."""

    estimate: Literal[True] = True
    basis: str
    method: str
    rows: list[FeeShare]


class Fees(_Out):
    case_fee: Amount | None
    preservation_fee: Amount | None = None
    claim_amount: Amount | None = Field(default=None, description="the fee base: sum of the monetary claims")
    case_fee_basis: str | None = None
    case_fee_formula: str | None = None
    summary_procedure: bool = False
    preservation_amount: Amount | None = None
    preservation_fee_basis: str | None = None
    apportionment: FeeApportionment | None = None


class PunitiveBlock(_Out):
    """The calculation a punitive claim must state when filed (SPC punitive interpretation Art. 2)."""

    base_method: str
    base_label: str
    base: Amount
    base_formula: str
    multiple: str
    reading: Literal["multiplied", "additive"]
    damages: Amount
    damages_formula: str
    expenses: Amount
    total: Amount
    intent_facts: list[str] = Field(default_factory=list)
    serious_facts: list[str] = Field(default_factory=list)
    basis: str


class AwardRange(_Out):
    low: Amount
    mid: Amount
    high: Amount


class MoneyRange(_Out):
    low: Amount
    high: Amount


class ScenarioCalibration(_Out):
    """What the precedents say about one scenario's claim (filled by the precedents stage).

    ``expected_award``: the estimator's weighted quartiles applied to this claim (for risk pricing).
    ``awarded_range``: what similar cases were awarded, in money (never a multiple of this claim), for
    the over-claim test: ``over_claim`` when the claim exceeds ``awarded_range.high`` × ``over_claim_factor``.
    """

    expected_award: AwardRange
    awarded_range: MoneyRange | None = None
    over_claim: bool = False
    over_claim_factor: str | None = None
    excess_fee: Amount | None = Field(
        default=None, description="over-claim: court fee on the claim minus the fee on awarded_range.high")
    estimator: str = Field(description="which estimator gave expected_award (claim_ratio, population_ratio, …)")


class Neighbour(_Out):
    id: str
    score: str = Field(description="similarity in [0, 1], 4 places")
    court: str
    year: int | None
    claimed: Amount
    awarded: Amount
    ratio: str = Field(description="awarded ÷ claimed, 4 places")
    sales: Amount | None = Field(default=None, description="the sales figure its source states, if any")
    scaled_award: Amount = Field(description="the award revenue-scaled to this case (or as awarded)")
    features: dict[str, str] = Field(default_factory=dict, description="feature → similarity, for the score")


class Calibration(_Out):
    """Report-level calibration: the neighbours used and how (DESIGN.md)."""

    neighbours: list[Neighbour]
    method: str
    basis: str
    weights: dict[str, str] = Field(default_factory=dict, description="feature → weight")
    case_features: dict[str, str | None] = Field(default_factory=dict)
    library: str = Field(default="", description="library size and folders read")
    fallback: str | None = Field(default=None, description="the population figure or set used when neighbours "
                                                           "are few, and why")


class RiskRow(_Out):
    """Fee exposure of one scenario if the court awards the expected amount (an estimate)."""

    scenario: str
    claim: Amount
    case_fee: Amount | None
    expected_award: Amount
    expected_award_source: Literal["user", "calibration"]
    calibrated_mid: Amount | None = None
    fee_borne_if_expected: Amount | None = Field(
        default=None, description="the plaintiff's share of the case fee if the expected amount is awarded")
    basis: str


class ScenarioResult(_Out):
    name: str
    heads: list[ClaimHead]
    total: Amount
    fees: Fees
    warnings: list[str] = Field(default_factory=list)
    warning_codes: list[str] = Field(default_factory=list, description="codes of `warnings`, same order")
    description: str | None = None
    punitive: PunitiveBlock | None = None
    punitive_statement: str | None = Field(
        default=None, description="惩罚性赔偿 calculation paragraph for the complaint (Punitive Interp. Art. 2)")
    liability_basis: list[str] = Field(
        default_factory=list,
        description="provisions establishing liability (the wrongful act), one provision per item, statute named")
    legal_basis: list[str] = Field(
        default_factory=list,
        description="every provision the scenario relies on: liability_basis, then each head's basis; one "
                    "provision per item, statute named, each once, in first-cited order")
    calibration: ScenarioCalibration | None = Field(
        default=None, description="filled by the precedents stage (null until it runs)")

    def head(self, code: str) -> ClaimHead | None:
        return next((h for h in self.heads if h.code == code), None)


class DamagesReport(_Out):
    case: str
    jurisdiction: Literal["cn", "us"]
    currency: str
    filed_scenario: str
    scenarios: list[ScenarioResult]
    calibration: Calibration | None = None
    risk: list[RiskRow] | None = None
    warnings: list[str] = Field(default_factory=list)
    warning_codes: list[str] = Field(default_factory=list)

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
