"""Documents and phrasings that are not in the dev corpus (written for these tests), the fast
Chinese tokenizer, and a few regular-expression robustness checks."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from litigator.facts import extract_text_facts
from litigator.facts.model import STRUCTURED_TYPES

DOCS = Path(__file__).parent / "docs"


def _key(f) -> tuple:
    return (f["type"], f["value"], f.get("currency"))


@pytest.mark.parametrize("gold_path", sorted(DOCS.glob("*.gold.json")), ids=lambda p: p.stem)
def test_own_documents(gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = (DOCS / gold["file"]).read_text(encoding="utf-8")
    facts = extract_text_facts(text, gold["file"])
    for f in facts:
        assert text[f.start:f.end] == f.text
    got = {(f.type, f.value, f.currency) for f in facts if f.type != "QUANTITY"}
    want = {_key(f) for f in gold["facts"]}
    # structured types are listed exhaustively; names listed must be found
    assert {k for k in got if k[0] in STRUCTURED_TYPES} == {k for k in want if k[0] in STRUCTURED_TYPES}
    assert {k for k in want if k[0] not in STRUCTURED_TYPES} <= got


MONEY = [
    ("The damages were 25 million dollars in total.", "25000000.00", "USD"),
    ("It cost $5.00 each.", "5.00", "USD"),
    ("a fee of USD 10 was charged", "10.00", "USD"),
    ("pay 5 euros now", "5.00", "EUR"),
    ("a fine of £100 applies", "100.00", "GBP"),
    ("Principal Amount: 40 Million Dollars", "40000000.00", "USD"),
    ("a deposit of 300 US dollars", "300.00", "USD"),
    ("denominated in francs, CHF2,500,000, payable", "2500000.00", "CHF"),
    ("a C$40 shipping fee", "40.00", "CAD"),
    ("priced at 50 € per unit", "50.00", "EUR"),
    ("an award of $2 million", "2000000.00", "USD"),
    ("loan of RMB 3 million yuan", "3000000.00", "CNY"),
    ("There are 1,204.50 USD left", "1204.50", "USD"),
    ("共计人民币贰拾叁万元整", "230000.00", "CNY"),
]


@pytest.mark.parametrize("text,value,currency", MONEY)
def test_money_phrasings(text, value, currency):
    got = {(f.value, f.currency) for f in extract_text_facts(text, lang="auto") if f.type == "MONEY"}
    assert (value, currency) in got


@pytest.mark.parametrize("text", ["There are 7 cats", "model X200 vacuum", "There are 5.4.3 dollars",
                                  "rated A2 by the agency"])
def test_no_money(text):
    assert not [f for f in extract_text_facts(text, lang="en") if f.type == "MONEY"]


DATES = [
    ("Signed January 1st, 2019 in Chicago.", "2019-01-01"),
    ("on the 1st of March 2019 the seller", "2019-03-01"),
    ("filed 2019-03-01.", "2019-03-01"),
    ("in March 2019 we bought", "2019-03"),
    ("effective the 3rd day of May, 2010, by", "2010-05-03"),
    ("shall be 14 August 2016. Parties", "2016-08-14"),
    ("revised to 28\n   February 2015 and", "2015-02-28"),
    ("EFFECTIVE AS OF MARCH 4, 2024", "2024-03-04"),
    ("4-7-98 signed", "1998-04-07"),
    ("Sept. 30, 2020", "2020-09-30"),
    ("二〇二三年十二月二十五日", "2023-12-25"),
]


@pytest.mark.parametrize("text,value", DATES)
def test_date_phrasings(text, value):
    assert value in {f.value for f in extract_text_facts(text, lang="auto") if f.type == "DATE"}


def test_no_date_without_a_year():
    assert not [f for f in extract_text_facts("Will be completed by June; 3月19日", lang="auto") if f.type == "DATE"]


@pytest.mark.parametrize("text", ["", " ", "  a  b ", "\n\n中 文\u3000 x\t", " 中", "中 ", "中  ", "a\u00a0b c",
                                  "第一行\r\n第二行  \n\n  第三 行 ", "（2023）粤0192民初20418号 ＡＢＣ　１２３"])
def test_fast_chinese_tokens_equal_spacys(text):
    import spacy

    from litigator.facts.pipeline import build_pipeline

    stock = spacy.blank("zh").make_doc(text)
    ours = build_pipeline("zh").make_doc(text)
    assert [t.text_with_ws for t in ours] == [t.text_with_ws for t in stock]
    assert ours.text == text


def test_no_catastrophic_backtracking():
    # long runs of figures/letters after a trademark cue, digits and capitals: linear time
    text = ("假冒注册商标" + "A1" * 3000 + "!") * 3 + "1" * 20000 + " " + "ABC" * 5000
    start = time.perf_counter()
    extract_text_facts(text, lang="zh")
    extract_text_facts(text, lang="en")
    assert time.perf_counter() - start < 5


def test_a_file_longer_than_spacys_default_limit(tmp_path):
    from litigator.facts import extract_paths

    line = "2024年11月12日，被告销售假冒商品，订单编号3871120495512763041，金额人民币129.00元。\n"
    path = tmp_path / "long.txt"
    path.write_text(line * (1_100_000 // len(line) + 1), encoding="utf-8")
    result = extract_paths([path])
    assert result.files[0].error is None and result.files[0].chars > 1_000_000
    assert {"DATE", "ORDER_NUMBER", "MONEY"} <= {f.type for f in result.facts}
