"""The Chinese forum's drafting pieces: template filters, the complaint's context, party particulars.

Filters: ``yuan`` (2,670,000.00元), ``amount`` (2,670,000.00), ``capital`` (人民币贰佰陆拾柒万元整),
``cn_date`` (2026年12月1日), ``cn_number`` (一, 二 … for section numbers). Each returns text that is
already safe Markdown.
"""

from __future__ import annotations

import functools
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


@functools.cache
def template_filters() -> dict[str, Any]:
    """The Chinese filters, the same functions on every call (the drafting environment is cached by them)."""
    from litigator.drafting.environment import Raw

    return {
        "yuan": lambda v: Raw(format_yuan(Decimal(v))),
        "amount": lambda v: Raw(format_amount(Decimal(v))),
        "capital": lambda v: Raw(to_capital(Decimal(v))),
        "cn_date": lambda v: Raw(cn_date(v)),
        "cn_number": cn_number,
        "count": lambda v: Raw(f"{int(v):,}"),
    }


# The sales extract: its columns, and how the plaintiff obtained the data (sales.provenance).
EXTRACT_COLUMNS = {"file": "来源文件", "line": "行号", "seller": "卖家ID", "order_id": "订单编号", "sku": "商家编码",
                   "product": "商品", "ordered_at": "下单时间", "quantity": "数量", "amount": "成交金额",
                   "refund": "退款金额", "net": "实际成交金额", "buyer": "买家", "copies": "重复行数"}
PROVENANCE = {
    # kind: (how the complaint says it, the exhibit's source)
    "platform_records": ("原告作为{platform}的经营者，从平台系统中导出了被告店铺的交易数据", "原告平台系统导出"),
    "investigation_order": ("原告持人民法院出具的调查令，向{platform}调取了被告店铺的交易数据", "依人民法院调查令调取"),
    "notarised_preservation": ("经原告申请，公证机构对被告店铺的交易数据进行了证据保全", "公证机构证据保全"),
    "produced_by_defendant": ("被告提交了其店铺的交易数据", "被告提交"),
}
COUNTERFEIT_BASIS = {
    "brand_statement": "商标权利人出具声明，确认其从未向被告供货或授权被告销售，被告销售的该类商品均非权利人生产",
    "no_purchase_records": "被告不能提供该类商品的合法进货来源及进货凭证",
    "same_listing": "上述订单均来自与公证购买的侵权商品相同的商品链接及商家编码，系同一商品",
    "sample_appraisals": "对被告所售商品的多批次样品进行的鉴别均确认系假冒注册商标的商品",
    "admission": "被告自认其销售的该类商品均系假冒商品",
    "other": "",
}


def sales_exhibit(case: Any, sales: Any) -> tuple[str, str, str]:
    """(title, source, purpose) of the sales extract exhibit, from sales.provenance."""
    provenance = case.sales.provenance
    platform = _platform(case)
    _, source = PROVENANCE[provenance]
    files = "；".join(f"{Path(f.path).name}（SHA-256：{f.sha256}，第{f.first_line}至{f.last_line}行）"
                     for f in sales.files)
    period = f"{cn_date(sales.period.start)}至{cn_date(sales.period.end)}期间，" if sales.period else ""
    t = sales.totals
    purpose = (f"证明{period}被告店铺销售侵权商品{t.orders:,}笔订单、{t.units:,}件，实际成交金额{format_yuan(t.net)}；"
               f"数据摘自{files}，仅含本案被告店铺的订单。")
    return f"被告店铺侵权商品交易明细（{platform}，摘录）", f"{source}（{platform}）", purpose


def _platform(case: Any) -> str:
    shops = [s for d in case.defendants for s in d.shops]
    return "、".join(dict.fromkeys(s.platform for s in shops)) if shops else "电子商务平台"


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


def legal_basis(scenario, liability: list[Any] | None = None, filed: date | None = None) -> list[str]:
    """Every provision the scenario relies on (its structured citations, then the joint-liability basis of
    several defendants), each once, grouped by statute in first-cited order: one item per statute, its
    articles joined by 、."""
    from litigator.forums.cn.citation import citation, group_citations

    extra = [citation(p, filed) for p in liability or []] if filed is not None else []
    return group_citations([*scenario.citations, *extra])


def _shop_operator(case: Any, pleading: Any, shop: str | None) -> str:
    """被告 / 被告一: the defendant operating the shop of that name (the first with shops by default)."""
    for i, d in enumerate(case.defendants):
        if any(s.name == shop for s in d.shops) or (shop is None and d.shops):
            return pleading.defendant_roles[i]
    return pleading.defendant_roles[0]


def _sales_goods(case: Any, sales: Any) -> str:
    """What the sales paragraph says was sold: the product's name with one product, else 涉案商品 with the
    units and net sales of each product (from the per-SKU lines)."""
    if sales is None:
        return ""
    products = case.products
    if len(products) == 1:
        p = products[0]
        return ("“" + p.brand + "”" if p.brand and p.brand not in p.name else "") + p.name
    per: dict[str, list] = {}
    for line in sales.by_sku:
        if line.month is None and line.product:
            units, net = per.get(line.product, [0, Decimal(0)])
            per[line.product] = [units + line.units, net + line.net]
    if not per:
        return "涉案商品"
    parts = "；".join(f"{name}{units:,}件、实际成交金额{format_yuan(net)}" for name, (units, net) in per.items())
    return f"涉案商品（其中{parts}）"


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
    """The Chinese templates' additions to the shared context: exhibit references as （证据N） (every one
    recorded, so an exhibit the complaint never cites can be warned about), the requests and parties
    (pleading.py), the sales evidence in words, why every unit is infringing, the knowledge facts, each
    head's computation in words with the exhibit of each input, the statutory factors, and the legal basis
    grouped by statute."""
    from litigator.forums.cn.element import element_context
    from litigator.forums.cn.law import law_for
    from litigator.forums.cn.pleading import liability_provisions, plead
    from litigator.forums.cn.warnings import KINDS
    from litigator.warnings import Warnings

    case = run.folder.case
    scenario = run.damages.scenario(scenario_name)
    law = law_for(case)
    w = Warnings(KINDS)
    pleading = plead(case, scenario, law, w)
    cited: set[int] = set()
    extract = getattr(run, "extract", None)
    sales_files = {f.path for f in run.sales.files} if run.sales else set()

    def number_of(source: str | None) -> int | None:
        """The exhibit a head input or fact rests on: a file of evidence/, or the sales extract for figures
        taken from the order data."""
        if not source:
            return None
        number = exhibit_number(run.exhibits, source)
        if number is None and extract is not None and source.split(" ")[0] in sales_files:
            number = extract.number
        return number

    def ref(path: str | None) -> str:
        number = number_of(path)
        if number:
            cited.add(number)
        return f"（证据{number}）" if number else ""

    def segments(items: list[tuple[str, str | None]]) -> str:
        return "".join(text + ref(exhibit) for text, exhibit in items)

    def computation(head: Any) -> str:
        return "".join(text + ref(source) for text, source in computation_segments(head))

    sales_sentence = None
    if run.sales is not None and case.sales is not None and case.sales.provenance:
        sales_sentence = PROVENANCE[case.sales.provenance][0].format(platform=_platform(case))
    conduct = case.conduct
    if run.sales is not None and scenario_uses_sales(scenario) and not case.counterfeit_basis:
        w.add("COUNTERFEIT_BASIS_MISSING",
              f"the claim counts every unit of the order data ({run.sales.totals.units:,} units) as infringing, but "
              "case.yaml gives no counterfeit_basis: plead why (brand_statement, no_purchase_records, same_listing, "
              "sample_appraisals, admission or other), or a court may count only the units bought")
    statutory = statutory_segments(case, scenario, run, law, w)
    confusion = confusion_segments(case, run, w)
    from litigator.forums.cn.competence import competence_warnings

    competence_warnings(case, scenario.total, law, w)
    return {
        "pleading": pleading,
        "_warnings": w,
        "_cited": cited,
        "_calculation": {"liability_shares": pleading.shares} if pleading.shares else {},
        "exhibit_number": lambda path: exhibit_number(run.exhibits, path),
        "ref": ref,
        "segments": segments,
        "joined": joined,
        "computation": computation,
        "sales_source": sales_source(run.sales),
        "sales_sentence": sales_sentence,
        "sales_extract": extract.path if extract is not None else None,
        "counterfeit_basis": [(COUNTERFEIT_BASIS[b.kind] + (("：" if b.kind != "other" else "") + b.fact
                                                            if b.fact else ""), b.exhibit)
                              for b in case.counterfeit_basis],
        "knowledge": [(f.fact, f.exhibit) for f in conduct.knowledge] if conduct else [],
        "reputation": [(f.fact, f.exhibit) for m in case.marks for f in m.reputation],
        "statutory": statutory,
        "confusion": confusion,
        "legal_basis": legal_basis(scenario, liability_provisions(case, law), law.filed),
        "shop_operator": lambda shop: _shop_operator(case, pleading, shop),
        "sales_goods": _sales_goods(case, run.sales),
        "filing_basis": law.cite(law.procedure("filing_conditions")),
        "element": element_context(run, scenario_name, scenario, pleading, w),  # the 要素式 form (element.py)
    }


def scenario_uses_sales(scenario: Any) -> bool:
    """Does a head of the scenario take a figure from the order data?"""
    return any(i.name in SALES_INPUTS or i.name.startswith("units (") for h in scenario.heads for i in h.inputs)


SALES_INPUTS = {"net_revenue", "orders", "customers", "units", "sales"}

# The words of each head input, by name (the input's exhibit follows each figure).
NOT_DETERMINABLE = {"actual_loss": "原告因被侵权所受到的实际损失", "infringer_profit": "被告因侵权所获得的利益",
                    "licence_fee": "注册商标许可使用费", "infringer_gain": "被告因侵权所获得的利益"}
EXPENSE_SEP = "＋"


def _yuan(value: str) -> str:
    return format_yuan(Decimal(value))


def computation_segments(head: Any) -> list[tuple[str, str | None]]:
    """The head's computation in words, each figure followed by the source it rests on (drafting turns a
    source into （证据N）): 「被告店铺买家14,402人（证据6）×每名活跃用户价值184.00元（证据7）＝…」. Falls back to
    the bare formula where the inputs do not say what the numbers are."""
    i = {x.name: x for x in head.inputs}
    amount = format_yuan(head.amount)
    if head.code == "reasonable_expenses":
        items = [x for x in head.inputs if ": " in x.name]
        if not items:
            return [(head.formula, None)]
        out: list[tuple[str, str | None]] = []
        for n, x in enumerate(items):
            label = x.name.split(": ", 1)[1]
            value = next((v for v in [x.value] if v.replace(".", "", 1).isdigit()), None)
            out.append(((EXPENSE_SEP if n else "") + f"{label}{_yuan(value) if value else ''}", x.source))
        clause = i.get("lawyer_fee_clause")
        tail = f"＝{amount}" if len(items) > 1 else ""
        out.append((tail, None))
        if clause is not None:
            out.append(("，律师费的承担有合同约定", clause.source))
        return out

    def v(name: str) -> tuple[str, str | None]:
        return i[name].value, i[name].source

    if "net_revenue" in i and ("multiple" in i or "margin" in i):
        value, src = v("net_revenue")
        factor = ("×" + i["multiple"].value + "倍") if "multiple" in i else ("×利润率" + i["margin"].value)
        return [(f"被告侵权商品实际成交金额{_yuan(value)}", src), (f"{factor}＝{amount}", None)]
    if "orders" in i and "amount_per_order" in i:
        (o, osrc), (a, asrc) = v("orders"), v("amount_per_order")
        return [(f"侵权商品订单{int(o):,}笔", osrc), (f"×每笔{_yuan(a)}", _evidence(i, asrc)), (f"＝{amount}", None)]
    if "customers" in i and "value_per_customer" in i:
        (c, csrc), (a, asrc) = v("customers"), v("value_per_customer")
        return [(f"被告店铺买家{int(c):,}人", csrc), (f"×每名活跃用户价值{_yuan(a)}", _evidence(i, asrc)),
                (f"＝{amount}", None)]
    units = [(n[len("units ("):-1], x) for n, x in i.items() if n.startswith("units (")]
    if units and head.code == "trademark_damages":
        out = []
        for k, (product, u) in enumerate(units):
            profit = next((x for n, x in i.items() if n.endswith(f"({product})") and "unit_profit" in n), None)
            if profit is None:
                return [(head.formula, None)]
            whose = "被告" if profit.name.startswith("infringer_unit_profit") else "注册商标商品"
            out += [(("＋" if k else "") + f"{product}销售{int(u.value):,}件", u.source),
                    (f"×{whose}单位利润{_yuan(profit.value)}", profit.source)]
        if "punitive_multiple" in i and head.label.endswith("（含惩罚性赔偿）"):
            return [("（", None), *out, (f"）×{i['punitive_multiple'].value}倍＝{amount}", None)]
        return [*out, (f"＝{amount}", None)]
    if "fee" in i or "licence_fee" in i:
        x = i.get("licence_fee") or i["fee"]
        mult = i.get("licence_multiple")
        return [(f"注册商标许可使用费{_yuan(x.value)}", x.source),
                ((f"×{mult.value}倍" if mult else "") + f"＝{amount}", None)]
    if "statutory_amount" in i:
        return [(f"请求适用法定赔偿，确定赔偿数额为{amount}", None)]
    if "amount" in i:
        return [(f"{amount}", i["amount"].source if not i["amount"].source.startswith("case.yaml") else
                 _evidence(i, None))]
    return [(head.formula, _evidence(i, None))]


def _evidence(inputs: dict[str, Any], fallback: str | None) -> str | None:
    """The exhibit the scenario names for its parameter (the ``evidence`` input), else the fallback."""
    x = inputs.get("evidence")
    return x.source if x is not None else fallback


def statutory_segments(case: Any, scenario: Any, run: Any, law: Any, w: Any) -> list[tuple[str, str | None]]:
    """For a statutory-damages head: why loss, profit and licence fee cannot be determined (the
    ``not_determinable`` reasons), and the factors the court weighs (the SPC trademark interpretation's
    article on statutory damages, second paragraph): the nature, period and consequences of the conduct, the
    defendant's fault, the mark's reputation and the reasonable expenses, each fact with its exhibit."""
    from litigator.forums.cn.citation import Provision

    head = next((h for h in scenario.heads if any(i.name == "statutory_amount" for i in h.inputs)), None)
    if head is None:
        return []
    reasons = [(NOT_DETERMINABLE.get(i.name.split(": ", 1)[1], i.name.split(": ", 1)[1]), i.value)
               for i in head.inputs if i.name.startswith("not_determinable: ")]
    out: list[tuple[str, str | None]] = []
    if reasons:
        out.append(("、".join(r for r, _ in reasons) + "均难以确定：" +
                    "；".join(f"{r}方面，{why}" for r, why in reasons) + "。", None))
    statute = law.cite(Provision.parse(head.citations[0].key)) if head.citations else "法律规定"
    interp = next((c for c in head.citations if c.key.startswith("trademark_interpretation@")), None)
    factors_cite = ""
    if interp is not None:
        p = Provision.parse(interp.key)
        factors_cite = "及" + law.cite(p.at(p.article, 2))
    text = f"原告请求依据{statute}{factors_cite}，综合考虑以下因素确定赔偿数额："
    n = 0

    def factor(name: str, items: list[tuple[str, str | None]]) -> None:
        nonlocal text, n
        n += 1
        out.append((text + f"（{_DIGITS[n]}）{name}：", None))
        out.extend(items[:-1])
        last_text, last_exhibit = items[-1]
        out.append((last_text, last_exhibit))
        text = "；"

    if head.code == "trademark_damages":
        factor("侵权行为的性质", [("被告在网络店铺中销售假冒注册商标的商品，属于商标侵权中情节较重的假冒行为", None)])
        conduct = case.conduct
        start = conduct.start if conduct and conduct.start else (run.sales.period.start if run.sales and
                                                                   run.sales.period else None)
        end = conduct.end if conduct and conduct.end else (run.sales.period.end if run.sales and
                                                             run.sales.period else None)
        if start and end:
            factor("侵权行为的期间", [(f"自{cn_date(start)}至{cn_date(end)}" +
                                      ("，且持续至起诉时" if conduct and conduct.ongoing else ""), None)])
        if run.sales is not None:
            t = run.sales.totals
            factor("侵权行为的后果", [(f"被告销售侵权商品{t.units:,}件，实际成交金额{format_yuan(t.net)}",
                                       run.sales.files[0].path)])
        facts = [(f.fact, f.exhibit) for f in ((conduct.knowledge or conduct.intent) if conduct else [])]
        if facts:
            factor("被告的主观过错程度", _joined(facts))
        reputation = [(f.fact, f.exhibit) for m in case.marks for f in m.reputation]
        if reputation:
            factor("商标的声誉", _joined(reputation))
        else:
            w.add("STATUTORY_FACTORS",
                  "statutory damages are claimed but marks[].reputation states nothing of the mark's use and "
                  "reputation, one of the factors the court weighs: add the facts with their exhibits")
        expenses = [x for x in scenario.heads if x.code == "reasonable_expenses"]
        if expenses:
            factor("原告为制止侵权行为支出的合理开支", [(f"共计{format_yuan(expenses[0].amount)}（见上述计算）", None)])
    out.append(("。" if n else "", None))
    return out


def _joined(items: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    return [(("，" if k else "") + text, exhibit) for k, (text, exhibit) in enumerate(items)]


def joined(items: list[Any], sep: str = "；") -> list[tuple[str, str | None]]:
    """Facts (ConductFact or (text, exhibit) pairs) as segments separated by ``sep``: each followed by its
    exhibit when drafted."""
    pairs = [(i.fact, i.exhibit) if hasattr(i, "fact") else tuple(i) for i in items]
    return [((sep if k else "") + text, exhibit) for k, (text, exhibit) in enumerate(pairs)]


_DIGITS = "〇一二三四五六七八九十"


def confusion_segments(case: Any, run: Any, w: Any) -> list[tuple[str, str | None]]:
    """The three elements of a confusion claim (the plaintiff's sign has a certain influence, the defendant
    used it, the public is likely to be confused), each with its facts; warns for each one missing."""
    configs = [s.unfair_competition for s in case.scenarios.values() if s.unfair_competition is not None]
    if "unfair_competition" not in case.claims or not any(c.conduct == "confusion" for c in configs):
        return []
    c = case.confusion
    elements = (("influence", "原告的{sign}经长期使用，具有一定影响"), ("use", "被告擅自使用与之相同或者近似的标识"),
                ("likelihood", "足以引人误认为是原告的商品或者与原告存在特定联系"))
    if c is None:
        w.add("AUCL_ELEMENTS", "an unfair-competition claim on confusion needs its three elements (the sign's "
                               "influence, the defendant's use, the likelihood of confusion): add `confusion:` with "
                               "the sign and the facts of each")
        return []
    out: list[tuple[str, str | None]] = []
    for key, lead in elements:
        facts = getattr(c, key)
        if not facts:
            w.add("AUCL_ELEMENTS", f"confusion.{key} states no fact: the complaint pleads the element without proof")
        out.append((("" if key == "influence" else "；") + lead.format(sign=c.sign) + ("：" if facts else ""), None))
        out.extend(_joined([(f.fact, f.exhibit) for f in facts]))
    out.append(("。", None))
    return out
