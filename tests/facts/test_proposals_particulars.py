"""Proposals fill what paralegals type most: both parties' names, identifiers, addresses and phones, the shop
and its seller ID, and each expense with its amount and voucher; `--accept` then writes a case.yaml that
validates. The case folder under tests/facts/cases/particulars is fictional (its IDs pass their checksums)."""

from __future__ import annotations

import gc
import shutil
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from litigator.casefile import load_case
from litigator.facts import accept, propose, write_proposals
from litigator.facts.model import Fact
from litigator.facts.proposals import proposals_from_facts
from litigator.scaffold import init_case

CASE = Path(__file__).parent / "cases" / "particulars"

# key -> (value, evidence file it is read from, case.yaml field); written by hand from the evidence
EXPECTED = {
    "plaintiff_name": ("无锡澄川家居用品有限公司", "01-notarial-record.txt", "plaintiffs[0].name"),
    "plaintiff_id_number": ("91320213MA1W8KQ3DH", "01-notarial-record.txt", "plaintiffs[0].credit_code"),
    "plaintiff_address": ("江苏省无锡市梁溪区示例路66号8楼", "01-notarial-record.txt", "plaintiffs[0].address"),
    "plaintiff_phone": ("0510-8271 0000", "01-notarial-record.txt", "plaintiffs[0].phone"),
    "defendant_name": ("许某某", "02-seller-registration.txt", "defendants[0].name"),
    "defendant_id_number": ("320508198809173520", "02-seller-registration.txt", "defendants[0].id_number"),
    "defendant_address": ("江苏省苏州市姑苏区示例巷12号201室", "02-seller-registration.txt", "defendants[0].address"),
    "defendant_phone": ("13912340000", "02-seller-registration.txt", "defendants[0].phone"),
    "shop_name": ("栖木生活馆", "01-notarial-record.txt", "defendants[0].shops[0].name"),
    "seller_id": ("TB20190427", "02-seller-registration.txt", "defendants[0].shops[0].seller_id"),
    "platform": ("淘宝网", "01-notarial-record.txt", "defendants[0].shops[0].platform"),
    "order_number": ("4127250603118845920", "01-notarial-record.txt", "test_purchases[0].order_number"),
    "purchase_date": ("2025-06-03", "01-notarial-record.txt", "test_purchases[0].date"),
    "purchase_amount": ("59.00", "01-notarial-record.txt", "test_purchases[0].amount"),
    "notary_number": ("(2025)苏锡梁证经字第2716号", "01-notarial-record.txt", "test_purchases[0].notary_number"),
    # the invoice's total (价税合计), not its pre-tax line amount ¥28,301.89
    "expense_attorney_fee": ("30000.00", "04-lawyer-invoice.txt", "expenses[kind=attorney_fee].amount"),
    "expense_notarization": ("2000.00", "03-notary-invoice.txt", "expenses[kind=notarization].amount"),
    "expense_test_purchase": ("59.00", "01-notarial-record.txt", "expenses[kind=test_purchase].amount"),
}


@pytest.fixture
def started(tmp_path):
    """The evidence in a case folder as `litigator init` leaves it (every party particular a placeholder)."""
    case = tmp_path / "case"
    init_case(case)
    shutil.copytree(CASE / "evidence", case / "evidence", dirs_exist_ok=True)
    return case


def test_every_party_particular_in_the_evidence_is_proposed_with_its_source_span(started):
    got = propose(started).by_key()
    assert {k: got[k].value for k in EXPECTED if k in got} == {k: v[0] for k, v in EXPECTED.items()}
    for key, (_, file, field) in EXPECTED.items():
        p = got[key]
        text = (started / "evidence" / file).read_text(encoding="utf-8")
        assert Path(p.file).name == file, key
        assert p.field == field, key
        assert text[p.start:p.end] == p.text, key
        assert not p.conflict, key  # init's placeholders are no conflicts


def test_each_expense_names_its_voucher_file(started):
    got = propose(started).by_key()
    assert got["expense_attorney_fee"].exhibit == "evidence/04-lawyer-invoice.txt"
    assert got["expense_notarization"].exhibit == "evidence/03-notary-invoice.txt"
    assert got["expense_test_purchase"].exhibit == "evidence/01-notarial-record.txt"
    assert got["expense_attorney_fee"].currency == "CNY"


def test_accept_writes_a_case_yaml_that_validates_with_every_particular(started):
    write_proposals(started)
    result = accept(started)
    assert result.backup and Path(result.backup).is_file()
    case = load_case(started).case  # validates (checksums, amounts, dates)
    plaintiff, defendant = case.plaintiffs[0], case.defendants[0]
    assert (plaintiff.name, plaintiff.credit_code, plaintiff.address, plaintiff.phone) == (
        "无锡澄川家居用品有限公司", "91320213MA1W8KQ3DH", "江苏省无锡市梁溪区示例路66号8楼", "0510-8271 0000")
    assert (defendant.name, defendant.id_number, defendant.address, defendant.phone) == (
        "许某某", "320508198809173520", "江苏省苏州市姑苏区示例巷12号201室", "13912340000")
    assert defendant.sex == "女"  # derived from the accepted ID number
    shop = defendant.shops[0]
    assert (shop.name, shop.platform, shop.seller_id) == ("栖木生活馆", "淘宝网", "TB20190427")
    expenses = {(e.kind, str(e.amount), e.exhibit) for e in case.expenses}
    assert expenses == {("attorney_fee", "30000.00", "evidence/04-lawyer-invoice.txt"),
                        ("notarization", "2000.00", "evidence/03-notary-invoice.txt"),
                        ("test_purchase", "59.00", "evidence/01-notarial-record.txt")}
    purchase = case.test_purchases[0]
    assert (str(purchase.date), purchase.order_number, str(purchase.amount)) == (
        "2025-06-03", "4127250603118845920", "59.00")


def test_accept_cli_writes_the_particulars_and_exits_0(started):
    from support import run_cli

    assert run_cli("facts", started, "--propose").code == 0
    result = run_cli("facts", started, "--accept")
    assert result.code == 0, result.err
    load_case(started)
    assert "TB20190427" in (started / "case.yaml").read_text(encoding="utf-8")


def test_an_accepted_expense_updates_the_entry_of_its_kind_and_keeps_the_others(started):
    yaml = YAML()
    path = started / "case.yaml"
    data = yaml.load(path.read_text(encoding="utf-8"))
    data["expenses"] = [{"kind": "travel", "amount": "800.00"}, {"kind": "notarization", "amount": "1500.00"}]
    with path.open("w", encoding="utf-8") as fh:
        yaml.dump(data, fh)
    got = propose(started).by_key()
    assert got["expense_notarization"].conflict and got["expense_notarization"].current == "1500.00"
    accept(started, ["expense_notarization", "expense_attorney_fee"])
    expenses = [(e.kind, str(e.amount), e.exhibit) for e in load_case(started).case.expenses]
    assert expenses == [("travel", "800.00", None),
                        ("notarization", "2000.00", "evidence/03-notary-invoice.txt"),
                        ("attorney_fee", "30000.00", "evidence/04-lawyer-invoice.txt")]


def test_a_credit_code_replaces_the_id_number_placeholder_init_wrote(started):
    """A company defendant: its credit code is proposed and init's placeholder resident ID is dropped."""
    (started / "evidence" / "02-seller-registration.txt").write_text(
        "| 项目 | 内容 |\n| 卖家ID | TB20190427 |\n| 经营者名称 | 苏州栖木日用品商行 |\n"
        "| 统一社会信用代码 | 91320000MA1T6PY2RT |\n", encoding="utf-8")
    got = propose(started).by_key()
    assert got["defendant_id_number"].field == "defendants[0].credit_code"
    accept(started)
    defendant = load_case(started).case.defendants[0]
    assert (defendant.credit_code, defendant.id_number) == ("91320000MA1T6PY2RT", None)


def test_an_identifier_that_fails_its_checksum_is_not_proposed(started):
    (started / "evidence" / "02-seller-registration.txt").write_text(
        "| 经营者姓名 | 许某某 |\n| 身份证号码 | 320508198809173521 |\n", encoding="utf-8")
    got = propose(started).by_key()
    assert got["defendant_name"].value == "许某某"
    assert "defendant_id_number" not in got


def _fact(value: str, start: int) -> Fact:
    return Fact(type="NOTARY_NUMBER", value=value, text=value, file="a.txt", start=start, end=start + 2, line=1)


def test_reading_order_is_read_from_the_facts_not_from_a_cache_keyed_by_object_id():
    """Two fact lists that occupy the same memory one after the other (a forked worker, a batch) each get
    their own first notary number: nothing is cached by ``id()``."""
    texts = {"a.txt": "x" * 100}
    ids, firsts = set(), []
    for first, second in (("A1", "B2"), ("C3", "D4")):
        facts = [_fact(first, 0), _fact(second, 50)]
        ids.add(id(facts))
        firsts.append(next(p.value for p in proposals_from_facts(facts, texts) if p.key == "notary_number"))
        del facts
        gc.collect()
    assert firsts == ["A1", "C3"]
    from litigator.facts import proposals

    assert not [n for n, v in vars(proposals).items() if isinstance(v, dict) and n.endswith("CACHE")]
