"""The US case model (``jurisdiction: us``): a brand owner's Lanham Act suit against online stores.

One plaintiff (the registrant), its counsel (the first signs), its registered marks, its genuine and the
accused products (each accused product names the marks it bears and its type of goods), and the defendants:
stores listed inline under ``defendants`` or in a table (``defendants_from: stores.csv`` or ``.xlsx``, one
store a row, see :mod:`litigator.forums.us.stores`). Money is a quoted amount in USD. docs/damages-us.md and
docs/pleadings-us.md describe every key; ``examples/us-schedule-a`` is a complete (fictional) case.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal

from pydantic import Field, PrivateAttr, field_validator, model_validator

from litigator.fields import Code, Factor, NonNegativeAmount, PositiveAmount, StrictModel
from litigator.precedents.model import CalibrationConfig

Register = Literal["principal", "supplemental"]


class Counsel(StrictModel):
    """An attorney of record (Fed. R. Civ. P. 11(a): the signer's address, e-mail and telephone)."""

    name: str = Field(description="the attorney's name as signed (/s/ …)")
    firm: str | None = Field(default=None, description="the law firm")
    bar_number: Code | None = Field(default=None, description="bar or ARDC number")
    address: str | None = Field(default=None, description="office address (Rule 11(a))")
    phone: Code | None = Field(default=None, description="telephone (Rule 11(a))")
    email: str | None = Field(default=None, description="e-mail address (Rule 11(a))")


class Plaintiff(StrictModel):
    name: str = Field(description="the plaintiff's full legal name")
    entity: str = Field(default="corporation", description="e.g. corporation, limited liability company")
    organized_under: str | None = Field(default=None, description="the state or country it is organized under")
    principal_place: str | None = Field(default=None, description="its principal place of business")
    description: str | None = Field(default=None, description="what it makes and sells (the parties section)")
    county: str | None = Field(default=None, description="its county of residence (JS 44 section I(b); for a "
                                                         "plaintiff outside the United States, its country)")


class Registration(StrictModel):
    """A registration of the plaintiff: the counterfeit count needs the Principal Register and the goods."""

    id: str = Field(description="short key the products use (e.g. AURORA)")
    text: str = Field(description="the mark as registered (word mark) or its description (design mark)")
    registration: Code = Field(description="U.S. Registration No.")
    registered: dt.date | None = Field(default=None, description="the registration date")
    on_register: Register = Field(default="principal", alias="register",
                                  description="principal or supplemental (§ 1116(d): counterfeits need the former)")
    classes: list[int] = Field(min_length=1, description="international classes")
    goods: dict[str, str] = Field(
        min_length=1, description="type of goods → the goods the registration covers (as in the registration)")
    notice: bool = Field(description="whether the ® notice (or 'Reg. U.S. Pat. & Tm. Off.') was used (§ 1111)")
    exhibit: str | None = Field(default=None, description="the registration certificate in evidence/")


class GenuineProduct(StrictModel):
    description: str = Field(description="the genuine product as the plaintiff sells it")
    exhibit: str | None = Field(default=None, description="evidence of it in evidence/")


class AccusedProduct(StrictModel):
    description: str = Field(description="the accused product as offered by the defendants")
    differences: list[str] = Field(default_factory=list, description="how it differs from the genuine product")
    exhibit: str | None = Field(default=None, description="the inspection or test-buy record in evidence/")


class ProductPair(StrictModel):
    """A genuine product and the counterfeit sold as it: the product-level facts of confusion."""

    id: str = Field(description="short key the stores use (e.g. jacket)")
    name: str = Field(description="the product's name in the complaint")
    goods_type: str = Field(description="the type of goods (a key of the marks' `goods`): § 1117(c) counts per type")
    marks: list[str] = Field(min_length=1, description="the marks (ids) the accused product bears")
    genuine: GenuineProduct = Field(description="the genuine product it imitates")
    accused: AccusedProduct = Field(description="the counterfeit")
    confusion: list[str] = Field(default_factory=list,
                                 description="facts of likely confusion for this product (identical mark, same goods…)")


class TestBuy(StrictModel):
    __test__ = False   # not a pytest class

    date: dt.date = Field(description="the order date")
    order: Code = Field(description="the order number")
    amount: PositiveAmount = Field(description="what was paid, USD")
    shipped_to: str = Field(description="the delivery address (city, state)")
    in_district: bool = Field(description="whether that address lies in the forum district")
    exhibit: str | None = Field(default=None, description="the order and delivery record in evidence/")


class ProvenSales(StrictModel):
    """What the store sold of the accused products, as shown (platform data, a subpoena, the test buys)."""

    units: int | None = Field(default=None, ge=0, description="units sold")
    amount: NonNegativeAmount = Field(description="gross sales in USD: § 1117(a), the plaintiff proves sales only")
    source: str = Field(description="where the figure comes from")
    exhibit: str | None = Field(default=None, description="the sales record in evidence/")


class Store(StrictModel):
    """One defendant: an online store (Schedule A lists each with its URL)."""

    id: Code = Field(description="the defendant's number in Schedule A")
    alias: str = Field(description="the store name (seller alias)")
    seller_id: Code = Field(description="the platform's seller or store ID")
    platform: str = Field(description="the marketplace, e.g. Amazon")
    url: str = Field(description="the store's URL (Schedule A)")
    products: list[str] = Field(min_length=1, description="the accused products (ids) it offered or sold")
    test_buy: TestBuy | None = Field(default=None, description="the test purchase (personal jurisdiction)")
    sales: ProvenSales | None = Field(default=None, description="the store's proven sales, where known")
    actual_notice: str | None = Field(
        default=None, description="how the store had actual notice of the registration (§ 1111), e.g. a takedown")
    actual_damages: NonNegativeAmount | None = Field(
        default=None, description="the plaintiff's own damages caused by this store, when proven (§ 1117(a))")
    exhibit: str | None = Field(default=None, description="screenshots of the store's listings")


class Willfulness(StrictModel):
    """Stated evidence of willful use (§ 1117(c)(2)) and of knowing use of a counterfeit (§ 1117(b)). Never a
    default: a scenario that claims either needs at least one fact here."""

    facts: list[str] = Field(min_length=1, description="each fact showing willful, knowing use")
    exhibit: str | None = Field(default=None, description="the evidence of them in evidence/")


class Interest(StrictModel):
    """Prejudgment interest: only at a rate the user gives, with its source (never a built-in rate)."""

    rate: Factor = Field(description="annual rate in percent, simple interest")
    source: str = Field(min_length=3, description="where the rate comes from (e.g. the 26 U.S.C. § 6621(a)(2) "
                                                  "rate for the quarter, IRS notice …)")
    start: dt.date = Field(description="the first day interest runs (e.g. the date of service)")
    end: dt.date | None = Field(default=None, description="the last day (default: the filing date)")
    on_statutory: bool = Field(default=False, description="also on § 1117(c) statutory damages (circuits differ; "
                                                          "none in the 9th Circuit): warns")


_PLACEHOLDERS = {"tbd", "todo", "n/a", "na", "none", "...", "xxx", "boilerplate", "same as above"}


def _facts(values: list[str], what: str) -> list[str]:
    """Stated facts: each a sentence of its own, no placeholder, no repeat."""
    seen: set[str] = set()
    for v in values:
        text = " ".join(v.split())
        if len(text) < 12 or text.lower().strip(" .") in _PLACEHOLDERS:
            raise ValueError(f"{what}: {v!r} is not a stated fact (write what was done, when, by whom)")
        if text.lower() in seen:
            raise ValueError(f"{what}: {v!r} is stated twice")
        seen.add(text.lower())
    return values


class NoticeFacts(StrictModel):
    """Fed. R. Civ. P. 65(b)(1)(B): the attorney certifies in writing the efforts made to give notice and the
    reasons why it should not be required. Facts of this case, never boilerplate: a missing list warns."""

    efforts: list[str] = Field(default_factory=list,
                               description="each effort made to give the defendants notice (or why none was made)")
    reasons: list[str] = Field(default_factory=list,
                               description="each fact of this case showing why notice should not be required "
                                           "(e.g. a store that moved its funds after an earlier notice)")

    @field_validator("efforts", "reasons")
    @classmethod
    def _stated(cls, v: list[str], info) -> list[str]:
        return _facts(v, f"tro.notice.{info.field_name}")


class Investigator(StrictModel):
    name: str = Field(description="the investigator who made the test purchases (the declarant)")
    employer: str | None = Field(default=None, description="the firm the investigator works for")
    location: str | None = Field(default=None, description="where the declaration is signed (city, state)")


class Tro(StrictModel):
    """An ex parte motion for a temporary restraining order (Fed. R. Civ. P. 65(b)) with an asset restraint and
    the takedown of the listings: drafted when this key is present."""

    harm: list[str] = Field(default_factory=list,
                            description="specific facts that immediate and irreparable injury will result before "
                                        "the defendants can be heard (Rule 65(b)(1)(A))")
    notice: NoticeFacts | None = Field(default=None, description="the Rule 65(b)(1)(B) certification's facts")
    bond: PositiveAmount | None = Field(default=None, description="the security proposed (Rule 65(c)), USD")
    asset_restraint: bool = Field(default=True, description="ask to restrain the stores' marketplace accounts")
    takedown: bool = Field(default=True, description="ask the marketplaces to disable the accused listings")
    investigator: Investigator | None = Field(default=None, description="the declarant of the test purchases")

    @field_validator("harm")
    @classmethod
    def _stated(cls, v: list[str]) -> list[str]:
        return _facts(v, "tro.harm")


class FeeClaim(StrictModel):
    """Attorney's fees claimed with a default judgment (N.D. Ill. LR 54.3 governs the motion)."""

    amount: PositiveAmount = Field(description="the fee claimed, USD")
    hours: Factor | None = Field(default=None, description="hours worked")
    rate: PositiveAmount | None = Field(default=None, description="hourly rate, USD")
    basis: str = Field(description="why fees are owed (e.g. § 1117(b) knowing use of a counterfeit; an "
                                   "exceptional case under § 1117(a))")
    exhibit: str | None = Field(default=None, description="the time records in evidence/")

    @model_validator(mode="after")
    def _consistent(self) -> FeeClaim:
        if self.hours is not None and self.rate is not None and self.hours * self.rate != self.amount:
            raise ValueError(f"amount {self.amount} is not hours × rate ({self.hours} × {self.rate})")
        return self


class DefaultFacts(StrictModel):
    """The motion for default judgment (Fed. R. Civ. P. 55(b)(2)): drafted when this key is present."""

    entered: dt.date | None = Field(default=None, description="the date the clerk entered the default")
    defendants: list[Code] = Field(default_factory=list, description="the defaulted stores' ids (default: all)")
    attorney_fee: FeeClaim | None = Field(default=None, description="fees claimed (N.D. Ill. LR 54.3)")


StatutoryModel = Literal["per_mark_per_type", "per_defendant", "sales_multiple"]


class UsScenario(StrictModel):
    """One way of claiming: § 1117(c) statutory damages by a per-defendant model, or § 1117(a) profits and
    damages (trebled under § 1117(b) for counterfeits unless extenuating circumstances are found)."""

    remedy: Literal["statutory", "actual"] = Field(
        description="statutory: § 1117(c), elected instead of actual; actual: § 1117(a) profits and damages")
    description: str | None = Field(default=None, description="what the scenario assumes")
    willful: bool = Field(default=False, description="claim the willful maximum / knowing use: needs `willfulness`")
    # statutory (§ 1117(c))
    model: StatutoryModel | None = Field(default=None, description="statutory: how each store's figure is set")
    amount: PositiveAmount | None = Field(default=None, description="per mark per type, or per defendant")
    multiple: Factor | None = Field(default=None, description="sales_multiple: times the store's proven sales")
    without_sales: Literal["error", "minimum"] = Field(
        default="error", description="sales_multiple, a store without proven sales: refuse, or the statutory minimum")
    # actual (§ 1117(a), (b))
    damages_multiple: Factor = Field(default=1, description="§ 1117(a): actual damages × this (1 to 3)")
    profits_adjustment: Factor = Field(default=1, description="§ 1117(a): profits × this, as compensation only")
    profits_adjustment_reason: str | None = Field(
        default=None, description="why the proven profits are inadequate as compensation (required when ≠ 1)")
    treble: bool = Field(default=False, description="§ 1117(b): three times the greater of profits or damages")
    extenuating: bool = Field(default=False, description="§ 1117(b): the court may find extenuating circumstances "
                                                         "(no trebling, no § 1117(b) fee)")
    attorney_fee: NonNegativeAmount | None = Field(
        default=None, description="§ 1117(b) reasonable attorney's fee for the case, shared equally by the defendants")
    interest: Interest | None = None
    expected_award: NonNegativeAmount | None = Field(
        default=None, description="what you expect the court to award (risk pricing; default: the calibrated mid)")

    @model_validator(mode="after")
    def _consistent(self) -> UsScenario:
        if self.remedy == "statutory":
            if self.model is None:
                raise ValueError("a statutory scenario needs `model`: per_mark_per_type, per_defendant or "
                                 "sales_multiple")
            if self.model == "sales_multiple":
                if self.multiple is None or self.multiple <= 0:
                    raise ValueError("model sales_multiple needs `multiple` (more than 0)")
            elif self.amount is None:
                raise ValueError(f"model {self.model} needs `amount`")
            if self.treble or self.attorney_fee is not None or self.profits_adjustment != 1 \
                    or self.damages_multiple != 1:
                raise ValueError("treble, attorney_fee, profits_adjustment and damages_multiple are § 1117(a)/(b) "
                                 "keys: statutory damages are elected instead of actual damages and profits")
        else:
            if self.model is not None or self.amount is not None or self.multiple is not None:
                raise ValueError("model, amount and multiple are § 1117(c) keys: set remedy: statutory")
            if self.profits_adjustment <= 0:
                raise ValueError("profits_adjustment must be more than 0")
            if self.profits_adjustment != 1 and not self.profits_adjustment_reason:
                raise ValueError("profits are adjusted only as compensation, never as a penalty (§ 1117(a)): give "
                                 "profits_adjustment_reason (why the proven profits under-compensate)")
            if self.attorney_fee is not None and not self.treble:
                raise ValueError("attorney_fee here is the § 1117(b) fee: set treble: true (a § 1117(a) fee needs an "
                                 "exceptional case and is not computed)")
        return self


class Proportionality(StrictModel):
    sales_multiple: Factor | None = Field(
        default=None, description="warn when a store's figure exceeds this multiple of its proven sales "
                                  "(default: law.yaml proportionality.sales_multiple)")


class UsCase(StrictModel):
    jurisdiction: Literal["us"] = Field(description="us: the US federal forum pack")
    district: str = Field(description="e.g. Northern District of Illinois")
    division: str | None = Field(default=None, description="e.g. Eastern Division")
    state: str | None = Field(default=None, description="the forum state, e.g. Illinois (venue and jurisdiction)")
    circuit: int | None = Field(default=None, ge=1, le=11, description="the circuit (prejudgment interest rules)")
    case_number: str | None = Field(default=None, description="the docket number, once assigned (blank line if not)")
    judge: str | None = Field(default=None, description="the assigned judge, once known")
    caption: Literal["schedule_a", "named"] = Field(
        default="schedule_a", description="schedule_a: 'The Partnerships and Unincorporated Associations Identified "
                                          "on Schedule A'; named: the stores' names in the caption")
    plaintiff: Plaintiff = Field(description="the registrant suing")
    counsel: list[Counsel] = Field(min_length=1, description="attorneys of record; the first signs")
    marks: list[Registration] = Field(min_length=1)
    products: list[ProductPair] = Field(min_length=1)
    defendants: list[Store] = Field(default_factory=list)
    defendants_from: str | None = Field(default=None, description="a .csv or .xlsx of stores, one a row")
    willfulness: Willfulness | None = None
    joinder: list[str] = Field(default_factory=list, description="facts of the same transaction or occurrence "
                                                                 "(Fed. R. Civ. P. 20(a)(2))")
    split: Literal["none", "platform", "product"] = Field(
        default="none", description="draft one complaint per platform or per accused product when joinder is "
                                    "doubtful")
    tro: Tro | None = Field(default=None, description="the ex parte TRO motion's facts (drafted when present)")
    default_judgment: DefaultFacts | None = Field(default=None, description="the default-judgment motion (drafted "
                                                                            "when present)")
    jury_demand: bool = Field(default=True, description="endorse a jury demand on the complaint (Rule 38)")
    scenarios: dict[str, UsScenario] = Field(min_length=1)
    filed_scenario: str | None = Field(default=None, description="the scenario the complaint claims (required with "
                                                                 "several)")
    proportionality: Proportionality = Field(default=Proportionality(),
                                             description="when a store's figure warns against its proven sales")
    filing_date: dt.date | None = Field(default=None, description="dates the filing (default: SOURCE_DATE_EPOCH, "
                                                                   "else today); the law and fees in force on it")
    currency: Literal["USD"] = Field(default="USD", description="always USD")
    sales: None = Field(default=None, description="unused: each store carries its proven sales")
    calibration: CalibrationConfig = CalibrationConfig()

    _stores: list[Store] | None = PrivateAttr(default=None)

    @field_validator("defendants_from")
    @classmethod
    def _table(cls, v: str | None) -> str | None:
        if v is not None and Path(v).suffix.lower() not in (".csv", ".xlsx"):
            raise ValueError("defendants_from names a .csv or .xlsx file")
        return v

    @model_validator(mode="after")
    def _references(self) -> UsCase:
        if self.defendants_from is None and not self.defendants:
            raise ValueError("no defendants: list stores under `defendants` or name a table in `defendants_from`")
        if self.filed_scenario is None:
            if len(self.scenarios) > 1:
                raise ValueError("several scenarios: say which one the complaint claims with `filed_scenario`")
            self.filed_scenario = next(iter(self.scenarios))
        elif self.filed_scenario not in self.scenarios:
            raise ValueError(f"filed_scenario {self.filed_scenario!r} is not a scenario "
                             f"(have: {', '.join(self.scenarios)})")
        marks = {m.id for m in self.marks}
        if len(marks) != len(self.marks):
            raise ValueError("two marks share an id")
        goods = {g for m in self.marks for g in m.goods}
        for p in self.products:
            unknown = [m for m in p.marks if m not in marks]
            if unknown:
                raise ValueError(f"product {p.id!r} names unknown marks {unknown} (have: {sorted(marks)})")
            if p.goods_type not in goods:
                raise ValueError(f"product {p.id!r}: goods_type {p.goods_type!r} is in no mark's `goods` "
                                 f"(have: {sorted(goods)})")
        check_stores(self, self.defendants)
        for name, s in self.scenarios.items():
            if s.willful and self.willfulness is None:
                raise ValueError(f"scenario {name!r} claims willful use, which needs stated evidence: add "
                                 "`willfulness: {facts: [...]}` (never a default)")
            if s.treble and not s.extenuating and self.willfulness is None:
                raise ValueError(f"scenario {name!r} trebles under § 1117(b), which needs knowing use of a "
                                 "counterfeit: add `willfulness: {facts: [...]}`")
        return self

    # the stores, inline and from the table (loaded by stores.load_stores, which knows the case folder)
    @property
    def stores(self) -> list[Store]:
        if self.defendants_from is None:
            return self.defendants
        if self._stores is None:
            raise RuntimeError("defendants_from is not loaded: call litigator.forums.us.stores.load_stores")
        return self._stores

    def mark(self, mark_id: str) -> Registration:
        return next(m for m in self.marks if m.id == mark_id)

    def product(self, product_id: str) -> ProductPair:
        return next(p for p in self.products if p.id == product_id)


def check_stores(case: UsCase, stores: list[Store]) -> None:
    """Every store names known products; ids are unique."""
    products = {p.id for p in case.products}
    seen: set[str] = set()
    for s in stores:
        if s.id in seen:
            raise ValueError(f"two defendants have the id {s.id!r}")
        seen.add(s.id)
        unknown = [p for p in s.products if p not in products]
        if unknown:
            raise ValueError(f"defendant {s.id} ({s.alias}) names unknown products {unknown} "
                             f"(have: {sorted(products)})")
