"""The papers after the complaint (issue 20): the joinder chart, the ex parte TRO set (memorandum, proposed
order, investigator's declaration, the Rule 65(b)(1) certification), the default-judgment motion and proposed
judgment, and the JS 44 civil cover sheet. What the templates read as ``motion``; the warnings they raise.

Every figure comes from the damages report (the drafted scenario's ``defendants``), every legal number from
``law.yaml``, every citation from the statute table; a fact the user has not given is a warning naming its key
and a visible gap in the paper, never boilerplate.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from litigator.damages.model import DefendantResult
from litigator.errors import LitigatorError
from litigator.forums.us.citation import format_ref
from litigator.forums.us.model import (
    FeeClaim,
    Investigator,
    ProductPair,
    Registration,
    Store,
    TestBuy,
    UsCase,
)
from litigator.warnings import Warnings

# local rules are cited by name (statutes.yaml's code:section.sub notation cannot spell "LR 7.1")
LOCAL_RULES = {"5.2": "N.D. Ill. LR 5.2", "7.1": "N.D. Ill. LR 7.1", "54.3": "N.D. Ill. LR 54.3"}
NDIL = "Northern District of Illinois"
MODEL_LABELS = {"per_mark_per_type": "per mark per type of goods", "per_defendant": "per defendant",
                "sales_multiple": "multiple of proven sales"}


@dataclass
class JoinderRow:
    """One defendant in the joinder chart."""

    store: Store
    products: list[ProductPair]
    marks: list[Registration]
    shared: list[str]          # the accused products it shares with other defendants (the alleged facts: joinder)
    test_buy: TestBuy | None
    mark_only: bool            # it shares nothing with the others beyond the mark


@dataclass
class DefaultRow:
    """One defaulted defendant's line of the damages table: the damages report's figures, unchanged."""

    id: str
    store: str
    proven_sales: Decimal | None
    pairs: str                 # counterfeit marks × goods types, as the report counts them
    pairs_source: str
    model: str
    award: Decimal
    low: Decimal | None
    high: Decimal | None


@dataclass
class CoverField:
    """One section of the JS 44: its label, the value filled from the case (None: left for the user)."""

    section: str
    label: str
    value: str | None
    note: str | None = None


@dataclass
class MotionContext:
    """``motion`` in the templates."""

    caption: str                    # the defendants as the caption names them (all stores)
    joinder: list[JoinderRow]
    joinder_facts: list[str]
    stores: list[Store]
    products: dict[str, ProductPair]
    # TRO (empty when the case has no `tro`)
    tro: bool
    harm: list[str]
    efforts: list[str]
    reasons: list[str]
    bond: Decimal | None
    bond_low: Decimal | None
    bond_high: Decimal | None
    bond_source: str
    presumption: str | None         # the § 1116(a) citation when the presumption applies on the filing date
    presumption_disputed: bool
    investigator: Investigator | None
    asset_restraint: bool
    takedown: bool
    page_limit: int                 # LR 7.1's limit in force on the filing date (0: none in our material)
    memorandum_pages: int           # the LR 7.1 estimate of the memorandum (0 when not drafted)
    # default judgment
    default: bool
    default_entered: dt.date | None
    default_rows: list[DefaultRow]
    default_total: Decimal
    fee: FeeClaim | None
    fee_head: Decimal | None        # the § 1117(b) fee the drafted scenario computes, when it does
    # JS 44
    cover: list[CoverField]
    local: dict[str, str] = field(default_factory=lambda: dict(LOCAL_RULES))


def missing(key: str) -> str:
    """The visible gap a missing fact leaves in a paper (the warning names the same key)."""
    from litigator.drafting.environment import missing_fact

    return missing_fact(key)


def _joinder(case: UsCase, w: Warnings) -> list[JoinderRow]:
    stores = case.stores
    rows = []
    for s in stores:
        others = [o for o in stores if o.id != s.id]
        shared = []
        for pid in s.products:
            same = [o.id for o in others if pid in o.products]
            if same:
                shared.append(f"the same accused product ({case.product(pid).name}) as Nos. {', '.join(same)}")
        products = [case.product(p) for p in s.products]
        marks = [case.mark(m) for m in dict.fromkeys(m for p in products for m in p.marks)]
        mark_only = bool(others) and not shared and not case.joinder
        rows.append(JoinderRow(s, products, marks, shared, s.test_buy, mark_only))
    alone = [r.store for r in rows if r.mark_only]
    if alone:
        names = ", ".join(f"No. {s.id} ({s.alias})" for s in alone)
        w.add("JOINDER_NOTHING_SHARED",
              f"{names}: shares nothing with the other defendants beyond the mark (no common accused product, no "
              "`joinder` fact): a court may sever or dismiss it — state the facts of the same transaction or "
              "occurrence, or sue it separately (split: product)")
    return rows


def _tro(case: UsCase, law, w: Warnings) -> dict[str, Any]:
    from litigator.forums.law import NotInForce

    tro = case.tro
    try:
        practice = law.book.at("tro.bond_practice", law.filed)
    except NotInForce:
        practice = None
    out: dict[str, Any] = {
        "tro": tro is not None, "harm": [], "efforts": [], "reasons": [], "bond": None,
        "bond_low": Decimal(practice.value["low"]) if practice else None,
        "bond_high": Decimal(practice.value["high"]) if practice else None,
        "bond_source": (practice.note or "") if practice else "", "presumption": None, "presumption_disputed": False,
        "investigator": None, "asset_restraint": False, "takedown": False}
    try:
        presumption = law.book.at("injunction.irreparable_harm_presumption", law.filed)
    except NotInForce:
        presumption = None
    if presumption is not None:
        out["presumption"] = format_ref(presumption.ref or "usc15:1116.a")
        out["presumption_disputed"] = presumption.value == "disputed"
    if tro is None:
        return out
    out.update(harm=tro.harm, bond=tro.bond, investigator=tro.investigator, asset_restraint=tro.asset_restraint,
               takedown=tro.takedown, efforts=tro.notice.efforts if tro.notice else [],
               reasons=tro.notice.reasons if tro.notice else [])
    rule = format_ref("frcp:65.b.1")
    gaps = {"tro.harm": ("the specific facts of immediate and irreparable injury before the defendants can be "
                         f"heard ({format_ref('frcp:65.b.1.A')})", not tro.harm),
            "tro.notice.efforts": (f"the efforts made to give notice ({format_ref('frcp:65.b.1.B')})",
                                   not out["efforts"]),
            "tro.notice.reasons": (f"why notice should not be required ({format_ref('frcp:65.b.1.B')})",
                                   not out["reasons"]),
            "tro.investigator": ("the investigator who declares the test purchases", tro.investigator is None)}
    for key, (what, absent) in gaps.items():
        if absent:
            w.add("TRO_FACT_MISSING", f"{key}: {what} is not stated — the TRO papers leave a marked gap; a judge "
                                      f"denies an ex parte TRO on boilerplate ({rule})")
    practice_text = (f"reported N.D. Ill. ex parte TRO bonds are about ${out['bond_low']:,.0f}-"
                     f"${out['bond_high']:,.0f} ({out['bond_source']})" if practice else
                     "no practice range in our material for the filing date")
    if tro.bond is None:
        w.add("TRO_FACT_MISSING", f"tro.bond: no bond proposed ({format_ref('frcp:65.c')}); {practice_text}")
    else:
        w.add("TRO_BOND_PRACTICE", f"tro.bond: {tro.bond:,.2f} proposed; {practice_text}")
    for s in case.stores:
        if s.test_buy is None:
            w.add("TRO_FACT_MISSING", f"defendant {s.id} ({s.alias}): no test purchase — the memorandum and the "
                                      "declaration have no test-buy facts for it")
    if presumption is None:
        w.add("TMA_PRESUMPTION", f"the filing date {law.filed.isoformat()} is before the Trademark Modernization "
                                 "Act: no presumption of irreparable harm is cited")
    elif out["presumption_disputed"]:
        w.add("TMA_PRESUMPTION", f"the presumption of irreparable harm ({out['presumption']}) is cited, but its "
                                 f"effective date is disputed for a filing on {law.filed.isoformat()} (law.md §1.5)")
    return out


def _default(case: UsCase, scenario, results: dict[str, DefendantResult], w: Warnings) -> dict[str, Any]:
    dj = case.default_judgment
    out: dict[str, Any] = {"default": dj is not None, "default_entered": None, "default_rows": [],
                           "default_total": Decimal(0), "fee": None, "fee_head": None}
    head = next((h for h in scenario.result.heads if h.code == "attorney_fee"), None) if scenario.result else None
    if head is not None:
        out["fee_head"] = head.amount
    if dj is None:
        return out
    ids = dj.defendants or [s.id for s in case.stores]
    unknown = [i for i in ids if i not in results]
    if unknown:
        raise LitigatorError(f"default_judgment.defendants names unknown defendants {unknown} "
                             f"(have: {', '.join(results)})")
    label = MODEL_LABELS.get(scenario.config.model or "", "") if scenario.config.remedy == "statutory" else ""
    rows = []
    for i in ids:
        r = results[i]
        store = next(s for s in case.stores if s.id == i)
        inputs = {x.name: x for h in r.heads for x in h.inputs}
        pairs = inputs.get("counterfeit_mark_goods_types")
        rows.append(DefaultRow(
            id=r.id, store=r.store, proven_sales=store.sales.amount if store.sales else None,
            pairs=pairs.value if pairs else "—", pairs_source=pairs.source if pairs and pairs.source else "",
            model=label or "; ".join(h.label for h in r.heads) or "—", award=r.total,
            low=r.range.low if r.range else None, high=r.range.high if r.range else None))
    out.update(default_entered=dj.entered, default_rows=rows, fee=dj.attorney_fee,
               default_total=sum((r.award for r in rows), Decimal(0)))
    if dj.entered is None:
        w.add("DEFAULT_NOT_ENTERED", "default_judgment.entered: the date the clerk entered the default is not "
                                     f"stated ({format_ref('frcp:55.a')} before {format_ref('frcp:55.b.2')})")
    if dj.attorney_fee is not None or head is not None:
        w.add("FEE_LOCAL_RULE", f"attorney's fees are claimed: {LOCAL_RULES['54.3']} governs the fee motion; its "
                                "text is not in our material — check its steps and deadlines")
    return out


def _cover(case: UsCase, w: Warnings) -> list[CoverField]:
    signer = case.counsel[0]
    attorneys = "; ".join(", ".join(x for x in (c.name, c.firm, c.address, c.phone, c.email) if x)
                          for c in case.counsel)
    stores = case.stores
    defendants = ("The Partnerships and Unincorporated Associations Identified on Schedule A"
                  if case.caption == "schedule_a" else "; ".join(s.alias for s in stores))
    marks = ", ".join(m.text for m in case.marks)
    fields = [
        CoverField("I(a)", "Plaintiffs", case.plaintiff.name),
        CoverField("I(a)", "Defendants", f"{defendants} ({len(stores)} online stores)"),
        CoverField("I(b)", "County of residence of first listed plaintiff", case.plaintiff.county),
        CoverField("I(c)", "Attorneys (firm name, address, and telephone number)", attorneys or signer.name),
        CoverField("II", "Basis of jurisdiction", f"3 — Federal question ({format_ref('usc28:1331')})"),
        CoverField("III", "Citizenship of principal parties", "Not applicable: for diversity cases only"),
        CoverField("IV", "Nature of suit", "840 Trademark"),
        CoverField("V", "Origin", "Original proceeding (a new action)",
                   "the box's number and label are not verified in our material: tick the matching box"),
        CoverField("VI", "Cause of action",
                   f"{format_ref('usc15:1114')}; {format_ref('usc15:1125.a')}. Brief description: trademark "
                   f"counterfeiting and infringement, and false designation of origin, by online stores selling "
                   f"goods bearing counterfeits of the registered {marks} marks"),
        CoverField("VII", "Requested in complaint", None, "UNVERIFIED in our material (law.md §4): check the "
                                                          "current uscourts.gov JS 44"),
        CoverField("VIII", "Related case(s), if any", None, "UNVERIFIED in our material (law.md §4)"),
    ]
    if case.plaintiff.county is None:
        w.add("COVER_SHEET_FIELD", "plaintiff.county: JS 44 section I(b) (county of residence of the first listed "
                                   "plaintiff) is left blank — state it in case.yaml")
    w.add("COVER_SHEET_FIELD", "JS 44 sections VII (requested in complaint) and VIII (related cases) are "
                               "UNVERIFIED in our material and left for counsel to complete")
    if case.district == NDIL:
        w.add("COVER_SHEET_FIELD", f"the {NDIL} uses its own civil cover sheet variant, which is not covered: this "
                                   "is the national JS 44 — transfer the entries to the district's form")
    return fields


def estimate_pages(data: bytes, style) -> int:
    """Pages of a rendered .docx at the style's lines per page: each paragraph wraps at ``chars_per_line``,
    each table row counts its longest cell at ``table_line`` of a body line. Deterministic; no LibreOffice."""
    import docx

    d = docx.Document(io.BytesIO(data))
    lines = 0.0
    for p in d.paragraphs:
        lines += max(1, math.ceil(len(p.text) / style.chars_per_line))
    for t in d.tables:
        for row in t.rows:
            cells = row.cells
            width = style.chars_per_line * style.body_size / style.table_size / max(1, len(cells))
            lines += style.table_line * max(max(1, math.ceil(len(c.text) / width)) for c in cells)
    return max(1, math.ceil(lines / style.lines_per_page))


def _page_limit(law) -> int:
    from litigator.forums.law import NotInForce

    try:
        return int(law.book.at("local.brief_page_limit", law.filed).decimal())
    except NotInForce:
        return 0


def motion_context(run: Any, scenario_name: str, us: Any, w: Warnings) -> MotionContext:
    from litigator.forums.us.law import law_for

    case: UsCase = run.folder.case
    law = law_for(case)
    rows = _joinder(case, w) if len(case.stores) > 1 else [
        JoinderRow(s, [case.product(p) for p in s.products], [], [], s.test_buy, False) for s in case.stores]
    from litigator.forums.us.drafting import SCHEDULE_A_CAPTION

    caption = SCHEDULE_A_CAPTION if case.caption == "schedule_a" else "; ".join(s.alias for s in case.stores)
    ctx = MotionContext(
        caption=caption, joinder=rows, joinder_facts=case.joinder, stores=case.stores,
        products={p.id: p for p in case.products},
        **_tro(case, law, w), page_limit=_page_limit(law), memorandum_pages=0,
        **_default(case, us, us.results, w), cover=_cover(case, w))
    return ctx


def check_memorandum(run: Any, context: dict[str, Any], w: Warnings, template: str) -> None:
    """Render the TRO memorandum (the shipped template) and warn when it runs over the LR 7.1 limit."""
    from litigator.drafting import markdown_to_docx, render_markdown
    from litigator.forums.us.drafting import template_filters
    from litigator.forums.us.style import US_STYLE

    result = run.damages.scenario(context["us"].result.name)
    full = {"case": run.folder.case, "scenario": result, "report": run.damages, "sales": run.sales,
            "exhibits": run.exhibits, "filing_date": run.filing_date, "total": result.total, **context, "doc": {}}
    markdown = render_markdown(template, full, None, template_filters())
    data = markdown_to_docx(markdown, "Memorandum", run.filing_date, US_STYLE)
    motion: MotionContext = context["motion"]
    motion.memorandum_pages = estimate_pages(data, US_STYLE)
    if not motion.page_limit:
        w.add("BRIEF_OVER_LIMIT", f"no {LOCAL_RULES['7.1']} page limit in our material for the filing date: the "
                                  f"memorandum (about {motion.memorandum_pages} pages) is not checked")
    elif motion.memorandum_pages > motion.page_limit:
        w.add("BRIEF_OVER_LIMIT", f"the TRO memorandum runs about {motion.memorandum_pages} pages (estimated at "
                                  f"{US_STYLE.lines_per_page} lines a page), over the {motion.page_limit}-page limit "
                                  f"of {LOCAL_RULES['7.1']}: cut it, or seek leave and add a table of contents and "
                                  "a table of cases")
