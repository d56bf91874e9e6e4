"""``litigator check``: the untouched drafts of every example pass; a doctored copy of the brand complaint is
caught (an amount in a request, a leftover ``{{``, an exhibit the list does not have, a resident ID failing its
checksum), each with its code and paragraph; bad input is one error line with exit 2."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from docx import Document
from support import EXAMPLES, run_cli

from litigator.drafting.check import amounts_in, check, read_blocks
from litigator.identifiers import resident_id_check_char

CN_EXAMPLES = sorted(p.parent.name for p in EXAMPLES.glob("*/case.yaml")
                     if "jurisdiction: cn" in p.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def drafts(tmp_path_factory) -> dict[str, Path]:
    out = {}
    for name in CN_EXAMPLES:
        target = tmp_path_factory.mktemp(name) / "out"
        result = run_cli("draft", EXAMPLES / name, "-o", target)
        assert result.code == 0, result.err
        out[name] = target
    return out


@pytest.fixture
def brand_copy(drafts, tmp_path) -> Path:
    """A copy of the brand example's drafts, to doctor (not named out/, so no case folder is inferred from it)."""
    dst = tmp_path / "drafts"
    shutil.copytree(drafts["brand-v-seller"], dst)
    return dst


def _paragraph_number(docx: Path, needle: str) -> int:
    """The body paragraph number (as check counts them) of the first paragraph containing ``needle``."""
    for b in read_blocks(docx):
        if b.table is None and needle in b.text:
            return int(b.where.split()[-1])
    raise AssertionError(f"{needle!r} not in {docx}")


def _doctor(docx: Path, old: str, new: str) -> int:
    """Replace ``old`` by ``new`` in the first paragraph holding it (in a run when one holds it whole, else the
    paragraph's text moves into its first run); returns that paragraph's number."""
    number = _paragraph_number(docx, old)
    doc = Document(str(docx))
    for p in doc.paragraphs:
        if old in p.text:
            run = next((r for r in p.runs if old in r.text), None)
            if run is not None:
                run.text = run.text.replace(old, new, 1)
            else:
                text = p.text.replace(old, new, 1)
                for r in p.runs[1:]:
                    r.text = ""
                p.runs[0].text = text
            break
    doc.save(str(docx))
    return number


@pytest.mark.parametrize("name", CN_EXAMPLES)
def test_untouched_drafts_pass(drafts, name):
    result = run_cli("check", drafts[name])
    assert result.code == 0, result.out + result.err
    documents = len(list(drafts[name].glob("*.docx")))
    assert result.out.strip() == f"{documents} documents checked: no problems"
    assert result.err == ""


def test_untouched_drafts_pass_as_json(drafts):
    result = run_cli("check", drafts["brand-v-seller"] / "complaint.docx", "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["findings"] == [] and data["warnings"] == []
    assert data["documents"] == [str(drafts["brand-v-seller"] / "complaint.docx")]


def test_doctored_complaint_is_caught(brand_copy):
    complaint = brand_copy / "complaint.docx"
    text = "\n".join(b.text for b in read_blocks(complaint))
    resident_id = next(b.text.rsplit("：", 1)[1] for b in read_blocks(complaint) if b.text.startswith("证件类型"))
    bad_digit = str((int(resident_id[10]) + 1) % 10)
    bad_id = resident_id[:10] + bad_digit + resident_id[11:]
    if resident_id_check_char(bad_id[:17]) == bad_id[17]:  # pragma: no cover — a digit change always changes it
        pytest.fail("the doctored ID still passes")
    assert "人民币250,002.00元" in text and "（证据3）" in text
    amount = _doctor(complaint, "人民币250,002.00元", "人民币250,003.00元")
    syntax = _doctor(complaint, "承担本案全部诉讼费用", "承担本案全部诉讼费用{{ case.x }}")
    exhibit = _doctor(complaint, "（证据3）", "（证据99）")
    ident = _doctor(complaint, resident_id, bad_id)

    result = run_cli("check", complaint)
    assert result.code == 2, result.out + result.err
    lines = result.out.splitlines()
    expected = {
        (amount, "AMOUNT_MISMATCH", "250,003.00"),
        (syntax, "TEMPLATE_SYNTAX", "{{"),
        (exhibit, "EXHIBIT_UNKNOWN", "证据99"),
        (ident, "ID_CHECKSUM", bad_id),
    }
    for number, code, detail in expected:
        prefix = f"{complaint}:paragraph {number}: {code}: "
        assert any(line.startswith(prefix) and detail in line for line in lines), (prefix, lines)
    assert len(lines) == len(expected), lines
    assert result.err.strip() == "4 problems in 1 document checked"


def test_folder_check_reports_the_doctored_document(brand_copy):
    _doctor(brand_copy / "complaint.docx", "人民币250,002.00元", "人民币250,003.00元")
    result = run_cli("check", brand_copy, "--format", "json")
    assert result.code == 2
    findings = json.loads(result.out)["findings"]
    assert [(Path(f["document"]).name, f["code"]) for f in findings] == [("complaint.docx", "AMOUNT_MISMATCH")]
    assert findings[0]["where"].startswith("paragraph ")


def test_capital_amount_is_checked(brand_copy):
    complaint = brand_copy / "complaint.docx"
    number = _doctor(complaint, "叁拾壹万伍仟玖佰柒拾元整", "叁拾壹万伍仟玖佰柒拾壹元整")
    findings = check(complaint).findings
    assert [(f.where, f.code) for f in findings] == [(f"paragraph {number}", "AMOUNT_MISMATCH")]
    assert "叁拾壹万伍仟玖佰柒拾壹元整" in findings[0].message


def test_placeholder_and_empty_section(brand_copy):
    complaint = brand_copy / "complaint.docx"
    placeholder = _doctor(complaint, "罗某某", "张某某")
    doc = Document(str(complaint))
    for p in doc.paragraphs:  # empty the 事实与理由 section: drop everything up to the next heading
        if p.text == "事实与理由":
            node = p._p.getnext()
            while node is not None and not _style_of(doc, node).startswith("Heading"):
                following = node.getnext()
                node.getparent().remove(node)
                node = following
            break
    doc.save(str(complaint))
    findings = check(complaint).findings
    codes = {(f.code, f.where) for f in findings}
    assert ("PLACEHOLDER", f"paragraph {placeholder}") in codes
    heading = _paragraph_number(complaint, "事实与理由")
    assert ("SECTION_EMPTY", f"paragraph {heading}") in codes


def _style_of(doc, node) -> str:
    from docx.text.paragraph import Paragraph

    if not node.tag.endswith("}p"):
        return ""
    return Paragraph(node, doc).style.name


def test_missing_required_section(brand_copy):
    complaint = brand_copy / "complaint.docx"
    _doctor(complaint, "诉讼请求", "请求")
    codes = [(f.code, f.where) for f in check(complaint).findings]
    assert ("SECTION_MISSING", "") in codes


def test_checksum_override_of_the_case_is_respected(drafts, tmp_path):
    """A party whose bad ID carries checksum_override in case.yaml is not reported when the case is known."""
    case = tmp_path / "case"
    shutil.copytree(EXAMPLES / "brand-v-seller", case, ignore=shutil.ignore_patterns("out", "facts.yaml"))
    out = case / "out"
    shutil.copytree(drafts["brand-v-seller"], out)
    text = (case / "case.yaml").read_text(encoding="utf-8")
    resident_id = "330110199107233513"
    assert resident_id in text
    bad = resident_id[:-1] + ("0" if resident_id[-1] != "0" else "1")
    _doctor(out / "complaint.docx", resident_id, bad)
    assert [f.code for f in check(out).findings] == ["ID_CHECKSUM"]
    (case / "case.yaml").write_text(text.replace(
        f'id_number: "{resident_id}"', f'id_number: "{bad}"\n    checksum_override: 证件号码以原件为准'),
        encoding="utf-8")
    assert "checksum_override" in (case / "case.yaml").read_text(encoding="utf-8")
    assert check(out).findings == []


def test_exhibit_count(brand_copy):
    number = _doctor(brand_copy / "complaint.docx", "证据材料9份", "证据材料8份")
    findings = check(brand_copy / "complaint.docx").findings
    assert [(f.where, f.code) for f in findings] == [(f"paragraph {number}", "EXHIBIT_COUNT")]


def test_exhibit_list_missing(brand_copy):
    (brand_copy / "evidence-list.docx").unlink()
    findings = check(brand_copy / "complaint.docx").findings
    assert [f.code for f in findings] == ["EXHIBIT_LIST_MISSING"]


FACTS_YAML = """proposals:
  shop_name:
    field: defendants[0].shops[0].name
    value: 另一家小铺
    source: evidence/02-notarial-record.txt:8
    start: 117
    end: 122
    text: 另一家小铺
    current: 岚美正品小铺
    conflict: true
    accept: true
"""


def test_unresolved_facts_conflict(drafts, tmp_path):
    case = tmp_path / "case"
    shutil.copytree(EXAMPLES / "brand-v-seller", case, ignore=shutil.ignore_patterns("out", "facts.yaml"))
    shutil.copytree(drafts["brand-v-seller"], case / "out")
    assert check(case / "out").findings == []
    (case / "facts.yaml").write_text(FACTS_YAML, encoding="utf-8")
    findings = check(case / "out").findings
    assert [(Path(f.document).name, f.code) for f in findings] == [("facts.yaml", "FACTS_CONFLICT")]
    assert "另一家小铺" in findings[0].message


def test_folder_without_calculation_is_one_error(brand_copy):
    (brand_copy / "calculation.json").unlink()
    result = run_cli("check", brand_copy)
    assert result.code == 2
    assert result.out == ""
    assert len(result.err.splitlines()) == 1
    assert result.err.startswith(f"error: {brand_copy}: no calculation.json")


@pytest.mark.parametrize("what", ["missing", "not-docx"])
def test_bad_argument_is_one_error(brand_copy, what):
    target = brand_copy / ("nothing" if what == "missing" else "calculation.json")
    result = run_cli("check", target)
    assert result.code == 2 and result.out == ""
    assert len(result.err.splitlines()) == 1 and result.err.startswith("error: ")


def test_amounts_in():
    assert [v for _, v in amounts_in("人民币315,970.00元（大写：人民币叁拾壹万伍仟玖佰柒拾元整）")] == [
        315970, 315970]
    assert [str(v) for _, v in amounts_in("83,334.00×3=250,002.00元；30万元；969件×86元")] == [
        "83334.00", "250002.00", "300000.00", "86.00"]


def test_a_us_filing_set_is_checked_by_the_us_rules_not_the_chinese_ones(tmp_path):
    out = tmp_path / "us"
    result = run_cli("draft", EXAMPLES / "us-schedule-a", "-o", out)
    assert result.code == 0, result.err
    findings = check(out).findings
    # no 诉讼请求 or 此致 asked of a US complaint; the one problem is the example's store 14, which has no test
    # buy: the TRO papers leave a marked gap for it, and check reports each
    assert {f.code for f in findings} == {"PLACEHOLDER"}
    assert all("[MISSING: defendants[14].test_buy" in f.message for f in findings)
    assert {Path(f.document).name for f in findings} == {"investigator-declaration.docx", "tro-memorandum.docx"}
    complaint = out / "complaint.docx"
    _doctor(complaint, "PRAYER FOR RELIEF", "RELIEF")
    missing = [f.message for f in check(complaint).findings if f.code == "SECTION_MISSING"]
    assert missing == ["no 「PRAYER FOR RELIEF」 section: the filing requires it (redraft, or restore the heading "
                       "and its content)"]
