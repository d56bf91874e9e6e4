"""The US law in force for one case: dated parameters (``law.yaml``) read at the filing date, citations from
the statute table (``citation.py``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from litigator.errors import DamagesError
from litigator.forums.law import InForce, LawBook, NotInForce, load_law

LAW_FILE = Path(__file__).with_name("law.yaml")


def book() -> LawBook:
    return load_law(LAW_FILE)


@dataclass
class UsLaw:
    filed: dt.date
    book: LawBook = field(default_factory=book)

    def at(self, name: str, on: dt.date | None = None) -> InForce:
        on = on or self.filed
        try:
            return self.book.at(name, on)
        except NotInForce as exc:
            raise DamagesError(f"no rule of law for {on.isoformat()} in our material: {exc}") from None

    def amount(self, name: str, on: dt.date | None = None) -> Decimal:
        return self.at(name, on).decimal()


def law_for(case) -> UsLaw:
    from litigator.casefile import filing_date

    return UsLaw(filed=filing_date(case))
