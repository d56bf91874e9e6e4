"""Court fees under 诉讼费用交纳办法 (State Council Decree No. 481, in force 2007-04-01).

The schedules are data in ``law.yaml`` (``fees.property_case``, ``fees.personality_case``,
``fees.preservation``, ``fees.summary_procedure``), read on the filing date. A schedule is a flat fee
up to a floor, then a rate on the part of the amount inside each bracket (分段累计). The worked values
of the decree (docs/damages-cn.md, "Court fees") are the golden tests of tests/damages/test_fees.py.

* Property cases (Art. 13(1)): the claim amount through the property brackets.
* Personality-right cases (Art. 13(2)2, e.g. a goodwill claim pleaded in tort as 名誉权): a per-case
  fee the province fixes within 100–500, plus nothing on damages up to 50,000, 1 % of the part to
  100,000 and 0.5 % above. Our material has no provincial figure: the case's
  ``law.personality_case_fee`` chooses one; the default is the top of the national range, so the fee
  is never under-estimated, and a warning says so.
* Preservation (Art. 14(2)): on the property actually preserved, which civil procedure limits to the
  claim (民事诉讼法 Art. 105 since 2022-01-01, Art. 102 before): the fee is computed on the lesser of
  the amount asked and the claim, and a larger amount warns.
* Summary procedure (Art. 16) halves the case fee. **Rounding, once**: every fee is computed exactly
  in Decimal and rounded a single time to the fen, ROUND_HALF_UP — the summary half is taken of the
  exact fee, not of a fee already rounded, so no amount is rounded twice (at 10,001: 50.025 ÷ 2 =
  25.0125 → 25.01, where rounding first would give 25.02).

A negative fee base, or one of 10^14 or more, is a DamagesError (bad input, exit 2), never a crash.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from litigator.damages.model import MAX_AMOUNT
from litigator.errors import DamagesError
from litigator.forums.cn.law import CnLaw, book
from litigator.money import format_amount, quantize

D = Decimal
Schedule = Literal["property", "personality"]
DEFAULT_FILING = dt.date(2026, 12, 1)  # only for callers that give no date: the schedules have not changed since 2007


@dataclass(frozen=True)
class FeeBracket:
    """One bracket of a tiered fee: amounts above ``lower`` up to ``upper`` (None: no upper bound) at ``rate``
    (None: the flat fee of the first bracket), the ``part`` of the amount inside it and the exact ``fee``."""

    lower: Decimal
    upper: Decimal | None
    rate: Decimal | None
    part: Decimal
    fee: Decimal


@dataclass(frozen=True)
class Tiers:
    floor: Decimal
    flat: Decimal
    brackets: tuple[tuple[Decimal | None, Decimal], ...]
    cap: Decimal | None = None

    @classmethod
    def of(cls, value: dict) -> Tiers:
        brackets = tuple((D(upper) if upper is not None else None, D(rate)) for upper, rate in value["brackets"])
        cap = D(value["cap"]) if value.get("cap") is not None else None
        return cls(D(value["flat"]["upto"]), D(value["flat"]["fee"]), brackets, cap)

    def exact(self, amount: Decimal) -> Decimal:
        """The fee before rounding."""
        _check(amount)
        fee = self.flat
        lower = self.floor
        for upper, rate in self.brackets:
            if amount <= lower:
                break
            part = (min(amount, upper) if upper is not None else amount) - lower
            fee += part * rate
            if upper is None:
                break
            lower = upper
        return min(fee, self.cap) if self.cap is not None else fee

    def brackets_of(self, amount: Decimal) -> list[FeeBracket]:
        """The computation bracket by bracket: the flat part, then each bracket the amount reaches, with the
        part of the amount inside it and the (exact) fee on that part; their fees sum to :meth:`exact`
        before any cap."""
        _check(amount)
        out = [FeeBracket(Decimal(0), self.floor, None, min(amount, self.floor), self.flat)]
        lower = self.floor
        for upper, rate in self.brackets:
            if amount <= lower:
                break
            part = (min(amount, upper) if upper is not None else amount) - lower
            out.append(FeeBracket(lower, upper, rate, part, part * rate))
            if upper is None:
                break
            lower = upper
        return out

    def parts(self, amount: Decimal) -> list[str]:
        """The terms of the computation: ``50.00``, ``90,000.00 × 2.5%``, ..."""
        out = [format_amount(self.flat)]
        lower = self.floor
        for upper, rate in self.brackets:
            if amount <= lower:
                break
            part = (min(amount, upper) if upper is not None else amount) - lower
            out.append(f"{format_amount(part)} × {(rate * 100).normalize()}%")
            if upper is None:
                break
            lower = upper
        return out


def _check(amount: Decimal) -> None:
    if not Decimal(amount).is_finite():
        raise DamagesError(f"not an amount: {amount}")
    if amount < 0:
        raise DamagesError(f"a fee base must not be negative (got {amount})")
    if amount >= MAX_AMOUNT:
        raise DamagesError(f"amount too large for the fee schedule (got {amount}; at most 99,999,999,999,999.99)")


def _law(on: dt.date | None) -> CnLaw:
    return CnLaw(filed=on or DEFAULT_FILING, book=book())


def property_tiers(on: dt.date | None = None) -> Tiers:
    return Tiers.of(_law(on).at("fees.property_case", on or DEFAULT_FILING).value)


def personality_tiers(on: dt.date | None = None) -> tuple[Tiers, Decimal, Decimal]:
    """(tiers on the damages, per-case minimum, per-case maximum)."""
    value = _law(on).at("fees.personality_case", on or DEFAULT_FILING).value
    return Tiers.of(value), D(value["per_case"]["min"]), D(value["per_case"]["max"])


def summary_share(on: dt.date | None = None) -> Decimal:
    return D(_law(on).at("fees.summary_procedure", on or DEFAULT_FILING).value)


def preservation_tiers(on: dt.date | None = None) -> Tiers:
    return Tiers.of(_law(on).at("fees.preservation", on or DEFAULT_FILING).value)


def case_acceptance_fee(amount: Decimal, summary: bool = False, on: dt.date | None = None,
                        schedule: Schedule = "property", per_case: Decimal | None = None) -> Decimal:
    """案件受理费 on the sum of the monetary claims (expenses included), rounded once.

    ``schedule="personality"`` uses Art. 13(2)2 with ``per_case`` (default: the top of the range).
    """
    amount = Decimal(amount)
    if schedule == "personality":
        tiers, low, high = personality_tiers(on)
        base = high if per_case is None else Decimal(per_case)
        if not low <= base <= high:
            raise DamagesError(f"the per-case fee {format_amount(base)} is outside the national range "
                               f"{format_amount(low)}–{format_amount(high)}", "case.yaml", "law.personality_case_fee")
        fee = base + tiers.exact(amount)
    else:
        fee = property_tiers(on).exact(amount)
    return quantize(fee * summary_share(on)) if summary else quantize(fee)


def preservation_fee(amount: Decimal, on: dt.date | None = None) -> Decimal:
    """财产保全申请费 on the amount preserved, capped (Art. 14(2))."""
    return quantize(preservation_tiers(on).exact(Decimal(amount)))


def preservation_cap(on: dt.date | None = None) -> Decimal:
    cap = preservation_tiers(on).cap
    assert cap is not None
    return cap


def fee_split(case_fee: Decimal, claim: Decimal, award: Decimal) -> tuple[Decimal, Decimal]:
    """(plaintiff bears, defendant bears) of ``case_fee`` if ``award`` of ``claim`` is granted.

    Proportional estimate; the award is capped at the claim (a court does not award more than is
    claimed). The defendant's share is rounded to the fen ROUND_HALF_UP, the plaintiff bears the rest.
    """
    fee = quantize(Decimal(case_fee))
    claim = Decimal(claim)
    if claim <= 0:
        return fee, Decimal("0.00")
    award = max(Decimal(0), min(Decimal(award), claim))
    defendant = quantize(fee * award / claim)
    return quantize(fee - defendant), defendant


APPORTIONMENT_METHOD = (
    "estimate: the case fee split in proportion to the amount awarded (defendant: fee × award ÷ claim; "
    "plaintiff: the rest). Art. 29 ¶1 puts costs on the losing party; on partial success ¶2 lets the "
    "court decide on the circumstances, and proportional sharing is common practice, not a rule."
)


def case_fee_formula(amount: Decimal, summary: bool = False, on: dt.date | None = None,
                     schedule: Schedule = "property", per_case: Decimal | None = None) -> str:
    """The computation written out, e.g. ``50.00 + 90,000.00 × 2.5% + 20,000.00 × 2% = 2,700.00``; a
    personality-right case starts with the per-case fee; summary procedure halves the exact fee."""
    amount = Decimal(amount)
    if schedule == "personality":
        tiers, _, high = personality_tiers(on)
        base = high if per_case is None else Decimal(per_case)
        exact = base + tiers.exact(amount)
        parts = [f"{format_amount(base)}（每件）"] + [p for p in tiers.parts(amount)[1:]]
    else:
        tiers = property_tiers(on)
        exact = tiers.exact(amount)
        parts = tiers.parts(amount)
    text = " + ".join(parts) + f" = {format_amount(quantize(exact))}"
    if summary:
        share = summary_share(on)
        text += f"; × {share.normalize()} (简易程序) = {format_amount(quantize(exact * share))}"
    return text


@dataclass(frozen=True)
class FeeBreakdown:
    """A fee written out bracket by bracket (the calculation appendix): ``exact`` is the sum of the brackets'
    fees (and of ``per_case``); the cap, then the summary-procedure ``share``, apply to the exact sum, and
    ``fee`` is rounded once — the fee the damages report carries."""

    base: Decimal
    brackets: tuple[FeeBracket, ...]
    exact: Decimal
    fee: Decimal
    ref: str
    per_case: Decimal | None = None
    cap: Decimal | None = None
    capped: bool = False
    share: Decimal | None = None

    @property
    def before_share(self) -> Decimal:
        """The exact fee after the cap, before the summary-procedure share."""
        return min(self.exact, self.cap) if self.cap is not None else self.exact


def case_fee_breakdown(amount: Decimal, summary: bool = False, on: dt.date | None = None,
                       schedule: Schedule = "property", per_case: Decimal | None = None) -> FeeBreakdown:
    """案件受理费 bracket by bracket (the same computation as :func:`case_acceptance_fee`)."""
    amount = Decimal(amount)
    law = _law(on)
    name = "fees.personality_case" if schedule == "personality" else "fees.property_case"
    entry = law.at(name, on or DEFAULT_FILING)
    base = None
    if schedule == "personality":
        tiers, _, high = personality_tiers(on)
        base = high if per_case is None else Decimal(per_case)
    else:
        tiers = property_tiers(on)
    brackets = tuple(tiers.brackets_of(amount))
    exact = sum((b.fee for b in brackets), base or Decimal(0))
    share = summary_share(on) if summary else None
    fee = quantize(exact * share) if share is not None else quantize(exact)
    return FeeBreakdown(amount, brackets, exact, fee, entry.ref or name, per_case=base, share=share)


def preservation_fee_breakdown(amount: Decimal, on: dt.date | None = None) -> FeeBreakdown:
    """财产保全申请费 bracket by bracket, then the cap (the same computation as :func:`preservation_fee`)."""
    amount = Decimal(amount)
    entry = _law(on).at("fees.preservation", on or DEFAULT_FILING)
    tiers = preservation_tiers(on)
    brackets = tuple(tiers.brackets_of(amount))
    exact = sum((b.fee for b in brackets), Decimal(0))
    capped = tiers.cap is not None and exact > tiers.cap
    fee = quantize(min(exact, tiers.cap) if tiers.cap is not None else exact)
    return FeeBreakdown(amount, brackets, exact, fee, entry.ref or "fees.preservation", cap=tiers.cap, capped=capped)
