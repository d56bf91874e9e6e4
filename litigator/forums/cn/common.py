"""Shared pieces of the Chinese rules: statute names, the per-scenario context, sales helpers."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from litigator.damages.model import MAX_AMOUNT, ClaimHead, HeadInput, PunitiveBlock
from litigator.damages.warnings import Warnings
from litigator.errors import DamagesError
from litigator.forums.cn.scenario import Scenario
from litigator.money import quantize

if TYPE_CHECKING:  # pragma: no cover
    from litigator.forums.cn.model import CnCase as Case
    from litigator.forums.cn.model import Product
    from litigator.sales.model import SalesSummary

CC = "《中华人民共和国民法典》"
CONTRACT_INTERP = "《最高人民法院关于适用〈中华人民共和国民法典〉合同编通则若干问题的解释》"
TM = "《中华人民共和国商标法》"
TM_INTERP = "《最高人民法院关于审理商标民事纠纷案件适用法律若干问题的解释》"
PUNITIVE_INTERP = "《最高人民法院关于审理侵害知识产权民事案件适用惩罚性赔偿的解释》"
AUCL = "《中华人民共和国反不正当竞争法》"
AUCL_2025 = "《中华人民共和国反不正当竞争法》（2025年修订）"
AUCL_2025_IN_FORCE = dt.date(2025, 10, 15)
STATUTORY_CAP = Decimal("5000000")
D0 = Decimal("0.00")


def regime_of(case: "Case") -> str:
    """Which regime governs expenses: trademark > unfair_competition > contract > tort."""
    if "trademark_infringement" in case.claims:
        return "trademark"
    if "unfair_competition" in case.claims:
        return "unfair_competition"
    if "goodwill_tort" in case.claims and "breach_of_contract" not in case.claims:
        return "tort"
    return "contract"


@dataclass
class Ctx:
    case: "Case"
    name: str
    scenario: Scenario
    sales: "SalesSummary | None"
    w: Warnings
    punitive: PunitiveBlock | None = None
    regimes: list[str] = field(default_factory=list)
    # provisions establishing liability, per regime, as the rule modules found them (see liability_basis)
    liability: dict[str, list[str]] = field(default_factory=dict)
    # the AUCL damages provisions that apply (2019 and/or 2025 text): the expenses head cites the same
    aucl_expenses_basis: str | None = None

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
                return r if r != "contract" or regime_of(self.case) != "tort" else "tort"
        return regime_of(self.case)

    def filing_date(self) -> dt.date:
        from litigator.casefile import filing_date

        return filing_date(self.case)

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


def head(code: str, label: str, amount: Decimal, currency: str, basis: str, formula: str,
         inputs: list[HeadInput], explanation: str) -> ClaimHead:
    return ClaimHead(code=code, label=label, amount=amount, currency=currency, basis=unique_basis(basis),
                     formula=formula, inputs=inputs, explanation=explanation)


def unique_basis(basis: str) -> str:
    """Each cited provision once, in first-cited order: "A；B；A" → "A；B"."""
    return "；".join(dict.fromkeys(part.strip() for part in basis.split("；") if part.strip()))


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


# ---------------------------------------------------------------------------------------------
# Legal basis: provisions one by one
# ---------------------------------------------------------------------------------------------

_STATUTE = re.compile(r"(《[^》]+》(?:（[^）]*）)?)")


def split_provisions(basis: str) -> list[str]:
    """One provision per item, each carrying its statute's name.

    ``"《民法典》第五百七十七条、第五百八十四条；《解释》第十三条"`` →
    ``["《民法典》第五百七十七条", "《民法典》第五百八十四条", "《解释》第十三条"]``. A part with no
    statute name of its own takes the last one cited. Ranges (第一条至第六条) stay one item.
    """
    out: list[str] = []
    statute = ""
    for chunk in re.split(r"[；;]", basis):
        chunk = chunk.strip()
        if not chunk:
            continue
        m = _STATUTE.match(chunk)
        if m:
            statute, rest = m.group(1), chunk[m.end():]
        else:
            rest = chunk
        for part in rest.split("、"):
            part = part.strip()
            if part:
                out.append(statute + part)
            elif statute and not rest.strip():
                out.append(statute)  # a statute cited as a whole
    return out


def merge_provisions(*groups: list[str] | str) -> list[str]:
    """Every provision of ``groups`` (lists of provisions or basis strings) once, in first-cited order."""
    seen: dict[str, None] = {}
    for g in groups:
        items = split_provisions(g) if isinstance(g, str) else [p for x in g for p in split_provisions(x)]
        for p in items:
            seen.setdefault(p, None)
    return list(seen)
