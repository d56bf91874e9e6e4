"""Unfair competition (AUCL 2019 Art. 17; 2025 revision for conduct from 2025-10-15)."""

from decimal import Decimal as D

import pytest
from damages_factories import BRAND, scenario_case

from litigator.damages import compute
from litigator.errors import DamagesError

UC = dict(cause="不正当竞争纠纷", claims=["unfair_competition", "reasonable_expenses"], marks=[])


def run(uc: dict, start="2024-01-01", end="2024-12-31", **overrides):
    conduct = {"start": start, "end": end, "knowledge": [{"fact": "x"}]}
    c = scenario_case(BRAND, {"unfair_competition": uc}, **{**UC, "conduct": conduct, **overrides})
    return compute(c, None, "test").scenario("s")


def test_actual_loss_2019_text_plus_expenses():
    r = run({"conduct": "confusion", "method": "actual_loss", "amount": "80000", "evidence": "e/loss.pdf"})
    h = r.head("unfair_competition_damages")
    assert h.amount == D("80000.00") and "第十七条第三款" in h.basis and "2019" in h.basis
    assert r.head("reasonable_expenses").basis == "《中华人民共和国反不正当竞争法》（2019年修正）第十七条第三款"
    assert r.total == D("90000.00")
    assert r.liability_basis == ["《中华人民共和国反不正当竞争法》（2019年修正）第六条",
                                 "《中华人民共和国反不正当竞争法》（2019年修正）第十七条第一款"]
    assert "AUCL_2025_UNVERIFIED" not in r.warning_codes


def test_units_times_unit_profit():
    r = run({"conduct": "confusion", "method": "actual_loss", "units": 100, "evidence": "e/u.txt"})
    assert r.head("unfair_competition_damages").amount == D("5000.00")


def test_conduct_after_2025_10_15_without_article_option_is_an_error():
    with pytest.raises(DamagesError) as e:
        run({"conduct": "false_advertising", "method": "actual_loss", "amount": "1000", "evidence": "e"},
            start="2025-10-15", end="2025-12-31")
    assert e.value.where == "scenarios.s.unfair_competition.article_2025"
    assert "official text" in e.value.what and "article_2025" in e.value.what


def test_conduct_after_2025_10_15_cites_the_article_as_given_and_keeps_the_warning():
    r = run({"conduct": "false_advertising", "method": "actual_loss", "amount": "1000", "evidence": "e",
             "article_2025": "第二十二条"}, start="2025-10-15", end="2025-12-31")
    h = r.head("unfair_competition_damages")
    assert h.basis == "《中华人民共和国反不正当竞争法》（2025年修订）第二十二条"
    assert "未经核实" not in h.basis and "第十七条" not in h.basis
    assert r.head("reasonable_expenses").basis == "《中华人民共和国反不正当竞争法》（2025年修订）第二十二条"
    assert "AUCL_2025_UNVERIFIED" in r.warning_codes
    w = next(t for t in r.warnings if t.startswith("AUCL_2025_UNVERIFIED"))
    assert "第二十二条" in w and "not verify" in w
    # false advertising: Art. 9 of the 2025 text (aucl-2025.md §1)
    assert r.liability_basis == ["《中华人民共和国反不正当竞争法》（2025年修订）第九条"]


def test_article_2025_must_be_written_as_an_article():
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="第二十二条"):
        run({"conduct": "confusion", "method": "actual_loss", "amount": "1", "article_2025": "Art. 22"})


def test_2025_trade_secret_needs_its_conduct_article():
    with pytest.raises(DamagesError) as e:
        run({"conduct": "trade_secret", "method": "actual_loss", "amount": "1000", "evidence": "e",
             "article_2025": "第二十二条"}, start="2025-11-01", end="2025-12-31")
    assert e.value.where.endswith("conduct_article_2025")
    r = run({"conduct": "trade_secret", "method": "actual_loss", "amount": "1000", "evidence": "e",
             "article_2025": "第二十二条", "conduct_article_2025": "第十条"}, start="2025-11-01", end="2025-12-31")
    assert r.liability_basis == ["《中华人民共和国反不正当竞争法》（2025年修订）第十条"]


def test_article_2025_set_for_2019_conduct_warns_and_is_not_cited():
    r = run({"conduct": "confusion", "method": "actual_loss", "amount": "1000", "evidence": "e",
             "article_2025": "第二十二条"})
    assert "AUCL_2025_NOT_APPLIED" in r.warning_codes
    assert all("2025" not in p for p in r.legal_basis)


def test_conduct_straddling_the_revision_cites_both():
    r = run({"conduct": "confusion", "method": "actual_loss", "amount": "1000", "evidence": "e",
             "article_2025": "第二十二条"}, start="2025-06-01", end="2025-11-30")
    h = r.head("unfair_competition_damages")
    assert h.basis == ("《中华人民共和国反不正当竞争法》（2019年修正）第十七条第三款；"
                       "《中华人民共和国反不正当竞争法》（2025年修订）第二十二条")
    assert r.liability_basis == ["《中华人民共和国反不正当竞争法》（2019年修正）第六条",
                                 "《中华人民共和国反不正当竞争法》（2019年修正）第十七条第一款",
                                 "《中华人民共和国反不正当竞争法》（2025年修订）第七条"]


def test_infringer_gain_order_warning():
    r = run({"conduct": "confusion", "method": "infringer_gain", "amount": "1000", "evidence": "e"})
    assert "AUCL_METHOD_ORDER" in r.warning_codes
    r = run({"conduct": "confusion", "method": "infringer_gain", "amount": "1000", "evidence": "e",
             "not_determinable": {"actual_loss": "x"}})
    assert "AUCL_METHOD_ORDER" not in r.warning_codes


def test_punitive_only_for_trade_secrets():
    with pytest.raises(DamagesError) as e:
        run({"conduct": "confusion", "method": "actual_loss", "amount": "1000", "punitive_multiple": "2"})
    assert "第十七条" in e.value.what
    r = run({"conduct": "trade_secret", "method": "actual_loss", "amount": "1000", "evidence": "e",
             "punitive_multiple": "2"})
    assert r.head("unfair_competition_damages").amount == D("2000.00")


def test_statutory_only_for_confusion_and_trade_secrets_and_capped():
    with pytest.raises(DamagesError):
        run({"conduct": "false_advertising", "method": "statutory", "statutory_amount": "100000"})
    with pytest.raises(DamagesError):
        run({"conduct": "confusion", "method": "statutory", "statutory_amount": "5000000.01"})
    r = run({"conduct": "confusion", "method": "statutory", "statutory_amount": "5000000",
             "not_determinable": {"actual_loss": "a", "infringer_gain": "b"}})
    assert r.head("unfair_competition_damages").amount == D("5000000.00")
    assert "AUCL_STATUTORY_WITH_DATA" not in r.warning_codes


def test_statutory_for_other_conduct_after_revision_is_a_warning_not_an_error():
    r = run({"conduct": "false_advertising", "method": "statutory", "statutory_amount": "100000",
             "not_determinable": {"actual_loss": "a", "infringer_gain": "b"}, "article_2025": "第二十二条"},
            start="2025-11-01", end="2025-12-31")
    assert "AUCL_2025_UNVERIFIED" in r.warning_codes


def test_unknown_conduct_dates_assume_2019():
    c = scenario_case(BRAND, {"unfair_competition": {"conduct": "confusion", "method": "actual_loss",
                                                     "amount": "1", "evidence": "e"}}, **UC, conduct=None)
    r = compute(c, None, "test").scenario("s")
    assert "AUCL_CONDUCT_DATES" in r.warning_codes
