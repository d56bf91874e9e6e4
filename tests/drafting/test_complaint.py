"""The complaint end to end: case folder in, .docx out, converted to PDF by LibreOffice.

The PDF text must carry the parties, every 诉讼请求 amount equal to `damages --format json`, and
each element of 《民事诉讼法》第一百二十四条; `pdffonts` must show an embedded CJK font.
Under CI=true these tests run, never skip.
"""

from __future__ import annotations

import json
import re
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from support import EXAMPLES, require_tool, run_cli

from litigator.money import format_yuan

CN_EXAMPLES = sorted(p.parent.name for p in EXAMPLES.glob("*/case.yaml")
                     if "jurisdiction: cn" in p.read_text(encoding="utf-8"))


def _pdf_text(pdf: Path) -> str:
    text = subprocess.run([require_tool("pdftotext"), str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module", params=CN_EXAMPLES)
def drafted(request, tmp_path_factory):
    require_tool("soffice")
    name = request.param
    out = tmp_path_factory.mktemp(name)
    result = run_cli("draft", EXAMPLES / name, "-o", out, "--pdf")
    assert result.code == 0, result.err
    damages = run_cli("damages", EXAMPLES / name, "--format", "json")
    assert damages.code == 0, damages.err
    return name, out, json.loads(damages.out)


def test_set_is_complete(drafted):
    _, out, _ = drafted
    for f in ("complaint.docx", "complaint.pdf", "evidence-list.docx", "evidence-list.pdf", "calculation.json"):
        assert (out / f).is_file(), f


def test_claim_amounts_equal_damages_json(drafted):
    name, out, damages = drafted
    text = _pdf_text(out / "complaint.pdf")
    filed = next(s for s in damages["scenarios"] if s["name"] == damages["filed_scenario"])
    claims = text.split("诉讼请求", 1)[1].split("事实与理由", 1)[0]
    for head in filed["heads"]:
        assert format_yuan(Decimal(head["amount"])) in claims, (head["code"], head["amount"])
    assert format_yuan(Decimal(filed["total"])) in claims
    calc = json.loads((out / "calculation.json").read_text(encoding="utf-8"))
    assert calc["scenarios"] == damages["scenarios"]


def test_article_124_elements(drafted):
    name, out, _ = drafted
    from litigator.casefile import load_case

    case = load_case(EXAMPLES / name).case
    text = _pdf_text(out / "complaint.pdf")
    assert "民事起诉状" in text
    element = "（侵害商标权纠纷）" in text  # a trademark case's element-style form (complaint-element.md.j2)

    def named(role, p):
        if not element:
            return f"{role}：{p.name}"
        return f"{role}（自然人）姓名：{p.name}" if p.kind == "person" else f"{role}（法人、非法人组织）名称：{p.name}"

    for p in case.plaintiffs:
        assert named("原告", p) in text
        assert p.address.replace(" ", "") in text
        if p.representative:
            assert p.representative.name in text
    roles = ["被告"] if len(case.defendants) == 1 else [f"被告{n}" for n in "一二三四五六七八九"]
    for d, role in zip(case.defendants, roles, strict=False):
        assert named(role, d) in text
        assert d.address.replace(" ", "") in text
        if d.kind == "person":
            born = f"{d.birth_date.year}年{d.birth_date.month}月{d.birth_date.day}日"
            ticks = f"男{'☑' if d.sex == '男' else '☐'}女{'☑' if d.sex == '女' else '☐'}"
            assert (f"性别：{ticks}出生日期：{born}" if element else f"{d.sex}，{born}出生") in text
            assert d.id_number in text
    sections = ("诉讼请求", "事实与理由", "对纠纷解决方式的意愿" if element else "证据和证据来源", "此致")
    order = [text.index(h) for h in sections]
    assert order == sorted(order)
    assert re.search(r"1\.判令被告", text)  # 被告 or 被告一、被告二
    assert "此致" + case.court in text
    assert ("具状人（签字、盖章）：" if element else "具状人：") in text
    fd = case.filing_date
    assert f"{fd.year}年{fd.month}月{fd.day}日" in text.rsplit("具状人", 1)[1]


def test_evidence_list_has_every_exhibit(drafted):
    name, out, _ = drafted
    from litigator.evidence import collect_exhibits

    text = _pdf_text(out / "evidence-list.pdf")
    assert "证据目录" in text
    for e in collect_exhibits(EXAMPLES / name):
        assert e.sha256[:16] in text  # long hashes wrap inside the table cell
        assert e.title.replace(" ", "")[:8] in text


def test_cjk_font_is_embedded(drafted):
    _, out, _ = drafted
    fonts = subprocess.run([require_tool("pdffonts"), str(out / "complaint.pdf")], capture_output=True,
                           text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    cjk = [r for r in rows if re.search(r"CJK|Song|Hei|Ming|Kai|Fang|Noto.*(SC|JP|TC|KR)", r, re.I)]
    assert cjk, fonts
    assert all(r.split()[-5] == "yes" for r in cjk), fonts  # the "emb" column


def test_docx_sets_east_asian_fonts(drafted):
    from docx import Document
    from docx.oxml.ns import qn

    _, out, _ = drafted
    doc = Document(str(out / "complaint.docx"))
    normal = doc.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert normal.get(qn("w:eastAsia")) == "仿宋"
    assert doc.styles["Title"].element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "宋体"
    title = doc.paragraphs[0]
    assert title.text == "民事起诉状" and title.alignment == 1  # centred


def test_drafts_are_byte_identical(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    for out in (a, b):
        assert run_cli("draft", EXAMPLES / "platform-v-seller", "-o", out).code == 0
    for f in ("complaint.docx", "evidence-list.docx", "calculation.json"):
        assert (a / f).read_bytes() == (b / f).read_bytes(), f


def test_failed_pdf_conversion_writes_nothing(tmp_path):
    import os
    import sys

    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    fake = fake_bin / "soffice"
    fake.write_text("#!/bin/sh\necho 'source file could not be loaded' >&2\nexit 1\n")
    fake.chmod(0o755)
    out = tmp_path / "out"
    env = {"PATH": f"{fake_bin}:{os.path.dirname(sys.executable)}:/usr/bin:/bin"}
    result = run_cli("draft", EXAMPLES / "platform-v-seller", "-o", out, "--pdf", env=env)
    assert result.code == 2, result.err
    assert "could not convert it to PDF" in result.err
    assert not out.exists() or not any(out.iterdir())


def test_reference_doc_brings_letterhead_and_page(tmp_path):
    from docx import Document
    from docx.shared import Cm

    ref = Document()
    ref.sections[0].header.paragraphs[0].text = "浙江示例律师事务所"
    ref.sections[0].left_margin = Cm(4)
    ref.add_paragraph("template body text that must not survive")
    ref_path = tmp_path / "letterhead.docx"
    ref.save(str(ref_path))
    out = tmp_path / "out"
    result = run_cli("draft", EXAMPLES / "platform-v-seller", "-o", out, "--reference-doc", ref_path,
                     "--only", "complaint")
    assert result.code == 0, result.err
    doc = Document(str(out / "complaint.docx"))
    assert doc.sections[0].header.paragraphs[0].text == "浙江示例律师事务所"
    assert abs(doc.sections[0].left_margin - Cm(4)) < Cm(0.01)  # stored in twips
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "template body text" not in body and body.startswith("民事起诉状")
    assert not (out / "evidence-list.docx").exists()


def test_complaint_cites_exhibits_by_number(drafted):
    _, out, _ = drafted
    text = _pdf_text(out / "complaint.pdf")
    assert "evidence/" not in text  # paths from the damages stage become 证据N


def test_pdfs_are_byte_identical(drafted, tmp_path):
    name, out, _ = drafted
    again = tmp_path / "again"
    assert run_cli("draft", EXAMPLES / name, "-o", again, "--pdf").code == 0
    for f in ("complaint.pdf", "evidence-list.pdf"):
        assert (again / f).read_bytes() == (out / f).read_bytes(), f
