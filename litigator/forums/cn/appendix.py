"""损失计算说明 (the calculation appendix, ``appendix.docx``): every figure of the claim traced to its source.

For every scenario of the case (the drafted one first, marked), each claim head with its amount, legal basis,
formula and inputs, each input's source resolved to something a reader can find — a case.yaml key (with its
line), an exhibit （证据N）, the sales file with its full SHA-256 and row range (and the extract exhibit), or
another head of the scenario; the court fee and the preservation fee bracket by bracket (fees.py, from the
schedules of law.yaml); the sales tables by SKU and by month with the rows read reconciled to rows kept, each
exclusion rule and the malformed rows; and the SHA-256 of every exhibit. The template
(``templates/cn/appendix.md.j2``) prints this context (key ``appendix``) and computes nothing.

docs/pleadings-cn.md, "The calculation appendix".
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from litigator.money import format_amount, quantize

SourceKind = Literal["case_yaml", "exhibit", "sales", "head", "other"]

# The Chinese names of the heads' inputs (HeadInput.name, the part before any " (…)").
INPUT_LABELS = {
    "net_revenue": "侵权商品实际成交金额",
    "orders": "侵权商品订单数（笔）",
    "customers": "被告店铺买家数（人）",
    "units": "侵权商品销售数量（件）",
    "amount_per_order": "每笔订单金额",
    "value_per_customer": "每名活跃用户价值",
    "multiple": "倍数",
    "margin": "利润率",
    "amount": "数额",
    "evidence": "证据",
    "agreed_sum": "约定违约金数额",
    "net_counterfeit_sales": "侵权商品实际成交金额（扣除退款）",
    "gross_counterfeit_sales": "侵权商品成交金额（未扣除退款）",
    "clause": "合同约定",
    "lawyer_fee_clause": "律师费承担的合同约定",
    "right_holder_unit_profit": "注册商标商品单位利润",
    "infringer_unit_profit": "被告销售侵权商品单位利润",
    "licence_fee": "注册商标许可使用费",
    "fee": "注册商标许可使用费",
    "licence_multiple": "许可使用费倍数",
    "statutory_amount": "请求的法定赔偿数额",
    "punitive_multiple": "惩罚性赔偿倍数",
    "punitive_reading": "惩罚性赔偿计算方式",
    "base": "惩罚性赔偿基数",
    "actual_loss": "原告的实际损失",
    "infringer_gain": "被告因侵权所获得的利益",
}
MONEY_INPUTS = {"net_revenue", "amount_per_order", "value_per_customer", "amount", "agreed_sum",
                "net_counterfeit_sales", "gross_counterfeit_sales", "right_holder_unit_profit", "infringer_unit_profit",
                "licence_fee", "fee", "statutory_amount", "base", "actual_loss", "infringer_gain"}
COUNT_INPUTS = {"orders", "customers", "units"}
READINGS = {"multiplied": "倍数式：以基数乘以倍数确定赔偿数额", "additive": "加算式：基数另加基数乘以倍数的惩罚性赔偿"}
NOT_DETERMINABLE = {"actual_loss": "原告因被侵权所受到的实际损失", "infringer_profit": "被告因侵权所获得的利益",
                    "licence_fee": "注册商标许可使用费", "infringer_gain": "被告因侵权所获得的利益"}
# The ValidationReport's exclusion rules (litigator/sales/engine.py EXCLUSION_RULES), in their order.
EXCLUSIONS = {
    "other_seller": "其他卖家的订单行",
    "not_counterfeit": "非涉案商品的订单行（商家编码不属于涉案商品）",
    "other_currency": "非本案币种的订单行",
    "outside_period": "下单时间不在主张期间内",
    "unpaid": "未付款",
    "closed": "交易关闭",
    "fully_refunded": "全额退款",
    "duplicate": "重复导出的订单行（同一订单行只计一次）",
}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Model):
    """Where an input comes from, in words a reader can follow, and structured for checks."""

    kind: SourceKind
    text: str
    raw: str
    key: str | None = None          # case_yaml: the key path
    line: int | None = None         # case_yaml: its line in case.yaml
    exhibit: int | None = None      # exhibit: its number; sales: the extract's number


class InputRow(_Model):
    name: str          # HeadInput.name as the damages report gives it
    label: str         # its Chinese name
    value: str         # formatted for the reader
    raw_value: str
    source: Source


class HeadBlock(_Model):
    code: str
    label: str
    amount: Decimal
    basis: str
    formula: str
    inputs: list[InputRow]


class FeeRow(_Model):
    range: str
    rate: str
    part: str
    fee: str


class FeeBlock(_Model):
    title: str
    base: Decimal
    base_note: str
    basis: str
    rows: list[FeeRow]
    exact: str
    fee: Decimal
    cap_note: str | None = None
    share_note: str | None = None


class ScenarioBlock(_Model):
    name: str
    description: str | None
    drafted: bool
    filed: bool
    heads: list[HeadBlock]
    total: Decimal
    total_formula: str
    case_fee: FeeBlock | None
    preservation: FeeBlock | None


class SalesFileRow(_Model):
    path: str
    name: str
    sha256: str
    rows: int
    first_line: int
    last_line: int


class SalesRow(_Model):
    seller: str | None
    sku: str
    product: str | None
    month: str | None
    orders: int
    units: int
    customers: int | None
    gross: Decimal
    refunds: Decimal
    net: Decimal


class ReconRow(_Model):
    label: str
    rule: str       # rows_kept, an exclusion rule, rejected
    rows: int


class SalesBlock(_Model):
    files: list[SalesFileRow]
    period: str | None
    extract: int | None
    sellers: bool                 # several sellers: the tables name the seller
    rows_read: int
    reconciliation: list[ReconRow]
    reconciled: int               # the sum of the reconciliation rows (= rows_read)
    totals_rows: int
    by_sku: list[SalesRow]
    by_month: list[SalesRow]
    total: SalesRow               # sums of the lines; customers and distinct orders from the summary
    distinct_orders: int
    unknown_statuses: int


class ExhibitRow(_Model):
    number: int
    title: str
    file: str
    sha256: str
    generated: bool


class AppendixContext(_Model):
    drafted: str
    filed: str
    scenarios: list[ScenarioBlock]
    sales: SalesBlock | None
    exhibits: list[ExhibitRow]


# ---------------------------------------------------------------------------------------------


def exact_amount(value: Decimal) -> str:
    """An exact figure with thousands separators, at least 2 places, every further place kept (50.025)."""
    value = Decimal(value)
    if value == quantize(value):
        return format_amount(value)
    text = format(value.normalize(), "f")
    whole, _, frac = text.partition(".")
    return f"{int(whole):,}.{frac}"


def _percent(rate: Decimal) -> str:
    return f"{(rate * 100).normalize():f}%"


def resolve_source(raw: str, run: Any, scenario: Any, folder: Any) -> Source:
    """A HeadInput.source as the appendix prints it (see the module docstring)."""
    from litigator.casefile import key_line, parse_key_path
    from litigator.forums.cn.drafting import exhibit_number

    exhibits = {e.number: e for e in run.exhibits}
    if raw.startswith("case.yaml"):
        key = raw[len("case.yaml"):].strip()
        note = ""
        if " (" in key:
            key, _, rest = key.partition(" (")
            note = "（无票据）" if rest.startswith("no voucher") else f"（{rest.rstrip(')')}）"
        line = None
        if key:
            try:
                loc = parse_key_path(key)
                line = key_line(folder.raw, loc)
                if not _has_key(folder.raw, loc):
                    note += "（未填写，取默认值）"
            except Exception:  # an unusual key path: print the key without its line
                line = None
        where = f"case.yaml第{line}行" if line else "case.yaml"
        return Source(kind="case_yaml", text=f"{where}：{key or '（全文）'}{note}", raw=raw, key=key or None, line=line)
    number = exhibit_number(run.exhibits, raw)
    if number is not None:
        e = exhibits[number]
        return Source(kind="exhibit", text=f"证据{number}：{e.title}（{Path(e.path).name}）", raw=raw, exhibit=number)
    sales = run.sales
    if sales is not None and sales.files and raw.startswith(sales.source_label()):
        rest = raw[len(sales.source_label()):].strip()
        files = "；".join(f"{Path(f.path).name}第{f.first_line}至{f.last_line}行（SHA-256：{f.sha256}）"
                         for f in sales.files)
        skus = ""
        if rest.startswith("(SKU ") and rest.endswith(")"):
            skus = "，商家编码" + "、".join(s.strip() for s in rest[len("(SKU "):-1].split(","))
        extract = getattr(run, "extract", None)
        tail = f"，明细摘录见证据{extract.number}" if extract is not None else ""
        return Source(kind="sales", text=f"交易数据{files}{skus}（见本说明“交易数据”部分）{tail}", raw=raw,
                      exhibit=extract.number if extract is not None else None)
    head = scenario.head(raw) if raw else None
    if head is not None:
        return Source(kind="head", text=f"本方案“{head.label}”项", raw=raw)
    return Source(kind="other", text=raw or "—", raw=raw)


def _has_key(raw: Any, loc: tuple[Any, ...]) -> bool:
    """Does case.yaml write the key itself (not only its parent, e.g. a parameter left to its default)?"""
    node = raw
    for key in loc:
        if isinstance(node, dict) and key in node:
            node = node[key]
        elif isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
            node = node[key]
        else:
            return False
    return True


def _input_label(name: str) -> str:
    if name.startswith("not_determinable: "):
        what = name.split(": ", 1)[1]
        return f"不能确定{NOT_DETERMINABLE.get(what, what)}的理由"
    if ": " in name:  # an expense: "notarization: 公证费"
        return name.split(": ", 1)[1]
    base, _, rest = name.partition(" (")
    label = INPUT_LABELS.get(base, base)
    for part in rest.rstrip(")").split(") (") if rest else []:
        if part.startswith("Art. 14 fallback"):
            label += "（被告单位利润不明，以注册商标商品单位利润计算）"
        else:
            label = f"{part}：{label}"
    return label


def _input_value(name: str, value: str) -> str:
    base = name.partition(" (")[0]
    try:
        if base in MONEY_INPUTS or (": " in name and not name.startswith("not_determinable: ")):  # an expense
            return format_amount(Decimal(value)) + "元"
        if base in COUNT_INPUTS:
            return f"{int(value):,}"
    except (ArithmeticError, ValueError):
        return value
    if base == "punitive_reading":
        return READINGS.get(value, value)
    if base in ("multiple", "licence_multiple", "punitive_multiple"):
        return f"{value}倍"
    return value


def _fee_rows(breakdown: Any, flat_wording: str) -> list[FeeRow]:
    rows: list[FeeRow] = []
    if breakdown.per_case is not None:
        rows.append(FeeRow(range="每件", rate="按件交纳", part="—", fee=exact_amount(breakdown.per_case)))
    for b in breakdown.brackets:
        if b.rate is None:
            rows.append(FeeRow(range=f"不超过{format_amount(b.upper)}元的部分",
                               rate=flat_wording.format(fee=format_amount(b.fee)) if b.fee else "不另行交纳",
                               part=exact_amount(b.part), fee=exact_amount(b.fee)))
        else:
            upto = f"至{format_amount(b.upper)}元" if b.upper is not None else ""
            rows.append(FeeRow(range=f"超过{format_amount(b.lower)}元{upto}的部分", rate=_percent(b.rate),
                               part=exact_amount(b.part), fee=exact_amount(b.fee)))
    return rows


def fee_blocks(scenario: Any, law: Any) -> tuple[FeeBlock | None, FeeBlock | None]:
    """The scenario's case fee and preservation fee bracket by bracket; each must give the report's fee."""
    from litigator.forums.cn.fees import case_fee_breakdown, preservation_fee_breakdown

    f = scenario.fees
    case_block = pres_block = None
    if f.case_fee is not None and f.claim_amount is not None:
        schedule = "personality" if f.personality_schedule else "property"
        b = case_fee_breakdown(f.claim_amount, summary=f.summary_procedure, on=law.filed, schedule=schedule,
                               per_case=law.personality_case_fee)
        if b.fee != f.case_fee:  # the same schedule read twice must give the same fee: a bug otherwise
            raise RuntimeError(f"case fee breakdown {b.fee} differs from the report's {f.case_fee}")
        share = None
        if b.share is not None:
            share = (f"适用简易程序，减半交纳：{exact_amount(b.exact)} × {b.share.normalize():f} ＝ "
                     f"{exact_amount(b.exact * b.share)}，四舍五入至分为{format_amount(b.fee)}元")
        case_block = FeeBlock(
            title="案件受理费", base=f.claim_amount, basis=f.case_fee_basis or "",
            base_note=("以诉讼请求的金额（各项金额之和，含合理开支）为计费基数"
                       + ("；名誉权等人格权案件，按件交纳并就损害赔偿部分分段累计" if f.personality_schedule else "")),
            rows=_fee_rows(b, "每件交纳{fee}元"), exact=exact_amount(b.exact), fee=f.case_fee, share_note=share)
    if f.preservation_fee is not None and f.preservation_amount is not None:
        p = preservation_fee_breakdown(f.preservation_amount, on=law.filed)
        if p.fee != f.preservation_fee:
            raise RuntimeError(f"preservation fee breakdown {p.fee} differs from the report's {f.preservation_fee}")
        note = "以申请保全的财产数额为计费基数"
        if f.preservation_asked is not None:
            note = (f"申请保全{format_amount(f.preservation_asked)}元，超过诉讼请求，"
                    "保全范围限于诉讼请求，以诉讼请求的金额为计费基数")
        cap = None
        if p.capped and p.cap is not None:
            limit = format_amount(p.cap)
            cap = f"分段累计{exact_amount(p.exact)}元，超过最高限额{limit}元，按{limit}元交纳"
        pres_block = FeeBlock(title="财产保全申请费", base=f.preservation_amount, basis=f.preservation_fee_basis or "",
                              base_note=note, rows=_fee_rows(p, "每件交纳{fee}元"), exact=exact_amount(p.exact),
                              fee=f.preservation_fee, cap_note=cap)
    return case_block, pres_block


def _scenario_block(run: Any, scenario: Any, drafted: str, law: Any) -> ScenarioBlock:
    folder = run.folder
    heads = []
    for h in scenario.heads:
        inputs = [InputRow(name=i.name, label=_input_label(i.name), value=_input_value(i.name, i.value),
                           raw_value=i.value, source=resolve_source(i.source, run, scenario, folder))
                  for i in h.inputs]
        heads.append(HeadBlock(code=h.code, label=h.label, amount=h.amount, basis=h.basis, formula=h.formula,
                               inputs=inputs))
    total_formula = " ＋ ".join(format_amount(h.amount) for h in scenario.heads)
    total_formula += f" ＝ {format_amount(scenario.total)}" if len(scenario.heads) > 1 else ""
    case_fee, pres = fee_blocks(scenario, law)
    return ScenarioBlock(name=scenario.name, description=scenario.description, drafted=scenario.name == drafted,
                         filed=scenario.name == run.damages.filed_scenario, heads=heads, total=scenario.total,
                         total_formula=total_formula or format_amount(scenario.total), case_fee=case_fee,
                         preservation=pres)


def _line(line: Any, month: bool = False) -> SalesRow:
    return SalesRow(seller=line.seller, sku=line.sku, product=line.product, month=line.month if month else None,
                    orders=line.orders, units=line.units, customers=line.customers, gross=line.gross,
                    refunds=line.refunds, net=line.net)


def sales_block(run: Any) -> SalesBlock | None:
    """The sales tables and the reconciliation of the rows read; their sums must equal the summary's totals."""
    from litigator.forums.cn.drafting import cn_date

    s = run.sales
    if s is None:
        return None
    r = s.report
    recon = [ReconRow(label="计入的订单行", rule="rows_kept", rows=r.rows_kept)]
    for rule, n in r.excluded.items():
        recon.append(ReconRow(label=f"排除：{EXCLUSIONS.get(rule, rule)}", rule=rule, rows=n))
    if r.rejected:
        recon.append(ReconRow(label="排除：格式错误、无法读取的行", rule="rejected", rows=r.rejected))
    reconciled = sum(x.rows for x in recon)
    if reconciled != r.rows_read:
        raise RuntimeError(f"sales report does not reconcile: {reconciled} != {r.rows_read}")
    by_sku = [_line(x) for x in s.by_sku]
    months: dict[str, list[Any]] = {}
    for x in s.by_month:
        months.setdefault(x.month or "", []).append(x)
    by_month = [SalesRow(seller=None, sku="", product=None, month=m, orders=sum(x.orders for x in xs),
                         units=sum(x.units for x in xs), customers=None, gross=sum((x.gross for x in xs), Decimal(0)),
                         refunds=sum((x.refunds for x in xs), Decimal(0)), net=sum((x.net for x in xs), Decimal(0)))
                for m, xs in sorted(months.items())]
    t = s.totals
    total = SalesRow(seller=None, sku="合计", product=None, month=None, orders=sum(x.orders for x in by_sku),
                     units=sum(x.units for x in by_sku), customers=t.customers,
                     gross=sum((x.gross for x in by_sku), Decimal(0)),
                     refunds=sum((x.refunds for x in by_sku), Decimal(0)),
                     net=sum((x.net for x in by_sku), Decimal(0)))
    for rows in (by_sku, by_month):
        sums = (sum(x.units for x in rows), sum((x.gross for x in rows), Decimal(0)),
                sum((x.net for x in rows), Decimal(0)))
        if rows and sums != (t.units, t.gross, t.net):
            raise RuntimeError(f"sales tables do not add up to the summary's totals: {sums}")
    period = f"{cn_date(s.period.start)}至{cn_date(s.period.end)}" if s.period else None
    extract = getattr(run, "extract", None)
    return SalesBlock(
        files=[SalesFileRow(path=f.path, name=Path(f.path).name, sha256=f.sha256, rows=f.rows, first_line=f.first_line,
                            last_line=f.last_line) for f in s.files],
        period=period, extract=extract.number if extract is not None else None,
        sellers=len({x.seller for x in s.by_sku}) > 1, rows_read=r.rows_read, reconciliation=recon,
        reconciled=reconciled, totals_rows=r.totals_rows, by_sku=by_sku, by_month=by_month, total=total,
        distinct_orders=t.orders, unknown_statuses=sum(r.unknown_statuses.values()))


def appendix_context(run: Any, scenario_name: str) -> AppendixContext:
    """The appendix of the run, the drafted scenario ``scenario_name`` first."""
    from litigator.forums.cn.law import law_for

    law = law_for(run.folder.case)
    report = run.damages
    ordered = [report.scenario(scenario_name)] + [s for s in report.scenarios if s.name != scenario_name]
    return AppendixContext(
        drafted=scenario_name, filed=report.filed_scenario,
        scenarios=[_scenario_block(run, s, scenario_name, law) for s in ordered],
        sales=sales_block(run),
        exhibits=[ExhibitRow(number=e.number, title=e.title, file=Path(e.path).name, sha256=e.sha256,
                             generated=e.generated) for e in run.exhibits])
