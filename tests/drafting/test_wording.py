"""The complaint's wording follows the case: legal theory, standing, party particulars."""

from __future__ import annotations

from docx import Document
from support import edit_case, run_cli


def _complaint_text(case, tmp_path) -> tuple[str, str]:
    out = tmp_path / "out"
    result = run_cli("draft", case, "-o", out, "--only", "complaint")
    assert result.code == 0, result.err
    doc = Document(str(out / "complaint.docx"))
    return "\n".join(p.text for p in doc.paragraphs), result.err


def test_contract_case_pleads_breach_and_cites_exhibits(case_copy, tmp_path):
    text, _ = _complaint_text(case_copy(), tmp_path)
    assert "构成违约" in text and "违约责任" in text
    assert "《橙市网平台服务协议》（证据4）" in text
    assert "公证书（证据1）" in text
    assert "法定代表人：林某某，执行董事。" in text
    assert "第五百七十七条" in text.split("综上所述", 1)[1]


def test_tort_case_does_not_plead_breach(case_copy, tmp_path):
    case = case_copy()
    edit_case(case, "claims: [breach_of_contract, reasonable_expenses]", "claims: [goodwill_tort, reasonable_expenses]")
    text, _ = _complaint_text(case, tmp_path)
    text = text.split("事实与理由", 1)[1].split("证据和证据来源", 1)[0]  # exhibits' own words aside
    assert "构成违约" not in text and "违约责任" not in text and "网络服务合同关系" not in text
    assert "名誉权" in text and "侵权责任" in text


def test_licensee_is_not_called_the_owner(case_copy, tmp_path):
    case = case_copy("brand-v-seller")
    text = (case / "case.yaml").read_text(encoding="utf-8")
    anchor = next(line for line in text.splitlines() if line.strip().startswith("registration_number:"))
    indent = anchor[: len(anchor) - len(anchor.lstrip())]
    edit_case(case, anchor, f"{anchor}\n{indent}plaintiff_role: exclusive_licensee")
    body, _ = _complaint_text(case, tmp_path)
    assert "原告系第" not in body
    assert "原告经其许可，取得该商标的独占使用许可" in body


def test_missing_particulars_are_warned_not_invented(case_copy, tmp_path):
    case = case_copy()
    edit_case(case, "    ethnicity: 汉族\n", "")
    edit_case(case, '    id_number: "310120198806141233"   # sex and birth date are derived from it\n', "")
    text, err = _complaint_text(case, tmp_path)
    assert "性别不详" not in text and "被告：韩某某，住上海市" in text
    assert "defendants[0] (韩某某) lacks 性别" in err
