"""The evidence list a clerk accepts (issue 14): exhibits grouped as the element-style form groups them
(权利 / 侵权 / 责任 / 其他) with one consecutive sequence of numbers, the sales extract in the liability
group, 原件/复印件 and 页数 per exhibit, the SHA-256 hashes in a note below a table that fits A4; page counts
from PDFs or evidence.yaml, `litigator evidence pages` for the rest (LibreOffice), and drafts that never
depend on LibreOffice.

The expected numbers, groups and titles are written by hand from examples/*/evidence.yaml.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import docx
import pytest
from docx.table import Table
from docx.text.paragraph import Paragraph
from support import EXAMPLES, require_tool, run_cli

from litigator import pipeline
from litigator.evidence import Exhibit, add_exhibit, collect_exhibits, numbered

BRAND = EXAMPLES / "brand-v-seller"
LISTS = ["complaint", "evidence-list"]  # the documents this issue is about (the filing set: the byte test)
HEADINGS = ["一、权利证据", "二、侵权证据", "三、责任证据（赔偿数额）", "四、其他证据"]
HEADER = ["序号", "证据名称", "证据来源", "证明目的", "页数", "原件/\n复印件"]
# brand-v-seller, by hand from its evidence.yaml: group → [(number, title start, pages, original)]
BRAND_GROUPS = [
    [(1, "第29876543号“青岚”商标注册证", "1", "复印件")],
    [(2, "（2025）浙杭示证民字第4417号公证书", "1", "原件"), (3, "鉴别证明", "1", "原件"),
     (4, "侵权警告函及签收记录", "1", "复印件")],
    [(5, "店铺经营情况说明", "1", "原件"), (6, "单位利润专项说明", "1", "原件"), (7, "维权合理开支凭证", "1", "原件"),
     (8, "被告店铺侵权商品交易明细", "—", "电子数据")],
    [(9, "电子商务平台关于协助调查取证的复函", "1", "原件")],
]
BRAND_FILES = {1: "01-trademark-registration.txt", 2: "02-notarial-record.txt", 3: "03-appraisal.txt",
               4: "04-warning-letter.txt", 5: "05-shop-records.txt", 6: "06-unit-profit-audit.txt",
               7: "07-expense-vouchers.txt", 8: "sales-extract.csv", 9: "08-investigation-order-reply.txt"}


def _body(document) -> list:
    """The document's paragraphs and tables in reading order."""
    out: list[Paragraph | Table] = []
    for child in document.element.body.iterchildren():
        if child.tag.endswith("}p"):
            out.append(Paragraph(child, document))
        elif child.tag.endswith("}tbl"):
            out.append(Table(child, document))
    return out


def _rows(table) -> list[list[str]]:
    return [[c.text for c in r.cells] for r in table.rows]


def _copy(tmp_path: Path, name: str = "brand-v-seller") -> Path:
    dst = tmp_path / name
    shutil.copytree(EXAMPLES / name, dst, ignore=shutil.ignore_patterns("out", "facts.yaml", "*.bak"))
    return dst


@pytest.fixture(scope="module")
def brand(tmp_path_factory):
    out = tmp_path_factory.mktemp("brand")
    result = pipeline.draft(BRAND, out_dir=out, only=LISTS)
    return out, result


# -- the brand example's list -----------------------------------------------------------------------


def test_the_brand_list_has_the_four_groups_in_order_with_consecutive_numbers(brand):
    out, _ = brand
    body = _body(docx.Document(str(out / "evidence-list.docx")))
    headings = [b.text for b in body if isinstance(b, Paragraph) and b.style.name.startswith("Heading")]
    assert headings == HEADINGS
    sections: list[list[list[str]]] = []
    for block in body:  # each heading is followed by its table
        if isinstance(block, Paragraph) and block.text in HEADINGS:
            sections.append([])
        elif isinstance(block, Table):
            sections[-1] = _rows(block)
    assert len(sections) == 4
    for rows, expected in zip(sections, BRAND_GROUPS, strict=True):
        assert rows[0] == HEADER
        assert [(int(r[0]), r[4], r[5]) for r in rows[1:]] == [(n, pages, orig) for n, _, pages, orig in expected]
        for r, (_, title, _, _) in zip(rows[1:], expected, strict=True):
            assert r[1].startswith(title), (r[1], title)
    numbers = [int(r[0]) for rows in sections for r in rows[1:]]
    assert numbers == list(range(1, 10))


def test_the_hashes_are_in_a_note_below_the_table_not_in_it(brand):
    out, result = brand
    document = docx.Document(str(out / "evidence-list.docx"))
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    exhibits = {e.number: e for e in collect_exhibits(BRAND)}
    extract = (out / "sales-extract.csv").read_bytes()
    import hashlib

    hashes = {n: exhibits[n].sha256 for n in exhibits}
    # evidence/ 01–07 keep their numbers; the reply (08) is other, after the extract
    hashes = {1: hashes[1], 2: hashes[2], 3: hashes[3], 4: hashes[4], 5: hashes[5], 6: hashes[6], 7: hashes[7],
              8: hashlib.sha256(extract).hexdigest(), 9: hashes[8]}
    for h in hashes.values():
        assert h not in cells
    body = _body(document)
    last_table = max(i for i, b in enumerate(body) if isinstance(b, Table))
    note = [b.text for b in body[last_table + 1:] if isinstance(b, Paragraph)]
    assert any(t.startswith("注：各证据电子文件的 SHA-256 哈希值") for t in note)
    items = [t for t in note if re.match(r"\d+\. ", t)]
    assert items == [f"{n}. {BRAND_FILES[n]}\nSHA-256：{hashes[n]}" for n in range(1, 10)]


def test_every_exhibit_the_complaint_cites_is_in_the_list(brand):
    out, result = brand
    complaint = "\n".join(p.text for p in docx.Document(str(out / "complaint.docx")).paragraphs)
    cited = {int(n) for n in re.findall(r"（证据(\d+)）", complaint)}
    listed = {int(r.cells[0].text) for t in docx.Document(str(out / "evidence-list.docx")).tables
              for r in t.rows if r.cells[0].text.isdigit()}
    assert cited and cited <= listed
    assert listed == set(range(1, 10)) and cited == listed
    assert "（证据8）" in complaint.split("交易数据", 1)[1]  # the sales figures cite the extract, now exhibit 8
    assert "EXHIBIT_NO_PAGES" not in result.warning_codes and "EXHIBIT_NO_GROUP" not in result.warning_codes


def test_the_tables_fit_a4_portrait_between_the_margins(brand):
    out, _ = brand
    document = docx.Document(str(out / "evidence-list.docx"))
    section = document.sections[0]
    assert (section.page_width.cm, section.page_height.cm) == pytest.approx((21.0, 29.7), abs=0.01)
    usable = (section.page_width - section.left_margin - section.right_margin) // 635  # twips
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    for table in document.tables:
        grid = [int(c.get(f"{w}w")) for c in table._tbl.tblGrid.iterchildren()]
        assert len(grid) == 6 and sum(grid) <= usable
        tbl_w = table._tbl.tblPr.find(f"{w}tblW")
        assert tbl_w.get(f"{w}type") == "dxa" and int(tbl_w.get(f"{w}w")) <= usable
        assert table._tbl.tblPr.find(f"{w}tblLayout").get(f"{w}type") == "fixed"
        # the narrow columns still hold their words: 序号/页数 ≥ 1 cm, 原件/复印件 ≥ 1.5 cm, 证明目的 widest
        cm = [g / 567 for g in grid]
        assert min(cm[0], cm[4]) >= 1.0 and cm[5] >= 1.5 and cm[3] == max(cm)


# -- numbering ---------------------------------------------------------------------------------------


def _exhibit(path: str, group: str | None = None, order: int | None = None) -> Exhibit:
    return Exhibit(number=0, path=path, title=path, group=group, order=order, sha256="0" * 64, size=1)


def test_grouped_exhibits_number_group_by_group_and_the_extract_closes_the_liability_group():
    files = numbered([_exhibit("evidence/a.txt", "other", 1), _exhibit("evidence/b.txt", "liability", 2),
                      _exhibit("evidence/c.txt", "right", 3), _exhibit("evidence/d.txt", "infringement"),
                      _exhibit("evidence/e.txt", "infringement", 9), _exhibit("evidence/f.txt", "liability")])
    assert [(e.number, e.path) for e in files] == [
        (1, "evidence/c.txt"), (2, "evidence/e.txt"), (3, "evidence/d.txt"), (4, "evidence/b.txt"),
        (5, "evidence/f.txt"), (6, "evidence/a.txt")]
    extract = add_exhibit(files, _exhibit("out/sales-extract.csv", "liability"))
    assert extract.number == 6 and extract.generated and extract.group == "liability"
    assert [(e.number, e.path) for e in files] == [
        (1, "evidence/c.txt"), (2, "evidence/e.txt"), (3, "evidence/d.txt"), (4, "evidence/b.txt"),
        (5, "evidence/f.txt"), (6, "out/sales-extract.csv"), (7, "evidence/a.txt")]


def test_without_groups_the_order_is_unchanged_and_the_extract_is_last():
    files = numbered([_exhibit("evidence/b.txt", order=2), _exhibit("evidence/z.txt"),
                      _exhibit("evidence/a.txt"), _exhibit("evidence/c.txt", order=1)])
    assert [e.path for e in files] == ["evidence/c.txt", "evidence/b.txt", "evidence/a.txt", "evidence/z.txt"]
    extract = add_exhibit(files, _exhibit("/elsewhere/sales-extract.csv", "liability"))
    assert extract.number == 5 and extract.group is None and files[-1] == extract


def test_the_platform_example_without_groups_keeps_its_order_in_one_table(tmp_path):
    result = pipeline.draft(EXAMPLES / "platform-v-seller", out_dir=tmp_path, only=LISTS)
    document = docx.Document(str(tmp_path / "evidence-list.docx"))
    assert len(document.tables) == 1
    assert not [p.text for p in document.paragraphs if p.text in HEADINGS]
    rows = _rows(document.tables[0])[1:]
    assert [r[0] for r in rows] == ["1", "2", "3", "4", "5", "6"]
    assert [r[4] for r in rows] == ["2", "2", "2", "2", "2", "—"] and rows[-1][5] == "电子数据"
    assert rows[0][1].startswith("（2024）沪东证经字第18325号公证书")
    assert rows[-1][1].startswith("被告店铺侵权商品交易明细")
    assert "EXHIBIT_NO_GROUP" not in result.warning_codes


# -- evidence.yaml: group, original, pages ------------------------------------------------------------


def test_chinese_keys_and_values_and_the_warnings_for_a_missing_group_and_page_count(tmp_path):
    case = _copy(tmp_path)
    path = case / "evidence.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("  group: right\n  original: false\n", "  分组: 权利\n  原件: 复印件\n", 1)
    text = text.replace("  group: infringement\n  original: true\n  order: 2\n",
                        "  类别: 侵权证据\n  原件: 原件\n  order: 2\n")
    # 06: no group, no page count
    text = text.replace("  group: liability\n  original: true\n  order: 6\n  pages: 1\n", "  order: 6\n")
    path.write_text(text, encoding="utf-8")
    exhibits = {e.path: e for e in collect_exhibits(case)}
    first, second = exhibits["evidence/01-trademark-registration.txt"], exhibits["evidence/02-notarial-record.txt"]
    assert (first.group, first.original, second.group, second.original) == ("right", False, "infringement", True)
    lonely = exhibits["evidence/06-unit-profit-audit.txt"]
    assert (lonely.group, lonely.pages, lonely.original) == ("other", None, None)
    run = pipeline.analyse(case)
    warnings = dict(zip(run.warning_codes, run.warnings, strict=True))
    assert "evidence/06-unit-profit-audit.txt" in warnings["EXHIBIT_NO_PAGES"]
    assert f"litigator evidence pages {case} --write" in warnings["EXHIBIT_NO_PAGES"]
    assert "evidence/06-unit-profit-audit.txt" in warnings["EXHIBIT_NO_GROUP"]
    assert run.warning_codes.count("EXHIBIT_NO_PAGES") == 1 and run.warning_codes.count("EXHIBIT_NO_GROUP") == 1


def test_a_wrong_group_is_a_one_line_error_naming_the_values(tmp_path):
    case = _copy(tmp_path)
    path = case / "evidence.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("group: right", "group: rights", 1), encoding="utf-8")
    result = run_cli("draft", case, "-o", tmp_path / "out")
    assert result.code == 2
    errors = [line for line in result.err.splitlines() if line.startswith("error: ")]
    assert errors and "evidence.yaml" in errors[0] and "right" in errors[0] and "liability" in errors[0]


def test_the_evidence_schema_lists_the_new_keys_and_their_chinese_names():
    result = run_cli("schema", "evidence")
    entry = json.loads(result.out)["$defs"]["EvidenceEntry"]["properties"]
    assert {"group", "original", "分组", "类别", "原件"} <= set(entry)
    assert any("权利" in (alt.get("enum") or []) for alt in entry["group"]["anyOf"])


# -- drafting never depends on LibreOffice --------------------------------------------------------------


def _without(tools: tuple[str, ...]) -> str:
    """PATH without every folder that holds one of these tools (/bin and /usr/bin may be one folder)."""
    return os.pathsep.join(p for p in os.environ.get("PATH", "").split(os.pathsep)
                           if p and not any(shutil.which(t, path=p) for t in tools))


def test_drafts_are_byte_identical_with_and_without_libreoffice_on_path(tmp_path):
    require_tool("soffice")
    case = _copy(tmp_path)
    bare = _without(("soffice", "libreoffice"))
    assert shutil.which("soffice", path=bare) is None and shutil.which("libreoffice", path=bare) is None
    outputs = []
    for path in (os.environ["PATH"], bare):
        result = run_cli("draft", case, "--force", env={"PATH": path})
        assert result.code == 0, result.err
        files = sorted((case / "out").iterdir())
        assert {f.suffix for f in files} >= {".docx", ".csv", ".json"}
        outputs.append({f.name: f.read_bytes() for f in files})
        shutil.rmtree(case / "out")
    assert outputs[0] == outputs[1]


def test_the_evidence_list_converts_through_libreoffice_without_template_syntax(brand, tmp_path):
    require_tool("soffice")
    from pypdf import PdfReader

    from litigator.drafting.pdf import docx_to_pdf

    out, _ = brand
    pdf = tmp_path / "evidence-list.pdf"
    pdf.write_bytes(docx_to_pdf(out / "evidence-list.docx"))
    text = "".join(page.extract_text() for page in PdfReader(str(pdf)).pages)
    assert "证据目录" in text and "三、责任证据" in text and "SHA-256" in text
    for bad in ("{{", "{%", "\ufffd"):
        assert bad not in text
    for page in PdfReader(str(pdf)).pages:  # A4 portrait
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)


# -- litigator evidence pages ------------------------------------------------------------------------


def _docx_of_pages(path: Path, pages: int) -> None:
    from docx.enum.text import WD_BREAK

    d = docx.Document()
    for i in range(pages):
        p = d.add_paragraph(f"第{i + 1}页")
        if i < pages - 1:
            p.add_run().add_break(WD_BREAK.PAGE)
    d.save(str(path))


def test_evidence_pages_counts_through_libreoffice_and_writes_evidence_yaml_keeping_its_comments(tmp_path):
    require_tool("soffice")
    case = _copy(tmp_path)
    path = case / "evidence.yaml"
    text = path.read_text(encoding="utf-8")
    # 03's count given as 页数 (kept under that key), 05's removed, a comment inside an entry, a new .docx
    text = text.replace("  order: 3\n  pages: 1\n", "  order: 3\n  页数: 7\n")
    text = text.replace("  order: 5\n  pages: 1\n", "  order: 5\n  # 原件当庭核对\n")
    path.write_text(text, encoding="utf-8")
    _docx_of_pages(case / "evidence" / "09-statement.docx", 3)
    (case / "evidence" / "10-photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    before = path.read_bytes()

    shown = run_cli("evidence", "pages", case, "--format", "json")
    assert shown.code == 0, shown.err
    files = {f["path"]: f for f in json.loads(shown.out)["files"]}
    assert files["evidence/09-statement.docx"]["pages"] == 3
    assert files["evidence/03-appraisal.txt"] == {"path": "evidence/03-appraisal.txt", "pages": 1,
                                                  "how": "LibreOffice", "evidence_yaml": 7}
    assert files["evidence/10-photo.png"]["pages"] is None
    assert path.read_bytes() == before  # nothing written without --write

    written = run_cli("evidence", "pages", case, "--write")
    assert written.code == 0, written.err
    after = path.read_text(encoding="utf-8")
    assert after.startswith("# Evidence list (证据目录) for the fictional example case; see README.md.\n")
    assert "  # 原件当庭核对\n" in after and "  页数: 1\n" in after and "  pages: 7" not in after
    assert "09-statement.docx:\n  pages: 3\n" in after and "10-photo.png" not in after
    # every other line as it was
    assert [ln for ln in after.splitlines() if "页数" not in ln and "pages" not in ln and "09-statement" not in ln] \
        == [ln for ln in text.splitlines() if "页数" not in ln and "pages" not in ln]
    again = run_cli("evidence", "pages", case, "--write")
    assert again.code == 0 and "nothing written" in again.err
    drafted = run_cli("draft", case, "-o", tmp_path / "out", "--only", "complaint", "--only", "evidence-list")
    assert drafted.code == 0, drafted.err
    no_pages = [ln for ln in drafted.err.splitlines() if "EXHIBIT_NO_PAGES" in ln]
    assert len(no_pages) == 1 and "evidence/10-photo.png" in no_pages[0]


def test_evidence_pages_errors_are_one_line_with_exit_2(tmp_path):
    missing = run_cli("evidence", "pages", tmp_path / "nowhere")
    assert missing.code == 2 and missing.err.strip().count("\n") == 0 and missing.err.startswith("error: ")
    case = _copy(tmp_path)
    empty = tmp_path / "empty-path"
    empty.mkdir()
    no_office = run_cli("evidence", "pages", case, env={"PATH": str(empty)})
    assert no_office.code == 2, no_office.err
    assert no_office.err.strip().count("\n") == 0 and "LibreOffice (soffice) is not installed" in no_office.err
    broken = case / "evidence.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("order: 1", "ordr: 1", 1), encoding="utf-8")
    bad = run_cli("evidence", "pages", case)
    assert bad.code == 2 and "did you mean 'order'" in bad.err
    helped = run_cli("evidence", "pages", "--help")
    assert helped.code == 0 and "Example: litigator evidence pages" in helped.out
