"""The Chinese forum's drafting pieces: template filters, the complaint's context, party particulars.

Filters: ``yuan`` (2,670,000.00元), ``amount`` (2,670,000.00), ``capital`` (人民币贰佰陆拾柒万元整),
``cn_date`` (2026年12月1日), ``cn_number`` (一, 二 … for section numbers). Each returns text that is
already safe Markdown.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from litigator.evidence import Exhibit
from litigator.money import format_amount, format_yuan, to_capital

if TYPE_CHECKING:  # pragma: no cover
    from litigator.sales.model import SalesSummary


def cn_date(value: date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


_CN_SMALL = "零一二三四五六七八九"


def cn_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (for headings such as 一、 二、)."""
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    out = ("" if tens == 1 else _CN_SMALL[tens]) + "十" if tens else ""
    return out + (_CN_SMALL[ones] if ones else "")


def template_filters() -> dict[str, Any]:
    from litigator.drafting.environment import Raw

    return {
        "yuan": lambda v: Raw(format_yuan(Decimal(v))),
        "amount": lambda v: Raw(format_amount(Decimal(v))),
        "capital": lambda v: Raw(to_capital(Decimal(v))),
        "cn_date": lambda v: Raw(cn_date(v)),
        "cn_number": cn_number,
        "count": lambda v: Raw(f"{int(v):,}"),
    }


def exhibit_number(exhibits: list[Exhibit], path: str | None) -> int | None:
    if not path:
        return None
    for e in exhibits:
        if e.path == Path(path).as_posix():
            return e.number
    return None


def exhibit_ref(exhibits: list[Exhibit], path: str | None) -> str:
    """（证据N） for an exhibit path, or nothing when the fact has no exhibit."""
    number = exhibit_number(exhibits, path)
    return f"（证据{number}）" if number else ""


def sales_source(sales: "SalesSummary | None") -> str | None:
    """The order exports in words a court reads, with enough of each hash to check the file."""
    if sales is None:
        return None
    return "；".join(f"被告店铺交易明细导出文件{Path(f.path).name}（第{f.first_line}至{f.last_line}行，"
                    f"SHA-256：{f.sha256[:16]}…）" for f in sales.files)


def legal_basis(scenario) -> list[str]:
    """Every provision the scenario relies on (its structured citations), each once, grouped by statute in
    first-cited order: one item per statute, its articles joined by 、."""
    from litigator.forums.cn.citation import group_citations

    return group_citations(scenario.citations)


# What a complaint states of each party (the Civil Procedure Law's article on the complaint's contents).
_PLAINTIFF_PERSON = {"sex": "性别", "birth_date": "出生日期（年龄）", "ethnicity": "民族",
                     "occupation": "职业", "address": "住所", "phone": "联系方式"}
_PLAINTIFF_ORG = {"address": "住所", "representative": "法定代表人或主要负责人", "phone": "联系方式"}
_DEFENDANT_PERSON = {"sex": "性别", "address": "住所"}
_DEFENDANT_ORG = {"address": "住所"}


def particulars_warnings(case) -> list[str]:
    """Particulars the Civil Procedure Law's article on the complaint asks for that case.yaml does not give."""
    from litigator.forums.cn.law import law_for

    law = law_for(case)
    rule = law.cite(law.procedure("complaint"))
    out = []
    for role, parties, person, org in (("plaintiffs", case.plaintiffs, _PLAINTIFF_PERSON, _PLAINTIFF_ORG),
                                       ("defendants", case.defendants, _DEFENDANT_PERSON, _DEFENDANT_ORG)):
        for i, party in enumerate(parties):
            wanted = person if party.kind == "person" else org
            missing = [label for key, label in wanted.items() if not getattr(party, key)]
            if party.kind == "person" and role == "plaintiffs" and not party.occupation and party.employer:
                missing.remove("职业")  # 工作单位 stands in for 职业
            if missing:
                out.append(f"{role}[{i}] ({party.name}) lacks {'、'.join(missing)}, which "
                           f"{rule} asks the complaint to state")
    return out


def template_context(run: Any, scenario_name: str) -> dict[str, Any]:
    """The Chinese templates' additions to the shared context: exhibit references as （证据N）, the sales
    source in words, and the legal basis grouped by statute."""
    from litigator.forums.cn.law import law_for
    from litigator.forums.cn.pleading import plead
    from litigator.forums.cn.warnings import KINDS
    from litigator.warnings import Warnings

    scenario = run.damages.scenario(scenario_name)
    case = run.folder.case
    law = law_for(case)
    w = Warnings(KINDS)
    pleading = plead(case, scenario, law, w)
    return {
        "pleading": pleading,
        "_warnings": w,
        "exhibit_number": lambda path: exhibit_number(run.exhibits, path),
        "ref": lambda path: exhibit_ref(run.exhibits, path),
        "sales_source": sales_source(run.sales),
        "legal_basis": legal_basis(scenario),
        "filing_basis": law.cite(law.procedure("filing_conditions")),
    }
