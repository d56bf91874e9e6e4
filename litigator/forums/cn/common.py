"""Shared pieces of the Chinese rules: the per-scenario context (with the law in force), sales helpers.

Statute names and legal numbers are not written here: they come from the statute table and the
dated parameters through :class:`litigator.forums.cn.law.CnLaw` (``ctx.law``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from litigator.damages.model import MAX_AMOUNT, Citation, ClaimHead, HeadInput, PunitiveBlock
from litigator.errors import DamagesError
from litigator.forums.cn.citation import Provision
from litigator.forums.cn.law import CnLaw
from litigator.forums.cn.scenario import Scenario
from litigator.money import quantize
from litigator.warnings import Warnings

if TYPE_CHECKING:  # pragma: no cover
    from litigator.forums.cn.model import CnCase as Case
    from litigator.forums.cn.model import Product
    from litigator.sales.model import SalesSummary

D0 = Decimal("0.00")


def pleaded_in_tort(case: "Case") -> bool:
    """The one test of contract versus tort: the platform's goodwill claim is in tort when the case pleads
    goodwill_tort and not breach_of_contract (pleading both is an election warning)."""
    return "goodwill_tort" in case.claims and "breach_of_contract" not in case.claims


def regime_of(case: "Case") -> str:
    """Which regime governs expenses: trademark > unfair_competition > contract or tort."""
    if "trademark_infringement" in case.claims:
        return "trademark"
    if "unfair_competition" in case.claims:
        return "unfair_competition"
    return "tort" if pleaded_in_tort(case) else "contract"


@dataclass
class Ctx:
    case: "Case"
    name: str
    scenario: Scenario
    sales: "SalesSummary | None"
    w: Warnings
    law: CnLaw
    punitive: PunitiveBlock | None = None
    regimes: list[str] = field(default_factory=list)
    # provisions establishing liability, per regime, as the rule modules found them (see liability_basis)
    liability: dict[str, list[Provision]] = field(default_factory=dict)
    # the provisions the expenses head cites, per regime, as the rule module of that regime found them
    expenses_basis: dict[str, list[Provision]] = field(default_factory=dict)
    memo: dict[str, object] = field(default_factory=dict)  # per-scenario results the rule modules share

    def money(self, value: Decimal, *parts: str) -> Decimal:
        """``value`` rounded to the fen, or a DamagesError if it exceeds MAX_AMOUNT (10^14)."""
        if abs(value) >= MAX_AMOUNT:
            raise self.error("amount too large: the figure exceeds 99,999,999,999,999.99; check the parameters",
                             *parts)
        return quantize(value)

    def key(self, *parts: str) -> str:
        return ".".join(("scenarios", self.name) + parts)

    def src(self, *parts: str) -> str:
        return "case.yaml " + self.key(*parts)

    def error(self, what: str, *parts: str) -> DamagesError:
        return DamagesError(what, "case.yaml", self.key(*parts))

    def error_at(self, what: str, where: str) -> DamagesError:
        """An error about a case-level key (e.g. ``products[0].right_holder_unit_profit``)."""
        return DamagesError(f"{what} (scenario {self.name!r})", "case.yaml", where)

    def need_sales(self, *parts: str) -> "SalesSummary":
        if self.sales is None:
            raise DamagesError(f"scenario {self.name!r} needs sales data: add `sales:` to case.yaml",
                               "case.yaml", self.key(*parts))
        if self.sales.totals.orders == 0:
            raise DamagesError("no counterfeit sales rows after filters", "case.yaml", "sales")
        return self.sales

    def expense_regime(self) -> str:
        # The scenario's own heads decide first; the case's claims otherwise.
        for r in ("trademark", "unfair_competition", "contract"):
            if r in self.regimes:
                return "tort" if r == "contract" and pleaded_in_tort(self.case) else r
        return regime_of(self.case)

    def filing_date(self) -> dt.date:
        return self.law.filed

    def cite(self, *provisions: Provision) -> str:
        return self.law.cite(*provisions)

    def citations(self, *provisions: Provision) -> list[Citation]:
        return self.law.citations(*provisions)

    def conduct_period(self) -> tuple[dt.date | None, dt.date | None, str]:
        """(start, end, where from): conduct dates, else the sales period, else the orders' dates."""
        c = self.case.conduct
        if c is not None and (c.start or c.end):
            return c.start, c.end, "case.yaml conduct"
        if self.sales is not None and self.sales.period is not None:
            return self.sales.period.start, self.sales.period.end, "sales period"
        if self.case.sales is not None and self.case.sales.period is not None:
            return self.case.sales.period.start, self.case.sales.period.end, "case.yaml sales.period"
        if self.sales is not None and (self.sales.totals.first_order or self.sales.totals.last_order):
            return self.sales.totals.first_order, self.sales.totals.last_order, "first and last order"
        return None, None, "unknown"


def head(code: str, label: str, amount: Decimal, currency: str, law: CnLaw, basis: list[Provision], formula: str,
         inputs: list[HeadInput], explanation: str) -> ClaimHead:
    """A claim head citing ``basis`` (provisions, each once, grouped by statute in first-cited order); ``code``
    must be one of :class:`litigator.forums.cn.heads.HeadCode`."""
    from litigator.forums.cn.heads import HeadCode

    code = HeadCode(code).value
    unique = list(dict.fromkeys(basis))
    return ClaimHead(code=code, label=label, amount=amount, currency=currency, basis=law.cite(*unique),
                     citations=law.citations(*unique), formula=formula, inputs=inputs, explanation=explanation)


def fmt_int(n: int) -> str:
    return f"{n:,}"


def fmt_factor(d: Decimal) -> str:
    """A multiple or rate as written, without trailing zeros: 3.0 → 3, 0.250 → 0.25."""
    d = Decimal(d)
    text = format(d.normalize(), "f")
    return text


@dataclass
class ProductUnits:
    index: int
    product: "Product"
    units: int
    source: str


def product_units(ctx: Ctx, units_override: int | None, units_evidence: str | None,
                  cfg_key: str) -> list[ProductUnits]:
    """Units sold per product: the override, else the sales summary (by SKU when several products)."""
    products = list(ctx.case.products)
    if not products:
        raise DamagesError("this method needs `products:` with unit profits", "case.yaml", "products")
    if units_override is not None:
        if len(products) > 1:
            raise ctx.error("`units` overrides the sales data for one product only; with several products "
                            "drop it and let the sales data attribute units by SKU", cfg_key, "units")
        src = units_evidence or ctx.src(cfg_key, "units")
        if not units_evidence:
            ctx.w.add("PARAM_NO_EVIDENCE", f"scenarios.{ctx.name}.{cfg_key}.units has no `units_evidence`")
        return [ProductUnits(0, products[0], units_override, src)]
    sales = ctx.need_sales(cfg_key)
    label = sales.source_label()
    if len(products) == 1:
        return [ProductUnits(0, products[0], sales.totals.units, label)]
    out = []
    matched = 0
    for i, p in enumerate(products):
        skus = set(p.skus)
        units = sum(line.units for line in sales.by_sku
                    if line.sku in skus or (line.product is not None and line.product == p.name))
        matched += units
        out.append(ProductUnits(i, p, units, f"{label} (SKU {', '.join(p.skus) or p.name})"))
    if matched < sales.totals.units:
        ctx.w.add("UNITS_UNMATCHED",
                  f"{fmt_int(sales.totals.units - matched)} of {fmt_int(sales.totals.units)} units sold match no "
                  "product's `skus`: they are left out of the computation; add the SKUs to products[]")
    return out


def evidence_text(facts: list) -> list[str]:
    return [f.fact + (f"（{f.exhibit}）" if f.exhibit else "") for f in facts]


def prose_facts(text: str, lead: str, items: list, segments: list) -> str:
    """Append ``lead`` and each fact to the prose: each fact closes a ProseSegment carrying its exhibit,
    facts separated by ；, the list ended by 。; returns the text the next segment starts with."""
    from litigator.damages.model import ProseSegment

    text += lead
    for i, f in enumerate(items):
        segments.append(ProseSegment(text=text + f.fact, exhibit=f.exhibit))
        text = "；" if i + 1 < len(items) else ""
    return text + "。"
