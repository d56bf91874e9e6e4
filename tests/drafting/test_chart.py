"""The chart module (litigator/drafting/chart.py) and images in the .docx renderer.

A chart is PNG bytes, identical for the same inputs (no Software entry, no time); its CJK font comes from
matplotlib's font manager (Noto CJK: `.ci/run` installs fonts-noto-cjk, so under CI=true the font is
required, never skipped); a character the font lacks is an error, never a box.
"""

from __future__ import annotations

import dataclasses
import io
import os
import warnings
import zipfile
from datetime import date
from decimal import Decimal as D

import pytest

from litigator.drafting import markdown_to_docx
from litigator.drafting.chart import (
    FONTS_ENV,
    ChartError,
    ChartLabels,
    ChartRow,
    LazyImages,
    claim_chart,
    find_font,
)
from litigator.drafting.styles import CHINESE
from litigator.errors import TemplateRenderError

LABELS = ChartLabels(title="各方案诉请金额与预计判赔区间", axis="金额（元，对数刻度）", claim="诉请金额",
                     expected="预计判赔区间", mid="预计判赔（中位）", awarded="类案判赔区间", over_claim="超额诉请界限")
# docs/precedents.md, worked example (platform-v-seller, base): claim 401,674.00, expected 8,759.25 – 18,052.76 –
# 50,209.25, awarded range 5,833.39 – 31,562.94
ROWS = [ChartRow("base（起诉方案）", D("401674.00"), "401,674.00元", (D("8759.25"), D("18052.76"), D("50209.25")),
                 (D("5833.39"), D("31562.94")), D("131617.46")),
        ChartRow("保守", D("66529.00"), "66,529.00元")]


@pytest.fixture(scope="module")
def font():
    found = find_font()
    if found is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("no CJK font under CI=true (.ci/run installs fonts-noto-cjk)")
        pytest.skip("no CJK font installed (fonts-noto-cjk)")
    return found


def png_chunks(data: bytes) -> list[bytes]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    out, i = [], 8
    while i < len(data):
        n = int.from_bytes(data[i:i + 4], "big")
        out.append(data[i + 4:i + 8])
        i += 12 + n
    return out


def test_the_noto_sc_face_is_found_through_matplotlib(font):
    assert font.family in ("Noto Sans CJK SC", "Noto Serif CJK SC")


def test_a_chart_is_png_with_identical_bytes_and_no_time_or_software(font):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # any warning while drawing (a missing glyph above all) fails the test
        first = claim_chart(ROWS, LABELS, font)
        second = claim_chart(ROWS, LABELS, font)
    assert first == second
    chunks = png_chunks(first)
    assert b"tIME" not in chunks
    assert b"Software" not in first and b"matplotlib" not in first.lower()


def test_a_character_missing_from_the_font_is_an_error_not_a_box(font):
    row = dataclasses.replace(ROWS[1], label="保守\U0001F600")  # an emoji: no CJK font has it
    with pytest.raises(ChartError, match="lacks a character.*GRINNING FACE"):
        claim_chart([row], LABELS, font)


def test_the_font_families_can_be_chosen_and_none_found_is_none(monkeypatch):
    monkeypatch.setenv(FONTS_ENV, "No Such Font, Nor This One")
    assert find_font() is None
    assert find_font(["No Such Font"]) is None


def test_a_chart_without_amounts_is_refused(font):
    with pytest.raises(ChartError):
        claim_chart([], LABELS, font)
    with pytest.raises(ChartError):
        claim_chart([ChartRow("零", D("0"), "0.00元")], LABELS, font)


def test_lazy_images_are_made_once_and_only_when_shown():
    made = []

    def make() -> bytes:
        made.append(1)
        return b"png"

    images = LazyImages({"chart.png": make})
    assert "chart.png" in images and "other.png" not in images and not made
    assert images["chart.png"] == images["chart.png"] == b"png" and len(made) == 1


# -- images in the .docx renderer ------------------------------------------------------------------------------

def test_an_image_is_a_media_part_at_the_text_width_with_its_alt_text(font):
    png = claim_chart(ROWS, LABELS, font)
    md = "# 标题\n\n![示意图](chart.png)\n\n正文。\n"
    one = markdown_to_docx(md, "t", date(2026, 12, 1), CHINESE, images={"chart.png": png})
    two = markdown_to_docx(md, "t", date(2026, 12, 1), CHINESE, images={"chart.png": png})
    assert one == two
    with zipfile.ZipFile(io.BytesIO(one)) as z:
        media = [n for n in z.namelist() if n.startswith("word/media/")]
        assert media == ["word/media/image1.png"] and z.read(media[0]) == png
        xml = z.read("word/document.xml").decode()
    assert 'descr="示意图"' in xml
    import docx

    d = docx.Document(io.BytesIO(one))
    section = d.sections[0]
    shape = d.inline_shapes[0]
    assert shape.width == section.page_width - section.left_margin - section.right_margin


def test_an_image_not_given_is_an_error():
    with pytest.raises(TemplateRenderError, match="chart.png"):
        markdown_to_docx("![图](chart.png)\n", "t", date(2026, 12, 1), CHINESE)
