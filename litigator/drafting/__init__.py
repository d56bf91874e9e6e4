"""Drafting stage: jinja2 templates → Markdown → .docx (and .pdf through LibreOffice).

Public interface:

* :data:`DOCUMENTS` — the filing set per jurisdiction: name → (template, title).
* :func:`render_markdown(template, context, template_dir) -> str`
* :func:`markdown_to_docx(markdown, title, on, style, reference_doc) -> bytes`
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from litigator.drafting.environment import make_environment, render_template

DOCUMENTS: dict[str, dict[str, tuple[str, str]]] = {
    "cn": {
        "complaint": ("cn/complaint.md.j2", "民事起诉状"),
        "evidence-list": ("cn/evidence-list.md.j2", "证据目录"),
    },
}


def render_markdown(template: str, context: dict, template_dir: Path | None = None) -> str:
    return render_template(make_environment(template_dir), template, context)


def markdown_to_docx(markdown: str, title: str, on: date, jurisdiction: str = "cn",
                     reference_doc: Path | None = None) -> bytes:
    from litigator.drafting.docx_renderer import DocxRenderer
    from litigator.drafting.styles import CHINESE, ENGLISH

    style = CHINESE if jurisdiction == "cn" else ENGLISH
    return DocxRenderer(style, reference_doc).render(markdown).to_bytes(title, on)


__all__ = ["DOCUMENTS", "markdown_to_docx", "render_markdown"]
