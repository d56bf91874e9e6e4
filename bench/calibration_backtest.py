"""Leave-one-out backtest of the calibration on the shipped precedent library.

Usage: python bench/calibration_backtest.py [--forum cn|us] [--verbose]

For each plaintiff type (platforms and brand owners separately), every ordinary case with a claim and
a non-zero award is left out in turn and predicted from the others with the production code
(litigator.precedents.calibration: candidates, estimate). Its own features stand in for the case's:
cause, defendant type, product category, stated sales, claim, and its decision date for recency.

Printed per set: the median absolute log10 error of the mid estimate (0.30 = a factor of 2 either
way) and how often the actual award falls inside [low, high], for

* naive            award = claim
* median award     the plain median award of the others (the issue's reference)
* claim x ratio    claim × the plain median award/claim ratio of the others (the issue's reference)
* ours             claim × weighted quartiles of the neighbours' ratios (population fallback when
                   fewer than 3 neighbours) — what `litigator damages` reports
* ours: awards     weighted quartiles of the neighbours' awards (revenue-scaled where both have sales)
* ours: revenue    this case's stated sales × weighted quartiles of the neighbours' award/sales ratios
                   (only cases with stated sales and at least one neighbour with sales)

Zero awards are not targets (log10(0) is undefined) but stay in the pool; predictions below 1 count
as 1 in the log error. The set is small: the method is chosen on principle, and these figures say
where it stands, not what to tune.
"""

from __future__ import annotations

import math
import statistics
import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from litigator.precedents import load  # noqa: E402
from litigator.precedents.calibration import (  # noqa: E402
    QUARTILES,
    CaseFeatures,
    awarded_range,
    candidates,
    decision_date,
    estimate,
    measure_of_precedent,
    ratio_of,
    weighted_quantile,
)
from litigator.precedents.model import Precedent  # noqa: E402


def features_of(p: Precedent) -> CaseFeatures:
    assert p.claimed is not None
    sales = p.sales.amount if p.sales is not None and p.sales.amount else None
    return CaseFeatures(forum=p.forum, plaintiff_type=p.plaintiff_type, causes=frozenset({p.cause}),
                        defendant_type=p.defendant_type, product_category=p.product_category, revenue=sales,
                        claim=p.claimed.total, on=decision_date(p), measure=measure_of_precedent(p))


def log_error(predicted: Decimal, actual: Decimal) -> float:
    return abs(math.log10(max(float(predicted), 1.0)) - math.log10(float(actual)))


def run(forum: str, plaintiff_type: str, verbose: bool) -> dict[str, tuple[float, float | None, int]]:
    library = load()
    population = library.populations.get(forum)
    everything = [p for p in library.precedents(forum) if p.plaintiff_type == plaintiff_type]
    targets = [p for p in everything if p.calibratable and p.selection == "ordinary"
               and p.awarded is not None and p.awarded.total > 0]
    errors: dict[str, list[float]] = {k: [] for k in ("naive", "median award", "claim x ratio", "ours",
                                                       "ours: awards", "ours: revenue")}
    inside: dict[str, list[bool]] = {k: [] for k in ("ours", "ours: awards", "ours: revenue")}
    for t in targets:
        assert t.claimed is not None and t.awarded is not None
        actual, claim = t.awarded.total, t.claimed.total
        feats = features_of(t)
        pool = candidates(library, feats, exclude=t.id)
        if not pool:
            continue
        errors["naive"].append(log_error(claim, actual))
        errors["median award"].append(log_error(Decimal(statistics.median(p.awarded.total for p in pool)), actual))
        errors["claim x ratio"].append(log_error(claim * Decimal(statistics.median(ratio_of(p) for p in pool)),
                                                 actual))
        est = estimate(pool, feats, population)
        assert est.ratios is not None
        low, mid, high = (claim * r for r in est.ratios)
        errors["ours"].append(log_error(mid, actual))
        inside["ours"].append(low <= actual <= high)
        if est.used:
            a_low, a_high = awarded_range(est.used, feats.revenue)
            a_mid = weighted_quantile([(a, s.weight) for a, s in zip(
                (awarded_range([s], feats.revenue)[0] for s in est.used), est.used)], QUARTILES[1])
            errors["ours: awards"].append(log_error(a_mid, actual))
            inside["ours: awards"].append(a_low <= actual <= a_high)
            with_sales = [s for s in est.used if s.precedent.sales and s.precedent.sales.amount]
            if feats.revenue and with_sales:
                pairs = [(s.precedent.awarded.total / s.precedent.sales.amount, s.weight) for s in with_sales]
                r_low, r_mid, r_high = (feats.revenue * weighted_quantile(pairs, q) for q in QUARTILES)
                errors["ours: revenue"].append(log_error(r_mid, actual))
                inside["ours: revenue"].append(r_low <= actual <= r_high)
        if verbose:
            print(f"  {t.id:45} claim {claim:>14,.0f} award {actual:>12,.0f} ours {mid:>12,.0f} "
                  f"[{low:,.0f}–{high:,.0f}] {est.estimator} n={len(est.neighbours)}")
    out = {}
    for name, errs in errors.items():
        cover = inside.get(name)
        out[name] = (statistics.median(errs) if errs else float("nan"),
                     (sum(cover) / len(cover)) if cover else None, len(errs))
    return out


def main(argv: list[str]) -> int:
    forum = argv[argv.index("--forum") + 1] if "--forum" in argv else "cn"
    verbose = "--verbose" in argv
    for plaintiff_type in ("platform", "brand_owner"):
        if verbose:
            print(f"[{forum} {plaintiff_type}]")
        result = run(forum, plaintiff_type, verbose)
        print(f"\n{forum} {plaintiff_type}: leave-one-out")
        print(f"  {'estimator':16} {'n':>3} {'median |log10 err|':>19} {'coverage [low, high]':>21}")
        for name, (err, cover, n) in result.items():
            shown = f"{cover:.0%}" if cover is not None else "—"
            print(f"  {name:16} {n:>3} {err:>19.2f} {shown:>21}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
