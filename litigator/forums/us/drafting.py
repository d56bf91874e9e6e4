"""What the US templates read (the complaint, Schedule A, the exhibit list), and which documents a case gets.

A case with ``split: platform`` or ``split: product`` gets one complaint and one Schedule A per group of
stores (each store in exactly one group: its platform, or its first accused product), so that joinder can
be argued group by group; the exhibit list is one. Templates compute nothing legal: every figure comes from
the damages report (the filed scenario's ``defendants``), every citation from the statute table.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from litigator.damages.model import DefendantResult, ScenarioResult
from litigator.forums import Document
from litigator.forums.us.citation import format_ref
from litigator.forums.us.memo import UsMemoContext
from litigator.forums.us.model import Counsel, ProductPair, Registration, Store, UsCase, UsScenario
from litigator.forums.us.motions import MotionContext, check_memorandum, missing, motion_context
from litigator.forums.us.warnings import KINDS
from litigator.money import format_amount
from litigator.warnings import Warnings

SCHEDULE_A_CAPTION = "THE PARTNERSHIPS AND UNINCORPORATED ASSOCIATIONS IDENTIFIED ON SCHEDULE A"

DOCUMENTS = {
    "complaint": Document("us/complaint.md.j2", "Complaint"),
    "schedule-a": Document("us/schedule-a.md.j2", "Schedule A"),
    "exhibit-list": Document("us/exhibit-list.md.j2", "Index of Exhibits"),
    # the papers after the complaint (motions.py), each drafted when its facts exist
    "joinder-chart": Document("us/joinder-chart.md.j2", "Joinder Chart"),
    "tro-memorandum": Document("us/tro-memorandum.md.j2", "Memorandum in Support of Motion for TRO"),
    "tro-proposed-order": Document("us/tro-order.md.j2", "Proposed Temporary Restraining Order"),
    "investigator-declaration": Document("us/investigator-declaration.md.j2", "Declaration of Investigator"),
    "rule-65b-certification": Document("us/rule-65b-certification.md.j2", "Rule 65(b)(1) Certification"),
    "default-judgment-motion": Document("us/default-judgment.md.j2", "Motion for Default Judgment"),
    "proposed-judgment": Document("us/proposed-judgment.md.j2", "Proposed Final Judgment"),
    "civil-cover-sheet": Document("us/civil-cover-sheet.md.j2", "Civil Cover Sheet (JS 44)"),
    # the internal damages memo, for every case; never filed (memo.py)
    "memo": Document("us/memo.md.j2", "Damages Memorandum"),
}
TRO_DOCUMENTS = ("tro-memorandum", "tro-proposed-order", "investigator-declaration", "rule-65b-certification")
DEFAULT_DOCUMENTS = ("default-judgment-motion", "proposed-judgment")


def slug(text: str) -> str:
    out = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return out or "group"


def groups(case: UsCase) -> dict[str, list[Store]]:
    """The stores by complaint: one group (``all``) without ``split``, else by platform or by first product."""
    out: dict[str, list[Store]] = {}
    for s in case.stores:
        key = "all" if case.split == "none" else s.platform if case.split == "platform" else s.products[0]
        out.setdefault(key, []).append(s)
    return out


def _motions(case: UsCase) -> dict[str, Document]:
    """The papers after the complaint this case's facts support."""
    names = ["civil-cover-sheet", "memo"]
    if len(case.stores) > 1:
        names.append("joinder-chart")
    if case.tro is not None:
        names += TRO_DOCUMENTS
    if case.default_judgment is not None:
        names += DEFAULT_DOCUMENTS
    return {n: DOCUMENTS[n] for n in names}


def documents_for(case: UsCase) -> dict[str, Document]:
    if case.split == "none":
        return {**{name: Document(DOCUMENTS[name].template, DOCUMENTS[name].title, {"group": "all"})
                   for name in ("complaint", "schedule-a")},
                "exhibit-list": DOCUMENTS["exhibit-list"], **_motions(case)}
    docs: dict[str, Document] = {}
    for key in groups(case):
        label = key if case.split == "platform" else case.product(key).name
        docs[f"complaint-{slug(key)}"] = Document("us/complaint.md.j2", f"Complaint ({label})", {"group": key})
        docs[f"schedule-a-{slug(key)}"] = Document("us/schedule-a.md.j2", f"Schedule A ({label})", {"group": key})
    docs["exhibit-list"] = DOCUMENTS["exhibit-list"]
    return {**docs, **_motions(case)}


def usd(value: Any) -> str:
    from litigator.drafting.environment import Raw

    return Raw("$" + format_amount(Decimal(value)))


def us_date(value: dt.date) -> str:
    from litigator.drafting.environment import Raw

    return Raw(f"{value:%B} {value.day}, {value.year}")


_FILTERS = {"usd": usd, "us_date": us_date}


def template_filters() -> dict[str, Any]:
    return _FILTERS


@dataclass
class UsContext:
    """``us`` in the templates."""

    court_lines: list[str]
    plaintiff_caption: str
    group_label: dict[str, str]
    groups: dict[str, list[Store]]
    defendants_caption: dict[str, str]
    marks: list[Registration]
    products: list[ProductPair]
    products_of: dict[str, list[ProductPair]]       # group → the accused products its stores sell
    marks_of: dict[str, list[Registration]]             # group → the marks those products bear
    sellers: dict[str, dict[str, list[Store]]]  # group → accused product id → the group's stores selling it
    results: dict[str, DefendantResult]         # store id → its figures in the drafted scenario
    total_of: dict[str, Decimal]                # group → the sum of its stores' figures
    config: UsScenario
    result: ScenarioResult
    signer: Counsel
    counsel: list[Counsel]
    forum_state: str
    statutory_max: Decimal
    willful_max: Decimal
    no_forum_buy: list[str]                     # ids of stores without a test buy shipped into the district
    willfulness: list[str] = field(default_factory=list)
    joinder: list[str] = field(default_factory=list)


def _forum_state(case: UsCase) -> str:
    if case.state:
        return case.state
    m = re.search(r"District of (.+)$", case.district)
    return m.group(1).strip() if m else case.district


def us_context(run: Any, scenario_name: str) -> dict[str, Any]:
    from litigator.forums.us.law import law_for
    from litigator.forums.us.stores import load_stores

    case: UsCase = run.folder.case
    load_stores(case, run.folder.path)
    law = law_for(case)
    result = run.damages.scenario(scenario_name)
    by_group = groups(case)
    court = ["UNITED STATES DISTRICT COURT", f"FOR THE {case.district.upper()}"]
    if case.division:
        court.append(case.division.upper())
    captions: dict[str, str] = {}
    labels: dict[str, str] = {}
    products_of: dict[str, list[ProductPair]] = {}
    marks_of: dict[str, list[Registration]] = {}
    totals: dict[str, Decimal] = {}
    sellers: dict[str, dict[str, list[Store]]] = {}
    results = {d.id: d for d in result.defendants}
    for key, stores in by_group.items():
        captions[key] = SCHEDULE_A_CAPTION if case.caption == "schedule_a" else "; ".join(
            s.alias for s in stores)
        labels[key] = ("all defendants" if key == "all" else key if case.split == "platform"
                       else case.product(key).name)
        pids = list(dict.fromkeys(p for s in stores for p in s.products))
        products_of[key] = [case.product(p) for p in pids]
        mids = list(dict.fromkeys(m for p in products_of[key] for m in p.marks))
        marks_of[key] = [case.mark(m) for m in mids]
        sellers[key] = {p: [s for s in stores if p in s.products] for p in pids}
        totals[key] = sum((results[s.id].total for s in stores if s.id in results), Decimal(0))
    no_buy = [s.id for s in case.stores if s.test_buy is None or not s.test_buy.in_district]
    exhibits = {e.path: e.number for e in run.exhibits}

    def ref(path: str | None) -> str:
        """`` (Exhibit N)`` for an evidence path; empty without one."""
        from litigator.drafting.environment import Raw

        if not path:
            return Raw("")
        number = exhibits.get(path)
        return Raw(f" (Exhibit {number})") if number else Raw("")

    us = UsContext(
        court_lines=court, plaintiff_caption=case.plaintiff.name, group_label=labels, groups=by_group,
        defendants_caption=captions, marks=case.marks, products=case.products, products_of=products_of,
        marks_of=marks_of, sellers=sellers, results=results, total_of=totals, config=case.scenarios[scenario_name],
        result=result,
        signer=case.counsel[0], counsel=case.counsel, forum_state=_forum_state(case),
        statutory_max=law.amount("statutory.maximum"), willful_max=law.amount("statutory.willful_maximum"),
        no_forum_buy=no_buy, willfulness=case.willfulness.facts if case.willfulness else [],
        joinder=case.joinder)
    w = Warnings(KINDS)
    context = {"us": us, "cite": cite, "ref": ref, "missing": missing,
               "motion": motion_context(run, scenario_name, us, w), "_warnings": w}
    if case.tro is not None:
        check_memorandum(run, {k: v for k, v in context.items() if not k.startswith("_")}, w,
                         DOCUMENTS["tro-memorandum"].template)
    return context


def cite(ref: str) -> str:
    """A provision formatted from the statute table: ``cite('usc15:1114.1')`` → ``15 U.S.C. § 1114(1)``."""
    return format_ref(ref)


def particulars_warnings(case: UsCase) -> list[str]:
    out = []
    signer = case.counsel[0]
    for key in ("address", "phone", "email"):
        if not getattr(signer, key):
            out.append(f"counsel {signer.name} has no {key}: Fed. R. Civ. P. 11(a) requires the signer's address, "
                       "e-mail address and telephone number")
    if not case.plaintiff.principal_place:
        out.append(f"{case.plaintiff.name}: no principal place of business for the parties section")
    return out


CONTEXT_NAMES: dict[str, Any] = {
    "us": UsContext,
    "cite": Callable[[str], str],
    "ref": Callable[[str | None], str],
    "missing": Callable[[str], str],
    "motion": MotionContext,
    "memo": UsMemoContext,   # the internal damages memo (memo.py)
}
