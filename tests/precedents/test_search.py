"""`litigator precedents search|show`: filters, and free text in Chinese and in English."""

from __future__ import annotations

import json
from decimal import Decimal

from precedent_factories import award, precedent, write
from support import run_cli

from litigator.precedents import load
from litigator.precedents.search import Filters, analyse, search


def fixture_library(tmp_path):
    return load([write(
        tmp_path / "lib",
        precedent("cat-food", title="淘宝诉某某网店销售假冒猫粮案", product="cat food", brands=["ROYAL CANIN"]),
        precedent("watches", title="平台诉网店销售假冒手表案", product="wristwatches", brands=["Swarovski"],
                  product_category="jewellery_watches", date="2018-05-01", awarded=award("70000")),
        precedent("liquor", title="品牌方诉网店销售假冒白酒案", product="baijiu", brands=["五粮液"],
                  plaintiff_type="brand_owner", cause="trademark", product_category="alcohol", date="2015-03-01",
                  awarded=award("500000")),
        population=None)], shipped=False)


def test_analyser_cuts_chinese_into_characters_and_bigrams_and_latin_into_words():
    assert analyse("假冒猫粮 Cat-Food!") == ["cat-food", "假", "冒", "猫", "粮", "假冒", "冒猫", "猫粮"]


def test_chinese_query_ranks_the_matching_case_first(tmp_path):
    hits = search(fixture_library(tmp_path), "猫粮")
    assert hits[0].precedent.id == "cat-food"
    assert hits[0].score is not None and hits[0].score > 0
    assert [h.precedent.id for h in hits][-1] == "liquor"  # shares only 粮 (五粮液): ranked last
    assert [h.precedent.id for h in search(fixture_library(tmp_path), "手表")] == ["watches"]


def test_english_query_ranks_the_matching_case_first(tmp_path):
    assert search(fixture_library(tmp_path), "wristwatches Swarovski")[0].precedent.id == "watches"


def test_filters_narrow_before_ranking(tmp_path):
    lib = fixture_library(tmp_path)
    ids = lambda hits: [h.precedent.id for h in hits]  # noqa: E731
    assert ids(search(lib, None, Filters(plaintiff_type="brand_owner"))) == ["liquor"]
    assert ids(search(lib, None, Filters(brand="royal"))) == ["cat-food"]
    assert ids(search(lib, None, Filters(year_from=2016, year_to=2019))) == ["watches"]
    assert ids(search(lib, None, Filters(min_award=Decimal("100001")))) == ["liquor"]
    assert ids(search(lib, None, Filters(max_award=Decimal("80000")))) == ["watches"]
    assert ids(search(lib, None)) == ["cat-food", "watches", "liquor"]  # newest first
    assert search(lib, "手表", Filters(cause="trademark")) == []


def test_shipped_library_answers_chinese_and_english_queries():
    lib = load()
    assert search(lib, "猫粮")[0].precedent.id == "taobao-v-yao-royalcanin-2017"
    assert search(lib, "Royal Canin cat food")[0].precedent.id == "taobao-v-yao-royalcanin-2017"


def test_cli_search_and_show(tmp_path):
    result = run_cli("precedents", "search", "猫粮", "--forum", "cn", "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["results"][0]["id"] == "taobao-v-yao-royalcanin-2017"
    assert data["results"][0]["awarded_total"] == "120000.00"
    table = run_cli("precedents", "search", "--plaintiff-type", "platform", "--forum", "cn")
    assert table.code == 0 and "taobao-v-yao-royalcanin-2017" in table.out
    shown = run_cli("precedents", "show", "taobao-v-yao-royalcanin-2017")
    assert shown.code == 0 and "source:" in shown.out and "上海市奉贤区人民法院" in shown.out
    missing = run_cli("precedents", "show", "no-such-case")
    assert missing.code == 2 and "no precedent 'no-such-case'" in missing.err
    bad = run_cli("precedents", "search", "--min-award", "lots")
    assert bad.code == 2 and "--min-award: not an amount" in bad.err
