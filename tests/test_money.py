from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from litigator.money import (
    Money,
    format_yuan,
    parse_chinese_integer,
    parse_money,
    quantize,
    to_capital,
)

D = Decimal


@pytest.mark.parametrize("text, amount, currency", [
    ("1,400,000元", "1400000.00", "CNY"),
    ("人民币267万元", "2670000.00", "CNY"),
    ("¥120,000.00", "120000.00", "CNY"),
    ("￥129.00", "129.00", "CNY"),
    ("壹拾贰万元整", "120000.00", "CNY"),
    ("１２０，０００元", "120000.00", "CNY"),
    ("12.5万元", "125000.00", "CNY"),
    ("二十五万元", "250000.00", "CNY"),
    ("人民币贰佰叁拾捌元整", "238.00", "CNY"),
    ("贰佰叁拾捌元伍角", "238.50", "CNY"),
    ("壹元零伍分", "1.05", "CNY"),
    ("RMB 8,000", "8000.00", "CNY"),
    ("US$ 4,388.10", "4388.10", "USD"),
    ("$1.2 million", "1200000.00", "USD"),
    ("HK$9,500", "9500.00", "HKD"),
    ("500美元", "500.00", "USD"),
    ("45块", "45.00", "CNY"),
    ("1.5亿元", "150000000.00", "CNY"),
])
def test_parse_money(text, amount, currency):
    assert parse_money(text) == Money(D(amount), currency)


@pytest.mark.parametrize("text", ["", "元", "abc", "十二三", "1,2,3元", "¥"])
def test_parse_money_rejects(text):
    with pytest.raises(ValueError):
        parse_money(text)


@pytest.mark.parametrize("amount, capital", [
    ("2670000", "人民币贰佰陆拾柒万元整"),
    ("120000", "人民币壹拾贰万元整"),
    ("1002030.45", "人民币壹佰万贰仟零叁拾元肆角伍分"),
    ("100000001", "人民币壹亿零壹元整"),
    ("1000100", "人民币壹佰万零壹佰元整"),
    ("10010", "人民币壹万零壹拾元整"),
    ("1000.05", "人民币壹仟元零伍分"),
    ("10.50", "人民币壹拾元伍角"),
    ("0.05", "人民币伍分"),
    ("0", "人民币零元整"),
])
def test_to_capital(amount, capital):
    assert to_capital(D(amount)) == capital


def test_format_yuan():
    assert format_yuan(D("2670000")) == "2,670,000.00元"
    assert format_yuan(D("0.005")) == "0.01元"  # ROUND_HALF_UP


def test_quantize_half_up():
    assert quantize(D("2.675")) == D("2.68")
    assert quantize(D("-2.675")) == D("-2.68")


def test_chinese_integers():
    assert parse_chinese_integer("二〇一七") == 2017
    assert parse_chinese_integer("十二") == 12
    assert parse_chinese_integer("一千零一") == 1001
    assert parse_chinese_integer("贰佰陆拾柒万") == 2670000
    assert parse_chinese_integer("壹亿贰仟万") == 120000000


def test_money_refuses_float_and_mixed_currency():
    with pytest.raises(TypeError):
        Money(1.5, "CNY")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Money(D(1), "CNY") + Money(D(1), "USD")


cents = st.integers(min_value=0, max_value=10**14 - 1).map(lambda c: D(c) / 100)


@given(cents)
def test_capital_round_trip(amount):
    assert parse_money(to_capital(amount)).amount == quantize(amount)


@given(cents)
def test_yuan_round_trip(amount):
    assert parse_money(format_yuan(amount)).amount == quantize(amount)


@given(cents)
def test_full_width_round_trip(amount):
    text = format_yuan(amount).translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789,."})
    assert parse_money(text).amount == quantize(amount)


@given(st.integers(min_value=1, max_value=99999), st.sampled_from(["万", "亿"]))
def test_scaled_round_trip(n, unit):
    factor = 10**4 if unit == "万" else 10**8
    assert parse_money(f"人民币{n}{unit}元").amount == D(n * factor)
