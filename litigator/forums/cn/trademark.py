"""Brand owner v. seller: Trademark Law damages, punitive damages, and their guards — under the text
in force for the conduct (2001, 2013, 2019 or 2026 text; law.yaml ``trademark.*``).

The damages article (2001: Art. 56; 2013 and 2019: Art. 63; 2026: Art. 77) sets the methods in order:
actual loss → infringer's profit → licence fee × multiple → statutory damages (up to the cap of that
text), only when the earlier ones cannot be determined; the 2026 text makes loss and profit
alternatives. The SPC trademark interpretation Art. 13 lets the right holder choose the method; using
a later one without marking the earlier ones 难以确定 is a warning, not an error.

* actual loss = units sold × the right holder's unit profit (Interp. Art. 15);
* infringer's profit = units sold × the infringer's unit profit, else the right holder's (Art. 14);
* licence fee × multiple;
* statutory: the amount claimed, at most the cap of the governing text (law.yaml ``trademark.statutory_cap``).

Punitive damages: none under the 2001 text; 1–3× under the 2013 text; 1–5× from the 2019 text. The
base excludes expenses. ``multiplied`` (default, the statute's wording) gives
``total = multiple × base + expenses``; ``additive`` gives ``base + multiple × base + expenses``.
Values the governing text does not allow are errors naming the text and its article.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from litigator.damages.model import ClaimHead, HeadInput, ProseSegment, PunitiveBlock
from litigator.errors import DamagesError
from litigator.forums.cn.citation import Provision, statute
from litigator.forums.cn.common import Ctx, evidence_text, fmt_factor, fmt_int, head, product_units, prose_facts
from litigator.forums.cn.scenario import TrademarkConfig
from litigator.money import format_amount, quantize

METHOD_LABEL = {
    "actual_loss": "权利人因被侵权所受到的实际损失",
    "infringer_profit": "侵权人因侵权所获得的利益",
    "licence_fee": "商标许可使用费的倍数",
    "statutory": "法定赔偿",
}
METHOD_INTERP = {
    "actual_loss": ("choice", "actual_loss"),
    "infringer_profit": ("choice", "infringer_profit"),
    "licence_fee": ("choice",),
    "statutory": ("statutory",),
}


@dataclass
class TrademarkLaw:
    """The trademark texts that govern one scenario: the statute by the conduct, interpretations by filing."""

    on: object                  # the date inside the governing text's period
    version: str                # e.g. "2019"
    damages: Provision          # the damages article (no paragraph)
    methods_paragraph: int
    statutory_paragraph: int
    expenses_paragraph: int
    method_groups: list[list[str]]
    cap: Decimal
    cap_ref: Provision
    punitive: tuple[Decimal, Decimal] | None
    punitive_ref: Provision
    selling: Provision
    lawful_source: Provision
    interp_version: str | None
    interp_articles: dict[str, int]      # the SPC trademark interpretation's articles (law.yaml)
    general_punitive: Provision | None   # Civil Code Art. 1185, for conduct reaching 2021-01-01
    punitive_interp: Provision | None    # by the filing date
    punitive_articles: dict[str, object]  # its articles (law.yaml ip.punitive_interpretation)

    @property
    def methods(self) -> Provision:
        return self.damages.at(self.damages.article, self.methods_paragraph)

    @property
    def statutory(self) -> Provision:
        return self.damages.at(self.damages.article, self.statutory_paragraph)

    @property
    def expenses(self) -> Provision:
        return self.damages.at(self.damages.article, self.expenses_paragraph)

    def interp(self, *what: str) -> list[Provision]:
        if self.interp_version is None:
            return []
        return [Provision("trademark_interpretation", self.interp_version, self.interp_articles[w]) for w in what]

    def pi(self, what: str) -> Provision:
        """An article of the punitive-damages interpretation: scope, statement, intent_presumption, base,
        multiple (law.yaml)."""
        assert self.punitive_interp is not None
        spec = self.punitive_articles[what]
        base = Provision(self.punitive_interp.statute, self.punitive_interp.version)
        if what == "scope":
            first, last = spec  # type: ignore[misc]
            return Provision(base.statute, base.version, first, to_article=last)
        if isinstance(spec, list):
            return base.at(*spec)
        return base.at(spec)  # type: ignore[arg-type]

    @property
    def label(self) -> str:
        return statute("trademark_law").version(self.version).label or self.version


def trademark_law(ctx: Ctx) -> TrademarkLaw:
    """The governing texts for this scenario's trademark claim (one per scenario, cached on the context)."""
    cached = ctx.memo.get("trademark_law")
    if cached is not None:
        return cached
    law = ctx.law
    start, end, where = ctx.conduct_period()
    gov = law.governing("trademark.damages_article", "trademark.straddle_rule", start, end, where, ctx.w,
                        "trademark damages")
    on = gov.on
    art = gov.entry.value
    damages = law.ref(gov.entry)
    cap = law.at("trademark.statutory_cap", on)
    pun = law.at("trademark.punitive_multiple", on)
    selling = law.at("trademark.selling_article", on)
    lawful = law.at("trademark.lawful_source_article", on)
    interp = statute("trademark_interpretation").in_force(law.filed)
    reaches_2021 = (end or law.filed) >= law.book.history("ip.punitive_general_rule")[0].start
    general = law.ref(law.at("ip.punitive_general_rule", end or law.filed)) if reaches_2021 else None
    try:
        pi = law.filing("ip.punitive_interpretation")
        punitive_interp, punitive_articles = law.ref(pi), dict(pi.value)
    except DamagesError:
        punitive_interp, punitive_articles = None, {}
    interp_articles = dict(law.filing("trademark.interpretation_articles").value) if interp else {}
    tl = TrademarkLaw(
        on=on, version=damages.version, damages=damages,
        methods_paragraph=art["methods_paragraph"], statutory_paragraph=art["statutory_paragraph"],
        expenses_paragraph=art["expenses_paragraph"], method_groups=art["methods"],
        cap=law.amount(cap), cap_ref=law.ref(cap),
        punitive=(Decimal(pun.value["min"]), Decimal(pun.value["max"])) if pun.value else None,
        punitive_ref=law.ref(pun),
        selling=law.ref(selling), lawful_source=law.ref(lawful),
        interp_version=interp.id if interp else None, interp_articles=interp_articles, general_punitive=general,
        punitive_interp=punitive_interp, punitive_articles=punitive_articles)
    ctx.memo["trademark_law"] = tl
    return tl


def method_basis(tl: TrademarkLaw, method: str) -> list[Provision]:
    main = tl.statutory if method == "statutory" else tl.methods
    return [main, *tl.interp(*METHOD_INTERP[method])]


def punitive_basis(tl: TrademarkLaw) -> list[Provision]:
    out = [tl.methods]
    if tl.general_punitive is not None:
        out.append(tl.general_punitive)
    if tl.punitive_interp is not None:
        out.append(tl.pi("scope"))
    return out


def _base(ctx: Ctx, cfg: TrademarkConfig, method: str, strict: bool = True):
    """(amount, formula, inputs, plain-language description) of one damages method.

    With ``strict=False`` returns None instead of raising when the data do not allow the method.
    """
    case = ctx.case
    tl = trademark_law(ctx)
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
                                           f"holder's unit profit ({ctx.cite(*tl.interp('infringer_profit'))})",
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
            for r in rows:
                if not r.product.profit_evidence:
                    ctx.w.add("PARAM_NO_EVIDENCE", f"products[{r.index}] ({r.product.name}): the unit profit has no "
                                                   "`profit_evidence`")
            if fallback:
                ctx.w.add("INFRINGER_PROFIT_FALLBACK",
                          f"the infringer's unit profit of {', '.join(fallback)} is not known: the unit profit of the "
                          f"registered-mark goods is used, as {ctx.cite(*tl.interp('infringer_profit'))} allows")
        if method == "actual_loss":
            what = ("the right holder's loss: counterfeit units sold × the right holder's own unit profit "
                    f"({ctx.cite(*tl.interp('actual_loss'))} lets infringing units stand in for lost sales)")
        else:
            what = (f"the seller's profit: units sold × its unit profit ({ctx.cite(*tl.interp('infringer_profit'))}; "
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
    formula = f"{format_amount(amount)}（法定赔偿，不超过{format_amount(tl.cap)}）"
    inputs = [HeadInput(name="statutory_amount", value=str(amount), source=ctx.src(key, "statutory_amount"))]
    what = ("statutory damages the court sets from the circumstances (nature, duration and consequences of the "
            "infringement, fault, the mark's reputation, the costs of stopping it), at most "
            f"{format_amount(tl.cap)} ({ctx.cite(tl.cap_ref)})")
    return amount, formula, inputs, what


def _quiet_units(ctx: Ctx, cfg: TrademarkConfig):
    try:
        saved = ctx.w
        ctx.w = type(saved)(saved.kinds)
        try:
            return product_units(ctx, cfg.units, cfg.units_evidence, "trademark")
        finally:
            ctx.w = saved
    except Exception:  # noqa: BLE001 - a probe: any failure means "not computable"
        return None


def _lookback(ctx: Ctx, cfg: TrademarkConfig) -> None:
    """Continuing infringement sued late: damages are counted N years back from filing (by the filing date)."""
    filed = ctx.filing_date()
    rule = ctx.law.filing("trademark.lookback_years")
    years = int(rule.value)
    from litigator.forums.cn.law import add_years

    cutoff = add_years(filed, -years)
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
    ctx.w.add("TRADEMARK_LOOKBACK",
              f"the conduct/sales start {start.isoformat()}, before {cutoff.isoformat()} (filing date "
              f"{filed.isoformat()} less {years} years){detail}: for a continuing infringement sued after the "
              f"limitation period, damages are counted {years} years back from filing ({ctx.cite(ctx.law.ref(rule))}) "
              "— take the earlier sales out or show the limitation period had not run")


def _punitive_reading_note(ctx: Ctx, base: Decimal, m: Decimal, reading: str, tl: TrademarkLaw) -> None:
    mult = quantize(base * m)
    add = quantize(base + base * m)
    low, high = tl.punitive or (Decimal(0), Decimal(0))
    wording = f"{ctx.cite(tl.methods)}: 一倍以上{_cn_times(high)}倍以下确定赔偿数额"
    if reading == "multiplied":
        ctx.w.add("PUNITIVE_READING",
                  f"punitive damages read as multiple × base = {format_amount(mult)} (the statute's wording, "
                  f"{wording}); the additive reading (base + multiple × base) would give {format_amount(add)} — the "
                  "point is not settled (set punitive_reading: additive)")
    else:
        ctx.w.add("PUNITIVE_READING",
                  f"punitive damages read as base + multiple × base = {format_amount(add)} (punitive_reading: "
                  f"additive); the statute's wording ({wording}) supports multiple × base = {format_amount(mult)}, "
                  "and a court may read it that way")


def _cn_times(n: Decimal) -> str:
    from litigator.forums.cn.citation import cn_numeral

    return cn_numeral(int(n)) if n == int(n) else fmt_factor(n)


def heads(ctx: Ctx) -> list[ClaimHead]:
    cfg = ctx.scenario.trademark
    if cfg is None:
        return []
    ctx.regimes.append("trademark")
    tl = trademark_law(ctx)
    ctx.liability["trademark"] = [tl.selling]
    ctx.expenses_basis["trademark"] = [tl.expenses, *tl.interp("expenses")]
    case = ctx.case
    cur = case.currency
    key = "trademark"
    if "trademark_infringement" not in case.claims:
        ctx.w.add("CLAIM_NOT_PLEADED",
                  f"scenario {ctx.name!r} claims trademark damages but `claims` does not list trademark_infringement")
    m = cfg.punitive_multiple
    # Guards (errors: the figure would be unlawful under the governing text).
    if cfg.method == "licence_fee" and not any("licence_fee" in g for g in tl.method_groups):
        raise ctx.error(f"the {tl.label} text governs this conduct and knows no licence-fee method "
                        f"({ctx.cite(tl.methods)})", key, "method")
    if cfg.method == "statutory":
        if cfg.statutory_amount > tl.cap:
            raise ctx.error(f"statutory damages {format_amount(cfg.statutory_amount)} exceed the cap of "
                            f"{format_amount(tl.cap)} of the {tl.label} text that governs this conduct "
                            f"({ctx.cite(tl.cap_ref)})", key, "statutory_amount")
        if m is not None:
            base_rule = ctx.cite(tl.pi("base")) if tl.punitive_interp else ctx.cite(tl.methods)
            raise ctx.error(f"statutory damages cannot be the base of punitive damages: the base is the loss, the "
                            f"infringer's profit or a licence-fee multiple ({base_rule})", key, "punitive_multiple")
    if m is not None:
        if tl.punitive is None:
            raise ctx.error(f"punitive damages are not available under the {tl.label} text that governs this "
                            f"conduct ({ctx.cite(tl.punitive_ref)})", key, "punitive_multiple")
        low, high = tl.punitive
        if not (low <= m <= high):
            raise ctx.error(f"punitive multiple {fmt_factor(m)} is outside {fmt_factor(low)}–{fmt_factor(high)} "
                            f"under the {tl.label} text that governs this conduct ({ctx.cite(tl.punitive_ref)})",
                            key, "punitive_multiple")
    if cfg.licence_multiple is not None and cfg.licence_multiple <= 0:
        raise ctx.error("licence_multiple must be positive", key, "licence_multiple")

    amount_base, formula, inputs, what = _base(ctx, cfg, cfg.method)

    # Order of methods vs. the right holder's choice (alternatives in one group need no marking).
    group_of = {mth: i for i, g in enumerate(tl.method_groups) for mth in g}
    idx = group_of.get(cfg.method, 0)
    earlier = [mth for g in tl.method_groups[:idx] for mth in g]
    unmarked = [e for e in earlier if e not in cfg.not_determinable]
    if unmarked:
        ctx.w.add("METHOD_ORDER",
                  f"method {cfg.method} is later in the statute's order ({ctx.cite(tl.methods)}) than "
                  f"{', '.join(unmarked)}; the right holder may choose the method "
                  f"({ctx.cite(*tl.interp('choice'))}), but the statute uses a later method only when the earlier "
                  "ones are 难以确定 — mark them under trademark.not_determinable with the reason")
    if cfg.method == "statutory":
        computable = []
        for e in earlier:
            try:
                probe = _base(ctx, cfg, e, strict=False)
            except DamagesError:  # e.g. a figure too large: not a usable comparison
                probe = None
            if probe is not None:
                computable.append(f"{e} {format_amount(probe[0])}")
        if computable:
            ctx.w.add("STATUTORY_WITH_DATA",
                      f"statutory damages are claimed but the case data give {'; '.join(computable)}: statutory "
                      f"damages apply only when loss, profit and licence fee are all hard to determine "
                      f"({ctx.cite(tl.statutory)})")
        if case.expenses:
            ctx.w.add("STATUTORY_EXPENSES",
                      "the reasonable costs of stopping the infringement are one of the factors of statutory damages "
                      f"({ctx.cite(*tl.interp('statutory'))}): a court may fold the expenses into the statutory award "
                      "rather than add them")
    for e, why in cfg.not_determinable.items():
        inputs.append(HeadInput(name=f"not_determinable: {e}", value=why, source=ctx.src(key, "not_determinable", e)))
    if cfg.evidence:
        inputs.append(HeadInput(name="evidence", value=cfg.evidence, source=cfg.evidence))

    _lookback(ctx, cfg)
    conduct = case.conduct
    if conduct is None or not conduct.knowledge:
        ctx.w.add("LAWFUL_SOURCE",
                  "no evidence of the seller's knowledge is given (conduct.knowledge): a seller who did not know the "
                  "goods infringed and proves a lawful source and names its supplier pays no damages "
                  f"({ctx.cite(tl.lawful_source)})")

    basis = method_basis(tl, cfg.method)
    order_text = (f"The damages article ({ctx.cite(tl.methods)}) measures the damages by the right holder's actual "
                  "loss, the infringer's profit or a reasonable multiple of the licence fee"
                  + (f"; statutory damages up to {format_amount(tl.cap)} ({ctx.cite(tl.statutory)}) only when none "
                     "of these can be determined" if tl.cap else "")
                  + f". The right holder may choose the method ({ctx.cite(*tl.interp('choice'))}).")
    if m is None:
        expl = (f"Damages ({format_amount(amount_base)}): {what}: {formula}. {order_text} "
                f"Basis: {ctx.cite(*basis)}.")
        return [head("trademark_damages", "经济损失", amount_base, cur, ctx.law, basis, formula, inputs, expl)]

    # Punitive.
    if "trademark_infringement" not in case.claims or (
            any(mk.owner for mk in case.marks)
            and not any(mk.owner == p.name for mk in case.marks for p in case.plaintiffs)):
        holder = f" ({ctx.cite(tl.general_punitive)})" if tl.general_punitive else ""
        ctx.w.add("PLATFORM_NO_IP_PUNITIVE",
                  "punitive damages are claimed but no plaintiff is shown as the owner of the marks (marks[].owner) "
                  f"or trademark_infringement is not pleaded: only the right holder may claim them{holder}; a "
                  "platform suing in contract may rely on an agreed 违约金 instead")
    if conduct is None or not conduct.intent:
        pi = tl.punitive_interp
        presumed = (f"intent is presumed where the defendant counterfeits a registered mark "
                    f"({ctx.cite(tl.pi('intent_presumption'))}) — " if pi else "")
        ctx.w.add("PUNITIVE_NO_INTENT",
                  f"no facts of intent are given (conduct.intent); {presumed}plead the facts that show intent")
    if conduct is None or not conduct.serious:
        ctx.w.add("PUNITIVE_NO_SERIOUS",
                  "no facts of serious circumstances are given (conduct.serious): e.g. infringing as a business, "
                  "large profit, repeat infringement after a penalty, hiding evidence")
    if tl.punitive_interp is not None:
        ctx.law.status_warning(tl.punitive_interp, ctx.w)
    reading = cfg.punitive_reading
    _punitive_reading_note(ctx, amount_base, m, reading, tl)
    pun_basis = basis + punitive_basis(tl)
    base_inputs = inputs + [HeadInput(name="punitive_multiple", value=fmt_factor(m),
                                      source=ctx.src(key, "punitive_multiple")),
                            HeadInput(name="punitive_reading", value=reading, source=ctx.src(key, "punitive_reading"))]
    out: list[ClaimHead] = []
    low, high = tl.punitive or (Decimal(1), Decimal(1))
    if reading == "multiplied":
        damages = ctx.money(amount_base * m, key, "punitive_multiple")
        dformula = f"({formula}) × {fmt_factor(m)} = {format_amount(damages)}"
        expl = (f"Damages including punitive damages ({format_amount(damages)}): the base is {what}: {formula}. "
                f"Because the infringement is intentional and serious, the damages article ({ctx.cite(tl.methods)}) "
                f"sets the damages at {fmt_factor(low)} to {fmt_factor(high)} times the base; {fmt_factor(m)} × "
                f"{format_amount(amount_base)} = {format_amount(damages)}. The base excludes the reasonable expenses, "
                f"which are claimed separately. Basis: {ctx.cite(*pun_basis)}.")
        out.append(head("trademark_damages", "经济损失（含惩罚性赔偿）", damages, cur, ctx.law, pun_basis, dformula,
                        base_inputs, expl))
    else:
        pun = ctx.money(amount_base * m, key, "punitive_multiple")
        damages = ctx.money(amount_base + pun, key, "punitive_multiple")
        expl_base = (f"Damages ({format_amount(amount_base)}): {what}: {formula}. {order_text} "
                     f"Basis: {ctx.cite(*basis)}.")
        out.append(head("trademark_damages", "经济损失", amount_base, cur, ctx.law, basis, formula, inputs, expl_base))
        pformula = f"{format_amount(amount_base)} × {fmt_factor(m)} = {format_amount(pun)}"
        only_pun = [tl.methods, *punitive_basis(tl)[1:]]
        expl_pun = (f"Punitive damages ({format_amount(pun)}): {fmt_factor(m)} × the compensatory base "
                    f"{format_amount(amount_base)}, claimed on top of it (the additive reading; the statute's wording "
                    f"supports multiple × base in total). The base excludes the reasonable expenses. "
                    f"Basis: {ctx.cite(*only_pun)}.")
        out.append(head("punitive_damages", "惩罚性赔偿", pun, cur, ctx.law, only_pun, pformula, base_inputs[-2:]
                        + [HeadInput(name="base", value=str(amount_base), source="trademark_damages")], expl_pun))
        dformula = (f"{format_amount(amount_base)} + {format_amount(amount_base)} × {fmt_factor(m)}"
                    f" = {format_amount(damages)}")
    ctx.punitive = PunitiveBlock(
        base_method=cfg.method, base_label=METHOD_LABEL[cfg.method], base=amount_base, base_formula=formula,
        multiple=fmt_factor(m), reading=reading, damages=damages, damages_formula=dformula,
        expenses=Decimal("0.00"), total=damages,
        intent_facts=evidence_text(conduct.intent) if conduct else [],
        serious_facts=evidence_text(conduct.serious) if conduct else [],
        basis=ctx.cite(*pun_basis),
    )
    return out


def _cn_formula(text: str) -> str:
    return text.replace(" × ", "×").replace(" + ", "+").replace(" = ", "=")


def punitive_statement(p: PunitiveBlock, ctx: Ctx) -> list[ProseSegment]:
    """The 惩罚性赔偿 paragraph a complaint must state when filed (the punitive interpretation, Art. 2), as
    prose segments: each fact of intent or serious circumstances carries its exhibit."""
    tl = trademark_law(ctx)
    unit = {"actual_loss": "（侵权商品销售量×注册商标商品单位利润）",
            "infringer_profit": "（侵权商品销售量×单位利润）",
            "licence_fee": "（商标许可使用费×倍数）"}.get(p.base_method, "")
    base_basis = ctx.cite(*method_basis(tl, p.base_method))
    pi = tl.punitive_interp
    pi_art = (lambda what: ctx.cite(tl.pi(what))) if pi else (lambda what: "")
    methods = ctx.cite(tl.methods)
    text = (f"原告依据{methods}" + (f"、{pi_art('statement')}" if pi else "") + "，"
            "明确惩罚性赔偿的数额、计算方式及所依据的事实和理由如下："
            f"一、计算基数。以{p.base_label}为计算基数{unit}：{_cn_formula(p.base_formula)}元（{base_basis}）。"
            "该基数不包括原告为制止侵权所支付的合理开支" + (f"（{pi_art('base')}）" if pi else "") + "。")
    why = f"（{methods}" + (f"，{pi_art('multiple')}" if pi else "") + "）"
    if p.reading == "multiplied":
        text += ("二、倍数与数额。被告故意侵害原告注册商标专用权，情节严重，"
                 f"请求按计算基数的{p.multiple}倍确定赔偿数额："
                 f"{format_amount(p.base)}×{p.multiple}={format_amount(p.damages)}元{why}。")
    else:
        pun = quantize(p.damages - p.base)
        text += ("二、倍数与数额。被告故意侵害原告注册商标专用权，情节严重，"
                 f"请求在计算基数之外，按计算基数的{p.multiple}倍"
                 f"另行确定惩罚性赔偿：{format_amount(p.base)}×{p.multiple}={format_amount(pun)}元；赔偿数额合计"
                 f"{_cn_formula(p.damages_formula)}元{why}。")
    text += "三、事实和理由。"
    segments: list[ProseSegment] = []
    conduct = ctx.case.conduct

    if conduct is not None and conduct.intent:
        text = prose_facts(text, "被告主观故意的事实：", conduct.intent, segments)
    elif pi:
        text += (f"被告销售假冒原告注册商标的商品，依{ctx.cite(tl.pi('intent_presumption'))}"
                 "可以初步认定被告具有侵权故意。")
    else:
        text += "被告销售假冒原告注册商标的商品，具有侵权故意。"
    if conduct is not None and conduct.serious:
        text = prose_facts(text, "情节严重的事实：", conduct.serious, segments)
    text += f"四、合理开支另计{format_amount(p.expenses)}元，上述经济损失及合理开支合计{format_amount(p.total)}元。"
    segments.append(ProseSegment(text=text))
    return segments
