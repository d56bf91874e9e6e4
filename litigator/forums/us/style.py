"""The US page: Times New Roman 12 pt, double spaced, 1-inch margins on US Letter (N.D. Ill. LR 5.2, law.md
§4), page numbers in the footer."""

from __future__ import annotations

from dataclasses import dataclass

from litigator.drafting.styles import ENGLISH, DocumentStyle


@dataclass(frozen=True)
class UsStyle(DocumentStyle):
    page_numbers: bool = True   # read by the renderer (drafting/docx_renderer.py): a centred PAGE field
    # the LR 7.1 page estimate (motions.estimate_pages): 9 inches of text at 12 pt double spaced, 6.5 inches wide
    lines_per_page: int = 23
    chars_per_line: int = 80
    table_line: float = 0.5     # a table row's line (single spaced, smaller type) as a share of a body line


US_STYLE = UsStyle(**{f: getattr(ENGLISH, f) for f in ENGLISH.__dataclass_fields__})
