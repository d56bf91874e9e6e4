"""Markdown (from a rendered template) → .docx with python-docx.

Supported Markdown: headings (``#`` title, ``##`` section), paragraphs with bold/italic/code and
line breaks, ordered and bullet lists (numbers written as text, so they survive any viewer and
restart per list), tables with a header row (``<br>`` breaks a line inside a cell; ``:---:`` centres a
column, ``---:`` aligns it right), ``***`` as a page
break, and block attributes from mdit-py-plugins on the line before a block: ``{.center}`` /
``{.right}`` / ``{.indent}`` / ``{.noindent}``; ``{.small}`` sets a paragraph or a whole list in the
table text size (五号); ``{widths="6 18 14 26 6 8"}`` before a table gives its columns' relative widths
(scaled to the text width between the margins; without it, widths follow each column's longest text).
Images: ``![alt](name.png)`` inserts the PNG ``images[name]`` (given to the renderer) at the text width,
with ``alt`` as its description; a name not given is an error.

Styles come from a reference .docx (like pandoc's ``--reference-doc``) or, by default, from
:mod:`litigator.drafting.styles`, which sets East Asian fonts (宋体 / 仿宋) on the styles
themselves. Output is byte-identical for the same inputs: core properties and zip timestamps come
from the filing date, never the clock.
"""

from __future__ import annotations

import copy
import hashlib
import io
import os
import re
import threading
import zipfile
import zlib
from collections.abc import Mapping
from datetime import date, datetime, timezone
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Pt
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.attrs import attrs_block_plugin

from litigator.drafting.styles import DocumentStyle, apply_styles, set_run_fonts
from litigator.errors import LitigatorError, TemplateRenderError

_ALIGN = {
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


_BREAK = re.compile(r"<br\s*/?>", re.I)


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"typographer": False}).enable("table").use(attrs_block_plugin)


def _styled_document(style: DocumentStyle, reference_doc: Path | None) -> DocxDocument:
    """A new document with the style applied: the reference .docx (its body emptied, its section kept) or
    python-docx's default template."""
    if reference_doc is not None:
        try:
            doc = Document(str(reference_doc))
        except Exception:  # python-docx raises several types for a file that is not a .docx
            raise LitigatorError("not a Word .docx file (use a .docx saved by Word or LibreOffice)",
                                 reference_doc) from None
        body = doc.element.body
        for child in list(body):
            if child.tag.endswith("}sectPr"):
                continue
            body.remove(child)
    else:
        doc = Document()
    apply_styles(doc, style, keep_existing=reference_doc is not None)
    if getattr(style, "page_numbers", False):  # a style that asks for them (e.g. the US page): centred PAGE field
        _page_numbers(doc)
    return doc


def _page_numbers(doc: DocxDocument) -> None:
    """A centred page number (a PAGE field) in each section's footer, unless the footer has text already."""
    for section in doc.sections:
        footer = section.footer
        if any(p.text.strip() for p in footer.paragraphs):
            continue
        p = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run()
        for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, "1"), ("end", None)):
            if kind:
                el = OxmlElement("w:fldChar")
                el.set(qn("w:fldCharType"), kind)
            elif text == "PAGE":
                el = OxmlElement("w:instrText")
                el.set(qn("xml:space"), "preserve")
                el.text = " PAGE "
            else:
                el = OxmlElement("w:t")
                el.text = text
            run._r.append(el)


_RENDERER_STYLES = ("Title", "Heading 1", "Heading 2", "Heading 3", "Table Text", "Table Grid")


def style_ids(doc: DocxDocument) -> dict[str, str | None]:
    """The ids of the styles the renderer uses (None: the document has no such style), looked up once: a
    lookup by name searches every style."""
    by_name = {st.name: st.style_id for st in doc.styles}
    return {name: by_name.get(name) for name in _RENDERER_STYLES}


_BASES: dict[tuple, tuple[DocxDocument, dict[str, str | None], dict[int, object]]] = {}
_BASES_LOCK = threading.Lock()


def _shared_parts(doc: DocxDocument) -> dict[int, object]:
    """What every copy of a styled document shares instead of copying (a deep-copy memo): the styles
    part's XML, the largest part (hundreds of KB with East Asian fonts on every style) and one the renderer
    only reads. Each copy then writes the same styles bytes, deflated once (:func:`package_bytes`)."""
    element = doc.part.styles.element if doc.part.styles is not None else None
    return {id(element): element} if element is not None else {}


def _reset_after_fork() -> None:
    """A forked child gets a new lock (another thread may have held the parent's at the fork)."""
    global _BASES_LOCK
    _BASES_LOCK = threading.Lock()


os.register_at_fork(after_in_child=_reset_after_fork)


def base_document(style: DocumentStyle, reference_doc: Path | None = None,
                  fresh: bool = False) -> tuple[DocxDocument, dict[str, str | None]]:
    """A document to render into: a copy of the styled document, which is built once per process for each
    style and reference .docx (keyed by the reference file's bytes, so an edited file is read again).
    ``fresh`` builds it anew instead (the reference path the copies are tested against)."""
    if fresh:
        doc = _styled_document(style, reference_doc)
        return doc, style_ids(doc)
    try:
        ref_key = hashlib.sha256(Path(reference_doc).read_bytes()).hexdigest() if reference_doc else None
    except OSError:
        raise LitigatorError("reference .docx cannot be read", reference_doc) from None
    key = (style, ref_key)
    with _BASES_LOCK:
        base = _BASES.get(key)
    if base is None:
        doc = _styled_document(style, reference_doc)
        base = (doc, style_ids(doc), _shared_parts(doc))
        with _BASES_LOCK:
            if len(_BASES) >= 8:
                _BASES.clear()
            _BASES[key] = base
    return copy.deepcopy(base[0], dict(base[2])), base[1]


class DocxRenderer:
    """Renders one Markdown text into a python-docx Document."""

    def __init__(self, style: DocumentStyle, reference_doc: Path | None = None,
                 images: Mapping[str, bytes] | None = None, fresh: bool = False) -> None:
        self.style = style
        self.images = images or {}
        self.doc, self._style_ids = base_document(style, reference_doc, fresh=fresh)
        self._list_stack: list[dict] = []

    # -- blocks ---------------------------------------------------------------------------------

    def render(self, markdown: str) -> "DocxRenderer":
        tokens = _parser().parse(markdown)
        i = 0
        pending_table: list[list[tuple[str, list[Token]]]] | None = None
        row: list[tuple[str, list[Token]]] | None = None
        cell_kind = "td"
        table_widths: str | None = None
        while i < len(tokens):
            t = tokens[i]
            if t.type == "heading_open":
                inline = tokens[i + 1]
                self._heading(int(t.tag[1]), inline, t.attrs)
                i += 3
                continue
            if t.type == "paragraph_open":
                inline = tokens[i + 1]
                self._paragraph(inline, t.attrs, in_list=bool(self._list_stack))
                i += 3
                continue
            if t.type in ("ordered_list_open", "bullet_list_open"):
                start = int(t.attrs.get("start", 1)) if t.type == "ordered_list_open" else None
                small = "small" in str(t.attrs.get("class", "")).split() or (
                    bool(self._list_stack) and self._list_stack[-1]["small"])
                self._list_stack.append({"ordered": start is not None, "n": (start or 1) - 1,
                                         "first_in_item": False, "small": small})
            elif t.type in ("ordered_list_close", "bullet_list_close"):
                self._list_stack.pop()
            elif t.type == "list_item_open":
                self._list_stack[-1]["n"] += 1
                self._list_stack[-1]["first_in_item"] = True
            elif t.type == "table_open":
                pending_table = []
                table_widths = t.attrs.get("widths")
            elif t.type == "tr_open":
                row = []
            elif t.type in ("th_open", "td_open"):
                cell_kind = t.type[:2]
                style = t.attrs.get("style", "")
                row.append((cell_kind + ("|" + style if style else ""), tokens[i + 1].children or []))
            elif t.type == "tr_close":
                pending_table.append(row)
            elif t.type == "table_close":
                self._table(pending_table, table_widths)
                pending_table = None
            elif t.type == "hr":
                self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            elif t.type in ("fence", "code_block"):
                for line in t.content.rstrip("\n").split("\n"):
                    p = self.doc.add_paragraph()
                    set_run_fonts(p.add_run(line), self.style)
            i += 1
        return self

    def _heading(self, level: int, inline: Token, attrs: dict) -> None:
        style = "Title" if level == 1 else f"Heading {min(level - 1, 3)}"
        p = self.doc.add_paragraph()
        self._set_style(p, style)
        self._inline(p, inline.children or [])
        self._align(p, attrs, default="center" if level == 1 else None)

    def _set_style(self, p, name: str) -> None:
        """Give paragraph ``p`` the style ``name`` by its id (what python-docx's ``p.style = name`` does, without
        searching the styles by name each time)."""
        style_id = self._style_ids.get(name)
        if style_id is None:  # not one of the styles apply_styles guarantees: python-docx finds it or says why
            p.style = self.doc.styles[name]
        else:
            p._p.style = style_id

    def _paragraph(self, inline: Token, attrs: dict, in_list: bool) -> None:
        p = self.doc.add_paragraph()
        if in_list:
            top = self._list_stack[-1]
            if top["first_in_item"]:
                prefix = f"{top['n']}. " if top["ordered"] else "• "
                set_run_fonts(p.add_run(prefix), self.style)
                top["first_in_item"] = False
        self._inline(p, inline.children or [])
        self._align(p, attrs)
        cls = attrs.get("class", "")
        if "small" in cls.split() or (in_list and self._list_stack[-1]["small"]):
            self._set_style(p, "Table Text")
        if "noindent" in cls.split() or (cls and "indent" not in cls.split()):
            p.paragraph_format.first_line_indent = Pt(0)

    def _align(self, p, attrs: dict, default: str | None = None) -> None:
        classes = attrs.get("class", "").split() or ([default] if default else [])
        for c in classes:
            if c in _ALIGN:
                p.alignment = _ALIGN[c]
                if c in ("center", "right"):
                    p.paragraph_format.first_line_indent = Pt(0)

    def _table(self, rows: list[list[tuple[str, list[Token]]]], relative: str | None = None) -> None:
        if not rows:
            return
        ncols = max(len(r) for r in rows)
        table = self.doc.add_table(rows=len(rows), cols=ncols)
        if self._style_ids["Table Grid"]:
            table._tbl.tblStyle_val = self._style_ids["Table Grid"]
        else:  # a reference .docx without the style: draw the grid on the table itself
            _grid_borders(table)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False  # fixed layout: Word and LibreOffice keep the widths below
        widths = self._given_widths(relative, ncols) or self._column_widths(rows, ncols)
        for c, w in enumerate(widths):
            table.columns[c].width = w
        _table_width(table, sum(widths))
        for table_row, row in zip(table.rows, rows):
            _row_flags(table_row, header=all(kind.startswith("th") for kind, _ in row))
            cells = table_row.cells  # once per row: table.cell(r, c) walks the whole grid on every call
            for c, (kind, children) in enumerate(row):
                cell = cells[c]
                cell.width = widths[c]
                p = cell.paragraphs[0]
                p.paragraph_format.first_line_indent = Pt(0)
                self._set_style(p, "Table Text")
                self._inline(p, children, bold=kind.startswith("th"))
                if kind.startswith("th") or "center" in kind:
                    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                elif "right" in kind:  # ``---:`` (figures, e.g. the calculation appendix's amounts)
                    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        self.doc.add_paragraph()

    def _usable_width(self) -> int:
        section = self.doc.sections[-1]
        return section.page_width - section.left_margin - section.right_margin

    def _given_widths(self, relative: str | None, ncols: int) -> list[Emu] | None:
        """``{widths="6 18 …"}``: one relative width per column, scaled to the text width (the last column
        takes the rounding, so the table is exactly as wide as the text)."""
        if not relative:
            return None
        try:
            weights = [float(w) for w in relative.replace(",", " ").split()]
        except ValueError:
            raise TemplateRenderError(f"table widths must be numbers, got {relative!r}") from None
        if len(weights) != ncols or not all(w > 0 for w in weights):
            raise TemplateRenderError(f"table widths {relative!r}: give one positive number per column ({ncols})")
        usable = self._usable_width()
        total = sum(weights)
        widths = [Emu(int(usable * w / total)) for w in weights[:-1]]
        return [*widths, Emu(usable - sum(widths))]

    def _column_widths(self, rows, ncols: int) -> list[Emu]:
        """Widths proportional to each column's longest text (clipped), filling the text width."""
        longest = [6] * ncols
        for row in rows:
            for c, (_, children) in enumerate(row):
                text = "".join(t.content for t in children if t.type == "text")
                units = sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)  # CJK is full width
                longest[c] = max(longest[c], min(units + 2, 48))
        usable = self._usable_width()
        total = sum(longest)
        return [Emu(int(usable * w / total)) for w in longest]

    # -- inline ---------------------------------------------------------------------------------

    def _inline(self, p, children: list[Token], bold: bool = False) -> None:
        strong = 1 if bold else 0
        em = 0
        for t in children:
            if t.type == "strong_open":
                strong += 1
            elif t.type == "strong_close":
                strong -= 1
            elif t.type == "em_open":
                em += 1
            elif t.type == "em_close":
                em -= 1
            elif t.type == "html_inline" and _BREAK.fullmatch(t.content.strip()):
                p.add_run().add_break()
            elif t.type in ("text", "code_inline", "html_inline"):
                if t.content:
                    run = p.add_run(t.content)
                    run.bold = strong > 0 or None
                    run.italic = em > 0 or None
                    set_run_fonts(run, self.style)
            elif t.type == "image":
                self._image(p, t)
            elif t.type == "softbreak":
                continue  # Chinese text joins lines without a space
            elif t.type == "hardbreak":
                p.add_run().add_break()

    def _image(self, p, token: Token) -> None:
        """A PNG of ``images`` at the text width (its part name and ids follow the order of insertion)."""
        name = token.attrs.get("src", "")
        if name not in self.images:
            raise TemplateRenderError(f"image {name!r} is not available to this document")
        p.paragraph_format.first_line_indent = Pt(0)
        p.add_run().add_picture(io.BytesIO(self.images[name]), width=Emu(self._usable_width()))
        doc_pr = p._p.findall(".//" + qn("wp:docPr"))[-1]
        doc_pr.set("descr", token.content)

    # -- output ---------------------------------------------------------------------------------

    def to_bytes(self, title: str, on: date, author: str = "Litigator") -> bytes:
        props = self.doc.core_properties
        stamp = datetime(on.year, on.month, on.day, tzinfo=timezone.utc)
        props.title = title
        props.author = author
        props.last_modified_by = author
        props.created = stamp
        props.modified = stamp
        props.last_printed = stamp
        props.revision = 1
        props.comments = "Drafted by Litigator; review before filing."
        return package_bytes(self.doc, on)


def _row_flags(row, header: bool) -> None:
    """A row never splits across pages (w:cantSplit); a header row repeats on every page (w:tblHeader)."""
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))
    if header:
        tr_pr.append(OxmlElement("w:tblHeader"))


def _table_width(table, width: int) -> None:
    """The table's own width (w:tblW in twentieths of a point): without it a viewer may size the table to
    its content instead of the column widths."""
    tbl_pr = table._tbl.tblPr
    tbl_w = tbl_pr.find(qn("w:tblW"))
    if tbl_w is None:
        tbl_w = OxmlElement("w:tblW")
        tbl_pr.append(tbl_w)
    tbl_w.set(qn("w:w"), str(int(width) // 635))  # 635 EMU to the twip
    tbl_w.set(qn("w:type"), "dxa")


def _grid_borders(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), "4")
        el.set(qn("w:space"), "0")
        el.set(qn("w:color"), "000000")
        borders.append(el)
    table._tbl.tblPr.append(borders)


class _FixedTimeZipWriter:
    """python-docx's physical package writer, with fixed entry timestamps and permissions (so the zip is
    byte-identical for the same document, as :func:`normalise_zip` makes any .docx)."""

    def __init__(self, on: date) -> None:
        self.buffer = io.BytesIO()
        self.stamp = (max(on.year, 1980), on.month, on.day, 0, 0, 0)
        self.zip = zipfile.ZipFile(self.buffer, "w", compression=zipfile.ZIP_DEFLATED)

    def _info(self, pack_uri) -> zipfile.ZipInfo:
        zi = zipfile.ZipInfo(pack_uri.membername, date_time=self.stamp)
        zi.compress_type = zipfile.ZIP_DEFLATED
        zi.external_attr = 0o644 << 16
        return zi

    def write(self, pack_uri, blob: bytes) -> None:
        self.zip.writestr(self._info(pack_uri), blob)

    def write_deflated(self, pack_uri, deflated: "_Deflated") -> None:
        """An entry whose data was deflated before (the same bytes :meth:`write` would produce: zipfile's
        raw deflate at the default level, the header written once with the final CRC and sizes)."""
        zi = self._info(pack_uri)
        zi.file_size, zi.compress_size, zi.CRC = deflated.size, len(deflated.data), deflated.crc
        zi.flag_bits = 0
        zf = self.zip
        zf.fp.seek(zf.start_dir)
        zi.header_offset = zf.fp.tell()
        zf.fp.write(zi.FileHeader(False))
        zf.fp.write(deflated.data)
        zf.start_dir = zf.fp.tell()
        zf.filelist.append(zi)
        zf.NameToInfo[zi.filename] = zi
        zf._didModify = True

    def close(self) -> None:
        self.zip.close()


class _Deflated:
    __slots__ = ("source", "size", "crc", "data")

    def __init__(self, source: object, blob: bytes) -> None:
        self.source, self.size, self.crc = source, len(blob), zlib.crc32(blob)
        compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)  # zipfile's own
        self.data = compressor.compress(blob) + compressor.flush()


_DEFLATED: dict[int, _Deflated] = {}  # id(shared styles element or binary blob) -> its deflated bytes
_DEFLATED_LOCK = threading.Lock()


def _deflated(source: object, blob: "bytes | None" = None) -> _Deflated:
    """The deflated bytes of a part every copy of a base document shares (its styles element, a binary
    part's blob), computed once per process."""
    with _DEFLATED_LOCK:
        known = _DEFLATED.get(id(source))
    if known is None or known.source is not source:
        known = _Deflated(source, blob if blob is not None else _xml_blob(source))
        with _DEFLATED_LOCK:
            if len(_DEFLATED) >= 64:
                _DEFLATED.clear()
            _DEFLATED[id(source)] = known
    return known


def _xml_blob(element) -> bytes:
    from docx.opc.oxml import serialize_part_xml

    return serialize_part_xml(element)


def package_bytes(doc: DocxDocument, on: date) -> bytes:
    """The .docx file of ``doc`` in one pass: python-docx's package writer (its part order, content types
    and relationships; pinned version) into a zip with fixed timestamps — the same bytes as saving and then
    :func:`normalise_zip`, without compressing every part twice. Parts shared with the base document (its
    styles, binary parts such as the thumbnail) are serialised and deflated once per process."""
    from docx.opc.part import XmlPart
    from docx.opc.pkgwriter import PackageWriter

    package = doc.part.package
    for part in package.parts:
        part.before_marshal()
    writer = _FixedTimeZipWriter(on)
    parts = list(package.parts)
    with _BASES_LOCK:  # another thread (a Dask worker's) may be adding a base
        bases = list(_BASES.values())
    shared = {id(e) for base in bases for e in base[2].values()}
    PackageWriter._write_content_types_stream(writer, parts)
    PackageWriter._write_pkg_rels(writer, package.rels)
    for part in parts:  # PackageWriter._write_parts, with the shared parts deflated once
        if isinstance(part, XmlPart):
            if id(part._element) in shared:
                writer.write_deflated(part.partname, _deflated(part._element))
            else:
                writer.write(part.partname, part.blob)
        else:
            blob = part.blob
            writer.write_deflated(part.partname, _deflated(blob, blob))
        if len(part.rels):
            writer.write(part.partname.rels_uri, part.rels.xml)
    writer.close()
    return writer.buffer.getvalue()


def normalise_zip(data: bytes, on: date) -> bytes:
    """Rewrite a .docx zip with fixed timestamps and order, so outputs are byte-identical."""
    stamp = (max(on.year, 1980), on.month, on.day, 0, 0, 0)
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=stamp)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()
