"""The vocabulary of damages warnings: each has a code, the source it cites, and a message.

A warning is rendered as ``"CODE: message (source)"`` into the ``warnings`` list of the JSON, and
its code goes into ``warning_codes`` (same order), so tests and tools can assert on codes while the
JSON contract keeps ``warnings: list[str]``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class WarningKind:
    code: str
    source: str
    summary: str


SHARED_KINDS = [
    # calibration (the precedents stage; the cases it cites are in precedents/SOURCES.md)
    WarningKind("OVER_CLAIM", "docs/precedents.md; the precedent library",
                "the claim is far above what similar cases were awarded"),
    WarningKind("USER_ESTIMATE_ABOVE_CALIBRATED", "docs/precedents.md",
                "the user's expected award is above the calibrated high"),
    WarningKind("CALIBRATION_FEW_NEIGHBOURS", "docs/precedents.md",
                "fewer than 3 precedents are similar enough: fallback used"),
    WarningKind("CALIBRATION_UNAVAILABLE", "docs/precedents.md",
                "no precedent to calibrate with"),
    WarningKind("CALIBRATION_NO_FACTOR", "docs/precedents.md",
                "no population figure gives the over-claim factor"),
    WarningKind("CALIBRATION_EXEMPLARY", "docs/precedents.md",
                "published typical cases are included in the calibration"),
]

SHARED: dict[str, WarningKind] = {k.code: k for k in SHARED_KINDS}


class Warnings:
    """Collects rendered warnings and their codes for one scenario (or the report).

    ``kinds`` is the forum's table of warning kinds; the shared kinds are always known.
    """

    def __init__(self, kinds: dict[str, WarningKind] | None = None) -> None:
        self.kinds = {**SHARED, **(kinds or {})}
        self.texts: list[str] = []
        self.codes: list[str] = []

    def add(self, code: str, message: str) -> None:
        kind = self.kinds[code]
        text = f"{code}: {message} ({kind.source})"
        if text not in self.texts:
            self.texts.append(text)
            self.codes.append(code)

    def __contains__(self, code: str) -> bool:
        return code in self.codes
