"""Rows of a table a user keeps in a spreadsheet (a batch manifest, a US Schedule A store list): each row's
cells as text with the line (CSV, embedded line breaks counted) or sheet row (XLSX) a message names."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from litigator.errors import LitigatorError

Rows = list[tuple[int, list[str]]]


def csv_rows(text: str, delimiter: str = ",") -> Rows:
    """The records of CSV text, each with the physical line it starts on."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows, line = [], 1
    for cells in reader:
        rows.append((line, cells))
        line = reader.line_num + 1
    return rows


def xlsx_rows(path: Path, error: type[LitigatorError] = LitigatorError) -> Rows:
    """The first sheet's rows as text (an empty cell is ""), each with its sheet row; an unreadable
    workbook is one ``error``."""
    import fastexcel

    try:
        sheet = fastexcel.read_excel(str(path)).load_sheet(0, header_row=None, dtypes="string")
    except Exception as exc:  # calamine's errors are not one class
        raise error(f"cannot read the workbook: {exc}", path) from None
    columns = sheet.to_arrow().to_pydict()
    table = list(zip(*columns.values(), strict=True)) if columns else []
    return [(i + 1, ["" if v is None else str(v) for v in cells]) for i, cells in enumerate(table)]
