"""The filing fee of a US district court (fees.md): a flat fee by schedule, not scaled to the claim."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from litigator.forums.law import NotInForce
from litigator.forums.us.citation import format_ref
from litigator.forums.us.law import book
from litigator.money import format_amount


def filing_fee(on: dt.date) -> tuple[Decimal, str, str] | None:
    """(fee, formula, basis) in force on ``on``; None before the first schedule in our material."""
    try:
        entry = book().at("fees.filing", on)
    except NotInForce:
        return None
    statutory = Decimal(entry.value["statutory"])
    administrative = Decimal(entry.value["administrative"])
    fee = statutory + administrative
    formula = f"{format_amount(statutory)} + {format_amount(administrative)} = {format_amount(fee)}"
    basis = (f"{format_ref(entry.ref)} (statutory fee) and the Judicial Conference's District Court Miscellaneous "
             f"Fee Schedule, item 14 (administrative fee), in force from {entry.start.isoformat()}")
    return fee, formula, basis
