"""Paragraph styles and fonts, East Asian fonts included.

python-docx's ``font.name`` sets only the ASCII font; Chinese text then falls back to the theme's
East Asian font (MS Mincho in the default template). We therefore set ``w:eastAsia`` on the
document defaults, on every style we use and on every run, and the East Asian language to zh-CN. Latin text
and digits are tagged ``latin_lang`` (en-US, as Word tags them in a Chinese document): tagged zh-CN,
LibreOffice breaks a number across lines (168.00 as 1|68.00), which a narrow table column makes common.
Page: A4 with the margins of GB/T 9704 (党政机关公文格式), a common court-filing layout.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt


@dataclass(frozen=True)
class DocumentStyle:
    lang: str = "zh-CN"
    latin_lang: str = "en-US"  # w:lang w:val, the language of Latin text and digits
    body_east_asia: str = "仿宋"
    body_ascii: str = "Times New Roman"
    title_east_asia: str = "宋体"
    heading_east_asia: str = "黑体"
    body_size: float = 14.0  # 四号
    title_size: float = 22.0  # 二号
    heading_size: float = 14.0
    table_size: float = 10.5  # 五号
    first_line_indent_chars: int = 2
    line_spacing: float = 1.5
    page_width_cm: float = 21.0
    page_height_cm: float = 29.7
    margins_cm: tuple[float, float, float, float] = (3.7, 3.5, 2.8, 2.6)  # top, bottom, left, right


CHINESE = DocumentStyle()
ENGLISH = DocumentStyle(lang="en-US", body_east_asia="宋体", body_ascii="Times New Roman",
                        title_east_asia="宋体", heading_east_asia="宋体", body_size=12.0,
                        title_size=14.0, heading_size=12.0, table_size=10.0,
                        first_line_indent_chars=0, line_spacing=2.0, page_width_cm=21.59,
                        page_height_cm=27.94, margins_cm=(2.54, 2.54, 2.54, 2.54))


def _set_fonts(rpr, east_asia: str, ascii_font: str, lang: str | None = None) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        if fonts.get(qn(attr)) is not None:
            del fonts.attrib[qn(attr)]
    fonts.set(qn("w:ascii"), ascii_font)
    fonts.set(qn("w:hAnsi"), ascii_font)
    fonts.set(qn("w:cs"), ascii_font)
    fonts.set(qn("w:eastAsia"), east_asia)
    if lang:
        el = rpr.find(qn("w:lang"))
        if el is None:
            el = OxmlElement("w:lang")
            rpr.append(el)
        el.set(qn("w:eastAsia"), "zh-CN")
        el.set(qn("w:val"), lang)


def _style_fonts(style, east_asia: str, ascii_font: str, size: float, lang: str, bold: bool | None = None) -> None:
    style.font.name = ascii_font
    style.font.size = Pt(size)
    if bold is not None:
        style.font.bold = bold
    _set_fonts(style.element.get_or_add_rPr(), east_asia, ascii_font, lang)


def set_run_fonts(run, style: DocumentStyle, east_asia: str | None = None) -> None:
    """Set the East Asian font on one run (styles alone are not honoured by every viewer)."""
    _set_fonts(run._element.get_or_add_rPr(), east_asia or style.body_east_asia, style.body_ascii)


def apply_styles(doc, s: DocumentStyle, keep_existing: bool = False) -> None:
    """Set page, document defaults and the styles the renderer uses."""
    styles = doc.styles
    # Document defaults (docDefaults/rPrDefault): no theme fonts.
    rpr_default = doc.styles.element.find(qn("w:docDefaults"))
    if rpr_default is not None:
        rpr = rpr_default.find(qn("w:rPrDefault") + "/" + qn("w:rPr"))
        if rpr is not None:
            _set_fonts(rpr, s.body_east_asia, s.body_ascii, s.latin_lang)
    for section in doc.sections:
        if not keep_existing:
            section.page_width = Cm(s.page_width_cm)
            section.page_height = Cm(s.page_height_cm)
            top, bottom, left, right = s.margins_cm
            section.top_margin, section.bottom_margin = Cm(top), Cm(bottom)
            section.left_margin, section.right_margin = Cm(left), Cm(right)
    normal = styles["Normal"]
    if not keep_existing:
        _style_fonts(normal, s.body_east_asia, s.body_ascii, s.body_size, s.latin_lang)
        pf = normal.paragraph_format
        pf.first_line_indent = Pt(s.body_size * s.first_line_indent_chars)
        pf.line_spacing_rule = WD_LINE_SPACING.MULTIPLE
        pf.line_spacing = s.line_spacing
        pf.space_after = Pt(0)
        pf.space_before = Pt(0)
    else:
        _set_fonts(normal.element.get_or_add_rPr(), s.body_east_asia, s.body_ascii, s.latin_lang)

    for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
        if name not in [st.name for st in styles]:  # a firm's reference .docx may lack them
            styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH).base_style = normal
    title = styles["Title"]
    _style_fonts(title, s.title_east_asia, s.body_ascii, s.title_size, s.latin_lang, bold=True)
    title.font.color.rgb = None
    title.paragraph_format.first_line_indent = Pt(0)
    title.paragraph_format.space_after = Pt(s.body_size)
    # The default template's Title has a bottom border and theme colour; drop them.
    ppr = title.element.find(qn("w:pPr"))
    if ppr is not None:
        border = ppr.find(qn("w:pBdr"))
        if border is not None:
            ppr.remove(border)
    for level in (1, 2, 3):
        h = styles[f"Heading {level}"]
        _style_fonts(h, s.heading_east_asia, s.body_ascii, s.heading_size, s.latin_lang, bold=True)
        h.font.color.rgb = None
        h.font.italic = False
        h.paragraph_format.first_line_indent = Pt(0)
        h.paragraph_format.space_before = Pt(s.body_size / 2)
        h.paragraph_format.space_after = Pt(s.body_size / 2)
        h.paragraph_format.keep_with_next = True
    if "Table Text" not in [st.name for st in styles]:
        tt = styles.add_style("Table Text", WD_STYLE_TYPE.PARAGRAPH)
        tt.base_style = normal
    else:
        tt = styles["Table Text"]
    _style_fonts(tt, s.body_east_asia, s.body_ascii, s.table_size, s.latin_lang)
    tt.paragraph_format.first_line_indent = Pt(0)
    tt.paragraph_format.line_spacing = 1.0
