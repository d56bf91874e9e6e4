"""Unfair competition: Anti-Unfair Competition Law damages under the text in force for the conduct
(1993, 2017, 2019 or 2025 text; law.yaml ``aucl.*``).

The damages article (1993: Art. 20; 2017 and 2019: Art. 17; 2025: Art. 22): the claimant's actual
loss, else the infringer's gain (the 2025 text makes them alternatives), plus reasonable expenses;
punitive 1–5× only for malicious / intentional trade-secret infringement (from the 2019 text);
statutory damages only for confusion and trade secrets, up to the cap of the text (law.yaml
``aucl.statutory_cap``); the 1993 text has neither. Values the governing text does not allow are errors naming it.

Liability (the wrongful act): the conduct article of the governing text (2017/2019: Art. 6 confusion,
Art. 8 false advertising, Art. 9 trade secrets, Art. 2 other; 2025: Art. 7 confusion, Art. 9 false
advertising, Art. 10 trade secrets) and the damages article's liability paragraph. Where our material
does not give the conduct article (the 1993 text; the 2025 general clause), ``conduct_article`` is
required.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from litigator.damages.model import ClaimHead, HeadInput, ProseSegment, PunitiveBlock
from litigator.forums.cn.citation import Provision, statute
from litigator.forums.cn.common import Ctx, evidence_text, fmt_factor, fmt_int, head, prose_facts
from litigator.forums.cn.scenario import UnfairCompetitionConfig
from litigator.money import format_amount, quantize


@dataclass
class AuclLaw:
    version: str
    article: Provision
    liability: Provision | None
    methods: Provision
    statutory: Provision | None
    cap: Decimal | None
    cap_ref: Provision | None
    statutory_conduct: list[str]
    punitive: tuple[Decimal, Decimal] | None
    punitive_ref: Provision | None
    conduct_articles: dict[str, int]

    @property
    def label(self) -> str:
        return statute("anti_unfair_competition_law").version(self.version).label or self.version


def aucl_law(ctx: Ctx) -> AuclLaw:
    cached = ctx.memo.get("aucl_law")
    if cached is not None:
        return cached  # type: ignore[return-value]
    law = ctx.law
    start, end, where = ctx.conduct_period()
    if end is None and ctx.case.conduct is not None and ctx.case.conduct.ongoing:
        end = law.filed
    gov = law.governing("aucl.damages_article", "aucl.straddle_rule", start, end, where, ctx.w,
                        "unfair-competition damages")
    on = gov.on
    v = gov.entry.value
    art = law.ref(gov.entry)
    cap = law.at("aucl.statutory_cap", on)
    pun = law.at("aucl.punitive_multiple", on)
    al = AuclLaw(
        version=art.version, article=art,
        liability=art.at(art.article, v["liability_paragraph"]) if v.get("liability_paragraph") else None,
        methods=art.at(art.article, v["methods_paragraph"]),
        statutory=art.at(art.article, v["statutory_paragraph"]) if v.get("statutory_paragraph") else None,
        cap=law.amount(cap) if cap.value is not None else None,
        cap_ref=law.ref(cap) if cap.ref else None,
        statutory_conduct=list(law.at("aucl.statutory_conduct", on).value or []),
        punitive=(Decimal(pun.value["min"]), Decimal(pun.value["max"])) if pun.value else None,
        punitive_ref=law.ref(pun) if pun.ref else None,
        conduct_articles=dict(law.at("aucl.conduct_articles", on).value or {}),
    )
    ctx.memo["aucl_law"] = al
    return al


def _amount(ctx: Ctx, cfg: UnfairCompetitionConfig, method: str):
    key = "unfair_competition"
    case = ctx.case
    if cfg.amount is not None:
        a = ctx.money(cfg.amount, key, "amount")
        src = cfg.evidence or ctx.src(key, "amount")
        if not cfg.evidence:
            ctx.w.add("PARAM_NO_EVIDENCE", f"scenarios.{ctx.name}.{key}.amount has no `evidence`")
        return a, f"{format_amount(a)}", [HeadInput(name=method, value=str(a), source=src)]
    if not case.products:
        raise ctx.error("give `amount`, or products with unit profits", key, "amount")
    if cfg.units is not None:
        units, usrc = cfg.units, cfg.evidence or ctx.src(key, "units")
    else:
        s = ctx.need_sales(key)
        units, usrc = s.totals.units, s.source_label()
    p = case.products[0]
    if len(case.products) > 1:
        raise ctx.error("with several products give `amount` (the loss or gain) with its evidence", key, "amount")
    profit = p.right_holder_unit_profit if method == "actual_loss" else p.infringer_unit_profit
    pname = "right_holder_unit_profit" if method == "actual_loss" else "infringer_unit_profit"
    if profit is None:
        raise ctx.error_at(f"the {method} method needs products[0].{pname} or unfair_competition.amount (the AUCL has "
                           "no fallback to the claimant's unit profit)", f"products[0].{pname}")
    a = ctx.money(units * profit, key)
    return a, f"{fmt_int(units)} × {format_amount(profit)} = {format_amount(a)}", [
        HeadInput(name="units", value=str(units), source=usrc),
        HeadInput(name=pname, value=str(quantize(profit)),
                  source=p.profit_evidence or f"case.yaml products[0].{pname}"),
    ]


def heads(ctx: Ctx) -> list[ClaimHead]:
    cfg = ctx.scenario.unfair_competition
    if cfg is None:
        return []
    ctx.regimes.append("unfair_competition")
    key = "unfair_competition"
    if "unfair_competition" not in ctx.case.claims:
        ctx.w.add("CLAIM_NOT_PLEADED",
                  f"scenario {ctx.name!r} claims unfair-competition damages "
                  "but `claims` does not list unfair_competition")
    al = aucl_law(ctx)
    m = cfg.punitive_multiple
    if m is not None:
        if al.punitive is None:
            raise ctx.error(f"punitive damages are not available under the {al.label} text that governs this conduct "
                            f"({ctx.cite(al.punitive_ref or al.methods)})", key, "punitive_multiple")
        if cfg.conduct != "trade_secret":
            raise ctx.error("AUCL punitive damages are only for malicious trade-secret infringement "
                            f"({ctx.cite(al.punitive_ref or al.methods)})", key, "punitive_multiple")
        low, high = al.punitive
        if not (low <= m <= high):
            raise ctx.error(f"punitive multiple {fmt_factor(m)} is outside {fmt_factor(low)}–{fmt_factor(high)} "
                            f"({ctx.cite(al.punitive_ref or al.methods)})", key, "punitive_multiple")
        if cfg.method == "statutory":
            raise ctx.error("statutory damages cannot be the base of punitive damages", key, "punitive_multiple")
    if cfg.method == "statutory":
        if al.cap is None or al.statutory is None:
            raise ctx.error(f"the {al.label} text that governs this conduct has no statutory damages "
                            f"({ctx.cite(al.article)})", key, "method")
        if cfg.statutory_amount > al.cap:
            raise ctx.error(f"statutory damages {format_amount(cfg.statutory_amount)} exceed the cap of "
                            f"{format_amount(al.cap)} of the {al.label} text that governs this conduct "
                            f"({ctx.cite(al.cap_ref or al.statutory)})", key, "statutory_amount")
        if cfg.conduct not in al.statutory_conduct:
            raise ctx.error(f"statutory damages are available only for {' and '.join(al.statutory_conduct)}, not for "
                            f"{cfg.conduct} ({ctx.cite(al.statutory)})", key, "method")
        marked = set(cfg.not_determinable)
        if not {"actual_loss", "infringer_gain"} <= marked:
            ctx.w.add("AUCL_STATUTORY_WITH_DATA",
                      "statutory damages apply only when both the loss and the infringer's gain are hard to determine "
                      f"({ctx.cite(al.statutory)}): mark both under unfair_competition.not_determinable with the "
                      "reason")
        amount = ctx.money(cfg.statutory_amount, key, "statutory_amount")
        formula = f"{format_amount(amount)}（法定赔偿，不超过{format_amount(al.cap)}）"
        inputs = [HeadInput(name="statutory_amount", value=str(amount), source=ctx.src(key, "statutory_amount"))]
        what = f"statutory damages set by the court from the circumstances, at most {format_amount(al.cap)}"
        damages_p = al.statutory
    else:
        if cfg.method == "infringer_gain" and "actual_loss" not in cfg.not_determinable and al.version != "2025":
            ctx.w.add("AUCL_METHOD_ORDER",
                      "the infringer's gain is the measure only when the claimant's actual loss is hard to calculate "
                      f"({ctx.cite(al.methods)}): mark actual_loss under unfair_competition.not_determinable with the "
                      "reason")
        amount, formula, inputs = _amount(ctx, cfg, cfg.method)
        what = "the claimant's actual loss" if cfg.method == "actual_loss" else "the infringer's gain from the conduct"
        damages_p = al.methods
    for e, why in cfg.not_determinable.items():
        inputs.append(HeadInput(name=f"not_determinable: {e}", value=why, source=ctx.src(key, "not_determinable", e)))
    article = cfg.conduct_article or al.conduct_articles.get(cfg.conduct)
    if article is None:
        raise ctx.error(f"the {al.label} text governs this conduct and our material does not give its article on "
                        f"{cfg.conduct} conduct: confirm it in the official text and set "
                        "unfair_competition.conduct_article (a number, e.g. 2)", key, "conduct_article")
    if cfg.conduct_article is not None and al.conduct_articles.get(cfg.conduct) not in (None, cfg.conduct_article):
        ctx.w.add("AUCL_CONDUCT_ARTICLE",
                  f"unfair_competition.conduct_article {cfg.conduct_article} differs from the article our material "
                  f"gives for {cfg.conduct} in the {al.label} text ({al.conduct_articles[cfg.conduct]}): the one you "
                  "gave is cited")
    ctx.liability["unfair_competition"] = [al.article.at(article)] + ([al.liability] if al.liability else [])
    ctx.expenses_basis["unfair_competition"] = [al.methods]
    basis = [damages_p]
    label = "经济损失"
    if m is not None:
        base, base_formula = amount, formula
        amount = ctx.money(base * m, key, "punitive_multiple")
        formula = f"({formula}) × {fmt_factor(m)} = {format_amount(amount)}"
        inputs.append(HeadInput(name="punitive_multiple", value=fmt_factor(m),
                                source=ctx.src(key, "punitive_multiple")))
        label = "经济损失（含惩罚性赔偿）"
        what += f", × {fmt_factor(m)} for intentional trade-secret infringement with serious circumstances"
        conduct = ctx.case.conduct
        ctx.punitive = PunitiveBlock(
            regime="trade_secret", base_method=cfg.method, base_label=BASE_LABEL[cfg.method], base=base,
            base_formula=base_formula,
            multiple=fmt_factor(m), reading="multiplied", damages=amount, damages_formula=formula,
            expenses=Decimal("0.00"), total=amount,
            intent_facts=evidence_text(conduct.intent) if conduct else [],
            serious_facts=evidence_text(conduct.serious) if conduct else [],
            basis=ctx.cite(al.punitive_ref or al.methods))
    caps = (f"; statutory damages up to {format_amount(al.cap)} only for {' and '.join(al.statutory_conduct)}"
            if al.cap is not None else "; no statutory damages")
    expl = (f"Unfair-competition damages ({format_amount(amount)}): {what}: {formula}. The {al.label} text governs the "
            f"conduct; its damages article ({ctx.cite(al.methods)}) measures damages by the claimant's actual loss, "
            f"else the infringer's gain, and adds the reasonable expenses{caps}"
            + (f"; {fmt_factor(al.punitive[0])}–{fmt_factor(al.punitive[1])}× only for malicious trade-secret "
               "infringement" if al.punitive else "")
            + f". Basis: {ctx.cite(*basis)}.")
    return [head("unfair_competition_damages", label, amount, ctx.case.currency, ctx.law, basis, formula, inputs,
                 expl)]


BASE_LABEL = {"actual_loss": "原告因被侵权所受到的实际损失", "infringer_gain": "被告因侵权所获得的利益"}


def _punitive_interp(ctx: Ctx) -> tuple[Provision, dict] | None:
    """The SPC interpretation on IP punitive damages in force at filing (its articles), if any."""
    try:
        entry = ctx.law.filing("ip.punitive_interpretation")
    except LookupError:
        return None
    return ctx.law.ref(entry), dict(entry.value)


def punitive_statement(p: PunitiveBlock, ctx: Ctx) -> list[ProseSegment]:
    """The 惩罚性赔偿 paragraph of a trade-secret claim (the punitive interpretation's article on the
    statement: amount, method, facts and reasons), each fact with its exhibit."""
    al = aucl_law(ctx)
    rule = ctx.cite(al.punitive_ref or al.methods)
    pi = _punitive_interp(ctx)

    def art(what: str) -> str:
        if pi is None:
            return ""
        base, arts = pi
        spec = arts[what]
        return ctx.cite(base.at(*spec) if isinstance(spec, list) else base.at(spec))

    base_formula = p.base_formula.replace(" × ", "×").replace(" = ", "=")
    text = (f"原告依据{rule}" + (f"、{art('statement')}" if pi else "") + "，明确惩罚性赔偿的数额、计算方式及所依据的"
            f"事实和理由如下：一、计算基数。以{p.base_label}为计算基数：{base_formula}元。"
            "该基数不包括原告为制止侵权行为所支付的合理开支" + (f"（{art('base')}）" if pi else "") + "。"
            f"二、倍数与数额。被告恶意侵犯原告商业秘密，情节严重，请求按计算基数的{p.multiple}倍确定赔偿数额："
            f"{format_amount(p.base)}×{p.multiple}={format_amount(p.damages)}元（{rule}"
            + (f"，{art('multiple')}" if pi else "") + "）。三、事实和理由。")
    segments: list[ProseSegment] = []
    conduct = ctx.case.conduct

    if conduct is not None and conduct.intent:
        text = prose_facts(text, "被告恶意侵权的事实：", conduct.intent, segments)
    else:
        ctx.w.add("PUNITIVE_NO_INTENT", "punitive damages for trade secrets need the facts of malice (conduct.intent): "
                                    "the statement pleads none")
    if conduct is not None and conduct.serious:
        text = prose_facts(text, "情节严重的事实：", conduct.serious, segments)
    text += f"四、合理开支另计{format_amount(p.expenses)}元，上述经济损失及合理开支合计{format_amount(p.total)}元。"
    segments.append(ProseSegment(text=text))
    return segments
