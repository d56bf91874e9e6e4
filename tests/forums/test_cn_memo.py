"""The internal damages memo (memo.docx, 损害赔偿评估; issue 15).

Expected figures are written by hand from the examples' case files and the worked examples of the docs, never
taken from a run of our code:

* platform-v-seller (docs/precedents.md, worked example): expenses 3,000.00 + 129.00 + 50,000.00 = 53,129.00;
  conservative 66,529.00 (10.00 per order: 66,529.00 − 53,129.00 = 13,400.00 for 1,340 orders); base: net
  revenue 348,545.00 × 1 + 53,129.00 = 401,674.00; aggressive 348,545.00 × 3 = 1,045,635.00, total 1,098,764.00.
  Case fee on 401,674.00 (诉讼费用交纳办法 Art. 13(1)): 50 + 90,000 × 2.5 % + 100,000 × 2 % + 201,674 × 1.5 % =
  50 + 2,250 + 2,000 + 3,025.11 = 7,325.11. Expected award of base 8,759.25 – 18,052.76 – 50,209.25; awarded range
  5,833.39 – 31,562.94; over-claim; excess fee 7,325.11 − 589.07 = 6,736.04.
* brand-v-seller (docs/damages-cn.md, worked example): 969 × 86.00 = 83,334.00; × 3 = 250,002.00; expenses
  65,968.00; punitive 315,970.00, additive 399,304.00; statutory 300,000.00 + 65,968.00 = 365,968.00; case fee on
  315,970.00 = 6,039.55; on 365,968.00: 50 + 2,250 + 2,000 + 165,968 × 1.5 % = 6,789.52.
* company-v-seller: expenses 3,000.00 + 298.00 + 2,400.00 + 50,000.00 = 55,698.00; statutory 500,000.00, total
  555,698.00; case fee 50 + 2,250 + 2,000 + 4,500 + 55,698 × 1 % = 9,356.98.
"""

from __future__ import annotations

import io
import os
import re
import zipfile

import docx
import pytest
from support import EXAMPLES, require_tool, run_cli

from litigator import drafting, forums, pipeline
from litigator.drafting.chart import FONTS_ENV, find_font

CN_EXAMPLES = ("platform-v-seller", "brand-v-seller", "company-v-seller")
PRIVILEGE = "内部工作成果／律师工作成果（不得提交法院）"
AFTER_RENDERING = {"EXHIBIT_NOT_CITED", "PDF_STALE"}  # warnings draft adds while or after rendering


def text_of(data: bytes) -> str:
    d = docx.Document(io.BytesIO(data))
    return "\n".join([p.text for p in d.paragraphs] + [" | ".join(c.text for c in r.cells)
                                                       for t in d.tables for r in t.rows])


def table_rows(data: bytes) -> list[list[str]]:
    d = docx.Document(io.BytesIO(data))
    return [[c.text for c in r.cells] for t in d.tables for r in t.rows]


def media(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist() if n.startswith("word/media/")}


@pytest.fixture(scope="module")
def drafted(tmp_path_factory):
    """Each example drafted in full, and its memo drafted a second time into another folder."""
    if find_font() is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("no CJK font under CI=true (.ci/run installs fonts-noto-cjk)")
        pytest.skip("no CJK font installed (fonts-noto-cjk)")
    out = {}
    for name in CN_EXAMPLES:
        first, second = tmp_path_factory.mktemp(name), tmp_path_factory.mktemp(name + "-again")
        result = pipeline.draft(EXAMPLES / name, out_dir=first)
        pipeline.draft(EXAMPLES / name, out_dir=second, only=["memo"])
        out[name] = (result, (first / "memo.docx").read_bytes(), (second / "memo.docx").read_bytes())
    return out


@pytest.mark.parametrize("name", CN_EXAMPLES)
def test_every_example_gets_a_privileged_memo_with_its_chart_identical_across_drafts(drafted, name):
    result, memo, again = drafted[name]
    assert "memo.docx" in {p.name for p in result.written}
    d = docx.Document(io.BytesIO(memo))
    assert d.paragraphs[0].text == PRIVILEGE
    assert d.core_properties.title == "损害赔偿评估"
    assert memo == again
    images = media(memo)
    assert list(images) == ["word/media/image1.png"]
    assert images["word/media/image1.png"][:8] == b"\x89PNG\r\n\x1a\n"
    text = text_of(memo)
    for bad in ("None", "{{", "{%", "\ufffd", "无校准"):
        assert bad not in text, bad
    assert "CHART_NO_CJK_FONT" not in result.warning_codes


def test_platform_scenarios_side_by_side_with_fees_and_calibration(drafted):
    _, memo, _ = drafted["platform-v-seller"]
    rows = table_rows(memo)
    assert rows[0] == ["项目", "conservative", "base（起诉方案，本次起草）", "aggressive"]
    assert ["商誉损失", "13,400.00", "348,545.00", "1,045,635.00"] in rows
    assert ["合理开支", "53,129.00", "53,129.00", "53,129.00"] in rows
    assert ["合计", "66,529.00", "401,674.00", "1,098,764.00"] in rows
    case_fee = next(r for r in rows if r[0] == "案件受理费")
    assert case_fee[2] == "7,325.11"
    assert next(r for r in rows if r[0] == "超额诉请") == ["超额诉请", "否", "是", "是"]
    # the neighbours of docs/precedents.md's worked example, with their scores and scaled awards
    assert ["taobao-v-yao-royalcanin-2017", "上海市奉贤区人民法院", "2017", "0.8165", "2,670,000.00", "120,000.00",
            "0.0449", "5,833.39"] in rows
    assert any(r[0] == "taobao-v-liu-wang-swarovski-2017" and r[3] == "0.7301" and r[7] == "31,562.94" for r in rows)
    base = next(r for r in rows if r[0].startswith("base") and len(r) == 8)
    assert base[1:] == ["401,674.00", "8,759.25", "18,052.76", "50,209.25", "5,833.39—31,562.94", "是（上限×4.17）",
                        "6,736.04"]
    text = text_of(memo)
    assert "案件受理费7,325.11元（50.00 + 90,000.00 × 2.5% + 100,000.00 × 2% + 201,674.00 × 1.5% = 7,325.11）" in text
    # the fee-risk table: the full award leaves the plaintiff nothing of the fee, half splits it
    assert ["全部支持 (100%)", "401,674.00", "0.00", "7,325.11"] in rows
    assert ["支持50%", "200,837.00", "3,662.55", "3,662.56"] in rows


def test_brand_heads_by_label_across_scenarios(drafted):
    _, memo, _ = drafted["brand-v-seller"]
    rows = table_rows(memo)
    assert rows[0] == ["项目", "statutory", "compensatory", "punitive（起诉方案，本次起草）", "punitive_additive"]
    assert rows[1:6] == [
        ["经济损失", "300,000.00", "83,334.00", "—", "83,334.00"],
        ["经济损失（含惩罚性赔偿）", "—", "—", "250,002.00", "—"],
        ["惩罚性赔偿", "—", "—", "—", "250,002.00"],
        ["合理开支", "65,968.00", "65,968.00", "65,968.00", "65,968.00"],
        ["合计", "365,968.00", "149,302.00", "315,970.00", "399,304.00"],
    ]
    case_fee = next(r for r in rows if r[0] == "案件受理费")
    assert case_fee[1] == "6,789.52" and case_fee[3] == "6,039.55"


def test_company_statutory_claim(drafted):
    _, memo, _ = drafted["company-v-seller"]
    rows = table_rows(memo)
    statutory = rows[0].index("statutory")
    assert next(r for r in rows if r[0] == "合计")[statutory] == "555,698.00"
    assert next(r for r in rows if r[0] == "案件受理费")[statutory] == "9,356.98"


@pytest.mark.parametrize("name", CN_EXAMPLES)
def test_the_memo_lists_every_warning_known_before_rendering_with_its_code(drafted, name):
    result, memo, _ = drafted[name]
    listed = {(r[0], r[2]) for r in table_rows(memo) if len(r) == 3}
    for text, code in zip(result.warnings, result.warning_codes, strict=True):
        if code in AFTER_RENDERING:
            continue
        assert (code, text.removeprefix(f"{code}: ")) in listed, text
    # and the warnings of the scenarios not drafted (each scenario's own)
    report = pipeline.analyse(EXAMPLES / name).damages
    for s in report.scenarios:
        for code in s.warning_codes:
            assert any(r[0] == code and r[1] == s.name for r in table_rows(memo) if len(r) == 3), (s.name, code)


def test_the_chart_draws_every_example_without_a_warning(drafted):
    import warnings

    from litigator.forums.cn.memo import chart_png

    for name in CN_EXAMPLES:
        run = pipeline.analyse(EXAMPLES / name)
        context = pipeline.template_context(run, run.folder.case.filed_scenario)
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a missing glyph (or any other warning) fails
            png = chart_png(context["memo"], find_font())
        assert png == context["_images"]["chart.png"]
        assert png == media(drafted[name][1])["word/media/image1.png"]


def test_without_a_cjk_font_the_memo_has_no_chart_and_the_warning_names_the_package(monkeypatch, tmp_path):
    monkeypatch.setenv(FONTS_ENV, "No Such Font")
    result = pipeline.draft(EXAMPLES / "platform-v-seller", out_dir=tmp_path, only=["memo"])
    assert "CHART_NO_CJK_FONT" in result.warning_codes
    warning = result.warnings[result.warning_codes.index("CHART_NO_CJK_FONT")]
    assert "fonts-noto-cjk" in warning and "No Such Font" in warning
    memo = (tmp_path / "memo.docx").read_bytes()
    assert media(memo) == {}
    text = text_of(memo)
    assert "未生成图表" in text and "fonts-noto-cjk" in text
    assert any(r[0] == "CHART_NO_CJK_FONT" for r in table_rows(memo))
    assert ["合计", "66,529.00", "401,674.00", "1,098,764.00"] in table_rows(memo)


def test_without_calibration_the_memo_says_no_calibration(tmp_path):
    run = pipeline.analyse(EXAMPLES / "platform-v-seller")
    report = run.damages
    run.damages = report.model_copy(update={
        "calibration": None, "risk": None,
        "scenarios": [s.model_copy(update={"calibration": None}) for s in report.scenarios]})
    context = pipeline.template_context(run, "base")
    forum = forums.get("cn")
    markdown = drafting.render_markdown("cn/memo.md.j2", context, None, forum.template_filters())
    memo = drafting.markdown_to_docx(markdown, "损害赔偿评估", run.filing_date, forum.style,
                                     images=context["_images"])
    text = text_of(memo)
    assert "无校准：the precedents stage gave no calibration" in text
    rows = table_rows(memo)
    assert next(r for r in rows if r[0] == "预计判赔（中位）") == ["预计判赔（中位）", "无校准", "无校准", "无校准"]
    assert ["合计", "66,529.00", "401,674.00", "1,098,764.00"] in rows
    if context["memo"].chart:  # the chart then shows the claims alone
        assert list(media(memo)) == ["word/media/image1.png"]


@pytest.mark.slow
def test_the_memo_converts_to_pdf_without_template_syntax(tmp_path):
    require_tool("soffice")
    from pypdf import PdfReader

    result = run_cli("draft", EXAMPLES / "brand-v-seller", "-o", tmp_path, "--only", "memo", "--pdf")
    assert result.code == 0, result.err
    text = re.sub(r"\s+", "", "".join(p.extract_text() or "" for p in PdfReader(tmp_path / "memo.pdf").pages))
    for bad in ("{{", "{%", "\ufffd", "None"):
        assert bad not in text, bad
    assert "内部工作成果" in text and "损害赔偿评估" in text and "315,970.00" in text


def test_without_a_cjk_font_a_draft_without_the_memo_has_no_chart_warning(monkeypatch, tmp_path):
    """The missing chart font concerns the memo only: drafting the complaint alone does not warn of it."""
    monkeypatch.setenv(FONTS_ENV, "No Such Font")
    result = pipeline.draft(EXAMPLES / "platform-v-seller", out_dir=tmp_path, only=["complaint"])
    assert "CHART_NO_CJK_FONT" not in result.warning_codes
    assert sorted(p.name for p in tmp_path.iterdir()) == ["calculation.json", "complaint.docx", "sales-extract.csv"]
