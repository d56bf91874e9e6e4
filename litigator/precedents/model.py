"""The precedent library's contract: one YAML file per real, decided (or reported) case.

A precedent records only what its sources state; a fact no source gives stays empty (``null``),
never guessed. Every file names its ``source`` and its ``confidence``. The format is documented
with an example in docs/precedents.md; ``litigator precedents check`` validates files against it.

Amounts are :class:`PrecedentAmount`: a Decimal (quoted string or integer in YAML, never a float)
with its currency and its unit — ``total`` for the whole action, or ``per_defendant`` with the
number of defendants it applies to (US Schedule A awards are often stated per defaulting defendant).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Literal

from pydantic import Field, field_validator, model_validator

from litigator.fields import Factor, NonNegativeAmount, StrictModel

Forum = Literal["cn", "us"]
CURRENCY: dict[str, str] = {"cn": "CNY", "us": "USD"}

CourtLevel = Literal[
    # China: 基层 / 中级 / 高级 / 最高人民法院, and the specialised courts
    "basic", "intermediate", "high", "supreme", "ip_court", "internet_court",
    # United States
    "district", "appeals",
]
# The legal theory the damages rest on (the case's cause of action, normalised).
Cause = Literal["contract", "tort", "trademark", "unfair_competition", "copyright", "trade_secret", "other"]
PlaintiffType = Literal["platform", "brand_owner", "other"]
DefendantType = Literal[
    "online_seller",      # sells (or sold) the goods through an online shop or website
    "offline_seller",     # a physical shop or market stall
    "manufacturer",       # makes the goods (it may also sell them offline)
    "platform",           # an e-commerce or content platform (as defendant)
    "service_provider",   # fake-traffic / fake-review / hosting / software operators
    "other",
]
ProductCategory = Literal[
    "food", "alcohol", "tobacco", "pet_supplies", "apparel_footwear", "bags_accessories", "jewellery_watches",
    "cosmetics", "health_medical", "electronics", "household_appliances", "home_goods", "toys", "sporting_goods",
    "automotive", "industrial", "software_media", "books", "services", "other",
]
# How the court set the figure: 酌定 (discretionary / court-set within its own judgment),
# the infringer's profits, the right holder's loss, a licence fee, 违约金, statutory damages,
# punitive multiple, no damages.
AwardBasis = Literal[
    "discretionary", "infringer_profit", "right_holder_loss", "licence_fee", "liquidated_damages",
    "statutory", "punitive", "none",
]
Selection = Literal["ordinary", "exemplary"]
Confidence = Literal["high", "medium", "low"]
OutcomeStatus = Literal["final", "affirmed", "modified", "reversed", "vacated", "settled", "pending", "unknown"]
# US statutory damages for counterfeit marks (15 U.S.C. §1117(c)): none before 1996-07-02; the 1996 caps
# (USD 500–100,000; 1,000,000 if wilful) until the PRO-IP Act of 2008-10-13; the 2008 caps
# (USD 1,000–200,000; 2,000,000 if wilful) after.
UsRegime = Literal["pre_1996", "1996", "2008"]
US_REGIME_STARTS: dict[str, dt.date] = {"1996": dt.date(1996, 7, 2), "2008": dt.date(2008, 10, 13)}

ID_RE = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?")


class Source(StrictModel):
    """Where a fact comes from: a title and an address or a citation (at least one of them)."""

    title: str = Field(min_length=1)
    url: str | None = None
    citation: str | None = None

    @model_validator(mode="after")
    def _where(self) -> "Source":
        if not (self.url or self.citation):
            raise ValueError("a source needs `url` or `citation` besides its title")
        return self


class PrecedentAmount(StrictModel):
    """An amount a source states, with its currency and unit."""

    amount: NonNegativeAmount
    currency: Literal["CNY", "USD"]
    unit: Literal["total", "per_defendant"] = "total"
    defendants: int | None = Field(default=None, ge=1, description="per_defendant: how many defendants it applies to")
    note: str | None = None

    @model_validator(mode="after")
    def _unit(self) -> "PrecedentAmount":
        if self.unit == "per_defendant" and self.defendants is None:
            raise ValueError("a per_defendant amount needs `defendants` (how many it applies to)")
        return self

    @property
    def total(self) -> Decimal:
        return self.amount * (self.defendants or 1) if self.unit == "per_defendant" else self.amount


class AwardPart(StrictModel):
    """One part of the award as the source breaks it down (e.g. loss 100,000 + expenses 20,000)."""

    head: str = Field(min_length=1, description="e.g. economic_loss, reasonable_expenses, liquidated_damages")
    amount: NonNegativeAmount
    note: str | None = None


class SalesFacts(StrictModel):
    """The seller's sales as the court or the sources state them."""

    amount: NonNegativeAmount | None = Field(default=None, description="sales revenue, when stated")
    currency: Literal["CNY", "USD"] | None = None
    units: int | None = Field(default=None, ge=0)
    period: str | None = None
    relied_on: bool | None = Field(default=None, description="the court relied on this figure (null: not stated)")
    note: str = Field(min_length=1, description="what the source says, in short")

    @model_validator(mode="after")
    def _currency(self) -> "SalesFacts":
        if self.amount is not None and self.currency is None:
            raise ValueError("sales.amount needs `currency`")
        return self


class Outcome(StrictModel):
    appealed: bool | None = None
    status: OutcomeStatus = "unknown"
    note: str | None = None


class UsFacts(StrictModel):
    """Facts of a US case the calibration and the statutory caps need."""

    regime: UsRegime = Field(description="statutory-damages regime in force: pre_1996, 1996 or 2008")
    defendants: int | None = Field(default=None, ge=1, description="number of defendants in the action")
    marks: int | None = Field(default=None, ge=0, description="counterfeit marks found infringed")
    willful: bool | None = None
    posture: str | None = Field(default=None, description="e.g. default judgment, summary judgment, jury verdict")


class Precedent(StrictModel):
    """One real case. See docs/precedents.md for every field with an example."""

    id: str = Field(description="stable slug, lower case: taobao-v-yao-royalcanin-2017")
    forum: Forum
    title: str = Field(min_length=1)
    court: str | None = Field(default=None, description="the court, as the source names it (null: not given)")
    court_level: CourtLevel | None = None
    date: dt.date | None = Field(default=None, description="date of the decision relied on, when a source gives it")
    year: int | None = Field(default=None, ge=1900, le=2100,
                             description="year of the decision relied on (null when no source gives it)")
    date_note: str | None = None
    case_number: str | None = Field(default=None, description="案号 (China) — as the source gives it")
    citation: str | None = Field(default=None, description="reporter or docket citation (US)")
    cause: Cause
    cause_text: str | None = Field(default=None, description="the cause as the source words it")
    plaintiff_type: PlaintiffType
    defendant_type: DefendantType
    product_category: ProductCategory | None = None
    product: str | None = None
    brands: list[str] = Field(default_factory=list)
    claimed: PrecedentAmount | None = None
    awarded: PrecedentAmount | None = None
    award_breakdown: list[AwardPart] = Field(default_factory=list)
    basis: list[AwardBasis] = Field(default_factory=list, description="how the court set the figure")
    basis_note: str | None = None
    punitive_multiple: Factor | None = None
    sales: SalesFacts | None = None
    outcome: Outcome = Field(default_factory=Outcome)
    us: UsFacts | None = None
    selection: Selection = Field(
        default="ordinary",
        description="exemplary: published by a court as a typical case (典型案例); out of calibration by default")
    symbolic: bool = Field(default=False, description="a symbolic award (e.g. RMB 1): out of calibration")
    source: list[Source] = Field(min_length=1)
    confidence: Confidence
    confidence_note: str | None = None
    source_records: list[str] = Field(
        default_factory=list, description="the research records this file was built from: file#id")
    notes: str | None = None

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        if not ID_RE.fullmatch(value):
            raise ValueError(f"id {value!r}: use lower-case letters, digits and '-' (e.g. taobao-v-yao-2017)")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> "Precedent":
        currency = CURRENCY[self.forum]
        for name in ("claimed", "awarded"):
            value: PrecedentAmount | None = getattr(self, name)
            if value is not None and value.currency != currency:
                raise ValueError(f"{name}.currency is {value.currency}; a {self.forum} case is in {currency}")
        if self.sales is not None and self.sales.currency not in (None, currency):
            raise ValueError(f"sales.currency is {self.sales.currency}; a {self.forum} case is in {currency}")
        if self.date is not None and self.year is None:
            self.year = self.date.year
        if self.date is not None and self.date.year != self.year:
            raise ValueError(f"year {self.year} disagrees with date {self.date}")
        if self.claimed is not None and self.awarded is not None and self.awarded.total > self.claimed.total \
                and not self.awarded.note:
            raise ValueError("awarded is above claimed: say why in awarded.note")
        if self.forum == "us" and self.us is None:
            raise ValueError("a US case needs `us:` (at least its statutory regime)")
        if self.forum == "cn" and self.us is not None:
            raise ValueError("`us:` is only for US cases")
        if self.us is not None:
            start = US_REGIME_STARTS.get(self.us.regime)
            if self.date is not None and start is not None and self.date < start:
                raise ValueError(f"regime {self.us.regime} began on {start}, after this decision ({self.date})")
        return self

    @property
    def calibratable(self) -> bool:
        """Claimed and awarded both known, the award not symbolic, not reversed or vacated."""
        return (self.claimed is not None and self.awarded is not None and not self.symbolic
                and self.claimed.total > 0 and self.outcome.status not in ("reversed", "vacated"))

    def ratio(self) -> Decimal | None:
        """Awarded ÷ claimed (totals), or None."""
        if not self.calibratable:
            return None
        assert self.claimed is not None and self.awarded is not None
        return self.awarded.total / self.claimed.total


class PopulationFigure(StrictModel):
    """A published award-to-claim statistic over many judgments (a prior where neighbours are few)."""

    id: str
    forum: Forum
    plaintiff_type: PlaintiffType | None = Field(default=None, description="the population's plaintiffs, if one kind")
    cause: Cause | None = None
    metric: str
    population: str | None = None
    n: int | None = Field(default=None, ge=1)
    mean_claim: NonNegativeAmount | None = None
    mean_award: NonNegativeAmount | None = None
    median_claim: NonNegativeAmount | None = None
    median_award: NonNegativeAmount | None = None
    ratio_p25: Factor | None = None
    ratio_median: Factor | None = None
    ratio_p75: Factor | None = None
    derived: bool = Field(default=False, description="computed by the researchers, not published as such")
    source: Source
    confidence: Confidence
    confidence_note: str | None = None
    notes: str | None = None


class Population(StrictModel):
    """``population.yaml`` of a forum folder: its population figures and which one does what."""

    forum: Forum
    figures: list[PopulationFigure] = Field(min_length=1)
    over_claim_figure: str = Field(
        description="id of the figure that gives the over-claim factor: its mean claim ÷ mean award, or, "
                    "without means, 1 ÷ its median award/claim ratio")
    fallback_figure: dict[PlaintiffType, str] = Field(
        default_factory=dict, description="per plaintiff type: id of the figure with award/claim ratio quartiles "
                                          "used when fewer than 3 neighbours are similar enough")

    @model_validator(mode="after")
    def _references(self) -> "Population":
        ids = {f.id for f in self.figures}
        for ref in [self.over_claim_figure, *self.fallback_figure.values()]:
            if ref not in ids:
                raise ValueError(f"no figure {ref!r} in figures")
        over = next(f for f in self.figures if f.id == self.over_claim_figure)
        if not ((over.mean_claim and over.mean_award) or over.ratio_median):
            raise ValueError(f"figure {over.id} needs mean_claim and mean_award, or ratio_median, to give the "
                             "over-claim factor")
        for ref in self.fallback_figure.values():
            f = next(f for f in self.figures if f.id == ref)
            if None in (f.ratio_p25, f.ratio_median, f.ratio_p75):
                raise ValueError(f"figure {f.id} needs ratio_p25, ratio_median and ratio_p75 to be a fallback")
        return self

    def figure(self, figure_id: str) -> PopulationFigure:
        return next(f for f in self.figures if f.id == figure_id)

    @property
    def over_claim_factor(self) -> Decimal:
        """How many times the awards a claim typically is, by the named figure (e.g. 186,300 ÷ 44,700)."""
        f = self.figure(self.over_claim_figure)
        if f.mean_claim and f.mean_award:
            return f.mean_claim / f.mean_award
        assert f.ratio_median
        return 1 / f.ratio_median


class CalibrationConfig(StrictModel):
    """``calibration:`` in case.yaml: the case's features for finding similar precedents.

    Every key is optional. ``plaintiff_type`` defaults to ``platform`` for contract / goodwill claims
    and ``brand_owner`` for trademark / unfair-competition claims; ``defendant_type`` to
    ``online_seller`` when a defendant has a shop; ``product_category`` to unknown (the feature then
    scores 0.5 for every precedent). ``include_exemplary`` lets courts' published "typical cases"
    (full support at the maximum) into the calibration at half weight.
    """

    plaintiff_type: PlaintiffType | None = None
    defendant_type: DefendantType | None = None
    product_category: ProductCategory | None = None
    include_exemplary: bool = False
