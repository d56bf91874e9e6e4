"""Templates are data: sandboxed, strict about missing facts, Markdown-escaped."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from litigator import forums
from litigator.drafting import markdown_to_docx, render_markdown
from litigator.drafting.environment import escape_markdown, make_environment, render_template
from litigator.drafting.styles import CHINESE
from litigator.errors import TemplateRenderError

CN = forums.get("cn")


def _env(tmp_path, text: str):
    (tmp_path / "t.md.j2").write_text(text, encoding="utf-8")
    return make_environment(tmp_path, CN.template_filters())


def test_missing_fact_fails_loudly(tmp_path):
    env = _env(tmp_path, "被告：{{ defendant.name }}\n")
    with pytest.raises(TemplateRenderError, match="missing fact") as exc:
        render_template(env, "t.md.j2", {})
    assert exc.value.where == "line 1"


def test_none_is_not_printed_as_blank(tmp_path):
    env = _env(tmp_path, "电话：{{ phone }}\n")
    with pytest.raises(TemplateRenderError, match="None"):
        render_template(env, "t.md.j2", {"phone": None})


def test_sandbox_blocks_python_internals(tmp_path):
    env = _env(tmp_path, "{{ ''.__class__.__mro__[1].__subclasses__() }}\n")
    with pytest.raises(TemplateRenderError):
        render_template(env, "t.md.j2", {})


def test_values_are_escaped_for_markdown_not_html(tmp_path):
    env = _env(tmp_path, "{{ name }}\n")
    out = render_template(env, "t.md.j2", {"name": "A&B *Shop* <1> # [x]"})
    assert "&amp;" not in out
    assert out.strip() == r"A\&B \*Shop\* \<1\> \# \[x\]"


def test_html_entities_in_values_are_printed_literally(tmp_path):
    from io import BytesIO

    from docx import Document

    env = _env(tmp_path, "住所：{{ address }}\n")
    out = render_template(env, "t.md.j2", {"address": "A &amp; B &copy; 路1号"})
    doc = Document(BytesIO(markdown_to_docx(out, "t", date(2026, 12, 1), CHINESE)))
    assert doc.paragraphs[0].text == "住所：A &amp; B &copy; 路1号"


def test_hostile_value_cannot_make_structure(tmp_path):
    env = _env(tmp_path, "**被告**：{{ name }}\n")
    out = render_template(env, "t.md.j2", {"name": "x\n\n# 伪造标题\n1. 伪造请求"})
    data = markdown_to_docx(out, "t", date(2026, 12, 1), CHINESE)
    from io import BytesIO

    from docx import Document

    doc = Document(BytesIO(data))
    assert len(doc.paragraphs) == 1
    assert "# 伪造标题" in doc.paragraphs[0].text


def test_money_filters(tmp_path):
    env = _env(tmp_path, "{{ a|yuan }} {{ a|capital }}\n")
    assert render_template(env, "t.md.j2", {"a": Decimal("2670000")}).strip() == \
        "2,670,000.00元 人民币贰佰陆拾柒万元整"


def test_escape_markdown_is_idempotent_on_plain_chinese():
    assert escape_markdown("上海市奉贤区人民法院") == "上海市奉贤区人民法院"


def test_shipped_templates_parse():
    from litigator import forums

    for code in forums.codes():  # each forum's templates with that forum's filters
        env = make_environment(None, forums.get(code).template_filters())
        for name in env.list_templates(extensions=["j2"]):
            if name.startswith(f"{code}/"):
                env.get_template(name)


def test_render_markdown_uses_shipped_templates():
    with pytest.raises(TemplateRenderError):
        render_markdown("cn/complaint.md.j2", {})


def test_templates_option_replaces_shipped_templates(tmp_path):
    import shutil

    from support import EXAMPLES, ROOT, run_cli

    custom = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", custom)
    complaint = custom / "cn" / "complaint.md.j2"
    lines = complaint.read_text(encoding="utf-8").splitlines()
    idx = next(i for i, line in enumerate(lines) if line.startswith("## 事实与理由"))
    lines.insert(idx + 1, "{{ case.plaintiff_nickname }}")
    complaint.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("draft", EXAMPLES / "platform-v-seller", "-o", out, "--templates", custom)
    assert result.code == 2
    assert "missing fact" in result.err and "plaintiff_nickname" in result.err
    assert f"complaint.md.j2:line {idx + 2}" in result.err
    assert not out.exists()
    lines[idx + 1] = "{% if %}"
    complaint.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_cli("draft", EXAMPLES / "platform-v-seller", "-o", out, "--templates", custom)
    assert result.code == 2 and "template syntax error" in result.err and f"line {idx + 2}" in result.err


def test_template_expression_error_is_a_template_error(tmp_path):
    env = _env(tmp_path, "第一行\n{{ 1 + 'a' }}\n")
    with pytest.raises(TemplateRenderError, match="template expression failed") as exc:
        render_template(env, "t.md.j2", {})
    assert exc.value.where == "line 2"


def test_syntax_error_in_an_imported_template(tmp_path):
    (tmp_path / "part.md.j2").write_text("{% macro p() %}{% if %}{% endmacro %}\n", encoding="utf-8")
    env = _env(tmp_path, '{% import "part.md.j2" as part %}{{ part.p() }}\n')
    with pytest.raises(TemplateRenderError, match="template syntax error") as exc:
        render_template(env, "t.md.j2", {})
    assert exc.value.path.endswith("part.md.j2") and exc.value.where == "line 1"


def test_reference_doc_without_title_and_grid_styles(tmp_path):
    from io import BytesIO

    from docx import Document

    ref = Document()
    for name in ("Title", "Table Grid"):
        el = ref.styles[name].element
        el.getparent().remove(el)
    ref_path = tmp_path / "bare.docx"
    ref.save(str(ref_path))
    data = markdown_to_docx("# 证据目录\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", "t", date(2026, 12, 1), CHINESE,
                            reference_doc=ref_path)
    doc = Document(BytesIO(data))
    assert doc.paragraphs[0].text == "证据目录" and doc.tables[0].cell(1, 1).text == "2"
