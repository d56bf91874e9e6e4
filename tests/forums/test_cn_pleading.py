"""Court-ready Chinese pleadings: findings of the review, each pinned (expected text written by hand)."""

from __future__ import annotations

import docx
import pytest
from damages_factories import BRAND, sales, scenario_case
from support import EXAMPLES

from litigator import pipeline
from litigator.damages import compute
from litigator.forums.cn.drafting import legal_basis

AUCL = "《中华人民共和国反不正当竞争法》"


def text_of(path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


@pytest.fixture(scope="module")
def drafts(tmp_path_factory):
    out = {}
    for name in ("platform-v-seller", "brand-v-seller"):
        target = tmp_path_factory.mktemp(name)
        result = pipeline.draft(EXAMPLES / name, out_dir=target)
        out[name] = (target, result)
    return out


# -- cosmetic findings ---------------------------------------------------------------------------------

def test_an_older_text_is_named_once_with_its_articles_grouped():
    uc = {"conduct": "confusion", "method": "actual_loss", "amount": "80000", "evidence": "e/loss.pdf"}
    c = scenario_case(BRAND, {"unfair_competition": uc}, cause="不正当竞争纠纷",
                      claims=["unfair_competition", "reasonable_expenses"], marks=[],
                      conduct={"start": "2024-01-01", "end": "2024-12-31", "knowledge": [{"fact": "x"}]})
    s = compute(c, None, "t").scenario("s")
    assert legal_basis(s)[0] == f"{AUCL}（2019年修正）第六条、第十七条第一款、第十七条第三款"


def test_expenses_cite_the_expenses_rule_not_the_statutory_paragraph():
    tm = {"method": "statutory", "statutory_amount": "100000",
          "not_determinable": {"actual_loss": "a", "infringer_profit": "b", "licence_fee": "c"}}
    s = compute(scenario_case(BRAND, {"trademark": tm}), None, "t").scenario("s")
    assert s.head("reasonable_expenses").basis == (
        "《中华人民共和国商标法》第六十三条第一款；《最高人民法院关于审理商标民事纠纷案件适用法律若干问题的解释》第十七条")
    uc = {"conduct": "confusion", "method": "statutory", "statutory_amount": "100000",
          "not_determinable": {"actual_loss": "a", "infringer_gain": "b"}}
    c = scenario_case(BRAND, {"unfair_competition": uc}, claims=["unfair_competition", "reasonable_expenses"],
                      marks=[], conduct={"start": "2024-01-01", "end": "2024-12-31"})
    s = compute(c, None, "t").scenario("s")
    assert s.head("unfair_competition_damages").basis.endswith("第十七条第四款")
    assert s.head("reasonable_expenses").basis == f"{AUCL}（2019年修正）第十七条第三款"


def test_a_single_expense_is_not_written_as_an_equation():
    s = compute(scenario_case(BRAND, {"trademark": {"method": "actual_loss"}}), sales(units=10), "t").scenario("s")
    assert s.head("reasonable_expenses").formula == "10,000.00"  # BRAND has one expense of 10,000.00
    two = [{"kind": "attorney_fee", "amount": "10000.00", "exhibit": "e/a"},
           {"kind": "notarization", "amount": "2000.00", "exhibit": "e/b"}]
    s = compute(scenario_case(BRAND, {"trademark": {"method": "actual_loss"}}, expenses=two), sales(units=10),
                "t").scenario("s")
    assert s.head("reasonable_expenses").formula == "10,000.00 + 2,000.00 = 12,000.00"


def test_counts_carry_thousands_separators_and_the_author_is_the_firm(drafts):
    target, _ = drafts["platform-v-seller"]
    text = text_of(target / "complaint.docx")
    assert "共计1,340笔订单、1,650件" in text
    props = docx.Document(str(target / "complaint.docx")).core_properties
    assert props.author == "浙江示例律师事务所" and props.last_modified_by == "浙江示例律师事务所"


def test_explanations_are_chinese_by_default_and_english_on_request():
    import json

    from support import run_cli

    zh = run_cli("damages", EXAMPLES / "platform-v-seller", "--scenario", "base", "--explain", "--format", "json")
    assert zh.code == 0, zh.err
    paragraphs = json.loads(zh.out)["explanations"]["base"]
    assert paragraphs[0].startswith("商誉损失（348,545.00元）") and "Civil Code" not in "".join(paragraphs)
    en = run_cli("damages", EXAMPLES / "platform-v-seller", "--scenario", "base", "--explain", "--explain-lang", "en",
                 "--format", "json")
    assert json.loads(en.out)["explanations"]["base"][0].startswith("商誉损失 (348,545.00): ")
    bad = run_cli("damages", EXAMPLES / "platform-v-seller", "--explain", "--explain-lang", "fr")
    assert bad.code == 2 and bad.out == "" and "zh, en" in bad.err
