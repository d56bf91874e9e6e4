"""Chinese damages rules: every figure a named head under a named rule of the law in force.

Regimes (chosen by the scenario's keys; the case's ``claims`` say which are pleaded):

* Platform v. seller in contract — ``goodwill`` / ``losses`` and ``liquidated_damages``
  (:mod:`litigator.forums.cn.contract`); in tort when only ``goodwill_tort`` is pleaded.
* Brand owner v. seller — ``trademark`` (:mod:`litigator.forums.cn.trademark`).
* Unfair competition — ``unfair_competition`` (:mod:`litigator.forums.cn.aucl`).
* Reasonable expenses (合理开支), each with its voucher, and court fees (:mod:`litigator.forums.cn.fees`)
  in every scenario.

Which text of each law applies follows the conduct period; fees and procedure follow the filing
date (:mod:`litigator.forums.cn.law`). Every legal number and citation comes from ``law.yaml`` and
``statutes.yaml``.

Rounding: each head is computed exactly in Decimal and rounded once to the fen (ROUND_HALF_UP);
totals are sums of rounded heads; fees are computed on the rounded total.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

from litigator.damages.model import (
    MAX_AMOUNT,
    ClaimHead,
    DamagesReport,
    FeeApportionment,
    Fees,
    FeeShare,
    HeadInput,
    ScenarioResult,
    prose_text,
)
from litigator.errors import DamagesError
from litigator.forums.cn import aucl as cn_aucl
from litigator.forums.cn import contract as cn_contract
from litigator.forums.cn import trademark as cn_trademark
from litigator.forums.cn.citation import Provision
from litigator.forums.cn.common import Ctx, head, regime_of
from litigator.forums.cn.fees import (
    APPORTIONMENT_METHOD,
    case_acceptance_fee,
    case_fee_formula,
    fee_split,
    preservation_cap,
    preservation_fee,
)
from litigator.forums.cn.law import CnLaw, add_years, law_for
from litigator.forums.cn.scenario import Scenario
from litigator.forums.cn.warnings import KINDS
from litigator.money import format_amount, quantize
from litigator.warnings import Warnings

if TYPE_CHECKING:  # pragma: no cover
    from litigator.forums.cn.model import CnCase as Case
    from litigator.sales.model import SalesSummary

LAWYER_FEE_WORD = "律师费"


def scenario_needs_sales(scenario: Scenario) -> bool:
    """Whether a scenario's heads read the sales summary (orders, units, customers, revenue)."""
    if any(g.method in cn_contract.SALES_METHODS for g in scenario.loss_configs()):
        return True
    ld = scenario.liquidated_damages
    if ld is not None and ld.method == "sales_multiple":
        return True
    tm = scenario.trademark
    if tm is not None and tm.method in ("actual_loss", "infringer_profit") and tm.units is None:
        return True
    uc = scenario.unfair_competition
    if uc is not None and uc.method in ("actual_loss", "infringer_gain") and uc.amount is None and uc.units is None:
        return True
    return False


# ---------------------------------------------------------------------------------------------
# Reasonable expenses
# ---------------------------------------------------------------------------------------------


def _expenses_basis(ctx: Ctx, regime: str) -> list[Provision]:
    """The provisions the expenses head cites for ``regime`` (asking the regime's module if no head did)."""
    if regime not in ctx.expenses_basis:
        if regime in ("contract", "tort"):
            cl = cn_contract.contract_law(ctx)
            if regime == "tort":
                ctx.expenses_basis[regime] = [cl.tort[1], cl.tort[2]]
            else:
                mitigation = [cl.mitigation] if any(
                    e.kind in cn_contract.MITIGATION_KINDS for e in ctx.case.expenses) else []
                ctx.expenses_basis[regime] = [cl.loss, *mitigation]
        elif regime == "trademark":
            tl = cn_trademark.trademark_law(ctx)
            ctx.expenses_basis[regime] = [tl.expenses, *tl.interp("expenses")]
        else:
            ctx.expenses_basis[regime] = [cn_aucl.aucl_law(ctx).methods]
    return ctx.expenses_basis[regime]


def _expenses(ctx: Ctx) -> ClaimHead | None:
    case = ctx.case
    if not case.expenses:
        return None
    total = ctx.money(sum((e.amount for e in case.expenses), Decimal(0)))
    parts = " + ".join(format_amount(e.amount) for e in case.expenses)
    inputs = []
    for i, e in enumerate(case.expenses):
        if not e.exhibit:
            ctx.w.add("EXPENSE_NO_EXHIBIT",
                      f"expenses[{i}] ({e.label}, {format_amount(e.amount)}) has no exhibit: a court may "
                      "refuse an expense without a voucher")
        inputs.append(HeadInput(name=f"{e.kind}: {e.label}", value=str(quantize(e.amount)),
                                source=e.exhibit or f"case.yaml expenses[{i}] (no voucher)"))
    regime = ctx.expense_regime()
    basis = list(_expenses_basis(ctx, "tort" if regime == "tort" else regime))
    items = "; ".join(f"{e.label} {format_amount(e.amount)}" for e in case.expenses)
    if regime == "contract":
        why = _contract_expenses(ctx, inputs)
    elif regime == "trademark":
        tl = cn_trademark.trademark_law(ctx)
        why = (f"The damages article ({ctx.cite(tl.expenses)}) says damages include what the right holder paid to "
               f"stop the infringement, and {ctx.cite(*tl.interp('expenses'))} counts investigation and evidence "
               "costs; lawyer fees may be included. They sit outside any punitive base.")
    elif regime == "unfair_competition":
        why = (f"The AUCL's damages article ({ctx.cite(*basis)}) adds the reasonable expenses of stopping the "
               "conduct.")
    else:
        why = f"{ctx.cite(*basis)} compensate the property loss the wrong caused."
    explanation = (f"Reasonable expenses ({format_amount(total)}): the sum of the vouchers listed ({items}). "
                   f"{why} Each figure needs its invoice or voucher; courts cut fees that look high against "
                   f"the work done ({ctx.cite(*basis)}).")
    return head("reasonable_expenses", "合理开支", total, case.currency, ctx.law, basis,
                f"{parts} = {format_amount(total)}" if len(case.expenses) > 1 else parts, inputs, explanation)


def _contract_expenses(ctx: Ctx, inputs: list[HeadInput]) -> str:
    """The contract explanation of the expenses; checks the agreement for a lawyer-fee clause."""
    case = ctx.case
    cl = cn_contract.contract_law(ctx)
    kinds = {e.kind for e in case.expenses}
    text = f"{ctx.cite(cl.loss)} compensates the loss the breach caused."
    if kinds & set(cn_contract.MITIGATION_KINDS):
        text += (" Test purchases, notarisation and investigation are reasonable costs of stopping the loss from "
                 f"spreading, which {ctx.cite(cl.mitigation)} puts on the breaching party.")
    if "attorney_fee" in kinds:
        agreement = case.agreement
        clause = next((c for c in (agreement.clauses if agreement else []) if LAWYER_FEE_WORD in c), None)
        if clause is not None:
            inputs.append(HeadInput(name="lawyer_fee_clause", value=clause,
                                    source=agreement.exhibit or "case.yaml agreement.clauses"))
            text += (f" Lawyer fees are claimed because the agreement puts them on the seller (「{clause}」); in "
                     "Taobao v. Yao the court allowed lawyer fees on such a clause, weighing the case's difficulty, "
                     "the lawyer's work and the amount at stake against the lawyers' fee standards.")
        else:
            where = ("no `agreement:` is given" if agreement is None
                     else f"none of the quoted clauses of {agreement.name} mentions {LAWYER_FEE_WORD}")
            ctx.w.add("ATTORNEY_FEE_NO_CLAUSE",
                      f"a lawyer fee is claimed in contract but {where}: in contract lawyer fees are recovered "
                      "when the agreement puts them on the breaching party (as in Taobao v. Yao); quote that clause "
                      "under agreement.clauses, or expect the fee to be refused")
            text += (" Lawyer fees are claimed, but no quoted clause of the agreement puts them on the seller, and "
                     "no statute shifts them in contract: the claim depends on such a clause.")
    return text


# ---------------------------------------------------------------------------------------------
# Fees
# ---------------------------------------------------------------------------------------------

_SHARES = ((Decimal("1"), "全部支持 (100%)"), (Decimal("0.5"), "支持50%"), (Decimal("0.1"), "支持10%"))


def _fees(ctx: Ctx, total: Decimal, regime: str) -> Fees:
    """Court fees of the scenario by the filing date: the case fee (property schedule, or the personality-right
    schedule for a goodwill claim in tort), the preservation fee on at most the claim, the split estimate."""
    case, law = ctx.case, ctx.law
    summary = case.procedure == "summary"
    schedule = "personality" if regime == "tort" else "property"
    per_case = law.personality_case_fee
    case_fee = case_acceptance_fee(total, summary=summary, on=law.filed, schedule=schedule, per_case=per_case)
    rows = []
    for share, label in _SHARES:
        award = quantize(total * share)
        p, d = fee_split(case_fee, total, award)
        rows.append(FeeShare(award=award, plaintiff_bears=p, defendant_bears=d, label=label))
    if ctx.scenario.expected_award is not None:
        award = quantize(min(ctx.scenario.expected_award, total))
        p, d = fee_split(case_fee, total, award)
        rows.append(FeeShare(award=award, plaintiff_bears=p, defendant_bears=d, label="预计判赔 (expected_award)"))
    fee_rule = law.fee_provision("fees.personality_case" if schedule == "personality" else "fees.property_case")
    basis = [fee_rule] + ([law.fee_provision("fees.summary_procedure")] if summary else [])
    if schedule == "personality":
        entry = law.filing("fees.personality_case")
        low, high = (Decimal(entry.value["per_case"][k]) for k in ("min", "max"))
        chosen = high if per_case is None else per_case
        ctx.w.add("FEE_PERSONALITY_SCHEDULE",
                  f"a goodwill claim pleaded in tort (名誉权) is charged on the personality-right schedule "
                  f"({law.cite(fee_rule)}): a per-case fee the province fixes within {format_amount(low)}–"
                  f"{format_amount(high)} ({law.cite(law.fee_provision('fees.province_range'))}), plus the tiers on "
                  f"the damages; {format_amount(chosen)} is used"
                  + (" (the top of the range, the default); set law.personality_case_fee to your province's figure"
                     if per_case is None else " (law.personality_case_fee)"))
    pres = case.preservation
    pres_fee = pres_base = None
    pres_formula = None
    if pres:
        pres_base = min(pres.amount, total)
        if pres.amount > total:
            ctx.w.add("PRESERVATION_ABOVE_CLAIM",
                      f"preservation of {format_amount(pres.amount)} is asked but the claim is {format_amount(total)}: "
                      f"preservation is limited to the claim ({law.cite(law.procedure('preservation'))}) and the fee "
                      "is charged on the property actually preserved "
                      f"({law.cite(law.fee_provision('fees.preservation'))}); "
                      f"the fee is computed on {format_amount(pres_base)} — lower the amount to the claim")
        pres_fee = preservation_fee(pres_base, on=law.filed)
        pres_formula = (f"on {format_amount(pres_base)}, capped at {format_amount(preservation_cap(law.filed))}"
                        + (f" (asked: {format_amount(pres.amount)})" if pres.amount > total else ""))
    return Fees(
        case_fee=case_fee,
        preservation_fee=pres_fee,
        claim_amount=total,
        case_fee_basis=law.cite(*basis),
        case_fee_formula=case_fee_formula(total, summary=summary, on=law.filed, schedule=schedule, per_case=per_case),
        summary_procedure=summary,
        preservation_amount=quantize(pres_base) if pres_base is not None else None,
        preservation_fee_basis=law.cite(law.fee_provision("fees.preservation")) if pres else None,
        preservation_fee_formula=pres_formula,
        preservation_asked=quantize(pres.amount) if pres and pres.amount > total else None,
        preservation_cap=preservation_cap(law.filed) if pres else None,
        personality_schedule=schedule == "personality",
        apportionment=FeeApportionment(basis=law.cite(law.fee_provision("fees.apportionment")),
                                       method=APPORTIONMENT_METHOD, rows=rows),
    )


# ---------------------------------------------------------------------------------------------
# Scenarios
# ---------------------------------------------------------------------------------------------


def _scenario(case: "Case", name: str, scenario: Scenario, sales: "SalesSummary | None", law: CnLaw) -> ScenarioResult:
    ctx = Ctx(case=case, name=name, scenario=scenario, sales=sales, w=Warnings(KINDS), law=law)
    heads: list[ClaimHead] = []
    heads += cn_contract.heads(ctx)
    heads += cn_trademark.heads(ctx)
    heads += cn_aucl.heads(ctx)
    exp = _expenses(ctx)
    if exp is not None:
        heads.append(exp)
    seen: set[str] = set()
    for h in heads:
        if h.code in seen:
            raise DamagesError(f"two claim heads with code {h.code!r}: give one of them another `head:`",
                               "case.yaml", f"scenarios.{name}")
        seen.add(h.code)
    if not heads:
        raise DamagesError("scenario has no claim head (add goodwill, liquidated_damages, trademark, "
                           "unfair_competition or expenses)", "case.yaml", f"scenarios.{name}")
    total = quantize(sum((h.amount for h in heads), Decimal(0)))
    if total >= MAX_AMOUNT:
        raise DamagesError("amount too large: the claims total more than 99,999,999,999,999.99; check the "
                           "parameters", "case.yaml", f"scenarios.{name}")
    liability = _liability(ctx)
    if ctx.punitive is not None:
        ctx.punitive.expenses = exp.amount if exp else Decimal("0.00")
        ctx.punitive.total = quantize(ctx.punitive.damages + ctx.punitive.expenses)
        parts = (cn_aucl.punitive_statement(ctx.punitive, ctx) if ctx.punitive.regime == "trade_secret"
                 else cn_trademark.punitive_statement(ctx.punitive, ctx))
        statement = prose_text(parts)
    else:
        parts, statement = [], None
    citations = list({c.key: c for c in [*law.citations(*liability), *(c for h in heads for c in h.citations)]}
                     .values())
    fees = _fees(ctx, total, ctx.expense_regime())
    return ScenarioResult(
        name=name, heads=heads, total=total, fees=fees,
        warnings=ctx.w.texts, warning_codes=ctx.w.codes, description=scenario.description,
        punitive=ctx.punitive, punitive_statement=statement, punitive_statement_parts=parts,
        liability_basis=[c.text for c in law.citations(*liability)],
        legal_basis=[c.text for c in citations], citations=citations,
    )


def _liability(ctx: Ctx) -> list[Provision]:
    """The liability provisions of the scenario's regimes (in the order their heads come), each once; with no
    head of a regime (expenses only), those of the case's regime."""
    if not ctx.liability:
        regime = regime_of(ctx.case)
        if regime in ("contract", "tort"):
            cl = cn_contract.contract_law(ctx)
            pick = cn_contract.tort_liability if regime == "tort" else cn_contract.contract_liability
            ctx.liability["contract"] = pick(cl)
        elif regime == "trademark":
            ctx.liability["trademark"] = [cn_trademark.trademark_law(ctx).selling]
        # unfair competition: the conduct article needs an unfair_competition head
    return list(dict.fromkeys(p for group in ctx.liability.values() for p in group))


def _check_case_money(case: "Case") -> None:
    """Case-level amounts the rules read: never negative, never above MAX_AMOUNT (10^14)."""
    values = [(f"products[{i}].{f}", getattr(p, f)) for i, p in enumerate(case.products)
              for f in ("right_holder_unit_profit", "infringer_unit_profit")]
    values += [(f"expenses[{i}].amount", e.amount) for i, e in enumerate(case.expenses)]
    if case.preservation is not None:
        values.append(("preservation.amount", case.preservation.amount))
    for where, value in values:
        if value is None:
            continue
        if value < 0:
            raise DamagesError(f"must not be negative ({value})", "case.yaml", where)
        if value >= MAX_AMOUNT:
            raise DamagesError(f"amount too large (got {value}; at most 99,999,999,999,999.99)", "case.yaml", where)


def _conduct_end(case: "Case", sales: "SalesSummary | None") -> tuple[dt.date | None, str]:
    c = case.conduct
    if c is not None and c.ongoing:
        return None, "ongoing"
    if c is not None and c.end:
        return c.end, "conduct.end"
    if sales is not None and sales.period is not None:
        return sales.period.end, "the sales period"
    if case.sales is not None and case.sales.period is not None:
        return case.sales.period.end, "sales.period"
    if sales is not None and sales.totals.last_order:
        return sales.totals.last_order, "the last order"
    return None, "unknown"


def _limitation(case: "Case", sales: "SalesSummary | None", law: CnLaw, w: Warnings) -> None:
    """Warn when the limitation period in force ran out before the filing date."""
    end, where = _conduct_end(case, sales)
    known = case.conduct.known_on if case.conduct is not None else None
    start = known or end
    if start is None:
        return
    entry = law.at("limitation.general_years", start)
    years = int(entry.value)
    ref = law.ref(entry)
    transition = law.book.history("limitation.transition")[-1]
    changed = transition.value["changed_on"]
    if law.filed >= changed and start < changed <= add_years(start, years):
        new = law.at("limitation.general_years", changed)
        years, ref = int(new.value), law.ref(new)
        rule = f"{law.cite(ref)}, the period still running on {changed.isoformat()} ({law.cite(law.ref(transition))})"
    else:
        rule = law.cite(ref)
    deadline = add_years(start, years)
    if law.filed > deadline:
        what = f"learned of the conduct on {known.isoformat()}" if known else f"the conduct ended {end} ({where})"
        w.add("LIMITATION",
              f"{what}; the {years}-year limitation period ({rule}) ran out on {deadline.isoformat()}, before the "
              f"filing date {law.filed.isoformat()}: the defendant may plead limitation unless it was interrupted or "
              "suspended, or the plaintiff learned of the conduct later (set conduct.known_on)")


def _report_warnings(case: "Case", sales: "SalesSummary | None", law: CnLaw) -> Warnings:
    w = Warnings(KINDS)
    if "breach_of_contract" in case.claims and "goodwill_tort" in case.claims:
        w.add("ELECT_CONTRACT_OR_TORT",
              "claims list both breach_of_contract and goodwill_tort for the same conduct: the plaintiff "
              f"must choose contract or tort liability ({law.cite(law.ref(law.filing('contract.election')))}); "
              "drop one before filing")
    _limitation(case, sales, law, w)
    return w


def check_preservation(result: ScenarioResult, law: CnLaw) -> None:
    """Preservation is limited to the claim: an amount above the claim of the scenario filed (or drafted) is an
    error naming ``preservation.amount``; the other scenarios only warn, their fee computed on their claim."""
    asked = result.fees.preservation_asked
    if asked is None:
        return
    raise DamagesError(f"preservation of {format_amount(asked)} is asked, more than the claim of scenario "
                       f"{result.name} ({format_amount(result.total)}): preservation is limited to the claim "
                       f"({law.cite(law.procedure('preservation'))}); lower it to at most "
                       f"{format_amount(result.total)}", "case.yaml", "preservation.amount")


def compute(case: "Case", sales: "SalesSummary | None", case_label: str) -> DamagesReport:
    """Apply the Chinese rules to every scenario of ``case``. Raises DamagesError (no partial output)."""
    _check_case_money(case)
    law = law_for(case)
    results = [_scenario(case, name, sc, sales, law) for name, sc in case.scenarios.items()]
    check_preservation(next(r for r in results if r.name == case.filed_scenario), law)
    w = _report_warnings(case, sales, law)
    return DamagesReport(
        case=case_label, jurisdiction="cn", currency=case.currency, filed_scenario=case.filed_scenario,
        scenarios=results, calibration=None, risk=None, warnings=w.texts, warning_codes=w.codes,
    )


def explain(report: DamagesReport, case: "Case | None" = None) -> dict[str, list[str]]:
    """Plain-language paragraphs per scenario: one per head (article cited), then the fees."""
    out: dict[str, list[str]] = {}
    for s in report.scenarios:
        paras = [h.explanation or f"{h.label}: {h.formula} ({h.basis})." for h in s.heads]
        f = s.fees
        if f.case_fee is not None:
            text = (f"Court fee: the 案件受理费 is charged on the sum of the money claims, "
                    f"{format_amount(s.total)}, by the tiered schedule: {f.case_fee_formula} "
                    f"({f.case_fee_basis}).")
            if f.preservation_fee is not None:
                text += (f" The preservation application fee is {format_amount(f.preservation_fee)} "
                         f"({f.preservation_fee_formula}; {f.preservation_fee_basis}).")
            if f.apportionment:
                half = next((r for r in f.apportionment.rows if r.label == "支持50%"), None)
                if half:
                    text += (f" If the court awarded half the claim, a proportional split would leave the "
                             f"plaintiff bearing about {format_amount(half.plaintiff_bears)} of the case fee — "
                             f"an estimate only: on partial success the court decides ({f.apportionment.basis}).")
            paras.append(text)
        out[s.name] = paras
    return out


__all__ = ["compute", "explain", "scenario_needs_sales", "regime_of"]
