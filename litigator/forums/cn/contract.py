"""Platform v. seller in contract: loss heads and liquidated damages (违约金), under the contract law in
force for the conduct (law.yaml ``contract.*``): the 合同法 for facts before 2021-01-01, the Civil Code
after (a fact continuing past that date falls under the Civil Code, 法释〔2020〕15号 Art. 1(3)).

* Loss heads (``goodwill`` and ``losses``): liability and loss articles (合同法 Arts. 107, 113 /
  Civil Code Arts. 577, 584); for Civil Code facts the SPC contract interpretation (2023) Art. 62
  (the breaching party's gain as a measure) and Art. 63 (foreseeability; payouts to third parties).
* 违约金 (``liquidated_damages``): 合同法 Art. 114 / Civil Code Art. 585; the 30 % guideline of the
  interpretation in force (2009: Art. 29, on the actual loss; 2023: Art. 65, on the Art. 584 loss, with
  its malicious-breach rule).
* In tort (``goodwill_tort``): the Civil Code's reputation, fault and property-loss articles; conduct
  that ended before 2021-01-01 falls under older texts our material does not map (a warning).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from litigator.damages.model import ClaimHead, HeadInput
from litigator.forums.cn.citation import Provision
from litigator.forums.cn.common import D0, Ctx, fmt_factor, fmt_int, head, pleaded_in_tort
from litigator.forums.cn.scenario import GoodwillConfig
from litigator.money import format_amount, quantize

# In contract, the reasonable costs of preventing the loss from spreading (test purchases, notarisation,
# investigation) are borne by the breaching party (the mitigation article, ¶2; docs/damages-cn.md).
MITIGATION_KINDS = ("test_purchase", "notarization", "investigation")
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


@dataclass
class ContractLaw:
    """The contract (or tort) texts that govern one scenario."""

    civil_code: bool
    binding: Provision
    performance: Provision
    liability: Provision
    loss: Provision
    liquidated: Provision
    mitigation: Provision
    gain_measure: Provision | None
    third_party_costs: Provision | None
    ld_ratio: Decimal | None
    ld_base: str | None
    ld_ref: Provision | None
    ld_malice: Provision | None
    tort: list[Provision]


def contract_law(ctx: Ctx) -> ContractLaw:
    cached = ctx.memo.get("contract_law")
    if cached is not None:
        return cached  # type: ignore[return-value]
    law = ctx.law
    start, end, where = ctx.conduct_period()
    subject = "the goodwill claim in tort" if _in_tort(ctx) else "the contract claim"
    gov = law.governing("contract.articles", "contract.straddle_rule", start, end, where, ctx.w, subject)
    v = gov.entry.value
    base = Provision(v["statute"], v["version"])
    civil = v["statute"] == "civil_code"
    # Interpretations: for Civil Code facts, the one in force on the filing date; before, the one in force then.
    ld_on = law.filed if civil else gov.on
    first_ld = law.book.history("contract.ld_excessive")[0].start
    ld = law.at("contract.ld_excessive", ld_on) if ld_on >= first_ld else None
    gain = third = None
    if civil and law.filed >= law.book.history("contract.gain_measure")[0].start:
        gain = law.ref(law.filing("contract.gain_measure"))
        third = law.ref(law.filing("contract.foreseeable_third_party_costs"))
    ld_ref = law.ref(ld) if ld is not None and ld.value else None
    malice = (ld_ref.at(ld_ref.article, ld.value["malice_paragraph"])
              if ld_ref is not None and ld.value.get("malice_paragraph") else None)
    tort_entry = law.at("tort.reputation_articles", max(end or law.filed, law.book.history(
        "tort.reputation_articles")[0].start))
    t = tort_entry.value
    tort_p = law.ref(tort_entry)
    tort = [tort_p.at(t["reputation"][0], t["reputation"][1]), tort_p.at(t["fault"]), tort_p.at(t["property_loss"])]
    if _in_tort(ctx) and (end or law.filed) < tort_entry.start:
        ctx.w.add("LAW_VERSION_UNMAPPED",
                  f"the conduct ({where}) ended before {tort_entry.start.isoformat()}: the texts then in force govern "
                  "the tort (民法通则 / 侵权责任法), and our material does not map their articles; the Civil Code "
                  "articles are cited — replace them before filing")
    cl = ContractLaw(
        civil_code=civil, binding=base.at(v["binding"]), performance=base.at(v["performance"]),
        liability=base.at(v["liability"]), loss=base.at(v["loss"]), liquidated=base.at(v["liquidated"], 1),
        mitigation=base.at(v["mitigation"], 2), gain_measure=gain, third_party_costs=third,
        ld_ratio=Decimal(ld.value["ratio"]) if ld is not None and ld.value else None,
        ld_base=ld.value["base"] if ld is not None and ld.value else None, ld_ref=ld_ref, ld_malice=malice,
        tort=tort)
    ctx.memo["contract_law"] = cl
    return cl


def contract_liability(cl: ContractLaw) -> list[Provision]:
    """The agreement binds, must be performed, and breach brings liability."""
    return [cl.binding, cl.performance, cl.liability]


def tort_liability(cl: ContractLaw) -> list[Provision]:
    """A legal person's reputation right and fault liability."""
    return cl.tort[:2]


def _in_tort(ctx: Ctx) -> bool:
    return pleaded_in_tort(ctx.case)


def _loss_head(ctx: Ctx, g: GoodwillConfig, key: str) -> ClaimHead:
    cur = ctx.case.currency
    src = ctx.src(key)
    code = g.head_code
    label = g.label or LABELS[code]
    m = g.method
    cl = contract_law(ctx)
    extra_basis: list[Provision] = []
    if m in ("revenue_multiple", "profit_margin"):
        s = ctx.need_sales(key)
        factor = g.multiple if m == "revenue_multiple" else g.margin
        amount = ctx.money(s.totals.net * factor, key)
        formula = f"{format_amount(s.totals.net)} × {fmt_factor(factor)} = {format_amount(amount)}"
        pname = "multiple" if m == "revenue_multiple" else "margin"
        inputs = [HeadInput(name="net_revenue", value=str(quantize(s.totals.net)), source=s.source_label()),
                  HeadInput(name=pname, value=fmt_factor(factor), source=src)]
        if m == "profit_margin":
            extra_basis = [cl.gain_measure] if cl.gain_measure else []
            what = (f"the seller's gain from the breach, measured as its net counterfeit revenue "
                    f"{format_amount(s.totals.net)} × a profit margin of {fmt_factor(factor)}"
                    + (f"; {ctx.cite(cl.gain_measure)} lets the court look to the breaching party's gain when the "
                       "platform's own lost profit cannot be fixed" if cl.gain_measure else
                       "; no interpretation in force for this conduct makes the breaching party's gain a measure, "
                       "so it is an argument for the court's discretion"))
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
        extra_basis = [cl.third_party_costs] if cl.third_party_costs else []
        what = (f"{format_amount(amount)} the platform paid to buyers of the counterfeits"
                + (f"; {ctx.cite(cl.third_party_costs)} allows costs owed to third parties that were foreseeable "
                   "at signing" if cl.third_party_costs else ", a loss caused by the breach"))
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
        basis = list(cl.tort)
        rule = (f"In tort ({ctx.cite(*cl.tort)}), a legal person's reputation is protected and its property loss "
                "compensated; if neither loss nor gain can be fixed the court sets the sum.")
    else:
        basis = [cl.liability, cl.loss, *extra_basis]
        rule = (f"In contract, {ctx.cite(cl.liability)} makes the seller liable for breaching the platform agreement "
                f"and {ctx.cite(cl.loss)} measures the damages by the loss caused, capped at what the seller could "
                "foresee when it accepted the agreement.")
    explanation = f"{label} ({format_amount(amount)}): {what}. {rule} Basis: {ctx.cite(*basis)}."
    _contract_warnings(ctx, code, label, key)
    return head(code, label, amount, cur, ctx.law, basis, formula, inputs, explanation)


def _contract_warnings(ctx: Ctx, code: str, label: str, key: str) -> None:
    case = ctx.case
    if not _in_tort(ctx):
        cl = contract_law(ctx)
        rule = ctx.cite(cl.loss)
        clauses = " ".join(case.agreement.clauses) if case.agreement else ""
        words = FORESEEN_BY.get(code, ())
        if not case.agreement:
            ctx.w.add("FORESEEABILITY",
                      f"{label} ({key}): no `agreement:` is given, so nothing shows the seller could foresee this "
                      f"loss when it signed ({rule}); plead the clause that names it")
        elif words and not any(wd in clauses for wd in words):
            ctx.w.add("FORESEEABILITY",
                      f"{label} ({key}): none of the agreement's quoted clauses names this kind of loss "
                      f"({'/'.join(words)}); the seller will argue it was not foreseeable at signing ({rule})")
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
    cl = contract_law(ctx)
    # The 30 % guideline of the interpretation in force, against the provable loss.
    if ld.provable_loss is not None:
        loss = quantize(ld.provable_loss)
        loss_src = ld.provable_loss_evidence or ctx.src(key, "provable_loss")
    else:
        loss = quantize(sum((h.amount for h in loss_heads), D0))
        loss_src = "the scenario's loss heads"
    if cl.ld_ratio is None:
        ctx.w.add("LD_NO_GUIDELINE",
                  f"违约金 {format_amount(amount)}: no interpretation in force for this conduct and filing date gives "
                  f"the 30 % guideline; the court weighs the clause against the loss under {ctx.cite(cl.liquidated)}")
    elif loss <= 0:
        ctx.w.add("LD_NO_LOSS_BASIS",
                  f"违约金 {format_amount(amount)}: no provable loss is given (set liquidated_damages.provable_loss "
                  "or claim a loss head), so the 30% test cannot be run; the defendant may ask for a reduction and "
                  f"the court weighs the claim against the loss ({ctx.cite(cl.ld_ref)})")
    elif amount > loss * cl.ld_ratio:
        malice = ctx.case.conduct is not None and (ctx.case.conduct.knowledge or ctx.case.conduct.intent)
        if cl.ld_malice is not None:
            rule = f"a party in malicious breach is generally refused a reduction ({ctx.cite(cl.ld_malice)})"
            tail = ("the seller's knowledge is pleaded (conduct.knowledge/intent): plead malicious breach, since "
                    f"{rule}, as JD's 1,000,000 违约金 was upheld against a knowing counterfeiter "
                    "(Beijing Daxing court, 2020)"
                    if malice else f"unless malicious breach is shown ({rule}; add the evidence under "
                    "conduct.knowledge)")
        else:
            tail = "weighing the loss, the performance, fault and expected benefits"
        ctx.w.add("LD_EXCESSIVE",
                  f"违约金 {format_amount(amount)} exceeds {fmt_factor(cl.ld_ratio)} × the provable loss "
                  f"{format_amount(loss)} (= {format_amount(quantize(loss * cl.ld_ratio))}, from {loss_src}; "
                  f"{ctx.cite(cl.ld_ref)}): a court may treat it as excessive and reduce it on the seller's "
                  f"request, {tail}")
    if loss_heads:
        ctx.w.add("LD_WITH_LOSS",
                  "违约金 and loss heads (" + ", ".join(h.label for h in loss_heads) + ") are claimed together for "
                  "the same breach: 违约金 stands in for the loss and is adjusted against it, so courts rarely "
                  "award both in full; keep one, or plead that the clause covers a different loss")
    basis = [cl.liability, cl.liquidated]
    guideline = (f", and {ctx.cite(cl.ld_ref)} treats more than {fmt_factor((cl.ld_ratio - 1) * 100)}% above the "
                 "loss as generally excessive" if cl.ld_ratio is not None and cl.ld_ref is not None else "")
    explanation = (f"违约金 ({format_amount(amount)}): {what}. {ctx.cite(cl.liquidated)} lets the parties agree a sum "
                   f"or a method for damages, and the court may reduce a sum 过分高于 the loss on request{guideline}. "
                   f"Basis: {ctx.cite(*basis)}.")
    return head("liquidated_damages", LABELS["liquidated_damages"], amount, ctx.case.currency, ctx.law, basis,
                formula, inputs, explanation)


def heads(ctx: Ctx) -> list[ClaimHead]:
    sc = ctx.scenario
    configs = [("goodwill", sc.goodwill)] if sc.goodwill else []
    configs += [(f"losses[{i}]", g) for i, g in enumerate(sc.losses)]
    if not configs and sc.liquidated_damages is None:
        return []
    ctx.regimes.append("contract")
    cl = contract_law(ctx)
    ctx.liability["contract"] = tort_liability(cl) if _in_tort(ctx) else contract_liability(cl)
    expenses = [cl.tort[1], cl.tort[2]] if _in_tort(ctx) else [cl.loss]
    if not _in_tort(ctx) and any(e.kind in MITIGATION_KINDS for e in ctx.case.expenses):
        expenses.append(cl.mitigation)
    ctx.expenses_basis["contract"] = expenses
    if not ({"breach_of_contract", "goodwill_tort"} & set(ctx.case.claims)):
        ctx.w.add("CLAIM_NOT_PLEADED",
                  f"scenario {ctx.name!r} claims contract losses but `claims` lists neither breach_of_contract "
                  "nor goodwill_tort")
    if _in_tort(ctx) and sc.liquidated_damages is not None:
        ctx.w.add("CLAIM_NOT_PLEADED",
                  "违约金 is a contract remedy but the case is pleaded in tort (goodwill_tort): the plaintiff must "
                  f"choose contract or tort ({ctx.cite(ctx.law.ref(ctx.law.filing('contract.election')))}); claim "
                  "breach_of_contract to ask for it")
    loss_heads = [_loss_head(ctx, g, key) for key, g in configs]
    out = list(loss_heads)
    ld = _liquidated(ctx, loss_heads)
    if ld is not None:
        out.append(ld)
    return out
