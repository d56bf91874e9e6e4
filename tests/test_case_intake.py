"""Case intake (issue 13): hostile YAML fails fast, every validation error is shown with the key meant,
evidence.yaml is documented and takes its Chinese keys, init's placeholders are refused, doubtful exhibits
are warned about, facts skips our own drafts, and a case.yaml in another encoding says to save it as UTF-8.

Through the real CLI in a subprocess, on real files."""

from __future__ import annotations

import json
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support import EXAMPLES, ROOT, edit_case, run_cli

MEMORY_BOUND = int(1.5 * 2**30)  # address space of the CLI process: the normal commands fit (checked below)


def _limited_cli(*args: object) -> subprocess.CompletedProcess:
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BOUND, MEMORY_BOUND))

    return subprocess.run([sys.executable, "-m", "litigator", *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, preexec_fn=limit, timeout=600)


def _errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error: ")]


def _bomb(levels: int = 9) -> str:
    """A "billion laughs" document: 9 levels of 9 aliases each (9^9 strings once expanded)."""
    lines = ['l0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels):
        lines.append(f"l{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def _indented(text: str) -> str:
    return "".join(f"  {line}\n" for line in text.splitlines())


def _initialised(tmp_path: Path, name: str = "new") -> Path:
    case = tmp_path / name
    assert run_cli("init", case).code == 0
    return case


# ---------------------------------------------------------------------------------------------
# 1. YAML alias bombs
# ---------------------------------------------------------------------------------------------


def test_the_normal_cli_fits_under_the_memory_bound(case_copy, tmp_path):
    """The bound the bomb tests use does not itself break the commands they run."""
    case = case_copy()
    for args in (("damages", case), ("draft", case, "-o", tmp_path / "out"), ("facts", case, "--propose")):
        result = _limited_cli(*args)
        assert result.returncode == 0, (args, result.stderr[-2000:])


def test_an_alias_bomb_in_case_yaml_fails_at_once_with_one_line(tmp_path):
    case = _initialised(tmp_path)
    with (case / "case.yaml").open("a", encoding="utf-8") as fh:
        fh.write("narrative:\n" + _indented("- text") + "bomb:\n" + _indented(_bomb()))
    for args in (("damages", case), ("draft", case), ("facts", case, "--propose")):
        result = _limited_cli(*args)
        assert result.returncode == 2, (args, result.stderr[-2000:])
        errors = _errors(result.stderr)
        assert len(errors) == 1 and "YAML bomb" in errors[0] and "case.yaml" in errors[0], result.stderr
        assert "internal error" not in result.stderr and "MemoryError" not in result.stderr


def test_an_alias_bomb_in_evidence_yaml_fails_at_once(case_copy):
    case = case_copy()
    (case / "evidence.yaml").write_text("01-notarial-record.txt:\n  title: x\n" + _bomb(), encoding="utf-8")
    result = _limited_cli("draft", case)
    assert result.returncode == 2, result.stderr[-2000:]
    assert len(_errors(result.stderr)) == 1 and "evidence.yaml" in result.stderr and "YAML bomb" in result.stderr
    assert not (case / "out").exists()


def test_an_alias_bomb_in_a_precedent_library_fails_at_once(tmp_path):
    library = tmp_path / "precedents"
    library.mkdir()
    (library / "bomb.yaml").write_text("id: bomb\n" + _bomb(), encoding="utf-8")
    result = _limited_cli("precedents", "check", library)
    assert result.returncode == 2, result.stderr[-2000:]
    assert "YAML bomb" in result.stderr and "internal error" not in result.stderr


def test_a_recursive_alias_is_refused(tmp_path):
    case = _initialised(tmp_path)
    with (case / "case.yaml").open("a", encoding="utf-8") as fh:
        fh.write("loop: &loop [1, *loop]\n")
    result = run_cli("damages", case)
    assert result.code == 2 and "recursive alias" in result.err, result.err


def test_a_few_aliases_are_still_fine(case_copy):
    """Aliases are YAML: a user may share a block (here the same facts under two keys)."""
    case = case_copy("brand-v-seller")
    text = (case / "case.yaml").read_text(encoding="utf-8")
    assert "\nconduct:\n" in text
    edit_case(case, "\nconduct:\n", "\nconduct: &conduct\n")
    result = run_cli("damages", case, "--format", "json")
    assert result.code == 0, result.err


# ---------------------------------------------------------------------------------------------
# 2. Every validation error, with the key meant
# ---------------------------------------------------------------------------------------------


def test_a_typo_names_the_key_meant_and_every_error_is_printed(tmp_path):
    case = _initialised(tmp_path)
    edit_case(case, "\ncourt: ", "\ncourtt: ")
    result = run_cli("damages", case)
    assert result.code == 2
    errors = _errors(result.err)
    assert len(errors) == 2, result.err
    assert "courtt: unknown key 'courtt': did you mean 'court'?" in errors[0]
    assert "allowed here: jurisdiction, court, court_competence, cause" in errors[0]
    assert "court: required key is missing ('courtt' is there: a typo?)" in errors[1]
    assert "--debug" not in result.err


def test_a_nested_typo_lists_the_keys_allowed_at_its_level(tmp_path):
    case = _initialised(tmp_path)
    edit_case(case, "    ethnicity: 汉族", "    ethnicty: 汉族")
    result = run_cli("draft", case)
    assert result.code == 2
    line = _errors(result.err)[0]
    assert "defendants[0].ethnicty: unknown key 'ethnicty': did you mean 'ethnicity'?" in line
    assert "(allowed here: name, kind, checksum_override, sex, birth_date, ethnicity," in line


def test_more_than_twenty_errors_print_twenty_then_the_count(tmp_path):
    case = _initialised(tmp_path)
    with (case / "case.yaml").open("a", encoding="utf-8") as fh:
        fh.write("".join(f"extra_{i}: 1\n" for i in range(25)))
    result = run_cli("damages", case)
    assert result.code == 2
    lines = result.err.strip().splitlines()
    assert len(_errors(result.err)) == 20 and lines[-1] == "(5 more)", result.err


# ---------------------------------------------------------------------------------------------
# 3. evidence.yaml: documented, Chinese keys
# ---------------------------------------------------------------------------------------------


def test_evidence_yaml_takes_its_chinese_keys(case_copy, tmp_path):
    case = case_copy()
    path = case / "evidence.yaml"
    text = path.read_text(encoding="utf-8")
    for english, chinese in (("title", "名称"), ("source", "来源"), ("purpose", "证明目的"), ("order", "顺序")):
        text = text.replace(f"  {english}: ", f"  {chinese}: ")
    path.write_text(text, encoding="utf-8")
    result = run_cli("draft", case, "-o", tmp_path / "out", "--only", "evidence-list")
    assert result.code == 0, result.err
    assert "EXHIBIT_NO_PURPOSE" not in result.err  # the purposes were read

    import docx

    body = "\n".join(p.text for p in docx.Document(tmp_path / "out" / "evidence-list.docx").paragraphs)
    cells = "\n".join(c.text for t in docx.Document(tmp_path / "out" / "evidence-list.docx").tables
                      for row in t.rows for c in row.cells)
    assert "鉴别证明" in body + cells


def test_evidence_yaml_errors_name_the_key_meant_and_refuse_a_key_given_twice(case_copy):
    case = case_copy()
    path = case / "evidence.yaml"
    text = path.read_text(encoding="utf-8")
    first = text.index("  order: 1")
    path.write_text(text[:first] + "  ordr: 1\n  证明目的: again\n" + text[first + len("  order: 1\n"):],
                    encoding="utf-8")
    result = run_cli("draft", case)
    assert result.code == 2
    errors = _errors(result.err)
    assert any("ordr: unknown key 'ordr': did you mean 'order'?" in e and "证明目的" in e for e in errors), errors
    assert any("'purpose' and '证明目的' are one key, given twice" in e for e in errors), errors


def test_the_evidence_yaml_schema_is_printed_and_documented():
    result = run_cli("schema", "evidence")
    assert result.code == 0, result.err
    schema = json.loads(result.out)
    entry = schema["$defs"]["EvidenceEntry"]["properties"]
    assert {"title", "source", "purpose", "order", "pages", "证明目的", "来源", "名称", "页数", "顺序"} <= set(entry)
    help_text = run_cli("schema", "--help").out
    assert "evidence.yaml" in help_text and "证明目的" in help_text


# ---------------------------------------------------------------------------------------------
# 4. docs/case-yaml.md
# ---------------------------------------------------------------------------------------------


def test_the_key_reference_is_current():
    generated = subprocess.run([sys.executable, "-m", "litigator.case_reference"], capture_output=True, cwd=ROOT,
                               check=True).stdout.decode("utf-8")
    checked_in = (ROOT / "docs" / "case-yaml.md").read_text(encoding="utf-8")
    assert generated == checked_in, "run: python -m litigator.case_reference > docs/case-yaml.md"
    assert "docs/case-yaml.md" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_key_reference_covers_every_key():
    from litigator.case_reference import render
    from litigator.casefile import _is_model, _members
    from litigator.evidence import EvidenceEntry
    from litigator.models import CnCase

    page = render()
    seen: set[type] = set()
    todo = [CnCase, EvidenceEntry]
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.add(model)
        for name, field in model.model_fields.items():
            assert f"| `{name}`" in page, f"{model.__name__}.{name}"
            for m in _members(field.annotation):
                import typing

                inner = typing.get_args(m)[-1] if typing.get_origin(m) in (list, dict) else m
                todo += [x for x in _members(inner) if _is_model(x)]
    for model in seen - {CnCase, EvidenceEntry}:
        assert f"### {model.__name__}\n" in page, model.__name__
    assert "|  |\n" not in page  # every key says what it is


# ---------------------------------------------------------------------------------------------
# 5. init's placeholders
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["draft", "damages"])
def test_init_then_draft_or_damages_is_refused_naming_each_key_to_edit(tmp_path, command):
    case = _initialised(tmp_path)
    result = run_cli(command, case)
    assert result.code == 2, result.err
    errors = _errors(result.err)
    for key in ("plaintiffs[0].name", "plaintiffs[0].credit_code", "defendants[0].name", "defendants[0].id_number",
                "defendants[0].shops[0].seller_id", "products[0].skus[0]"):
        assert any(f": {key}: " in e and "placeholder `litigator init` wrote" in e for e in errors), (key, errors)
    assert not (case / "out").exists()


def test_a_case_with_its_own_values_drafts(tmp_path):
    """Replacing the placeholders is all it takes: the check refuses init's values, nothing else."""
    from litigator.identifiers import credit_code_check_char, resident_id_check_char

    case = _initialised(tmp_path)
    credit = "91310000MA1K00001"
    person = "31011519870304003"
    for old, new in (("示例网络有限公司", "上海橙市网络科技有限公司"), ("91110105MA0000000Y", credit +
                                                                       credit_code_check_char(credit)),
                     ("北京市朝阳区示例路1号", "上海市浦东新区世纪大道100号"), ("张某某", "李明"),
                     ("010-00000000", "021-61234567"), ("王某某", "赵强"),
                     ("110105199001010010", person + resident_id_check_char(person)),
                     ("北京市朝阳区示例街2号", "上海市奉贤区南桥镇解放路8号"), ("示例小店", "强强数码专营店"),
                     ("S0001", "TB2211"), ("商品名称", "无线耳机"), ("品牌", "SOUNDCORE"), ("SKU-1", "EAR-01")):
        edit_case(case, old, new)
    result = run_cli("draft", case, "-o", tmp_path / "out")
    assert result.code == 0, result.err


# ---------------------------------------------------------------------------------------------
# 6. Doubtful exhibits; facts skips our own drafts
# ---------------------------------------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


def test_empty_mistyped_and_linked_exhibits_are_warned_about_by_name(case_copy, tmp_path):
    case = case_copy()
    (case / "evidence" / "06-empty.txt").write_bytes(b"")
    (case / "evidence" / "07-screenshot.txt").write_bytes(PNG + bytes(200))
    outside = tmp_path / "elsewhere.txt"
    outside.write_text("not in the case folder", encoding="utf-8")
    (case / "evidence" / "08-link.txt").symlink_to(outside)
    result = run_cli("draft", case, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    warnings = [line for line in result.err.splitlines() if line.startswith("warning: ")]
    assert any("EXHIBIT_EMPTY" in w and "evidence/06-empty.txt" in w for w in warnings), warnings
    assert any("EXHIBIT_TYPE_MISMATCH" in w and "evidence/07-screenshot.txt" in w and "PNG" in w
               for w in warnings), warnings
    assert any("EXHIBIT_SYMLINK" in w and "evidence/08-link.txt" in w for w in warnings), warnings


def test_facts_on_a_case_folder_skips_its_drafts(case_copy, tmp_path):
    case = case_copy()
    assert run_cli("draft", case).code == 0  # CASE/out
    assert run_cli("draft", case, "-o", case / "drafts-v2").code == 0  # any folder a draft wrote
    result = run_cli("facts", case, "--format", "json")
    assert result.code == 0, result.err
    paths = [f["path"] for f in json.loads(result.out)["files"]]
    assert any("/evidence/" in p for p in paths)
    assert not [p for p in paths if "/out/" in p or "/drafts-v2/" in p], paths
    named = run_cli("facts", case / "out" / "complaint.docx", "--format", "json")  # named, it is read
    assert named.code == 0 and json.loads(named.out)["files"][0]["path"].endswith("complaint.docx")


# ---------------------------------------------------------------------------------------------
# 7. Encodings
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding, says", [("gbk", "looks like GBK/GB18030"), ("utf-16", "UTF-16"),
                                            ("utf-16-le", "UTF-16")])
def test_a_case_yaml_in_another_encoding_says_save_it_as_utf8(tmp_path, encoding, says):
    case = _initialised(tmp_path)
    path = case / "case.yaml"
    path.write_bytes(path.read_text(encoding="utf-8").encode(encoding))
    for command in ("damages", "sales"):
        result = run_cli(command, case)
        assert result.code == 2
        errors = _errors(result.err)
        assert len(errors) == 1 and says in errors[0] and "save it as UTF-8" in errors[0], result.err


def test_facts_accept_says_save_it_as_utf8_too(case_copy):
    case = case_copy()
    path = case / "case.yaml"
    path.write_bytes(path.read_text(encoding="utf-8").encode("gbk"))
    shutil.rmtree(case / "out", ignore_errors=True)
    result = run_cli("facts", case, "--propose")
    assert result.code == 2 and "save it as UTF-8" in result.err, result.err


def test_examples_are_not_refused():
    """The shipped examples hold no placeholder and no doubtful exhibit."""
    from litigator import pipeline

    for folder in sorted(p for p in EXAMPLES.iterdir() if (p / "case.yaml").is_file()):
        run = pipeline.analyse(folder)
        assert not [c for c in run.warning_codes if c in ("EXHIBIT_EMPTY", "EXHIBIT_TYPE_MISMATCH", "EXHIBIT_SYMLINK")]
