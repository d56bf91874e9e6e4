"""Chinese damages rules: every figure a named head under a named rule.

Regimes (chosen by the scenario's keys; the case's ``claims`` say which are pleaded):

* Platform v. seller in contract — ``goodwill`` / ``losses`` (Civil Code Arts. 577, 584; SPC
  contract interpretation Arts. 62–63) and ``liquidated_damages`` (Civil Code Art. 585; Interp.
  Art. 65's 30% test). See :mod:`litigator.damages.cn_contract`.
* Brand owner v. seller — ``trademark`` (Trademark Law Art. 63; SPC trademark interpretation
  Arts. 13–18; SPC punitive interpretation Arts. 1–6). See :mod:`litigator.damages.cn_trademark`.
* Unfair competition — ``unfair_competition`` (AUCL 2019 Art. 17; the 2025 revision for conduct
  from 2025-10-15, article number unverified). See :mod:`litigator.damages.cn_aucl`.
* Reasonable expenses (合理开支), each with its voucher, and court fees (诉讼费用交纳办法 Arts. 13,
  14, 16, 29) in every scenario.

Rounding: each head is computed exactly in Decimal and rounded once to the fen (ROUND_HALF_UP);
totals are sums of rounded heads; fees are computed on the rounded total.
"""

from __future__ import annotations

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
)
from litigator.damages.warnings import Warnings
from litigator.errors import DamagesError
from litigator.forums.cn import aucl as cn_aucl
from litigator.forums.cn import contract as cn_contract
from litigator.forums.cn import trademark as cn_trademark
from litigator.forums.cn.common import (
    AUCL,
    CC,
    TM,
    TM_INTERP,
    Ctx,
    head,
    merge_provisions,
    regime_of,
    unique_basis,
)
from litigator.forums.cn.fees import (
    APPORTIONMENT_BASIS,
    APPORTIONMENT_METHOD,
    CASE_FEE_BASIS,
    PRESERVATION_BASIS,
    PRESERVATION_CAP,
    SUMMARY_BASIS,
    case_acceptance_fee,
    case_fee_formula,
    fee_split,
    preservation_fee,
)
from litigator.forums.cn.scenario import Scenario
from litigator.forums.cn.warnings import KINDS
from litigator.money import format_amount, quantize

if TYPE_CHECKING:  # pragma: no cover
    from litigator.forums.cn.model import CnCase as Case
    from litigator.sales.model import SalesSummary

GOODWILL_BASIS = f"{CC}第五百七十七条、第五百八十四条"
EXPENSES_BASIS = {
    "contract": f"{CC}第五百八十四条",
    "tort": f"{CC}第一千一百六十五条、第一千一百八十二条",
    "trademark": f"{TM}第六十三条第一款；{TM_INTERP}第十七条",
    "unfair_competition": f"{AUCL}（2019年修正）第十七条第三款",
}
# In contract, Civil Code Art. 591 ¶2 (reasonable costs of preventing the loss from spreading, borne by the
# breaching party) carries test purchases, notarisation and investigation (law.md §1, §8c). Lawyer fees rest
# on the agreement's clause that puts them on the seller (law.md §8a Yao, §8c), a loss under Art. 584.
MITIGATION_KINDS = ("test_purchase", "notarization", "investigation")
MITIGATION_ARTICLE = "第五百九十一条第二款"  # of the Civil Code, appended to EXPENSES_BASIS["contract"]
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
    basis = EXPENSES_BASIS[regime]
    if regime == "unfair_competition" and ctx.aucl_expenses_basis:
        basis = ctx.aucl_expenses_basis
    items = "; ".join(f"{e.label} {format_amount(e.amount)}" for e in case.expenses)
    if regime == "contract":
        why = _contract_expenses(ctx, inputs)
        if any(e.kind in MITIGATION_KINDS for e in case.expenses):
            basis = f"{basis}、{MITIGATION_ARTICLE}"
    else:
        why = {
            "trademark": "Trademark Law Art. 63 ¶1 says damages include what the right holder paid to stop "
                         "the infringement, and the SPC trademark interpretation Art. 17 counts investigation "
                         "and evidence costs; lawyer fees may be included. They sit outside any punitive base.",
            "unfair_competition": "The AUCL's damages article (2019 text Art. 17 ¶3) adds the reasonable expenses of "
                                  "stopping the conduct.",
            "tort": "Civil Code Arts. 1165 and 1182 compensate the property loss the wrong caused.",
        }[regime]
    explanation = (f"Reasonable expenses ({format_amount(total)}): the sum of the vouchers listed ({items}). "
                   f"{why} Each figure needs its invoice or voucher; courts cut fees that look high against "
                   f"the work done ({unique_basis(basis)}).")
    return head("reasonable_expenses", "合理开支", total, case.currency, basis,
                f"{parts} = {format_amount(total)}", inputs, explanation)


def _contract_expenses(ctx: Ctx, inputs: list[HeadInput]) -> str:
    """The contract explanation of the expenses; checks the agreement for a lawyer-fee clause."""
    case = ctx.case
    kinds = {e.kind for e in case.expenses}
    text = ("Civil Code Art. 584 compensates the loss the breach caused.")
    if kinds & set(MITIGATION_KINDS):
        text += (" Test purchases, notarisation and investigation are reasonable costs of stopping the loss from "
                 "spreading, which Art. 591 ¶2 puts on the breaching party.")
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


def _fees(case: "Case", scenario: Scenario, total: Decimal) -> Fees:
    summary = case.procedure == "summary"
    case_fee = case_acceptance_fee(total, summary=summary)
    rows = []
    for share, label in _SHARES:
        award = quantize(total * share)
        p, d = fee_split(case_fee, total, award)
        rows.append(FeeShare(award=award, plaintiff_bears=p, defendant_bears=d, label=label))
    if scenario.expected_award is not None:
        award = quantize(min(scenario.expected_award, total))
        p, d = fee_split(case_fee, total, award)
        rows.append(FeeShare(award=award, plaintiff_bears=p, defendant_bears=d, label="预计判赔 (expected_award)"))
    basis = CASE_FEE_BASIS + (f"、{SUMMARY_BASIS}" if summary else "")
    pres = case.preservation
    return Fees(
        case_fee=case_fee,
        preservation_fee=preservation_fee(pres.amount) if pres else None,
        claim_amount=total,
        case_fee_basis=basis,
        case_fee_formula=case_fee_formula(total, summary=summary),
        summary_procedure=summary,
        preservation_amount=quantize(pres.amount) if pres else None,
        preservation_fee_basis=PRESERVATION_BASIS if pres else None,
        preservation_fee_formula=(f"on {format_amount(pres.amount)}, capped at {format_amount(PRESERVATION_CAP)}"
                                  if pres else None),
        apportionment=FeeApportionment(basis=APPORTIONMENT_BASIS, method=APPORTIONMENT_METHOD, rows=rows),
    )


# ---------------------------------------------------------------------------------------------
# Scenarios
# ---------------------------------------------------------------------------------------------


def _scenario(case: "Case", name: str, scenario: Scenario, sales: "SalesSummary | None") -> ScenarioResult:
    ctx = Ctx(case=case, name=name, scenario=scenario, sales=sales, w=Warnings(KINDS))
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
        statement = cn_trademark.punitive_statement(ctx.punitive)
    else:
        statement = None
    return ScenarioResult(
        name=name, heads=heads, total=total, fees=_fees(case, scenario, total),
        warnings=ctx.w.texts, warning_codes=ctx.w.codes, description=scenario.description,
        punitive=ctx.punitive, punitive_statement=statement,
        liability_basis=liability, legal_basis=merge_provisions(liability, *(h.basis for h in heads)),
    )


_FALLBACK_LIABILITY = {
    "contract": cn_contract.CONTRACT_LIABILITY,
    "tort": cn_contract.TORT_LIABILITY,
    "trademark": cn_trademark.TM_LIABILITY,
    "unfair_competition": [],  # the conduct article needs an unfair_competition head
}


def _liability(ctx: Ctx) -> list[str]:
    """The liability provisions of the scenario's regimes (in the order their heads come), each once."""
    if ctx.liability:
        return merge_provisions(*ctx.liability.values())
    return merge_provisions(_FALLBACK_LIABILITY[regime_of(ctx.case)])


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


def _report_warnings(case: "Case") -> Warnings:
    w = Warnings(KINDS)
    if "breach_of_contract" in case.claims and "goodwill_tort" in case.claims:
        w.add("ELECT_CONTRACT_OR_TORT",
              "claims list both breach_of_contract and goodwill_tort for the same conduct: the plaintiff "
              "must choose contract or tort liability; drop one before filing")
    return w


def compute(case: "Case", sales: "SalesSummary | None", case_label: str) -> DamagesReport:
    """Apply the Chinese rules to every scenario of ``case``. Raises DamagesError (no partial output)."""
    _check_case_money(case)
    results = [_scenario(case, name, sc, sales) for name, sc in case.scenarios.items()]
    w = _report_warnings(case)
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
                text += (f" The preservation application fee on {format_amount(f.preservation_amount)} is "
                         f"{format_amount(f.preservation_fee)} (capped at 5,000; {f.preservation_fee_basis}).")
            if f.apportionment:
                half = next((r for r in f.apportionment.rows if r.label == "支持50%"), None)
                if half:
                    text += (f" If the court awarded half the claim, a proportional split would leave the "
                             f"plaintiff bearing about {format_amount(half.plaintiff_bears)} of the case fee — "
                             f"an estimate only: on partial success the court decides ({f.apportionment.basis}).")
            paras.append(text)
        out[s.name] = paras
    return out


__all__ = ["compute", "explain", "scenario_needs_sales", "regime_of", "GOODWILL_BASIS"]
