"""Converting .docx to .pdf with LibreOffice (headless), in a private profile folder."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from datetime import date
from pathlib import Path

from litigator.errors import LitigatorError

SOFFICE_NAMES = ("soffice", "libreoffice")
# Maps 宋体/仿宋/楷体 to Noto Serif CJK SC and 黑体 to Noto Sans CJK SC when the real fonts are absent;
# it loads the system configuration first, so it is used only where that file exists.
FONTCONFIG = Path(__file__).resolve().parent / "fonts" / "litigator-fonts.conf"
SYSTEM_FONTCONFIG = Path("/etc/fonts/fonts.conf")


def find_soffice() -> str | None:
    for name in SOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def soffice_env() -> dict[str, str] | None:
    """soffice's environment: ours with FONTCONFIG_FILE set to the standalone SC faces' conf (cjk_faces.py),
    else to the shipped conf (None: inherit)."""
    if not SYSTEM_FONTCONFIG.is_file():
        return None
    from litigator.drafting.cjk_faces import runtime_conf

    return {**os.environ, "FONTCONFIG_FILE": str(runtime_conf(FONTCONFIG) or FONTCONFIG)}


def docx_to_pdf(docx: Path, on: date | None = None, timeout: int = 180) -> bytes:
    """Convert one .docx and return the PDF's bytes (the caller writes it atomically).

    LibreOffice stamps the clock into the PDF's dates and a random file /ID; with ``on`` (the
    filing date) both are rewritten, so the same .docx gives the same PDF bytes.
    """
    return docx_to_pdfs([docx], on, timeout)[docx]


def docx_to_pdfs(docs: list[Path], on: date | None = None, timeout: int = 180) -> dict[Path, bytes]:
    """Convert several .docx files in one LibreOffice run (starting it costs seconds; a filing set is
    converted at once) and return each one's PDF bytes, as :func:`docx_to_pdf` would. Their names must
    differ (the PDFs share one output folder)."""
    if not docs:
        return {}
    if len({d.stem for d in docs}) != len(docs):
        raise ValueError("docx_to_pdfs: two files of the same name")
    soffice = find_soffice()
    if soffice is None:
        raise LitigatorError("LibreOffice (soffice) is not installed: install libreoffice-writer "
                             "or draft without --pdf", docs[0])
    limit = timeout + 30 * (len(docs) - 1)
    out: dict[Path, bytes] = {}
    with tempfile.TemporaryDirectory(prefix="litigator-lo-") as tmp:
        profile = Path(tmp) / "profile"
        outdir = Path(tmp) / "out"
        cmd = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", str(outdir), *map(str, docs)]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=limit, env=soffice_env())
        except subprocess.TimeoutExpired:
            raise LitigatorError(f"LibreOffice did not finish within {limit} s", docs[0]) from None
        for docx in docs:
            pdf = outdir / (docx.stem + ".pdf")
            if proc.returncode != 0 or not pdf.is_file():
                detail = (proc.stderr or proc.stdout).strip().splitlines()
                raise LitigatorError("LibreOffice could not convert it to PDF"
                                     + (f": {detail[-1]}" if detail else ""), docx)
            data = pdf.read_bytes()
            out[docx] = reproducible(data, on, seed=docx.read_bytes()) if on is not None else data
    return out


def reproducible(pdf: bytes, on: date, seed: bytes) -> bytes:
    """The PDF with its dates set to ``on`` and its /ID derived from ``seed`` (the .docx bytes)."""
    import io
    import logging

    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, ByteStringObject

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    stamp = f"D:{on:%Y%m%d}000000Z"
    writer.add_metadata({"/CreationDate": stamp, "/ModDate": stamp, "/Producer": "Litigator (LibreOffice)"})
    digest = hashlib.md5(seed, usedforsecurity=False).digest()  # a PDF file identifier, not security
    writer._ID = ArrayObject([ByteStringObject(digest), ByteStringObject(digest)])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
