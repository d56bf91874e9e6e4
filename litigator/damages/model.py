"""Contracts of the damages stage: the report every forum's rules return (forum-neutral).

The report's JSON (docs/damages-cn.md, "What goes into the filing"): money is always a string with 2
places. Fields beyond the first contract are additions, never renames: ``ClaimHead.explanation``, ``ScenarioResult``'s
``description``, ``warning_codes``, ``punitive``, ``punitive_statement``, ``liability_basis`` and ``legal_basis``,
the fee details in :class:`Fees`, and ``DamagesReport.warning_codes``.

A forum's scenario configuration (what case.yaml's ``scenarios`` hold) belongs to the forum pack
(China: ``litigator.forums.cn.scenario``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from litigator.fields import MAX_AMOUNT, Amount  # noqa: F401  (MAX_AMOUNT re-exported for the rules)

# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Citation(_Out):
    """One provision as the forum cites it: a stable key, the statute as cited, and the pinpoint."""

    key: str = Field(description="stable reference in the forum's notation, e.g. trademark_law@2019:63.1")
    statute: str = Field(
        description="the statute as cited: its title in book-title marks, with a version label when needed")
    pinpoint: str = Field(description="article, paragraph, item as cited; empty for the statute as a whole")

    @property
    def text(self) -> str:
        return self.statute + self.pinpoint


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
    citations: list[Citation] = Field(default_factory=list, description="the provisions of `basis`, one by one")
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
    preservation_fee_formula: str | None = None
    preservation_asked: Amount | None = Field(default=None, description="the amount asked, when above the claim")
    preservation_cap: Amount | None = Field(default=None, description="the most the preservation fee can be")
    personality_schedule: bool = Field(default=False, description="charged on the personality-right schedule")
    apportionment: FeeApportionment | None = None


class ProseSegment(_Out):
    """A piece of generated prose and the exhibit it rests on: templates cite the exhibit by its number
    (assigned at drafting), so no path is ever replaced inside a sentence."""

    text: str
    exhibit: str | None = Field(default=None, description="evidence path, e.g. evidence/04-letter.txt")


def prose_text(segments: list[ProseSegment]) -> str:
    """The segments as one string, each exhibit path in parentheses (for JSON and plain text)."""
    return "".join(s.text + (f"（{s.exhibit}）" if s.exhibit else "") for s in segments)


class PunitiveBlock(_Out):
    """The calculation a punitive claim must state when filed (SPC punitive interpretation Art. 2)."""

    regime: str = Field(default="trademark", description="the right infringed: trademark or trade_secret")
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
    """Report-level calibration: the neighbours used and how (docs/precedents.md)."""

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


class DefendantResult(_Out):
    """One defendant's figures in a scenario, where a forum counts damages per defendant (the US: statutory
    damages per counterfeit mark per type of goods per store). ``total`` is the sum of ``heads``; the
    scenario's heads and total are the sums over its defendants."""

    id: str
    store: str
    heads: list[ClaimHead]
    total: Amount
    range: MoneyRange | None = Field(default=None, description="what the law allows for this defendant")
    warnings: list[str] = Field(default_factory=list)


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
        default=None, description="the punitive-damages calculation paragraph for the complaint, exhibit paths in "
                                  "parentheses (see punitive_statement_parts)")
    punitive_statement_parts: list[ProseSegment] = Field(
        default_factory=list, description="the same paragraph with its exhibit references structured")
    liability_basis: list[str] = Field(
        default_factory=list,
        description="provisions establishing liability (the wrongful act), one provision per item, statute named")
    legal_basis: list[str] = Field(
        default_factory=list,
        description="every provision the scenario relies on: liability_basis, then each head's basis; one "
                    "provision per item, statute named, each once, in first-cited order")
    citations: list[Citation] = Field(
        default_factory=list, description="the provisions of legal_basis, structured, in the same order")
    calibration: ScenarioCalibration | None = Field(
        default=None, description="filled by the precedents stage (null until it runs)")
    defendants: list[DefendantResult] = Field(
        default_factory=list, description="per-defendant figures where the forum counts damages per defendant "
                                          "(empty otherwise); heads and total are their sums")

    def head(self, code: str) -> ClaimHead | None:
        return next((h for h in self.heads if h.code == code), None)


class DamagesReport(_Out):
    case: str
    jurisdiction: str = Field(description="the forum pack that computed it (litigator.forums)")
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
