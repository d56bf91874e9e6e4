from __future__ import annotations

from pathlib import Path

import pytest

from litigator.errors import LitigatorError
from litigator.facts import extract_paths, read_text

GBK_TEXT = "被告：邓某某，订单号3021874459063318207，支付人民币268元。\n"


def image_only_pdf(path: Path) -> Path:
    """A one-page PDF whose only content is an image (no text layer), written as raw bytes."""
    img = b"\xff\x00\x00" * 4
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /XObject << /Im0 4 0 R >> >>"
        b" /Contents 5 0 R >>",
        b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceRGB /BitsPerComponent 8"
        b" /Length %d >>\nstream\n" % len(img) + img + b"\nendstream",
    ]
    content = b"q 200 0 0 200 0 0 cm /Im0 Do Q"
    objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def test_gbk_text_is_detected(tmp_path):
    p = tmp_path / "gbk.txt"
    p.write_bytes(GBK_TEXT.encode("gbk"))
    d = read_text(p)
    assert d.encoding == "gb18030" and d.text == GBK_TEXT and d.lang == "zh"
    facts = extract_paths([p]).facts
    assert ("ORDER_NUMBER", "3021874459063318207") in {(f.type, f.value) for f in facts}


def test_utf8_bom_is_stripped_and_offsets_index_the_text(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbf" + "支付人民币268元\r\n".encode())
    d = read_text(p)
    assert d.text == "支付人民币268元\r\n"
    (money,) = [f for f in extract_paths([p]).facts if f.type == "MONEY"]
    assert d.text[money.start:money.end] == money.text == "人民币268元"


def test_docx_paragraphs_and_table_cells_in_reading_order(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("淘宝网用户信息查询结果")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "店铺名称"
    table.cell(0, 1).text = "馨杉香氛小屋"
    table.cell(1, 0).text = "身份证号码"
    table.cell(1, 1).text = "440111199204231933"
    document.add_paragraph("回复日期：2022年7月5日")
    p = tmp_path / "reg.docx"
    document.save(p)
    d = read_text(p)
    assert d.text.index("淘宝网") < d.text.index("馨杉香氛小屋") < d.text.index("2022年7月5日")
    assert "店铺名称 | 馨杉香氛小屋" in d.text
    got = {(f.type, f.value) for f in extract_paths([p]).facts}
    assert {("SHOP", "馨杉香氛小屋"), ("ID_NUMBER", "440111199204231933"), ("DATE", "2022-07-05"),
            ("PLATFORM", "淘宝网")} <= got
    for f in extract_paths([p]).facts:
        assert d.text[f.start:f.end] == f.text


@pytest.mark.slow
def test_pdf_with_chinese_text(chinese_pdf):
    d = read_text(chinese_pdf)
    assert "苏苏吴证民内字第4127号" in d.text.replace(" ", "")
    got = {(f.type, f.value) for f in extract_paths([chinese_pdf]).facts}
    assert ("ORDER_NUMBER", "265418830207") in got
    assert ("MONEY", "238.00") in got
    assert ("DATE", "2023-02-08") in got


def test_pdf_without_text_layer(tmp_path):
    p = image_only_pdf(tmp_path / "scan.pdf")
    with pytest.raises(LitigatorError, match=r"no text layer \(scanned\?\): OCR it first"):
        read_text(p)


def test_empty_file(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    with pytest.raises(LitigatorError, match="empty file"):
        read_text(p)


def test_binary_file_renamed_txt(tmp_path):
    p = tmp_path / "photo.txt"
    p.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(LitigatorError, match="binary file"):
        read_text(p)


def test_failed_file_is_reported_and_others_still_processed(tmp_path):
    (tmp_path / "a.txt").write_text("订单号265418830207", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "ignored.csv").write_text("订单号265418830207", encoding="utf-8")
    result = extract_paths([tmp_path])
    paths = [f.path for f in result.files]
    assert paths == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    assert result.files[1].error and result.files[0].error is None
    assert {f.file for f in result.facts} == {str(tmp_path / "a.txt")}


def test_json_contract_shape(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("支付人民币268元，订单号265418830207", encoding="utf-8")
    data = extract_paths([str(p)]).model_dump(mode="json")
    assert set(data) == {"files", "facts"}
    assert set(data["files"][0]) == {"path", "sha256", "chars", "lang", "error"}
    money = next(f for f in data["facts"] if f["type"] == "MONEY")
    order = next(f for f in data["facts"] if f["type"] == "ORDER_NUMBER")
    assert money["currency"] == "CNY" and "valid" not in money
    assert "currency" not in order and order["line"] == 1 and order["file"] == str(p)


def test_importing_facts_does_not_import_spacy():
    import subprocess
    import sys

    code = "import sys, litigator.facts; assert 'spacy' not in sys.modules, 'spacy imported'"
    subprocess.run([sys.executable, "-c", code], check=True)
