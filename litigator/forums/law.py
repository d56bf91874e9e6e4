"""Dated legal parameters (in the spirit of OpenFisca's parameters): every legal number a forum's
rules use, with the date each value applies from and its reference.

A forum keeps one YAML file (``litigator/forums/<code>/law.yaml``)::

    trademark.statutory_cap:
      description: statutory damages cap
      unit: CNY
      values:
        - {from: 2014-05-01, value: "1000", ref: "trademark_law@2013:63.3", verified: yes}
        - {from: 2019-11-01, value: "2000", ref: "trademark_law@2019:63.3", verified: yes}

A value applies from its ``from`` date until the day before the next one (or open). ``ref`` is in
the forum's citation notation (China: ``statute@version:article.paragraph.item``); the forum formats
it. ``value`` is whatever the rule needs: a quoted amount, a number, a range, a table, or ``null``
(the law has no such rule then). Rules read the value in force on the relevant date; messages format
from the same value, never retype it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator


class DatedValue(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    from_: dt.date = Field(alias="from")
    value: Any = None
    ref: str | None = None
    verified: Literal["yes", "partial", "no"] = "yes"
    note: str | None = None


class Parameter(BaseModel):
    model_config = ConfigDict(extra="forbid")

    description: str
    unit: str | None = None
    values: list[DatedValue] = Field(min_length=1)

    @model_validator(mode="after")
    def _ordered(self) -> "Parameter":
        dates = [v.from_ for v in self.values]
        if dates != sorted(dates) or len(set(dates)) != len(dates):
            raise ValueError("values must be in increasing order of `from`, each date once")
        return self


@dataclass(frozen=True)
class InForce:
    """The value of a parameter on a date, with the period it applies to and its reference."""

    name: str
    value: Any
    start: dt.date
    end: dt.date | None     # the last day (None: open)
    ref: str | None
    verified: str
    note: str | None

    def decimal(self) -> Decimal:
        return Decimal(str(self.value))


class NotInForce(LookupError):
    """A parameter asked for a date before its first value."""


@dataclass(frozen=True)
class LawBook:
    parameters: dict[str, Parameter]

    def _entries(self, name: str) -> list[InForce]:
        try:
            values = self.parameters[name].values
        except KeyError:
            raise KeyError(f"no legal parameter {name!r}") from None
        out = []
        for i, v in enumerate(values):
            end = values[i + 1].from_ - dt.timedelta(days=1) if i + 1 < len(values) else None
            out.append(InForce(name, v.value, v.from_, end, v.ref, v.verified, v.note))
        return out

    def at(self, name: str, on: dt.date) -> InForce:
        """The value in force on ``on``; NotInForce before the first."""
        found = None
        for entry in self._entries(name):
            if entry.start <= on:
                found = entry
        if found is None:
            raise NotInForce(f"{name}: no value before {self._entries(name)[0].start} (asked for {on})")
        return found

    def during(self, name: str, start: dt.date, end: dt.date) -> list[InForce]:
        """Every value in force at some day of [start, end], in date order."""
        return [e for e in self._entries(name) if e.start <= end and (e.end is None or e.end >= start)]

    def history(self, name: str) -> list[InForce]:
        return self._entries(name)


@cache
def load_law(path: Path) -> LawBook:
    """Read and validate a forum's law file (once per process)."""
    from ruamel.yaml import YAML

    data = YAML(typ="safe", pure=True).load(Path(path).read_text(encoding="utf-8"))
    return LawBook({name: Parameter.model_validate(spec) for name, spec in data.items()})
