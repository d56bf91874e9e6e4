"""损失计算说明 (the calculation appendix, appendix.docx; issue 15).

Expected figures are written by hand from the examples' case files: brand-v-seller's filed scenario
punitive = (969 × 86.00) × 3 + (4,000.00 + 168.00 + 1,800.00 + 60,000.00) = 250,002.00 + 65,968.00 = 315,970.00;
platform-v-seller base 401,674.00, aggressive 348,545.00 × 3 + 53,129.00 = 1,098,764.00, conservative 1,340 × 10.00 +
53,129.00 = 66,529.00. The fees are computed by hand with 诉讼费用交纳办法 Art. 13(1) (50 up to 10,000; then 2.5 / 2 /
1.5 / 1 / 0.9 % on the parts above 10k, 100k, 200k, 500k, 1M), Art. 14(2) (30 up to 1,000; 1 % to 100,000; 0.5 %
above; at most 5,000) and Art. 16 (summary procedure: half). The sales tables must reconcile with
``litigator sales CASE --format json`` (counts and amounts to the fen); file hashes are computed here with hashlib.
"""

from __future__ import annotations

import hashlib
import json
import re
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from support import EXAMPLES, edit_case, exhibit_number, require_tool, run_cli

from litigator import pipeline
from litigator.casefile import load_case
from litigator.forums.cn.documents import documents_for
from litigator.forums.cn.fees import (
    case_acceptance_fee,
    case_fee_breakdown,
    preservation_fee,
    preservation_fee_breakdown,
)

CN_EXAMPLES = ("platform-v-seller", "brand-v-seller", "company-v-seller")
D = Decimal


# -- reading the appendix --------------------------------------------------------------------------

def blocks(path: Path) -> list[tuple[str, object]]:
    """The document body in order: ("p", text) for a paragraph, ("t", rows of cell texts) for a table."""
    d = docx.Document(str(path))
    out: list[tuple[str, object]] = []
    for child in d.element.body.iterchildren():
        if child.tag == qn("w:p"):
            out.append(("p", Paragraph(child, d).text))
        elif child.tag == qn("w:tbl"):
            out.append(("t", [[c.text for c in r.cells] for r in Table(child, d).rows]))
    return out


def section(body: list, start: str, end: re.Pattern) -> list:
    """The blocks from the paragraph starting with ``start`` up to the next paragraph matching ``end``."""
    i = next(k for k, (kind, v) in enumerate(body) if kind == "p" and v.startswith(start))
    j = next((k for k in range(i + 1, len(body)) if body[k][0] == "p" and end.match(body[k][1])), len(body))
    return body[i:j]


SCENARIO_HEADING = re.compile(r"^（[一二三四五六七八九十]+）方案“|^三、交易数据")


def scenario_section(body: list, name: str) -> list:
    start = next(v for kind, v in body if kind == "p" and re.match(rf"^（[一二三四五六七八九十]+）方案“{name}”", v))
    return section(body, start, SCENARIO_HEADING)


def heads_of(sec: list) -> dict[str, dict]:
    """label → {"amount", "paragraphs", "inputs": rows of (计算数据, 数值, 来源)}."""
    heads: dict[str, dict] = {}
    current = None
    for kind, v in sec:
        m = re.match(r"^\d+\. (.+)：([\d,]+\.\d{2})元$", v) if kind == "p" else None
        if m:
            current = heads[m.group(1)] = {"amount": m.group(2), "paragraphs": [], "inputs": []}
        elif current is not None and kind == "p":
            if v.startswith(("合计：", "案件受理费：", "财产保全申请费：")):
                current = None
            else:
                current["paragraphs"].append(v)
        elif current is not None and kind == "t" and v[0] == ["计算数据", "数值", "来源"]:
            current["inputs"] = [tuple(r) for r in v[1:]]
    return heads


def fee_table(sec: list, title: str) -> tuple[list[tuple[str, ...]], list[str]]:
    """(the rows of the fee's bracket table, the paragraphs from its heading to the next fee or section)."""
    i = next(k for k, (kind, v) in enumerate(sec) if kind == "p" and v.startswith(f"{title}："))
    table = next(v for kind, v in sec[i:] if kind == "t")
    assert table[0] == ["分段", "费率", "计入该段的金额", "该段费用"]
    paras = []
    for kind, v in sec[i:]:
        if kind == "p" and v and paras and v.startswith(("案件受理费：", "财产保全申请费：")):
            break
        if kind == "p" and v:
            paras.append(v)
    return [tuple(r) for r in table[1:]], paras


def table_after(body: list, heading: str) -> list[list[str]]:
    i = next(k for k, (kind, v) in enumerate(body) if kind == "p" and v.startswith(heading))
    return next(v for kind, v in body[i:] if kind == "t")


def exhibit_numbers_by_file(target: Path) -> dict[str, int]:
    """file name → number, from the evidence list's hash note (「N. file」 then 「SHA-256：…」)."""
    d = docx.Document(str(target / "evidence-list.docx"))
    out = {}
    for p in d.paragraphs:
        m = re.match(r"^(\d+)\. (\S+)\nSHA-256：", p.text)
        if m:
            out[m.group(2)] = int(m.group(1))
    return out


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def money(value) -> str:
    return f"{D(value):,.2f}"


@pytest.fixture(scope="module")
def drafted(tmp_path_factory):
    out = {}
    for name in CN_EXAMPLES:
        target = tmp_path_factory.mktemp(name)
        result = pipeline.draft(EXAMPLES / name, out_dir=target)
        out[name] = (target, result, blocks(target / "appendix.docx"))
    return out


@pytest.fixture(scope="module")
def damages_json():
    out = {}
    for name in CN_EXAMPLES:
        r = run_cli("damages", EXAMPLES / name, "--format", "json")
        assert r.code == 0, r.err
        out[name] = json.loads(r.out)
    return out


@pytest.fixture(scope="module")
def sales_json():
    out = {}
    for name in CN_EXAMPLES:
        r = run_cli("sales", EXAMPLES / name, "--format", "json")
        assert r.code == 0, r.err
        out[name] = json.loads(r.out)
    return out


# -- drafted for every case ------------------------------------------------------------------------

@pytest.mark.parametrize("name", CN_EXAMPLES)
def test_every_case_gets_the_appendix(drafted, name):
    target, result, body = drafted[name]
    assert "appendix" in documents_for(load_case(EXAMPLES / name).case)
    assert target / "appendix.docx" in result.written
    text = "\n".join(v if kind == "p" else "\n".join(" | ".join(r) for r in v) for kind, v in body)
    assert text.startswith("损失计算说明")
    for bad in ("None", "{{", "{%", "\ufffd", "待补充", "\\"):
        assert bad not in text, bad


def test_the_drafted_scenario_comes_first_and_is_marked(drafted):
    _, _, body = drafted["brand-v-seller"]
    summary = table_after(body, "一、各方案汇总")
    assert summary[0] == ["方案", "说明", "主张金额", "案件受理费", "财产保全申请费"]
    assert [r[0] for r in summary[1:]] == ["punitive（本次起诉主张）", "statutory", "compensatory", "punitive_additive"]
    assert summary[1][2:] == ["315,970.00", "6,039.55", "2,099.85"]
    assert summary[3][2:] == ["149,302.00", "3,286.04", "1,266.51"]  # 83,334 + 65,968; fees on 149,302.00
    headings = [v for kind, v in body if kind == "p" and re.match(r"^（[一二三四]）方案", v)]
    assert headings == ["（一）方案“punitive”（本次起诉主张）", "（二）方案“statutory”", "（三）方案“compensatory”",
                        "（四）方案“punitive_additive”"]


def test_draft_scenario_puts_that_scenario_first(case_copy, tmp_path):
    case = case_copy("platform-v-seller")
    target = tmp_path / "out"
    pipeline.draft(case, out_dir=target, scenario="aggressive", only=["appendix"])
    body = blocks(target / "appendix.docx")
    summary = table_after(body, "一、各方案汇总")
    assert [r[0] for r in summary[1:]] == ["aggressive（本次起诉主张）", "conservative", "base"]


# -- each head's inputs and their sources ----------------------------------------------------------

def test_brand_heads_carry_their_inputs_with_their_sources(drafted):
    target, _, body = drafted["brand-v-seller"]
    case_yaml = (EXAMPLES / "brand-v-seller" / "case.yaml").read_text(encoding="utf-8").splitlines()
    line = case_yaml.index('    trademark: {method: actual_loss, punitive_multiple: "3"}') + 1
    orders_hash = sha256(EXAMPLES / "brand-v-seller" / "sales" / "orders.csv")
    extract = exhibit_number(target, "被告店铺侵权商品交易明细（淘宝网，摘录）")
    profit = exhibit_number(target, "单位利润专项说明")
    vouchers = exhibit_number(target, "维权合理开支凭证")
    notarial = exhibit_number(target, "（2025）浙杭示证民字第4417号公证书")
    heads = heads_of(scenario_section(body, "punitive"))
    assert list(heads) == ["经济损失（含惩罚性赔偿）", "合理开支"]

    damages = heads["经济损失（含惩罚性赔偿）"]
    assert damages["amount"] == "250,002.00"
    assert "计算式：(969 × 86.00 = 83,334.00) × 3 = 250,002.00" in damages["paragraphs"]
    assert any(p.startswith("法律依据：《中华人民共和国商标法》第六十三条第一款") for p in damages["paragraphs"])
    units, unit_profit, multiple, reading = damages["inputs"]
    assert units[:2] == ("青岚修护精华液：侵权商品销售数量（件）", "969")
    assert f"orders.csv第2至641行（SHA-256：{orders_hash}）" in units[2]
    assert f"明细摘录见证据{extract}" in units[2]
    assert unit_profit == ("青岚修护精华液：注册商标商品单位利润", "86.00元",
                           f"证据{profit}：单位利润专项说明（06-unit-profit-audit.txt）")
    assert multiple == ("惩罚性赔偿倍数", "3倍", f"case.yaml第{line}行：scenarios.punitive.trademark.punitive_multiple")
    assert reading[1].startswith("倍数式")
    assert reading[2] == (f"case.yaml第{line}行：scenarios.punitive.trademark.punitive_reading"
                          "（未填写，取默认值）")

    expenses = heads["合理开支"]
    assert expenses["amount"] == "65,968.00"
    assert expenses["inputs"] == [
        ("公证费", "4,000.00元", f"证据{vouchers}：维权合理开支凭证（07-expense-vouchers.txt）"),
        ("购买侵权商品费用", "168.00元",
         f"证据{notarial}：（2025）浙杭示证民字第4417号公证书（02-notarial-record.txt）"),
        ("差旅费", "1,800.00元", f"证据{vouchers}：维权合理开支凭证（07-expense-vouchers.txt）"),
        ("律师费", "60,000.00元", f"证据{vouchers}：维权合理开支凭证（07-expense-vouchers.txt）"),
    ]
    sec = scenario_section(body, "punitive")
    assert "合计：250,002.00 ＋ 65,968.00 ＝ 315,970.00（元）" in [v for kind, v in sec if kind == "p"]


def test_a_head_resting_on_another_head_names_it(drafted):
    _, _, body = drafted["brand-v-seller"]
    heads = heads_of(scenario_section(body, "punitive_additive"))
    assert heads["惩罚性赔偿"]["amount"] == "250,002.00"
    assert ("惩罚性赔偿基数", "83,334.00元", "本方案“经济损失”项") in heads["惩罚性赔偿"]["inputs"]
    assert heads["惩罚性赔偿"]["inputs"][1][2].endswith("scenarios.punitive_additive.trademark.punitive_reading")


def test_company_units_by_product_name_their_skus(drafted):
    target, _, body = drafted["company-v-seller"]
    heads = heads_of(scenario_section(body, "compensatory"))
    inputs = heads["经济损失"]["inputs"]
    assert inputs[0][:2] == ("麓芽儿童学步鞋：侵权商品销售数量（件）", "392")   # 242 + 150 units of LY-XB-01/02
    assert "商家编码LY-XB-01、LY-XB-02" in inputs[0][2]
    assert inputs[2][:2] == ("麓芽儿童运动鞋：侵权商品销售数量（件）", "303")   # 194 + 109 of LY-YD-21/22
    assert "商家编码LY-YD-21、LY-YD-22" in inputs[2][2]
    assert inputs[1][1] == "42.00元" and inputs[3][1] == "58.00元"


@pytest.mark.parametrize("name", CN_EXAMPLES)
def test_every_input_of_every_head_is_listed_with_its_source(drafted, damages_json, name):
    """Each scenario's heads in the report: amount, formula, and each input with a source a reader can find."""
    target, _, body = drafted[name]
    numbers = exhibit_numbers_by_file(target)
    sales_files = {"orders.csv": sha256(EXAMPLES / name / "sales" / "orders.csv")}
    extract = numbers["sales-extract.csv"]
    for scenario in damages_json[name]["scenarios"]:
        heads = heads_of(scenario_section(body, scenario["name"]))
        assert [h for h in heads] == [h["label"] for h in scenario["heads"]]
        labels = {h["code"]: h["label"] for h in scenario["heads"]}
        for h in scenario["heads"]:
            got = heads[h["label"]]
            assert got["amount"] == money(h["amount"])
            assert f"计算式：{h['formula']}" in got["paragraphs"]
            assert len(got["inputs"]) == len(h["inputs"]), (scenario["name"], h["code"])
            for want, (_, value, source) in zip(h["inputs"], got["inputs"], strict=True):
                raw, src = want["value"], want["source"]
                if re.fullmatch(r"\d+\.\d{2}", raw):
                    assert value == money(raw) + "元", (want, value)
                elif re.fullmatch(r"\d+", raw):
                    assert value.replace(",", "").startswith(raw), (want, value)
                elif want["name"] != "punitive_reading":
                    assert value == raw
                if src.startswith("case.yaml"):
                    key = src.split(" ")[1]
                    assert re.match(rf"^case\.yaml第\d+行：{re.escape(key)}", source), (src, source)
                elif src.startswith("evidence/"):
                    file = src.split("/", 1)[1]
                    assert source.startswith(f"证据{numbers[file]}：") and source.endswith(f"（{file}）"), source
                elif src.startswith("sales/orders.csv"):
                    assert "orders.csv第" in source and f"（SHA-256：{sales_files['orders.csv']}）" in source
                    assert re.search(r"第2至\d+行", source) and source.endswith(f"明细摘录见证据{extract}")
                else:
                    assert source == f"本方案“{labels[src]}”项", (src, source)


# -- fees bracket by bracket -----------------------------------------------------------------------

CASE_FEE_315970 = [
    ("不超过10,000.00元的部分", "每件交纳50.00元", "10,000.00", "50.00"),
    ("超过10,000.00元至100,000.00元的部分", "2.5%", "90,000.00", "2,250.00"),
    ("超过100,000.00元至200,000.00元的部分", "2%", "100,000.00", "2,000.00"),
    ("超过200,000.00元至500,000.00元的部分", "1.5%", "115,970.00", "1,739.55"),
    ("合计", "", "", "6,039.55"),
]
PRESERVATION_315970 = [
    ("不超过1,000.00元的部分", "每件交纳30.00元", "1,000.00", "30.00"),
    ("超过1,000.00元至100,000.00元的部分", "1%", "99,000.00", "990.00"),
    ("超过100,000.00元的部分", "0.5%", "215,970.00", "1,079.85"),
    ("合计", "", "", "2,099.85"),
]


def test_brand_fees_bracket_by_bracket(drafted):
    _, _, body = drafted["brand-v-seller"]
    sec = scenario_section(body, "punitive")
    rows, paras = fee_table(sec, "案件受理费")
    assert rows == CASE_FEE_315970
    assert paras[0] == "案件受理费：6,039.55元（《诉讼费用交纳办法》第十三条第（一）项）"
    assert paras[1].startswith("计费基数：315,970.00元")
    rows, paras = fee_table(sec, "财产保全申请费")
    assert rows == PRESERVATION_315970
    assert paras[0] == "财产保全申请费：2,099.85元（《诉讼费用交纳办法》第十四条第（二）项）"


def test_platform_fees_show_exact_parts_and_the_claim_limit(drafted):
    _, _, body = drafted["platform-v-seller"]
    rows, paras = fee_table(scenario_section(body, "aggressive"), "案件受理费")
    # 1,098,764.00: 50 + 2,250 + 2,000 + 4,500 + 5,000 + 98,764 × 0.9% (888.876) = 14,688.876 → 14,688.88
    assert rows[4:] == [("超过500,000.00元至1,000,000.00元的部分", "1%", "500,000.00", "5,000.00"),
                        ("超过1,000,000.00元至2,000,000.00元的部分", "0.9%", "98,764.00", "888.876"),
                        ("合计", "", "", "14,688.876")]
    assert "案件受理费为14,688.88元（计算结果四舍五入至分）。" in paras
    rows, paras = fee_table(scenario_section(body, "base"), "财产保全申请费")
    # 300,000.00 preserved (not above the claim of 401,674.00): 30 + 990 + 200,000 × 0.5% = 2,020.00
    assert rows == [("不超过1,000.00元的部分", "每件交纳30.00元", "1,000.00", "30.00"),
                    ("超过1,000.00元至100,000.00元的部分", "1%", "99,000.00", "990.00"),
                    ("超过100,000.00元的部分", "0.5%", "200,000.00", "1,000.00"), ("合计", "", "", "2,020.00")]
    # conservative: 300,000.00 asked, the claim is 66,529.00: the fee is on the claim, 30 + 65,529 × 1% = 685.29
    rows, paras = fee_table(scenario_section(body, "conservative"), "财产保全申请费")
    assert rows == [("不超过1,000.00元的部分", "每件交纳30.00元", "1,000.00", "30.00"),
                    ("超过1,000.00元至100,000.00元的部分", "1%", "65,529.00", "655.29"), ("合计", "", "", "685.29")]
    assert paras[1].startswith("计费基数：66,529.00元，申请保全300,000.00元，超过诉讼请求")


def test_company_has_no_preservation_fee(drafted):
    _, _, body = drafted["company-v-seller"]
    summary = table_after(body, "一、各方案汇总")
    assert all(r[4] == "—" for r in summary[1:])
    sec = scenario_section(body, "punitive")
    assert not any(kind == "p" and v.startswith("财产保全申请费：") for kind, v in sec)
    rows, _ = fee_table(sec, "案件受理费")   # 123,774.00 = 68,076.00 + 55,698.00
    assert rows[-2:] == [("超过100,000.00元至200,000.00元的部分", "2%", "23,774.00", "475.48"),
                         ("合计", "", "", "2,775.48")]


def test_summary_procedure_halves_the_exact_fee(case_copy, tmp_path):
    case = case_copy("platform-v-seller")
    edit_case(case, "procedure: ordinary", "procedure: summary")
    target = tmp_path / "out"
    pipeline.draft(case, out_dir=target, only=["appendix"])
    body = blocks(target / "appendix.docx")
    rows, paras = fee_table(scenario_section(body, "base"), "案件受理费")
    # 401,674.00: 50 + 2,250 + 2,000 + 201,674 × 1.5% (3,025.11) = 7,325.11; halved 3,662.555 → 3,662.56
    assert rows[-1] == ("合计", "", "", "7,325.11")
    assert "适用简易程序，减半交纳：7,325.11 × 0.5 ＝ 3,662.555，四舍五入至分为3,662.56元。" in paras
    assert paras[0].startswith("案件受理费：3,662.56元")


def test_preservation_fee_capped_bracket_by_bracket():
    b = preservation_fee_breakdown(D("1000000.00"))
    assert [(x.part, x.fee) for x in b.brackets] == [(D("1000"), D("30")), (D("99000"), D("990")),
                                                     (D("900000"), D("4500"))]
    assert b.exact == D("5520") and b.capped and b.cap == D("5000") and b.fee == D("5000.00")


def test_personality_schedule_bracket_by_bracket():
    # Art. 13(2)2 at 401,674.00 with the default per-case fee 500: 500 + 0 + 50,000 × 1% + 301,674 × 0.5% = 2,508.37
    b = case_fee_breakdown(D("401674.00"), schedule="personality")
    assert b.per_case == D("500")
    assert [(x.lower, x.upper, x.rate, x.part, x.fee) for x in b.brackets] == [
        (D("0"), D("50000"), None, D("50000"), D("0")), (D("50000"), D("100000"), D("0.01"), D("50000"), D("500")),
        (D("100000"), None, D("0.005"), D("301674.00"), D("1508.37"))]
    assert b.fee == D("2508.37")


@pytest.mark.parametrize("amount", ["0", "0.01", "1000", "10000", "10000.01", "10001", "99999.99", "100000",
                                    "200000.5", "500000", "896000", "1098764", "2000000", "12345678.91",
                                    "20000001", "99999999999999.99"])
def test_breakdowns_give_the_fee_functions_figures(amount):
    a = D(amount)
    for summary in (False, True):
        assert case_fee_breakdown(a, summary=summary).fee == case_acceptance_fee(a, summary=summary)
        assert sum(b.fee for b in case_fee_breakdown(a).brackets) == case_fee_breakdown(a).exact
    assert case_fee_breakdown(a, schedule="personality", per_case=D("100")).fee == case_acceptance_fee(
        a, schedule="personality", per_case=D("100"))
    assert preservation_fee_breakdown(a).fee == preservation_fee(a)


# -- the sales tables reconcile with `sales --format json` ------------------------------------------

@pytest.mark.parametrize("name", CN_EXAMPLES)
def test_sales_tables_reconcile_with_the_sales_command(drafted, sales_json, name):
    _, _, body = drafted[name]
    s = sales_json[name]
    report = s["report"]
    files = table_after(body, "三、交易数据")
    assert files[0] == ["文件", "数据行（行号）", "SHA-256"]
    assert files[1:] == [[Path(f["path"]).name, f"{f['rows']:,}行（第{f['first_line']}至{f['last_line']}行）",
                          sha256(EXAMPLES / name / f["path"])] for f in s["files"]]

    recon = table_after(body, "（一）数据行核对")
    counts = {label: int(n.replace(",", "")) for label, n in recon[1:]}
    assert counts.pop("合计（等于读取的数据行）") == report["rows_read"]
    assert counts.pop("计入的订单行") == report["rows_kept"]
    assert counts.pop("排除：格式错误、无法读取的行", 0) == report["rejected"]
    labels = {"outside_period": "排除：下单时间不在主张期间内", "closed": "排除：交易关闭",
              "fully_refunded": "排除：全额退款", "unpaid": "排除：未付款",
              "duplicate": "排除：重复导出的订单行（同一订单行只计一次）",
              "not_counterfeit": "排除：非涉案商品的订单行（商家编码不属于涉案商品）"}
    assert {rule: counts[labels[rule]] for rule in report["excluded"]} == report["excluded"]
    assert len(counts) == len(report["excluded"])
    assert report["rows_kept"] + sum(report["excluded"].values()) + report["rejected"] == report["rows_read"]

    by_sku = table_after(body, "（二）按商家编码")
    assert by_sku[0] == ["商家编码", "商品", "订单行", "件数", "买家数", "成交金额", "退款金额", "实际成交金额"]
    want = [[x["sku"], x["product"], f"{x['orders']:,}", f"{x['units']:,}", f"{x['customers']:,}", money(x["gross"]),
             money(x["refunds"]), money(x["net"])] for x in s["by_sku"]]
    assert by_sku[1:-1] == want
    t = s["totals"]
    assert by_sku[-1] == ["合计", "", f"{report['rows_kept']:,}", f"{t['units']:,}", f"{t['customers']:,}",
                          money(t["gross"]), money(t["refunds"]), money(t["net"])]

    by_month = table_after(body, "（三）按月份")
    months: dict[str, list] = {}
    for x in s["by_month"]:
        m = months.setdefault(x["month"], [0, 0, D(0), D(0), D(0)])
        m[0] += x["orders"]
        m[1] += x["units"]
        m[2] += D(x["gross"])
        m[3] += D(x["refunds"])
        m[4] += D(x["net"])
    assert by_month[1:-1] == [[m, f"{v[0]:,}", f"{v[1]:,}", money(v[2]), money(v[3]), money(v[4])]
                              for m, v in sorted(months.items())]
    assert by_month[-1] == ["合计", f"{report['rows_kept']:,}", f"{t['units']:,}", money(t["gross"]),
                            money(t["refunds"]), money(t["net"])]


def test_hand_counts_of_the_examples_sales(drafted):
    """brand-v-seller: 640 rows, 31 closed, 609 kept, 969 units (docs/damages-cn.md, worked example); company-v-seller:
    598 rows of which 116 other goods, 3 unpaid, 30 closed, 3 fully refunded, 2 duplicates, 444 kept."""
    recon = table_after(drafted["brand-v-seller"][2], "（一）数据行核对")
    assert recon[1:] == [["计入的订单行", "609"], ["排除：交易关闭", "31"], ["合计（等于读取的数据行）", "640"]]
    recon = table_after(drafted["company-v-seller"][2], "（一）数据行核对")
    assert [r[1] for r in recon[1:]] == ["444", "116", "3", "30", "3", "2", "598"]
    by_sku = table_after(drafted["brand-v-seller"][2], "（二）按商家编码")
    assert by_sku[-1][3] == "969"


# -- the exhibits' hashes --------------------------------------------------------------------------

@pytest.mark.parametrize("name", CN_EXAMPLES)
def test_exhibits_table_gives_each_files_sha256(drafted, name):
    target, _, body = drafted[name]
    numbers = exhibit_numbers_by_file(target)
    rows = table_after(body, "四、证据文件哈希值")
    assert rows[0] == ["序号", "证据名称（文件）", "SHA-256"]
    assert len(rows) - 1 == len(numbers)
    for number, title, digest in rows[1:]:
        file = re.search(r"（([^（）]+)）$", title).group(1)
        assert numbers[file] == int(number)
        path = target / file if file == "sales-extract.csv" else EXAMPLES / name / "evidence" / file
        assert digest == sha256(path), file


# -- PDF (LibreOffice) -----------------------------------------------------------------------------

@pytest.mark.parametrize("name", CN_EXAMPLES)
def test_appendix_converts_to_pdf_without_template_syntax(name, tmp_path):
    require_tool("soffice")
    from pypdf import PdfReader

    result = run_cli("draft", EXAMPLES / name, "-o", tmp_path, "--pdf", "--only", "appendix")
    assert result.code == 0, result.err
    pdf = tmp_path / "appendix.pdf"
    assert pdf.is_file()
    text = re.sub(r"\s+", "", "".join(page.extract_text() or "" for page in PdfReader(pdf).pages))
    assert text.startswith("损失计算说明")
    for bad in ("{{", "{%", "\ufffd"):
        assert bad not in text, bad
    assert "SHA-256" in text and "合计（等于读取的数据行）" in text
