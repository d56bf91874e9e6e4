"""The fast path (templates compiled once per process, the styled reference document built once and
copied) gives the same bytes as the slow reference path (a fresh environment and a fresh document for
every document); an edited template is picked up within one process; analysis never imports spaCy."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from support import EXAMPLES, ROOT

from litigator import drafting, forums, pipeline

CN_EXAMPLES = sorted(p.parent.name for p in EXAMPLES.glob("*/case.yaml")
                     if "jurisdiction: cn" in p.read_text(encoding="utf-8"))
ALL_EXAMPLES = sorted(p.parent.name for p in EXAMPLES.glob("*/case.yaml"))


def _filing_set(case_dir: Path, out: Path, fresh: bool, reference_doc: Path | None = None) -> dict[str, bytes]:
    """Every document of the case rendered the way ``draft`` renders it, through one path."""
    run = pipeline.analyse(case_dir)
    case = run.folder.case
    forum = forums.get(case.jurisdiction)
    if run.sales is not None:
        pipeline.sales_extract_exhibit(run, forum, out)
    context = pipeline.template_context(run, case.filed_scenario)
    private = {k: context.pop(k) for k in [k for k in context if k.startswith("_")]}
    out_bytes = {}
    for name, doc in forum.documents_for(case).items():
        markdown = drafting.render_markdown(doc.template, {**context, "doc": doc.params}, None,
                                            forum.template_filters(), fresh=fresh)
        out_bytes[name] = drafting.markdown_to_docx(markdown, doc.title, run.filing_date, forum.style,
                                                    reference_doc, author=forum.document_author(case),
                                                    images=private.get("_images"), fresh=fresh)
    return out_bytes


@pytest.mark.parametrize("name", ALL_EXAMPLES)
def test_the_cached_path_gives_the_bytes_of_the_fresh_path(name, tmp_path):
    case_dir = EXAMPLES / name
    first = _filing_set(case_dir, tmp_path / "a", fresh=False)    # fills the caches
    cached = _filing_set(case_dir, tmp_path / "b", fresh=False)   # served from them
    reference = _filing_set(case_dir, tmp_path / "c", fresh=True)
    assert len(reference) >= 4 and "complaint" in reference and "memo" in reference
    assert cached == reference
    assert first == reference


def test_a_reference_docx_is_copied_not_shared_between_documents(tmp_path):
    ref = tmp_path / "firm.docx"
    d = docx.Document()
    d.add_paragraph("letterhead body that drafting removes")
    d.save(str(ref))
    case_dir = EXAMPLES / "brand-v-seller"
    cached = _filing_set(case_dir, tmp_path / "a", fresh=False, reference_doc=ref)
    again = _filing_set(case_dir, tmp_path / "b", fresh=False, reference_doc=ref)
    reference = _filing_set(case_dir, tmp_path / "c", fresh=True, reference_doc=ref)
    assert cached == again == reference
    # one document's paragraphs never leak into the next one's copy of the reference document
    complaint = docx.Document(str(_write(tmp_path / "complaint.docx", cached["complaint"])))
    paragraphs = [p.text for p in complaint.paragraphs]
    assert "letterhead body that drafting removes" not in paragraphs
    assert "证据目录" not in paragraphs and not any("内部工作成果" in p for p in paragraphs)  # other documents' titles


def test_documents_share_the_base_styles_and_never_change_them(tmp_path):
    """Copies of the styled document share its styles XML (never copied, deflated once): drafting every
    example's filing set leaves it as a freshly styled document has it."""
    from docx.opc.oxml import serialize_part_xml

    from litigator.drafting.docx_renderer import _BASES, base_document

    for name in ALL_EXAMPLES:
        _filing_set(EXAMPLES / name, tmp_path / name, fresh=False)
    assert _BASES
    for (style, ref), (doc, _ids, shared) in list(_BASES.items()):
        if ref is not None:  # a reference .docx of another test
            continue
        copy, _ = base_document(style)
        assert copy.part.styles.element is doc.part.styles.element and id(doc.part.styles.element) in shared
        fresh, _ = base_document(style, fresh=True)
        assert serialize_part_xml(doc.part.styles.element) == serialize_part_xml(fresh.part.styles.element)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_an_edited_template_is_picked_up_within_one_process(tmp_path):
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    case_dir = EXAMPLES / "platform-v-seller"
    pipeline.draft(case_dir, out_dir=tmp_path / "one", only=["complaint"], template_dir=templates)
    complaint = templates / "cn" / "complaint.md.j2"
    before = complaint.stat()
    text = complaint.read_text(encoding="utf-8")
    # the same length and the same modification time: only the content tells the edit apart
    edited = text.replace("# 民事起诉状", "# 民事起诉书", 1)
    assert edited != text and len(edited.encode()) == len(text.encode())
    complaint.write_text(edited, encoding="utf-8")
    os.utime(complaint, ns=(before.st_atime_ns, before.st_mtime_ns))
    pipeline.draft(case_dir, out_dir=tmp_path / "two", only=["complaint"], template_dir=templates)
    title = [docx.Document(str(tmp_path / d / "complaint.docx")).paragraphs[0].text for d in ("one", "two")]
    assert title == ["民事起诉状", "民事起诉书"]


def test_damages_does_not_import_spacy():
    code = ("import sys\n"
            "from litigator.cli import main\n"
            "sys.argv = ['litigator', 'damages', sys.argv[1], '--format', 'json']\n"
            "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code\n"
            "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc', 'matplotlib'))\n"
            "sys.stderr.write('LOADED:' + ','.join(loaded) + '\\n')\n")
    result = subprocess.run([sys.executable, "-c", code, str(EXAMPLES / "brand-v-seller")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "LOADED:\n" in result.stderr, result.stderr[-500:]
