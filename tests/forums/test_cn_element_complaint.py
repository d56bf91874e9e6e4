"""The element-style (要素式) complaint for 侵害商标权纠纷 (templates/cn/complaint-element.md.j2, forums/cn/element.py).

Expected texts are written by hand from the examples' case files and READMEs: every element of the SPC's form
No. 23 (说明, parties with their ticks, the requests as ticked choices, 事实与理由 under the form's headings, related
cases, mediation, signature) with the example's values, and no placeholder or blank field.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import docx
import pytest
from support import EXAMPLES, edit_case, require_tool, run_cli

from litigator import pipeline
from litigator.casefile import load_case
from litigator.errors import LitigatorError
from litigator.forums.cn import FORUM
from litigator.forums.cn.documents import documents_for

# Paragraphs of the element form that end with a colon because the next paragraphs are their content.
HEADINGS_WITH_CONTENT = {"说明：", "1. 被告侵权行为表现形式、使用的侵权标识图样及比对意见：", "2. 被告主观故意程度及具体情节：",
                         "3. 损害后果：", "是否了解先行调解解决纠纷的好处：", "原告主张的各项金额计算如下：", "5. 其他：",
                         "法定代表人（签名）："}


def paragraphs(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs if p.text]


def listed(path: Path) -> dict[int, str]:
    """The evidence list: number → title (rows whose first cell is a number)."""
    d = docx.Document(str(path))
    return {int(r.cells[0].text): r.cells[1].text for t in d.tables for r in t.rows if r.cells[0].text.isdigit()}


def number(target: Path, title: str) -> int:
    """The exhibit number the evidence list gives the exhibit whose title starts with ``title``."""
    return next(n for n, t in listed(target / "evidence-list.docx").items() if t.startswith(title))


@pytest.fixture(scope="module")
def drafted(tmp_path_factory):
    out = {}
    for name in ("brand-v-seller", "company-v-seller"):
        target = tmp_path_factory.mktemp(name)
        result = pipeline.draft(EXAMPLES / name, out_dir=target)
        out[name] = (target, result, paragraphs(target / "complaint.docx"))
    return out


def no_placeholder(paras: list[str]) -> None:
    text = "\n".join(paras)
    for bad in ("{{", "{%", "None", "未填写", "待补充", "__", "\\", "\ufffd"):
        assert bad not in text, bad
    blank = [p for p in paras if p.endswith("：") and p not in HEADINGS_WITH_CONTENT]
    assert not blank, blank  # a label with nothing after it


# -- the brand example: every element with its values ---------------------------------------------------------

def test_the_brand_example_gets_the_element_form_by_default(drafted):
    case = load_case(EXAMPLES / "brand-v-seller").case
    assert documents_for(case)["complaint"].template == "cn/complaint-element.md.j2"
    target, result, paras = drafted["brand-v-seller"]
    assert paras[:2] == ["民事起诉状", "（侵害商标权纠纷）"]
    assert "ELEMENT_MISSING" not in result.warning_codes
    assert "EXHIBIT_NOT_CITED" not in result.warning_codes
    no_placeholder(paras)


def test_the_notes_and_the_special_warning(drafted):
    _, _, paras = drafted["brand-v-seller"]
    text = "\n".join(paras)
    assert "说明：\n为了方便您更好地参加诉讼，保护您的合法权利，请填写本表。\n1. 起诉时需向人民法院提交证明您身份的材料" in text
    assert "2. 本表所列内容是您参加诉讼以及人民法院查明案件事实所需，请务必如实填写。" in text
    assert "您认为与案件无关的项目可以填“无”或不填" in text
    assert "4. 本表word电子版填写时，相关栏目可复制粘贴或扩容，但不得改变要素内容、格式设置。" in text
    assert ("★特别提示★\n诉讼参加人应遵守诚信原则如实认真填写表格。如果诉讼参加人违反有关规定，虚假诉讼、恶意诉讼、滥用诉权，"
            "人民法院将视违法情形依法追究责任。") in text


def test_the_parties_with_their_ticks(drafted):
    _, _, paras = drafted["brand-v-seller"]
    text = "\n".join(paras)
    assert ("当事人信息\n原告（法人、非法人组织）\n名称：青岚生物科技（上海）有限公司\n"
            "住所地（主要办事机构所在地）：上海市浦东新区示例路1288号6幢5楼\n注册地／登记地：上海市浦东新区\n"
            "法定代表人／负责人：沈某某　职务：执行董事　联系电话：021-5088 0000\n统一社会信用代码：91310115MA1K4QLN2X\n"
            "类型：有限责任公司☑ 其他企业法人☐ 社会服务机构☐ 股份有限公司☐ 上市公司☐ 事业单位☐") in text
    assert "所有制性质：国有☐（控股☐ 参股☐） 民营☑ 其他☐" in text
    assert ("委托诉讼代理人：有☑ 无☐\n姓名：陆某某\n单位：上海示例知识产权律师事务所　职务：律师　联系电话：13917700000\n"
            "代理权限：一般授权☐ 特别授权☑") in text
    assert ("被告（自然人）\n姓名：罗某某\n性别：男☑ 女☐\n出生日期：1991年7月23日　民族：汉族\n联系电话：13588800000\n"
            "住所地（户籍所在地）：浙江省杭州市余杭区仓前街道示例路66号2幢1单元801室\n"
            "证件类型：居民身份证　证件号码：330110199107233513") in text


def test_the_requests_as_ticked_choices(drafted):
    target, _, paras = drafted["brand-v-seller"]
    text = "\n".join(paras)
    claims = text.split("\n诉讼请求\n", 1)[1].split("\n事实与理由\n", 1)[0]
    # the full requests first (the form lets them be stated in full), then the form's elements
    assert "1. 判令被告立即停止销售侵犯原告第29876543号“青岚”注册商标专用权的商品；" in claims
    assert "以上金钱给付请求合计人民币315,970.00元（大写：人民币叁拾壹万伍仟玖佰柒拾元整）。" in claims
    assert ("1. 停止侵权：有☑ 无☐\n☑1. 立即停止销售侵害原告第29876543号“青岚”商标权的侵权商品\n"
            "☑2. 立即停止在店铺招牌☐ 店内装饰☐ 宣传册☐ 网站（网店）宣传、链接☑（淘宝网“岚美正品小铺”店铺） 其他场合☐ "
            "使用侵害原告第29876543号“青岚”商标权的标识\n☐3. 立即停止其他侵权行为") in claims
    # damages: 969 × 86.00 = 83,334.00 × 3 = 250,002.00 (README), actual loss as the punitive base
    extract, audit = number(target, "被告店铺侵权商品交易明细"), number(target, "单位利润专项说明")
    assert ("2. 赔偿经济损失：有☑ 无☐　经济损失250,002.00元\n原告损失☐ 被告获利☐ 商标许可使用费☐\n法定赔偿☐\n"
            "惩罚性赔偿☑　基数的确定方式：原告损失☑ 被告获利☐ 商标许可使用费☐　倍数：3\n"
            f"计算依据或参考因素：（青岚修护精华液销售969件（证据{extract}）×注册商标商品单位利润86.00元（证据{audit}））"
            "×3倍＝250,002.00元；") in claims
    # expenses in the form's order, each with its amount and voucher (all four name exhibits)
    vouchers, notarial = number(target, "维权合理开支凭证"), number(target, "（2025）浙杭示证民字第4417号公证书")
    assert ("3. 支付合理费用：有☑ 无☐　合计65,968.00元\n"
            f"律师费60,000.00元　律师费凭证：有☑ 无☐（证据{vouchers}）\n"
            f"公证费4,000.00元　公证费凭证：有☑ 无☐（证据{vouchers}）\n"
            f"购买产品费168.00元　购买产品费凭证：有☑ 无☐（证据{notarial}）\n"
            f"差旅费1,800.00元　差旅费凭证：有☑ 无☐（证据{vouchers}）") in claims
    assert "4. 是否主张诉讼费用：是☑ 否☐（含财产保全申请费）" in claims
    assert "5. 其他请求：有☑ 无☐　内容：被告销毁其库存的侵犯原告第29876543号“青岚”注册商标专用权的商品。" in claims


def test_the_facts_under_the_forms_headings(drafted):
    target, _, paras = drafted["brand-v-seller"]
    text = "\n".join(paras)
    facts = text.split("\n事实与理由\n", 1)[1]
    heads = ["1. 原告主体情况", "2. 原告商标权属事实", "3. 原告商标权使用及知名度事实",
             "4. 被告商标侵权事实（包括持续时间、使用场合、表现形式、主观故意程度及损害后果等）"]
    assert [facts.index(f"\n{h}\n") for h in heads[1:]] == sorted(facts.index(f"\n{h}\n") for h in heads[1:])
    assert facts.startswith(heads[0])
    # (1) standing: the registrant
    assert "\n商标注册人☑ 利害关系人☐：被许可人☐：①独占使用许可合同的被许可人☐　②排他使用许可合同的被许可人☐" in facts
    assert "原告系第29876543号“青岚”注册商标的注册人，依法享有该注册商标专用权（证据1）。" in facts
    # (2) title: number, image, goods and class, filing and registration dates, term; well-known no; no proceedings
    assert ("1. 权利商标情况：第29876543号“青岚”注册商标；标志图样：文字商标“青岚”（证据1）；"
            "核定使用商品：第3类化妆品；护肤品；洁肤乳液；美容面膜；申请日期：2017年11月6日；核准注册日期：2019年1月28日；"
            "有效期至2029年1月27日；注册人：青岚生物科技（上海）有限公司（证据1）。") in facts
    assert "\n2. 是否主张驰名：是☐ 否☑\n" in facts
    assert ("3. 效力状态（是否存在或正处于商标授权确权程序）：有效（有效期至2029年1月27日）；"
            "不存在且未处于商标授权确权程序。") in facts
    # (3) use and reputation
    appraisal = number(target, "鉴别证明")
    assert ("“青岚”注册商标的使用及知名度情况：原告在其生产的“青岚修护精华液”等护肤品上使用“青岚”商标，"
            f"相关商品仅通过原告官方旗舰店销售（证据{appraisal}）。") in facts
    # (4) infringement: form of use and the sign compared, duration and venue, intent, harm, punitive grounds
    notarial = number(target, "（2025）浙杭示证民字第4417号公证书")
    assert ("被诉侵权商品（精华液）使用了“青岚”标识：公证购买的“青岚QINGLAN修护精华液30ml”的商品标题、瓶身及外包装均使用"
            f"“青岚”标识（证据{notarial}）。比对意见：该标识与原告第29876543号“青岚”注册商标相同，"
            "被诉侵权商品与该商标核定使用的商品相同。") in facts
    assert "持续时间：自2024年3月1日至2025年12月31日。使用场合：网站（网店），即淘宝网“岚美正品小铺”店铺。" in facts
    assert "属于《中华人民共和国商标法》第五十七条第（三）项规定的侵犯注册商标专用权的行为" in facts
    warning = number(target, "侵权警告函及签收记录")
    assert ("2. 被告主观故意程度及具体情节：\n被告明知其销售的商品系侵权商品，仍继续销售：2024年9月10日原告向被告发出侵权警告函，"
            f"被告签收后仍继续销售被诉侵权商品（证据{warning}）。") in facts
    assert "具体情节：被告店铺在售商品均为被诉侵权商品，以侵权为业，持续近两年，销售订单六百余笔" in facts
    assert "3. 损害后果：\n原告持人民法院出具的调查令，向淘宝网调取了被告店铺的交易数据" in facts
    assert "共计609笔订单、969件" in facts
    assert ("4. 是否存在适用惩罚性赔偿的事由：是。原告依据《中华人民共和国商标法》第六十三条第一款、"
            "《最高人民法院关于审理侵害知识产权民事案件适用惩罚性赔偿的解释》第二条，明确惩罚性赔偿的数额") in facts
    assert "请求按计算基数的3倍确定赔偿数额：83,334.00×3=250,002.00元" in facts
    assert "综上所述，为维护原告的合法权益，依据《中华人民共和国商标法》第五十七条第（三）项" in facts


def test_related_cases_mediation_and_signature(drafted):
    _, _, paras = drafted["brand-v-seller"]
    text = "\n".join(paras)
    assert ("关联案件信息\n（原告依据本案注册商标提起的其他侵害商标权诉讼）\n有☑ 无☐　内容：共1件（已结1件、未结0件）\n"
            "1. 案号：（2025）沪0115民初20517号；案由：侵害商标权纠纷；当事人：青岚生物科技（上海）有限公司诉上海某某化妆品商行；"
            "审理法院：上海市浦东新区人民法院；案件进展：已结，2025年8月调解结案；涉及商标：第29876543号。") in text
    mediation = text.split("\n对纠纷解决方式的意愿\n", 1)[1].split("\n此致\n", 1)[0]
    assert mediation.startswith("是否了解调解作为非诉讼纠纷解决方式，能及时、高效、低成本、不伤和气地解决纠纷：了解☑ 不了解☐")
    assert mediation.count("了解☑ 不了解☐") == 6  # the general question and the five statements
    assert "2. 选择先行调解，调解成功且自动履行的免交诉讼费用，申请司法确认的不交纳诉讼费用，要求出具调解书的减半交纳诉讼费用。" in mediation
    assert mediation.endswith("是否考虑先行调解：是☐ 否☑ 暂不确定，想要了解更多内容☐")
    assert text.endswith("此致\n杭州市余杭区人民法院\n具状人（签字、盖章）：青岚生物科技（上海）有限公司\n法定代表人（签名）：\n"
                         "日期：2026年12月1日\n附：本起诉状副本1份；证据材料9份（详见证据目录）。")


@pytest.mark.parametrize("name", ["brand-v-seller", "company-v-seller"])
def test_every_exhibit_cited_is_in_the_evidence_list_and_every_listed_one_is_cited(drafted, name):
    target, result, paras = drafted[name]
    numbers = listed(target / "evidence-list.docx")
    assert list(numbers) == list(range(1, len(numbers) + 1))  # one numbering sequence
    cited = {int(n) for n in re.findall(r"（证据(\d+)）", "\n".join(paras))}
    assert cited == set(numbers)
    assert "EXHIBIT_NOT_CITED" not in result.warning_codes


# -- the company example: two defendants, jointly liable --------------------------------------------------------

def test_the_company_example_pleads_two_defendants_jointly(drafted):
    target, result, paras = drafted["company-v-seller"]
    text = "\n".join(paras)
    assert "ELEMENT_MISSING" not in result.warning_codes
    no_placeholder(paras)
    assert "被告一（法人、非法人组织）\n名称：上海童趣汇商贸有限公司" in text
    assert "注册地／登记地：上海市浦东新区\n法定代表人／负责人：郑某某　职务：执行董事\n统一社会信用代码：91310115MA1H7WD371" in text
    assert text.count("所有制性质：国有☐（控股☐ 参股☐） 民营☑ 其他☐") == 2  # the plaintiff and 被告一
    assert "被告二（自然人）\n姓名：郑某某\n性别：男☐ 女☑\n出生日期：1989年4月17日　民族：汉族" in text
    assert "姓名：黄某某\n单位：麓芽童品（福建）有限公司　职务：法务专员　联系电话：13805950000\n代理权限：一般授权☑ 特别授权☐" in text
    claims = text.split("\n诉讼请求\n", 1)[1].split("\n事实与理由\n", 1)[0]
    assert "判令被告一、被告二连带赔偿原告经济损失（含惩罚性赔偿）人民币68,076.00元" in claims
    assert "2. 赔偿经济损失：有☑ 无☐　经济损失68,076.00元" in claims
    assert "惩罚性赔偿☑　基数的确定方式：原告损失☑ 被告获利☐ 商标许可使用费☐　倍数：2" in claims
    assert "3. 支付合理费用：有☑ 无☐　合计55,698.00元" in claims
    assert ("5. 其他请求：有☑ 无☐　内容：被告一销毁其库存的侵犯原告第38765421号“麓芽”注册商标专用权的商品；"
            "被告一、被告二对经济损失（含惩罚性赔偿）、合理开支承担连带赔偿责任，并连带承担本案诉讼费用。") in claims
    facts = text.split("\n事实与理由\n", 1)[1]
    assert "5. 其他：\n被告一系被告二一人出资设立的一人有限责任公司" in facts
    assert "故被告一、被告二应对本案债务承担连带责任。" in facts
    assert "关联案件信息\n（原告依据本案注册商标提起的其他侵害商标权诉讼）\n有☐ 无☑" in text
    assert "是否考虑先行调解：是☐ 否☐ 暂不确定，想要了解更多内容☑" in text
    assert "附：本起诉状副本2份" in text


# -- the narrative form: an option for trademark cases, the only form for contract cases ---------------------------

def test_the_narrative_form_stays_available_and_is_what_a_contract_case_gets(case_copy, tmp_path):
    case_dir = case_copy("brand-v-seller")
    edit_case(case_dir, "filing_date:", "complaint_form: narrative\nfiling_date:")
    pipeline.draft(case_dir, out_dir=tmp_path / "narrative", only=["complaint"])
    text = "\n".join(paragraphs(tmp_path / "narrative" / "complaint.docx"))
    assert "（侵害商标权纠纷）" not in text and "☑" not in text
    assert "证据和证据来源" in text and "原告：青岚生物科技（上海）有限公司，住所地：" in text
    platform = load_case(EXAMPLES / "platform-v-seller").case
    assert documents_for(platform)["complaint"] == FORUM.documents["complaint"]
    pipeline.draft(EXAMPLES / "platform-v-seller", out_dir=tmp_path / "platform", only=["complaint"])
    assert "☑" not in "\n".join(paragraphs(tmp_path / "platform" / "complaint.docx"))
    contract = case_copy("platform-v-seller")
    edit_case(contract, "filing_date:", "complaint_form: element\nfiling_date:")
    with pytest.raises(LitigatorError, match="cannot plead breach_of_contract; use complaint_form: narrative"):
        load_case(contract)


def test_unfair_competition_keeps_the_narrative_form(case_copy):
    case_dir = case_copy("brand-v-seller")
    edit_case(case_dir, "claims: [trademark_infringement, reasonable_expenses]",
              "claims: [trademark_infringement, unfair_competition, reasonable_expenses]")
    assert documents_for(load_case(case_dir).case)["complaint"].template == "cn/complaint.md.j2"


# -- what case.yaml does not give: a warning naming the form's field, and the line left out ----------------------

def test_missing_elements_warn_and_leave_their_lines_out(case_copy, tmp_path):
    case_dir = case_copy("brand-v-seller")
    for line in ("    filed_on: 2017-11-06                 # 申请日期 (from the register; the certificate excerpt "
                 "shows the term)\n",
                 "    image: {exhibit: evidence/01-trademark-registration.txt, description: 文字商标“青岚”}\n",
                 "    proceedings: []                      # no invalidation or cancellation, pending or decided\n",
                 "organisations:                             # 类型 (有限责任公司, read from the name) and 所有制性质\n"
                 "  青岚生物科技（上海）有限公司: {ownership: private, registered_at: 上海市浦东新区}\n",
                 "mediation: {aware: true, pre_filing: \"no\"}   # 了解调解; 不考虑先行调解\n",
                 "related_cases:                             # the plaintiff's other suit on mark No. 29876543 (关联案件信息)\n"
                 "  - case_number: （2025）沪0115民初20517号\n"
                 "    cause: 侵害商标权纠纷\n"
                 "    parties: 青岚生物科技（上海）有限公司诉上海某某化妆品商行\n"
                 "    court: 上海市浦东新区人民法院\n"
                 "    status: concluded\n"
                 "    progress: 2025年8月调解结案\n"
                 "    mark: \"29876543\"\n"):
        edit_case(case_dir, line, "")
    result = pipeline.draft(case_dir, out_dir=tmp_path, only=["complaint"])
    missing = [w for w in result.warnings if w.startswith("ELEMENT_MISSING")]
    for field, key in (("权利商标情况：标志图样", "marks[0].image"), ("权利商标情况：申请时间", "marks[0].filed_on"),
                       ("效力状态（是否存在或正处于商标授权确权程序）", "marks[0].proceedings"),
                       ("原告（法人、非法人组织）所有制性质", "organisations.青岚生物科技（上海）有限公司.ownership"),
                       ("关联案件信息", "related_cases"), ("对纠纷解决方式的意愿", "mediation")):
        assert any(f"「{field}」" in w and f"set {key} in case.yaml" in w for w in missing), field
    assert len(missing) == 6
    paras = paragraphs(tmp_path / "complaint.docx")
    text = "\n".join(paras)
    no_placeholder(paras)
    for gone in ("标志图样", "申请日期", "不存在且未处于", "所有制性质", "关联案件信息", "对纠纷解决方式的意愿", "注册地／登记地"):
        assert gone not in text, gone
    assert "3. 效力状态（是否存在或正处于商标授权确权程序）：有效（有效期至2029年1月27日）。" in text  # the term is known
    assert "类型：有限责任公司☑" in text  # read from the company's name


def test_an_expense_without_a_voucher_is_ticked_no_and_an_explicit_flag_wins(case_copy, tmp_path):
    case_dir = case_copy("brand-v-seller")
    edit_case(case_dir, '  - {kind: attorney_fee, amount: "60000.00", exhibit: evidence/07-expense-vouchers.txt}\n',
              '  - {kind: attorney_fee, amount: "60000.00", exhibit: evidence/07-expense-vouchers.txt}\n'
              '  - {kind: appraisal, amount: "500.00"}\n'
              '  - {kind: investigation, amount: "300.00", voucher: true}\n')
    edit_case(case_dir, '  amount: "315970.00"', '  amount: "316770.00"')  # preservation up to the new claim
    result = pipeline.draft(case_dir, out_dir=tmp_path, only=["complaint"])
    text = "\n".join(paragraphs(tmp_path / "complaint.docx"))
    assert "3. 支付合理费用：有☑ 无☐　合计66,768.00元" in text
    assert "\n鉴定费500.00元　鉴定费凭证：有☐ 无☑\n调查取证费300.00元　调查取证费凭证：有☑ 无☐\n" in text
    assert "EXPENSE_NO_EXHIBIT" in result.warning_codes
    edit_case(case_dir, '  - {kind: appraisal, amount: "500.00"}\n',
              '  - {kind: appraisal, amount: "500.00", voucher: false, exhibit: evidence/07-expense-vouchers.txt}\n')
    with pytest.raises(LitigatorError, match="voucher: false, but `exhibit` names the voucher"):
        load_case(case_dir)


@pytest.mark.parametrize("scenario, amount, ticks, punitive", [
    ("statutory", "300,000.00", "原告损失☐ 被告获利☐ 商标许可使用费☐\n法定赔偿☑\n惩罚性赔偿☐", "原告在本案中不主张"),
    ("punitive_additive", "333,336.00", "原告损失☐ 被告获利☐ 商标许可使用费☐\n法定赔偿☐\n惩罚性赔偿☑", "是。"),
])
def test_the_damages_method_is_ticked_from_the_scenario(drafted, tmp_path, scenario, amount, ticks, punitive):
    pipeline.draft(EXAMPLES / "brand-v-seller", out_dir=tmp_path, scenario=scenario, only=["complaint"])
    text = "\n".join(paragraphs(tmp_path / "complaint.docx"))
    assert f"2. 赔偿经济损失：有☑ 无☐　经济损失{amount}元\n{ticks}" in text
    assert f"4. 是否存在适用惩罚性赔偿的事由：{punitive}" in text
    if scenario == "statutory":
        assert "计算依据或参考因素：请求适用法定赔偿，确定赔偿数额为300,000.00元。" in text
    else:  # 83,334.00 + 3 × 83,334.00: both heads, the base's computation and the punitive part
        assert "惩罚性赔偿☑　基数的确定方式：原告损失☑ 被告获利☐ 商标许可使用费☐　倍数：3" in text
        assert "；惩罚性赔偿：83,334.00 × 3 = 250,002.00" in text


def test_the_compensatory_scenario_ticks_the_actual_loss(case_copy, tmp_path):
    case_dir = case_copy("brand-v-seller")
    edit_case(case_dir, '  amount: "315970.00"', '  amount: "149302.00"')  # preservation within that claim
    pipeline.draft(case_dir, out_dir=tmp_path, scenario="compensatory", only=["complaint"])
    text = "\n".join(paragraphs(tmp_path / "complaint.docx"))
    assert "经济损失83,334.00元\n原告损失☑ 被告获利☐ 商标许可使用费☐\n法定赔偿☐\n惩罚性赔偿☐\n计算依据或参考因素：" in text


def test_a_licensees_standing_is_ticked_and_checked(case_copy, tmp_path):
    case_dir = case_copy("brand-v-seller")
    edit_case(case_dir, "    well_known: false ",
              "    plaintiff_role: ordinary_licensee\n"
              "    licensee: {suing: alone, authorised: false}\n"
              "    well_known: false ")
    result = pipeline.draft(case_dir, out_dir=tmp_path, only=["complaint"])
    text = "\n".join(paragraphs(tmp_path / "complaint.docx"))
    assert ("商标注册人☐ 利害关系人☑：被许可人☑：①独占使用许可合同的被许可人☐　②排他使用许可合同的被许可人☐：和权利人共同起诉☐ "
            "单独起诉☐（权利人已起诉☐ 权利人未起诉☐）　③普通使用许可合同的被许可人☑：和权利人共同起诉☐ 单独起诉☑"
            "（权利人书面授权单独起诉☐；权利人未授权单独起诉☑）") in text
    assert "原告系第" not in text and "原告经其许可，取得该商标的普通使用许可（证据1）。" in text
    assert "LICENSEE_STANDING" in result.warning_codes
    edit_case(case_dir, "    licensee: {suing: alone, authorised: false}\n", "")
    result = pipeline.draft(case_dir, out_dir=tmp_path / "again", only=["complaint"])
    assert any("「原告主体情况：和权利人共同起诉 / 单独起诉」" in w for w in result.warnings)
    edit_case(case_dir, "    plaintiff_role: ordinary_licensee\n", "    licensee: {suing: alone}\n")
    with pytest.raises(LitigatorError, match="`licensee` is for a licensee plaintiff"):
        load_case(case_dir)


def test_a_registration_that_ended_is_warned_about_and_stated(case_copy, tmp_path):
    case_dir = case_copy("brand-v-seller")
    edit_case(case_dir, "    valid_until: 2029-01-27", "    valid_until: 2025-06-30")
    result = pipeline.draft(case_dir, out_dir=tmp_path, only=["complaint"])
    assert "MARK_NOT_IN_FORCE" in result.warning_codes
    assert "注册有效期已于2025年6月30日届满" in "\n".join(paragraphs(tmp_path / "complaint.docx"))


@pytest.mark.parametrize("old, new, message", [
    ("    classes: [3]", "    classes: [46]", "goods classes run from 1 to 45"),
    ("    filed_on: 2017-11-06", "    filed_on: 2019-11-06", "filed_on 2019-11-06 is after registered_on"),
    ("  - case_number: （2025）沪0115民初20517号", "  - case_number: 沪0115民初20517号", "a case number reads like"),
    ("    court: 上海市浦东新区人民法院\n    status: concluded\n    progress: 2025年8月调解结案\n    mark: \"29876543\"",
     "    court: 上海市浦东新区人民法院\n    status: concluded\n    progress: 2025年8月调解结案\n    mark: \"12345678\"",
     "mark 12345678 is not one of marks"),
    ("  青岚生物科技（上海）有限公司: {ownership", "  罗某某: {ownership", "organisations names '罗某某'"),
    ("mediation: {aware: true,", "mediation: {benefits: [true, true], aware: true,", "give five answers"),
    ("    image: {exhibit: evidence/01-trademark-registration.txt,", "    image: {exhibit: evidence/01-mark.png,",
     "names evidence/01-mark.png, which is not a file in evidence/"),
])
def test_the_element_fields_are_validated(case_copy, old, new, message):
    case_dir = case_copy("brand-v-seller")
    edit_case(case_dir, old, new)
    with pytest.raises(LitigatorError, match=re.escape(message)):
        pipeline.analyse(case_dir)


def test_a_bare_yes_no_reads_as_the_choice(case_copy):
    case_dir = case_copy("brand-v-seller")
    edit_case(case_dir, 'pre_filing: "no"', "pre_filing: false")
    assert load_case(case_dir).case.mediation.pre_filing == "no"


# -- the PDF (under CI=true the tools are required, never skipped) -------------------------------------------------

def test_the_element_complaint_converts_to_pdf_without_template_syntax_or_lost_characters(tmp_path):
    require_tool("soffice")
    pdftotext = require_tool("pdftotext")
    out = tmp_path / "out"
    result = run_cli("draft", EXAMPLES / "company-v-seller", "-o", out, "--pdf", "--only", "complaint")
    assert result.code == 0, result.err
    text = subprocess.run([pdftotext, str(out / "complaint.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    for bad in ("{{", "{%", "\ufffd"):
        assert bad not in text, bad
    flat = re.sub(r"\s+", "", text)
    assert "（侵害商标权纠纷）" in flat and "是否考虑先行调解" in flat
    assert "被告一、被告二对经济损失（含惩罚性赔偿）、合理开支承担连带赔偿责任" in flat
