"""The companion filings of a Chinese case: which are due, and what their templates read.

Each is its own .docx, drafted only when its facts exist (docs/pleadings-cn.md, "Companion filings"):

* 授权委托书 ``power-of-attorney-N``: one per agent (``agents[N-1]``) of a plaintiff; its template reads
  ``doc.agent`` and ``doc.plaintiff`` (the principal, by ``agents[].party``, default the first plaintiff);
* 法定代表人身份证明书 ``representative-certificate-N``: for plaintiff N when it is a company or organisation
  with its ``representative`` (主要负责人身份证明书 for an organisation's principal officer);
* 财产保全申请书 ``preservation-application``: when ``preservation`` is set; the amount, the claim and the
  fee come from the drafted scenario of the damages report;
* 送达地址确认书 ``service-address-N``: for plaintiff N when it gives ``service``.

A missing fact of a due document is a warning naming the key (the document omits the sentence; it
never prints a blank or a placeholder); a document without its facts is not drafted. Preservation above
the drafted scenario's claim is an error naming ``preservation.amount`` (rules.check_preservation).
"""

from __future__ import annotations

from typing import Any

from litigator.forums import Document

COMPANIONS = ("power-of-attorney", "representative-certificate", "preservation-application", "service-address")

# The special powers in the words of the Civil Procedure Law's article on agents (model.SpecialPower).
CLAIM_POWERS = {"admit_claims": "承认", "waive_claims": "放弃", "modify_claims": "变更"}
OTHER_POWERS = {"settle": "进行和解", "counterclaim": "提起反诉", "appeal": "提起上诉"}
# What any agent does in the first instance (一般授权): the matters of the power of attorney.
GENERAL_MATTERS = ["代为提起诉讼", "提交、签收诉讼文书", "提交证据", "参加庭审", "进行质证、辩论"]
PRESERVATION_MATTER = "申请财产保全"

PROPERTY_KINDS = {"bank_account": "银行存款", "platform_funds": "网络平台账户资金", "other": "其他财产"}
PROPERTY_MEASURES = {"bank_account": "冻结其银行存款", "platform_funds": "冻结其网络平台账户内的资金",
                     "other": "查封、扣押其财产"}
GUARANTEE_KINDS = {"insurance": "诉讼财产保全责任保险", "cash": "现金担保", "property": "财产担保",
                   "letter": "担保书（保函）"}


def principal_index(case: Any, agent: Any) -> int | None:
    """The plaintiff an agent represents (``agents[].party`` by name, default the first); None if no plaintiff."""
    if agent.party is None:
        return 0
    return next((i for i, p in enumerate(case.plaintiffs) if p.name == agent.party), None)


def representative_label(party: Any) -> str:
    """法定代表人 (a company, or a representative titled so) or 主要负责人 (an organisation's principal officer);
    the complaint's party particulars use the same rule."""
    rep = party.representative
    return "法定代表人" if party.kind == "company" or (rep is not None and rep.title == "法定代表人") else "主要负责人"


def companion_documents(case: Any) -> dict[str, Document]:
    """The companion filings this case gets, each with the parameters its template reads as ``doc``."""
    from litigator.forums.cn import FORUM

    catalogue = FORUM.documents
    out: dict[str, Document] = {}

    def add(kind: str, name: str, title: str | None = None, **params: Any) -> None:
        base = catalogue[kind]
        out[name] = Document(base.template, title or base.title, params=params)

    for i, agent in enumerate(case.agents):
        j = principal_index(case, agent)
        if j is not None:
            add("power-of-attorney", f"power-of-attorney-{i + 1}", agent=i, plaintiff=j)
    for i, p in enumerate(case.plaintiffs):
        if p.kind != "person" and p.representative is not None:
            add("representative-certificate", f"representative-certificate-{i + 1}",
                f"{representative_label(p)}身份证明书", plaintiff=i)
    if case.preservation is not None:
        add("preservation-application", "preservation-application")
    for i, p in enumerate(case.plaintiffs):
        if p.service is not None:
            add("service-address", f"service-address-{i + 1}", plaintiff=i)
    return out


def powers_text(agent: Any) -> str:
    """The special powers in words: 「代为承认、放弃、变更诉讼请求，进行和解，提起反诉，提起上诉」 (empty for a
    general authority)."""
    powers = agent.special_powers
    parts = []
    claims = [w for code, w in CLAIM_POWERS.items() if code in powers]
    if claims:
        parts.append("代为" + "、".join(claims) + "诉讼请求")
    parts += [w for code, w in OTHER_POWERS.items() if code in powers]
    if parts and not claims:
        parts[0] = "代为" + parts[0]
    return "，".join(parts)


ALL_POWERS = "代为" + "、".join(CLAIM_POWERS.values()) + "诉讼请求，" + "，".join(OTHER_POWERS.values())


def roles(title: str, n: int) -> list[str]:
    """申请人 / 被申请人 for one party, 被申请人一、被申请人二 … for several."""
    from litigator.forums.cn.drafting import cn_number

    return [title] if n == 1 else [f"{title}{cn_number(i + 1)}" for i in range(n)]


def _located(err: Any, run: Any) -> Any:
    from litigator.casefile import locate

    return locate(err, run.folder)


def check(run: Any, scenario_name: str) -> None:
    """Errors (exit 2) of the companion facts: preservation above the drafted scenario's claim, and an address
    for service given on a defendant (the 送达地址确认书 is the plaintiff's)."""
    from litigator.errors import CaseFileError, LitigatorError
    from litigator.forums.cn.law import law_for
    from litigator.forums.cn.rules import check_preservation

    case = run.folder.case
    if case.preservation is not None:
        try:
            check_preservation(run.damages.scenario(scenario_name), law_for(case))
        except LitigatorError as err:
            raise _located(err, run) from None
    for i, d in enumerate(case.defendants):
        if d.service is not None:
            raise _located(CaseFileError("an address for service is given on a defendant: the 送达地址确认书 is the "
                                         "plaintiff's (give it under plaintiffs[].service)",
                                         "case.yaml", f"defendants[{i}].service"), run)


def warnings(case: Any, w: Any) -> None:
    """A warning for each missing fact of a companion filing that is due, naming the key."""
    for i, a in enumerate(case.agents):
        if principal_index(case, a) is None:
            w.add("POWER_OF_ATTORNEY",
                  f"agents[{i}].party names {a.party}, who is not a plaintiff: no 授权委托书 is drafted for {a.name} "
                  "(name the plaintiff exactly as in plaintiffs[])")
            continue
        missing = [f"agents[{i}].{key}" for key in ("firm", "phone") if not getattr(a, key)]
        if missing:
            w.add("POWER_OF_ATTORNEY", f"{' and '.join(missing)} ({a.name}) not given: the 授权委托书 states the "
                                       "agent's firm or employer and phone, and is drafted without them")
    for i, p in enumerate(case.plaintiffs):
        if p.kind == "person":
            continue
        if p.representative is None:
            w.add("REPRESENTATIVE_CERTIFICATE",
                  f"plaintiffs[{i}].representative ({p.name}) not given: no 法定代表人身份证明书 is drafted; add "
                  "{name, title}")
            continue
        missing = [f"plaintiffs[{i}].{key}" for key in ("credit_code", "address") if not getattr(p, key)]
        if missing:
            w.add("REPRESENTATIVE_CERTIFICATE",
                  f"{' and '.join(missing)} ({p.name}) not given: the {representative_label(p)}身份证明书 is drafted "
                  "without them")
    pres = case.preservation
    if pres is not None:
        if not pres.property:
            w.add("PRESERVATION_PROPERTY",
                  "preservation.property names no property of the respondents: the 财产保全申请书 asks the court to "
                  "freeze or seize property up to the amount without saying which; name the bank accounts or platform "
                  "funds you know of, with their evidence")
        if pres.guarantee is None:
            w.add("PRESERVATION_GUARANTEE",
                  "preservation.guarantee not given: the court may order the applicant to give a guarantee and refuse "
                  "the application without one; the 财产保全申请书 offers none")
        if not pres.reasons:
            w.add("PRESERVATION_REASONS",
                  "preservation.reasons not given: the 财产保全申请书 states only the claim, no fact showing that a "
                  "judgment may be hard to enforce (e.g. the shop closed, proceeds moved)")
    for i, p in enumerate(case.plaintiffs):
        if p.service is None:
            w.add("SERVICE_ADDRESS",
                  f"plaintiffs[{i}].service ({p.name}) not given: no 送达地址确认书 is drafted; add "
                  "{address, recipient, phone, email, electronic}")
        elif not p.service.phone:
            w.add("SERVICE_ADDRESS", f"plaintiffs[{i}].service.phone not given: the 送达地址确认书 states the "
                                     "recipient's phone, and is drafted without it")


def _guarantee(case: Any, amount: Any) -> str | None:
    """The guarantee offered, in words (its exhibit is cited by the template)."""
    from litigator.money import format_yuan

    g = case.preservation.guarantee
    if g is None:
        return None
    value = format_yuan(g.amount if g.amount is not None else amount)
    applicant = "、".join(p.name for p in case.plaintiffs)
    ref = f"（{g.description}）" if g.description else ""
    if g.kind == "insurance":
        return f"由{g.provider}为本次保全提供{GUARANTEE_KINDS['insurance']}担保{ref}，担保金额为人民币{value}"
    if g.kind == "letter":
        return f"由{g.provider}出具{GUARANTEE_KINDS['letter']}{ref}，担保金额为人民币{value}"
    if g.kind == "cash":
        return f"{g.provider or '申请人' + applicant}提供现金担保人民币{value}{ref}"
    return f"{g.provider or '申请人' + applicant}以{g.description}提供财产担保，担保金额为人民币{value}"


def companion_context(run: Any, scenario_name: str, w: Any) -> dict[str, Any]:
    """What the companion templates read besides the shared context: the special powers in words, the general
    matters, the roles of applicants and respondents, the preservation's measures, property and guarantee in
    words and the rule limiting it to the claim, and exhibit references that do not count as citations of the
    complaint. Adds the missing-fact warnings to ``w``; raises on the errors of :func:`check`."""
    from litigator.forums.cn.citation import statutes
    from litigator.forums.cn.drafting import exhibit_ref
    from litigator.forums.cn.law import law_for

    check(run, scenario_name)
    case = run.folder.case
    warnings(case, w)
    law = law_for(case)
    pres = case.preservation
    scenario = run.damages.scenario(scenario_name)
    general = GENERAL_MATTERS + ([PRESERVATION_MATTER] if pres is not None else [])
    measures = []
    for p in pres.property if pres is not None else []:
        if PROPERTY_MEASURES[p.kind] not in measures:
            measures.append(PROPERTY_MEASURES[p.kind])
    return {
        "companion": {
            "general_matters": "，".join(general),
            "plaintiff_agents": [a for a in case.agents if principal_index(case, a) is not None],
            "powers_text": powers_text,
            "all_powers": ALL_POWERS,
            "representative_label": representative_label,
            "applicant_roles": roles("申请人", len(case.plaintiffs)),
            "respondent_roles": roles("被申请人", len(case.defendants)),
            "property_kinds": PROPERTY_KINDS,
            "measures": "、".join(measures) if measures else "冻结其银行存款",
            "guarantee": _guarantee(case, scenario.fees.preservation_amount) if pres is not None else None,
            "limit_rule": law.cite(law.procedure("preservation")),
            "procedure_law": statutes()["civil_procedure_law"].title,
            "exhibit": lambda path: exhibit_ref(run.exhibits, path),
        },
    }
