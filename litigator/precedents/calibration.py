"""Calibration: the decided cases most like this one, what they were awarded, what this claim may get.

The method, with its features, weights and a worked example, is in docs/precedents.md; in short:

1. **Candidates**: precedents of the case's forum and plaintiff type (platforms and brand owners are
   calibrated separately) whose claim and award are both known, whose award is not symbolic and was
   not reversed or vacated. Courts' published "typical cases" (``selection: exemplary``) are left out
   unless ``calibration.include_exemplary`` is set; then they count at :data:`EXEMPLARY_WEIGHT`.
2. **Similarity** of a candidate: ``score = Σ weight_f × s_f / Σ weight_f`` over the features of
   :data:`WEIGHTS`, each ``s_f`` in [0, 1], rounded to 4 places (see :func:`features`).
3. **Neighbours**: the :data:`K` best with ``score ≥`` :data:`MIN_SCORE` (ties by id). With fewer than
   :data:`MIN_NEIGHBOURS`, a warning, and the fallback: the forum's population figure for the
   plaintiff type (its award/claim quartiles), else the :data:`K` best candidates whatever their score.
4. **Expected award** of a scenario (risk pricing): its claim × the weighted quartiles (25th, 50th,
   75th percentile) of the neighbours' award/claim ratios, each ratio at most 1, weights = scores.
5. **Awarded range** (over-claim test): the weighted 25th and 75th percentiles of the neighbours'
   awards in money, each scaled by this case's counterfeit revenue ÷ the neighbour's stated sales where
   both are known. It never depends on this claim, so inflating a claim cannot raise it.
6. **Over-claim**: a claim above ``awarded_range.high × factor``, where the factor is the forum's
   published mean claim ÷ mean award (China: 186,300 ÷ 44,700 ≈ 4.17, population.yaml), warns with
   the excess and its price: fee(claim) − fee(awarded_range.high).

Weighted quantile (:func:`weighted_quantile`): the inverted weighted empirical CDF — sort the values,
and take the first whose cumulative weight reaches ``q × total weight``. No interpolation, so every
quantile is one of the values and a test can compute it by hand.

The calibration never changes a claim: it annotates the report (``calibration``, each scenario's
``calibration``, ``risk``) and adds warnings. It is internal work product and never reaches the complaint.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

from litigator.damages.model import (
    AwardRange,
    Calibration,
    DamagesReport,
    FeeShare,
    MoneyRange,
    Neighbour,
    RiskRow,
    ScenarioCalibration,
    ScenarioResult,
)
from litigator.money import format_amount, quantize
from litigator.precedents.library import Library
from litigator.precedents.model import Population, Precedent
from litigator.warnings import Warnings

if TYPE_CHECKING:  # pragma: no cover
    from litigator.sales.model import SalesSummary

D = Decimal

# Feature weights: the legal theory decides what a court may award at all (contract loss, Art. 63
# damages, AUCL), and the measure how it is counted (an agreed 违约金 follows the clause, a punitive
# award multiplies a base); whether the defendant sold online and how much it sold set the scale; the
# claim's own scale, the goods and the age of the decision matter less. Chosen on principle, not fitted (the
# library is too small to fit anything); docs/precedents.md explains each.
WEIGHTS: dict[str, Decimal] = {
    "cause": D(3),
    "measure": D(2),
    "defendant_type": D(2),
    "sales_scale": D(2),
    "claim_scale": D(1),
    "product_category": D(1),
    "recency": D(1),
}
UNKNOWN = D("0.5")          # a feature unknown on either side: neither like nor unlike
SCALE_DECADES = 2           # scale similarity falls to 0 at a factor of 100 (two decades) apart
HALF_LIFE_YEARS = 10        # a decision ten years older counts half on recency
K = 5                       # neighbours used
MIN_SCORE = D("0.6")        # "similar enough"
MIN_NEIGHBOURS = 3          # fewer: warning and fallback
EXEMPLARY_WEIGHT = D("0.5")  # a published typical case, when included
QUARTILES = (D("0.25"), D("0.5"), D("0.75"))
PLACES = D("0.0001")


# How an award is measured: an agreed sum (违约金), a punitive multiple, statutory damages, or
# compensation for a loss or gain (incl. 酌定 amounts). Statutory and compensatory awards are close
# (Chinese courts set most "statutory" awards by discretion), so they count half alike.
MEASURES = ("agreed", "punitive", "statutory", "compensatory")
_MEASURE_OF_BASIS = {"liquidated_damages": "agreed", "punitive": "punitive", "statutory": "statutory",
                     "discretionary": "compensatory", "infringer_profit": "compensatory",
                     "right_holder_loss": "compensatory", "licence_fee": "compensatory"}


def measure_of_precedent(p: Precedent) -> str | None:
    """The measure of a precedent's award from its ``basis`` (the first of MEASURES present), or None."""
    found = {_MEASURE_OF_BASIS[b] for b in p.basis if b in _MEASURE_OF_BASIS}
    return next((m for m in MEASURES if m in found), None)


def measure_similarity(a: str | None, b: str | None) -> Decimal:
    if a is None or b is None:
        return UNKNOWN
    if a == b:
        return D(1)
    return UNKNOWN if {a, b} == {"statutory", "compensatory"} else D(0)


@dataclass(frozen=True)
class CaseFeatures:
    """What the calibration knows of the case being calibrated."""

    forum: str
    plaintiff_type: str
    causes: frozenset[str]
    defendant_type: str | None
    product_category: str | None
    revenue: Decimal | None
    claim: Decimal | None
    on: dt.date | None
    include_exemplary: bool = False
    measure: str | None = None

    def shown(self) -> dict[str, str | None]:
        return {"forum": self.forum, "plaintiff_type": self.plaintiff_type, "cause": ", ".join(sorted(self.causes)),
                "measure": self.measure,
                "defendant_type": self.defendant_type, "product_category": self.product_category,
                "sales": str(quantize(self.revenue)) if self.revenue is not None else None,
                "claim": str(quantize(self.claim)) if self.claim is not None else None,
                "date": self.on.isoformat() if self.on else None}


def case_features(case: Any, report: DamagesReport, sales: "SalesSummary | None", on: dt.date) -> CaseFeatures:
    """The features of ``case``, as its forum reads them (``Forum.precedent_features``)."""
    from litigator import forums

    return forums.get(case.jurisdiction).precedent_features(case, report, sales, on)


# ---------------------------------------------------------------------------------------------
# Similarity
# ---------------------------------------------------------------------------------------------


def _round(x: float | Decimal) -> Decimal:
    return D(str(x)).quantize(PLACES, rounding=ROUND_HALF_UP)


def scale_similarity(a: Decimal | None, b: Decimal | None) -> Decimal:
    """1 − |log10(a ÷ b)| ÷ 2, at least 0; UNKNOWN when either is missing or not positive."""
    if a is None or b is None or a <= 0 or b <= 0:
        return UNKNOWN
    return _round(max(0.0, 1 - abs(math.log10(float(a) / float(b))) / SCALE_DECADES))


def decision_date(p: Precedent) -> dt.date | None:
    """The decision's date, or 1 July of its year when only the year is known (None: neither)."""
    return p.date or (dt.date(p.year, 7, 1) if p.year else None)


def features(case: CaseFeatures, p: Precedent) -> dict[str, Decimal]:
    """Each feature's similarity in [0, 1] (4 places)."""
    online_case = None if case.defendant_type is None else case.defendant_type == "online_seller"
    online_p = p.defendant_type == "online_seller"
    if case.product_category is None or p.product_category is None:
        product = UNKNOWN
    else:
        product = D(1) if case.product_category == p.product_category else D(0)
    decided = decision_date(p)
    if decided is None or case.on is None:
        recency = UNKNOWN
    else:
        recency = _round(0.5 ** (abs((case.on - decided).days) / 365.25 / HALF_LIFE_YEARS))
    sales = p.sales.amount if p.sales is not None else None
    return {
        "cause": D(1) if p.cause in case.causes else D(0),
        "measure": measure_similarity(case.measure, measure_of_precedent(p)),
        "defendant_type": UNKNOWN if online_case is None else D(1) if online_case == online_p else D(0),
        "sales_scale": scale_similarity(case.revenue, sales),
        "claim_scale": scale_similarity(case.claim, p.claimed.total if p.claimed else None),
        "product_category": product,
        "recency": recency,
    }


def score(sims: dict[str, Decimal]) -> Decimal:
    total = sum(WEIGHTS.values())
    return _round(sum(WEIGHTS[f] * s for f, s in sims.items()) / total)


def candidates(library: Library | list[Precedent], case: CaseFeatures, exclude: str | None = None) -> list[Precedent]:
    """Precedents the calibration may use for ``case`` (same forum and plaintiff type, both amounts)."""
    pool = library.precedents(case.forum) if isinstance(library, Library) else library
    return [p for p in pool
            if p.forum == case.forum and p.plaintiff_type == case.plaintiff_type and p.calibratable
            and p.id != exclude and (p.selection == "ordinary" or case.include_exemplary)]


@dataclass(frozen=True)
class Scored:
    precedent: Precedent
    score: Decimal
    sims: dict[str, Decimal]

    @property
    def weight(self) -> Decimal:
        return self.score * (EXEMPLARY_WEIGHT if self.precedent.selection == "exemplary" else 1)


def rank(pool: list[Precedent], case: CaseFeatures) -> list[Scored]:
    """Every candidate scored, best first (ties by id)."""
    scored = []
    for p in pool:
        sims = features(case, p)
        scored.append(Scored(p, score(sims), sims))
    return sorted(scored, key=lambda s: (-s.score, s.precedent.id))


def nearest(pool: list[Precedent], case: CaseFeatures) -> list[Scored]:
    """The K best candidates with a score of at least MIN_SCORE."""
    return [s for s in rank(pool, case) if s.score >= MIN_SCORE][:K]


# ---------------------------------------------------------------------------------------------
# Quantiles and estimators
# ---------------------------------------------------------------------------------------------


def weighted_quantile(values: list[tuple[Decimal, Decimal]], q: Decimal) -> Decimal:
    """The q-quantile of (value, weight) pairs by the inverted weighted empirical CDF.

    Sorted by value, the first value whose cumulative weight reaches ``q × Σ weight``. Pairs with a
    weight of 0 are ignored; if every weight is 0, all count equally.
    """
    if not values:
        raise ValueError("no values")
    items = sorted(((v, w) for v, w in values if w > 0), key=lambda vw: vw[0])
    if not items:
        items = sorted(((v, D(1)) for v, _ in values), key=lambda vw: vw[0])
    target = q * sum(w for _, w in items)
    cumulative = D(0)
    for value, weight in items:
        cumulative += weight
        if cumulative >= target:
            return value
    return items[-1][0]


def ratio_of(p: Precedent) -> Decimal:
    """Award ÷ claim, at most 1 (a court awards what is claimed at most)."""
    r = p.ratio()
    assert r is not None
    return min(D(1), r)


def scaled_award(p: Precedent, revenue: Decimal | None) -> Decimal:
    """The award scaled to this case's revenue where both sides state sales, else the award."""
    assert p.awarded is not None
    sales = p.sales.amount if p.sales is not None else None
    if revenue is not None and sales is not None and sales > 0:
        return quantize(p.awarded.total * revenue / sales)
    return quantize(p.awarded.total)


def ratio_quartiles(neighbours: list[Scored]) -> tuple[Decimal, Decimal, Decimal]:
    pairs = [(ratio_of(s.precedent), s.weight) for s in neighbours]
    low, mid, high = (weighted_quantile(pairs, q) for q in QUARTILES)
    return low, mid, high


def awarded_range(neighbours: list[Scored], revenue: Decimal | None) -> tuple[Decimal, Decimal]:
    pairs = [(scaled_award(s.precedent, revenue), s.weight) for s in neighbours]
    return weighted_quantile(pairs, QUARTILES[0]), weighted_quantile(pairs, QUARTILES[2])


# ---------------------------------------------------------------------------------------------
# The report
# ---------------------------------------------------------------------------------------------

METHOD = ("k-nearest precedents (k={k}, score ≥ {min}) by a weighted feature similarity; expected award = "
          "claim × weighted quartiles (25/50/75 %) of the neighbours' award/claim ratios; awarded range = "
          "weighted 25th–75th percentile of their awards, revenue-scaled where both state sales; weights = "
          "scores; quantiles by the inverted weighted empirical CDF (docs/precedents.md)")
BASIS = ("decided cases of the forum from the shipped library and any --precedents folder, each with its source "
         "(precedents/SOURCES.md); published award/claim statistics (population.yaml) where neighbours are few")


def _fee(report: DamagesReport, scenario: ScenarioResult, amount: Decimal, on: dt.date) -> Decimal | None:
    """The court fee the forum charges on ``amount`` for ``scenario``; None where it has no schedule."""
    from litigator import forums

    return forums.get(report.jurisdiction).court_fee(amount, scenario, on)


def _neighbour(s: Scored, revenue: Decimal | None) -> Neighbour:
    p = s.precedent
    assert p.claimed is not None and p.awarded is not None
    return Neighbour(
        id=p.id, score=str(s.score), court=p.court or "—", year=p.year, claimed=p.claimed.total,
        awarded=p.awarded.total,
        ratio=str(_round(ratio_of(p))), sales=p.sales.amount if p.sales else None,
        scaled_award=scaled_award(p, revenue), features={f: str(v) for f, v in s.sims.items()})


def _names(neighbours: list[Scored], n: int = 3) -> str:
    out = []
    for s in neighbours[:n]:
        p = s.precedent
        assert p.claimed is not None and p.awarded is not None
        out.append(f"{p.id} ({p.court or 'court unknown'}, {p.year or 'year unknown'}: "
                   f"claimed {format_amount(p.claimed.total)}, awarded {format_amount(p.awarded.total)})")
    return "; ".join(out)


@dataclass(frozen=True)
class Estimate:
    """What the precedents give for one case, before it is applied to each scenario's claim."""

    neighbours: list[Scored]          # candidates with score ≥ MIN_SCORE (at most K)
    used: list[Scored]                # the cases the figures come from (neighbours, or the fallback set)
    ratios: tuple[Decimal, Decimal, Decimal] | None  # award/claim quartiles, or None: no estimate
    estimator: str
    fallback: str | None              # what was used instead of neighbours, and why
    pool_size: int


def estimate(pool: list[Precedent], feats: CaseFeatures, population: Population | None) -> Estimate:
    """Neighbours and award/claim quartiles for ``feats`` from ``pool`` (the candidates), with the
    documented fallback when fewer than MIN_NEIGHBOURS are similar enough."""
    neighbours = nearest(pool, feats)
    if len(neighbours) >= MIN_NEIGHBOURS:
        return Estimate(neighbours, neighbours, ratio_quartiles(neighbours), "claim_ratio", None, len(pool))
    used = rank(pool, feats)[:K]
    fig_id = population.fallback_figure.get(feats.plaintiff_type) if population else None  # type: ignore[call-overload]
    if fig_id and population:
        fig = population.figure(fig_id)
        assert fig.ratio_p25 is not None and fig.ratio_median is not None and fig.ratio_p75 is not None
        text = (f"{len(neighbours)} precedent(s) scored ≥ {MIN_SCORE}: the expected award uses the award/claim "
                f"quartiles of {fig.id} ({fig.metric}; {fig.source.title}; confidence {fig.confidence})"
                + (f"; the awarded range uses the {len(used)} best-scoring cases" if used else ""))
        return Estimate(neighbours, used, (fig.ratio_p25, fig.ratio_median, fig.ratio_p75),
                        f"population_ratio:{fig.id}", text, len(pool))
    if used:
        text = (f"{len(neighbours)} precedent(s) scored ≥ {MIN_SCORE} and no published figure covers "
                f"{feats.plaintiff_type} plaintiffs: the {len(used)} best-scoring {feats.plaintiff_type} cases "
                "are used whatever their score")
        return Estimate(neighbours, used, ratio_quartiles(used), "claim_ratio_all", text, len(pool))
    return Estimate(neighbours, used, None, "none", None, len(pool))


def calibrate(report: DamagesReport, case: Any, sales: "SalesSummary | None", library: Library,
              on: dt.date) -> DamagesReport:
    """The report with ``calibration``, each scenario's ``calibration`` and ``risk`` filled (a new report)."""
    feats = case_features(case, report, sales, on)
    rw = Warnings()
    rw.texts, rw.codes = list(report.warnings), list(report.warning_codes)
    pool = candidates(library, feats)
    population = library.populations.get(feats.forum)
    est = estimate(pool, feats, population)
    if len(est.neighbours) < MIN_NEIGHBOURS:
        rw.add("CALIBRATION_FEW_NEIGHBOURS",
               f"only {len(est.neighbours)} precedent(s) are similar enough (score ≥ {MIN_SCORE}; {MIN_NEIGHBOURS} "
               f"wanted) among {len(pool)} {feats.forum} {feats.plaintiff_type} cases with both amounts"
               + (f"; fallback: {est.fallback}" if est.fallback else ""))
    if est.ratios is None:
        rw.add("CALIBRATION_UNAVAILABLE",
               f"no precedent of the library ({len(library)} cases) is a {feats.forum} {feats.plaintiff_type} case "
               "with both amounts: no expected award, no awarded range, no risk pricing")
        return report.model_copy(update={"calibration": None, "risk": None, "warnings": rw.texts,
                                         "warning_codes": rw.codes})
    used = est.used
    range_money = awarded_range(used, feats.revenue) if used else None
    factor = population.over_claim_factor if population else None
    factor_source = (f"{population.over_claim_figure}, precedents/{feats.forum}/population.yaml"
                     if population else "")
    if factor is None:
        rw.add("CALIBRATION_NO_FACTOR", f"no population figure for {feats.forum}: the over-claim test is off")
    if feats.include_exemplary:
        rw.add("CALIBRATION_EXEMPLARY",
               f"published typical cases are included at weight {EXEMPLARY_WEIGHT}: they are the cases courts chose "
               "to publish, often full support at the maximum, and lift the expected award")
    ratio_source = est.ratios
    estimator = est.estimator
    fallback_text = est.fallback

    scenarios = []
    risk = []
    for s in report.scenarios:
        scenarios.append(_scenario(report, s, case, ratio_source, estimator, range_money, factor, factor_source,
                                   used, risk, on))
    calibration = Calibration(
        neighbours=[_neighbour(s, feats.revenue) for s in used],
        method=METHOD.format(k=K, min=MIN_SCORE),
        basis=BASIS,
        weights={f: str(w) for f, w in WEIGHTS.items()},
        case_features=feats.shown(),
        library=f"{len(library)} cases; {len(pool)} {feats.forum} {feats.plaintiff_type} cases with both amounts "
                f"({'exemplary included' if feats.include_exemplary else 'exemplary left out'})",
        fallback=fallback_text,
    )
    return report.model_copy(update={"scenarios": scenarios, "calibration": calibration, "risk": risk,
                                     "warnings": rw.texts, "warning_codes": rw.codes})


def _scenario(report: DamagesReport, s: ScenarioResult, case: Any, ratios: tuple[Decimal, Decimal, Decimal],
              estimator: str, range_money: tuple[Decimal, Decimal] | None, factor: Decimal | None,
              factor_source: str, used: list[Scored], risk: list[RiskRow], on: dt.date) -> ScenarioResult:
    from litigator import forums

    forum = forums.get(report.jurisdiction)

    claim = s.total
    low, mid, high = (quantize(claim * r) for r in ratios)
    w = Warnings()
    w.texts, w.codes = list(s.warnings), list(s.warning_codes)
    over = False
    excess_fee = None
    awarded = None
    if range_money is not None:
        awarded = MoneyRange(low=range_money[0], high=range_money[1])
        if factor is not None and claim > range_money[1] * factor:
            over = True
            fee_claim = _fee(report, s, claim, on)
            fee_high = _fee(report, s, range_money[1], on)
            times = (claim / range_money[1]).quantize(D("0.1")) if range_money[1] > 0 else None
            price = ""
            if fee_claim is not None and fee_high is not None:
                excess_fee = quantize(fee_claim - fee_high)
                price = (f"; the court fee paid up front on the part the neighbours say will not be awarded: "
                         f"fee({format_amount(claim)}) {format_amount(fee_claim)} − "
                         f"fee({format_amount(range_money[1])}) {format_amount(fee_high)} = "
                         f"{format_amount(excess_fee)}")
            w.add("OVER_CLAIM",
                  f"the claim {format_amount(claim)} is {times}× the high end ({format_amount(range_money[1])}) of "
                  f"what the most similar cases were awarded; claims typically run about "
                  f"{factor.quantize(D('0.01'))}× awards ({factor_source}), so this is beyond the usual over-claim; "
                  f"nearest: {_names(used)}{price}")
    user = next((sc.expected_award for name, sc in case.scenarios.items() if name == s.name), None)
    if user is not None and user > high:
        w.add("USER_ESTIMATE_ABOVE_CALIBRATED",
              f"your expected_award {format_amount(user)} is above the calibrated high {format_amount(high)} "
              f"(expected {format_amount(low)}–{format_amount(high)}, mid {format_amount(mid)})")
    expected = quantize(min(user, claim)) if user is not None else mid
    fees = s.fees
    borne = None
    split = forum.fee_split(fees.case_fee, claim, expected) if fees.case_fee is not None else None
    if split is not None:
        borne, defendant = split
        if user is None and fees.apportionment is not None:
            rows = [*fees.apportionment.rows, FeeShare(award=expected, plaintiff_bears=borne, defendant_bears=defendant,
                                                       label=forum.labels.calibrated_award)]
            fees = fees.model_copy(update={"apportionment": fees.apportionment.model_copy(update={"rows": rows})})
    risk.append(RiskRow(
        scenario=s.name, claim=claim, case_fee=fees.case_fee, expected_award=expected,
        expected_award_source="user" if user is not None else "calibration", calibrated_mid=mid,
        fee_borne_if_expected=borne,
        basis=forum.risk_basis))
    cal = ScenarioCalibration(
        expected_award=AwardRange(low=low, mid=mid, high=high), awarded_range=awarded, over_claim=over,
        over_claim_factor=str(factor.quantize(D("0.01"))) if factor is not None else None,
        excess_fee=excess_fee, estimator=estimator)
    return s.model_copy(update={"calibration": cal, "warnings": w.texts, "warning_codes": w.codes, "fees": fees})
