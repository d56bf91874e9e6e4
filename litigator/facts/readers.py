"""Readers: .txt/.md (UTF-8, BOM, GBK/GB18030), .docx (paragraphs and tables), .pdf (text layer)."""

from __future__ import annotations

import contextlib
import hashlib
import logging
import re
import warnings
from pathlib import Path

from litigator.errors import DataFileError
from litigator.facts.model import DecodedText
from litigator.facts.text import guess_lang

SUPPORTED_SUFFIXES = (".txt", ".md", ".docx", ".pdf")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CJK_CHAR = r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]"
_PDF_CJK_BREAK = re.compile(rf"(?<={_CJK_CHAR})[ \t]*\n[ \t]*(?={_CJK_CHAR})")


def read_text(path: str | Path) -> DecodedText:
    """Decode one evidence file; raise DataFileError (exit 2) with a one-line reason."""
    p = Path(path)
    if not p.is_file():
        raise DataFileError("no such file", p)
    suffix = p.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise DataFileError(f"unsupported file type {suffix or '(none)'} (use .txt .md .docx .pdf)", p)
    data = p.read_bytes()
    if not data:
        raise DataFileError("empty file", p)
    if suffix == ".docx":
        text, encoding = _docx_text(p), "docx"
    elif suffix == ".pdf":
        text, encoding = _pdf_text(p), "pdf"
    else:
        text, encoding = _decode_plain(p, data)
    if not text.strip():
        raise DataFileError("empty file (no text)", p)
    return DecodedText(path=str(path), text=text, sha256=hashlib.sha256(data).hexdigest(),
                       lang=guess_lang(text), encoding=encoding)


def _decode_plain(p: Path, data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = [("utf-8-sig", data[3:], "utf-8")]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = [("utf-16", data, "utf-16")]
    else:
        if b"\x00" in data[:65536]:
            raise DataFileError("binary file, not text (NUL bytes)", p)
        candidates = [("utf-8", data, "utf-8"), ("gb18030", data, "gb18030")]
    for name, raw, codec in candidates:
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        if len(_CONTROL.findall(text[:65536])) > max(2, len(text[:65536]) // 200):
            raise DataFileError("binary file, not text (control characters)", p)
        return text, name
    raise DataFileError("cannot decode as UTF-8 or GBK/GB18030 text", p)


def _docx_text(p: Path) -> str:
    """Paragraphs and table cells in reading order; a table row is its cells joined by `` | ``."""
    import docx  # python-docx
    from docx.oxml.ns import qn

    try:
        document = docx.Document(str(p))
    except Exception as exc:  # python-docx raises many types for a broken package
        raise DataFileError(f"not a readable .docx ({type(exc).__name__})", p) from None
    from docx.table import _Cell
    from docx.text.paragraph import Paragraph

    lines: list[str] = []

    def walk(parent, owner) -> None:
        for child in parent.iterchildren():
            if child.tag == qn("w:p"):
                lines.append(Paragraph(child, owner).text)
            elif child.tag == qn("w:tbl"):
                for row in child.iterchildren(qn("w:tr")):
                    cells = []
                    for tc in row.iterchildren(qn("w:tc")):
                        cell = _Cell(tc, owner)
                        cells.append(" ".join(par.text for par in cell.paragraphs if par.text))
                    lines.append(" | ".join(cells))
            elif child.tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    walk(content, owner)

    walk(document.element.body, document)
    return "\n".join(lines) + "\n"


def _pdf_text(p: Path) -> str:
    """The text layer of every page; a line broken between Chinese characters is joined."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        with _quiet_pypdf():
            reader = PdfReader(str(p))
            pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise DataFileError(f"not a readable PDF ({exc})", p) from None
    text = "\n".join(page.strip("\n") for page in pages)
    if not text.strip():
        raise DataFileError("no text layer (scanned?): OCR it first", p)
    return _PDF_CJK_BREAK.sub("", text) + "\n"


@contextlib.contextmanager
def _quiet_pypdf():
    """pypdf logs its repairs of broken files (``EOF marker not found`` …) and, with no logging set
    up, Python prints them raw to stderr. The reader raises its own one-line error: silence them
    (the ``pypdf.*`` loggers have no level of their own, so the parent's level rules them)."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)
