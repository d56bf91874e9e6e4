"""`litigator templates check`: parse errors, unknown variables and attributes, unknown head codes, and the
hostile smoke render, each finding as file:line."""

from __future__ import annotations

import shutil
import typing
from pathlib import Path

import pytest
from support import EXAMPLES, ROOT, run_cli

from litigator import forums, pipeline
from litigator.drafting import environment
from litigator.drafting.template_check import HOSTILE, check_templates, hostile_case

FIXTURES = Path(__file__).parent / "template_fixtures"
CN = forums.get("cn")


def _lines(report) -> list[str]:
    return [f.text() for f in report.findings]


def _folder(tmp_path: Path, **templates: str) -> Path:
    root = tmp_path / "templates"
    (root / "cn").mkdir(parents=True)
    for name, text in templates.items():
        (root / "cn" / f"{name}.md.j2").write_text(text, encoding="utf-8")
    return root


def test_shipped_templates_pass():
    report = check_templates()
    assert _lines(report) == []
    assert report.sample == EXAMPLES / "brand-v-seller"
    # every document template of the forum was smoke-rendered, the narrative complaint and the element one too
    documents = {d.template for d in CN.documents.values()} | {"cn/complaint-element.md.j2"}
    assert documents <= set(report.rendered)


@pytest.mark.parametrize(("fixture", "line", "what"), [
    ("syntax-error", 4, "template syntax error: Expected an expression"),
    ("unknown-variable", 5, "unknown variable 'plaintiff_nickname'"),
    ("unknown-head", 5, "unknown claim-head code 'goodwil_loss'"),
])
def test_each_fixture_fails_with_file_and_line(tmp_path, fixture, line, what):
    root = tmp_path / "t"
    (root / "cn").mkdir(parents=True)
    shutil.copy(FIXTURES / "cn" / f"{fixture}.md.j2", root / "cn")
    lines = _lines(check_templates(root, smoke=False))
    assert lines and lines[0].startswith(f"{(root / 'cn' / fixture).as_posix()}.md.j2:line {line}: {what}"), lines


def test_unknown_attribute_of_a_model():
    lines = _lines(check_templates(FIXTURES, smoke=False))
    assert any(x.endswith("unknown-variable.md.j2:line 6: unknown attribute 'case.plaintif': CnCase has no field "
                          "or property 'plaintif' (did you mean 'plaintiffs'?)") for x in lines), lines
    assert len(lines) == 4, lines


def test_attributes_are_followed_through_loops_sets_filters_and_dataclasses(tmp_path):
    root = _folder(tmp_path, t=(
        "{% for p in case.plaintiffs %}{{ p.nam }}{% endfor %}\n"              # 1: list[Party] → Party
        "{% set d = case.defendants[0] %}{{ d.shops[0].nme }}\n"               # 2: set, Getitem, list[Shop]
        "{{ case.plaintiffs|map(attribute='nmae')|join }}\n"                   # 3: filter attribute
        "{{ pleading.request }}\n"                                             # 4: a dataclass
        "{{ companion.general_matter }}\n"                                     # 5: a TypedDict
        "{{ element.damages.amout if element and element.damages else '' }}\n"  # 6: Optional dataclass
        "{{ scenario.head('goodwill_loss').amount }}{{ scenario.total }}{{ doc.agent }}{{ appendix.scenarios }}\n"
        "{% if scenario.nothing is defined %}{{ memo is defined }}{% endif %}\n"  # guarded: not reported
        "{% for h in scenario.heads|selectattr('code', 'equalto', 'goodwil') %}{{ h.label }}{% endfor %}\n"
        "{% macro m(case) %}{{ case.whatever }}{% endmacro %}{{ m(1) }}{{ sales.totals.net }}\n"
        "{{ x if y is defined else '' }}\n"))
    lines = [x.split("/cn/", 1)[1] for x in _lines(check_templates(root, smoke=False))]
    assert lines == [
        "t.md.j2:line 1: unknown attribute 'p.nam': Party has no field or property 'nam' (did you mean 'name'?)",
        "t.md.j2:line 2: unknown attribute 'd.shops[0].nme': Shop has no field or property 'nme' (did you mean "
        "'name'?)",
        "t.md.j2:line 3: unknown attribute '…': Party has no field or property 'nmae' (did you mean 'name'?)",
        "t.md.j2:line 4: unknown attribute 'pleading.request': Pleading has no field or property 'request' (did you "
        "mean 'requests'?)",
        "t.md.j2:line 5: unknown attribute 'companion.general_matter': CompanionContext has no field or property "
        "'general_matter' (did you mean 'general_matters'?)",
        "t.md.j2:line 6: unknown attribute 'element.damages.amout': DamagesRequest has no field or property 'amout' "
        "(did you mean 'amount'?)",
        "t.md.j2:line 9: unknown claim-head code 'goodwil': the cn forum's rules produce no such head (did you mean "
        "'goodwill_loss'?)",
        "t.md.j2:line 11: unknown variable 'x': the cn context provides no such name",
    ], lines


def test_head_codes_in_comparisons_and_lookups(tmp_path):
    root = _folder(tmp_path, t=(
        "{% for h in scenario.heads %}{% if h.code in ['goodwill_loss', 'loss'] %}{% endif %}"
        "{% if h.code is equalto 'fee' %}{% endif %}{% endfor %}\n"
        "{{ scenario.head('punitive') }}{{ scenario.head('punitive_damages') }}\n"))
    lines = [x.split("t.md.j2:", 1)[1] for x in _lines(check_templates(root, smoke=False))]
    assert [x.split(": unknown claim-head code ")[1].split(":")[0] for x in lines] == ["'loss'", "'fee'", "'punitive'"]
    assert [x.split(":")[0] for x in lines] == ["line 1", "line 1", "line 2"]


def test_unknown_filter_is_reported_with_its_line(tmp_path):
    root = _folder(tmp_path, t="第一行\n{{ total|dollars }}\n")
    assert _lines(check_templates(root, smoke=False)) == [
        f"{(root / 'cn' / 't.md.j2').as_posix()}:line 2: template syntax error: No filter named 'dollars'."]


def test_the_declared_context_is_the_context_a_case_gets():
    """Every name the pipeline and the forum put into the context is declared, with its type."""
    from pydantic import BaseModel

    declared = pipeline.context_names(CN)
    for example in ("brand-v-seller", "platform-v-seller"):
        run = pipeline.analyse(EXAMPLES / example)
        context = pipeline.template_context(run, run.folder.case.filed_scenario)
        actual = {k for k in context if not k.startswith("_")}
        assert actual <= set(declared), sorted(actual - set(declared))
        assert set(declared) - actual <= {"doc", "appendix", "memo"}, sorted(set(declared) - actual)
        for name, value in context.items():
            tp = declared.get(name)
            if isinstance(tp, type) and issubclass(tp, BaseModel) and value is not None:
                assert isinstance(value, tp), name
        from litigator.forums.cn.context import CompanionContext

        assert set(context["companion"]) == set(typing.get_type_hints(CompanionContext))


def test_hostile_case_keeps_the_case_valid(tmp_path):
    values = hostile_case(EXAMPLES / "brand-v-seller", tmp_path / "case")
    assert "case.yaml:plaintiffs[0].name" in values.values()
    run = pipeline.analyse(tmp_path / "case")
    assert run.folder.case.plaintiffs[0].name.startswith(HOSTILE)


def test_smoke_render_catches_markdown_that_is_not_escaped(tmp_path, monkeypatch):
    monkeypatch.setattr(environment, "escape_markdown", lambda v: v if isinstance(v, environment.Raw) else str(v))
    lines = _lines(check_templates())
    assert any("complaint.md.j2: smoke render (民事起诉状): the hostile value of case.yaml:plaintiffs[0].name was not "
               "printed literally" in x for x in lines), lines[:3]


def test_smoke_render_error_is_a_finding(tmp_path):
    custom = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", custom)
    path = custom / "cn" / "service-address.md.j2"
    path.write_text(path.read_text(encoding="utf-8") + "{{ 1 + 'a' }}\n", encoding="utf-8")
    lines = _lines(check_templates(custom))
    assert len(lines) == 1 and "service-address.md.j2:line" in lines[0] and "template expression failed" in lines[0]


def test_cli_exit_codes(tmp_path):
    ok = run_cli("templates", "check", "--no-render")
    assert ok.code == 0 and ok.err == "" and len(ok.out.splitlines()) == 1 and "no problems" in ok.out
    bad = run_cli("templates", "check", FIXTURES)
    assert bad.code == 2 and bad.out == ""
    assert [x.split(": ", 2)[1].rsplit("/", 1)[1] for x in bad.err.splitlines()] == [
        "syntax-error.md.j2:line 4", "unknown-head.md.j2:line 5", "unknown-variable.md.j2:line 5",
        "unknown-variable.md.j2:line 6"]
    assert all(x.startswith("error: ") for x in bad.err.splitlines())
    missing = run_cli("templates", "check", tmp_path / "nowhere")
    assert missing.code == 2 and missing.err.startswith("error: ") and "templates folder not found" in missing.err
    assert "Example: litigator templates check" in run_cli("templates", "check", "--help").out
