"""Brand owner v. seller: Trademark Law Art. 63 damages, punitive damages, and their guards.

Order of methods (Art. 63 ¶1, ¶3): actual loss → infringer's profit → licence fee × multiple →
statutory damages (≤ 5,000,000, only when none of the others can be determined). The SPC trademark
interpretation Art. 13 lets the right holder choose the method; using a later one without marking
the earlier ones 难以确定 is a warning citing both, not an error.

* actual loss = units sold × the right holder's unit profit (Interp. Art. 15);
* infringer's profit = units sold × the infringer's unit profit, else the right holder's (Art. 14);
* licence fee × multiple;
* statutory: the amount claimed, capped at 5,000,000.

Punitive (malicious infringement, serious circumstances; multiple 1–5; base excludes expenses —
Punitive Interp. Art. 5): ``multiplied`` (default, the statute's wording) gives
``total = multiple × base + expenses``; ``additive`` gives ``base + multiple × base + expenses``.
"""

from __future__ import annotations

from decimal import Decimal

from litigator.damages.model import ClaimHead, HeadInput, PunitiveBlock
from litigator.errors import DamagesError
from litigator.forums.cn.common import (
    CC,
    PUNITIVE_INTERP,
    STATUTORY_CAP,
    TM,
    TM_INTERP,
    Ctx,
    evidence_text,
    fmt_factor,
    fmt_int,
    head,
    product_units,
)
from litigator.forums.cn.scenario import TRADEMARK_ORDER, TrademarkConfig
from litigator.money import format_amount, quantize

METHOD_LABEL = {
    "actual_loss": "权利人因被侵权所受到的实际损失",
    "infringer_profit": "侵权人因侵权所获得的利益",
    "licence_fee": "商标许可使用费的倍数",
    "statutory": "法定赔偿",
}
METHOD_BASIS = {
    "actual_loss": f"{TM}第六十三条第一款；{TM_INTERP}第十三条、第十五条",
    "infringer_profit": f"{TM}第六十三条第一款；{TM_INTERP}第十三条、第十四条",
    "licence_fee": f"{TM}第六十三条第一款；{TM_INTERP}第十三条",
    "statutory": f"{TM}第六十三条第三款；{TM_INTERP}第十六条",
}
PUNITIVE_BASIS = f"{TM}第六十三条第一款；{CC}第一千一百八十五条；{PUNITIVE_INTERP}第一条至第六条"
PUNITIVE_MIN, PUNITIVE_MAX = Decimal(1), Decimal(5)
# Liability: selling goods that infringe the registered mark (Art. 57(3), the seller's act; law.md §2).
# Art. 57(1) (using an identical mark) is the maker's or user's act and is not cited for a seller.
TM_LIABILITY = [f"{TM}第五十七条第（三）项"]


def _base(ctx: Ctx, cfg: TrademarkConfig, method: str, strict: bool = True):
    """(amount, formula, inputs, plain-language description) of one Art. 63 method.

    With ``strict=False`` returns None instead of raising when the data do not allow the method.
    """
    case = ctx.case
    key = "trademark"
    if method in ("actual_loss", "infringer_profit"):
        if not strict and (ctx.sales is None and cfg.units is None or not case.products):
            return None
        rows = product_units(ctx, cfg.units, cfg.units_evidence, key) if strict else _quiet_units(ctx, cfg)
        if rows is None:
            return None
        terms, inputs, total = [], [], Decimal(0)
        fallback = []
        for r in rows:
            p = r.product
            psrc = f"case.yaml products[{r.index}]"
            if method == "actual_loss":
                profit, pname = p.right_holder_unit_profit, "right_holder_unit_profit"
                if profit is None:
                    if not strict:
                        return None
                    raise ctx.error_at("the actual-loss method needs the right holder's unit profit",
                                       f"products[{r.index}].right_holder_unit_profit")
            else:
                profit, pname = p.infringer_unit_profit, "infringer_unit_profit"
                if profit is None:
                    profit, pname = p.right_holder_unit_profit, "right_holder_unit_profit (Art. 14 fallback)"
                    if profit is None:
                        if not strict:
                            return None
                        raise ctx.error_at("the infringer's-profit method needs the infringer's or the right "
                                           "holder's unit profit (SPC trademark interpretation Art. 14)",
                                           f"products[{r.index}].infringer_unit_profit")
                    fallback.append(p.name)
            total += r.units * profit
            terms.append(f"{fmt_int(r.units)} × {format_amount(profit)}")
            inputs.append(HeadInput(name=f"units ({p.name})", value=str(r.units), source=r.source))
            inputs.append(HeadInput(name=f"{pname} ({p.name})", value=str(quantize(profit)),
                                    source=p.profit_evidence or f"{psrc}.{pname.split(' ')[0]}"))
        amount = ctx.money(total, key)
        formula = " + ".join(terms) + f" = {format_amount(amount)}"
        if strict:
            for _i, r in enumerate(rows):
                if not r.product.profit_evidence:
                    ctx.w.add("PARAM_NO_EVIDENCE", f"products[{r.index}] ({r.product.name}): the unit profit has no "
                                                   "`profit_evidence`")
            if fallback:
                ctx.w.add("INFRINGER_PROFIT_FALLBACK",
                          f"the infringer's unit profit of {', '.join(fallback)} is not known: the unit profit of the "
                          "registered-mark goods is used, as Art. 14 allows")
        if method == "actual_loss":
            what = ("the right holder's loss: counterfeit units sold × the right holder's own unit profit "
                    "(SPC trademark interpretation Art. 15 lets infringing units stand in for lost sales)")
        else:
            what = ("the seller's profit: units sold × its unit profit (SPC trademark interpretation Art. 14; "
                    "when the seller's unit profit is unknown, the right holder's is used)")
        return amount, formula, inputs, what
    if method == "licence_fee":
        lic = case.licence
        if lic is None:
            if not strict:
                return None
            raise ctx.error("the licence_fee method needs `licence: {fee: ..., exhibit: ...}` in case.yaml",
                            key, "method")
        mult = cfg.licence_multiple if cfg.licence_multiple is not None else Decimal(1)
        amount = ctx.money(lic.fee * mult, key, "licence_multiple")
        formula = f"{format_amount(lic.fee)} × {fmt_factor(mult)} = {format_amount(amount)}"
        inputs = [HeadInput(name="licence_fee", value=str(quantize(lic.fee)),
                            source=lic.exhibit or "case.yaml licence"),
                  HeadInput(name="licence_multiple", value=fmt_factor(mult), source=ctx.src(key, "licence_multiple"))]
        if strict and not lic.exhibit:
            ctx.w.add("PARAM_NO_EVIDENCE", "licence.fee has no exhibit (a licence contract and proof of payment)")
        what = (f"a reasonable multiple ({fmt_factor(mult)}) of the licence fee {format_amount(lic.fee)}"
                + (f" ({lic.description})" if lic.description else ""))
        return amount, formula, inputs, what
    # statutory
    amount = ctx.money(cfg.statutory_amount, key, "statutory_amount")
    formula = f"{format_amount(amount)}（法定赔偿，不超过5,000,000.00）"
    inputs = [HeadInput(name="statutory_amount", value=str(amount), source=ctx.src(key, "statutory_amount"))]
    what = ("statutory damages the court sets from the circumstances (nature, duration and consequences of the "
            "infringement, fault, the mark's reputation, the costs of stopping it), at most 5,000,000")
    return amount, formula, inputs, what


def _quiet_units(ctx: Ctx, cfg: TrademarkConfig):
    try:
        from litigator.damages.warnings import Warnings

        saved = ctx.w
        ctx.w = Warnings(saved.kinds)
        try:
            return product_units(ctx, cfg.units, cfg.units_evidence, "trademark")
        finally:
            ctx.w = saved
    except Exception:  # noqa: BLE001 - a probe: any failure means "not computable"
        return None


def _lookback(ctx: Ctx, cfg: TrademarkConfig) -> None:
    filed = ctx.filing_date()
    try:
        cutoff = filed.replace(year=filed.year - 3)
    except ValueError:  # 29 February
        cutoff = filed.replace(year=filed.year - 3, day=28)
    starts = []
    if ctx.sales is not None and cfg.units is None and cfg.method in ("actual_loss", "infringer_profit"):
        if ctx.sales.totals.first_order:
            starts.append(ctx.sales.totals.first_order)
        elif ctx.sales.period:
            starts.append(ctx.sales.period.start)
    if ctx.case.conduct is not None and ctx.case.conduct.start:
        starts.append(ctx.case.conduct.start)
    if not starts or min(starts) >= cutoff:
        return
    start = min(starts)
    detail = ""
    if ctx.sales is not None and ctx.sales.by_month:
        early = sum(line.units for line in ctx.sales.by_month
                    if line.month and line.month < f"{cutoff.year:04d}-{cutoff.month:02d}")
        if early:
            detail = (f"; at least {fmt_int(early)} of {fmt_int(ctx.sales.totals.units)} units were sold in months "
                      f"wholly before {cutoff.isoformat()}")
    ctx.w.add("LOOKBACK_3Y",
              f"the conduct/sales start {start.isoformat()}, before {cutoff.isoformat()} (filing date "
              f"{filed.isoformat()} less 3 years){detail}: for a continuing infringement damages are counted 3 years "
              "back from filing — take the earlier sales out or show the limitation period had not run")


def _punitive_reading_note(ctx: Ctx, base: Decimal, m: Decimal, reading: str) -> None:
    mult = quantize(base * m)
    add = quantize(base + base * m)
    if reading == "multiplied":
        ctx.w.add("PUNITIVE_READING",
                  f"punitive damages read as multiple × base = {format_amount(mult)} (the statute's wording: 在按照"
                  f"上述方法确定数额的一倍以上五倍以下确定赔偿数额); "
                  f"the additive reading (base + multiple × base) would "
                  f"give {format_amount(add)} — the point is not settled (set punitive_reading: additive)")
    else:
        ctx.w.add("PUNITIVE_READING",
                  f"punitive damages read as base + multiple × base = {format_amount(add)} (punitive_reading: "
                  f"additive); the statute's wording (一倍以上五倍以下确定赔偿数额) supports multiple × base = "
                  f"{format_amount(mult)}, and a court may read it that way")


def heads(ctx: Ctx) -> list[ClaimHead]:
    cfg = ctx.scenario.trademark
    if cfg is None:
        return []
    ctx.regimes.append("trademark")
    ctx.liability["trademark"] = TM_LIABILITY
    case = ctx.case
    cur = case.currency
    key = "trademark"
    if "trademark_infringement" not in case.claims:
        ctx.w.add("CLAIM_NOT_PLEADED",
                  f"scenario {ctx.name!r} claims trademark damages but `claims` does not list trademark_infringement")
    m = cfg.punitive_multiple
    # Guards (errors: the figure would be unlawful).
    if cfg.method == "statutory":
        if cfg.statutory_amount > STATUTORY_CAP:
            raise ctx.error(f"statutory damages {format_amount(cfg.statutory_amount)} exceed the cap of 5,000,000.00 "
                            f"({TM}第六十三条第三款)", key, "statutory_amount")
        if m is not None:
            raise ctx.error(f"statutory damages cannot be the base of punitive damages: the base is the loss, the "
                            f"infringer's profit or a licence-fee multiple ({PUNITIVE_INTERP}第五条)",
                            key, "punitive_multiple")
    if m is not None and not (PUNITIVE_MIN <= m <= PUNITIVE_MAX):
        raise ctx.error(f"punitive multiple {fmt_factor(m)} is outside 1–5 ({TM}第六十三条第一款)",
                        key, "punitive_multiple")
    if cfg.licence_multiple is not None and cfg.licence_multiple <= 0:
        raise ctx.error("licence_multiple must be positive", key, "licence_multiple")

    amount_base, formula, inputs, what = _base(ctx, cfg, cfg.method)

    # Order of methods vs. the right holder's choice.
    idx = TRADEMARK_ORDER.index(cfg.method)
    unmarked = [e for e in TRADEMARK_ORDER[:idx] if e not in cfg.not_determinable]
    if unmarked:
        ctx.w.add("METHOD_ORDER",
                  f"method {cfg.method} is later in Art. 63's order than {', '.join(unmarked)}; the right holder may "
                  "choose the method (Interp. Art. 13), but the statute uses a later method only when the earlier "
                  "ones are 难以确定 — mark them under trademark.not_determinable with the reason")
    if cfg.method == "statutory":
        computable = []
        for e in TRADEMARK_ORDER[:idx]:
            try:
                probe = _base(ctx, cfg, e, strict=False)
            except DamagesError:  # e.g. a figure too large: not a usable comparison
                probe = None
            if probe is not None:
                computable.append(f"{e} {format_amount(probe[0])}")
        if computable:
            ctx.w.add("STATUTORY_WITH_DATA",
                      f"statutory damages are claimed but the case data give {'; '.join(computable)}: statutory "
                      "damages apply only when loss, profit and licence fee are all hard to determine")
        if case.expenses:
            ctx.w.add("STATUTORY_EXPENSES",
                      "the reasonable costs of stopping the infringement are one of the factors of statutory damages: "
                      "a court may fold the expenses into the statutory award rather than add them")
    for e, why in cfg.not_determinable.items():
        inputs.append(HeadInput(name=f"not_determinable: {e}", value=why, source=ctx.src(key, "not_determinable", e)))
    if cfg.evidence:
        inputs.append(HeadInput(name="evidence", value=cfg.evidence, source=cfg.evidence))

    _lookback(ctx, cfg)
    conduct = case.conduct
    if conduct is None or not conduct.knowledge:
        ctx.w.add("LAWFUL_SOURCE",
                  "no evidence of the seller's knowledge is given (conduct.knowledge): a seller who did not know the "
                  "goods infringed and proves a lawful source and names its supplier pays no damages")

    basis = METHOD_BASIS[cfg.method]
    order_text = ("Trademark Law Art. 63 ¶1 sets the order: the right holder's actual loss, else the infringer's "
                  "profit, else a reasonable multiple of the licence fee; ¶3 allows statutory damages up to "
                  "5,000,000 only when none of these can be determined. The right holder may choose the method "
                  "(SPC trademark interpretation Art. 13).")
    if m is None:
        expl = (f"Damages ({format_amount(amount_base)}): {what}: {formula}. {order_text} Basis: {basis}.")
        return [head("trademark_damages", "经济损失", amount_base, cur, basis, formula, inputs, expl)]

    # Punitive.
    if "trademark_infringement" not in case.claims or (
            any(mk.owner for mk in case.marks)
            and not any(mk.owner == p.name for mk in case.marks for p in case.plaintiffs)):
        ctx.w.add("PLATFORM_NO_IP_PUNITIVE",
                  "punitive damages are claimed but no plaintiff is shown as the owner of the marks (marks[].owner) "
                  "or trademark_infringement is not pleaded: only the right holder may claim them; a platform suing "
                  "in contract may rely on an agreed 违约金 instead")
    if conduct is None or not conduct.intent:
        ctx.w.add("PUNITIVE_NO_INTENT",
                  "no facts of intent are given (conduct.intent); intent is presumed where the defendant counterfeits "
                  "a registered mark (Punitive Interp. Art. 3(5)) — plead the facts that bring the case within it")
    if conduct is None or not conduct.serious:
        ctx.w.add("PUNITIVE_NO_SERIOUS",
                  "no facts of serious circumstances are given (conduct.serious): e.g. infringing as a business, "
                  "large profit, repeat infringement after a penalty, hiding evidence")
    reading = cfg.punitive_reading
    _punitive_reading_note(ctx, amount_base, m, reading)
    pun_basis = f"{basis}；{PUNITIVE_BASIS}"
    base_inputs = inputs + [HeadInput(name="punitive_multiple", value=fmt_factor(m),
                                      source=ctx.src(key, "punitive_multiple")),
                            HeadInput(name="punitive_reading", value=reading, source=ctx.src(key, "punitive_reading"))]
    out: list[ClaimHead] = []
    if reading == "multiplied":
        damages = ctx.money(amount_base * m, key, "punitive_multiple")
        dformula = f"({formula}) × {fmt_factor(m)} = {format_amount(damages)}"
        expl = (f"Damages including punitive damages ({format_amount(damages)}): the base is {what}: {formula}. "
                f"Because the infringement is malicious and serious, Trademark Law Art. 63 ¶1 sets the damages at "
                f"one to five times the base; {fmt_factor(m)} × {format_amount(amount_base)} = "
                f"{format_amount(damages)}. The base excludes the reasonable expenses (SPC punitive interpretation "
                f"Art. 5), which are claimed separately. Basis: {pun_basis}.")
        out.append(head("trademark_damages", "经济损失（含惩罚性赔偿）", damages, cur, pun_basis, dformula,
                        base_inputs, expl))
    else:
        pun = ctx.money(amount_base * m, key, "punitive_multiple")
        damages = ctx.money(amount_base + pun, key, "punitive_multiple")
        expl_base = (f"Damages ({format_amount(amount_base)}): {what}: {formula}. {order_text} Basis: {basis}.")
        out.append(head("trademark_damages", "经济损失", amount_base, cur, basis, formula, inputs, expl_base))
        pformula = f"{format_amount(amount_base)} × {fmt_factor(m)} = {format_amount(pun)}"
        expl_pun = (f"Punitive damages ({format_amount(pun)}): {fmt_factor(m)} × the compensatory base "
                    f"{format_amount(amount_base)}, claimed on top of it (the additive reading; the statute's wording "
                    f"supports multiple × base in total). The base excludes the reasonable expenses (SPC punitive "
                    f"interpretation Art. 5). Basis: {PUNITIVE_BASIS}.")
        out.append(head("punitive_damages", "惩罚性赔偿", pun, cur, PUNITIVE_BASIS, pformula, base_inputs[-2:]
                        + [HeadInput(name="base", value=str(amount_base), source="trademark_damages")], expl_pun))
        dformula = (f"{format_amount(amount_base)} + {format_amount(amount_base)} × {fmt_factor(m)}"
                    f" = {format_amount(damages)}")
    ctx.punitive = PunitiveBlock(
        base_method=cfg.method, base_label=METHOD_LABEL[cfg.method], base=amount_base, base_formula=formula,
        multiple=fmt_factor(m), reading=reading, damages=damages, damages_formula=dformula,
        expenses=Decimal("0.00"), total=damages,
        intent_facts=evidence_text(conduct.intent) if conduct else [],
        serious_facts=evidence_text(conduct.serious) if conduct else [],
        basis=pun_basis,
    )
    return out


def _cn_formula(text: str) -> str:
    return text.replace(" × ", "×").replace(" + ", "+").replace(" = ", "=")


def punitive_statement(p: PunitiveBlock) -> str:
    """The 惩罚性赔偿 paragraph a complaint must state when filed (Punitive Interp. Art. 2)."""
    unit = {"actual_loss": "（侵权商品销售量×注册商标商品单位利润）",
            "infringer_profit": "（侵权商品销售量×单位利润）",
            "licence_fee": "（商标许可使用费×倍数）"}.get(p.base_method, "")
    base_basis = METHOD_BASIS[p.base_method]
    text = (f"原告依据{TM}第六十三条第一款、{PUNITIVE_INTERP}第二条，"
            "明确惩罚性赔偿的数额、计算方式及所依据的事实和理由如下："
            f"一、计算基数。以{p.base_label}为计算基数{unit}：{_cn_formula(p.base_formula)}元（{base_basis}）。"
            f"该基数不包括原告为制止侵权所支付的合理开支（{PUNITIVE_INTERP}第五条）。")
    if p.reading == "multiplied":
        text += ("二、倍数与数额。被告故意侵害原告注册商标专用权，情节严重，"
                 f"请求按计算基数的{p.multiple}倍确定赔偿数额："
                 f"{format_amount(p.base)}×{p.multiple}={format_amount(p.damages)}元（{TM}第六十三条第一款，"
                 f"{PUNITIVE_INTERP}第六条）。")
    else:
        pun = quantize(p.damages - p.base)
        text += ("二、倍数与数额。被告故意侵害原告注册商标专用权，情节严重，"
                 f"请求在计算基数之外，按计算基数的{p.multiple}倍"
                 f"另行确定惩罚性赔偿：{format_amount(p.base)}×{p.multiple}={format_amount(pun)}元；赔偿数额合计"
                 f"{_cn_formula(p.damages_formula)}元（{TM}第六十三条第一款，{PUNITIVE_INTERP}第六条）。")
    facts = ""
    if p.intent_facts:
        facts += "被告主观故意的事实：" + "；".join(p.intent_facts) + "。"
    else:
        facts += (f"被告销售假冒原告注册商标的商品，依{PUNITIVE_INTERP}第三条第二款第（五）项"
                  "可以初步认定被告具有侵权故意。")
    if p.serious_facts:
        facts += "情节严重的事实：" + "；".join(p.serious_facts) + "。"
    text += "三、事实和理由。" + facts
    text += (f"四、合理开支另计{format_amount(p.expenses)}元，上述经济损失及合理开支合计{format_amount(p.total)}元。")
    return text
