"""Contracts of the facts stage: decoded text, facts, the facts JSON, proposals."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_serializer

FACT_TYPES = (
    "MONEY", "DATE", "CASE_NUMBER", "NOTARY_NUMBER", "COURT", "PERSON", "ORG", "SHOP", "PLATFORM",
    "BRAND", "PRODUCT", "ID_NUMBER", "CREDIT_CODE", "PHONE", "ORDER_NUMBER", "URL", "TRADEMARK_REG",
    "QUANTITY",
)
STRUCTURED_TYPES = (
    "MONEY", "DATE", "CASE_NUMBER", "NOTARY_NUMBER", "ID_NUMBER", "CREDIT_CODE", "PHONE",
    "ORDER_NUMBER", "URL", "TRADEMARK_REG",
)
NAME_TYPES = ("COURT", "PERSON", "ORG", "SHOP", "PLATFORM", "BRAND", "PRODUCT")


class DecodedText(BaseModel):
    """One file as text: offsets of facts index ``text``."""

    path: str
    text: str
    sha256: str
    lang: str = Field(description="zh or en (guessed from the script)")
    encoding: str = Field(description="utf-8, utf-8-sig, gb18030, docx or pdf")


class Fact(BaseModel):
    """One mention: ``text == file_text[start:end]``; ``line`` is 1-based."""

    model_config = ConfigDict(frozen=True)

    type: str
    value: str
    text: str
    file: str
    start: int
    end: int
    currency: str | None = None
    valid: bool | None = None
    line: int

    @model_serializer(mode="wrap")
    def _drop_absent(self, handler: Any) -> dict[str, Any]:
        data = handler(self)
        if self.currency is None:
            data.pop("currency", None)
        if self.valid is None:
            data.pop("valid", None)
        return data


class FileEntry(BaseModel):
    path: str
    sha256: str | None = None
    chars: int = 0
    lang: str | None = None
    error: str | None = None


class FactsResult(BaseModel):
    """The ``facts --format json`` contract (docs/facts.md)."""

    files: list[FileEntry] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)


class Proposal(BaseModel):
    """A value for one case field, with where it came from."""

    key: str
    field: str = Field(description="the case.yaml path it fills, e.g. defendants[0].name")
    value: str
    currency: str | None = None
    exhibit: str | None = Field(default=None, description="expenses: the voucher file, e.g. evidence/07-invoice.pdf")
    file: str
    start: int
    end: int
    line: int
    text: str
    current: str | None = Field(default=None, description="the value case.yaml has now")
    conflict: bool = False
    alternatives: list[str] = Field(default_factory=list, description="other values found")


class Proposals(BaseModel):
    case_dir: str
    proposals: list[Proposal] = Field(default_factory=list)
    files: list[FileEntry] = Field(default_factory=list)

    def by_key(self) -> dict[str, Proposal]:
        return {p.key: p for p in self.proposals}

    @property
    def conflicts(self) -> list[Proposal]:
        return [p for p in self.proposals if p.conflict]


class AcceptResult(BaseModel):
    case_yaml: str
    backup: str | None
    applied: list[str] = Field(default_factory=list)
    skipped: list[str] = Field(default_factory=list, description="keys not applied, with the reason")
    diff: str = ""


def _scalar_text(value: Any) -> Any:
    """A hand-edited facts.yaml may leave numbers and dates unquoted: read them as their text."""
    if isinstance(value, (int, float, Decimal, dt.date)) and not isinstance(value, bool):
        return str(value)
    return value


Text = Annotated[str, BeforeValidator(_scalar_text)]


class ReviewedProposal(BaseModel):
    """One entry of facts.yaml, as a reviewer may have edited it (unknown keys are errors)."""

    model_config = ConfigDict(extra="forbid")

    field: str | None = Field(default=None, description="the case.yaml path; the key's own field when absent")
    value: Text
    currency: Text | None = None
    exhibit: Text | None = None
    source: Text | None = None
    start: int | None = None
    end: int | None = None
    text: Text | None = None
    current: Text | None = None
    conflict: bool = False
    alternatives: list[Text] = Field(default_factory=list)
    accept: bool = True
    ignore: bool = Field(default=False, description="with accept: false, draft stops warning about it")


class ReviewedFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    path: Text
    sha256: str | None = None
    error: str | None = None


class FactsFile(BaseModel):
    """facts.yaml: ``proposals`` by key, and the evidence files they were read from."""

    model_config = ConfigDict(extra="forbid")

    proposals: dict[str, ReviewedProposal] | None = None
    files: list[ReviewedFile] | None = None
