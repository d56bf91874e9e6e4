"""The template environment: templates are data, not code.

* ``SandboxedEnvironment``: a template cannot reach Python internals.
* ``StrictUndefined``: a missing fact fails loudly instead of printing a blank into a filing.
* Every ``{{ value }}`` is escaped for Markdown (not HTML: autoescape would print ``&amp;`` into a
  court filing). A filter that produces markup returns :class:`Raw`, which is left alone.
* Filters: ``raw`` and ``md`` here; the forum pack adds its own (e.g. money and date formats;
  see each pack's drafting module).
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from litigator.errors import TemplateRenderError


class Raw(str):
    """Text that is already Markdown and must not be escaped."""


_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}<>#|~!&])")  # & too: "&amp;" must not become "&"
_LINE_START_LIST = re.compile(r"^(\s*)(\d+)([.)])", re.M)
_LINE_START_MARK = re.compile(r"^(\s*)([-+=>])", re.M)


def escape_markdown(value: object) -> str:
    """Escape a value so Markdown prints it literally (one paragraph: newlines become spaces)."""
    if isinstance(value, Raw):
        return value
    text = str(value).replace("\r\n", "\n").replace("\n", " ")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _LINE_START_LIST.sub(r"\1\2\\\3", text)
    text = _LINE_START_MARK.sub(r"\1\\\2", text)
    return text


def _finalize(value: object) -> object:
    if value is None:
        raise TemplateRenderError("a template printed a value that is None (a missing fact)")
    if isinstance(value, (Raw, int)) and not isinstance(value, bool):
        return value
    if isinstance(value, Decimal):
        return str(value)
    return escape_markdown(value)


def shipped_templates() -> Path:
    """The templates folder: the repo's ``templates/`` or, installed, ``litigator/_data/templates``."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "_data" / "templates", here.parent / "templates"):
        if candidate.is_dir():
            return candidate
    raise TemplateRenderError("shipped templates not found (broken installation)")


def make_environment(template_dir: Path | None = None,
                     filters: dict[str, Any] | None = None) -> SandboxedEnvironment:
    folder = template_dir or shipped_templates()
    if not Path(folder).is_dir():
        raise TemplateRenderError("templates folder not found", folder)
    env = SandboxedEnvironment(
        loader=jinja2.FileSystemLoader(str(folder)),
        undefined=StrictUndefined,
        autoescape=False,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(filters or {})
    env.filters.update(raw=Raw, md=escape_markdown)
    return env


def render_template(env: SandboxedEnvironment, name: str, context: dict) -> str:
    """Render ``name`` to Markdown; parse and undefined-variable errors become one line."""
    try:
        template = env.get_template(name)
    except jinja2.TemplateNotFound:
        raise TemplateRenderError("template not found", name) from None
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateRenderError(f"template syntax error: {exc.message}", exc.filename or name,
                                  f"line {exc.lineno}") from None
    try:
        return template.render(**context)
    except jinja2.UndefinedError as exc:
        raise TemplateRenderError(f"missing fact: {exc.message}", name, _template_line(exc, name)) from None
    except jinja2.exceptions.SecurityError as exc:
        raise TemplateRenderError(f"unsafe template operation: {exc}", name, _template_line(exc, name)) from None
    except jinja2.TemplateSyntaxError as exc:  # in a template imported while rendering
        raise TemplateRenderError(f"template syntax error: {exc.message}", exc.filename or exc.name or name,
                                  f"line {exc.lineno}") from None
    except jinja2.TemplateError as exc:
        raise TemplateRenderError(f"template error: {exc}", name, _template_line(exc, name)) from None
    except TemplateRenderError:
        raise
    except (TypeError, ValueError, ArithmeticError, KeyError, IndexError, AttributeError) as exc:
        # a template's own expression failed (e.g. {{ 1 + "a" }}): the template is at fault, not the user
        raise TemplateRenderError(f"template expression failed: {type(exc).__name__}: {exc}", name,
                                  _template_line(exc, name)) from None


def _template_line(exc: BaseException, name: str) -> str | None:
    """The template line of the innermost template frame (jinja maps code lines to template lines)."""
    tb = exc.__traceback__
    line = None
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2") or filename.endswith(name):
            line = tb.tb_lineno
        tb = tb.tb_next
    return f"line {line}" if line else None
