from __future__ import annotations

import json
from collections import Counter

import pytest

from litigator.facts import extract_text_facts, read_text
from litigator.facts.dictionaries import DICTIONARY_NAMES, load
from litigator.facts.model import NAME_TYPES, STRUCTURED_TYPES

from .conftest import DEV

needs_dev = pytest.mark.skipif(not DEV.is_dir(), reason="dev corpus not present")


def facts_of(text: str, lang: str = "auto"):
    return {(f.type, f.value, f.currency) for f in extract_text_facts(text, "t.txt", lang)}


def values(text: str, kind: str, lang: str = "auto"):
    return {f.value for f in extract_text_facts(text, "t.txt", lang) if f.type == kind}


@needs_dev
def test_every_span_is_exact_on_the_dev_corpus():
    for p in sorted(DEV.glob("*.txt")):
        text = read_text(p).text
        for f in extract_text_facts(text, str(p)):
            assert text[f.start:f.end] == f.text, (p.name, f)
            assert f.line == text.count("\n", 0, f.start) + 1


@needs_dev
def test_dev_corpus_f1_thresholds():
    tally = {"s": Counter(), "n": Counter()}
    for gold_path in sorted(DEV.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = read_text(DEV / gold["file"]).text
        pred = {(f.type, f.value, f.currency if f.type == "MONEY" else None)
                for f in extract_text_facts(text, gold["file"])}
        truth = {(f["type"], f["value"], f.get("currency")) for f in gold["facts"]}
        for group, types in (("s", STRUCTURED_TYPES), ("n", NAME_TYPES)):
            p = {x for x in pred if x[0] in types}
            g = {x for x in truth if x[0] in types}
            tally[group].update(tp=len(p & g), fp=len(p - g), fn=len(g - p))

    def f1(c):
        return 2 * c["tp"] / (2 * c["tp"] + c["fp"] + c["fn"])

    assert f1(tally["s"]) >= 0.95, tally["s"]
    assert f1(tally["n"]) >= 0.80, tally["n"]


@needs_dev
def test_no_shipped_dictionary_contains_an_invented_dev_name():
    """Rules must generalise: dictionaries hold real names only (the corpus's people, companies,
    shops, brands and products are invented; its courts and marketplaces are real)."""
    invented = set()
    for gold_path in DEV.glob("*.gold.json"):
        for f in json.loads(gold_path.read_text(encoding="utf-8"))["facts"]:
            if f["type"] in ("PERSON", "ORG", "SHOP", "BRAND", "PRODUCT"):
                invented.add(f["value"].casefold())
    for name in DICTIONARY_NAMES:
        clash = {e for e in load(name) if e.casefold() in invented}
        assert not clash, f"{name}.txt contains dev-corpus names {clash}"


@pytest.mark.parametrize("text,value,currency", [
    ("支付人民币267万元", "2670000.00", "CNY"),
    ("开票金额壹拾贰万元整", "120000.00", "CNY"),
    ("价格¥1,398.00", "1398.00", "CNY"),
    ("合计１２０，０００元", "120000.00", "CNY"),
    ("约12.5万元", "125000.00", "CNY"),
    ("每瓶45块", "45.00", "CNY"),
    ("罚款二十五万元以下", "250000.00", "CNY"),
    ("成交金额达73万余元", "730000.00", "CNY"),
    ("贰佰叁拾捌元伍角", "238.50", "CNY"),
    ("paid $25,000 in total", "25000.00", "USD"),
    ("reserved US$ 4,388.10 today", "4388.10", "USD"),
    ("we can pay USD 1,200 once", "1200.00", "USD"),
    ("damages of $1.2 million", "1200000.00", "USD"),
    ("pay RMB 8,000 now", "8000.00", "CNY"),
    ("amount HK$9,500 by wire", "9500.00", "HKD"),
    ("赔偿500美元", "500.00", "USD"),
    ("a fine of 25 million dollars", "25000000.00", "USD"),
    ("costs €1,500.50 in fees", "1500.50", "EUR"),
    ("The price was $5.", "5.00", "USD"),
    ("received 10,000 USD", "10000.00", "USD"),
])
def test_money(text, value, currency):
    assert ("MONEY", value, currency) in facts_of(text)


def test_money_ranges_give_two_facts():
    assert {"35.00", "50.00"} <= values("每瓶35元至50元的价格", "MONEY")
    assert {"35.00", "50.00"} <= values("进价35至50元", "MONEY")
    assert {"1000.00", "200000.00"} <= values("not less than $1,000 or more than $200,000 per mark", "MONEY")


@pytest.mark.parametrize("text", ["数亿元的损失", "销售500瓶", "降价53%", "第六十条第二款", "20000毫安"])
def test_not_money(text):
    assert not values(text, "MONEY")


@pytest.mark.parametrize("text,value", [
    ("2017年7月20日", "2017-07-20"), ("二〇一七年七月二十日", "2017-07-20"), ("2017.7.20", "2017-07-20"),
    ("2017-07-20", "2017-07-20"), ("July 20, 2017", "2017-07-20"), ("7/20/2017", "2017-07-20"),
    ("7-20-2017", "2017-07-20"), ("20th day of July, 2017", "2017-07-20"), ("2020年9月", "2020-09"),
    ("November 2023", "2023-11"), ("2022.11", "2022-11"), ("March 3, 2019", "2019-03-03"),
    ("3/3/2019", "2019-03-03"), ("on 3 March 2019", "2019-03-03"), ("Sept. 5, 2021", "2021-09-05"),
    ("２０２３年２月８日", "2023-02-08"), ("2023-02-08 10:17:52", "2023-02-08"),
    ("Tuesday, March 19, 2024", "2024-03-19"),
])
def test_dates(text, value):
    assert value in values(text, "DATE")


@pytest.mark.parametrize("text", ["3月19日发货", "FREE delivery Tuesday, March 19", "2023年度", "in 2014",
                                  "批号20200109", "订单号2023020812345678"])
def test_not_dates(text):
    assert not values(text, "DATE")


def test_numbers_and_identifiers():
    got = facts_of("（2022）粤0192民初20418号；（2023）苏苏吴证民内字第4127号；Case No. 1:24-cv-05512")
    assert {("CASE_NUMBER", "(2022)粤0192民初20418号", None), ("NOTARY_NUMBER", "(2023)苏苏吴证民内字第4127号", None),
            ("CASE_NUMBER", "1:24-cv-05512", None)} <= got
    fs = extract_text_facts("身份证号码：440111196508120287，统一社会信用代码91330110MA2J6Q8W47", "t")
    assert {(f.type, f.value, f.valid) for f in fs} >= {("ID_NUMBER", "440111196508120287", False),
                                                        ("CREDIT_CODE", "91330110MA2J6Q8W47", False)}
    assert values("联系电话：0512-6523 8810，手机+86 137 5718 2206", "PHONE") == {"051265238810", "8613757182206"}
    assert values("Telephone 612.555.0128", "PHONE") == {"6125550128"}
    assert values("回单编号0306-7781-2290", "PHONE") == set()
    assert values("Order No. PO-211-14872209933175502.", "ORDER_NUMBER") == {"PO-211-14872209933175502"}
    assert values("访问https://item.jd.example/1.html。", "URL") == {"https://item.jd.example/1.html"}
    assert values("写信到 a.b@mail.example", "URL") == set()
    assert values("注册号分别为第27731546号、第27731547号", "TRADEMARK_REG") == {"27731546", "27731547"}
    assert values("U.S. Reg. Nos. 6,218,930 and 7,036,415.", "TRADEMARK_REG") == {"6218930", "7036415"}


def test_names_from_cues_not_dictionaries():
    text = ("被告：张小明，男。店铺名称为“青柠数码小店”的商品，该店铺经营主体为成都市青柠电子有限公司，"
            "申请人系“蓝橙网”（网址：www.lancheng.example）的经营者，假冒“青柠”“QINGNING”注册商标的蓝牙耳机。")
    got = {(f.type, f.value) for f in extract_text_facts(text, "t")}
    assert {("PERSON", "张小明"), ("SHOP", "青柠数码小店"), ("ORG", "成都市青柠电子有限公司"),
            ("PLATFORM", "蓝橙网"), ("BRAND", "青柠"), ("BRAND", "QINGNING"), ("PRODUCT", "蓝牙耳机")} <= got
    en = ("Dear Ms. Harper,\nYour storefront \"Blue Finch Outlet\" sells counterfeit FINCHLY mugs. "
          "Finchly Housewares LLC (\"Finchly\") owns the FINCHLY mark.\nSincerely,\n\nMartin O. Reyes\n")
    got = {(f.type, f.value) for f in extract_text_facts(en, "t")}
    assert {("PERSON", "Harper"), ("SHOP", "Blue Finch Outlet"), ("BRAND", "FINCHLY"),
            ("ORG", "Finchly Housewares LLC"), ("ORG", "Finchly"), ("PERSON", "Martin O. Reyes")} <= got


def test_courts():
    assert values("上诉于广东省广州市中级人民法院。", "COURT") == {"广东省广州市中级人民法院"}
    assert values("致：深圳市宝安区人民法院", "COURT") == {"深圳市宝安区人民法院"}
    assert values("本院认为，一审法院认定正确", "COURT") == set()
    assert values("《最高人民法院关于审理商标案件的规定》", "COURT") == {"最高人民法院"}
    assert values("UNITED STATES DISTRICT COURT FOR THE NORTHERN DISTRICT OF ILLINOIS\nEASTERN", "COURT") == {
        "UNITED STATES DISTRICT COURT FOR THE NORTHERN DISTRICT OF ILLINOIS"}


def test_spans_exact_with_full_width_and_crlf():
    text = "付款：\r\n　　人民币１２０，０００元；ＵＲＬ：ｗｗｗ.x.example\r\n"
    for f in extract_text_facts(text, "t"):
        assert text[f.start:f.end] == f.text


def test_pipeline_is_a_spacy_pipeline_with_fact_spans():
    from litigator.facts.pipeline import build_pipeline

    nlp = build_pipeline("zh")
    assert nlp.pipe_names == ["litigator_structured", "litigator_dictionary", "litigator_names_zh",
                              "litigator_resolve"]
    doc = nlp("订单号265418830207，实付¥238.00")
    assert {(s.label_, s.kb_id_) for s in doc.spans["facts"]} == {("ORDER_NUMBER", "265418830207"),
                                                                  ("MONEY", "238.00")}
