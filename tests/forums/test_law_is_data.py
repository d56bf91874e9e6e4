"""Law is data: statute names live only in the statute table, caps only in the parameters file, and every
parameter's reference resolves to a statute version in force on the value's date."""

from __future__ import annotations

import re

from support import ROOT

from litigator.forums.cn.citation import Provision, statute, statutes
from litigator.forums.cn.law import book

STATUTE_NAME = re.compile(r"《[^》\n]*?(法|规定|解释|办法)")
# Whole numbers only: 5000000 or 5,000,000.00, but not 15000000 or 50,000,000.
CAPS = re.compile(r"(?<![\d,.])(5000000|5,000,000|500万|3000000|3,000,000|300万)(?![\d,])")
SOURCE_SUFFIXES = {".py", ".j2", ".yaml", ".md", ".txt"}
# The fact-extraction cues name statutes on purpose (they find citations in case files).
ALLOWED = {"litigator/forums/cn/statutes.yaml"}
ALLOWED_DIRS = ("litigator/facts/",)
CAP_FILES = {"litigator/forums/cn/law.yaml"}


def _files():
    for top in ("litigator", "templates"):
        for p in sorted((ROOT / top).rglob("*")):
            if p.is_file() and p.suffix in SOURCE_SUFFIXES and "__pycache__" not in p.parts:
                yield p.relative_to(ROOT).as_posix(), p.read_text(encoding="utf-8")


def test_no_statute_name_outside_the_statute_table():
    found = []
    for rel, text in _files():
        if rel in ALLOWED or rel.startswith(ALLOWED_DIRS):
            continue
        for n, line in enumerate(text.splitlines(), 1):
            if STATUTE_NAME.search(line):
                found.append(f"{rel}:{n}: {line.strip()[:80]}")
    assert not found, "\n".join(found)


def test_caps_appear_only_in_the_parameters_file():
    found = []
    for rel, text in _files():
        if rel in CAP_FILES:
            continue
        for n, line in enumerate(text.splitlines(), 1):
            if CAPS.search(line):
                found.append(f"{rel}:{n}: {line.strip()[:80]}")
    assert not found, "\n".join(found)


def test_the_greps_would_catch_a_retyped_name_or_cap():
    assert STATUTE_NAME.search("依据《中华人民共和国商标法》第六十三条")
    assert STATUTE_NAME.search("《最高人民法院关于审理商标民事纠纷案件适用法律若干问题的解释》")
    assert CAPS.search("不超过5,000,000.00") and CAPS.search("cap = 3000000") and CAPS.search("五百万 or 500万")
    assert not CAPS.search("15000000") and not CAPS.search("50,000,000")


def test_every_reference_resolves_to_a_version_in_force_on_its_date():
    law = book()
    for name, parameter in law.parameters.items():
        for value in parameter.values:
            if value.ref is None:
                continue
            p = Provision.parse(value.ref)
            version = statute(p.statute).version(p.version)  # KeyError: unknown statute or version
            assert version.in_force(value.from_), f"{name} from {value.from_}: {value.ref} not in force then"


def test_statute_versions_are_contiguous_and_labelled():
    for sid, s in statutes().items():
        for a, b in zip(s.versions, s.versions[1:]):
            assert a.until is not None and (b.from_ - a.until).days == 1, f"{sid}: {a.id} → {b.id}"
        if len(s.versions) > 1:
            assert all(v.label for v in s.versions), sid
