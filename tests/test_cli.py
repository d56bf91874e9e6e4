"""The CLI boundary: one `error:` line, exit 2, no traceback, no output file; help with examples."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest
from support import ROOT, edit_case, run_cli


def _assert_clean_failure(case: Path, result, *needles: str) -> None:
    assert result.code == 2, (result.code, result.err)
    errors = [line for line in result.err.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.err
    assert "Traceback" not in result.err
    for needle in needles:
        assert needle in errors[0], errors[0]
    assert not (case / "out").exists(), "no output may be written on bad input"


def _orders(case: Path) -> Path:
    return case / "sales" / "orders.csv"


BREAKS = {
    "unknown key": (lambda c: edit_case(c, "    ethnicity: 汉族", "    ethnicty: 汉族"),
                    ("case.yaml:", "defendants[0].ethnicty", "unknown key")),
    "yaml syntax": (lambda c: edit_case(c, "court: 上海市奉贤区人民法院", "court: [上海市奉贤区人民法院"),
                    ("case.yaml:line", "YAML syntax error")),
    "empty case.yaml": (lambda c: (c / "case.yaml").write_text("", encoding="utf-8"), ("case.yaml", "empty")),
    "yaml float amount": (lambda c: edit_case(c, 'amount: "3000.00"', "amount: 3000.50"),
                          ("expenses[0].amount", "quote amounts")),
    "negative expense": (lambda c: edit_case(c, 'amount: "3000.00"', 'amount: "-3000.00"'),
                         ("expenses[0]", "negative")),
    "failed id checksum": (lambda c: edit_case(c, '"310120198806141233"', '"310120198806141234"'),
                           ("defendants[0]", "checksum")),
    "missing sales file": (lambda c: _orders(c).unlink(), ("orders.csv",)),
    "header-only csv": (lambda c: _orders(c).write_text(
        _orders(c).read_text(encoding="utf-8-sig").splitlines()[0] + "\n", encoding="utf-8"), ("orders.csv",)),
    "csv without needed columns": (lambda c: _orders(c).write_text(
        "编号,名称\n1,猫粮\n", encoding="utf-8"), ("orders.csv",)),
    "binary file named .csv": (lambda c: _orders(c).write_bytes(bytes(range(256)) * 64), ("orders.csv",)),
}


@pytest.mark.parametrize("name", list(BREAKS))
def test_bad_input_fails_cleanly(name, case_copy):
    case = case_copy()
    breaker, needles = BREAKS[name]
    breaker(case)
    result = run_cli("draft", case)
    _assert_clean_failure(case, result, *needles)


def test_debug_shows_traceback(case_copy):
    case = case_copy()
    (case / "case.yaml").write_text("", encoding="utf-8")
    result = run_cli("--debug", "draft", case)
    assert result.code == 2 and "Traceback" in result.err


def test_no_overwrite_without_force(case_copy, tmp_path):
    case = case_copy()
    out = tmp_path / "drafts"
    out.mkdir()
    (out / "complaint.docx").write_bytes(b"the user's own file")
    result = run_cli("draft", case, "-o", out)
    assert result.code == 2 and "--force" in result.err
    assert (out / "complaint.docx").read_bytes() == b"the user's own file"
    assert not (out / "evidence-list.docx").exists()
    assert run_cli("draft", case, "-o", out, "--force").code == 0
    assert (out / "complaint.docx").read_bytes() != b"the user's own file"


def test_unknown_scenario(case_copy):
    case = case_copy()
    result = run_cli("damages", case, "--scenario", "nope")
    assert result.code == 2 and "no scenario 'nope'" in result.err


def test_init_then_schema(tmp_path):
    assert run_cli("init", tmp_path / "c").code == 0
    again = run_cli("init", tmp_path / "c")
    assert again.code == 2 and "--force" in again.err
    schema = run_cli("schema")
    assert schema.code == 0 and json.loads(schema.out)["title"] == "Case"


def _commands() -> list[list[str]]:
    from typer.main import get_command

    from litigator.cli import app

    root = get_command(app)
    return [[name] for name in root.commands]


@pytest.mark.parametrize("command", _commands())
def test_every_command_has_help_with_example(command):
    result = run_cli(*command, "--help")
    assert result.code == 0
    assert "Example: litigator " in result.out, result.out


def test_root_help_has_example():
    result = run_cli("--help")
    assert result.code == 0 and "Example: litigator" in result.out


def test_library_never_imports_typer_or_rich():
    offenders = []
    for path in (ROOT / "litigator").rglob("*.py"):
        if path.name in ("cli.py", "__main__.py"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for n in names:
                if n.split(".")[0] in ("typer", "rich", "click"):
                    offenders.append(f"{path.relative_to(ROOT)}: {n}")
    assert not offenders, offenders


def test_help_is_fast_to_import():
    """`litigator --help` must not import the heavy stages (spaCy, DuckDB, python-docx)."""
    import subprocess
    import sys

    code = ("import sys; from litigator import cli; "
            "print([m for m in ('spacy', 'duckdb', 'docx', 'pyarrow') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip() == "[]", out.stdout + out.stderr


def test_several_errors_print_one_line_each_without_debug(case_copy):
    case = case_copy()
    edit_case(case, "    ethnicity: 汉族", "    ethnicty: 汉族")
    edit_case(case, 'amount: "3000.00"', "amount: 3000.5")
    plain = run_cli("damages", case)
    assert plain.code == 2
    lines = plain.err.strip().splitlines()
    assert len(lines) == 2 and all(line.startswith("error: ") for line in lines), plain.err
    assert "defendants[0].ethnicty: unknown key 'ethnicty': did you mean 'ethnicity'?" in lines[0]
    assert "expenses[0].amount: quote amounts" in lines[1]


@pytest.mark.parametrize("replacement", ["evidence/04-warning-leter.txt", "../../../etc/passwd"])
def test_every_evidence_path_must_be_an_exhibit(case_copy, replacement):
    case = case_copy("brand-v-seller")
    edit_case(case, "exhibit: evidence/04-warning-letter.txt", f"exhibit: {replacement}")
    result = run_cli("draft", case)
    _assert_clean_failure(case, result, "conduct.knowledge[0].exhibit", "not a file in evidence/")


def test_symlinks_in_evidence_are_not_exhibits(case_copy, tmp_path):
    from litigator.evidence import collect_exhibits

    case = case_copy()
    outside = tmp_path / "secret.txt"
    outside.write_text("not evidence", encoding="utf-8")
    (case / "evidence" / "99-link.txt").symlink_to(outside)
    assert all("99-link" not in e.path for e in collect_exhibits(case))


def test_draft_option_errors(tmp_path):
    from support import EXAMPLES

    case = EXAMPLES / "platform-v-seller"
    not_docx = tmp_path / "letterhead.docx"
    not_docx.write_text("plain text", encoding="utf-8")
    a_file = tmp_path / "a-file"
    a_file.write_text("x", encoding="utf-8")
    for args, needle in [
        (["--reference-doc", not_docx], "not a Word .docx file"),
        (["--templates", tmp_path / "nowhere"], "templates folder not found"),
        (["-o", a_file], "not a folder"),
    ]:
        out = ["-o", tmp_path / "out"] if "-o" not in args else []
        result = run_cli("draft", case, *out, *args)
        assert result.code == 2 and needle in result.err and "Traceback" not in result.err, result.err
    assert not (tmp_path / "out").exists()


def test_stale_pdf_is_warned_about(case_copy, tmp_path):
    case = case_copy()
    out = tmp_path / "out"
    out.mkdir()
    (out / "complaint.pdf").write_bytes(b"%PDF-1.4 old")
    result = run_cli("draft", case, "-o", out, "--force")
    assert result.code == 0 and "complaint.pdf is from an earlier draft" in result.err
