"""Open order exports (CSV, XLSX, Parquet, JSON Lines) as DuckDB relations with canonical columns.

Every source becomes a SQL ``SELECT`` yielding, per data row:

* ``_file`` (index of the file in the case's list) and ``_ord`` (0-based ordinal of the row in
  the file, in file order), from which the physical line is computed;
* one column per mapped canonical field (see :mod:`litigator.sales.profiles`), as stored in the
  file (VARCHAR for CSV/XLSX/JSONL, native types for Parquet); validation casts them later.

Nothing is loaded whole into Python: CSV and JSONL are read by DuckDB (GBK/GB18030 files are first
transcoded to UTF-8 in a stream), Parquet is scanned in place, XLSX is read by fastexcel (calamine)
and handed to DuckDB as Arrow (DuckDB's own Excel reader would need an extension download).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import tempfile
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from litigator.errors import DataFileError
from litigator.sales import encoding as encmod
from litigator.sales import profiles
from litigator.sales.encoding import Sniffed, sniff, transcode_to_utf8
from litigator.sales.profiles import ProfileMatch

# The thread that hashes files while DuckDB scans: created on first use, and forgotten in a forked child
# (a pool made before fork has no thread in the child, and submitting to it would hang; batch workers).
_HASHER: ThreadPoolExecutor | None = None
_HASHER_LOCK = threading.Lock()


def _hasher() -> ThreadPoolExecutor:
    global _HASHER
    with _HASHER_LOCK:
        if _HASHER is None:
            _HASHER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="litigator-sha256")
        return _HASHER


def _forget_hasher() -> None:
    global _HASHER, _HASHER_LOCK
    _HASHER, _HASHER_LOCK = None, threading.Lock()


os.register_at_fork(after_in_child=_forget_hasher)

HEADER_SEARCH_LINES = 30  # title rows above the header are looked for this far down

CSV_SUFFIXES = {".csv", ".tsv", ".txt"}
XLSX_SUFFIXES = {".xlsx", ".xlsm"}
PARQUET_SUFFIXES = {".parquet", ".pq"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}

_KIND_NAMES = {"zip": "a ZIP/XLSX workbook", "parquet": "a Parquet file", "pdf": "a PDF document",
               "ole": "a legacy Excel (.xls) or Office file", "png": "a PNG image", "jpeg": "a JPEG image",
               "gzip": "a gzip archive", "binary": "a binary file"}


@dataclass
class FileStats:
    sha256: str
    physical_lines: int | None = None  # text files: lines holding something, up to the last one


def _newline_counter():
    """Count b"\\n" in a buffer: numpy (SIMD, and it drops the GIL) when present — 2× faster than
    ``bytes.count``, which holds the GIL; on a 10M-row export that is ~0.4 CPU-s, taken from the
    cores DuckDB is scanning with."""
    try:
        import numpy as np
    except ImportError:  # pragma: no cover - numpy comes with spacy/pyarrow in practice
        return lambda buf: bytes(buf).count(b"\n")
    return lambda buf: int(np.count_nonzero(np.frombuffer(buf, dtype=np.uint8) == 10))


def _chunks(path: Path):
    buf = bytearray(1 << 20)
    view = memoryview(buf)
    with open(path, "rb") as fh:
        while n := fh.readinto(buf):
            yield view[:n]


class _LineCounter:
    """Lines of a text file up to the last non-blank one, fed chunk by chunk."""

    def __init__(self) -> None:
        self.count = _newline_counter()
        self.newlines = 0
        self.tail = b""

    def feed(self, chunk) -> None:
        self.newlines += self.count(chunk)
        self.tail = (self.tail + bytes(chunk[-4096:]))[-4096:]

    def lines(self) -> int:
        # Lines = newlines (+1 when the last line has no newline), minus trailing blank lines.
        tail, newlines = self.tail, self.newlines
        stripped = tail.rstrip(b"\r\n\t ")
        if not stripped:
            return newlines
        trailing_newlines = tail[len(stripped):].count(b"\n")
        return newlines + (0 if tail.endswith(b"\n") else 1) - trailing_newlines + (1 if trailing_newlines else 0)


def physical_line_count(text_path: Path) -> int:
    """Lines of a text file up to the last non-blank one."""
    counter = _LineCounter()
    for chunk in _chunks(text_path):
        counter.feed(chunk)
    return counter.lines()


def file_stats(path: Path, text_path: Path | None) -> FileStats:
    """sha256 of ``path`` and, for text, its number of lines up to the last non-blank one (counted
    on ``text_path``, the UTF-8 file DuckDB reads). One read per file; runs in a thread (hashlib and
    numpy release the GIL, so it overlaps the DuckDB scan)."""
    h = hashlib.sha256()
    counter = _LineCounter() if text_path is not None else None
    same = text_path is None or text_path == path
    for chunk in _chunks(path):
        h.update(chunk)
        if counter is not None and same:
            counter.feed(chunk)
    if counter is not None and not same:
        for chunk in _chunks(text_path):
            counter.feed(chunk)
    return FileStats(h.hexdigest(), None if counter is None else counter.lines())


@dataclass
class Source:
    """One opened export file."""

    index: int
    label: str  # path as given (relative to the case folder)
    path: Path
    format: str  # csv, xlsx, parquet, jsonl
    match: ProfileMatch
    select_sql: str = ""  # SELECT producing _file, _ord and canonical columns (fast pass)
    ordered_sql: str | None = None  # CSV: the same with _ord numbered in file order
    tolerant_sql: str | None = None  # CSV: ordered, setting unparsable lines aside (rejects table)
    mode: str = "fast"  # CSV: "fast", "ordered" or "tolerant"
    first_line: int = 2  # physical line of ordinal 0
    encoding: str | None = None
    sheet: str | None = None
    dropped_lines: list[int] = field(default_factory=list)  # malformed lines the reader skipped
    dropped_examples: list[tuple[int, str]] = field(default_factory=list)  # (line, reason)
    line_ordinals: list[int] = field(default_factory=list)  # optional exact ordinal -> line table
    stats_future: Future | None = None  # FileStats computed in a thread while DuckDB scans
    rows: int = 0  # data rows read, malformed lines included
    header_only: bool = False  # open the header only (profile detection)
    rejects_table: str | None = None  # CSV: DuckDB's table of lines it could not parse
    data_path: Path | None = None  # the file DuckDB reads (a transcoded copy for GBK)
    notes: list[str] = field(default_factory=list)
    encoding_guessed: bool = False  # a legacy encoding detected, not declared in case.yaml
    declared_encoding: bool = False  # the encoding comes from sales.encoding in case.yaml
    sellers_sql: str | None = None  # SELECT seller, shop (raw cells) of every row: who is in the file
    date1904: bool = False  # XLSX: the workbook counts serial dates from 1904 (Mac Excel)

    exact_lines: dict[int, int] = field(default_factory=dict)  # ordinal -> physical line (irregular CSV)
    delimiter: str = ","
    # Totals rows (合计 …): a file whose last row is one gets a `_lead` column (its rows' first non-empty
    # cell) and the engine's totals check. CSV: the rows found at the end, as (lines before the last
    # non-blank line, label), and how many lines before it the last data row is.
    extra_columns: set[str] = field(default_factory=set)  # columns besides the mapped fields (`_lead`)
    totals_tail: list[tuple[int, str]] = field(default_factory=list)
    tail_last_data: int | None = None
    dropped_totals: list[tuple[int, str]] = field(default_factory=list)  # (line, label): set aside by the reader
    totals_counted: int = 0  # totals rows the scan found in this file (engine)
    last_data_line: int | None = None  # XLSX: sheet row of the last data row (totals and blank rows aside)

    @property
    def sha256(self) -> str:
        return self.stats_future.result().sha256 if self.stats_future is not None else ""

    @property
    def physical_lines(self) -> int | None:
        return self.stats_future.result().physical_lines if self.stats_future is not None else None

    def one_record_per_line(self) -> bool:
        """True when every data row sits on exactly one line (no quoted newlines, no blank lines):
        then line = first data line + ordinal (+ skipped malformed lines) holds."""
        lines = self.physical_lines
        return lines is None or lines == self.first_line - 1 + self.rows

    def totals_tail_lines(self) -> list[tuple[int, str]]:
        """CSV: ``(line, label)`` of the totals rows found at the end of the file, first first."""
        lines = self.physical_lines
        if lines is None:
            return []
        return sorted((lines - back, label) for back, label in self.totals_tail)

    def last_line(self) -> int:
        """Physical line of the last data row (a totals row under the data is not one)."""
        if self.last_data_line is not None:
            return self.last_data_line
        if self.format == "csv" and self.physical_lines is not None:
            # the rows found at the end are totals rows when the scan counted (at least) as many
            if self.totals_tail and self.tail_last_data is not None and self.totals_counted >= len(self.totals_tail):
                return self.physical_lines - self.tail_last_data
            return self.physical_lines
        return self.line_of(self.rows - 1 - len(self.dropped_lines)) if self.rows else self.first_line

    def resolve_lines(self, ordinals: list[int]) -> None:
        """Exact physical lines for these ordinals when the CSV is irregular (a Python csv pass
        from the top of the file up to the largest ordinal; only done for irregular files)."""
        if self.format != "csv" or self.one_record_per_line() or not ordinals or self.data_path is None:
            return
        wanted = set(ordinals)
        top = max(wanted)
        dropped = set(self.dropped_lines)
        with open(self.data_path, encoding="utf-8-sig", newline="") as fh:
            reader = csv.reader(fh, delimiter=self.delimiter)
            ordinal = -1
            start = 1
            for record in reader:
                line = start
                start = reader.line_num + 1
                if line < self.first_line or not record or line in dropped:
                    continue  # title rows / header, blank lines, lines DuckDB set aside
                ordinal += 1
                if ordinal in wanted:
                    self.exact_lines[ordinal] = line
                    if ordinal >= top:
                        break

    @property
    def ordered(self) -> bool:
        """Does the current select number rows (``_ord``) in file order?"""
        return self.ordered_sql is None or self.mode != "fast"

    def select(self, mode: str | None = None) -> str:
        mode = mode or self.mode
        if self.ordered_sql is None or mode == "fast":
            return self.select_sql
        return self.ordered_sql if mode == "ordered" else self.tolerant_sql

    def after_scan(self, con) -> None:
        """Collect what the reader set aside during the scan (CSV: unparsable lines)."""
        if self.rejects_table and self.data_path is not None and self.mode == "tolerant":
            _collect_rejects(con, self, self.rejects_table, self.data_path)

    def line_of(self, ordinal: int) -> int:
        """Physical 1-based line (sheet row for XLSX) of the row with this ordinal."""
        if self.line_ordinals:
            return self.line_ordinals[ordinal]
        if ordinal in self.exact_lines:
            return self.exact_lines[ordinal]
        line = self.first_line + ordinal
        # Skipped malformed lines sit between rows: shift past each one at or before us.
        for dropped in self.dropped_lines:
            if dropped <= line:
                line += 1
            else:
                break
        return line


def _qident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _qstr(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _check_kind(sniffed: Sniffed, path: Path, fmt: str) -> None:
    if sniffed.kind == "empty":
        raise DataFileError("empty file (0 bytes): export the orders again", path)
    if fmt == "csv" or fmt == "jsonl":
        if sniffed.kind == "zip":
            raise DataFileError(f"this is an XLSX workbook, not {fmt.upper()} text: rename it to .xlsx", path)
        if sniffed.kind == "parquet":
            raise DataFileError(f"this is a Parquet file, not {fmt.upper()} text: rename it to .parquet", path)
        if sniffed.kind != "text":
            raise DataFileError(f"not a text file ({_KIND_NAMES.get(sniffed.kind, sniffed.kind)})", path)
    elif fmt == "xlsx" and sniffed.kind != "zip":
        what = "text (a CSV?)" if sniffed.kind == "text" else _KIND_NAMES.get(sniffed.kind, sniffed.kind)
        raise DataFileError(f"not an XLSX workbook: the file is {what}", path)
    elif fmt == "parquet" and sniffed.kind != "parquet":
        what = "text" if sniffed.kind == "text" else _KIND_NAMES.get(sniffed.kind, sniffed.kind)
        raise DataFileError(f"not a Parquet file: the file is {what}", path)


def format_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        return "csv"
    if suffix in XLSX_SUFFIXES:
        return "xlsx"
    if suffix in PARQUET_SUFFIXES:
        return "parquet"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix == ".xls":
        raise DataFileError("legacy .xls is not supported: save it as .xlsx or CSV", path)
    raise DataFileError(f"unsupported file type {suffix or '(none)'}: use CSV, XLSX, Parquet or JSON Lines",
                        path)


def _choose_mapping(headers: list[str], header_line: int, path: Path, profile: str | None,
                    columns: dict[str, str] | None, strict: bool = True) -> ProfileMatch:
    """The header's mapping (explicit ``columns:``, the named profile, or the best one). Missing
    required fields raise DataFileError, unless ``strict`` is False (detection reports them)."""
    where = f"line {header_line}"
    if columns:
        try:
            match = profiles.explicit_mapping(columns, headers, header_line)
        except (ValueError, LookupError) as exc:
            raise DataFileError(str(exc.args[0]), path, where) from None
    elif profile:
        match = profiles.match_profile(profile, headers, header_line)
    else:
        match = profiles.best_profile(headers, header_line)
    if not match.candidates:
        match.candidates = {p: profiles.match_profile(p, headers, header_line).score
                            for p in profiles.SELLER_SIDE + ("platform",)}
    if match.missing and strict:
        names = ", ".join(match.missing)
        label = "columns:" if columns else f"profile {match.profile}"
        expected = _expected_headers(match.profile, match.missing)
        raise DataFileError(f"missing column(s) {names} ({label}; expected e.g. {expected})", path, where)
    return match


def _expected_headers(profile: str, missing: list[str]) -> str:
    prof = profiles.PROFILES.get(profile, profiles.PROFILES["generic"])
    return ", ".join(prof[m][0] for m in missing if m in prof and prof[m])


def _find_header(rows: list[list[str]], path: Path, fmt_label: str, config=None, lenient: bool = False) -> int:
    """Index of the header row among the first rows (title rows above it are skipped). ``lenient``
    (detection): a header of unknown names is the first row of several cells, not an error."""
    best, best_score = -1, 0
    extra = {profiles.norm_header(h) for h in (config.columns or {}).values()} if config is not None else set()
    for i, cells in enumerate(rows[:HEADER_SEARCH_LINES]):
        score = profiles.header_score(cells) + sum(1 for c in cells if c and profiles.norm_header(c) in extra)
        if score > best_score:
            best, best_score = i, score
    if best_score < 2 and lenient:  # detection: the first row of several cells is the best guess
        several = (i for i, cells in enumerate(rows[:HEADER_SEARCH_LINES]) if sum(1 for c in cells if c.strip()) >= 2)
        return next(several, max(best, 0))
    if best_score < 2:
        raise DataFileError(
            f"no header row found in the first {min(len(rows), HEADER_SEARCH_LINES)} {fmt_label} "
            "(expected column names such as 订单编号, 商家编码 or order_id, sku)", path, "line 1")
    return best


# Headers of a shop-name column beside the seller id (listed when no row is the case's seller).
SHOP_NAME_HEADERS = ("店铺名称", "店铺名", "店名", "卖家昵称", "卖家会员名", "商家名称", "shop_name", "store_name",
                     "seller_name", "shop", "store", "店铺")


def shop_name_column(match: ProfileMatch) -> int | None:
    """Index of a shop-name column that is not the seller column, if the header has one."""
    seller = match.mapping.get("seller")
    if seller is None:
        return None
    normed = [profiles.norm_header(h) for h in match.headers]
    for alias in SHOP_NAME_HEADERS:
        key = profiles.norm_header(alias)
        for i, h in enumerate(normed):
            if h == key and i != seller and i not in match.mapping.values():
                return i
    return None


LOST_DIGITS = "order numbers were stored as numbers and lost digits"
FIX_LOST_DIGITS = ("export them as text (from the platform again, or with the column formatted as Text before "
                   "the data goes in; Excel keeps only 15 digits of a number)")


def lost_digits_error(path, line: int, value: str, rows: int) -> DataFileError:
    more = f", {rows:,} such rows" if rows > 1 else ""
    return DataFileError(f"{LOST_DIGITS} (read as {value!r}{more}); {FIX_LOST_DIGITS}", path, f"line {line}")


# A number in a cell that reads as an Excel serial date: 5 digits, optional fraction (1927–2173);
# only values from 1990-01-01 to 2099-12-31 are taken as dates.
_SERIAL_RE = "[0-9]{5}([.][0-9]+)?"
SERIAL_EPOCH_1900 = "1899-12-30"  # Excel's 1900 date system (its 1900-02-29 bug makes day 60 the epoch shift)
SERIAL_EPOCH_1904 = "1904-01-01"


def excel_serial_sql(expr: str, epoch: str = SERIAL_EPOCH_1900, text: bool = False) -> str:
    """TIMESTAMP of an Excel serial date-time cell (45294.375 = 2024-01-03 09:00), to the millisecond;
    NULL for anything else (a cell that is not a plain 5-digit number, or outside 1990–2099).
    ``text``: ``expr`` is already trimmed text (a lambda variable)."""
    v = expr if text else f"trim(CAST({expr} AS VARCHAR))"
    ts = (f"(TIMESTAMP '{epoch}' + to_milliseconds(CAST(round(TRY_CAST({v} AS DOUBLE) * 86400000) AS BIGINT)))")
    return (f"CASE WHEN regexp_full_match({v}, '{_SERIAL_RE}') AND {ts} >= TIMESTAMP '1990-01-01' "
            f"AND {ts} < TIMESTAMP '2100-01-01' THEN {ts} END")


# ---------------------------------------------------------------------------------------------
# Totals rows
# ---------------------------------------------------------------------------------------------

# The label of a totals row under the data, as exports and spreadsheets write it: 合计, 总计, 小计, 共计
# (spaces inside allowed: 合  计), 总合计, 全部合计, 本页合计, Total(s), Grand total, Subtotal, Sum; an optional
# colon. The whole (trimmed) cell must be the label: '合计：16单' or a title containing 合计 is not one.
# One pattern for Python's re and DuckDB's RE2 (the full-width space is a literal character).
_WS = "[\\s\u3000]*"
TOTALS_LABEL = (f"(?i){_WS}(合{_WS}计|总{_WS}计|小{_WS}计|共{_WS}计|总合计|全部合计|本页合计|totals?|grand[ _]?totals?"
                f"|sub[ _-]?totals?|sum){_WS}[:：]?{_WS}")
_TOTALS_RE = re.compile(TOTALS_LABEL)
TOTALS_TAIL_BYTES = 1 << 16  # the end of a CSV read for totals rows
TOTALS_TAIL_ROWS = 5  # totals rows looked for at the end of a file, at most
_TRIM = " \t\u3000"


def is_totals_label(text: str | None) -> bool:
    return text is not None and _TOTALS_RE.fullmatch(text) is not None


def totals_label_index(cells: list[str | None], mapping: dict[str, int]) -> int | None:
    """The column of the label when ``cells`` is a totals row, else None. A totals row has an empty
    order-time cell, an empty order-number cell (or the label in it), and a label (合计, 总计, Total, …,
    :data:`TOTALS_LABEL`) as its first non-empty cell. The engine applies the same test to every row
    of a file that ends in such a row (``TOTALS_CHECK``)."""
    def cell(idx: int | None) -> str:
        if idx is None or idx >= len(cells) or cells[idx] is None:
            return ""
        return str(cells[idx]).strip(_TRIM)

    if "created" in mapping and cell(mapping["created"]):
        return None
    first = next((i for i in range(len(cells)) if cell(i)), None)
    if first is None or not is_totals_label(cell(first)):
        return None
    order_id = cell(mapping.get("order_id")).strip("=\"'").strip(_TRIM)
    if order_id and not is_totals_label(order_id):
        return None
    return first


def _csv_trailing_totals(path: Path, delim: str, mapping: dict[str, int]) -> tuple[list[tuple[int, int, str]], int]:
    """Totals rows at the end of a (UTF-8) CSV: ``[(lines before the last non-blank line, label column,
    label)]``, and how many lines before the last non-blank line the last other line is. Only single-line
    rows at the very end count (a footer below them stops the search: those rows stay data rows)."""
    size = path.stat().st_size
    with open(path, "rb") as fh:
        fh.seek(max(0, size - TOTALS_TAIL_BYTES))
        raw = fh.read()
    lines = raw.decode("utf-8", "replace").split("\n")
    if size > TOTALS_TAIL_BYTES:
        lines = lines[1:]  # the first line read may be cut
    while lines and not lines[-1].strip(" \t\r\n"):
        lines.pop()
    found: list[tuple[int, int, str]] = []
    i = len(lines) - 1
    while i >= 0 and len(found) < TOTALS_TAIL_ROWS:
        line = lines[i].rstrip("\r")
        if not line.strip():
            i -= 1
            continue
        if line.count('"') % 2:  # part of a quoted multi-line record
            break
        cells = next(csv.reader([line], delimiter=delim), [])
        j = totals_label_index(cells, mapping)
        if j is None:
            break
        found.append((len(lines) - 1 - i, j, cells[j].strip(_TRIM)))
        i -= 1
    return found, len(lines) - 1 - i


# ---------------------------------------------------------------------------------------------
# CSV
# ---------------------------------------------------------------------------------------------

def _detect_delimiter(line: str) -> str:
    counts = {d: line.count(d) for d in (",", "\t", ";", "|")}
    return max(counts, key=lambda d: counts[d]) if max(counts.values()) else ","


def open_csv(con, src: Source, config, workdir: Path) -> None:
    path = src.path
    sniffed = sniff(path, config.encoding)
    _check_kind(sniffed, path, "csv")
    encoding = sniffed.encoding or "utf-8"
    head = sniffed.head.lstrip("\ufeff")
    lines = head.splitlines()
    nonblank = [ln for ln in lines if ln.strip()]
    if not nonblank:
        raise DataFileError("no data: the file holds only blank lines", path)
    delim = _detect_delimiter(nonblank[0] if len(nonblank) == 1 else max(nonblank[:5], key=len))
    rows = list(csv.reader(io.StringIO("\n".join(lines[:HEADER_SEARCH_LINES * 2])), delimiter=delim))
    header_idx = _find_header(rows, path, "lines", config, lenient=src.header_only)
    # csv.reader rows correspond to physical lines here only when no quoted newline precedes the
    # header; title rows of exports are single lines, so we count lines up to the header text.
    header_line = _physical_line_of_record(lines, header_idx, delim)
    headers = rows[header_idx]
    match = _choose_mapping(headers, header_line, path, config.profile, config.columns, strict=not src.header_only)
    src.encoding = encoding
    src.match = match
    if src.header_only:
        return
    if len(lines) <= header_line and len(head.encode("utf-8")) < (1 << 20) or not any(
            ln.strip() for ln in lines[header_line:]):
        raise DataFileError("header only: no data rows", path, f"line {header_line}")
    data_path = path
    if encoding not in ("utf-8", "utf-8-sig"):
        data_path = workdir / f"transcoded-{src.index}.csv"
        transcode_to_utf8(path, data_path, encoding, declared=sniffed.declared)
        src.encoding_guessed = not sniffed.declared
    src.declared_encoding = sniffed.declared
    src.match = match
    src.first_line = header_line + 1
    ncols = len(headers)
    col_types = "{" + ", ".join(f"'c{i}': 'VARCHAR'" for i in range(ncols)) + "}"
    src.rejects_table = f"rej_{src.index}"
    src.data_path = data_path
    src.delimiter = delim
    # `skip` counts physical lines: it skips title rows and the header. Three ways to read:
    # * parallel (the normal pass): no row numbers — DuckDB's parallel CSV reader has none, and a
    #   row_number() window or store_rejects would make the whole pipeline single-threaded;
    # * ordered: row_number() OVER () numbers rows in file order (the streaming window keeps the
    #   scan order), for the rejected examples' lines and for keep-first among conflicting copies;
    # * tolerant: ordered, and lines with the wrong number of fields, bad quoting or invalid UTF-8
    #   go to a rejects table (with their byte position, hence their line) instead of failing.
    #   Used when the parallel pass fails on such a line.
    base = (f"read_csv({_qstr(str(data_path))}, header=false, skip={header_line}, delim={_qstr(delim)}, "
            f"quote='\"', escape='\"', columns={col_types}, auto_detect=false, max_line_size=4000000")
    reader = base + ")"
    tolerant = (base + f", store_rejects=true, rejects_table={_qstr(src.rejects_table)}, "
                f"rejects_scan={_qstr(src.rejects_table + '_scan')})")
    cols = ", ".join(f"c{idx} AS {_qident(canon)}" for canon, idx in match.mapping.items())
    found, last_data = _csv_trailing_totals(data_path, delim, match.mapping)
    if found:  # the file ends in a totals row: every row gets its first non-empty cell (up to the label's column)
        src.totals_tail = [(back, label) for back, _, label in found]
        src.tail_last_data = last_data
        src.extra_columns.add("_lead")
        trimmed = [f"nullif(trim(c{k}, {_qstr(_TRIM)}), '')" for k in range(max(j for _, j, _ in found) + 1)]
        cols += f", {trimmed[0] if len(trimmed) == 1 else 'COALESCE(' + ', '.join(trimmed) + ')'} AS _lead"
    src.select_sql = f"SELECT {src.index} AS _file, 0::BIGINT AS _ord, {cols} FROM {reader}"  # no order
    src.ordered_sql = f"SELECT {src.index} AS _file, row_number() OVER () - 1 AS _ord, {cols} FROM {reader}"
    src.tolerant_sql = f"SELECT {src.index} AS _file, row_number() OVER () - 1 AS _ord, {cols} FROM {tolerant}"
    if "seller" in match.mapping:
        shop = shop_name_column(match)
        src.sellers_sql = (f"SELECT c{match.mapping['seller']} AS seller, "
                           f"{'NULL::VARCHAR' if shop is None else f'c{shop}'} AS shop "
                           f"FROM {base}, ignore_errors=true)")
    try:  # fail early (one line) on what DuckDB cannot read at all
        con.execute(f"SELECT * FROM {base}, ignore_errors=true) LIMIT 1").fetchall()
    except Exception as exc:
        raise DataFileError(f"cannot read as CSV: {_duck_message(exc)}", path) from None


def _physical_line_of_record(lines: list[str], record_idx: int, delim: str) -> int:
    """1-based physical line on which csv record ``record_idx`` (0-based) starts."""
    reader = csv.reader(lines, delimiter=delim)
    for _ in range(record_idx):
        next(reader, None)
    return reader.line_num + 1


def _collect_rejects(con, src: Source, rejects: str, data_path: Path) -> None:
    try:
        con.execute(f"SELECT 1 FROM {rejects} LIMIT 0")
    except Exception:
        return  # no rejects table: nothing was rejected
    rows = con.execute(
        f"SELECT line_byte_position, min(error_type), min(error_message) FROM {rejects} "
        f"GROUP BY line_byte_position ORDER BY line_byte_position").fetchall()
    if not rows:
        return
    positions = [r[0] for r in rows]
    lines = _lines_at_bytes(data_path, positions)
    for line, (_, etype, _msg) in zip(lines, rows):
        if str(etype) in ("INVALID ENCODING", "INVALID UNICODE"):  # a line in another encoding: never dropped
            raise encmod.mismatch_error(src.label, line, _line_bytes(data_path, line), "utf-8",
                                        declared=src.declared_encoding)
    src.dropped_lines = lines
    # A totals row at the end with fewer fields than the header ("合计,,22"): not a data row either.
    tail = dict(src.totals_tail_lines()) if src.totals_tail else {}
    for line, (_, etype, _msg) in zip(lines, rows):
        if line in tail:
            src.dropped_totals.append((line, tail[line]))
            continue
        reason = {"TOO MANY COLUMNS": "malformed line: too many fields",
                  "TOO FEW COLUMNS": "malformed line: too few fields",
                  "MISSING COLUMNS": "malformed line: too few fields",
                  "INVALID UNICODE": "malformed line: invalid text encoding",
                  "UNQUOTED VALUE": "malformed line: bad quoting",
                  "LINE SIZE OVER MAXIMUM": "malformed line: too long"}.get(str(etype), f"malformed line: {etype}")
        src.dropped_examples.append((line, reason))


def _line_bytes(path: Path, line: int) -> bytes:
    """The bytes of physical line ``line`` (1-based), without its line end."""
    with open(path, "rb") as fh:
        for n, raw in enumerate(fh, start=1):
            if n == line:
                return raw.rstrip(b"\r\n")
    return b""


def _lines_at_bytes(path: Path, positions: list[int]) -> list[int]:
    """Physical 1-based line of each byte offset (offsets ascending), streaming once."""
    out: list[int] = []
    newlines = 0
    consumed = 0
    it = iter(positions)
    target = next(it, None)
    with open(path, "rb") as fh:
        while target is not None:
            chunk = fh.read(1 << 20)
            if not chunk:
                break
            while target is not None and target < consumed + len(chunk):
                out.append(newlines + chunk.count(b"\n", 0, target - consumed) + 1)
                target = next(it, None)
            newlines += chunk.count(b"\n")
            consumed += len(chunk)
    while target is not None:
        out.append(newlines + 1)
        target = next(it, None)
    return out


def _duck_message(exc: Exception) -> str:
    msg = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return msg[:300]


# ---------------------------------------------------------------------------------------------
# XLSX
# ---------------------------------------------------------------------------------------------

def open_xlsx(con, src: Source, config, workdir: Path) -> None:
    import fastexcel
    import pyarrow as pa

    path = src.path
    _check_kind(sniff(path), path, "xlsx")
    try:
        reader = fastexcel.read_excel(str(path))
        names = reader.sheet_names
        sheet_name = config.sheet or names[0]
        if sheet_name not in names:
            raise DataFileError(f"no sheet named {sheet_name!r} (sheets: {', '.join(names)})", path)
        sheet = reader.load_sheet(sheet_name, header_row=None, dtypes="string")
        table = sheet.to_arrow()
    except DataFileError:
        raise
    except Exception as exc:
        raise DataFileError(f"cannot read as XLSX: {_duck_message(exc)}", path) from None
    src.sheet = sheet_name
    if table.num_rows == 0:
        raise DataFileError(f"sheet {sheet_name!r} is empty", path)
    head = table.slice(0, HEADER_SEARCH_LINES).to_pylist()
    cols = table.column_names
    head_rows = [[("" if r[c] is None else str(r[c])) for c in cols] for r in head]
    header_idx = _find_header(head_rows, path, "rows", config, lenient=src.header_only)
    # The reader starts at the first row holding a value: empty rows above it shift every line.
    header_line = header_idx + _first_sheet_row(path, sheet_name)
    headers = head_rows[header_idx]
    match = _choose_mapping(headers, header_line, path, config.profile, config.columns, strict=not src.header_only)
    src.match = match
    if src.header_only:
        return
    data = table.slice(header_idx + 1)
    if "order_id" in match.mapping:
        _check_xlsx_order_ids(reader, sheet_name, data, match.mapping["order_id"], header_idx + 1, header_line + 1,
                              path)
    shop = shop_name_column(match)
    picked = sorted(set(match.mapping.values()) | ({shop} if shop is not None else set()))
    arrays = {f"c{i}": data.column(i) for i in picked}
    arrays["_ord"] = pa.array(range(data.num_rows), type=pa.int64())
    # A row is blank when every cell (not just the mapped ones) is empty.
    blank = None
    import pyarrow.compute as pc
    for c in cols:
        col = data.column(c)
        empty = pc.or_kleene(pc.is_null(col), pc.equal(pc.utf8_trim_whitespace(col), ""))
        blank = empty if blank is None else pc.and_kleene(blank, empty)
    keep = pc.invert(pc.fill_null(blank, False))
    rows_kept = pc.indices_nonzero(keep).to_pylist() if data.num_rows else []
    # Totals rows at the end (合计 …): then every row gets its first non-empty cell, for the engine's check.
    found: list[int] = []
    k = len(rows_kept) - 1
    while k >= 0 and len(found) < TOTALS_TAIL_ROWS:
        j = totals_label_index([data.column(c)[rows_kept[k]].as_py() for c in range(len(cols))], match.mapping)
        if j is None:
            break
        found.append(j)
        k -= 1
    if found:
        lead = None
        for c in range(max(found) + 1):
            cell = pc.utf8_trim(data.column(c), characters=_TRIM)
            cell = pc.if_else(pc.equal(cell, ""), pa.scalar(None, pa.string()), cell)
            lead = cell if lead is None else pc.coalesce(lead, cell)
        arrays["_lead"] = lead
        src.extra_columns.add("_lead")
    arrow = pa.table(arrays).filter(keep)
    if arrow.num_rows == 0:
        raise DataFileError("header only: no data rows", path, f"line {header_line}")
    view = f"xlsx_{src.index}"
    con.register(view + "_arrow", arrow)
    con.execute(f"CREATE TEMP TABLE {view} AS SELECT * FROM {view}_arrow")
    con.unregister(view + "_arrow")
    src.rows = arrow.num_rows
    src.match = match
    src.first_line = header_line + 1
    # the last data row (blank rows and totals rows at the end aside): the provenance's last line
    src.last_data_line = src.first_line + rows_kept[k] if k >= 0 else None
    src.date1904 = _is_date1904(path)

    def column(canon: str, idx: int) -> str:
        if canon == "created" and src.date1904:  # serial numbers count from 1904 in this workbook
            return f"COALESCE(CAST({excel_serial_sql(f'c{idx}', SERIAL_EPOCH_1904)} AS VARCHAR), c{idx})"
        return f"c{idx}"

    sel = ", ".join(f"{column(canon, idx)} AS {_qident(canon)}" for canon, idx in match.mapping.items())
    if "_lead" in src.extra_columns:
        sel += ", _lead"
    src.select_sql = f"SELECT {src.index} AS _file, _ord, {sel} FROM {view}"
    if "seller" in match.mapping:
        src.sellers_sql = (f"SELECT c{match.mapping['seller']} AS seller, "
                           f"{'NULL::VARCHAR' if shop is None else f'c{shop}'} AS shop FROM {view}")


# A cell text that may be a number which lost digits: 16+ digits, a fraction, or an exponent.
_LOSSY_ID = r"^[+-]?([0-9]{16,}|[0-9]*[.][0-9]+|[0-9]+([.][0-9]*)?[eE][+-]?[0-9]+)$"


def _check_xlsx_order_ids(reader, sheet_name: str, data, oid: int, offset: int, first_line: int,
                          path: Path) -> None:
    """Refuse order-number cells stored as numbers that cannot hold the number exactly: more than
    15 significant digits (all Excel keeps) or a fraction. Short whole numbers are exact and pass.

    The sheet is read as text, where a number cell and a text cell look alike; only when some cell's
    text looks lossy is the column read again (as booleans: non-null exactly for number cells)."""
    import pyarrow.compute as pc

    col = data.column(oid)
    suspect = pc.fill_null(pc.match_substring_regex(pc.utf8_trim_whitespace(col), _LOSSY_ID), False)
    if not pc.any(suspect).as_py():
        return
    numeric = reader.load_sheet(sheet_name, header_row=None, use_columns=[oid], dtypes={oid: "boolean"}).to_arrow()
    flags = numeric.column(0).slice(offset)
    if len(flags) != len(col):  # pragma: no cover - the same sheet read twice
        return
    bad = pc.and_(suspect, pc.is_valid(flags))
    count = pc.sum(pc.cast(bad, "int64")).as_py() or 0
    if count:
        first = pc.index(bad, True).as_py()
        raise lost_digits_error(path, first_line + first, col[first].as_py(), count)


def _first_sheet_row(path: Path, sheet_name: str) -> int:
    """The sheet row (1-based) of the first cell holding a value: where the reader's rows begin. Read
    from the start of the sheet's XML; 1 when it cannot be told."""
    import re
    import zipfile

    try:
        with zipfile.ZipFile(path) as z:
            book = z.read("xl/workbook.xml").decode("utf-8", "replace")
            rels = z.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
            rid = None
            for tag in re.findall(r"<(?:\w+:)?sheet\b[^>]*>", book):
                name = re.search(r'\bname="([^"]*)"', tag)
                if name and _xml_unescape(name.group(1)) == sheet_name:
                    m = re.search(r'\br:id="([^"]*)"|\b\w+:id="([^"]*)"', tag)
                    rid = m and (m.group(1) or m.group(2))
            target = None
            for tag in re.findall(r"<Relationship\b[^>]*>", rels):
                if rid and re.search(rf'\bId="{re.escape(rid)}"', tag):
                    target = re.search(r'\bTarget="([^"]*)"', tag).group(1)
            if target is None:
                return 1
            member = target.lstrip("/") if target.startswith("/") else "xl/" + target
            text = ""
            with z.open(member) as fh:
                while chunk := fh.read(1 << 16):
                    text += chunk.decode("utf-8", "ignore")
                    # a cell with a value: <c r="B3" …><v>…</v></c> or an inline string
                    m = re.search(r'<c\b[^>]*?\br="[A-Z]+(\d+)"[^>]*?>\s*(?:<f\b[^>]*(?:/>|>.*?</f>)\s*)?'
                                  r"<(?:v|is)\b[^>]*>(?!\s*</)", text, re.S)
                    if m:
                        return int(m.group(1))
                    if len(text) > (4 << 20):
                        break
    except (KeyError, OSError, zipfile.BadZipFile, AttributeError, ValueError):
        pass
    return 1


def _xml_unescape(text: str) -> str:
    import html

    return html.unescape(text)


def _is_date1904(path: Path) -> bool:
    """Does the workbook use the 1904 date system (``<workbookPr date1904="1"/>``)?"""
    import re
    import zipfile

    try:
        with zipfile.ZipFile(path) as z:
            xml = z.read("xl/workbook.xml")
    except (KeyError, OSError, zipfile.BadZipFile):
        return False
    return re.search(rb'<(?:\w+:)?workbookPr\b[^>]*\bdate1904="(?:1|true)"', xml) is not None


# ---------------------------------------------------------------------------------------------
# Parquet
# ---------------------------------------------------------------------------------------------

def open_parquet(con, src: Source, config, workdir: Path) -> None:
    path = src.path
    _check_kind(sniff(path), path, "parquet")
    try:
        desc = con.execute(f"DESCRIBE SELECT * FROM read_parquet({_qstr(str(path))})").fetchall()
        nrows = con.execute(
            f"SELECT sum(num_rows) FROM parquet_file_metadata({_qstr(str(path))})").fetchone()[0]
    except Exception as exc:
        raise DataFileError(f"cannot read as Parquet: {_duck_message(exc)}", path) from None
    headers = [d[0] for d in desc]
    match = _choose_mapping(headers, 1, path, config.profile, config.columns, strict=not src.header_only)
    src.match = match
    if src.header_only:
        return
    if not nrows:
        raise DataFileError("no data rows", path)
    src.match = match
    src.rows = int(nrows)
    src.first_line = 1  # Parquet has no lines: "line N" is the 1-based row number
    types = {d[0]: str(d[1]).upper() for d in desc}
    scan = f"read_parquet({_qstr(str(path))}, file_row_number=true)"
    floats = ("DOUBLE", "FLOAT", "REAL")
    oid = match.mapping.get("order_id")
    id_is_float = oid is not None and types.get(headers[oid]) in floats
    if id_is_float:
        # Order numbers as binary floats: exact only as whole numbers below 10^15 (DOUBLE) or
        # 10^7 (FLOAT); anything else lost digits.
        name = _qident(headers[oid])
        limit = "1e15" if types[headers[oid]] == "DOUBLE" else "1e7"
        n, first, value = con.execute(
            f"SELECT count(*), min(file_row_number), arg_min(CAST({name} AS VARCHAR), file_row_number) FROM {scan} "
            f"WHERE abs({name}) >= {limit} OR {name} <> trunc({name}) OR isnan({name})").fetchone()
        if n:
            raise lost_digits_error(path, int(first) + 1, value, int(n))

    def column(canon: str, idx: int) -> str:
        name = _qident(headers[idx])
        if canon == "order_id" and id_is_float:
            return f"CAST(CAST({name} AS BIGINT) AS VARCHAR)"
        # A binary float cast straight to DECIMAL rounds 1.005 to 1.00; through its shortest decimal
        # text it rounds half away from zero (1.01), as ROUND_HALF_UP does.
        return f"CAST({name} AS VARCHAR)" if types.get(headers[idx]) in floats else name

    sel = ", ".join(f"{column(canon, idx)} AS {_qident(canon)}" for canon, idx in match.mapping.items())
    src.select_sql = f"SELECT {src.index} AS _file, file_row_number AS _ord, {sel} FROM {scan}"
    if "seller" in match.mapping:
        shop = shop_name_column(match)
        src.sellers_sql = (f"SELECT {_qident(headers[match.mapping['seller']])} AS seller, "
                           f"{'NULL::VARCHAR' if shop is None else _qident(headers[shop])} AS shop FROM {scan}")


# ---------------------------------------------------------------------------------------------
# JSON Lines
# ---------------------------------------------------------------------------------------------

def open_jsonl(con, src: Source, config, workdir: Path) -> None:
    path = src.path
    sniffed = sniff(path, config.encoding)
    _check_kind(sniffed, path, "jsonl")
    # Keys: the union of the keys of the first records (JSON Lines have no header line).
    keys: list[str] = []
    first_line = None
    for i, line in enumerate(sniffed.head.lstrip("\ufeff").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except ValueError:
            continue
        if isinstance(rec, dict):
            first_line = first_line or i
            keys.extend(k for k in rec if k not in keys)
        if i > 1000:
            break
    if first_line is None:
        raise DataFileError("no JSON object records found (expected one JSON object per line)", path, "line 1")
    match = _choose_mapping(keys, 1, path, config.profile, config.columns, strict=not src.header_only)
    src.match = match
    src.encoding = sniffed.encoding
    src.declared_encoding = sniffed.declared
    if src.header_only:
        return
    data_path = path
    if sniffed.encoding not in ("utf-8", "utf-8-sig", None):
        data_path = workdir / f"transcoded-{src.index}.jsonl"
        transcode_to_utf8(path, data_path, sniffed.encoding, declared=sniffed.declared)
        src.encoding_guessed = not sniffed.declared
    # Read each physical line as text, then parse with DuckDB's JSON functions: a malformed line
    # becomes a rejected row with its line number instead of silently vanishing.
    table = f"src_{src.index}"
    extracts = ", ".join(
        f"json_extract_string(j, {_qstr('$.' + json.dumps(keys[idx]))}) AS {_qident(canon)}"
        for canon, idx in match.mapping.items())
    try:
        con.execute(
            f"CREATE TEMP TABLE {table} AS SELECT row_number() OVER () - 1 AS _ord, line, "
            f"CASE WHEN json_valid(line) AND json_type(line) = 'OBJECT' THEN line::JSON END AS j "
            f"FROM read_csv({_qstr(str(data_path))}, header=false, columns={{'line': 'VARCHAR'}}, "
            f"delim={_qstr(chr(1))}, quote='', escape='', auto_detect=false, max_line_size=4000000) "
            # Blank lines are not rows (the ordinals then count non-blank lines, like line_ordinals).
            f"WHERE line IS NOT NULL AND NOT regexp_full_match(line, '\\s*')")
    except Exception as exc:
        if data_path == path and "unicode" in str(exc).lower():  # a line in another encoding: name it
            for line_no, block in _line_blocks(path):
                encmod.check_lines(block, "utf-8", path, line_no, declared=sniffed.declared)
        raise DataFileError(f"cannot read as JSON Lines: {_duck_message(exc)}", path) from None
    src.rows = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    src.first_line = 1
    # Blank lines are skipped by the line reader: map ordinals to lines exactly (JSONL is small).
    src.line_ordinals = _nonblank_line_numbers(data_path)
    src.select_sql = (f"SELECT {src.index} AS _file, _ord, (j IS NULL) AS _malformed, {extracts} "
                      f"FROM {table}")
    if "seller" in match.mapping:
        shop = shop_name_column(match)

        def field(idx: int | None) -> str:
            return "NULL::VARCHAR" if idx is None else f"json_extract_string(j, {_qstr('$.' + json.dumps(keys[idx]))})"

        src.sellers_sql = f"SELECT {field(match.mapping['seller'])} AS seller, {field(shop)} AS shop FROM {table}"


def _line_blocks(path: Path):
    """``(first line number, bytes)`` of the file in blocks of whole lines (about 1 MiB each)."""
    line_no, carry = 1, b""
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            buf = carry + chunk
            cut = buf.rfind(b"\n") + 1
            block, carry = buf[:cut], buf[cut:]
            if block:
                yield line_no, block
                line_no += block.count(b"\n")
    if carry:
        yield line_no, carry


def _nonblank_line_numbers(path: Path) -> list[int]:
    out = []
    with open(path, "rb") as fh:
        for i, line in enumerate(fh, start=1):
            if line.strip():
                out.append(i)
    return out


OPENERS = {"csv": open_csv, "xlsx": open_xlsx, "parquet": open_parquet, "jsonl": open_jsonl}


def open_source(con, index: int, label: str, path: Path, config, workdir: Path,
                header_only: bool = False) -> Source:
    if not path.exists():
        raise DataFileError("sales file not found", label)
    if path.is_dir():
        raise DataFileError("is a directory, not a sales file", label)
    fmt = format_of(path)
    src = Source(index=index, label=label, path=path, format=fmt,
                 match=ProfileMatch(profile=config.profile or "generic"))
    src.match.file = label
    src.header_only = header_only
    try:
        OPENERS[fmt](con, src, config, workdir)
    except DataFileError as exc:
        # Report the path as given in case.yaml.
        if exc.path == str(path):
            exc.path = label
            exc.args = (exc.line(),)
        raise
    src.match.file = label
    src.match.format = fmt
    src.match.encoding = src.encoding
    if not header_only:
        # hashlib and numpy release the GIL on large buffers: this overlaps the DuckDB scan.
        text = src.data_path if src.format == "csv" else None
        src.stats_future = _hasher().submit(file_stats, path, text)
    return src


def temp_workdir() -> tempfile.TemporaryDirectory:
    return tempfile.TemporaryDirectory(prefix="litigator-sales-")
