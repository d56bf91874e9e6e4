"""Proposals never conflict with what `litigator init` wrote as a placeholder, and `facts --accept`
refuses a facts.yaml whose recorded evidence hashes no longer match the evidence."""

from __future__ import annotations

import pytest

from litigator.errors import CaseFileError
from litigator.facts import accept, propose, write_proposals
from litigator.scaffold import init_case

EVIDENCE = ("公证书\n（2024）浙杭钱证内字第2211号\n"
            "2024年3月5日，在淘宝网店铺名称为“青蔓数码小铺”的网店购买移动电源一个，订单号3871120495512763041，"
            "实付款人民币129.00元。\n该店铺经营者为孔某某，公民身份号码330106198803150019。\n")


@pytest.fixture
def started(tmp_path):
    """A case folder as `litigator init` leaves it, with one evidence file."""
    case = tmp_path / "case"
    init_case(case)
    (case / "evidence").mkdir(exist_ok=True)
    (case / "evidence" / "notary.txt").write_text(EVIDENCE, encoding="utf-8")
    return case


def test_a_placeholder_written_by_init_is_never_a_conflict(started):
    got = propose(started).by_key()
    assert got["shop_name"].value == "青蔓数码小铺"
    assert got["defendant_name"].value == "孔某某"
    assert [p.key for p in got.values() if p.conflict] == []


def test_accept_refuses_facts_yaml_after_an_evidence_file_changed(started):
    write_proposals(started)
    (started / "evidence" / "notary.txt").write_text(EVIDENCE.replace("129.00", "139.00"), encoding="utf-8")
    before = (started / "case.yaml").read_bytes()
    with pytest.raises(CaseFileError, match=r"evidence/notary.txt has changed.*--propose --force"):
        accept(started)
    assert (started / "case.yaml").read_bytes() == before


def test_accept_refuses_facts_yaml_after_an_evidence_file_was_added(started):
    write_proposals(started)
    (started / "evidence" / "later.txt").write_text("补充证据\n", encoding="utf-8")
    with pytest.raises(CaseFileError, match=r"evidence/later.txt is new"):
        accept(started)


def test_accept_cli_on_a_stale_facts_yaml_is_one_line_and_exit_2(started):
    from support import run_cli

    write_proposals(started)
    (started / "evidence" / "notary.txt").write_text(EVIDENCE + "附件\n", encoding="utf-8")
    result = run_cli("facts", started, "--accept")
    assert result.code == 2
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    assert f"litigator facts {started} --propose --force" in lines[0]
