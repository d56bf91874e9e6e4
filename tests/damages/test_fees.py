"""Court fees (诉讼费用交纳办法): expected values are hand-computed from the Art. 13/14 tables."""

from decimal import Decimal as D

import pytest

from litigator.forums.cn.fees import case_acceptance_fee, fee_split, preservation_fee

# law.md §6 worked values.
WORKED = [(120_000, "2700.00"), (1_000_000, "13800.00"), (1_400_000, "17400.00"), (2_670_000, "28160.00"),
          (3_210_000, "32480.00"), (5_000_000, "46800.00"), (20_000_000, "141800.00")]

# Every bracket boundary: cumulative sums of the Art. 13(1) rates.
BOUNDARIES = [
    (0, "50.00"), (5_000, "50.00"), (10_000, "50.00"),
    (100_000, "2300.00"),       # 50 + 90,000 × 2.5%
    (200_000, "4300.00"),       # + 100,000 × 2%
    (500_000, "8800.00"),       # + 300,000 × 1.5%
    (1_000_000, "13800.00"),    # + 500,000 × 1%
    (2_000_000, "22800.00"),    # + 1,000,000 × 0.9%
    (5_000_000, "46800.00"),    # + 3,000,000 × 0.8%
    (10_000_000, "81800.00"),   # + 5,000,000 × 0.7%
    (20_000_000, "141800.00"),  # + 10,000,000 × 0.6%
    (30_000_000, "191800.00"),  # + 10,000,000 × 0.5%
]


@pytest.mark.parametrize("amount,fee", WORKED + BOUNDARIES)
def test_case_fee(amount, fee):
    assert case_acceptance_fee(D(amount)) == D(fee)


@pytest.mark.parametrize("amount,fee", [
    ("10040", "51.00"),         # 50 + 40 × 2.5%
    ("100100", "2302.00"),      # 2,300 + 100 × 2%
    ("200100", "4301.50"),      # 4,300 + 100 × 1.5%
    ("500100", "8801.00"),      # 8,800 + 100 × 1%
    ("1000100", "13800.90"),    # 13,800 + 100 × 0.9%
    ("2000100", "22800.80"),    # 22,800 + 100 × 0.8%
    ("5000100", "46800.70"),    # 46,800 + 100 × 0.7%
    ("10000100", "81800.60"),   # 81,800 + 100 × 0.6%
    ("20000100", "141800.50"),  # 141,800 + 100 × 0.5%
])
def test_case_fee_just_above_each_boundary(amount, fee):
    assert case_acceptance_fee(D(amount)) == D(fee)


def test_case_fee_rounds_half_up_to_the_fen():
    # 50 + 9.80 × 2.5% = 50.245 → 50.25 (ROUND_HALF_UP; banker's rounding would give 50.24)
    assert case_acceptance_fee(D("10009.80")) == D("50.25")


@pytest.mark.parametrize("amount,fee", [
    ("120000", "1350.00"), ("1000000", "6900.00"), ("10000", "25.00"),
    # rounded once (fees.py): the exact fee 50.245 is halved, 25.1225 → 25.12 (rounding first gave 25.13)
    ("10009.80", "25.12"),
])
def test_summary_procedure_halves(amount, fee):
    assert case_acceptance_fee(D(amount), summary=True) == D(fee)


@pytest.mark.parametrize("amount,fee", [
    (0, "30.00"), (500, "30.00"), (1_000, "30.00"),
    (1_100, "31.00"),            # 30 + 100 × 1%
    (100_000, "1020.00"),        # 30 + 99,000 × 1%
    (300_000, "2020.00"),        # 1,020 + 200,000 × 0.5%
    (320_000, "2120.00"),        # 1,020 + 220,000 × 0.5%
    (895_000, "4995.00"),        # 1,020 + 795,000 × 0.5%
    (896_000, "5000.00"),        # reaches the cap exactly
    (1_000_000, "5000.00"),      # 5,520 capped at 5,000
    (50_000_000, "5000.00"),
])
def test_preservation_fee_and_cap(amount, fee):
    assert preservation_fee(D(amount)) == D(fee)


def test_fee_split_is_proportional_estimate():
    # 2,700 on a 120,000 claim; 30,000 awarded → defendant 2,700 × 1/4 = 675, plaintiff 2,025
    assert fee_split(D("2700"), D("120000"), D("30000")) == (D("2025.00"), D("675.00"))
    assert fee_split(D("2700"), D("120000"), D("120000")) == (D("0.00"), D("2700.00"))
    assert fee_split(D("2700"), D("120000"), D("999999")) == (D("0.00"), D("2700.00"))  # capped at the claim
    assert fee_split(D("2700"), D("120000"), D("0")) == (D("2700.00"), D("0.00"))
