"""Similarity: transparent features, a near-duplicate first, quantiles that a hand can check."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

from hypothesis import given
from hypothesis import strategies as st

from litigator.precedents import load
from litigator.precedents.calibration import (
    UNKNOWN,
    WEIGHTS,
    CaseFeatures,
    candidates,
    decision_date,
    features,
    rank,
    scale_similarity,
    score,
    weighted_quantile,
)


def like(p, claim_factor=D("1.05")) -> CaseFeatures:
    """A case built to resemble precedent ``p`` closely (its claim 5 % higher)."""
    return CaseFeatures(forum=p.forum, plaintiff_type=p.plaintiff_type, causes=frozenset({p.cause}),
                        defendant_type=p.defendant_type, product_category=p.product_category,
                        revenue=p.sales.amount if p.sales else None, claim=p.claimed.total * claim_factor,
                        on=decision_date(p))


def test_a_hand_built_near_duplicate_ranks_first_in_the_shipped_library():
    lib = load()
    for pid in ("taobao-v-yao-royalcanin-2017", "burberry-v-chen-2015", "midea-v-li-2016"):
        target = lib.get(pid).precedent
        feats = like(target)
        ranked = rank(candidates(lib, feats), feats)
        assert ranked[0].precedent.id == pid, [(s.precedent.id, s.score) for s in ranked[:3]]
        assert ranked[0].score > ranked[1].score


def test_scale_similarity_by_hand():
    assert scale_similarity(D(1000), D(1000)) == D("1.0000")
    assert scale_similarity(D(1000), D(10000)) == D("0.5000")   # one decade apart
    assert scale_similarity(D(100), D(10000)) == D("0.0000")    # two decades: nothing alike
    assert scale_similarity(D(100), D(1000000)) == D("0.0000")  # floored at 0
    assert scale_similarity(None, D(5)) == UNKNOWN


def test_score_is_the_weighted_mean_of_the_features():
    sims = {f: D(1) for f in WEIGHTS}
    assert score(sims) == D("1.0000")
    sims["cause"] = D(0)
    assert score(sims) == D("0.7500")  # 9 of 12


def test_recency_halves_every_ten_years():
    lib = load()
    p = lib.get("taobao-v-yao-royalcanin-2017").precedent  # decided 2017-07-20
    feats = like(p)
    ten_years = CaseFeatures(**{**feats.__dict__, "on": dt.date(2027, 7, 20)})
    # 3,652 days = 9.9986 years: 0.5 ** 0.99986 = 0.50005 → 0.5000 at 4 places
    assert features(ten_years, p)["recency"] == D("0.5000")


values = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)
weights = st.decimals(min_value=D("0.01"), max_value=1, places=2)


@given(st.lists(st.tuples(values, weights), min_size=1, max_size=30),
       st.decimals(min_value=D("0.01"), max_value=1, places=2))
def test_weighted_quantile_is_a_value_reached_by_cumulative_weight(pairs, q):
    got = weighted_quantile(pairs, q)
    assert got in [v for v, _ in pairs]
    total = sum(w for _, w in pairs)
    below = sum(w for v, w in pairs if v < got)
    upto = sum(w for v, w in pairs if v <= got)
    assert below < q * total <= upto


@given(st.lists(values, min_size=1, max_size=30), st.integers(min_value=1, max_value=100))
def test_equal_weights_give_the_inverted_empirical_cdf(xs, pct):
    q = D(pct) / 100
    ordered = sorted(xs)
    k = next(i for i in range(1, len(xs) + 1) if D(i) >= q * len(xs))  # smallest k with k/n ≥ q
    assert weighted_quantile([(x, D(1)) for x in xs], q) == ordered[k - 1]
