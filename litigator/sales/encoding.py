"""What a data file really is, and its text encoding.

``sniff(path)`` looks at the first bytes: an XLSX/ZIP, Parquet, PDF or other binary file is told
apart from text whatever its name says, and text is classified as UTF-8 (with or without BOM) or
GB18030 (a superset of GBK/GB2312, the encoding of Chinese Excel "CSV" exports).

Encodings are checked line by line, never patched: a line in another encoding than the file's
(a UTF-8 line pasted into a GBK export, a GBK line in a UTF-8 one) or a line that is valid in
neither raises :class:`DataFileError` naming that physical line and what to do. A UTF-8 line inside
a GBK file often decodes as (wrong) GBK without any error, so every non-ASCII line of a GBK file is
also tried as UTF-8 (see :func:`line_is_utf8`).

``transcode_to_utf8(src, dst, encoding)`` rewrites a legacy-encoded text file as UTF-8 in a stream
(constant memory, 1 MiB blocks cut at line ends), with the same line checks over the whole file.
Newlines are untouched, so physical line numbers stay the same.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from litigator.errors import DataFileError

SNIFF_BYTES = 1 << 20
CHUNK = 1 << 20

_MAGIC: list[tuple[bytes, str]] = [
    (b"PK\x03\x04", "zip"),
    (b"PAR1", "parquet"),
    (b"%PDF", "pdf"),
    (b"\xd0\xcf\x11\xe0", "ole"),  # legacy .xls / .doc
    (b"\x89PNG", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"\x1f\x8b", "gzip"),
]


@dataclass(frozen=True)
class Sniffed:
    kind: str  # "text", "zip", "parquet", "pdf", "ole", "binary", "empty", ...
    encoding: str | None = None  # "utf-8", "utf-8-sig", "gb18030" for text
    head: str = ""  # decoded head of a text file (up to SNIFF_BYTES, cut at a line end)
    declared: bool = False  # the encoding comes from case.yaml (not guessed)


GBK = "GBK (GB18030)"
_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "gb18030": GBK, "utf-16": "UTF-16"}
RESAVE = ("save the whole file again in one encoding (re-export it, or in Excel: Save As \"CSV UTF-8\"; "
          "or fix this line)")


def encoding_name(encoding: str | None) -> str:
    return _NAMES.get(encoding or "", encoding or "?")


def normalise(encoding: str) -> str:
    """Python's codec name; GBK and GB2312 are read as GB18030 (their superset)."""
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        raise DataFileError(f"unknown text encoding {encoding!r} (e.g. utf-8, gbk)",
                            "case.yaml", "sales.encoding") from None
    return "gb18030" if name in ("gbk", "gb2312") else name


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFF00 <= o <= 0xFFEF or 0x3000 <= o <= 0x303F


def line_is_utf8(line: bytes) -> bool:
    """Is this non-ASCII line UTF-8 text rather than GBK? Valid UTF-8 with Chinese characters (3-byte
    sequences) at least as many as other non-ASCII ones: GBK byte pairs that happen to be valid UTF-8
    decode to Latin, Greek or Cyrillic letters, almost never to Chinese."""
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    cjk = other = 0
    for ch in text:
        if ord(ch) >= 0x80:
            if _is_cjk(ch):
                cjk += 1
            else:
                other += 1
    return cjk > 0 and cjk >= other


def _decodes(data: bytes, encoding: str) -> bool:
    """Does ``data`` (possibly cut inside a character at its end) decode?"""
    try:
        codecs.getincrementaldecoder(encoding)().decode(data, final=False)
    except UnicodeDecodeError:
        return False
    return True


def _decodes_line(line: bytes, encoding: str) -> bool:
    try:
        line.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _kind_of_line(line: bytes) -> str | None:
    """"utf-8", "gb18030" or None (neither) for a non-ASCII line."""
    if line_is_utf8(line):
        return "utf-8"
    if _decodes_line(line, "gb18030"):
        return "gb18030"
    if _decodes_line(line, "utf-8"):
        return "utf-8"
    return None


def mismatch_error(path, line_no: int, line: bytes, encoding: str, declared: bool) -> DataFileError:
    found = _kind_of_line(line)
    enc = encoding_name(encoding)
    where = f"line {line_no}"
    if found is None or found == encoding:
        return DataFileError(f"this line is not valid {enc} text, nor UTF-8 or GBK (damaged bytes?): re-export the "
                             "file", path, where)
    if declared:
        other = encoding_name(found)
        return DataFileError(f"this line is {other} text, not {enc} as sales.encoding says: if the whole file is "
                             f"{other}, change or remove `encoding:` in case.yaml; if only some lines are, {RESAVE}",
                             path, where)
    return DataFileError(f"mixed text encodings: this line is {encoding_name(found)}, other lines are {enc}; {RESAVE}",
                         path, where)


def check_lines(data: bytes, encoding: str, path, first_line: int = 1, declared: bool = False,
                valid: bool | None = None) -> None:
    """Raise DataFileError on the first line of ``data`` (whole lines, the first being ``first_line``)
    that is not ``encoding`` text, or, in a GB18030 file, is UTF-8 text. ``valid``: whether ``data``
    is known to decode (None: try)."""
    if encoding.startswith(("utf-16", "utf-32")):
        try:
            data.decode(encoding)
        except UnicodeDecodeError:
            raise DataFileError(f"not valid {encoding_name(encoding)} text: re-export the file", path) from None
        return
    if valid is None:
        valid = _decodes_line(data, encoding)
    if valid and encoding != "gb18030":
        return
    for n, line in enumerate(data.split(b"\n"), start=first_line):
        if line.isascii():
            continue
        if (not valid and not _decodes_line(line, encoding)) or (encoding == "gb18030" and line_is_utf8(line)):
            raise mismatch_error(path, n, line, encoding, declared)


def _whole_lines(data: bytes, complete: bool) -> bytes:
    """``data`` up to its last line end (all of it when the file ends within ``data``)."""
    if complete:
        return data
    cut = data.rfind(b"\n")
    return data[: cut + 1] if cut >= 0 else data


def _first_non_ascii_line(data: bytes) -> tuple[int, bytes] | None:
    for n, line in enumerate(data.split(b"\n"), start=1):
        if not line.isascii():
            return n, line
    return None


def sniff(path: Path, declared: str | None = None) -> Sniffed:
    """Classify a file by content. Raises DataFileError when it cannot be opened, and when its head
    mixes encodings or contradicts the ``declared`` one (naming the line)."""
    try:
        with open(path, "rb") as fh:
            data = fh.read(SNIFF_BYTES)
    except FileNotFoundError:
        raise DataFileError("file not found", path) from None
    except IsADirectoryError:
        raise DataFileError("is a directory, not a data file", path) from None
    except OSError as exc:
        raise DataFileError(f"cannot read: {exc.strerror}", path) from None
    if not data:
        return Sniffed("empty")
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return Sniffed(kind)
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        encoding = "utf-16"
        text = data.decode("utf-16", errors="replace")
        return Sniffed("text", encoding, text)
    if b"\x00" in data[:8192]:
        return Sniffed("binary")
    complete = len(data) < SNIFF_BYTES
    body = data[len(codecs.BOM_UTF8):] if data.startswith(codecs.BOM_UTF8) else data
    lines = _whole_lines(body, complete)
    if declared:
        encoding = normalise(declared)
        if encoding == "gb18030":
            first = _first_non_ascii_line(lines)
            if first is not None and _decodes_line(lines, "utf-8") and line_is_utf8(first[1]):
                raise DataFileError(f"sales.encoding is {declared!r}, but the file is UTF-8 text: remove `encoding:` "
                                    "(or set it to utf-8)", path, f"line {first[0]}")
        if encoding == "utf-8" and data.startswith(codecs.BOM_UTF8):
            encoding = "utf-8-sig"
        check_lines(lines, "utf-8" if encoding == "utf-8-sig" else encoding, path, declared=True)
    elif data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
        check_lines(lines, "utf-8", path)
    elif _decodes(data, "utf-8"):
        encoding = "utf-8"
    elif _decodes(data, "gb18030"):
        encoding = "gb18030"
        check_lines(lines, encoding, path)
    else:
        # Neither encoding reads the whole head: text in two encodings, or not text at all.
        first = _first_non_ascii_line(lines)
        kind = _kind_of_line(first[1]) if first is not None else None
        if kind is None or b"\x00" in data[:8192]:
            return Sniffed("binary")
        check_lines(lines, kind, path)
        return Sniffed("binary")  # pragma: no cover - check_lines has raised
    text = codecs.getincrementaldecoder(encoding)(errors="replace").decode(data, final=False)
    if len(data) == SNIFF_BYTES:  # cut at the last complete line
        cut = text.rfind("\n")
        text = text[: cut + 1] if cut >= 0 else text
    # Control characters other than tab/CR/LF/FF in the head: not a text export.
    bad = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\t\r\n\f")
    if bad > 8:
        return Sniffed("binary")
    return Sniffed("text", encoding, text, declared=bool(declared))


def transcode_to_utf8(src: Path, dst: Path, encoding: str, label=None, declared: bool = False) -> None:
    """Stream ``src`` (in ``encoding``) to ``dst`` as UTF-8, in blocks of whole lines, checking every
    line (:func:`check_lines`): a byte sequence that is not ``encoding`` text, or a UTF-8 line in a
    GB18030 file, raises DataFileError naming ``label`` (default ``src``) and the physical line."""
    label = label if label is not None else src
    if encoding.startswith(("utf-16", "utf-32")):  # newlines are not single bytes: no line blocks
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            with open(src, "rb") as fin, open(dst, "wb") as fout:
                while chunk := fin.read(CHUNK):
                    fout.write(decoder.decode(chunk).encode("utf-8"))
                fout.write(decoder.decode(b"", final=True).encode("utf-8"))
        except UnicodeDecodeError:
            raise DataFileError(f"not valid {encoding_name(encoding)} text: re-export the file", label) from None
        return
    line_no = 1
    carry = b""
    with open(src, "rb") as fin, open(dst, "wb") as fout:
        while True:
            chunk = fin.read(CHUNK)
            buf = carry + chunk
            if not chunk:
                block, carry = buf, b""
            else:
                cut = buf.rfind(b"\n") + 1
                if cut == 0:  # a line longer than a chunk: read on
                    carry = buf
                    continue
                block, carry = buf[:cut], buf[cut:]
            if block:
                try:
                    text = block.decode(encoding)
                except UnicodeDecodeError:
                    check_lines(block, encoding, label, line_no, declared, valid=False)
                    raise  # pragma: no cover - check_lines has raised
                if encoding == "gb18030" and not block.isascii():
                    check_lines(block, encoding, label, line_no, declared, valid=True)
                fout.write(text.encode("utf-8"))
                line_no += block.count(b"\n")
            if not chunk:
                break
