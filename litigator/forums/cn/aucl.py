"""Unfair competition: Anti-Unfair Competition Law damages.

2019 text, Art. 17 ¶3: the claimant's actual loss; if hard to calculate, the infringer's gain;
plus reasonable expenses; punitive 1–5× only for malicious trade-secret infringement. ¶4: statutory
damages up to 5,000,000 only for confusion (Art. 6) and trade secrets (Art. 9).

Conduct on or after 2025-10-15 falls under the 2025 revision. Its damages article is probably
Art. 22, but that number and the wording are NOT verified in our material
(/work/shared/domain/cn/aucl-2025.md). The engine therefore cites no 2025 article of its own: the
user confirms the number in the official text and sets ``unfair_competition.article_2025``; without
it the engine stops with a DamagesError. With it, the article is cited as given and the warning
``AUCL_2025_UNVERIFIED`` stays. The 2019 limits are applied with a warning rather than an error for
such conduct.

Liability (the wrongful act): the conduct article (2019: Art. 6 confusion, Art. 8 false advertising,
Art. 9 trade secrets, Art. 2 other) and Art. 17 ¶1 (civil liability); for the 2025 text the conduct
article (Art. 7 confusion, Art. 9 false advertising per aucl-2025.md §1; ``conduct_article_2025``
overrides, and is required for trade secrets and other conduct).
"""

from __future__ import annotations

from decimal import Decimal

from litigator.damages.model import ClaimHead, HeadInput
from litigator.forums.cn.common import (
    AUCL,
    AUCL_2025,
    AUCL_2025_IN_FORCE,
    STATUTORY_CAP,
    Ctx,
    fmt_factor,
    fmt_int,
    head,
)
from litigator.forums.cn.scenario import UnfairCompetitionConfig
from litigator.money import format_amount, quantize

AUCL_2019 = f"{AUCL}（2019年修正）"
BASIS_2019 = f"{AUCL_2019}第十七条"
STATUTORY_CONDUCT = ("confusion", "trade_secret")
# The conduct articles (liability basis). 2019: the statute text (statutes/反不正当竞争法(2019-04-23).md).
CONDUCT_ARTICLE_2019 = {"confusion": "第六条", "false_advertising": "第八条", "trade_secret": "第九条",
                        "other": "第二条"}
# 2025: only the renumberings aucl-2025.md §1 lists as verified; others must be given.
CONDUCT_ARTICLE_2025 = {"confusion": "第七条", "false_advertising": "第九条"}


def _versions(ctx: Ctx) -> tuple[bool, bool]:
    """(2019 text applies, 2025 text applies) by the conduct period."""
    start, end, where = ctx.conduct_period()
    if start is None and end is None:
        ctx.w.add("AUCL_CONDUCT_DATES",
                  "no conduct dates (conduct.start/end) and no sales period: the 2019 text is assumed; conduct on or "
                  "after 2025-10-15 falls under the 2025 revision")
        return True, False
    old = start is None or start < AUCL_2025_IN_FORCE
    new = (end or start) >= AUCL_2025_IN_FORCE or (
        end is None and ctx.case.conduct is not None and ctx.case.conduct.ongoing)
    return old, new


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
    old, new = _versions(ctx)
    m = cfg.punitive_multiple
    if m is not None:
        if cfg.conduct != "trade_secret":
            raise ctx.error("AUCL punitive damages are only for malicious trade-secret infringement "
                            f"({BASIS_2019}第三款)", key, "punitive_multiple")
        if not (Decimal(1) <= m <= Decimal(5)):
            raise ctx.error(f"punitive multiple {fmt_factor(m)} is outside 1–5 ({BASIS_2019}第三款)", key,
                            "punitive_multiple")
        if cfg.method == "statutory":
            raise ctx.error("statutory damages cannot be the base of punitive damages", key, "punitive_multiple")
    if cfg.method == "statutory":
        if cfg.statutory_amount > STATUTORY_CAP:
            raise ctx.error(f"statutory damages {format_amount(cfg.statutory_amount)} exceed the cap of 5,000,000.00 "
                            f"({BASIS_2019}第四款)", key, "statutory_amount")
        if cfg.conduct not in STATUTORY_CONDUCT:
            if old:
                raise ctx.error(f"statutory damages are available only for confusion (Art. 6) and trade secrets "
                                f"(Art. 9), not for {cfg.conduct} ({BASIS_2019}第四款)", key, "method")
            ctx.w.add("AUCL_2025_UNVERIFIED",
                      f"statutory damages for {cfg.conduct}: the 2019 text allowed them only for confusion and trade "
                      "secrets; whether the 2025 revision extends them is not verified — check the official text")
        marked = set(cfg.not_determinable)
        if not {"actual_loss", "infringer_gain"} <= marked:
            ctx.w.add("AUCL_STATUTORY_WITH_DATA",
                      "statutory damages apply only when both the loss and the infringer's gain are hard to determine: "
                      "mark both under unfair_competition.not_determinable with the reason")
        amount = ctx.money(cfg.statutory_amount, key, "statutory_amount")
        formula = f"{format_amount(amount)}（法定赔偿，不超过5,000,000.00）"
        inputs = [HeadInput(name="statutory_amount", value=str(amount), source=ctx.src(key, "statutory_amount"))]
        what = "statutory damages set by the court from the circumstances, at most 5,000,000"
        para = "第四款"
    else:
        if cfg.method == "infringer_gain" and "actual_loss" not in cfg.not_determinable:
            ctx.w.add("AUCL_METHOD_ORDER",
                      "the infringer's gain is the measure only when the claimant's actual loss is hard to calculate: "
                      "mark actual_loss under unfair_competition.not_determinable with the reason")
        amount, formula, inputs = _amount(ctx, cfg, cfg.method)
        what = "the claimant's actual loss" if cfg.method == "actual_loss" else "the infringer's gain from the conduct"
        para = "第三款"
    for e, why in cfg.not_determinable.items():
        inputs.append(HeadInput(name=f"not_determinable: {e}", value=why, source=ctx.src(key, "not_determinable", e)))
    bases = []
    liability = []
    if old:
        bases.append(BASIS_2019 + para)
        liability += [AUCL_2019 + CONDUCT_ARTICLE_2019[cfg.conduct], BASIS_2019 + "第一款"]
    if new:
        start, end, where = ctx.conduct_period()
        runs_to = (end or start).isoformat() if (end or start) else "the present"
        if cfg.article_2025 is None:
            raise ctx.error(
                f"the conduct runs to {runs_to} ({where}), on or after 2025-10-15, so the 2025 revised AUCL applies; "
                "its damages article (probably 第二十二条) is NOT verified in our material: confirm the article number "
                "against the official text (npc.gov.cn / flk.npc.gov.cn) and set unfair_competition.article_2025, "
                "e.g. \"第二十二条\"", key, "article_2025")
        bases.append(AUCL_2025 + cfg.article_2025)
        conduct_article = cfg.conduct_article_2025 or CONDUCT_ARTICLE_2025.get(cfg.conduct)
        if conduct_article is None:
            raise ctx.error(
                f"the 2025 revised AUCL applies and its article on {cfg.conduct} conduct is not verified in our "
                "material: confirm it against the official text and set unfair_competition.conduct_article_2025",
                key, "conduct_article_2025")
        liability.append(AUCL_2025 + conduct_article)
        ctx.w.add("AUCL_2025_UNVERIFIED",
                  f"conduct runs to {runs_to} ({where}), on or after 2025-10-15, "
                  "when the revised AUCL came into force: "
                  f"its damages article is cited as {cfg.article_2025}, "
                  "as given in unfair_competition.article_2025, and "
                  f"the conduct article as {conduct_article}"
                  + ("" if cfg.conduct_article_2025 else " (renumbering reported by commentary, aucl-2025.md)")
                  + "; our material does not verify the damages article's number and wording — keep the check "
                  "against the official text on file"
                  + ("; conduct before that date stays under the 2019 text, Art. 17" if old else ""))
    elif cfg.article_2025 is not None or cfg.conduct_article_2025 is not None:
        ctx.w.add("AUCL_2025_NOT_APPLIED",
                  "unfair_competition.article_2025 / conduct_article_2025 are set but the conduct ends before "
                  "2025-10-15: only the 2019 text applies and they are not cited")
    ctx.liability["unfair_competition"] = liability
    basis = "；".join(bases)
    ctx.aucl_expenses_basis = "；".join(
        ([BASIS_2019 + "第三款"] if old else []) + ([AUCL_2025 + cfg.article_2025] if new else []))
    label = "经济损失"
    if m is not None:
        base = amount
        amount = ctx.money(base * m, key, "punitive_multiple")
        formula = f"({formula}) × {fmt_factor(m)} = {format_amount(amount)}"
        inputs.append(HeadInput(name="punitive_multiple", value=fmt_factor(m),
                                source=ctx.src(key, "punitive_multiple")))
        label = "经济损失（含惩罚性赔偿）"
        what += f", × {fmt_factor(m)} for malicious trade-secret infringement with serious circumstances"
    expl = (f"Unfair-competition damages ({format_amount(amount)}): {what}: {formula}. The AUCL (2019 text, Art. 17) "
            "measures damages by the claimant's actual loss, else the infringer's gain, adds the reasonable expenses, "
            "allows 1–5× only for malicious trade-secret infringement, and statutory damages up to 5,000,000 only for "
            "confusion and trade secrets."
            + (f" Conduct from 2025-10-15 falls under the 2025 revision; its damages article is cited as "
               f"{cfg.article_2025} as you confirmed it, which our material does not verify." if new else "")
            + f" Basis: {basis}.")
    return [head("unfair_competition_damages", label, amount, ctx.case.currency, basis, formula, inputs, expl)]
