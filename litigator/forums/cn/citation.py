"""Citations of Chinese law: a :class:`Provision` (statute, version, article, paragraph, item) and its
one formatter, backed by the statute table (``statutes.yaml``, the only place a statute's name is written).

``format`` gives the title in book-title marks and the pinpoint (…第六十三条第一款); a version other than
the one in force on the filing date shows its label after the title (（2013年修正）). :func:`cite` groups
a list of provisions by statute (articles of one statute joined by 、, statutes by ；), each once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import Field

from litigator.damages.model import Citation
from litigator.fields import StrictModel

STATUTES_FILE = Path(__file__).with_name("statutes.yaml")

# ---------------------------------------------------------------------------------------------
# The statute table
# ---------------------------------------------------------------------------------------------


class Version(StrictModel):
    id: str
    from_: dt.date = Field(alias="from")
    until: dt.date | None = None
    label: str | None = None
    verified: Literal["yes", "partial", "no"]
    status: Literal["in_force", "repealed_unconfirmed"] = "in_force"
    status_note: str | None = None
    source: str

    def in_force(self, on: dt.date) -> bool:
        return self.from_ <= on and (self.until is None or on <= self.until)


class Statute(StrictModel):
    name: str
    short: str
    versions: list[Version] = Field(min_length=1)

    def version(self, version_id: str) -> Version:
        for v in self.versions:
            if v.id == version_id:
                return v
        raise KeyError(f"{self.short} has no version {version_id!r}")

    def in_force(self, on: dt.date) -> Version | None:
        return next((v for v in self.versions if v.in_force(on)), None)

    @property
    def title(self) -> str:
        """《name》 with any inner book-title marks turned to 〈〉."""
        return "《" + self.name.replace("《", "〈").replace("》", "〉") + "》"


@cache
def statutes() -> dict[str, Statute]:
    from ruamel.yaml import YAML

    data = YAML(typ="safe", pure=True).load(STATUTES_FILE.read_text(encoding="utf-8"))
    return {key: Statute.model_validate(value) for key, value in data.items()}


def statute(statute_id: str) -> Statute:
    try:
        return statutes()[statute_id]
    except KeyError:
        raise KeyError(f"no statute {statute_id!r} in statutes.yaml") from None


# ---------------------------------------------------------------------------------------------
# Numerals
# ---------------------------------------------------------------------------------------------

_DIGITS = "零一二三四五六七八九"


def cn_numeral(n: int) -> str:
    """An article number in Chinese: 1 一, 10 十, 12 十二, 101 一百零一, 110 一百一十, 1185 一千一百八十五."""
    if n <= 0 or n >= 10000:
        raise ValueError(f"article number out of range: {n}")
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    out = ""
    zero = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit:
            if zero:
                out += "零"
                zero = False
            out += _DIGITS[digit] + unit
        elif out:
            zero = True
    return out


# ---------------------------------------------------------------------------------------------
# Provisions
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Provision:
    """One provision: the statute (id in statutes.yaml), its version, article, paragraph and item.

    ``article`` None cites the statute as a whole; ``to_article`` makes a range (第一条至第六条).
    """

    statute: str
    version: str
    article: int | None = None
    paragraph: int | None = None
    item: int | None = None
    sub_item: int | None = None
    to_article: int | None = None

    @classmethod
    def parse(cls, ref: str) -> Provision:
        """``trademark_law@2019:63.1``, ``trademark_law@2019:57..3`` (no paragraph, item 3),
        ``court_fee_measures@2006:13..2.2`` (item 2, sub-item 2), ``punitive_interpretation@2021:1-6``
        (a range), ``civil_code@2020`` (the statute as a whole)."""
        head, _, pin = ref.partition(":")
        statute_id, _, version = head.partition("@")
        if not statute_id or not version:
            raise ValueError(f"not a provision reference: {ref!r} (write statute@version:article.paragraph)")
        if not pin:
            return cls(statute_id, version)
        if "-" in pin:
            a, b = pin.split("-", 1)
            return cls(statute_id, version, int(a), to_article=int(b))
        parts = [int(x) if x else None for x in pin.split(".")] + [None] * 4
        return cls(statute_id, version, parts[0], parts[1], parts[2], parts[3])

    def at(self, article: int | None = None, paragraph: int | None = None, item: int | None = None) -> Provision:
        """Another provision of the same statute and version."""
        return Provision(self.statute, self.version, article, paragraph, item)

    @property
    def pinpoint(self) -> str:
        """第六十三条第一款第（三）项 (empty for the statute as a whole)."""
        if self.article is None:
            return ""
        text = f"第{cn_numeral(self.article)}条"
        if self.to_article is not None:
            return f"{text}至第{cn_numeral(self.to_article)}条"
        if self.paragraph is not None:
            text += f"第{cn_numeral(self.paragraph)}款"
        if self.item is not None:
            text += f"第（{cn_numeral(self.item)}）项"
        if self.sub_item is not None:
            text += f"第{self.sub_item}目"
        return text

    @property
    def key(self) -> str:
        """``trademark_law@2019:63.1.3`` — stable, for tests and JSON."""
        parts = ["" if p is None else str(p) for p in (self.article, self.paragraph, self.item, self.sub_item)]
        while parts and not parts[-1]:
            parts.pop()
        pin = ".".join(parts) + (f"-{self.to_article}" if self.to_article else "")
        return f"{self.statute}@{self.version}" + (f":{pin}" if pin else "")


def statute_title(p: Provision, filed: dt.date) -> str:
    """《name》, plus （label） when the version cited is not the one in force on the filing date."""
    s = statute(p.statute)
    version = s.version(p.version)
    current = s.in_force(filed)
    label = version.label if (len(s.versions) > 1 and (current is None or current.id != version.id)) else None
    return s.title + (f"（{label}）" if label else "")


def format_provision(p: Provision, filed: dt.date) -> str:
    return statute_title(p, filed) + p.pinpoint


def citation(p: Provision, filed: dt.date) -> Citation:
    return Citation(key=p.key, statute=statute_title(p, filed), pinpoint=p.pinpoint)


def cite(provisions: list[Provision], filed: dt.date) -> str:
    """Provisions grouped by statute in first-cited order, each once: 《A》第一条、第二条；《B》第三条."""
    return "；".join(group_citations([citation(p, filed) for p in provisions]))


def group_citations(citations: list[Citation]) -> list[str]:
    """Citations grouped by statute in first-cited order, each once: ["《A》第一条、第二条", "《B》第三条"]."""
    grouped: dict[str, list[str]] = {}
    for c in citations:
        pins = grouped.setdefault(c.statute, [])
        if c.pinpoint not in pins:
            pins.append(c.pinpoint)
    return [statute_name + "、".join(p for p in pins if p) for statute_name, pins in grouped.items()]
