"""Lanham Act damages per defendant (15 U.S.C. § 1117), scenario by scenario.

Each store (defendant) gets its own heads; a scenario's heads and total are the sums over its stores
(``ScenarioResult.defendants``). The rules, each with its guard (docs/damages-us.md):

* **§ 1117(c) statutory damages** (``remedy: statutory``), elected instead of profits and damages: counted per
  counterfeit mark per type of goods per store — a (mark, goods type) pair of the store's accused products,
  where the mark is on the Principal Register and the registration covers that type of goods; between the
  minimum and the maximum (the willful maximum only with stated evidence of willfulness) of ``law.yaml``. The
  per-store figure follows a model: ``per_mark_per_type`` (amount × pairs), ``per_defendant`` (a flat amount,
  within the store's range) or ``sales_multiple`` (multiple × proven sales, brought within the range).
* **§ 1117(a)** (``remedy: actual``): profits = the store's proven sales (the plaintiff proves sales only; the
  defendant proves deductions, so none on default), adjusted only as compensation; actual damages, enhanced up
  to three times; nothing without the ® notice or actual notice (§ 1111).
* **§ 1117(b)** (``treble: true``): three times the greater of profits or damages, with the attorney's fee,
  unless extenuating circumstances (``extenuating: true``).
* Prejudgment interest only at a rate the user gives with its source; none on statutory damages unless asked
  (circuits differ; none in the 9th Circuit).
"""

from __future__ import annotations

from decimal import ROUND_DOWN, Decimal
from pathlib import Path

from litigator.damages.model import (
    Citation,
    ClaimHead,
    DamagesReport,
    DefendantResult,
    Fees,
    HeadInput,
    MoneyRange,
    ScenarioResult,
)
from litigator.errors import DamagesError
from litigator.forums.us.citation import citation, format_ref
from litigator.forums.us.fees import filing_fee
from litigator.forums.us.law import UsLaw, law_for
from litigator.forums.us.model import Store, UsCase, UsScenario
from litigator.forums.us.warnings import KINDS
from litigator.money import format_amount, quantize
from litigator.warnings import Warnings

CURRENCY = "USD"
CENT = Decimal("0.01")
LABELS = {
    "statutory_damages": "Statutory damages",
    "profits": "Defendant's profits",
    "actual_damages": "Actual damages",
    "treble_damages": "Treble damages",
    "attorney_fee": "Attorney's fee",
    "prejudgment_interest": "Prejudgment interest",
}
LIABILITY = ("usc15:1114.1", "usc15:1125.a")


def _m(value: Decimal) -> str:
    return format_amount(value)


def _ref(name: str, law: UsLaw) -> str:
    entry = law.at(name)
    assert entry.ref is not None
    return entry.ref


def pairs_of(case: UsCase, store: Store) -> list[tuple[str, str, str]]:
    """The store's (mark id, goods type, product id) pairs: one per counterfeit mark per type of goods."""
    out: list[tuple[str, str, str]] = []
    seen: set[tuple[str, str]] = set()
    for pid in store.products:
        product = case.product(pid)
        for mid in product.marks:
            if (mid, product.goods_type) not in seen:
                seen.add((mid, product.goods_type))
                out.append((mid, product.goods_type, pid))
    return out


def statutory_pairs(case: UsCase, store: Store, w: Warnings) -> list[tuple[str, str]]:
    """The pairs that count for § 1117(c): a Principal Register mark whose registration covers the goods."""
    counted: list[tuple[str, str]] = []
    for mid, goods, pid in pairs_of(case, store):
        mark = case.mark(mid)
        if mark.on_register != "principal":
            w.add("SUPPLEMENTAL_REGISTER", f"defendant {store.id} ({store.alias}): {mark.text} (Reg. No. "
                                           f"{mark.registration}) is on the Supplemental Register: not counted")
            continue
        if goods not in mark.goods:
            w.add("GOODS_OUTSIDE_REGISTRATION",
                  f"defendant {store.id} ({store.alias}): product {pid!r} is {goods}, which Reg. No. "
                  f"{mark.registration} ({mark.text}) does not cover (it covers {', '.join(mark.goods)}): "
                  "not counted for statutory damages")
            continue
        counted.append((mid, goods))
    return counted


def _cuts(law: UsLaw) -> str:
    return "; ".join(c["text"].strip() for c in law.at("proportionality.cuts").value)


def _head(code: str, amount: Decimal, basis_refs: tuple[str, ...], formula: str,
          inputs: list[HeadInput] | None = None, label: str | None = None) -> ClaimHead:
    return ClaimHead(code=code, label=label or LABELS[code], amount=quantize(amount), currency=CURRENCY,
                     basis="; ".join(format_ref(r) for r in basis_refs),
                     citations=[citation(r) for r in basis_refs], formula=formula, inputs=inputs or [])


def _sales_input(store: Store) -> list[HeadInput]:
    if store.sales is None:
        return []
    return [HeadInput(name="proven_sales", value=str(quantize(store.sales.amount)),
                      source=store.sales.source + (f" ({store.sales.exhibit})" if store.sales.exhibit else ""))]


# ---------------------------------------------------------------------------------------------
# § 1117(c)
# ---------------------------------------------------------------------------------------------


def statutory_store(case: UsCase, sc: UsScenario, store: Store, law: UsLaw, w: Warnings
                    ) -> tuple[list[ClaimHead], MoneyRange | None]:
    pairs = statutory_pairs(case, store, w)
    if not pairs:
        w.add("STATUTORY_NO_PAIR", f"defendant {store.id} ({store.alias}) sells no counterfeit of a Principal "
                                   "Register mark within the goods it covers: no statutory damages")
        return [], None
    n = len(pairs)
    minimum = law.amount("statutory.minimum")
    cap_name = "statutory.willful_maximum" if sc.willful else "statutory.maximum"
    maximum = law.amount(cap_name)
    cap_ref = _ref(cap_name, law)
    low, high = minimum * n, maximum * n
    shown = ", ".join(f"{case.mark(m).text} × {g}" for m, g in pairs)
    who = f"defendant {store.id} ({store.alias})"
    if sc.model == "per_mark_per_type":
        assert sc.amount is not None
        if not minimum <= sc.amount <= maximum:
            raise DamagesError(f"amount {_m(sc.amount)} per counterfeit mark per type of goods is outside "
                               f"{_m(minimum)}–{_m(maximum)} ({format_ref(cap_ref)})", "case.yaml", "scenarios")
        figure = sc.amount * n
        formula = f"{_m(sc.amount)} × {n} (counterfeit mark × type of goods: {shown}) = {_m(figure)}"
    elif sc.model == "per_defendant":
        assert sc.amount is not None
        if not low <= sc.amount <= high:
            raise DamagesError(f"{who}: {_m(sc.amount)} per defendant is outside what {n} counterfeit mark(s) × "
                               f"type(s) of goods allow, {_m(low)}–{_m(high)} ({format_ref(cap_ref)})",
                               "case.yaml", "scenarios")
        figure = sc.amount
        formula = (f"{_m(sc.amount)} per defendant ({n} counterfeit mark × type of goods: {shown}; range "
                   f"{_m(low)}–{_m(high)})")
    else:
        assert sc.multiple is not None
        if store.sales is None:
            if sc.without_sales == "error":
                raise DamagesError(f"{who} has no proven sales, so model sales_multiple cannot price it: give its "
                                   "sales, or set without_sales: minimum", "case.yaml", "scenarios")
            figure = low
            w.add("STATUTORY_MINIMUM_APPLIED", f"{who} has no proven sales: the statutory minimum {_m(minimum)} × "
                                               f"{n} = {_m(low)} (without_sales: minimum)")
            formula = f"{_m(minimum)} × {n} (statutory minimum; no proven sales) = {_m(figure)}"
        else:
            raw = quantize(sc.multiple * store.sales.amount)
            figure = min(max(raw, low), high)
            formula = f"{sc.multiple} × {_m(store.sales.amount)} proven sales = {_m(raw)}"
            if figure != raw:
                formula += f", brought within {_m(low)}–{_m(high)}: {_m(figure)}"
                w.add("STATUTORY_CLAMPED", f"{who}: {_m(raw)} is outside {_m(low)}–{_m(high)} ({n} counterfeit "
                                           f"mark × type of goods): {_m(figure)} claimed")
    proportion(case, store, figure, low, law, w)
    label = LABELS["statutory_damages"] + (" (willful)" if sc.willful else "")
    inputs = [HeadInput(name="counterfeit_mark_goods_types", value=str(n), source=shown), *_sales_input(store)]
    head = _head("statutory_damages", figure, (cap_ref,), formula, inputs, label)
    return [head], MoneyRange(low=low, high=high)


def proportion(case: UsCase, store: Store, figure: Decimal, floor: Decimal, law: UsLaw, w: Warnings) -> None:
    """Warn when a store's figure is far above its proven sales (or above the minimum without any); the
    scenario gathers these into one warning citing the decided cuts (:func:`gather_proportion`)."""
    who = f"defendant {store.id} ({store.alias})"
    multiple = case.proportionality.sales_multiple or law.amount("proportionality.sales_multiple")
    if store.sales is not None:
        if figure > multiple * store.sales.amount:
            w.add("STATUTORY_ABOVE_SALES", f"{who}: {_m(figure)} is more than {multiple} × its proven sales of "
                                           f"{_m(store.sales.amount)}")
    elif figure > floor:
        w.add("STATUTORY_NO_SALES", f"{who}: {_m(figure)} with no proven sales")


GATHERED = {
    "STATUTORY_ABOVE_SALES": "courts cut statutory awards not tied to each store's sales",
    "STATUTORY_NO_SALES": "courts increasingly tie statutory awards to each store's sales",
}


def gather_proportion(defendants: list[DefendantResult], law: UsLaw, w: Warnings) -> None:
    for code, why in GATHERED.items():
        tail = f" ({KINDS[code].source})"
        parts = [t[len(code) + 2:-len(tail)] for d in defendants for t in d.warnings
                 if t.startswith(code + ":") and t.endswith(tail)]
        if parts:
            w.add(code, f"{'; '.join(parts)} — {why}: {_cuts(law)}")


# ---------------------------------------------------------------------------------------------
# § 1117(a), (b)
# ---------------------------------------------------------------------------------------------


def _notice(case: UsCase, store: Store) -> bool:
    marks = {m for pid in store.products for m in case.product(pid).marks}
    return any(case.mark(m).notice for m in marks) or bool(store.actual_notice)


def actual_store(case: UsCase, sc: UsScenario, store: Store, fee_share: Decimal | None, law: UsLaw,
                 w: Warnings) -> tuple[list[ClaimHead], MoneyRange | None]:
    who = f"defendant {store.id} ({store.alias})"
    if not _notice(case, store):
        w.add("NO_REGISTRATION_NOTICE", f"{who}: the marks it infringes were used without the ® notice and it had "
                                        "no actual notice (give actual_notice if it had): no profits and no damages")
        return [], None
    profits = store.sales.amount if store.sales is not None else None
    damages = store.actual_damages
    if profits is None and damages is None:
        w.add("ACTUAL_NO_SALES", f"{who}: no proven sales and no proven damages: nothing under § 1117(a)")
        return [], None
    heads: list[ClaimHead] = []
    trebled = sc.treble and not sc.extenuating
    if sc.treble and sc.extenuating:
        w.add("EXTENUATING_SET", "extenuating: true — the court found (or is expected to find) extenuating "
                                 "circumstances: profits and damages under § 1117(a), no trebling, no § 1117(b) fee")
    if trebled:
        if sc.damages_multiple != 1 or sc.profits_adjustment != 1:
            raise DamagesError("§ 1117(b) trebles the greater of profits or damages: do not also enhance damages or "
                               "adjust profits (damages_multiple and profits_adjustment stay 1)", "case.yaml",
                               "scenarios")
        multiple = law.amount("counterfeit.treble_multiple")
        p, d = profits or Decimal(0), damages or Decimal(0)
        base = max(p, d)
        which = "profits" if p >= d else "damages"
        figure = multiple * base
        w.add("TREBLE_EXTENUATING", "§ 1117(b) trebles unless the court finds extenuating circumstances (rare: e.g. "
                                    "an unsophisticated individual on a small scale whose conduct posed no risk to "
                                    "public health or safety); set extenuating: true to see the figure without it")
        heads.append(_head("treble_damages", figure, (_ref("counterfeit.treble_multiple", law),),
                           f"{multiple} × the greater of profits {_m(p)} and damages {_m(d)} ({which}) = "
                           f"{_m(figure)}", _sales_input(store)))
        if fee_share is not None:
            heads.append(_head("attorney_fee", fee_share, (_ref("counterfeit.treble_multiple", law),),
                               f"the case's attorney's fee ÷ defendants = {_m(fee_share)}"))
        low = high = sum((h.amount for h in heads), Decimal(0))
        return heads, MoneyRange(low=low, high=high)
    cap = law.amount("actual.damages_enhancement_max")
    if not 1 <= sc.damages_multiple <= cap:
        raise DamagesError(f"damages_multiple {sc.damages_multiple} is outside 1–{cap} (§ 1117(a): not exceeding "
                           "three times the actual damages)", "case.yaml", "scenarios")
    ref_a = _ref("actual.damages_enhancement_max", law)
    high = Decimal(0)
    if profits is not None:
        w.add("PROFITS_GROSS_SALES", "profits are each store's proven gross sales: the plaintiff proves sales only, "
                                     "the defendant must prove every cost or deduction (none on default)")
        adjusted = quantize(profits * sc.profits_adjustment)
        formula = f"{_m(profits)} proven sales (no deduction proven)"
        if sc.profits_adjustment != 1:
            formula += f" × {sc.profits_adjustment} (as compensation: {sc.profits_adjustment_reason}) = {_m(adjusted)}"
            w.add("PROFITS_ADJUSTED", f"profits × {sc.profits_adjustment}: the sum the court finds just shall "
                                      f"constitute compensation and not a penalty ({sc.profits_adjustment_reason})")
        heads.append(_head("profits", adjusted, (ref_a,), formula, _sales_input(store)))
        high += adjusted
    if damages is not None:
        enhanced = quantize(damages * sc.damages_multiple)
        formula = f"{_m(damages)} proven damages" + (
            f" × {sc.damages_multiple} = {_m(enhanced)}" if sc.damages_multiple != 1 else "")
        heads.append(_head("actual_damages", enhanced, (ref_a,), formula))
        high += damages * cap
    low = (profits or Decimal(0)) + (damages or Decimal(0))
    return heads, MoneyRange(low=quantize(min(low, high)), high=quantize(high))


# ---------------------------------------------------------------------------------------------
# Interest
# ---------------------------------------------------------------------------------------------


def interest_head(case: UsCase, sc: UsScenario, heads: list[ClaimHead], law: UsLaw, w: Warnings) -> ClaimHead | None:
    i = sc.interest
    if i is None or not heads:
        return None
    codes = {h.code for h in heads}
    if "statutory_damages" in codes:
        if not i.on_statutory:
            return None
        if case.circuit == 9:
            w.add("INTEREST_STATUTORY_CIRCUITS", "no prejudgment interest on statutory damages in the 9th Circuit "
                                                 "(Y.Y.G.M. v. Redbubble, 2023): interest.on_statutory is ignored")
            return None
        w.add("INTEREST_STATUTORY_CIRCUITS", "interest on statutory damages is asked (interest.on_statutory): the 9th "
                                             "Circuit allows none and other circuits differ — check this circuit")
        base = sum((h.amount for h in heads if h.code == "statutory_damages"), Decimal(0))
        what = "statutory damages"
    elif "treble_damages" in codes:
        base = sum((h.amount for h in heads if h.code == "treble_damages"), Decimal(0))
        what = "trebled award"
        w.add("INTEREST_RATE_SOURCE", f"§ 1117(b) trebled awards have carried interest at the "
                                      f"{format_ref(law.at('interest.trebled_rate_source').value)} rate; the rate "
                                      f"given is {i.rate}% ({i.source})")
    else:
        base = sum((h.amount for h in heads if h.code in ("profits", "actual_damages")), Decimal(0))
        what = "profits and damages"
        w.add("INTEREST_DISCRETIONARY", "prejudgment interest on a § 1117(a) award is in the court's discretion; "
                                        f"rate {i.rate}% from {i.source}")
    end = i.end or law.filed
    days = (end - i.start).days
    if days <= 0:
        raise DamagesError(f"interest runs from {i.start} to {end}: the end must be after the start", "case.yaml",
                           "scenarios")
    amount = quantize(base * i.rate / 100 * days / 365)
    return _head("prejudgment_interest", amount, (),
                 f"{_m(base)} ({what}) × {i.rate}% × {days}/365 days ({i.start.isoformat()} to {end.isoformat()}) "
                 f"= {_m(amount)}",
                 [HeadInput(name="rate", value=str(i.rate), source=i.source)]).model_copy(
        update={"basis": f"prejudgment interest at the rate given ({i.source})"})


# ---------------------------------------------------------------------------------------------
# Scenarios
# ---------------------------------------------------------------------------------------------


def fee_shares(total: Decimal, n: int) -> list[Decimal]:
    """``total`` split equally into ``n`` shares of whole cents; the first shares take the remainder."""
    share = (total / n).quantize(CENT, rounding=ROUND_DOWN)
    rest = int((total - share * n) / CENT)
    return [share + (CENT if i < rest else 0) for i in range(n)]


def _sum_heads(defendants: list[DefendantResult]) -> list[ClaimHead]:
    order: list[str] = []
    by_code: dict[str, list[ClaimHead]] = {}
    for d in defendants:
        for h in d.heads:
            if h.code not in by_code:
                order.append(h.code)
                by_code[h.code] = []
            by_code[h.code].append(h)
    out = []
    for code in order:
        hs = by_code[code]
        total = sum((h.amount for h in hs), Decimal(0))
        citations: list[Citation] = []
        for h in hs:
            citations += [c for c in h.citations if c not in citations]
        out.append(ClaimHead(code=code, label=hs[0].label, amount=total, currency=CURRENCY, basis=hs[0].basis,
                             citations=citations, formula=f"sum over {len(hs)} defendant(s) = {_m(total)}",
                             inputs=[]))
    return out


def scenario_result(case: UsCase, name: str, sc: UsScenario, law: UsLaw) -> ScenarioResult:
    w = Warnings(KINDS)
    stores = case.stores
    if sc.willful:
        assert case.willfulness is not None
        w.add("WILLFUL_CLAIMED", "willfulness is claimed on: " + "; ".join(case.willfulness.facts))
    shares: list[Decimal | None] = [None] * len(stores)
    if sc.remedy == "actual" and sc.treble and not sc.extenuating and sc.attorney_fee is not None:
        # shared by the stores trebling reaches (notice given, sales or damages proven)
        reached = [i for i, s in enumerate(stores)
                   if _notice(case, s) and (s.sales is not None or s.actual_damages is not None)]
        for i, share in zip(reached, fee_shares(sc.attorney_fee, len(reached)) if reached else [], strict=True):
            shares[i] = share
        if len(reached) > 1:
            w.add("ATTORNEY_FEE_SHARED", f"the attorney's fee {_m(sc.attorney_fee)} is shared equally by the "
                                         f"{len(reached)} defendants with proven sales or damages")
    defendants: list[DefendantResult] = []
    for store, share in zip(stores, shares, strict=True):
        dw = Warnings(KINDS)
        if sc.remedy == "statutory":
            heads, rng = statutory_store(case, sc, store, law, dw)
        else:
            heads, rng = actual_store(case, sc, store, share, law, dw)
        interest = interest_head(case, sc, heads, law, dw)
        if interest is not None:
            heads.append(interest)
        total = sum((h.amount for h in heads), Decimal(0))
        defendants.append(DefendantResult(id=store.id, store=store.alias, heads=heads, total=total, range=rng,
                                          warnings=dw.texts))
        kept = [(t, c) for t, c in zip(dw.texts, dw.codes, strict=True) if c not in GATHERED]
        w.extend([t for t, _ in kept], [c for _, c in kept])
    gather_proportion(defendants, law, w)
    for entry_name in ("statutory.minimum", "statutory.maximum"):
        entry = law.at(entry_name)
        if entry.verified != "yes":
            w.add("LAW_PARTIAL", f"{entry_name} {entry.value} (from {entry.start}) is verified from secondary "
                                 f"sources only: {entry.note or ''}".rstrip(": "))
    heads = _sum_heads(defendants)
    total = sum((d.total for d in defendants), Decimal(0))
    fee = filing_fee(law.filed)
    if fee is None:
        w.add("FILING_FEE_UNKNOWN", f"no filing fee schedule in our material for {law.filed.isoformat()}")
        fees = Fees(case_fee=None, claim_amount=total)
    else:
        fees = Fees(case_fee=fee[0], claim_amount=total, case_fee_formula=fee[1], case_fee_basis=fee[2])
    legal: list[str] = []
    cites: list[Citation] = []
    for ref in LIABILITY:
        legal.append(format_ref(ref))
        cites.append(citation(ref))
    for h in heads:
        for c in h.citations:
            if c not in cites:
                cites.append(c)
                legal.append(c.statute + " " + c.pinpoint)
    return ScenarioResult(name=name, heads=heads, total=total, fees=fees, warnings=w.texts, warning_codes=w.codes,
                          description=sc.description, liability_basis=[format_ref(r) for r in LIABILITY],
                          legal_basis=legal, citations=cites, defendants=defendants)


def forum_warnings(case: UsCase, w: Warnings) -> None:
    """Warnings about the case as a filing (personal jurisdiction, joinder): report level."""
    for s in case.stores:
        if s.test_buy is None or not s.test_buy.in_district:
            why = "has no test buy" if s.test_buy is None else f"was shipped to {s.test_buy.shipped_to}"
            w.add("NO_FORUM_TEST_BUY", f"defendant {s.id} ({s.alias}, {s.platform}) {why}, not into the "
                                       f"{case.district}: personal jurisdiction over it is doubtful — buy and ship "
                                       "into the district, or drop the store")
    if len(case.stores) > 1 and not case.joinder:
        w.add("JOINDER_FACTS", f"{len(case.stores)} defendants and no `joinder` facts: courts sever or dismiss "
                               "misjoined Schedule A defendants — state the common facts, or set split: platform "
                               "or product")


def compute(case: UsCase, sales, case_label: str) -> DamagesReport:
    from litigator.forums.us.stores import load_stores

    load_stores(case, Path(case_label))
    law = law_for(case)
    w = Warnings(KINDS)
    forum_warnings(case, w)
    results = [scenario_result(case, name, sc, law) for name, sc in case.scenarios.items()]
    assert case.filed_scenario is not None
    return DamagesReport(case=case_label, jurisdiction="us", currency=CURRENCY, filed_scenario=case.filed_scenario,
                         scenarios=results, warnings=w.texts, warning_codes=w.codes)


def explain(report: DamagesReport, case: UsCase | None = None) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for s in report.scenarios:
        lines = []
        for d in s.defendants:
            for h in d.heads:
                lines.append(f"Defendant {d.id} ({d.store}): {h.label}, {_m(h.amount)} USD under {h.basis}: "
                             f"{h.formula}.")
        lines.append(f"Total {_m(s.total)} USD over {len(s.defendants)} defendant(s).")
        if s.fees.case_fee is not None:
            lines.append(f"Filing fee {_m(s.fees.case_fee)} USD ({s.fees.case_fee_formula}; {s.fees.case_fee_basis}); "
                         "a flat fee, not scaled to the claim.")
        out[s.name] = lines
    return out


def measure(sc: UsScenario) -> str:
    return "statutory" if sc.remedy == "statutory" else "compensatory"
