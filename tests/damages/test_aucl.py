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
    assert "LAW_STRADDLE" not in r.warning_codes


def test_units_times_unit_profit():
    r = run({"conduct": "confusion", "method": "actual_loss", "units": 100, "evidence": "e/u.txt"})
    assert r.head("unfair_competition_damages").amount == D("5000.00")


def test_conduct_after_2025_10_15_cites_article_22_without_any_input():
    r = run({"conduct": "false_advertising", "method": "actual_loss", "amount": "1000", "evidence": "e"},
            start="2025-10-15", end="2025-12-31")
    # the 2025 text is the one in force on the filing date (2026-12-01): cited without a version label
    assert r.head("unfair_competition_damages").basis == "《中华人民共和国反不正当竞争法》第二十二条第三款"
    assert r.head("reasonable_expenses").basis == "《中华人民共和国反不正当竞争法》第二十二条第三款"
    # false advertising: Art. 9 of the 2025 text (aucl-2025.md §1); liability: Art. 22 ¶1
    assert r.liability_basis == ["《中华人民共和国反不正当竞争法》第九条",
                                 "《中华人民共和国反不正当竞争法》第二十二条第一款"]
    assert not any(c.startswith("AUCL_2025") for c in r.warning_codes)


def test_the_2025_input_options_are_gone():
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="article_2025"):
        run({"conduct": "confusion", "method": "actual_loss", "amount": "1", "article_2025": "第二十二条"})


def test_2025_trade_secret_is_article_10_and_other_conduct_needs_its_article():
    r = run({"conduct": "trade_secret", "method": "actual_loss", "amount": "1000", "evidence": "e"},
            start="2025-11-01", end="2025-12-31")
    assert r.liability_basis[0] == "《中华人民共和国反不正当竞争法》第十条"
    with pytest.raises(DamagesError) as e:
        run({"conduct": "other", "method": "actual_loss", "amount": "1000", "evidence": "e"},
            start="2025-11-01", end="2025-12-31")
    assert e.value.where.endswith("conduct_article") and "2025年修订" in e.value.what
    r = run({"conduct": "other", "method": "actual_loss", "amount": "1000", "evidence": "e", "conduct_article": 2},
            start="2025-11-01", end="2025-12-31")
    assert r.liability_basis[0] == "《中华人民共和国反不正当竞争法》第二条"


def test_conduct_straddling_the_2025_revision_follows_the_straddle_option():
    uc = {"conduct": "confusion", "method": "actual_loss", "amount": "1000", "evidence": "e"}
    r = run(uc, start="2025-06-01", end="2025-11-30")
    assert r.head("unfair_competition_damages").basis == "《中华人民共和国反不正当竞争法》第二十二条第三款"
    assert r.liability_basis[0] == "《中华人民共和国反不正当竞争法》第七条"
    assert "LAW_STRADDLE" in r.warning_codes
    w = next(t for t in r.warnings if t.startswith("LAW_STRADDLE"))
    assert "2025-10-15" in w and "new_law" in w and "old_law" in w
    r = run(uc, start="2025-06-01", end="2025-11-30", law={"straddle": "old_law"})
    assert r.head("unfair_competition_damages").basis == \
        "《中华人民共和国反不正当竞争法》（2019年修正）第十七条第三款"


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


def test_statutory_for_other_conduct_after_revision_is_an_error():
    # 2025 Art. 22 ¶4 keeps statutory damages to Arts. 7 (confusion) and 10 (trade secrets)
    with pytest.raises(DamagesError, match="第二十二条第四款"):
        run({"conduct": "false_advertising", "method": "statutory", "statutory_amount": "100000",
             "not_determinable": {"actual_loss": "a", "infringer_gain": "b"}}, start="2025-11-01", end="2025-12-31")


def test_unknown_conduct_dates_apply_the_text_in_force_at_filing():
    c = scenario_case(BRAND, {"unfair_competition": {"conduct": "confusion", "method": "actual_loss",
                                                     "amount": "1", "evidence": "e"}}, **UC, conduct=None)
    r = compute(c, None, "test").scenario("s")
    assert "LAW_CONDUCT_DATES" in r.warning_codes
    assert r.head("unfair_competition_damages").basis == "《中华人民共和国反不正当竞争法》第二十二条第三款"
