"""The vocabulary of warnings, for every stage: each kind has a code, the source it cites, and a summary.

A warning is rendered as ``"CODE: message (source)"`` into a ``warnings`` list, and its code goes into
the matching ``warning_codes`` list (same order), so tests, tools and a batch summary can group by
cause while the JSON contract keeps ``warnings: list[str]``.

One shared table (here: calibration, sales, evidence, drafting) plus one table per forum pack (its
legal warnings, ``Forum.warning_kinds``).
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
    # sales (the order exports)
    WarningKind("SALES_MIXED_CURRENCY", "docs/sales.md", "rows in another currency are excluded"),
    WarningKind("SALES_PERIOD_GAPS", "docs/sales.md", "months of the period without any order"),
    WarningKind("SALES_NO_SELECTION", "docs/sales.md", "no counterfeit selection: every row counts"),
    WarningKind("SALES_DUPLICATES", "docs/sales.md", "order lines that appear more than once"),
    WarningKind("SALES_DUPLICATES_DIFFER", "docs/sales.md", "duplicated order lines whose copies differ"),
    WarningKind("SALES_FILE_NOTE", "docs/sales.md", "how a file was read (e.g. transcoded)"),
    WarningKind("SALES_TOTALS_ROW", "docs/sales.md", "a totals row (合计/总计/Total) under the data, not counted"),
    WarningKind("SALES_UNKNOWN_STATUS", "docs/sales.md",
                "kept rows whose order status Litigator does not know (counted as sales)"),
    WarningKind("SALES_SELLER_ABSENT", "docs/sales.md", "a case seller without a single row in the sales files"),
    # evidence and drafting
    WarningKind("EXHIBIT_NO_PURPOSE", "docs/architecture.md (evidence.yaml)",
                "an exhibit without its purpose of proof"),
    WarningKind("EXHIBIT_EMPTY", "docs/case-yaml.md (evidence/)", "an exhibit that is an empty file"),
    WarningKind("EXHIBIT_TYPE_MISMATCH", "docs/case-yaml.md (evidence/)",
                "an exhibit whose content is not what its name says (e.g. an image named .txt)"),
    WarningKind("EXHIBIT_SYMLINK", "docs/case-yaml.md (evidence/)",
                "a symbolic link in evidence/, left out of the exhibits"),
    WarningKind("EXHIBIT_NO_PAGES", "docs/pleadings-cn.md (the evidence list)",
                "an exhibit without a page count (页数) for the evidence list"),
    WarningKind("EXHIBIT_NO_GROUP", "docs/pleadings-cn.md (the evidence list)",
                "an exhibit without a group while others have one (listed under other)"),
    WarningKind("FACTS_CONFLICT", "facts.yaml", "a fact proposal conflicts with case.yaml"),
    WarningKind("PARTICULARS_MISSING", "the forum's rule on the complaint's contents",
                "a party particular the complaint must state is not given"),
    WarningKind("EXHIBIT_NOT_CITED", "docs/architecture.md (evidence backbone)",
                "an exhibit the complaint cites nowhere"),
    WarningKind("PDF_STALE", "litigator draft --pdf", "a PDF beside a new .docx is from an earlier draft"),
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

    def extend(self, texts: list[str], codes: list[str]) -> None:
        """Take over warnings already rendered (with their codes) by another stage."""
        for text, code in zip(texts, codes, strict=True):
            if text not in self.texts:
                self.texts.append(text)
                self.codes.append(code)

    def __contains__(self, code: str) -> bool:
        return code in self.codes
