"""The Chinese law in force for one case: dated parameters (``law.yaml``) and citations (``statutes.yaml``).

Which text governs the damages follows the conduct period; fees, procedure and the SPC's
interpretations follow the filing date. :meth:`CnLaw.governing` picks the value of a parameter for
a conduct period:

* conduct within one text: that text;
* conduct straddling a change the SPC has a rule for (trademark 2014: 法释〔2014〕4号 Art. 9, the
  whole continuing act under the new text; the Civil Code: 法释〔2020〕15号 Art. 1(3)): that rule;
* a change with no rule in our material (trademark 2019 and 2026, every AUCL change): the case's
  option ``law.straddle`` — ``new_law`` (default: the whole act under the text in force at its end, by
  analogy with those two rules) or ``old_law`` — and a ``LAW_STRADDLE`` warning naming it;
* no conduct dates at all: the text in force on the filing date, with a ``LAW_CONDUCT_DATES`` warning.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from litigator.damages.model import Citation
from litigator.errors import DamagesError
from litigator.forums.cn.citation import Provision, citation, cite, format_provision, statute
from litigator.forums.law import InForce, LawBook, NotInForce, load_law
from litigator.money import format_amount
from litigator.warnings import Warnings

LAW_FILE = Path(__file__).with_name("law.yaml")


def book() -> LawBook:
    return load_law(LAW_FILE)


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


@dataclass
class Governing:
    """The value that governs a conduct period, and how it was chosen."""

    entry: InForce
    spans: list[InForce]
    how: str  # single | rule | option | filing_date

    @property
    def on(self) -> dt.date:
        """A date inside the governing text's period: read every parameter of that text at it."""
        return self.entry.start


@dataclass
class CnLaw:
    """The law for one case: its filing date and its ``law:`` options."""

    filed: dt.date
    straddle: str = "new_law"
    personality_case_fee: Decimal | None = None
    book: LawBook = field(default_factory=book)

    # -- values ------------------------------------------------------------------------------

    def at(self, name: str, on: dt.date) -> InForce:
        try:
            return self.book.at(name, on)
        except NotInForce as exc:
            raise DamagesError(f"no rule of law for {on.isoformat()}: {exc}") from None

    def filing(self, name: str) -> InForce:
        """The value in force on the filing date (fees, procedure, interpretations)."""
        return self.at(name, self.filed)

    def amount(self, entry: InForce) -> Decimal:
        return Decimal(str(entry.value))

    # -- citations ---------------------------------------------------------------------------

    def ref(self, entry: InForce) -> Provision:
        if entry.ref is None:
            raise ValueError(f"{entry.name} has no reference for {entry.start}")
        return Provision.parse(entry.ref)

    def cite(self, *provisions: Provision) -> str:
        return cite(list(provisions), self.filed)

    def citations(self, *provisions: Provision) -> list[Citation]:
        return [citation(p, self.filed) for p in provisions]

    def text(self, p: Provision) -> str:
        return format_provision(p, self.filed)

    def procedure(self, what: str) -> Provision:
        """A Civil Procedure Law article by the filing date: complaint, filing_conditions,
        preservation, burden_of_proof."""
        entry = self.filing("procedure.articles")
        return Provision("civil_procedure_law", entry.value["statute_version"], entry.value[what])

    def fee_provision(self, name: str) -> Provision:
        return self.ref(self.filing(name))

    def money(self, value: Decimal) -> str:
        return format_amount(value)

    # -- which text governs ------------------------------------------------------------------

    def governing(self, name: str, straddle_param: str | None, start: dt.date | None, end: dt.date | None,
                  where: str, w: Warnings, subject: str) -> Governing:
        """The value of ``name`` that governs conduct from ``start`` to ``end`` (see the module doc)."""
        if start is None and end is None:
            entry = self.at(name, self.filed)
            w.add("LAW_CONDUCT_DATES",
                  f"{subject}: no conduct dates (conduct.start/end) and no sales period: the text in force on the "
                  f"filing date ({self.filed.isoformat()}) is applied; give the conduct dates, since the law in "
                  "force when the conduct happened governs")
            return Governing(entry, [entry], "filing_date")
        start = start or end
        end = end or self.filed
        assert start is not None
        if end < start:
            start, end = end, start
        try:
            spans = self.book.during(name, start, end)
            if not spans or spans[0].start > start:
                raise NotInForce(name)
        except NotInForce:
            first = self.book.history(name)[0].start
            raise DamagesError(f"{subject}: the conduct ({where}) starts {start.isoformat()}, before "
                               f"{first.isoformat()}, the earliest text in our material") from None
        if len(spans) == 1:
            return Governing(spans[0], spans, "single")
        changes = spans[1:]
        rules = [self.at(straddle_param, c.start) if straddle_param else None for c in changes]
        if all(r is not None and r.value == "new_law" for r in rules):
            refs = "; ".join(self.text(self.ref(r)) for r in rules if r is not None and r.ref)
            w.add("LAW_STRADDLE",
                  f"{subject}: the conduct ({where}, {start.isoformat()} to {end.isoformat()}) continues across "
                  f"{', '.join(c.start.isoformat() for c in changes)}: the whole continuing act falls under the "
                  f"text in force at its end ({refs})")
            return Governing(spans[-1], spans, "rule")
        chosen = spans[-1] if self.straddle == "new_law" else spans[0]
        other = "old_law" if self.straddle == "new_law" else "new_law"
        w.add("LAW_STRADDLE",
              f"{subject}: the conduct ({where}, {start.isoformat()} to {end.isoformat()}) continues across "
              f"{', '.join(c.start.isoformat() for c in changes)}, and our material has no transition rule for "
              f"that change: law.straddle is {self.straddle} (default new_law, by analogy with "
              f"{self.text(Provision.parse('trademark_transition_2014@2014:9'))} and "
              f"{self.text(Provision.parse('civil_code_temporal@2020:1.3'))}), so the text in force from "
              f"{chosen.start.isoformat()} governs; set law.straddle: {other} to apply the other text")
        return Governing(chosen, spans, "option")

    # -- the status of interpretations -------------------------------------------------------

    def status_warning(self, p: Provision, w: Warnings) -> None:
        """Warn when a cited text is marked repealed in our material without a confirmed successor."""
        version = statute(p.statute).version(p.version)
        if version.status == "repealed_unconfirmed":
            w.add("CITATION_STATUS",
                  f"{self.text(Provision(p.statute, p.version))} is cited, but it is {version.status_note}: "
                  "confirm it is still the text to cite (or its successor) before filing")


def law_for(case: Any) -> CnLaw:
    """The law of ``case``: its filing date and ``law:`` options."""
    from litigator.casefile import filing_date

    options = case.law
    return CnLaw(filed=filing_date(case), straddle=options.straddle,
                 personality_case_fee=options.personality_case_fee)
