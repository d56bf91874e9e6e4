"""Drafting stage: jinja2 templates → Markdown → .docx (and .pdf through LibreOffice).

Forum-neutral: the filing set, the template filters and the document style come from the forum pack
(:mod:`litigator.forums`).

Public interface:

* :func:`render_markdown(template, context, template_dir, filters) -> str`
* :func:`markdown_to_docx(markdown, title, on, style, reference_doc, author, images) -> bytes` (``images``: the
  PNGs a ``![alt](name.png)`` of the Markdown shows, by name)

Both reuse what a process has built once (the compiled templates of a folder, the styled reference
document); ``fresh=True`` builds everything anew — the slow reference path, which gives the same bytes
(a test compares them).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from litigator.drafting.environment import make_environment, new_environment, render_template
from litigator.drafting.styles import DocumentStyle


def render_markdown(template: str, context: dict, template_dir: Path | None = None,
                    filters: dict[str, Callable[..., Any]] | None = None, fresh: bool = False) -> str:
    env = (new_environment if fresh else make_environment)(template_dir, filters)
    return render_template(env, template, context)


def markdown_to_docx(markdown: str, title: str, on: date, style: DocumentStyle,
                     reference_doc: Path | None = None, author: str = "Litigator",
                     images: Mapping[str, bytes] | None = None, fresh: bool = False) -> bytes:
    from litigator.drafting.docx_renderer import DocxRenderer

    return DocxRenderer(style, reference_doc, images, fresh=fresh).render(markdown).to_bytes(title, on, author)


__all__ = ["markdown_to_docx", "render_markdown"]
