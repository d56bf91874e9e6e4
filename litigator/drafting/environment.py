"""The template environment: templates are data, not code.

* ``SandboxedEnvironment``: a template cannot reach Python internals.
* ``StrictUndefined``: a missing fact fails loudly instead of printing a blank into a filing.
* Every ``{{ value }}`` is escaped for Markdown (not HTML: autoescape would print ``&amp;`` into a
  court filing). A filter that produces markup returns :class:`Raw`, which is left alone.
* Filters: ``raw`` and ``md`` here; the forum pack adds its own (e.g. money and date formats;
  see each pack's drafting module).
* One environment per template folder and filter set per process (:func:`make_environment`), so a
  template is compiled once; the loader compares each template's text with the file on every lookup, so
  an edited template (``--templates DIR``) is recompiled, even within one process.
"""

from __future__ import annotations

import os
import re
import threading
from collections import OrderedDict
from decimal import Decimal
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from litigator.errors import TemplateRenderError


class Raw(str):
    """Text that is already Markdown and must not be escaped."""


# The visible gap a forum leaves for a fact a paper needs but case.yaml does not give (with a warning naming
# the key): `litigator check` reports every one, so such a draft is never filed as it is.
MISSING_FACT_MARK = "[MISSING:"
MISSING_FACT_END = " — not stated in case.yaml]"
MISSING_FACT = re.compile(re.escape(MISSING_FACT_MARK) + r".*?" + re.escape(MISSING_FACT_END))


def missing_fact(key: str) -> Raw:
    return Raw(f"{MISSING_FACT_MARK} {key}{MISSING_FACT_END}")


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


class _ContentCheckedLoader(jinja2.FileSystemLoader):
    """A file loader whose templates stay compiled while their file's text is unchanged (jinja's own check
    is the modification time, which a quick edit may not move)."""

    def get_source(self, environment: jinja2.Environment, template: str):
        source, filename, _ = super().get_source(environment, template)

        def uptodate() -> bool:
            try:
                with open(filename, encoding=self.encoding) as fh:
                    return fh.read() == source
            except OSError:
                return False

        return source, filename, uptodate


_ENVIRONMENTS: OrderedDict[tuple, SandboxedEnvironment] = OrderedDict()
_ENVIRONMENTS_LOCK = threading.Lock()
_ENVIRONMENTS_KEPT = 8


def _reset_after_fork() -> None:
    """A forked child gets a new lock (another thread may have held the parent's at the fork)."""
    global _ENVIRONMENTS_LOCK
    _ENVIRONMENTS_LOCK = threading.Lock()


os.register_at_fork(after_in_child=_reset_after_fork)


def new_environment(template_dir: Path | None = None,
                    filters: dict[str, Any] | None = None) -> SandboxedEnvironment:
    """A fresh environment (nothing compiled yet): the reference path the cached one is tested against."""
    folder = template_dir or shipped_templates()
    if not Path(folder).is_dir():
        raise TemplateRenderError("templates folder not found", folder)
    env = SandboxedEnvironment(
        loader=_ContentCheckedLoader(str(folder)),
        undefined=StrictUndefined,
        autoescape=False,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=True,
        cache_size=400,
    )
    env.filters.update(filters or {})
    env.filters.update(raw=Raw, md=escape_markdown)
    return env


def make_environment(template_dir: Path | None = None,
                     filters: dict[str, Any] | None = None) -> SandboxedEnvironment:
    """The process's environment for a template folder and filter set (created on first use): its compiled
    templates are reused until their files change. Filters are compared by identity, so a forum should
    hand out the same filter functions each time (the Chinese pack does)."""
    folder = Path(template_dir or shipped_templates())
    if not folder.is_dir():
        raise TemplateRenderError("templates folder not found", folder)
    key = (str(folder.resolve()), frozenset((filters or {}).items()))
    with _ENVIRONMENTS_LOCK:
        env = _ENVIRONMENTS.get(key)
        if env is not None:
            _ENVIRONMENTS.move_to_end(key)
            return env
    env = new_environment(folder, filters)
    with _ENVIRONMENTS_LOCK:
        _ENVIRONMENTS[key] = env
        while len(_ENVIRONMENTS) > _ENVIRONMENTS_KEPT:
            _ENVIRONMENTS.popitem(last=False)
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
