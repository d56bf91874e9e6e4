"""The internal damages memo for US cases (memo.docx; issue 20).

Expected figures are written by hand from examples/us-schedule-a (case.yaml, stores.csv) and checked against
`litigator damages examples/us-schedule-a --format json`, never taken from a run of our code. The filed
scenario sales_based is 3 × each store's proven sales within the statutory range (15 U.S.C. § 1117(c)(1):
1,000.00 – 200,000.00 per counterfeit mark per type of goods), the minimum without sales:
1: 3 × 4,180.00 = 12,540.00; 2: 3 × 12,960.50 = 38,881.50; 3: 3 × 893.40 = 2,680.20; 4 (no sales, 2 pairs):
2,000.00; 5: 3 × 2,245.00 = 6,735.00; 6 (none, 1): 1,000.00; 7: 3 × 640.20 = 1,920.60, raised to the minimum
3 × 1,000.00 = 3,000.00; 8: 3 × 7,310.00 = 21,930.00; 9 (none, 2): 2,000.00; 10: 3 × 155.00 = 465.00, raised to
1,000.00; 11 (none, 3): 3,000.00; 12: 3 × 1,020.00 = 3,060.00; 13 (none, 1): 1,000.00; 14 (none, 2): 2,000.00;
total 100,826.70. Filing fee 350.00 + 55.00 = 405.00.
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from decimal import Decimal

import docx
import pytest
from support import EXAMPLES, require_tool, run_cli

from litigator import drafting, forums, pipeline
from litigator.drafting.chart import (
    FONTS_ENV,
    LATIN_FAMILIES,
    ChartLabels,
    ChartRow,
    claim_chart,
    find_font_for,
    is_latin,
)

EXAMPLE = EXAMPLES / "us-schedule-a"
PRIVILEGE = "PRIVILEGED AND CONFIDENTIAL — ATTORNEY WORK PRODUCT — NOT FOR FILING"
AFTER_RENDERING = {"EXHIBIT_NOT_CITED", "PDF_STALE"}  # warnings draft adds while or after rendering
# store id → (store, proven sales, figure, statutory range), as the JSON gives them and hand-checked above
DEFENDANTS = {
    "1": ("GlacierPeak Outfitters", "$4,180.00", "$12,540.00", "$2,000.00 – $400,000.00"),
    "2": ("NorthTrail Direct", "$12,960.50", "$38,881.50", "$3,000.00 – $600,000.00"),
    "3": ("FrostLine Deals", "$893.40", "$2,680.20", "$1,000.00 – $200,000.00"),
    "4": ("AlpineWear Club", "none", "$2,000.00", "$2,000.00 – $400,000.00"),
    "5": ("Summit Gear Hub", "$2,245.00", "$6,735.00", "$2,000.00 – $400,000.00"),
    "6": ("Tundra Style Shop", "none", "$1,000.00", "$1,000.00 – $200,000.00"),
    "7": ("Boreal Basics", "$640.20", "$3,000.00", "$3,000.00 – $600,000.00"),
    "8": ("WindChill Wholesale", "$7,310.00", "$21,930.00", "$2,000.00 – $400,000.00"),
    "9": ("Polar Path Store", "none", "$2,000.00", "$2,000.00 – $400,000.00"),
    "10": ("Ridge Runner Goods", "$155.00", "$1,000.00", "$1,000.00 – $200,000.00"),
    "11": ("IceCap Outlet", "none", "$3,000.00", "$3,000.00 – $600,000.00"),
    "12": ("Cold Front Closet", "$1,020.00", "$3,060.00", "$2,000.00 – $400,000.00"),
    "13": ("Snowdrift Supply", "none", "$1,000.00", "$1,000.00 – $200,000.00"),
    "14": ("Harbor Mist Trading", "none", "$2,000.00", "$2,000.00 – $400,000.00"),
}


def table_rows(data: bytes) -> list[list[str]]:
    d = docx.Document(io.BytesIO(data))
    return [[c.text for c in r.cells] for t in d.tables for r in t.rows]


def text_of(data: bytes) -> str:
    d = docx.Document(io.BytesIO(data))
    return "\n".join([p.text for p in d.paragraphs] + [" | ".join(r) for r in table_rows(data)])


def media(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist() if n.startswith("word/media/")}


@pytest.fixture(scope="module")
def drafted(tmp_path_factory):
    """The example drafted in full, and its memo drafted a second time into another folder."""
    first, second = tmp_path_factory.mktemp("us"), tmp_path_factory.mktemp("us-again")
    result = pipeline.draft(EXAMPLE, out_dir=first)
    pipeline.draft(EXAMPLE, out_dir=second, only=["memo"])
    return result, (first / "memo.docx").read_bytes(), (second / "memo.docx").read_bytes()


def test_every_us_case_gets_the_memo():
    case = pipeline.analyse(EXAMPLE).folder.case
    assert "memo" in forums.get("us").documents_for(case)


def test_the_memo_is_privileged_with_its_chart_identical_across_drafts(drafted, monkeypatch):
    result, memo, again = drafted
    assert "memo.docx" in {p.name for p in result.written}
    d = docx.Document(io.BytesIO(memo))
    assert d.paragraphs[0].text == PRIVILEGE
    assert d.core_properties.title == "Damages Memorandum"
    images = media(memo)
    assert list(images) == ["word/media/image1.png"]
    assert images["word/media/image1.png"][:8] == b"\x89PNG\r\n\x1a\n"
    assert images == media(again) and memo == again
    text = text_of(memo)
    for bad in ("None", "{{", "{%", "\ufffd", "no calibration"):
        assert bad not in text, bad


def test_the_scenarios_side_by_side(drafted):
    _, memo, _ = drafted
    rows = table_rows(memo)
    assert rows[0] == ["Item", "per_mark", "per_store", "sales_based (filed, drafted)", "treble"]
    # per_mark: 50,000 × the 27 mark-goods pairs of the 14 stores; per_store: 25,000 × 14; treble: 3 × the proven
    # sales 29,404.10 = 88,212.30, with the 42,000.00 fee
    assert ["Statutory damages", "$1,350,000.00", "$350,000.00", "$100,826.70", "—"] in rows
    assert ["Treble damages", "—", "—", "—", "$88,212.30"] in rows
    assert ["Attorney's fee", "—", "—", "—", "$42,000.00"] in rows
    assert ["Total", "$1,350,000.00", "$350,000.00", "$100,826.70", "$130,212.30"] in rows
    assert ["Filing fee", "$405.00", "$405.00", "$405.00", "$405.00"] in rows


def test_each_defendant_figure_of_the_drafted_scenario(drafted):
    _, memo, _ = drafted
    rows = table_rows(memo)
    start = rows.index(["No.", "Store", "Proven sales", "Model", "Figure", "Statutory range"])
    body = rows[start + 1:start + 1 + len(DEFENDANTS)]
    assert {r[0]: (r[1], r[2], r[4], r[5]) for r in body} == DEFENDANTS
    assert rows[start + 1 + len(DEFENDANTS)] == ["", "Total", "", "", "$100,826.70", ""]
    assert body[6][3] == "3 × 640.20 proven sales = 1,920.60, brought within 3,000.00–600,000.00: 3,000.00"


def test_calibration_and_risk_as_the_report_gives_them(drafted):
    _, memo, _ = drafted
    run = pipeline.analyse(EXAMPLE)
    report = run.damages
    assert report.calibration is not None  # the example has US precedents
    rows = table_rows(memo)
    neighbours = [r[0] for r in rows if len(r) == 8 and r[0] != "Precedent"]
    assert neighbours == [n.id for n in report.calibration.neighbours]
    # the risk table: a flat fee, the expected award the calibrated mid (2/3 of the claim here: 100,826.70 × 2/3)
    assert ["sales_based", "$100,826.70", "$405.00", "$67,217.80", "calibrated mid", "—"] in rows


def test_the_memo_lists_every_warning_with_its_code(drafted):
    result, memo, _ = drafted
    listed = {(r[0], r[2]) for r in table_rows(memo) if len(r) == 3}
    for text, code in zip(result.warnings, result.warning_codes, strict=True):
        if code in AFTER_RENDERING:
            continue
        assert (code, text.removeprefix(f"{code}: ")) in listed, text
    report = pipeline.analyse(EXAMPLE).damages
    for s in report.scenarios:  # and the scenarios not drafted
        for code in s.warning_codes:
            assert any(r[0] == code and r[1] == s.name for r in table_rows(memo) if len(r) == 3), (s.name, code)


def test_without_calibration_the_memo_says_no_calibration():
    run = pipeline.analyse(EXAMPLE)
    report = run.damages
    run.damages = report.model_copy(update={
        "calibration": None, "risk": None,
        "scenarios": [s.model_copy(update={"calibration": None}) for s in report.scenarios]})
    context = pipeline.template_context(run, "sales_based")
    forum = forums.get("us")
    markdown = drafting.render_markdown("us/memo.md.j2", {**context, "doc": {}}, None, forum.template_filters())
    memo = drafting.markdown_to_docx(markdown, "Damages Memorandum", run.filing_date, forum.style,
                                     images=context["_images"])
    text = text_of(memo)
    assert "No calibration: the precedents stage gave no calibration" in text
    rows = table_rows(memo)
    assert next(r for r in rows if r[0] == "Expected award (mid)")[1:] == ["no calibration"] * 4
    assert ["Total", "$1,350,000.00", "$350,000.00", "$100,826.70", "$130,212.30"] in rows
    assert list(media(memo)) == ["word/media/image1.png"]  # the chart shows the claims alone


# -- the chart's font: Latin labels need no CJK font ------------------------------------------------------------

def test_latin_labels_need_no_cjk_font(monkeypatch):
    monkeypatch.setenv(FONTS_ENV, "No Such Font")   # as if no CJK font were installed
    assert is_latin("sales_based (filed) — $1,000.00 × 3 § 1117(c) – €") and not is_latin("诉请金额")
    font = find_font_for(["Claim", "$100,826.70", "Expected award (low–high)"])
    assert font is not None and font.family == LATIN_FAMILIES[0]
    assert find_font_for(["诉请金额"]) is None
    labels = ChartLabels(title="Claim and expected award", axis="USD (log)", claim="Claim",
                         expected="Expected award (low–high)", mid="mid", awarded="Awards", over_claim="Over-claim")
    rows = [ChartRow("sales_based (filed)", Decimal("100826.70"), "$100,826.70")]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing glyph (or any other warning) fails
        assert claim_chart(rows, labels, font) == claim_chart(rows, labels, font)


def test_the_us_memo_drafts_its_chart_without_a_cjk_font(monkeypatch, tmp_path):
    monkeypatch.setenv(FONTS_ENV, "No Such Font")
    result = pipeline.draft(EXAMPLE, out_dir=tmp_path, only=["memo"])
    assert "CHART_NO_CJK_FONT" not in result.warning_codes
    assert list(media((tmp_path / "memo.docx").read_bytes())) == ["word/media/image1.png"]


@pytest.mark.slow
def test_the_memo_converts_to_pdf_without_template_syntax(tmp_path):
    require_tool("soffice")
    from pypdf import PdfReader

    result = run_cli("draft", EXAMPLE, "-o", tmp_path, "--only", "memo", "--pdf")
    assert result.code == 0, result.err
    text = "".join(p.extract_text() or "" for p in PdfReader(tmp_path / "memo.pdf").pages)
    for bad in ("{{", "{%", "\ufffd", "None"):
        assert bad not in text, bad
    flat = re.sub(r"\s+", "", text)
    assert "PRIVILEGEDANDCONFIDENTIAL" in flat and "DAMAGESMEMORANDUM" in flat and "$100,826.70" in flat
