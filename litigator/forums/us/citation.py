"""Citations of US federal law: ``code:section.sub.sub`` (``usc15:1117.c.1``) formatted as the courts cite it
(``15 U.S.C. § 1117(c)(1)``), backed by the statute table (``statutes.yaml``, the only place a code title is
written). A rule never types a citation: it names the provision and this module formats it."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

from litigator.damages.model import Citation
from litigator.fields import StrictModel

STATUTES_FILE = Path(__file__).with_name("statutes.yaml")


class Section(StrictModel):
    title: str
    verified: Literal["yes", "partial", "no"]
    source: str


class Code(StrictModel):
    cite: str
    name: str
    sections: dict[str, Section]


@cache
def codes() -> dict[str, Code]:
    from ruamel.yaml import YAML

    data = YAML(typ="safe", pure=True).load(STATUTES_FILE.read_text(encoding="utf-8"))
    return {key: Code.model_validate(value) for key, value in data.items()}


def _split(ref: str) -> tuple[Code, str, list[str]]:
    code_id, _, pin = ref.partition(":")
    try:
        code = codes()[code_id]
    except KeyError:
        raise KeyError(f"no code {code_id!r} in statutes.yaml") from None
    section, *subs = pin.split(".") if pin else [""]
    if section and section not in code.sections:
        raise KeyError(f"{code.cite} has no section {section!r} in statutes.yaml")
    return code, section, [s for s in subs if s]


def format_ref(ref: str) -> str:
    """``usc15:1117.c.1`` → ``15 U.S.C. § 1117(c)(1)``; ``frcp:20.a.2`` → ``Fed. R. Civ. P. 20(a)(2)``."""
    code, section, subs = _split(ref)
    if not section:
        return code.cite
    sign = "" if code.cite.startswith("Fed. R.") else "§ "
    return f"{code.cite} {sign}{section}" + "".join(f"({s})" for s in subs)


def citation(ref: str) -> Citation:
    code, section, subs = _split(ref)
    pin = format_ref(ref)[len(code.cite):].strip()
    return Citation(key=ref, statute=code.cite, pinpoint=pin)


def cite(*refs: str) -> str:
    """Several provisions, each once, joined by ``; ``."""
    seen: list[str] = []
    for r in refs:
        text = format_ref(r)
        if text not in seen:
            seen.append(text)
    return "; ".join(seen)
