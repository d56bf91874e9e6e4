"""The element-style (要素式) complaint for 侵害商标权纠纷: which cases get it, and what its template reads.

The SPC, the Ministry of Justice and the All China Lawyers Association publish model complaints in which
each element of the case is a labelled field or a tick box (法〔2025〕82号; form No. 23 is the one for
trademark infringement). A trademark case gets this form by default; ``complaint_form: narrative`` keeps
the narrative complaint, which contract and unfair-competition cases always get (there is no element form
for a platform's service-contract claim, and No. 23 cannot plead an unfair-competition claim).

Nothing here is computed anew: the amounts are the damages report's heads, the requests' wording is
``pleading.requests``, the facts are the narrative complaint's context (templates/cn/complaint-element.md.j2
cites them with ``ref``/``segments``). This module reads the ticks from the case (entity types, standing,
the damages method, voucher flags, mediation) and warns, naming the form's field and the case.yaml key,
for each element case.yaml does not give: the line is then left out, never printed blank.
See docs/pleadings-cn.md, "The element-style complaint".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from litigator.forums import Document

if TYPE_CHECKING:  # pragma: no cover
    from litigator.forums.cn.model import CnCase, Party
    from litigator.forums.cn.pleading import Pleading
    from litigator.warnings import Warnings

ELEMENT_COMPLAINT = Document("cn/complaint-element.md.j2", "民事起诉状（侵害商标权纠纷）")
NARRATIVE_ONLY = frozenset({"breach_of_contract", "goodwill_tort", "unfair_competition"})

TICKED, UNTICKED = "☑", "☐"

# 类型 tick boxes, in the form's order (case.yaml organisations.NAME.type → the form's words).
ENTITY_TYPES: list[tuple[str, str]] = [
    ("llc", "有限责任公司"), ("other_enterprise", "其他企业法人"), ("social_service", "社会服务机构"),
    ("joint_stock", "股份有限公司"), ("listed", "上市公司"), ("public_institution", "事业单位"),
    ("social_group", "社会团体"), ("foundation", "基金会"), ("organ", "机关法人"),
    ("rural_collective", "农村集体经济组织法人"), ("cooperative", "城镇农村的合作经济组织法人"),
    ("self_governing", "基层群众性自治组织法人"), ("sole_proprietorship", "个人独资企业"), ("partnership", "合伙企业"),
    ("professional_service", "不具有法人资格的专业服务机构"),
]
# 合理费用 lines in the form's order; other kinds follow with their own label.
EXPENSE_LINES: list[tuple[str, str]] = [("attorney_fee", "律师费"), ("notarization", "公证费"),
                                        ("test_purchase", "购买产品费"), ("travel", "差旅费")]
# The non-money requests the form asks under 5. 其他请求 (their wording is pleading.requests').
OTHER_REQUEST_WORDS = ("销毁", "赔礼道歉", "消除影响", "刊登声明")


def uses_element_form(case: CnCase) -> bool:
    """The element form unless case.yaml asks for the narrative one or the case is not (only) a trademark case."""
    if case.complaint_form is not None:
        return case.complaint_form == "element"
    return "trademark_infringement" in case.claims and not (set(case.claims) & NARRATIVE_ONLY)


def box(ticked: Any) -> str:
    """☑ or ☐."""
    return TICKED if ticked else UNTICKED


@dataclass
class OrgTicks:
    """The 类型 and 所有制性质 of a company or organisation (type read from a company's name when not given)."""

    type: str | None
    listed: bool
    ownership: str | None
    registered_at: str | None


@dataclass
class DamagesRequest:
    """诉讼请求 2 (赔偿经济损失): the amount of the damages heads and the method ticked."""

    amount: Decimal
    head: Any                        # the trademark_damages head (its computation in words is the 计算依据)
    punitive_head: Any | None        # the punitive_damages head of the additive reading
    method: str                      # actual_loss | infringer_profit | licence_fee | statutory
    punitive: bool
    multiple: str | None             # the punitive multiple
    licence_multiple: str | None     # the licence-fee method's multiple


@dataclass
class ExpenseLine:
    label: str
    amount: Decimal                  # from the damages report's expenses head
    voucher: bool
    exhibit: str | None


@dataclass
class ElementForm:
    """What templates/cn/complaint-element.md.j2 reads besides the narrative complaint's context."""

    box: Any
    entity_types: list[tuple[str, str]]
    organisations: dict[str, OrgTicks]
    agents: list[list[Any]]          # per plaintiff, the agents representing it
    marks_text: str                  # 第29876543号“青岚”
    stop: bool                       # 1. 停止侵权
    stop_selling: bool
    stop_links: bool
    damages: DamagesRequest | None
    expenses: list[ExpenseLine]
    expenses_total: Decimal | None
    costs: bool
    costs_note: str
    other_requests: list[str]
    signs: list[Any]                 # InfringingSign, each with its mark resolved in sign_marks
    sign_marks: list[Any]
    period_start: date | None
    period_end: date | None
    ongoing: bool
    venues: list[str]
    in_force: dict[str, bool] = field(default_factory=dict)   # registration number → valid on the filing date
    intent: list[tuple[str, str | None]] = field(default_factory=list)
    serious: list[tuple[str, str | None]] = field(default_factory=list)


def organisation_ticks(case: CnCase, party: Party) -> OrgTicks:
    info = case.organisations.get(party.name)
    kind = info.type if info is not None else None
    if kind is None and party.kind == "company":
        if "股份有限公司" in party.name or "股份公司" in party.name:
            kind = "joint_stock"
        elif "有限公司" in party.name or "有限责任公司" in party.name:
            kind = "llc"
    return OrgTicks(type=kind, listed=bool(info and info.listed), ownership=info.ownership if info else None,
                    registered_at=info.registered_at if info else None)


def _missing(w: Warnings, field_name: str, key: str, what: str = "") -> None:
    w.add("ELEMENT_MISSING", f"the element-style complaint's 「{field_name}」 is not stated{what}: set {key} in "
                             "case.yaml (the line is left out of the complaint)")


def element_context(run: Any, scenario_name: str, scenario: Any, pleading: Pleading, w: Warnings) -> ElementForm | None:
    """The element form's ticks and lines (None when the case gets the narrative complaint); warns for each
    element case.yaml does not give."""
    from litigator.casefile import filing_date

    case = run.folder.case
    if not uses_element_form(case):
        return None
    filed = filing_date(case)

    # Parties: the type and ownership of each company or organisation.
    roles = [*zip(pleading.plaintiff_roles, case.plaintiffs), *zip(pleading.defendant_roles, case.defendants)]
    organisations: dict[str, OrgTicks] = {}
    for role, p in roles:
        if p.kind == "person":
            continue
        ticks = organisation_ticks(case, p)
        organisations[p.name] = ticks
        if ticks.type is None:
            _missing(w, f"{role}（法人、非法人组织）类型", f"organisations.{p.name}.type")
        if ticks.ownership is None:
            _missing(w, f"{role}（法人、非法人组织）所有制性质", f"organisations.{p.name}.ownership")
    first = case.plaintiffs[0].name
    agents = [[a for a in case.agents if (a.party or first) == p.name] for p in case.plaintiffs]

    # The marks: title facts, validity, proceedings, use and reputation, standing.
    if not case.marks:
        _missing(w, "原告商标权属事实：权利商标情况", "marks[]", " (no mark is given)")
    conduct = case.conduct
    sales_period = run.sales.period if run.sales is not None else None
    end = (conduct.end if conduct and conduct.end else None) or (sales_period.end if sales_period else None)
    in_force: dict[str, bool] = {}
    for i, m in enumerate(case.marks):
        key = f"marks[{i}]"
        wanted = [("标志图样", "image", m.image), ("核定商品/服务类别", "classes", m.classes),
                  ("核定使用商品", "goods", m.goods), ("申请时间", "filed_on", m.filed_on),
                  ("核准注册时间", "registered_on", m.registered_on), ("有效期", "valid_until", m.valid_until)]
        for label, attr, value in wanted:
            if not value:
                _missing(w, f"权利商标情况：{label}", f"{key}.{attr}", f" for mark {m.registration_number}")
        if m.proceedings is None:
            _missing(w, "效力状态（是否存在或正处于商标授权确权程序）", f"{key}.proceedings",
                     f" for mark {m.registration_number} ([] when there are none)")
        if not m.reputation:
            _missing(w, "原告商标权使用及知名度事实", f"{key}.reputation", f" for mark {m.registration_number}")
        in_force[m.registration_number] = m.valid_until is None or m.valid_until >= filed
        if m.valid_until is not None and (m.valid_until < filed or (end is not None and m.valid_until < end)):
            when = f"the filing date {filed}" if m.valid_until < filed else f"the end of the conduct {end}"
            w.add("MARK_NOT_IN_FORCE",
                  f"mark {m.registration_number} is registered until {m.valid_until}, before {when}: a registration "
                  "not renewed protects nothing after it ends (give the renewed term in valid_until, or limit the "
                  "claim to the conduct before it)")
        _standing(case, i, w)

    # Requests.
    req = case.requests
    stop_text = "、".join(f"第{m.registration_number}号“{m.name}”" for m in case.marks)
    heads = [h for h in scenario.heads if h.code in ("trademark_damages", "punitive_damages")]
    damages = None
    base = scenario.head("trademark_damages")
    if base is not None:
        cfg = case.scenarios[scenario_name].trademark
        inputs = {x.name: x.value for x in base.inputs}
        punitive = scenario.punitive is not None and scenario.punitive.regime == "trademark"
        damages = DamagesRequest(
            amount=sum((h.amount for h in heads), Decimal(0)), head=base,
            punitive_head=scenario.head("punitive_damages"),
            method=scenario.punitive.base_method if punitive else (cfg.method if cfg else "statutory"),
            punitive=punitive, multiple=scenario.punitive.multiple if punitive else None,
            licence_multiple=inputs.get("licence_multiple"))
    expenses_head = scenario.head("reasonable_expenses")
    lines: list[ExpenseLine] = []
    if expenses_head is not None:
        items = [x for x in expenses_head.inputs if ": " in x.name]
        paired = list(zip(case.expenses, items, strict=False))
        order = {kind: n for n, (kind, _) in enumerate(EXPENSE_LINES)}
        labels = dict(EXPENSE_LINES)
        for e, x in sorted(paired, key=lambda pair: order.get(pair[0].kind, len(order))):
            label = labels.get(e.kind, e.label) if not e.description else e.description
            lines.append(ExpenseLine(label=label, amount=Decimal(x.value), voucher=e.has_voucher, exhibit=e.exhibit))
    other = [r.removeprefix("判令") for r in pleading.requests if any(word in r for word in OTHER_REQUEST_WORDS)]
    other += _joint(case, scenario, pleading)

    # The infringement: signs, period and venues, intent.
    sign_marks = []
    for s in case.infringing_signs:
        number = s.mark or (case.marks[0].registration_number if case.marks else None)
        sign_marks.append(next((m for m in case.marks if m.registration_number == number), None))
    if not case.infringing_signs:
        _missing(w, "被告侵权行为表现形式、使用的侵权标识图样及比对意见", "infringing_signs[]",
                 " (the sign the defendant used and how it compares with the mark)")
    start = (conduct.start if conduct and conduct.start else None) or (sales_period.start if sales_period else None)
    venues = [f"{s.platform}“{s.name}”店铺" for d in case.defendants for s in d.shops]
    intent = [(f.fact, f.exhibit) for f in conduct.intent] if conduct else []
    serious = [(f.fact, f.exhibit) for f in conduct.serious] if conduct else []
    if not (intent or serious or (conduct and conduct.knowledge)):
        _missing(w, "被告主观故意程度及具体情节", "conduct.knowledge / conduct.intent / conduct.serious")
    if case.related_cases is None:
        _missing(w, "关联案件信息", "related_cases", " ([] when the plaintiff has no other suit on the mark)")
    if case.mediation is None:
        _missing(w, "对纠纷解决方式的意愿", "mediation", " (aware, pre_filing)")

    return ElementForm(
        box=box, entity_types=ENTITY_TYPES, organisations=organisations, agents=agents, marks_text=stop_text,
        stop=req.stop_infringement or req.takedown, stop_selling=req.stop_infringement,
        stop_links=req.takedown and any(d.shops for d in case.defendants),
        damages=damages, expenses=lines, expenses_total=expenses_head.amount if expenses_head else None,
        costs=req.costs, costs_note="（含财产保全申请费）" if req.costs and case.preservation else "",
        other_requests=other, signs=list(case.infringing_signs), sign_marks=sign_marks,
        period_start=start, period_end=end, ongoing=bool(conduct and conduct.ongoing), venues=venues,
        in_force=in_force, intent=intent, serious=serious)


def _standing(case: CnCase, i: int, w: Warnings) -> None:
    """A licensee's standing: the facts the form ticks, and what its licence allows."""
    m = case.marks[i]
    key = f"marks[{i}].licensee"
    role = m.plaintiff_role
    lic = m.licensee
    if role in ("owner", "exclusive_licensee"):
        return
    if lic is None or lic.suing is None:
        _missing(w, "原告主体情况：和权利人共同起诉 / 单独起诉", f"{key}.suing", f" for mark {m.registration_number}")
        return
    plaintiffs = {p.name for p in case.plaintiffs}
    if lic.suing == "jointly":
        if m.owner not in plaintiffs:
            w.add("LICENSEE_STANDING",
                  f"mark {m.registration_number}: the licensee sues jointly with the registrant, but the registrant "
                  f"({m.owner or 'marks[].owner not given'}) is not among the plaintiffs")
        return
    if role == "sole_licensee":
        if lic.registrant_sued is None:
            _missing(w, "原告主体情况：权利人已起诉 / 权利人未起诉", f"{key}.registrant_sued",
                     f" for mark {m.registration_number}")
        elif lic.registrant_sued:
            w.add("LICENSEE_STANDING",
                  f"mark {m.registration_number}: a sole (排他) licensee may sue alone only when the registrant does "
                  "not sue; the registrant has sued, so join its suit or sue jointly")
    elif role == "ordinary_licensee":
        if lic.authorised is None:
            _missing(w, "原告主体情况：权利人书面授权单独起诉 / 权利人未授权单独起诉", f"{key}.authorised",
                     f" for mark {m.registration_number}")
        elif not lic.authorised:
            w.add("LICENSEE_STANDING",
                  f"mark {m.registration_number}: an ordinary (普通) licensee may sue only with the registrant's "
                  "express authorisation; without it the suit may be dismissed for want of standing")


def _joint(case: CnCase, scenario: Any, pleading: Pleading) -> list[str]:
    """5. 其他请求: who answers jointly and severally (连带) for which money requests and the costs."""
    out = []
    n = len(case.defendants)
    if n < 2:
        return out
    every = list(range(n))
    for lia in case.liabilities:
        if lia.kind != "joint":
            continue
        names = "、".join(pleading.defendant_roles[i] for i in (lia.defendants or every))
        labels = [h.label for h in scenario.heads if lia.heads is None or h.code in lia.heads]
        costs = lia.heads is None and case.requests.costs
        what = "、".join(labels)
        if not what and not costs:
            continue
        text = f"{names}对{what}承担连带赔偿责任" if what else ""
        if costs:
            text += ("，并" if text else f"{names}") + "连带承担本案诉讼费用"
        out.append(text)
    return out
