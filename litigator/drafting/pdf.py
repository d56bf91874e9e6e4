"""Converting .docx to .pdf with LibreOffice (headless), in a private profile folder."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from litigator.errors import LitigatorError

SOFFICE_NAMES = ("soffice", "libreoffice")


def find_soffice() -> str | None:
    for name in SOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def docx_to_pdf(docx: Path, timeout: int = 180) -> bytes:
    """Convert one .docx and return the PDF's bytes (the caller writes it atomically)."""
    soffice = find_soffice()
    if soffice is None:
        raise LitigatorError("LibreOffice (soffice) is not installed: install libreoffice-writer "
                             "or draft without --pdf", docx)
    with tempfile.TemporaryDirectory(prefix="litigator-lo-") as tmp:
        profile = Path(tmp) / "profile"
        outdir = Path(tmp) / "out"
        cmd = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", str(outdir), str(docx)]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise LitigatorError(f"LibreOffice did not finish within {timeout} s", docx) from None
        out = outdir / (docx.stem + ".pdf")
        if proc.returncode != 0 or not out.is_file():
            detail = (proc.stderr or proc.stdout).strip().splitlines()
            raise LitigatorError("LibreOffice could not convert it to PDF"
                                 + (f": {detail[-1]}" if detail else ""), docx)
        return out.read_bytes()
