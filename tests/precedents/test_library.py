"""The shipped library and `litigator precedents check`: schema, sources, manifest, one-line errors."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from precedent_factories import award, precedent, write
from ruamel.yaml import YAML
from support import ROOT, run_cli

from litigator.precedents import check, load, shipped_library
from litigator.precedents.library import PrecedentError

LIBRARY = ROOT / "precedents"


def case_files() -> list[Path]:
    return sorted(p for p in LIBRARY.rglob("*.yaml") if p.name != "population.yaml")


def test_shipped_library_passes_check():
    count, problems = check([shipped_library()])
    assert not problems, [p.line() for p in problems]
    assert count == len(list(LIBRARY.rglob("*.yaml")))


def test_shipped_library_has_both_forums_and_enough_cases_to_calibrate():
    lib = load()
    cn, us = lib.precedents("cn"), lib.precedents("us")
    assert len(cn) >= 50 and len(us) >= 50
    for forum, plaintiff in (("cn", "platform"), ("cn", "brand_owner")):
        usable = [p for p in lib.precedents(forum) if p.plaintiff_type == plaintiff and p.calibratable]
        assert len(usable) >= 5, (forum, plaintiff)


def test_no_case_lacks_a_source_or_a_confidence():
    yaml = YAML(typ="safe", pure=True)
    for path in case_files():
        data = yaml.load(path.read_text(encoding="utf-8"))
        assert data.get("source"), f"{path} has no source"
        for source in data["source"]:
            assert source.get("title") and (source.get("url") or source.get("citation")), path
        assert data.get("confidence") in ("high", "medium", "low"), path


def _manifest() -> list[tuple[str, str, str, str]]:
    rows = []
    for line in (LIBRARY / "SOURCES.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0].endswith(".json"):
            rows.append(tuple(cells))
    return rows


def test_every_manifest_record_has_a_library_file_or_a_stated_reason():
    rows = _manifest()
    assert len(rows) > 150
    for file, record, citation, outcome in rows:
        assert record and citation, (file, record)
        if outcome.startswith(("left out:", "population figure:")):
            assert len(outcome.split(":", 1)[1].strip()) > 5, (record, outcome)
            if outcome.startswith("population figure:"):
                assert (LIBRARY / outcome.split(":", 1)[1].strip().removeprefix("precedents/")).is_file(), outcome
        else:
            assert (LIBRARY / outcome).is_file(), f"{record}: {outcome} does not exist"


def test_every_library_file_is_in_the_manifest_and_names_its_records():
    named = {outcome for *_, outcome in _manifest()}
    records = {f"{file}#{record}" for file, record, _, _ in _manifest()}
    yaml = YAML(typ="safe", pure=True)
    for path in case_files():
        rel = path.relative_to(LIBRARY).as_posix()
        assert rel in named, f"{rel} is not in SOURCES.md"
        data = yaml.load(path.read_text(encoding="utf-8"))
        for ref in data.get("source_records", []):
            assert ref in records, f"{rel}: source record {ref} is not in SOURCES.md"


def test_population_figures_carry_their_sources():
    lib = load()
    cn = lib.populations["cn"]
    assert cn.over_claim_figure == "CN-S02"
    assert round(cn.over_claim_factor, 2) == Decimal("4.17")  # 186,300 ÷ 44,700
    assert all(f.source.title for f in cn.figures)


@pytest.mark.parametrize(("record", "message"), [
    ({"source": None}, "source: required key is missing"),
    ({"awarded": award("-5")}, "awarded.amount: must not be negative"),
    ({"date": "2017-02-30"}, "impossible date"),
    ({"awarded": {"amount": 1.5, "currency": "CNY"}}, "quote amounts"),
    ({"awarded": award("2000000")}, "awarded is above claimed: say why in awarded.note"),
    ({"claimed": {"amount": "10", "currency": "USD"}}, "claimed.currency is USD"),
])
def test_check_names_the_file_and_key_of_a_bad_record(tmp_path, record, message):
    data = precedent("bad-case", **{k: v for k, v in record.items() if v is not None})
    for key, value in record.items():
        if value is None:
            data.pop(key)
    folder = write(tmp_path / "lib", data, population=None)
    if "date" in record:  # YAML would quote a string date; write the impossible date bare
        path = folder / "cn" / "bad-case.yaml"
        path.write_text(path.read_text().replace("'2017-02-30'", "2017-02-30"))
    _, problems = check([folder])
    assert len(problems) == 1
    line = problems[0].line()
    assert line.startswith(str(folder / "cn" / "bad-case.yaml") + ":"), line
    assert message in line, line
    assert "\n" not in line


def test_check_finds_duplicate_ids_across_folders(tmp_path):
    first = write(tmp_path / "one", precedent("same-id"), population=None)
    second = write(tmp_path / "two", precedent("same-id"), population=None)
    _, problems = check([first, second])
    assert [p.what for p in problems] == [f"duplicate id 'same-id' (also {first / 'cn' / 'same-id.yaml'})"]


def test_check_requires_the_file_name_to_be_the_id(tmp_path):
    folder = write(tmp_path / "lib", precedent("right-id"), population=None)
    (folder / "cn" / "right-id.yaml").rename(folder / "cn" / "wrong-name.yaml")
    _, problems = check([folder])
    assert "the file name must be the id (right-id.yaml)" in problems[0].line()


def test_cli_check_exit_codes(tmp_path):
    good = run_cli("precedents", "check")
    assert good.code == 0, good.err
    assert "no problems" in good.out
    bad = write(tmp_path / "lib", precedent("neg", awarded=award("-1")), population=None)
    result = run_cli("precedents", "check", bad)
    assert result.code == 2
    assert result.err.startswith("error: ") and "neg.yaml" in result.err and "Traceback" not in result.err


def test_a_bad_firm_folder_stops_damages_with_one_line(tmp_path):
    bad = write(tmp_path / "lib", precedent("neg", awarded=award("-1")), population=None)
    result = run_cli("damages", ROOT / "examples" / "platform-v-seller", "--precedents", bad)
    assert result.code == 2
    assert re.fullmatch(r"error: .*neg\.yaml:\d+: awarded\.amount: must not be negative \(-1\)\n", result.err)


def test_a_firm_folder_adds_its_cases(tmp_path):
    firm = write(tmp_path / "firm", precedent("firm-own-case-2025", date="2025-06-01"), population=None)
    lib = load([firm])
    assert "firm-own-case-2025" in lib.entries and len(lib) == len(load()) + 1
    with pytest.raises(PrecedentError, match="no precedent 'nope'"):
        lib.get("nope")
