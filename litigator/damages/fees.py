"""Court fees under 诉讼费用交纳办法 (State Council Decree No. 481, in force 2007-04-01).

The brackets are data (the law is a table): each row is (upper bound of the bracket, rate on the
part of the amount inside it). Fees are tiered and cumulative (分段累计), rounded to the fen
ROUND_HALF_UP. Worked values (law.md §6): 120,000 → 2,700; 1,000,000 → 13,800;
2,670,000 → 28,160; 20,000,000 → 141,800.
"""

from __future__ import annotations

from decimal import Decimal

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
    if amount < 0:
        raise ValueError("amount must not be negative")
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
