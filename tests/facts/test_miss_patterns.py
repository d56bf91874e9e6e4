"""One test per kind of miss issue 18 lists, with made-up examples (not from any corpus)."""

from __future__ import annotations

import pytest

from litigator.facts import extract_text_facts


def _values(text: str, kind: str, lang: str = "auto") -> set[str]:
    return {f.value for f in extract_text_facts(text, lang=lang) if f.type == kind}


@pytest.mark.parametrize("text,name", [
    ("Counsel: Pemberton, Achebe & Lund LLP, Boston.", "Pemberton, Achebe & Lund LLP"),
    ("Served on Farrow, Nakamura, Stein & Ortiz P.C. today.", "Farrow, Nakamura, Stein & Ortiz P.C."),
    ("Funds were held by Amazon Payments, Inc. until release.", "Amazon Payments, Inc."),
    ("Account at Second Lakeshore Bank, N.A. was frozen.", "Second Lakeshore Bank, N.A."),
    ("The licensee FJELLSTAD VARER AS shipped them.", "FJELLSTAD VARER AS"),
    ("Goods came from Brunnhuber Textil GmbH in Bavaria.", "Brunnhuber Textil GmbH"),
    ("cc: Marchetti Moda S.p.A.; LUNDGREN & BERG AB", "LUNDGREN & BERG AB"),
    ("Seller entity: PT Sinar Makmur Sdn. Bhd. (Malaysia)", "PT Sinar Makmur Sdn. Bhd."),
])
def test_english_organisations_with_commas_all_caps_and_foreign_suffixes(text, name):
    assert name in _values(text, "ORG", "en")


def test_capital_verbs_of_a_bank_line_are_not_part_of_the_name():
    got = _values("10/19/2023 | WIRE TO NINGBO QIANHE TRADING CO., LTD. | 1,200.00", "ORG", "en")
    assert got == {"NINGBO QIANHE TRADING CO., LTD."}


@pytest.mark.parametrize("text,name", [
    ("The marks are registered with the United States Patent and Trademark Office.",
     "United States Patent and Trademark Office"),
    ("The complaint was decided by the WIPO Arbitration and Mediation Center.",
     "WIPO Arbitration and Mediation Center"),
    ("It was delivered by the United States Postal Service on time.", "United States Postal Service"),
])
def test_public_bodies_are_organisations(text, name):
    assert name in _values(text, "ORG", "en")


def test_a_two_word_service_phrase_is_no_organisation():
    assert not _values("Please call Customer Service for help.", "ORG", "en")


@pytest.mark.parametrize("text,name", [("The parcel was shipped by FedEx and UPS.", "FedEx"),
                                       ("Handed to Cainiao for delivery.", "Cainiao")])
def test_carriers_are_organisations(text, name):
    assert name in _values(text, "ORG", "en")


@pytest.mark.parametrize("text,org,bad", [
    ("判令孔某某赔偿杭州青蔓电子科技有限公司经济损失五万元。", "杭州青蔓电子科技有限公司",
     "判令孔某某赔偿杭州青蔓电子科技有限公司"),
    ("被告以青蔓数码商行名义开设店铺。", "青蔓数码商行", "以青蔓数码商行"),
    ("请求判令被告停止销售侵害蓝桥公司注册商标专用权的商品。", "蓝桥公司", "停止销售侵害蓝桥公司"),
    ("货源来自佛山市南海区大沥镇恒达鞋厂。", "佛山市南海区大沥镇恒达鞋厂", "货源来自佛山市南海区大沥镇恒达鞋厂"),
])
def test_chinese_organisations_stop_at_the_verb_or_preposition_before_them(text, org, bad):
    got = _values(text, "ORG", "zh")
    assert org in got and bad not in got


def test_a_preposition_character_after_a_place_name_stays_in_the_name():
    assert "东莞市以恒服饰有限公司" in _values("原告东莞市以恒服饰有限公司诉称", "ORG", "zh")


@pytest.mark.parametrize("text,name", [
    ("货款汇入中国农业银行宁波鄞州支行账户。", "中国农业银行宁波鄞州支行"),
    ("开户行：中国工商银行股份有限公司温州鹿城支行", "中国工商银行股份有限公司温州鹿城支行"),
    ("供货方为临沂市兰山区鑫宇日杂批发部。", "临沂市兰山区鑫宇日杂批发部"),
    ("当事人可向金华市婺城区人民政府申请行政复议。", "金华市婺城区人民政府"),
])
def test_bank_branches_wholesalers_and_governments_are_organisations(text, name):
    assert name in _values(text, "ORG", "zh")


def test_a_numeral_yuan_inside_a_place_name_is_no_money():
    assert not _values("广州市白云区三元里大道", "MONEY", "zh")


@pytest.mark.parametrize("text,shop", [
    ("被告在淘宝网开设的“檀香小筑”店铺销售被诉商品。", "檀香小筑"),
    ("Seller: sunnyfield_deals42 (980 feedback)", "sunnyfield_deals42"),
    ("bought from seller ace-gear-2023, order 11-22334-55667", "ace-gear-2023"),
    ("Store name: Larkspur Official Store", "Larkspur Official Store"),
    ("from the Walmart.com store Bramble Home Direct, order", "Bramble Home Direct"),
])
def test_shops_without_a_shop_suffix_are_found_from_their_cue(text, shop):
    assert shop in _values(text, "SHOP")


def test_a_seller_id_label_is_no_shop():
    assert not _values("Seller ID A7QXEXAMPLE9", "SHOP", "en")


@pytest.mark.parametrize("text,product", [
    ("当事人购进标有“云朵熊”注册商标的儿童睡袋共计80件。", "儿童睡袋"),
    ("商品：“FERNO”同款男士双肩包，批发价¥31.00/个。", "男士双肩包"),
    ("请求判令被告停止销售侵害原告注册商标专用权的保温杯，并赔偿损失。", "保温杯"),
    ('Item title: "ORVALE 20-Piece Socket Wrench Set Chrome"', "Socket Wrench Set Chrome"),
])
def test_products_named_in_prose_and_listing_titles(text, product):
    assert product in _values(text, "PRODUCT")


def test_a_brand_in_title_case_in_a_listing_title_is_a_brand():
    text = "The goods bear the MERIDALE mark.\nListing title: Meridale 4K Action Camera"
    assert {"MERIDALE", "Meridale"} <= _values(text, "BRAND", "en")


@pytest.mark.parametrize("text,number", [
    ("案号：（2015）沪0115民三（知）初字第123号", "(2015)沪0115民三(知)初字第123号"),
    ("（2014）浦民三（知）初字第45号民事判决", "(2014)浦民三(知)初字第45号"),
    ("上海知识产权法院（2021）沪73民初777号", "(2021)沪73民初777号"),
    ("北京知识产权法院（2020）京73民初1590号", "(2020)京73民初1590号"),
    ("（2022）粤0305民初31号之一", "(2022)粤0305民初31号之一"),
])
def test_case_numbers_with_nested_division_marks_and_ip_court_formats(text, number):
    assert number in _values(text, "CASE_NUMBER", "zh")


@pytest.mark.parametrize("text,number", [
    ("Orders 113-2004417-8812093 and 112-7719002-4410987 were placed.", "113-2004417-8812093"),
    ("order number 23-09814-55120 was paid", "23-09814-55120"),
    ("Order number 200011847700001 was placed", "200011847700001"),
])
def test_order_numbers_amazon_3_7_7_and_ebay_2_5_5(text, number):
    assert number in _values(text, "ORDER_NUMBER", "en")


def test_a_date_or_phone_with_hyphens_is_no_order_number():
    assert not _values("Call 312-555-0144 on 2024-01-11.", "ORDER_NUMBER", "en")


@pytest.mark.parametrize("text,kind,word", [
    ("申请人：青蔓科技有限公司", "ORG", "申请人"),
    ("实名认证人：孔某某", "SHOP", "实名认证人"),
    ("Plaintiff, Harlow & Finch LLP, states", "ORG", "Plaintiff"),
])
def test_role_words_are_never_names(text, kind, word):
    assert not any(word in v for v in _values(text, kind))
