"""User-facing errors.

Every error a user can cause is a :class:`LitigatorError`. It carries the file it concerns and a
location inside it, so the CLI can print one line (README.md, "Commands")::

    error: <path>:<where>: <what>

``where`` is ``line N`` for a data file (physical, 1-based), ``row N`` for a manifest, or
``N: key.path`` for a YAML key with its line. Several problems (every validation error of a file) are
kept in ``details``, one line each; :meth:`LitigatorError.lines` renders what the CLI prints: up to 20
``error:`` lines, then ``(N more)``. Anything else that escapes is a bug (exit 1).
"""

from __future__ import annotations

from pathlib import Path

MAX_SHOWN = 20  # problems printed one line each, then "(N more)" (README.md, "Commands")


class LitigatorError(Exception):
    """Bad input or usage: exit code 2, one line, no traceback."""

    exit_code = 2

    def __init__(
        self,
        what: str,
        path: str | Path | None = None,
        where: str | None = None,
        more: int = 0,
    ) -> None:
        self.what = what
        self.path = str(path) if path is not None else None
        self.where = where
        self.more = more
        self.details: list[str] = []  # every problem, one line each, when there are several (see lines())
        super().__init__(self.line())

    def line(self) -> str:
        parts = [p for p in (self.path, self.where) if p]
        head = ":".join(parts)
        text = f"{head}: {self.what}" if head else self.what
        if self.more:
            text += f" ({self.more} more)"
        return text

    def lines(self, limit: int = MAX_SHOWN) -> list[str]:
        """What the CLI prints on stderr: ``error: <problem>`` for each problem (``details`` when there
        are several, else :meth:`line`), at most ``limit`` of them, then ``(N more)``."""
        problems = self.details or [self.line()]
        out = [f"error: {p}" for p in problems[:limit]]
        if len(problems) > limit:
            out.append(f"({len(problems) - limit} more)")
        return out


class CaseFileError(LitigatorError):
    """case.yaml (or another YAML input) is missing, malformed or invalid."""


class DataFileError(LitigatorError):
    """A data file (order export, evidence file) cannot be read or lacks what is needed."""


class OutputExistsError(LitigatorError):
    """An output file exists and ``--force`` was not given."""


class TemplateRenderError(LitigatorError):
    """A template failed to parse or render (e.g. a missing fact under StrictUndefined)."""


class DamagesError(LitigatorError):
    """The damages rules cannot be applied to the inputs given."""
