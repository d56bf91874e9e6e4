"""What a data file really is, and its text encoding.

``sniff(path)`` looks at the first bytes: an XLSX/ZIP, Parquet, PDF or other binary file is told
apart from text whatever its name says, and text is classified as UTF-8 (with or without BOM) or
GB18030 (a superset of GBK/GB2312, the encoding of Chinese Excel "CSV" exports).

``transcode_to_utf8(src, dst, encoding)`` rewrites a legacy-encoded text file as UTF-8 in a stream
(constant memory, 1 MiB chunks), so DuckDB can read it. Newlines are untouched, so physical line
numbers stay the same.
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


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        codecs.getincrementaldecoder(encoding)().decode(data, final=False)
    except UnicodeDecodeError:
        return False
    return True


def sniff(path: Path, declared: str | None = None) -> Sniffed:
    """Classify a file by content. Raises DataFileError when it cannot be opened."""
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
    if declared:
        encoding = codecs.lookup(declared).name
        if encoding in ("gbk", "gb2312"):
            encoding = "gb18030"
    elif data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif _decodes(data, "utf-8"):
        encoding = "utf-8"
    elif _decodes(data, "gb18030"):
        encoding = "gb18030"
    else:
        return Sniffed("binary")
    text = codecs.getincrementaldecoder(encoding)(errors="replace").decode(data, final=False)
    if len(data) == SNIFF_BYTES:  # cut at the last complete line
        cut = text.rfind("\n")
        text = text[: cut + 1] if cut >= 0 else text
    # Control characters other than tab/CR/LF/FF in the head: not a text export.
    bad = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\t\r\n\f")
    if bad > 8:
        return Sniffed("binary")
    return Sniffed("text", encoding, text)


def transcode_to_utf8(src: Path, dst: Path, encoding: str) -> None:
    """Stream ``src`` (in ``encoding``) to ``dst`` as UTF-8. Undecodable bytes become U+FFFD."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    with open(src, "rb") as fin, open(dst, "wb") as fout:
        while chunk := fin.read(CHUNK):
            fout.write(decoder.decode(chunk).encode("utf-8"))
        fout.write(decoder.decode(b"", final=True).encode("utf-8"))
