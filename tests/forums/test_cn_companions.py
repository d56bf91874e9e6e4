"""Companion filings (issue 14): 授权委托书, 法定代表人身份证明书, 财产保全申请书, 送达地址确认书.

Each is its own .docx, drafted when its facts exist. Expected texts and figures are written by hand from the
examples' case files: the claims are those of the filed scenarios (platform-v-seller base 401,674.00 =
348,545.00 + 53,129.00; brand-v-seller punitive 315,970.00), and the preservation fees are computed by hand with
诉讼费用交纳办法 Art. 14(2) (30 up to 1,000; 1 % of the part to 100,000; 0.5 % above; capped at 5,000).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import docx
import pytest
from support import EXAMPLES, edit_case, exhibit_number, require_tool, run_cli

from litigator import pipeline
from litigator.casefile import load_case
from litigator.errors import LitigatorError
from litigator.forums.cn.documents import documents_for

CN_EXAMPLES = ("platform-v-seller", "brand-v-seller", "company-v-seller")
COMPANIONS = {
    "platform-v-seller": ["power-of-attorney-1", "representative-certificate-1", "preservation-application",
                          "service-address-1"],
    "brand-v-seller": ["power-of-attorney-1", "representative-certificate-1", "preservation-application",
                       "service-address-1"],
    "company-v-seller": ["power-of-attorney-1", "power-of-attorney-2", "representative-certificate-1",
                         "service-address-1"],
}
SPECIAL_ALL = "代为承认、放弃、变更诉讼请求，进行和解，提起反诉，提起上诉"


def text_of(path: Path) -> str:
    d = docx.Document(str(path))
    return "\n".join([p.text for p in d.paragraphs] + [" | ".join(c.text for c in r.cells)
                                                       for t in d.tables for r in t.rows])


@pytest.fixture(scope="module")
def drafted(tmp_path_factory):
    out = {}
    for name in CN_EXAMPLES:
        target = tmp_path_factory.mktemp(name)
        result = pipeline.draft(EXAMPLES / name, out_dir=target)
        out[name] = (target, result)
    return out


def no_placeholder(text: str) -> None:
    for bad in ("None", "{{", "{%", "待补充", "不详", "\ufffd", "××", "＿＿"):
        assert bad not in text, bad


# -- which companions each case gets ---------------------------------------------------------------

@pytest.mark.parametrize("name", CN_EXAMPLES)
def test_each_example_drafts_its_companion_filings_and_no_other(drafted, name):
    target, result = drafted[name]
    written = {p.name for p in result.written}
    for doc in COMPANIONS[name]:
        assert f"{doc}.docx" in written, doc
        no_placeholder(text_of(target / f"{doc}.docx"))
    others = {"power-of-attorney-3", "preservation-application", "representative-certificate-2",
              "service-address-2"} - set(COMPANIONS[name])
    for doc in others:
        assert f"{doc}.docx" not in written
    # the examples give every fact their filings need: no companion warning
    assert not {"POWER_OF_ATTORNEY", "REPRESENTATIVE_CERTIFICATE", "PRESERVATION_PROPERTY", "PRESERVATION_GUARANTEE",
                "PRESERVATION_REASONS", "SERVICE_ADDRESS"} & set(result.warning_codes)


def test_documents_for_gives_each_companion_its_parameters():
    case = load_case(EXAMPLES / "company-v-seller").case
    docs = documents_for(case)
    assert list(docs)[:2] == ["complaint", "evidence-list"]
    assert docs["power-of-attorney-1"].params == {"agent": 0, "plaintiff": 0}
    assert docs["power-of-attorney-2"].params == {"agent": 1, "plaintiff": 0}
    assert docs["power-of-attorney-2"].template == "cn/power-of-attorney.md.j2"
    assert docs["representative-certificate-1"].params == {"plaintiff": 0}
    assert docs["representative-certificate-1"].title == "法定代表人身份证明书"
    assert docs["service-address-1"].params == {"plaintiff": 0}
    assert "preservation-application" not in docs and "power-of-attorney" not in docs


# -- 授权委托书 ----------------------------------------------------------------------------------------

def test_power_of_attorney_special_authority_lists_the_special_powers(drafted):
    target, _ = drafted["platform-v-seller"]
    text = text_of(target / "power-of-attorney-1.docx")
    assert text.startswith("授权委托书")
    assert "委托人：杭州橙市网络有限公司，住所地：浙江省杭州市西湖区文三路示例大厦18楼。" in text
    assert "统一社会信用代码：91330106MA2B7K3P17。法定代表人：林某某，执行董事。" in text
    assert "受托人：周某某，浙江示例律师事务所律师，联系电话：13957100000。" in text
    assert ("现委托周某某在原告杭州橙市网络有限公司诉被告韩某某网络服务合同纠纷一案中，作为杭州橙市网络有限公司的"
            "委托诉讼代理人。本案由上海市奉贤区人民法院审理。") in text
    assert "代理权限：特别授权。" in text
    # the case has a preservation application: the agent may apply for it
    assert "进行质证、辩论，申请财产保全；并经委托人特别授权，" + SPECIAL_ALL + "。" in text
    assert "委托人：杭州橙市网络有限公司（盖章）\n法定代表人（签名）：\n受托人（签名）：\n2026年12月1日" in text


def test_power_of_attorney_of_a_chosen_set_of_powers_and_of_a_general_authority(drafted):
    target, _ = drafted["company-v-seller"]
    special = text_of(target / "power-of-attorney-1.docx")
    assert "受托人：许某某，上海示例律师事务所律师，执业证号：13101201810123456，联系电话：13621600000。" in special
    assert "被告上海童趣汇商贸有限公司、郑某某侵害商标权纠纷一案" in special
    # powers: [admit_claims, waive_claims, modify_claims, settle, appeal] — no counterclaim
    assert "并经委托人特别授权，代为承认、放弃、变更诉讼请求，进行和解，提起上诉。" in special
    assert "反诉" not in special
    assert "申请财产保全" not in special  # no preservation in this case
    general = text_of(target / "power-of-attorney-2.docx")
    assert "受托人：黄某某，麓芽童品（福建）有限公司法务专员，联系电话：13805950000。" in general
    assert ("代理权限：一般授权。受托人的代理事项为：代为提起诉讼，提交、签收诉讼文书，提交证据，参加庭审，"
            "进行质证、辩论。") in general
    assert "受托人无权" + SPECIAL_ALL + "。" in general
    assert "特别授权" not in general


def test_special_powers_are_validated_against_the_vocabulary(case_copy):
    old = "authority: special, powers: [admit_claims, waive_claims, modify_claims, settle, appeal]}"
    for powers, message in (("[settle, surrender]", "agents[0].powers[1]"),
                            ("[]", "at least one power"),
                            ("[appeal, appeal]", "appeal twice")):
        case_dir = case_copy("company-v-seller")
        edit_case(case_dir, old, f"authority: special, powers: {powers}}}")
        with pytest.raises(LitigatorError) as e:
            load_case(case_dir)
        assert message in "\n".join(e.value.details or [e.value.line()])
        shutil.rmtree(case_dir)
    case_dir = case_copy("company-v-seller")
    edit_case(case_dir, "authority: general}", "authority: general, powers: [settle]}")
    with pytest.raises(LitigatorError, match="general authority"):
        load_case(case_dir)


def test_an_agent_of_someone_not_a_plaintiff_gets_no_power_of_attorney(case_copy, tmp_path):
    case_dir = case_copy("company-v-seller")
    edit_case(case_dir, "authority: general}", "authority: general, party: 某某公司}")
    result = pipeline.draft(case_dir, out_dir=tmp_path)
    assert not (tmp_path / "power-of-attorney-2.docx").exists() and (tmp_path / "power-of-attorney-1.docx").exists()
    w = next(t for t in result.warnings if t.startswith("POWER_OF_ATTORNEY"))
    assert "agents[1].party" in w


def test_an_agent_without_firm_or_phone_warns_naming_the_keys(case_copy, tmp_path):
    case_dir = case_copy("platform-v-seller")
    edit_case(case_dir, 'firm: 浙江示例律师事务所, title: 律师, phone: "13957100000", ', "")
    result = pipeline.draft(case_dir, out_dir=tmp_path)
    w = next(t for t in result.warnings if t.startswith("POWER_OF_ATTORNEY"))
    assert "agents[0].firm and agents[0].phone" in w
    text = text_of(tmp_path / "power-of-attorney-1.docx")
    assert "受托人：周某某律师。" in text and "联系电话：13957100000" not in text


# -- 法定代表人身份证明书 -------------------------------------------------------------------------------

@pytest.mark.parametrize("name, rep, title, company, code, address", [
    ("platform-v-seller", "林某某", "执行董事", "杭州橙市网络有限公司", "91330106MA2B7K3P17",
     "浙江省杭州市西湖区文三路示例大厦18楼"),
    ("brand-v-seller", "沈某某", "执行董事", "青岚生物科技（上海）有限公司", "91310115MA1K4QLN2X",
     "上海市浦东新区示例路1288号6幢5楼"),
    ("company-v-seller", "蔡某某", "董事长", "麓芽童品（福建）有限公司", "91350582MA8RQK4T58",
     "福建省晋江市示例工业区示例路18号"),
])
def test_representative_certificate(drafted, name, rep, title, company, code, address):
    target, _ = drafted[name]
    text = text_of(target / "representative-certificate-1.docx")
    assert text.startswith("法定代表人身份证明书")
    assert f"{rep}在我单位担任{title}职务，系我单位的法定代表人" in text
    assert f"单位名称：{company}\n统一社会信用代码：{code}\n住所地：{address}\n法定代表人：{rep}，职务：{title}" in text
    assert f"{company}（盖章）\n2026年12月1日" in text


def test_no_certificate_without_a_representative_and_a_missing_credit_code_warns(case_copy, tmp_path):
    case_dir = case_copy("brand-v-seller")
    edit_case(case_dir, "    credit_code: 91310115MA1K4QLN2X\n", "")
    result = pipeline.draft(case_dir, out_dir=tmp_path / "a")
    w = next(t for t in result.warnings if t.startswith("REPRESENTATIVE_CERTIFICATE"))
    assert "plaintiffs[0].credit_code" in w
    assert "统一社会信用代码" not in text_of(tmp_path / "a" / "representative-certificate-1.docx")
    edit_case(case_dir, "    representative: {name: 沈某某, title: 执行董事}\n", "")
    result = pipeline.draft(case_dir, out_dir=tmp_path / "b")
    assert not (tmp_path / "b" / "representative-certificate-1.docx").exists()
    assert any(t.startswith("REPRESENTATIVE_CERTIFICATE") and "plaintiffs[0].representative" in t
               for t in result.warnings)


def test_an_organisations_principal_officer_gets_a_principal_officer_certificate(case_copy, tmp_path):
    case_dir = case_copy("platform-v-seller")
    edit_case(case_dir, "    kind: company\n    credit_code: 91330106MA2B7K3P17",
              "    kind: organisation\n    credit_code: 91330106MA2B7K3P17")
    edit_case(case_dir, "representative: {name: 林某某, title: 执行董事}",
              "representative: {name: 林某某, title: 主要负责人}")
    pipeline.draft(case_dir, out_dir=tmp_path)
    text = text_of(tmp_path / "representative-certificate-1.docx")
    assert text.startswith("主要负责人身份证明书")
    assert "林某某系我单位的主要负责人，代表我单位参加" in text and "在我单位" not in text
    assert "主要负责人：林某某\n" in text and "职务" not in text


# -- 财产保全申请书 ---------------------------------------------------------------------------------------

def test_preservation_application_platform(drafted):
    target, _ = drafted["platform-v-seller"]
    text = text_of(target / "preservation-application.docx")
    registration = exhibit_number(target, "橙市网卖家注册信息（摘录）")
    assert text.startswith("财产保全申请书")
    assert "申请人：杭州橙市网络有限公司，住所地：浙江省杭州市西湖区文三路示例大厦18楼。" in text
    assert "委托诉讼代理人：周某某，浙江示例律师事务所律师，联系电话：13957100000。" in text
    assert "被申请人：韩某某，男，1988年6月14日出生，汉族，住上海市奉贤区南桥镇示例路88弄6号302室。" in text
    # the request: the amount asked, never above the claim
    assert ("请求贵院依法对被申请人韩某某名下价值人民币300,000.00元（大写：人民币叁拾万元整）的财产采取保全措施："
            "冻结其网络平台账户内的资金、冻结其银行存款；不足部分，查封、扣押或者冻结其他等值财产。") in text
    # the claim of the filed scenario (base): 348,545.00 + 53,129.00 = 401,674.00
    assert ("请求判令被申请人支付商誉损失348,545.00元、合理开支53,129.00元，"
            "以上金钱给付请求合计人民币401,674.00元") in text
    assert f"可随时转移（证据{registration}）。" in text
    assert "申请保全的财产数额300,000.00元未超过诉讼请求的金额401,674.00元" in text
    assert "第一百零五条" in text
    assert f"1. 网络平台账户资金：被申请人韩某某在橙市网“萌宠优选小店”（卖家ID S20160188）的店铺保证金及其绑定的" \
           f"支付宝账户（138****0000）内的资金（证据{registration}）；" in text
    assert "2. 银行存款：被申请人韩某某名下的银行存款。" in text
    assert ("申请人提供的担保：由示例财产保险股份有限公司杭州分公司为本次保全提供诉讼财产保全责任保险担保"
            "（诉讼财产保全责任保险保单号SPB2026330100001688），担保金额为人民币300,000.00元。") in text
    # fee on 300,000.00: 30 + 99,000 × 1 % + 200,000 × 0.5 % = 30 + 990 + 1,000 = 2,020.00
    assert ("本次申请的财产保全申请费为人民币2,020.00元（《诉讼费用交纳办法》第十四条第（二）项），"
            "由申请人预交。") in text
    assert ("此致\n上海市奉贤区人民法院\n申请人：杭州橙市网络有限公司（盖章）\n法定代表人（签名）：\n"
            "2026年12月1日") in text


def test_preservation_application_brand(drafted):
    target, _ = drafted["brand-v-seller"]
    text = text_of(target / "preservation-application.docx")
    letter = exhibit_number(target, "侵权警告函及签收记录")
    shop = exhibit_number(target, "店铺经营情况说明")
    assert "申请人：青岚生物科技（上海）有限公司" in text and "被申请人：罗某某，男，1991年7月23日出生" in text
    # the filed scenario (punitive) claims 315,970.00; the amount asked equals it
    assert "被申请人罗某某名下价值人民币315,970.00元（大写：人民币叁拾壹万伍仟玖佰柒拾元整）的财产" in text
    assert "以上金钱给付请求合计人民币315,970.00元" in text
    assert f"随时可能转移（证据{letter}）。" in text
    assert f"绑定的支付宝账户内的资金（证据{shop}）；" in text
    assert ("申请人提供的担保：由示例融资担保有限公司出具担保书（保函）（担保书编号（2026）示担字第0317号），"
            "担保金额为人民币315,970.00元。") in text
    # fee on 315,970.00: 30 + 990 + 215,970 × 0.5 % (1,079.85) = 2,099.85
    assert "财产保全申请费为人民币2,099.85元" in text


def test_several_respondents_and_a_cash_guarantee(case_copy, tmp_path):
    case_dir = case_copy("company-v-seller")
    edit_case(case_dir, "requests:\n", 'preservation:\n  amount: "100000.00"\n'
                                      '  guarantee: {kind: cash, amount: "30000.00"}\nrequests:\n')
    result = pipeline.draft(case_dir, out_dir=tmp_path)
    text = text_of(tmp_path / "preservation-application.docx")
    assert "被申请人一：上海童趣汇商贸有限公司" in text and "被申请人二：郑某某" in text
    assert "被申请人上海童趣汇商贸有限公司、郑某某名下价值人民币100,000.00元（大写：人民币壹拾万元整）的财产" in text
    # no property named: the general measure, and a warning naming the key
    assert "采取保全措施：冻结其银行存款；不足部分" in text
    assert "申请人麓芽童品（福建）有限公司提供现金担保人民币30,000.00元" in text
    # fee on 100,000.00: 30 + 99,000 × 1 % = 1,020.00
    assert "财产保全申请费为人民币1,020.00元" in text
    assert {"PRESERVATION_PROPERTY", "PRESERVATION_REASONS"} <= set(result.warning_codes)
    assert "PRESERVATION_GUARANTEE" not in result.warning_codes
    assert any("preservation.property" in t for t in result.warnings)
    assert "财产线索" not in text and "防止被申请人转移" in text
    # the agent of a case with preservation may apply for it
    assert "申请财产保全" in text_of(tmp_path / "power-of-attorney-1.docx")


def test_preservation_without_a_guarantee_warns_and_offers_none(case_copy, tmp_path):
    case_dir = case_copy("brand-v-seller")
    edit_case(case_dir, "  guarantee:\n    kind: letter\n    provider: 示例融资担保有限公司\n"
                        "    description: 担保书编号（2026）示担字第0317号\n", "")
    result = pipeline.draft(case_dir, out_dir=tmp_path)
    assert any(t.startswith("PRESERVATION_GUARANTEE") and "preservation.guarantee" in t for t in result.warnings)
    assert "担保" not in text_of(tmp_path / "preservation-application.docx").replace("担保书", "")


def test_guarantee_and_property_are_validated(case_copy):
    for old, new, key in (
        ("    kind: letter\n    provider: 示例融资担保有限公司\n", "    kind: letter\n", "preservation.guarantee"),
        ("    kind: letter\n", "    kind: bond\n", "preservation.guarantee.kind"),
        ("    - kind: platform_funds\n", "    - kind: stock\n", "preservation.property[0].kind"),
    ):
        case_dir = case_copy("brand-v-seller")
        edit_case(case_dir, old, new)
        with pytest.raises(LitigatorError) as e:
            load_case(case_dir)
        assert key in "\n".join(e.value.details or [e.value.line()])
        shutil.rmtree(case_dir)


def test_preservation_above_the_filed_claim_is_a_validation_error_naming_the_key(case_copy):
    case_dir = case_copy("brand-v-seller")
    edit_case(case_dir, '  amount: "315970.00"', '  amount: "315970.01"')
    for command in ("damages", "draft"):
        result = run_cli(command, case_dir)
        assert result.code == 2, result.err
        line = next(ln for ln in result.err.splitlines() if ln.startswith("error:"))
        assert re.search(r"case\.yaml:\d+: preservation\.amount: preservation of 315,970\.01 is asked, more than "
                         r"the claim of scenario punitive \(315,970\.00\)", line), line
    assert not (case_dir / "out").exists()


def test_preservation_above_the_claim_of_the_drafted_scenario_is_an_error(case_copy, tmp_path):
    # 315,970.00 is the filed (punitive) claim but more than the compensatory one (149,302.00)
    with pytest.raises(LitigatorError) as e:
        pipeline.draft(EXAMPLES / "brand-v-seller", out_dir=tmp_path / "a", scenario="compensatory")
    assert e.value.where.endswith(": preservation.amount") and "149,302.00" in e.value.what
    assert not (tmp_path / "a").exists()
    # statutory claims 365,968.00: drafted, and the application states that claim and the amount asked
    pipeline.draft(EXAMPLES / "brand-v-seller", out_dir=tmp_path / "b", scenario="statutory")
    text = text_of(tmp_path / "b" / "preservation-application.docx")
    assert "申请保全的财产数额315,970.00元未超过诉讼请求的金额365,968.00元" in text


# -- 送达地址确认书 ---------------------------------------------------------------------------------------

def test_service_address_with_electronic_service(drafted):
    target, _ = drafted["brand-v-seller"]
    text = text_of(target / "service-address-1.docx")
    assert text.startswith("送达地址确认书")
    assert "受送达人 | 青岚生物科技（上海）有限公司（原告）" in text
    assert "委托诉讼代理人 | 陆某某，上海示例知识产权律师事务所律师，联系电话：13917700000" in text
    assert "送达地址 | 上海市黄浦区示例路200号20楼（上海示例知识产权律师事务所）" in text
    assert "邮政编码 | 200001" in text and "收件人 | 陆某某" in text and "联系电话 | 13917700000" in text
    assert "是否同意电子送达 | 同意" in text
    assert "电子送达方式 | 电子邮箱：lu@sh-example-iplaw.example；手机短信：13917700000" in text
    assert "以送达信息到达受送达人特定系统的日期为送达日期" in text
    assert "受送达人：青岚生物科技（上海）有限公司（盖章）\n法定代表人（签名）：\n2026年12月1日" in text


def test_service_address_without_electronic_service(drafted):
    target, _ = drafted["company-v-seller"]
    text = text_of(target / "service-address-1.docx")
    assert "送达地址 | 福建省晋江市示例工业区示例路18号（法务部）" in text and "收件人 | 黄某某" in text
    assert "是否同意电子送达 | 不同意" in text
    assert "电子送达方式" not in text and "特定系统" not in text
    # both agents of the plaintiff are listed
    assert text.count("委托诉讼代理人 | ") == 2


def test_no_service_address_without_its_facts_and_the_fields_are_validated(case_copy, tmp_path):
    case_dir = case_copy("company-v-seller")
    edit_case(case_dir, "      electronic: false\n", "      electronic: true\n")
    edit_case(case_dir, '      phone: "13805950000"\n', "")
    with pytest.raises(LitigatorError, match="electronic service needs an `email`"):
        load_case(case_dir)
    shutil.rmtree(case_dir)
    for old, new, message in (('postcode: "362200"', 'postcode: "36220"', "6 digits"),
                              ("      electronic: false\n", "      email: not-an-address\n      electronic: true\n",
                               "not an email address")):
        case_dir = case_copy("company-v-seller")
        edit_case(case_dir, old, new)
        with pytest.raises(LitigatorError) as e:
            load_case(case_dir)
        assert message in "\n".join(e.value.details or [e.value.line()])
        shutil.rmtree(case_dir)
    case_dir = case_copy("company-v-seller")
    text = (case_dir / "case.yaml").read_text(encoding="utf-8")
    start = text.index("    service:")
    end = text.index("      electronic: false\n") + len("      electronic: false\n")
    (case_dir / "case.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    result = pipeline.draft(case_dir, out_dir=tmp_path)
    assert not (tmp_path / "service-address-1.docx").exists()
    assert any(t.startswith("SERVICE_ADDRESS") and "plaintiffs[0].service" in t for t in result.warnings)


def test_an_address_for_service_on_a_defendant_is_refused(case_copy, tmp_path):
    case_dir = case_copy("brand-v-seller")
    edit_case(case_dir, '    phone: "13588800000"\n',
              '    phone: "13588800000"\n    service: {address: 浙江省杭州市余杭区示例路66号, recipient: 罗某某}\n')
    with pytest.raises(LitigatorError) as e:
        pipeline.draft(case_dir, out_dir=tmp_path)
    assert e.value.where.endswith("defendants[0].service")


# -- PDF (LibreOffice) --------------------------------------------------------------------------------

@pytest.mark.parametrize("name", CN_EXAMPLES)
def test_every_companion_filing_converts_to_pdf_without_template_syntax(name, tmp_path):
    require_tool("soffice")
    from pypdf import PdfReader

    result = run_cli("draft", EXAMPLES / name, "-o", tmp_path, "--pdf")
    assert result.code == 0, result.err
    case = load_case(EXAMPLES / name).case
    for doc in COMPANIONS[name]:
        pdf = tmp_path / f"{doc}.pdf"
        assert pdf.is_file(), doc
        text = re.sub(r"\s+", "", "".join(page.extract_text() or "" for page in PdfReader(pdf).pages))
        for bad in ("{{", "{%", "\ufffd", "None"):
            assert bad not in text, (doc, bad)
        assert case.plaintiffs[0].name in text, doc
        assert "2026年12月1日" in text, doc
    pages = PdfReader(tmp_path / "power-of-attorney-1.pdf").pages
    text = re.sub(r"\s+", "", "".join(p.extract_text() or "" for p in pages))
    assert case.agents[0].name in text and case.court in text


def test_a_person_plaintiff_signs_and_gets_no_certificate(case_copy, tmp_path):
    case_dir = case_copy("platform-v-seller")
    edit_case(case_dir, "    kind: company\n    credit_code: 91330106MA2B7K3P17\n",
              '    kind: person\n    ethnicity: 汉族\n    id_number: "310120198806141233"\n')
    edit_case(case_dir, "    representative: {name: 林某某, title: 执行董事}\n", "")
    result = pipeline.draft(case_dir, out_dir=tmp_path)
    assert not (tmp_path / "representative-certificate-1.docx").exists()
    assert "REPRESENTATIVE_CERTIFICATE" not in result.warning_codes
    poa = text_of(tmp_path / "power-of-attorney-1.docx")
    assert "委托人：杭州橙市网络有限公司，男，1988年6月14日出生，汉族，" in poa
    assert "委托人：杭州橙市网络有限公司（签名）\n受托人（签名）：" in poa and "法定代表人" not in poa
    service = text_of(tmp_path / "service-address-1.docx")
    assert "受送达人：杭州橙市网络有限公司（签名）\n2026年12月1日" in service
    assert "申请人：杭州橙市网络有限公司（签名）\n2026年12月1日" in text_of(tmp_path / "preservation-application.docx")


def test_only_one_companion_filing(tmp_path):
    result = pipeline.draft(EXAMPLES / "company-v-seller", out_dir=tmp_path, only=["power-of-attorney-2"])
    assert sorted(p.name for p in result.written if p.suffix == ".docx") == ["power-of-attorney-2.docx"]
    assert "一般授权" in text_of(tmp_path / "power-of-attorney-2.docx")
