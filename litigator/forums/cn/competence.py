"""Court competence: warnings when the chosen court may not hear the case at first instance.

* level (级别管辖): the claim against the amount from which the intermediate courts hear first-instance
  civil cases (law.yaml ``court.civil_level``; not for IP cases), and for IP cases against the ceiling of
  a designated basic court (``court.ip_first_instance``; the designations and ceilings are the SPC notice's
  attachment, which our material lacks, so the case gives them in ``court_competence``);
* IP designation: an IP case at a basic court not confirmed as designated;
* agreed forum: a clause of the platform agreement that gives jurisdiction to another court.

The court's level is read from its name (高级/中级/知识产权法院, else basic). These are warnings, not
errors: the court decides its competence, and the data are partly unverified.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

from litigator.money import format_amount

if TYPE_CHECKING:  # pragma: no cover
    from litigator.forums.cn.law import CnLaw
    from litigator.forums.cn.model import CnCase
    from litigator.warnings import Warnings

IP_CLAIMS = {"trademark_infringement", "unfair_competition"}
COURT_NAME = re.compile(r"[\u4e00-\u9fff（）()]{2,40}?(?:人民法院|知识产权法院|互联网法院|法院)")


def court_level(name: str) -> str:
    """supreme, high, intermediate (中级 and the IP courts) or basic (district, county, internet courts)."""
    if name.startswith("最高人民法院"):
        return "supreme"
    if "高级人民法院" in name:
        return "high"
    if "中级人民法院" in name or name.endswith("知识产权法院"):
        return "intermediate"
    return "basic"


def competence_warnings(case: "CnCase", claim: Decimal, law: "CnLaw", w: "Warnings") -> None:
    level = court_level(case.court)
    ip = bool(IP_CLAIMS & set(case.claims))
    if level == "basic":
        if ip:
            _ip_basic(case, claim, law, w)
        else:
            _civil_level(case, claim, law, w)
    _agreed_forum(case, law, w)


def _civil_level(case: "CnCase", claim: Decimal, law: "CnLaw", w: "Warnings") -> None:
    try:
        entry = law.filing("court.civil_level")
    except LookupError:
        return
    same, other = Decimal(entry.value["same_province"]), Decimal(entry.value["other_province"])
    rule = law.cite(law.ref(entry))
    if claim >= same:
        w.add("COURT_LEVEL", f"the claim {format_amount(claim)} reaches {format_amount(same)}, from which the "
                             f"intermediate courts hear first-instance civil cases ({rule}): {case.court} is a basic "
                             "court")
    elif claim >= other:
        w.add("COURT_LEVEL", f"the claim {format_amount(claim)} reaches {format_amount(other)}: if a party is "
                             f"domiciled outside the court's province, the intermediate court hears it ({rule}), not "
                             f"{case.court}")


def _ip_basic(case: "CnCase", claim: Decimal, law: "CnLaw", w: "Warnings") -> None:
    try:
        entry = law.filing("court.ip_first_instance")
    except LookupError:
        return
    rule = law.cite(law.ref(entry))
    confirmed = case.court_competence
    if confirmed is None or confirmed.ip_designated is None:
        w.add("COURT_IP_DESIGNATION",
              f"{case.court} is a basic court: it hears first-instance IP civil cases only if designated ({rule}), and "
              "our data do not list the designated courts (unverified): confirm it and set "
              "court_competence.ip_designated")
    elif confirmed.ip_designated is False:
        w.add("COURT_IP_DESIGNATION",
              f"court_competence says {case.court} is not designated for IP cases ({rule}): file at the designated "
              "basic court or the intermediate court")
    ceiling = confirmed.ip_ceiling if confirmed is not None else None
    if ceiling is None:
        ceiling_data = entry.value.get("basic_ceiling") if isinstance(entry.value, dict) else None
        ceiling = Decimal(ceiling_data) if ceiling_data is not None else None
    if ceiling is None:
        if confirmed is None or confirmed.ip_designated is not False:
            w.add("COURT_LEVEL", f"the amount up to which {case.court} hears IP cases is not in our data ({rule}, "
                                 f"unverified): check the claim {format_amount(claim)} against it and set "
                                 "court_competence.ip_ceiling")
    elif claim >= ceiling:
        w.add("COURT_LEVEL", f"the claim {format_amount(claim)} reaches the ceiling {format_amount(ceiling)} up to "
                             f"which {case.court} hears IP cases ({rule}): the intermediate court hears it")


def _agreed_forum(case: "CnCase", law: "CnLaw", w: "Warnings") -> None:
    agreement = case.agreement
    if agreement is None or "breach_of_contract" not in case.claims:
        return
    rule = law.cite(law.procedure("agreed_forum"))
    for clause in agreement.clauses:
        if "管辖" not in clause:
            continue
        named = [re.sub(r"^(?:交由|提交|由|向|在|归|至)", "", c) for c in COURT_NAME.findall(clause)]
        named = [c for c in named if c not in ("人民法院", "法院")]
        others = [c for c in named if c != case.court and not re.search(r"(住所地|所在地)", c)]
        if others:
            w.add("AGREED_FORUM", f"{agreement.name} gives jurisdiction to {'、'.join(others)} (「{clause}」), not "
                                  f"{case.court}: an agreed forum binds the parties ({rule})")
        elif not named or any(re.search(r"(住所地|所在地)", c) for c in named):
            w.add("AGREED_FORUM", f"{agreement.name} has a jurisdiction clause (「{clause}」): check that {case.court} "
                                  f"is the court it designates ({rule})")
