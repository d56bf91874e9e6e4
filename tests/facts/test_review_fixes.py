"""Accept never writes an invalid case.yaml, keeps every backup; facts.yaml is validated; one
extraction per --propose; pypdf prints nothing."""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys

import pytest
from ruamel.yaml import YAML

from litigator.errors import CaseFileError, DataFileError
from litigator.facts import accept, propose, unresolved_conflicts, write_proposals

from .conftest import EXAMPLE

needs_example = pytest.mark.skipif(not (EXAMPLE / "case.yaml").is_file(), reason="example not present")


@pytest.fixture
def case(tmp_path):
    if not (EXAMPLE / "case.yaml").is_file():
        pytest.skip("example not present")
    out = tmp_path / "case"
    shutil.copytree(EXAMPLE, out, ignore=shutil.ignore_patterns("out", "facts.yaml", "*.bak"))
    return out


def edit_facts(case_dir, key, **values):
    yaml = YAML()
    path = case_dir / "facts.yaml"
    data = yaml.load(path.read_text(encoding="utf-8"))
    for k, v in values.items():
        data["proposals"][key][k] = v
    with path.open("w", encoding="utf-8") as fh:
        yaml.dump(data, fh)


def backups(case_dir):
    return sorted(p.name for p in case_dir.iterdir() if p.name.endswith(".bak"))


# 1. accept validates the new case.yaml with the real model before writing anything


def test_accept_refuses_an_id_number_that_fails_its_checksum(case):
    write_proposals(case)
    edit_facts(case, "defendant_id_number", value="310120198806141234", accept=True)
    before = (case / "case.yaml").read_bytes()
    with pytest.raises(CaseFileError) as info:
        accept(case, None)
    err = info.value
    assert err.path == str(case / "case.yaml")
    assert "defendant_id_number" in err.what and "checksum" in err.what
    assert "defendants[0].id_number" in (err.where or "")
    assert (case / "case.yaml").read_bytes() == before  # nothing written
    assert backups(case) == []  # no backup either


def test_accept_refuses_a_named_key_too(case):
    write_proposals(case)
    edit_facts(case, "purchase_amount", value="about 129 yuan")
    before = (case / "case.yaml").read_bytes()
    with pytest.raises(CaseFileError, match="purchase_amount"):
        accept(case, ["purchase_amount"])
    assert (case / "case.yaml").read_bytes() == before and backups(case) == []


def test_accept_cli_exits_2_and_writes_nothing(case):
    from support import run_cli

    write_proposals(case)
    edit_facts(case, "defendant_id_number", value="310120198806141234", accept=True)
    before = (case / "case.yaml").read_bytes()
    result = run_cli("facts", case, "--accept")
    assert result.code == 2, result.err
    assert "Traceback" not in result.err and "checksum" in result.err
    assert (case / "case.yaml").read_bytes() == before and backups(case) == []


def test_accept_still_fills_a_case_yaml_that_was_incomplete_before(case):
    """Problems case.yaml already had (not caused by the accept) do not block it."""
    yaml = YAML()
    path = case / "case.yaml"
    data = yaml.load(path.read_text(encoding="utf-8"))
    del data["defendants"][0]["shops"][0]["name"]
    del data["cause"]  # required, and no proposal fills it
    with path.open("w", encoding="utf-8") as fh:
        yaml.dump(data, fh)
    result = accept(case, None)
    assert result.applied == ["shop_name"]
    assert yaml.load(path.read_text(encoding="utf-8"))["defendants"][0]["shops"][0]["name"] == "萌宠优选小店"


# 2. numbered backups: a second accept never destroys the first backup


def set_case(case_dir, shop):
    yaml = YAML()
    path = case_dir / "case.yaml"
    data = yaml.load(path.read_text(encoding="utf-8"))
    data["defendants"][0]["shops"][0]["name"] = shop
    with path.open("w", encoding="utf-8") as fh:
        yaml.dump(data, fh)
    return path.read_bytes()


def test_every_accept_keeps_its_own_backup(case):
    first = set_case(case, "别的店")
    r1 = accept(case, ["shop_name"])
    assert r1.backup == str(case / "case.yaml.bak")
    second = set_case(case, "第三家店")
    r2 = accept(case, ["shop_name"])
    assert r2.backup == str(case / "case.yaml.1.bak")
    third = set_case(case, "第四家店")
    r3 = accept(case, ["shop_name"])
    assert r3.backup == str(case / "case.yaml.2.bak")
    assert (case / "case.yaml.bak").read_bytes() == first  # the original survives
    assert (case / "case.yaml.1.bak").read_bytes() == second
    assert (case / "case.yaml.2.bak").read_bytes() == third
    nothing = accept(case, ["shop_name"])  # already so: no write, no backup
    assert nothing.backup is None and backups(case) == ["case.yaml.1.bak", "case.yaml.2.bak", "case.yaml.bak"]


# 3. a hand-edited facts.yaml of the wrong shape is a CaseFileError with file and line


def write_raw_facts(case_dir, text):
    (case_dir / "facts.yaml").write_text(text, encoding="utf-8")


GOOD_ITEM = ("    field: defendants[0].name\n    value: 韩某某\n    source: evidence/x.txt:3\n"
             "    start: 1\n    end: 4\n    text: 韩某某\n    conflict: false\n    accept: true\n")

MALFORMED = {
    "list_of_numbers": ("proposals: [1]\n", "1", "proposals"),
    "scalar_item": ("# comment\nproposals:\n  defendant_name: x\n", "3", "proposals.defendant_name"),
    "missing_value": ("proposals:\n  shop_name:\n    field: defendants[0].shops[0].name\n    accept: true\n",
                      "2", "proposals.shop_name.value"),
    "unknown_item_key": ("proposals:\n  defendant_name:\n" + GOOD_ITEM + "    valeu: 李某\n",
                         "11", "proposals.defendant_name.valeu"),
    "unknown_top_key": ("proposals: {}\nproposal: {}\n", "2", "proposal"),
    "bad_accept": ("proposals:\n  defendant_name:\n    value: 韩某某\n    accept: [1]\n",
                   "4", "proposals.defendant_name.accept"),
    "bad_start": ("proposals:\n  defendant_name:\n    value: 韩某某\n    start: abc\n",
                  "4", "proposals.defendant_name.start"),
    "unknown_proposal_key": ("proposals:\n  plaintiff_alias:\n    value: 李某\n", "2", "proposals.plaintiff_alias"),
    "other_field": ("proposals:\n  defendant_name:\n    field: plaintiffs[0].name\n    value: 李某\n",
                    "3", "proposals.defendant_name.field"),
    "bad_date": ("proposals:\n  purchase_date:\n    value: 2024-13-45x\n", "3", "proposals.purchase_date.value"),
    "files_not_list": ("proposals: {}\nfiles: x\n", "2", "files"),
    "top_level_list": ("- a\n- b\n", "1", ""),
}


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_malformed_facts_yaml_is_a_user_error(case, name):
    text, line, key = MALFORMED[name]
    write_raw_facts(case, text)
    before = (case / "case.yaml").read_bytes()
    for call in (lambda: unresolved_conflicts(case), lambda: accept(case, None),
                 lambda: accept(case, ["defendant_name"])):
        with pytest.raises(CaseFileError) as info:
            call()
        err = info.value
        assert err.path == str(case / "facts.yaml"), err.line()
        assert err.where is not None and err.where.split(":")[0].removeprefix("line ") == line, err.line()
        if key:
            assert err.where.endswith(key), err.line()
    assert (case / "case.yaml").read_bytes() == before and backups(case) == []


def test_hand_edited_scalar_values_are_read_as_text(case):
    write_raw_facts(case, "proposals:\n  order_number:\n    field: test_purchases[0].order_number\n"
                          "    value: 3871120495512763041\n  purchase_date:\n    value: 2024-11-12\n")
    assert unresolved_conflicts(case) == []
    assert accept(case, None).applied == []


def test_accept_cli_reports_a_malformed_facts_yaml(case):
    from support import run_cli

    write_raw_facts(case, "proposals: [1]\n")
    result = run_cli("facts", case, "--accept")
    assert result.code == 2 and "Traceback" not in result.err
    assert "facts.yaml:1: proposals" in result.err


# 4. write_proposals extracts once and returns what it wrote


def test_write_proposals_returns_path_and_proposals_from_one_extraction(case, monkeypatch):
    from litigator.facts import extract as extract_module

    calls = []
    real = extract_module.extract_paths

    def counting(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(extract_module, "extract_paths", counting)
    written = write_proposals(case)
    path, proposals = written
    assert written.path == path == case / "facts.yaml" and written.proposals is proposals
    assert len(calls) == 1
    monkeypatch.setattr(extract_module, "extract_paths", real)
    assert proposals == propose(case)


# 5. pypdf's own warnings are not printed; the reader's error says it all


def broken_pdf(path):
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ngarbage\n")
    return path


def test_broken_pdf_prints_nothing_but_raises(tmp_path):
    pdf = broken_pdf(tmp_path / "broken.pdf")
    code = ("import sys\nfrom litigator.errors import DataFileError\nfrom litigator.facts import read_text\n"
            "try:\n    read_text(sys.argv[1])\nexcept DataFileError as e:\n    print(e)\nelse:\n    sys.exit(3)\n")
    proc = subprocess.run([sys.executable, "-c", code, str(pdf)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "not a readable PDF" in proc.stdout
    assert proc.stderr == ""


def test_broken_pdf_logs_nothing_and_leaves_logging_as_it_was(tmp_path, caplog):
    pdf = broken_pdf(tmp_path / "broken.pdf")
    logger = logging.getLogger("pypdf")
    level, disabled = logger.level, logger.disabled
    with caplog.at_level(logging.DEBUG):
        with pytest.raises(DataFileError, match="not a readable PDF"):
            from litigator.facts import read_text

            read_text(pdf)
    assert [r for r in caplog.records if r.name.startswith("pypdf")] == []
    assert (logger.level, logger.disabled) == (level, disabled)


@pytest.mark.parametrize("replacement", ["defendants: [韩某某]", "defendants: 韩某某"])
def test_accept_never_overwrites_a_key_of_another_shape(case, replacement):
    path = case / "case.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("defendants:\n")
    end = text.index("\nproducts:")
    path.write_text(text[:start] + replacement + "\n" + text[end:], encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(CaseFileError, match="cannot set defendants"):
        accept(case, ["defendant_name"])
    assert path.read_bytes() == before and backups(case) == []
