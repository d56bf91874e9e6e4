"""Court fees under 诉讼费用交纳办法 (State Council Decree No. 481, in force 2007-04-01).

The brackets are data (the law is a table): each row is (upper bound of the bracket, rate on the
part of the amount inside it). Fees are tiered and cumulative (分段累计), rounded to the fen
ROUND_HALF_UP. Worked values (law.md §6): 120,000 → 2,700; 1,000,000 → 13,800; 1,400,000 → 17,400;
2,670,000 → 28,160; 3,210,000 → 32,480; 5,000,000 → 46,800; 20,000,000 → 141,800.

A negative fee base, or one of 10^14 or more, is a DamagesError (bad input, exit 2), never a crash.

Rounding: the fee is computed exactly in Decimal and rounded once to the fen, ROUND_HALF_UP; the
summary-procedure half (Art. 16) is rounded the same way.
"""

from __future__ import annotations

from decimal import Decimal

from litigator.damages.model import MAX_AMOUNT
from litigator.errors import DamagesError
from litigator.money import quantize

D = Decimal

# Art. 13(1): property cases. ≤ 10,000: flat 50 per case; then rates per bracket.
CASE_FEE_FLAT = (D("10000"), D("50"))
CASE_FEE_BRACKETS: tuple[tuple[Decimal | None, Decimal], ...] = (
    (D("100000"), D("0.025")),
    (D("200000"), D("0.02")),
    (D("500000"), D("0.015")),
    (D("1000000"), D("0.01")),
    (D("2000000"), D("0.009")),
    (D("5000000"), D("0.008")),
    (D("10000000"), D("0.007")),
    (D("20000000"), D("0.006")),
    (None, D("0.005")),
)
CASE_FEE_BASIS = "《诉讼费用交纳办法》第十三条第（一）项"
SUMMARY_BASIS = "《诉讼费用交纳办法》第十六条"

# Art. 14(2): preservation application fee. ≤ 1,000 (or no amount): 30; 1% of the part
# 1,000–100,000; 0.5% above 100,000; at most 5,000.
PRESERVATION_FLAT = (D("1000"), D("30"))
PRESERVATION_BRACKETS: tuple[tuple[Decimal | None, Decimal], ...] = (
    (D("100000"), D("0.01")),
    (None, D("0.005")),
)
PRESERVATION_CAP = D("5000")
PRESERVATION_BASIS = "《诉讼费用交纳办法》第十四条第（二）项"


def _tiered(amount: Decimal, flat: tuple[Decimal, Decimal],
            brackets: tuple[tuple[Decimal | None, Decimal], ...]) -> Decimal:
    if not Decimal(amount).is_finite():
        raise DamagesError(f"not an amount: {amount}")
    if amount < 0:
        raise DamagesError(f"a fee base must not be negative (got {amount})")
    if amount >= MAX_AMOUNT:
        raise DamagesError(f"amount too large for the fee schedule (got {amount}; at most 99,999,999,999,999.99)")
    floor, fee = flat
    lower = floor
    for upper, rate in brackets:
        if amount <= lower:
            break
        part = (min(amount, upper) if upper is not None else amount) - lower
        fee += part * rate
        if upper is None:
            break
        lower = upper
    return quantize(fee)


def case_acceptance_fee(amount: Decimal, summary: bool = False) -> Decimal:
    """案件受理费 on the sum of the monetary claims; halved under summary procedure (Art. 16)."""
    fee = _tiered(Decimal(amount), CASE_FEE_FLAT, CASE_FEE_BRACKETS)
    return quantize(fee / 2) if summary else fee


def preservation_fee(amount: Decimal) -> Decimal:
    """财产保全申请费 on the amount to be preserved, capped at 5,000."""
    return quantize(min(_tiered(Decimal(amount), PRESERVATION_FLAT, PRESERVATION_BRACKETS), PRESERVATION_CAP))


APPORTIONMENT_BASIS = "《诉讼费用交纳办法》第二十九条"
APPORTIONMENT_METHOD = (
    "estimate: the case fee split in proportion to the amount awarded (defendant: fee × award ÷ claim; "
    "plaintiff: the rest). Art. 29 ¶1 puts costs on the losing party; on partial success ¶2 lets the "
    "court decide on the circumstances, and proportional sharing is common practice, not a rule."
)


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


def case_fee_formula(amount: Decimal, summary: bool = False) -> str:
    """The tiered computation written out, e.g. ``50 + 90,000.00 × 2.5% + 20,000.00 × 2% = 2,700.00``."""
    from litigator.money import format_amount

    amount = Decimal(amount)
    full = _tiered(amount, CASE_FEE_FLAT, CASE_FEE_BRACKETS)  # validates the amount before it is formatted
    floor, fee = CASE_FEE_FLAT
    parts = [f"{format_amount(fee)}"]
    lower = floor
    for upper, rate in CASE_FEE_BRACKETS:
        if amount <= lower:
            break
        part = (min(amount, upper) if upper is not None else amount) - lower
        parts.append(f"{format_amount(part)} × {(rate * 100).normalize()}%")
        if upper is None:
            break
        lower = upper
    text = " + ".join(parts) + f" = {format_amount(full)}"
    if summary:
        text += f"; ÷ 2 (简易程序) = {format_amount(quantize(full / 2))}"
    return text
