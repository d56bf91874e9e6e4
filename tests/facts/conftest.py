from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEV = Path(os.environ.get("LITIGATOR_DEV_CORPUS", ROOT.parent / "shared" / "corpus" / "dev"))
EXAMPLE = ROOT / "examples" / "platform-v-seller"


def require_soffice() -> str:
    """soffice, or skip — except under CI=true, where a missing LibreOffice is a failure."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("LibreOffice (soffice) is required under CI")
        pytest.skip("LibreOffice (soffice) not installed")
    return exe


@pytest.fixture(scope="session")
def chinese_pdf(tmp_path_factory) -> Path:
    exe = require_soffice()
    out = tmp_path_factory.mktemp("pdf")
    src = out / "notary.txt"
    src.write_text("公证书\n（2023）苏苏吴证民内字第4127号\n订单号265418830207，应付总额￥238.00，"
                   "店铺名称为“闪充驿站数码专营店”。\n2023年2月8日\n", encoding="utf-8")
    subprocess.run([exe, "--headless", f"-env:UserInstallation=file://{out}/lo-profile",
                    "--convert-to", "pdf", "--outdir", str(out), str(src)],
                   check=True, capture_output=True, timeout=180)
    pdf = out / "notary.pdf"
    if not pdf.exists():
        pytest.fail("LibreOffice did not produce a PDF")
    return pdf
