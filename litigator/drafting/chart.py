"""Charts for drafts: matplotlib (Agg, no pyplot state) → PNG bytes, byte-identical for the same inputs.

Forum-neutral: the forum pack gives the rows, the labels (in its language) and the money texts; this
module draws them. One chart so far, :func:`claim_chart`: per scenario, the claim against the expected
award's range (low–high with the mid) and, where known, what similar cases were awarded and the claim
above which a claim counts as an over-claim. Amounts are ``Decimal``; they become floats only to be
plotted, never printed (every printed amount is a text the forum formatted).

Fonts. Labels in Latin script alone (English: :func:`is_latin`) need no CJK font: :func:`find_font_for`
takes DejaVu Sans (:data:`LATIN_FAMILIES`), which matplotlib ships, unless ``LITIGATOR_CHART_FONTS`` names an
installed family first. CJK labels need a CJK font, found through matplotlib's font manager (no download, ever):
:func:`find_font` takes the first installed family of ``LITIGATOR_CHART_FONTS`` (comma-separated), else
of :data:`CJK_FAMILIES` (Noto Sans CJK SC first: Debian's ``fonts-noto-cjk``). ``None`` means no such font:
the caller drafts without the chart and warns. A character the font lacks is an error
(:class:`ChartError`), never a box: matplotlib's missing-glyph warning is turned into a failure.

Determinism: fixed size, dpi and style (matplotlib's defaults, whatever the user's matplotlibrc), no
``Software`` entry and no time in the PNG's metadata.
"""

from __future__ import annotations

import io
import math
import os
import warnings
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal

from litigator.errors import LitigatorError

FONTS_ENV = "LITIGATOR_CHART_FONTS"
CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Serif CJK SC", "Source Han Sans SC", "Source Han Serif SC",
                "Noto Sans CJK TC", "Noto Serif CJK TC")
LATIN_FAMILIES = ("DejaVu Sans",)  # bundled with matplotlib: always installed
WIDTH_INCHES = 6.3  # about the A4 text width between 2.5-3 cm margins
DPI = 200
_MISSING_GLYPH = r"Glyph .* missing from font"


class ChartError(LitigatorError):
    """A chart cannot be drawn as asked (e.g. a character its font lacks)."""


@dataclass(frozen=True)
class Font:
    """An installed font as matplotlib's font manager knows it."""

    family: str
    path: str
    index: int = 0  # the face inside a collection (.ttc)


def font_families() -> list[str]:
    """The families to look for, in order: ``LITIGATOR_CHART_FONTS`` when set, else :data:`CJK_FAMILIES`."""
    given = os.environ.get(FONTS_ENV, "")
    names = [n.strip() for n in given.split(",") if n.strip()]
    return names or list(CJK_FAMILIES)


def find_font(families: list[str] | tuple[str, ...] | None = None) -> Font | None:
    """The first of ``families`` (default :func:`font_families`) that matplotlib's font manager lists, its
    regular face preferred; ``None`` when none is installed (or matplotlib's font cache predates it)."""
    from matplotlib import font_manager

    entries = font_manager.fontManager.ttflist
    for family in families if families is not None else font_families():
        faces = [e for e in entries if e.name == family and e.style == "normal"]
        if faces:
            best = min(faces, key=lambda e: (abs(_weight(e.weight) - 400), e.fname, getattr(e, "index", 0)))
            return Font(family, best.fname, getattr(best, "index", 0))
    return None


def is_latin(text: str) -> bool:
    """Whether every character is Latin script, Latin-1 punctuation (§, ×) or general punctuation and
    currency signs (–, —, €): what DejaVu Sans draws without a CJK font."""
    return all(ord(c) < 0x250 or 0x2000 <= ord(c) <= 0x20CF for c in text)


def find_font_for(texts: list[str]) -> Font | None:
    """The font for a chart showing ``texts``: when every text is Latin (:func:`is_latin`), the first installed
    family of ``LITIGATOR_CHART_FONTS`` (when set), else DejaVu Sans, so no CJK font is required; otherwise
    :func:`find_font` (a CJK font, ``None`` without one)."""
    if not all(is_latin(t) for t in texts):
        return find_font()
    given = [n.strip() for n in os.environ.get(FONTS_ENV, "").split(",") if n.strip()]
    return find_font([*given, *LATIN_FAMILIES])


def _weight(weight: object) -> int:
    if isinstance(weight, int):
        return weight
    return {"light": 300, "normal": 400, "regular": 400, "book": 400, "medium": 500, "bold": 700}.get(
        str(weight).lower(), 400)


def font_cache_dir() -> str:
    """Where matplotlib caches its font list (delete it after installing a font, so the font is seen)."""
    import matplotlib

    return matplotlib.get_cachedir()


@dataclass(frozen=True)
class ChartRow:
    """One scenario: its claim and, when calibrated, the expected award and the neighbours' awards."""

    label: str
    claim: Decimal
    claim_text: str                                   # the claim as the forum prints it
    expected: tuple[Decimal, Decimal, Decimal] | None = None   # low, mid, high
    awarded: tuple[Decimal, Decimal] | None = None    # what similar cases were awarded: low, high
    over_claim_above: Decimal | None = None           # a claim above this is an over-claim


@dataclass(frozen=True)
class ChartLabels:
    """Every text of the chart except the rows' own, in the forum's language."""

    title: str
    axis: str
    claim: str
    expected: str
    mid: str
    awarded: str
    over_claim: str


def claim_chart(rows: list[ChartRow], labels: ChartLabels, font: Font) -> bytes:
    """Claim vs expected range per scenario, as a PNG (a logarithmic money axis: claims and awards
    differ by orders of magnitude). Raises :class:`ChartError` on a character ``font`` lacks."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import FixedLocator, FuncFormatter, NullFormatter, NullLocator

    if not rows:
        raise ChartError("a chart needs at least one row")
    values = [v for r in rows for v in _amounts(r) if v > 0]
    if not values:
        raise ChartError("a chart needs at least one positive amount")
    lo = 10 ** math.floor(math.log10(float(min(values))))
    hi = 10 ** math.ceil(math.log10(float(max(values)) * 1.8))  # room on the right for the claim's text
    rc = {"font.family": [font.family], "text.parse_math": False, "svg.hashsalt": "litigator",
          "axes.unicode_minus": False}
    height = 1.6 + 0.62 * len(rows)
    with _glyphs_required(), matplotlib.rc_context():
        matplotlib.rcdefaults()
        matplotlib.rcParams.update(rc)
        fig = Figure(figsize=(WIDTH_INCHES, height), dpi=DPI, layout="constrained")
        FigureCanvasAgg(fig)
        ax = fig.add_subplot()
        ax.set_xscale("log")
        ax.set_xlim(lo, hi)
        n = len(rows)
        ax.set_ylim(-0.7, n - 0.3)
        handles: dict[str, object] = {}
        for i, r in enumerate(rows):
            y = n - 1 - i  # the first row at the top
            if r.awarded is not None and r.awarded[1] > 0:
                a_lo, a_hi = (max(float(x), lo) for x in r.awarded)
                handles["awarded"] = ax.barh(y, a_hi - a_lo, left=a_lo, height=0.56, color="#d9d9d9",
                                             edgecolor="none", zorder=1)
            if r.expected is not None and r.expected[2] > 0:
                e_lo, e_mid, e_hi = (max(float(x), lo) for x in r.expected)
                handles["expected"] = ax.barh(y, max(e_hi - e_lo, e_hi * 0.02), left=e_lo, height=0.3,
                                              color="#6baed6", edgecolor="#2171b5", linewidth=0.6, zorder=2)
                handles["mid"] = ax.vlines(e_mid, y - 0.2, y + 0.2, color="#08306b", linewidth=2, zorder=3)
            if r.over_claim_above is not None and r.over_claim_above > 0:
                handles["over"] = ax.vlines(float(r.over_claim_above), y - 0.3, y + 0.3, color="#a50f15",
                                            linewidth=1, linestyles="dashed", zorder=3)
            if r.claim > 0:
                handles["claim"] = ax.plot([float(r.claim)], [y], marker="D", markersize=7, color="#cb181d",
                                           linestyle="none", zorder=4)[0]
                ax.annotate(r.claim_text, (float(r.claim), y), xytext=(7, 0), textcoords="offset points",
                            va="center", ha="left", fontsize=8, color="#67000d")
        ax.set_yticks(range(n), [r.label for r in reversed(rows)], fontsize=9)
        decades = [10 ** k for k in range(round(math.log10(lo)), round(math.log10(hi)) + 1)]
        ax.xaxis.set_major_locator(FixedLocator(decades))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: f"{x:,.0f}"))
        ax.xaxis.set_minor_locator(NullLocator())
        ax.xaxis.set_minor_formatter(NullFormatter())
        ax.tick_params(axis="x", labelsize=8)
        ax.grid(axis="x", color="#eeeeee", linewidth=0.6, zorder=0)
        ax.set_axisbelow(True)
        ax.set_xlabel(labels.axis, fontsize=9)
        ax.set_title(labels.title, fontsize=11)
        order = [("claim", labels.claim), ("expected", labels.expected), ("mid", labels.mid),
                 ("awarded", labels.awarded), ("over", labels.over_claim)]
        shown = [(handles[k], text) for k, text in order if k in handles]
        fig.legend([h for h, _ in shown], [t for _, t in shown], loc="outside lower center", ncol=3, fontsize=8,
                   frameon=False)
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=DPI, metadata={"Software": None})
    return buf.getvalue()


def _amounts(r: ChartRow) -> Iterator[Decimal]:
    yield r.claim
    yield from r.expected or ()
    yield from r.awarded or ()
    if r.over_claim_above is not None:
        yield r.over_claim_above


class _glyphs_required:
    """Inside: matplotlib's missing-glyph warning is an error (a character drawn as a box would mislead)."""

    def __enter__(self) -> None:
        self._catch = warnings.catch_warnings()
        self._catch.__enter__()
        warnings.filterwarnings("error", message=_MISSING_GLYPH)

    def __exit__(self, kind, exc, tb) -> bool:
        self._catch.__exit__(kind, exc, tb)
        if exc is not None and isinstance(exc, UserWarning) and "missing from font" in str(exc):
            raise ChartError(f"the chart's font lacks a character: {exc} Use characters the font has, or set "
                             f"{FONTS_ENV} to a font that has them") from None
        return False


class LazyImages(Mapping[str, bytes]):
    """Images by name, each made on first use (so a chart is drawn only when a document shows it)."""

    def __init__(self, makers: Mapping[str, Callable[[], bytes]]) -> None:
        self._makers = dict(makers)
        self._made: dict[str, bytes] = {}

    def __getitem__(self, name: str) -> bytes:
        if name not in self._made:
            self._made[name] = self._makers[name]()
        return self._made[name]

    def __contains__(self, name: object) -> bool:
        return name in self._makers

    def __iter__(self):
        return iter(self._makers)

    def __len__(self) -> int:
        return len(self._makers)
