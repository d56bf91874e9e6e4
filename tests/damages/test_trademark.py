"""Brand owner v. seller (Trademark Law Art. 63). Hand-computed: 1,000 units; right holder's unit
profit 50.00, the seller's 30.00; expenses 10,000.00."""

import datetime as dt
from decimal import Decimal as D

import pytest
from damages_factories import BRAND, line, sales, scenario_case

from litigator.damages import compute
from litigator.errors import DamagesError
from litigator.money import format_amount

S = sales(orders=900, units=1000, customers=800, gross="90000", refunds="0", net="90000",
          first=dt.date(2024, 3, 1), last=dt.date(2025, 12, 31))


def run(tm: dict, s=S, **overrides):
    c = scenario_case(BRAND, {"trademark": tm}, **overrides)
    return compute(c, s, "test").scenario("s")


def test_actual_loss():
    r = run({"method": "actual_loss"})
    h = r.head("trademark_damages")
    assert h.amount == D("50000.00") and h.formula == "1,000 × 50.00 = 50,000.00"
    assert "第六十三条第一款" in h.basis and "第十五条" in h.basis
    assert r.total == D("60000.00")
    assert "METHOD_ORDER" not in r.warning_codes


def test_infringer_profit_and_the_order_warning():
    r = run({"method": "infringer_profit"})
    assert r.head("trademark_damages").amount == D("30000.00")
    assert "METHOD_ORDER" in r.warning_codes
    text = next(w for w in r.warnings if w.startswith("METHOD_ORDER"))
    assert "第六十三条第一款" in text and "第十三条" in text
    r = run({"method": "infringer_profit", "not_determinable": {"actual_loss": "销量减少无法证明"}})
    assert "METHOD_ORDER" not in r.warning_codes


def test_art14_fallback_to_right_holders_unit_profit():
    products = [{"name": "精华液", "skus": ["S1"], "right_holder_unit_profit": "50.00",
                 "profit_evidence": "e/p.txt"}]
    r = run({"method": "infringer_profit", "not_determinable": {"actual_loss": "x"}}, products=products)
    h = r.head("trademark_damages")
    assert h.amount == D("50000.00")
    assert "第十四条" in h.basis
    assert "INFRINGER_PROFIT_FALLBACK" in r.warning_codes
    assert any("fallback" in i.name for i in h.inputs)


def test_licence_fee_multiple():
    r = run({"method": "licence_fee", "licence_multiple": "2",
             "not_determinable": {"actual_loss": "x", "infringer_profit": "y"}},
            licence={"fee": "20000", "exhibit": "e/licence.pdf"})
    assert r.head("trademark_damages").amount == D("40000.00")
    assert r.head("trademark_damages").formula == "20,000.00 × 2 = 40,000.00"
    assert "METHOD_ORDER" not in r.warning_codes


def test_licence_fee_without_licence_is_an_error():
    with pytest.raises(DamagesError):
        run({"method": "licence_fee", "licence_multiple": "2"})


def test_statutory_cap():
    r = run({"method": "statutory", "statutory_amount": "5000000"})
    assert r.head("trademark_damages").amount == D("5000000.00")
    assert "第六十三条第三款" in r.head("trademark_damages").basis
    with pytest.raises(DamagesError) as e:
        run({"method": "statutory", "statutory_amount": "5000000.01"})
    assert e.value.where == "scenarios.s.trademark.statutory_amount"


def test_statutory_when_data_allow_a_computed_method():
    r = run({"method": "statutory", "statutory_amount": "300000"})
    assert {"METHOD_ORDER", "STATUTORY_WITH_DATA", "STATUTORY_EXPENSES"} <= set(r.warning_codes)
    text = next(w for w in r.warnings if w.startswith("STATUTORY_WITH_DATA"))
    assert "actual_loss 50,000.00" in text and "infringer_profit 30,000.00" in text


def test_statutory_all_marked_without_data():
    r = run({"method": "statutory", "statutory_amount": "300000",
             "not_determinable": {"actual_loss": "a", "infringer_profit": "b", "licence_fee": "c"}},
            s=None, products=[{"name": "精华液"}], expenses=[])
    assert "METHOD_ORDER" not in r.warning_codes and "STATUTORY_WITH_DATA" not in r.warning_codes


@pytest.mark.parametrize("multiple,reading,heads,damages,total", [
    # multiplied (the statute's wording): multiple × base + expenses
    ("1", "multiplied", {"trademark_damages": "50000.00"}, "50000.00", "60000.00"),
    ("5", "multiplied", {"trademark_damages": "250000.00"}, "250000.00", "260000.00"),
    # additive: base + multiple × base + expenses
    ("1", "additive", {"trademark_damages": "50000.00", "punitive_damages": "50000.00"}, "100000.00", "110000.00"),
    ("5", "additive", {"trademark_damages": "50000.00", "punitive_damages": "250000.00"}, "300000.00", "310000.00"),
])
def test_punitive_both_readings(multiple, reading, heads, damages, total):
    r = run({"method": "actual_loss", "punitive_multiple": multiple, "punitive_reading": reading})
    for code, amount in heads.items():
        assert r.head(code).amount == D(amount)
    assert r.total == D(total)
    p = r.punitive
    assert p.base == D("50000.00")  # the base excludes the 10,000.00 expenses (Punitive Interp. Art. 5)
    assert p.expenses == D("10000.00")
    assert p.damages == D(damages) and p.total == D(total)
    assert p.reading == reading
    assert "PUNITIVE_READING" in r.warning_codes
    assert "第二条" in r.punitive_statement and "第五条" in r.punitive_statement
    assert f"50,000.00×{multiple}" in r.punitive_statement
    assert f"合计{format_amount(D(total))}元" in r.punitive_statement


def test_punitive_base_excludes_expenses_with_large_expenses():
    r = run({"method": "actual_loss", "punitive_multiple": "2"},
            expenses=[{"kind": "attorney_fee", "amount": "100000", "exhibit": "e/x.pdf"}])
    assert r.head("trademark_damages").amount == D("100000.00")  # 2 × 50,000, not 2 × 150,000
    assert r.total == D("200000.00")


@pytest.mark.parametrize("m", ["0.5", "5.01", "6"])
def test_punitive_multiple_outside_1_to_5_is_an_error(m):
    with pytest.raises(DamagesError) as e:
        run({"method": "actual_loss", "punitive_multiple": m})
    assert e.value.where == "scenarios.s.trademark.punitive_multiple"


def test_punitive_on_statutory_base_is_an_error():
    with pytest.raises(DamagesError) as e:
        run({"method": "statutory", "statutory_amount": "100000", "punitive_multiple": "2"})
    assert "第五条" in e.value.what


def test_punitive_without_intent_or_serious_facts_warns():
    r = run({"method": "actual_loss", "punitive_multiple": "2"}, conduct=None)
    assert {"PUNITIVE_NO_INTENT", "PUNITIVE_NO_SERIOUS", "LAWFUL_SOURCE"} <= set(r.warning_codes)
    assert "第三条第二款第（五）项" in r.punitive_statement  # the presumption is pleaded instead


def test_no_punitive_warnings_when_facts_given():
    r = run({"method": "actual_loss", "punitive_multiple": "2"})
    assert not {"PUNITIVE_NO_INTENT", "PUNITIVE_NO_SERIOUS", "LAWFUL_SOURCE", "PLATFORM_NO_IP_PUNITIVE"} \
        & set(r.warning_codes)
    assert "以侵权为业" in r.punitive_statement


def test_lawful_source_defence_without_knowledge():
    r = run({"method": "actual_loss"}, conduct={"intent": [{"fact": "x"}]})
    assert "LAWFUL_SOURCE" in r.warning_codes
    assert any("第六十四条第二款" in w for w in r.warnings)


def test_three_year_lookback():
    s = sales(units=1000, first=dt.date(2022, 6, 1), last=dt.date(2025, 6, 30),
              by_month=[line("S1", 100, month="2022-06"), line("S1", 200, month="2023-11"),
                        line("S1", 700, month="2024-05")])
    r = run({"method": "actual_loss"}, s=s)  # filing 2026-12-01 → look-back from 2023-12-01
    assert "TRADEMARK_LOOKBACK" in r.warning_codes
    text = next(w for w in r.warnings if w.startswith("TRADEMARK_LOOKBACK"))
    assert "2023-12-01" in text and "300 of 1,000" in text and "第十八条" in text
    r = run({"method": "actual_loss"})  # sales from 2024-03-01
    assert "TRADEMARK_LOOKBACK" not in r.warning_codes


def test_units_by_sku_for_several_products():
    products = [{"name": "A", "skus": ["A1"], "right_holder_unit_profit": "10", "profit_evidence": "e"},
                {"name": "B", "skus": ["B1", "B2"], "right_holder_unit_profit": "20", "profit_evidence": "e"}]
    s = sales(units=100, by_sku=[line("A1", 40), line("B1", 30), line("B2", 20), line("X9", 10)])
    r = run({"method": "actual_loss"}, s=s, products=products)
    h = r.head("trademark_damages")
    assert h.amount == D("1400.00")  # 40 × 10 + 50 × 20
    assert h.formula == "40 × 10.00 + 50 × 20.00 = 1,400.00"
    assert "UNITS_UNMATCHED" in r.warning_codes


def test_units_override_and_half_up_rounding():
    products = [{"name": "A", "right_holder_unit_profit": "33.335", "profit_evidence": "e"}]
    r = run({"method": "actual_loss", "units": 3, "units_evidence": "e/u.txt"}, s=None, products=products)
    assert r.head("trademark_damages").amount == D("100.01")  # 100.005 → 100.01


def test_actual_loss_without_unit_profit_is_an_error():
    with pytest.raises(DamagesError) as e:
        run({"method": "actual_loss"}, products=[{"name": "A"}])
    assert e.value.where == "products[0].right_holder_unit_profit"
