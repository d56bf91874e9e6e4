"""casefile.safe_load reads plain documents through libyaml's parser and ruamel's constructor: the
result must be what ruamel alone reads — the same values, the same types (YAML 1.2: ``yes`` is a
string, ``0o17`` an int, ``2025-03-01`` a date) and the same line and column of every key and item,
which error messages and the calculation appendix cite."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from litigator import casefile
from litigator.casefile import _compose_plain, _NotPlain, load_case, round_trip_yaml, safe_load
from litigator.errors import CaseFileError

ROOT = Path(__file__).resolve().parents[1]


def shape(node):
    """Values, types and every line/column ruamel records, as one comparable structure (an empty value's
    own position is left out: ruamel puts it at the next token, libyaml after the colon; what the tool
    cites is the key's line)."""
    if isinstance(node, CommentedMap):
        return ("map", node.lc.line, node.lc.col,
                [(k, type(k).__name__, tuple(node.lc.key(k)), tuple(node.lc.value(k)) if v is not None else None,
                  shape(v)) for k, v in node.items()])
    if isinstance(node, CommentedSeq):
        return ("seq", node.lc.line, node.lc.col, [(tuple(node.lc.item(i)), shape(v)) for i, v in enumerate(node)])
    return (type(node).__name__, repr(node))


def ruamel_alone(text: str):
    return safe_load(text, "t.yaml", round_trip_yaml())


def read(text: str):
    return safe_load(text, "t.yaml")


def assert_same(text: str) -> None:
    try:
        expected = ("ok", shape(ruamel_alone(text)))
    except CaseFileError as err:
        expected = ("error", err.line())
    try:
        got = ("ok", shape(read(text)))
    except CaseFileError as err:
        got = ("error", err.line())
    assert got == expected


def is_plain(text: str) -> bool:
    try:
        _compose_plain(text, round_trip_yaml().resolver)
        return True
    except _NotPlain:
        return False


def test_every_shipped_yaml_file_reads_the_same_as_with_ruamel_alone():
    files = sorted({*ROOT.glob("examples/**/*.yaml"), *ROOT.glob("litigator/**/*.yaml"),
                    *ROOT.glob("tests/**/*.yaml")})
    assert len(files) >= 10
    plain = 0
    for path in files:
        text = path.read_text(encoding="utf-8-sig")
        assert_same(text)
        plain += is_plain(text)
    assert plain >= len(files) - 3  # nearly all take the fast path (else this test proves little)


TRICKY = [
    "",
    "# only a comment\n",
    "a: 1\nb: 1_000\nc: 0o17\nd: 0x1F\ne: 010\nf: .inf\ng: -.INF\nh: .nan\ni: 1e3\nj: 3.50\nk: +7\n",
    "yes: yes\nno: No\non: on\nnull_: null\ntilde: ~\nempty:\nbool: True\nf: FALSE\n",
    "d1: 2025-03-01\nd2: 2025-03-01 10:20:30\nd3: 2025-03-01T10:20:30+08:00\nd4: '2025-03-01'\nt: 12:30\n",
    "lit: |\n  line one\n   two\n\n  three\nfold: >\n  folded\n  text\n\n  para\nkeep: |+\n  x\n\nstrip: >-\n  y\n",
    'q: "tab\\tnew\\nline \\u4e2d \\x41 \\"quote\\""\ns: \'it\'\'s\'\nslash: "a\\/b"\n',
    "plain: this is\n  a multi line\n  plain scalar\nurl: http://x.example/a#frag\ncolon: a:b\n",
    "flow: {a: 1, b: [x, y, {c: d}], 'e f': \"g\"}\nseq: [1, 2.5, '3', ~, 2025-01-02]\n",
    "- a\n- - nested\n  - seq\n- k: v\n  k2:\n    - 1\n    -\n      deep: true\n",
    "被告: 张某某\n金额: 12,345.67\n地址: 上海市浦东新区某路1号\nlist: [甲, 乙]\n",
    "? complex key\n: value\n1: int key\n2.5: float key\n",
    "a:\n  b:\n    c:\n      d: [1, {e: [2, {f: 3}]}]\n",
    "dup: 1\ndup: 2\n",
    "bad: 2026-02-30\n",
    "k: v\n---\nk: w\n",
    "%YAML 1.2\n---\nk: v\n",
    "a: &x 1\nb: *x\n",
    "a: !!str 123\n",
    "key: [unclosed\n",
    "key: value\n  bad indent: x\n",
    "\tk: tab\n",
    "k: 'unterminated\n",
    "- x\nk: v\n",
]


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_documents_read_the_same_as_with_ruamel_alone(text):
    assert_same(text)


def test_documents_with_aliases_tags_directives_or_several_parts_are_left_to_ruamel():
    for text in ("a: &x 1\nb: *x\n", "a: !!str 1\n", "%YAML 1.2\n---\na: 1\n", "a: 1\n---\nb: 2\n"):
        assert not is_plain(text)
    assert is_plain("a: 1\nb: [x, {c: 2025-01-01}]\n")


def test_errors_keep_ruamels_line_numbers():
    with pytest.raises(CaseFileError) as err:
        read("a: 1\nb: 2026-02-30\n")
    assert "line 2" in err.value.line() and "impossible date" in err.value.line()
    with pytest.raises(CaseFileError) as err:
        read("a: 1\nb: [unclosed\n")
    assert "YAML syntax error" in err.value.line()


def test_the_reader_without_libyaml_is_ruamel_alone(monkeypatch):
    monkeypatch.setattr(casefile, "_CLoader", None)
    assert shape(read("a: 1\nb: [x]\n")) == shape(ruamel_alone("a: 1\nb: [x]\n"))


def test_a_case_folder_reads_with_the_lines_of_its_keys():
    folder = load_case(ROOT / "examples" / "platform-v-seller")
    text = (ROOT / "examples" / "platform-v-seller" / "case.yaml").read_text(encoding="utf-8")
    line = next(i for i, t in enumerate(text.splitlines(), 1) if t.startswith("defendants:"))
    assert folder.raw.lc.key("defendants")[0] + 1 == line


# -- generated documents: any data ruamel writes, in block and flow style, reads back the same ------

_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**12, 10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=64),
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\ufeff"), max_size=30),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)),
    st.sampled_from(["yes", "No", "on", "0o17", "1_000", "12:30", "2025-02-30", "~", "- x", "a: b", "#c", "'q'",
                     "\"d\"", "中文 金额", "  lead", "trail  ", "multi\nline\n", "tab\there", "|", ">"]),
)
_keys = st.one_of(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\ufeff"),
                          min_size=1, max_size=12), st.integers(0, 99))
_data = st.recursive(_scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(_keys, inner, max_size=4)), max_leaves=25)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=_data, flow=st.sampled_from([False, None, True]), width=st.sampled_from([80, 20]))
def test_generated_documents_read_the_same_as_with_ruamel_alone(data, flow, width):
    yaml = YAML(typ="rt")
    yaml.default_flow_style = flow
    yaml.width = width
    yaml.allow_unicode = True
    buf = io.StringIO()
    yaml.dump({"root": data}, buf)
    assert_same(buf.getvalue())


_plain_data = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-10**15, 10**15),
              st.floats(allow_nan=False, allow_infinity=True, width=64),
              st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\ufeff"), max_size=30),
              st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)),
              st.sampled_from(["0o17", "1e3", "1_000", "yes", "No", "~", "null", ".inf", "12:30", "2025-02-30",
                               "2025-03-01", "0x1F", "+7", "- x", "a: b", "#c", "@at", "`tick", "%pct", "'", '"',
                               "中文 金额", "tab\there", "lead ", " trail", "", "[x]", "{y}", "!tag", "&a", "*b"])),
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.text(min_size=1, max_size=10), inner, max_size=4)),
    max_leaves=25)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=_plain_data)
def test_dump_plain_reads_back_as_the_same_values(data):
    from litigator.casefile import dump_plain, plain_data

    assert plain_data(read(dump_plain({"root": data}))) == {"root": data}
    assert plain_data(ruamel_alone(dump_plain({"root": data}))) == {"root": data}
