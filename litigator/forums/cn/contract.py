"""Platform v. seller in contract: loss heads and liquidated damages (违约金).

* Loss heads (``goodwill`` and ``losses``): Civil Code Arts. 577, 584; the SPC contract
  interpretation Art. 62 (the breaching party's gain as a measure when lost profit cannot be fixed)
  and Art. 63 (foreseeability; payouts to third parties).
* 违约金 (``liquidated_damages``): Civil Code Art. 585; Interp. Art. 65 (above 30% over the loss is
  generally "excessive"; a party in malicious breach is generally refused a reduction).
"""

from __future__ import annotations

from decimal import Decimal

from litigator.damages.model import ClaimHead, HeadInput
from litigator.forums.cn.common import (
    CC,
    CONTRACT_INTERP,
    D0,
    Ctx,
    fmt_factor,
    fmt_int,
    head,
)
from litigator.forums.cn.scenario import GoodwillConfig
from litigator.money import format_amount, quantize

SALES_METHODS = ("revenue_multiple", "profit_margin", "per_order", "per_customer")

LABELS = {
    "goodwill_loss": "商誉损失",
    "governance_cost": "打假治理成本",
    "compensation_paid": "对外赔付损失",
    "direct_loss": "直接经济损失",
    "liquidated_damages": "违约金",
}
# Words in the agreement's clauses that show a kind of loss was foreseen when the seller accepted it.
FORESEEN_BY = {
    "goodwill_loss": ("商誉",),
    "governance_cost": ("打假", "治理", "调查", "取证", "维权"),
    "compensation_paid": ("赔偿金", "和解款", "赔付", "先行赔付"),
    "direct_loss": ("直接经济损失", "直接损失"),
}
CONTRACT_BASIS = f"{CC}第五百七十七条、第五百八十四条"
TORT_BASIS = f"{CC}第一百一十条第二款、第一千一百六十五条、第一千一百八十二条"
LD_BASIS = f"{CC}第五百七十七条、第五百八十五条第一款"
LD_RATIO = Decimal("1.3")
# Liability (the wrongful act): the agreement binds (465), must be performed (509), breach → liability (577);
# in tort, a legal person's reputation right (110 ¶2) and fault liability (1165). law.md §1.
CONTRACT_LIABILITY = [f"{CC}第四百六十五条", f"{CC}第五百零九条", f"{CC}第五百七十七条"]
TORT_LIABILITY = [f"{CC}第一百一十条第二款", f"{CC}第一千一百六十五条"]


def _in_tort(ctx: Ctx) -> bool:
    return "goodwill_tort" in ctx.case.claims and "breach_of_contract" not in ctx.case.claims


def _loss_head(ctx: Ctx, g: GoodwillConfig, key: str) -> ClaimHead:
    cur = ctx.case.currency
    src = ctx.src(key)
    code = g.head_code
    label = g.label or LABELS[code]
    m = g.method
    extra_basis = ""
    if m in ("revenue_multiple", "profit_margin"):
        s = ctx.need_sales(key)
        factor = g.multiple if m == "revenue_multiple" else g.margin
        amount = ctx.money(s.totals.net * factor, key)
        formula = f"{format_amount(s.totals.net)} × {fmt_factor(factor)} = {format_amount(amount)}"
        pname = "multiple" if m == "revenue_multiple" else "margin"
        inputs = [HeadInput(name="net_revenue", value=str(quantize(s.totals.net)), source=s.source_label()),
                  HeadInput(name=pname, value=fmt_factor(factor), source=src)]
        if m == "profit_margin":
            extra_basis = f"；{CONTRACT_INTERP}第六十二条"
            what = (f"the seller's gain from the breach, measured as its net counterfeit revenue "
                    f"{format_amount(s.totals.net)} × a profit margin of {fmt_factor(factor)}; the SPC contract "
                    "interpretation Art. 62 lets the court look to the breaching party's gain when the "
                    "platform's own lost profit cannot be fixed")
        else:
            what = (f"the seller's net counterfeit revenue {format_amount(s.totals.net)} × {fmt_factor(factor)} "
                    "as a measure of the harm to the platform's goodwill; no statute fixes this multiple, so it is "
                    "an argument for the court's discretion, not a rule")
    elif m == "per_order":
        s = ctx.need_sales(key)
        amount = ctx.money(s.totals.orders * g.amount_per_order, key)
        formula = f"{fmt_int(s.totals.orders)} × {format_amount(g.amount_per_order)} = {format_amount(amount)}"
        inputs = [HeadInput(name="orders", value=str(s.totals.orders), source=s.source_label()),
                  HeadInput(name="amount_per_order", value=str(quantize(g.amount_per_order)), source=src)]
        what = (f"{fmt_int(s.totals.orders)} counterfeit orders × {format_amount(g.amount_per_order)} per order "
                "(e.g. the platform's cost of handling one counterfeit order)")
    elif m == "per_customer":
        s = ctx.need_sales(key)
        if s.totals.customers <= 0:
            raise ctx.error("per_customer needs the number of distinct buyers, and the sales data show none "
                            "(map a buyer column in the sales profile)", key)
        amount = ctx.money(s.totals.customers * g.value_per_customer, key)
        formula = (f"{fmt_int(s.totals.customers)} × {format_amount(g.value_per_customer)} = "
                   f"{format_amount(amount)}")
        inputs = [HeadInput(name="customers", value=str(s.totals.customers), source=s.source_label()),
                  HeadInput(name="value_per_customer", value=str(quantize(g.value_per_customer)), source=src)]
        what = (f"{fmt_int(s.totals.customers)} distinct buyers reached × {format_amount(g.value_per_customer)}, "
                "the value of one active user (the method Taobao argued in the Royal Canin case against Yao; the "
                "court did not adopt it and set 100,000 at its discretion)")
    elif m == "compensation_paid":
        amount = ctx.money(g.amount, key)
        formula = f"{format_amount(amount)}（已对外支付）"
        inputs = [HeadInput(name="amount", value=str(amount), source=g.evidence or src)]
        extra_basis = f"；{CONTRACT_INTERP}第六十三条第二款"
        what = (f"{format_amount(amount)} the platform paid to buyers of the counterfeits; the SPC contract "
                "interpretation Art. 63 ¶2 allows costs owed to third parties that were foreseeable at signing")
    else:  # fixed
        amount = ctx.money(g.amount, key)
        formula = f"{format_amount(amount)}（固定数额）"
        inputs = [HeadInput(name="amount", value=str(amount), source=src)]
        what = f"a fixed sum of {format_amount(amount)} put to the court's discretion"
    if g.evidence:
        inputs.append(HeadInput(name="evidence", value=g.evidence, source=g.evidence))
    elif m != "revenue_multiple":
        ctx.w.add("PARAM_NO_EVIDENCE",
                  f"scenarios.{ctx.name}.{key} ({m}) has no `evidence`: the figure is an assertion until an "
                  "exhibit supports it (the party asserting it bears the burden of proof)")
    if _in_tort(ctx):
        basis = TORT_BASIS
        rule = ("In tort (Civil Code Arts. 110 ¶2, 1165, 1182), a legal person's reputation is protected and its "
                "property loss compensated; if neither loss nor gain can be fixed the court sets the sum.")
    else:
        basis = CONTRACT_BASIS + extra_basis
        rule = ("In contract, Civil Code Art. 577 makes the seller liable for breaching the platform agreement and "
                "Art. 584 measures the damages by the loss caused, capped at what the seller could foresee when "
                "it accepted the agreement.")
    explanation = f"{label} ({format_amount(amount)}): {what}. {rule} Basis: {basis}."
    _contract_warnings(ctx, code, label, key)
    return head(code, label, amount, cur, basis, formula, inputs, explanation)


def _contract_warnings(ctx: Ctx, code: str, label: str, key: str) -> None:
    case = ctx.case
    if not _in_tort(ctx):
        clauses = " ".join(case.agreement.clauses) if case.agreement else ""
        words = FORESEEN_BY.get(code, ())
        if not case.agreement:
            ctx.w.add("FORESEEABILITY",
                      f"{label} ({key}): no `agreement:` is given, so nothing shows the seller could foresee this "
                      "loss when it signed; plead the clause that names it")
        elif words and not any(wd in clauses for wd in words):
            ctx.w.add("FORESEEABILITY",
                      f"{label} ({key}): none of the agreement's quoted clauses names this kind of loss "
                      f"({'/'.join(words)}); the seller will argue it was not foreseeable at signing")
    if code == "governance_cost":
        ctx.w.add("GOVERNANCE_CONTESTED",
                  f"{label} ({key}): the first-instance court in Taobao v. Xu (fake Wuliangye) reduced the award "
                  "because the platform's anti-counterfeiting costs should not be shifted to the counterfeiter; "
                  "Taobao appealed and the outcome was not found — expect the point to be argued")
    if case.related_awards:
        paid = ", ".join(f"{a.claimant} {format_amount(a.amount)}" for a in case.related_awards)
        ctx.w.add("DOUBLE_RECOVERY",
                  f"the seller already paid for the same sales ({paid}); in Taobao v. Xu the court reduced the "
                  "platform's award because the seller had paid the brand owner 70,000 — argue why this loss is "
                  "the platform's own")


def _liquidated(ctx: Ctx, loss_heads: list[ClaimHead]) -> ClaimHead | None:
    ld = ctx.scenario.liquidated_damages
    if ld is None:
        return None
    key = "liquidated_damages"
    src = ctx.src(key)
    agreement = ctx.case.agreement
    exhibit = ld.evidence or (agreement.exhibit if agreement else None)
    if ld.method == "fixed":
        amount = ctx.money(ld.amount, key)
        formula = f"{format_amount(amount)}（约定数额）"
        inputs = [HeadInput(name="agreed_sum", value=str(amount), source=exhibit or src)]
        what = f"the agreed sum of {format_amount(amount)}"
    else:
        s = ctx.need_sales(key)
        base = s.totals.net if ld.sales_base == "net" else s.totals.gross
        amount = ctx.money(base * ld.multiple, key)
        formula = f"{format_amount(base)} × {fmt_factor(ld.multiple)} = {format_amount(amount)}"
        inputs = [HeadInput(name=f"{ld.sales_base}_counterfeit_sales", value=str(quantize(base)),
                            source=s.source_label()),
                  HeadInput(name="multiple", value=fmt_factor(ld.multiple), source=exhibit or src)]
        what = (f"{fmt_factor(ld.multiple)} × the {ld.sales_base} counterfeit sales of {format_amount(base)}, as the "
                "clause provides (Pinduoduo's 10× clause was upheld by the Shanghai Changning court)")
    if ld.clause:
        inputs.append(HeadInput(name="clause", value=ld.clause, source=exhibit or src))
    if not exhibit:
        ctx.w.add("PARAM_NO_EVIDENCE", f"scenarios.{ctx.name}.{key}: no exhibit of the clause (set `evidence` or "
                                       "agreement.exhibit)")
    # Art. 65: the 30% test against the provable loss.
    if ld.provable_loss is not None:
        loss = quantize(ld.provable_loss)
        loss_src = ld.provable_loss_evidence or ctx.src(key, "provable_loss")
    else:
        loss = quantize(sum((h.amount for h in loss_heads), D0))
        loss_src = "the scenario's loss heads"
    if loss <= 0:
        ctx.w.add("LD_NO_LOSS_BASIS",
                  f"违约金 {format_amount(amount)}: no provable loss is given (set liquidated_damages.provable_loss "
                  "or claim a loss head), so the 30% test cannot be run; the defendant may ask for a reduction and "
                  "the court weighs the claim against the Civil Code Art. 584 loss")
    elif amount > loss * LD_RATIO:
        malice = ctx.case.conduct is not None and (ctx.case.conduct.knowledge or ctx.case.conduct.intent)
        tail = ("the seller's knowledge is pleaded (conduct.knowledge/intent): plead malicious breach, since a party "
                "in malicious breach is generally refused a reduction (Art. 65 ¶3), as JD's 1,000,000 违约金 was "
                "upheld against a knowing counterfeiter (Beijing Daxing court, 2020)" if malice else
                "unless malicious breach is shown (Art. 65 ¶3: a party in malicious breach is generally refused a "
                "reduction; add the evidence under conduct.knowledge)")
        ctx.w.add("LD_EXCESSIVE",
                  f"违约金 {format_amount(amount)} exceeds 1.3 × the provable loss {format_amount(loss)} "
                  f"(= {format_amount(quantize(loss * LD_RATIO))}, from {loss_src}): a court may treat it as "
                  f"excessive and reduce it on the seller's request, {tail}")
    if loss_heads:
        ctx.w.add("LD_WITH_LOSS",
                  "违约金 and loss heads (" + ", ".join(h.label for h in loss_heads) + ") are claimed together for "
                  "the same breach: 违约金 stands in for the loss and is adjusted against it, so courts rarely "
                  "award both in full; keep one, or plead that the clause covers a different loss")
    explanation = (f"违约金 ({format_amount(amount)}): {what}. Civil Code Art. 585 ¶1 lets the parties agree a sum "
                   "or a method for damages; under ¶2 the court may reduce a sum 过分高于 the loss, and the SPC "
                   "contract interpretation Art. 65 treats more than 30% above the loss as generally excessive, "
                   "while a party in malicious breach is generally refused a reduction. "
                   f"Basis: {LD_BASIS}.")
    return head("liquidated_damages", LABELS["liquidated_damages"], amount, ctx.case.currency, LD_BASIS, formula,
                inputs, explanation)


def heads(ctx: Ctx) -> list[ClaimHead]:
    sc = ctx.scenario
    configs = [("goodwill", sc.goodwill)] if sc.goodwill else []
    configs += [(f"losses[{i}]", g) for i, g in enumerate(sc.losses)]
    if not configs and sc.liquidated_damages is None:
        return []
    ctx.regimes.append("contract")
    ctx.liability["contract"] = TORT_LIABILITY if _in_tort(ctx) else CONTRACT_LIABILITY
    if not ({"breach_of_contract", "goodwill_tort"} & set(ctx.case.claims)):
        ctx.w.add("CLAIM_NOT_PLEADED",
                  f"scenario {ctx.name!r} claims contract losses but `claims` lists neither breach_of_contract "
                  "nor goodwill_tort")
    if _in_tort(ctx) and sc.liquidated_damages is not None:
        ctx.w.add("CLAIM_NOT_PLEADED",
                  "违约金 is a contract remedy but the case is pleaded in tort (goodwill_tort): Civil Code Art. 186 "
                  "makes you choose; claim breach_of_contract to ask for it")
    loss_heads = [_loss_head(ctx, g, key) for key, g in configs]
    out = list(loss_heads)
    ld = _liquidated(ctx, loss_heads)
    if ld is not None:
        out.append(ld)
    return out
