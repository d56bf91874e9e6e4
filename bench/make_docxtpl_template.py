#!/usr/bin/env python3
"""Write bench/complaint-docxtpl.docx: the docxtpl twin of templates/cn/complaint.md.j2 (+ _parties.md.j2).

    .venv/bin/python bench/make_docxtpl_template.py

The baseline of bench/drafting_speed.py: the same paragraphs (title, parties, requests, facts and reasons,
the evidence list, signature) with the same conditions and loops, read from the same context
(``pipeline.template_context``), written as a Word template the docxtpl way: ``{%p ... %}`` paragraphs for
block tags, inline ``{{ }}`` / ``{% if %}`` inside a paragraph, styles set once in the template (our
document style, applied with python-docx). The complaint has no table, so there is no ``{%tr %}`` row loop.
docxtpl un-curls quotes inside tags, so no tag here holds a “ or ”: they sit in the text between tags.

Re-run after editing complaint.md.j2 and commit the .docx it writes (core properties and zip timestamps are
fixed: the same script writes the same bytes).
"""

from __future__ import annotations

import io
import sys
import zipfile
from datetime import datetime, timezone
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "complaint-docxtpl.docx"

CENTER, RIGHT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT

PERSON = ("：{{ p.name }}，{{ p.sex ~ '，' if p.sex else '' }}"
          "{{ p.birth_date|cn_date ~ '出生，' if p.birth_date else '' }}"
          "{{ p.ethnicity ~ '，' if p.ethnicity else '' }}{{ p.occupation ~ '，' if p.occupation else '' }}"
          "{{ '工作单位：' ~ p.employer ~ '，' if p.employer else '' }}"
          "住{{ p.address if p.address else '（住所不详）' }}"
          "{{ '，经常居住地：' ~ p.residence if p.residence else '' }}。"
          "{{ '公民身份号码：' ~ p.id_number ~ '。' if p.id_number else '' }}"
          "{{ '统一社会信用代码：' ~ p.credit_code ~ '。' if p.credit_code else '' }}"
          "{{ '联系电话：' ~ p.phone ~ '。' if p.phone else '' }}")
ORG = ("：{{ p.name }}，住所地：{{ p.address if p.address else '（住所不详）' }}。"
       "{{ '统一社会信用代码：' ~ p.credit_code ~ '。' if p.credit_code else '' }}{% if p.representative %}"
       "{{ '法定代表人' if p.kind == 'company' or p.representative.title == '法定代表人' else '主要负责人' }}："
       "{{ p.representative.name }}"
       "{{ '，' ~ p.representative.title if p.representative.title not in ('法定代表人', '主要负责人') else '' }}。"
       "{% endif %}{{ '联系电话：' ~ p.phone ~ '。' if p.phone else '' }}")
PARTY = "{% if p.kind == 'person' %}" + PERSON + "{% else %}" + ORG + "{% endif %}"

MARK_CLASSES = ("{% if m.classes %}，核定使用商品为第{{ m.classes|join('、') }}类"
                "{{ m.goods if m.goods else '' }}{% endif %}"
                "{% if m.valid_until %}，该商标现处于有效期内（有效期至{{ m.valid_until|cn_date }}）{% endif %}")
LICENCE = "{{ {'exclusive_licensee': '独占', 'sole_licensee': '排他', 'ordinary_licensee': '普通'}[m.plaintiff_role] }}"


def build() -> Document:
    doc = Document()
    try:
        from litigator.drafting.styles import CHINESE, apply_styles

        apply_styles(doc, CHINESE)  # our page, fonts and paragraph styles, once, in the template
    except Exception as err:  # the look is secondary; the text is what is compared
        print(f"warning: document style not applied ({err})", file=sys.stderr)
    body = doc.element.body
    for child in list(body):
        if child.tag.endswith("}p"):
            body.remove(child)

    def p(*runs: str | tuple[str, bool], style: str | None = None, align=None) -> None:
        para = doc.add_paragraph(style=style)
        if align is not None:
            para.alignment = align
        for run in runs:
            text, bold = (run, False) if isinstance(run, str) else run
            para.add_run(text).bold = bold or None

    def tag(text: str) -> None:  # a paragraph that is only a block tag: docxtpl drops the paragraph
        doc.add_paragraph("{%p " + text + " %}")

    for line in ("set plaintiff = case.plaintiffs[0]", "set defendant = case.defendants[0]",
                 "set shop = defendant.shops[0] if defendant.shops else none",
                 "set platform = shop.platform if shop else '电子商务平台'",
                 "set product = case.products[0] if case.products else none",
                 "set trademark = 'trademark_infringement' in case.claims",
                 "set unfair = 'unfair_competition' in case.claims",
                 "set contract = 'breach_of_contract' in case.claims",
                 "set tort = 'goodwill_tort' in case.claims"):
        tag(line)
    p("民事起诉状", style="Title", align=CENTER)

    # parties (Civil Procedure Law, article on the complaint, items 1 and 2)
    tag("for p in case.plaintiffs")
    p(("{{ pleading.plaintiff_roles[loop.index0] }}", True), PARTY)
    tag("endfor")
    tag("for a in case.agents")
    p(("委托诉讼代理人", True), "：{{ a.name }}，{% if a.firm %}{{ a.firm }}{% endif %}{% if a.title %}{{ a.title }}"
      "{% endif %}{% if a.phone %}，联系电话：{{ a.phone }}{% endif %}。")
    tag("endfor")
    tag("for p in case.defendants")
    p(("{{ pleading.defendant_roles[loop.index0] }}", True), PARTY)
    tag("endfor")
    p(("案由", True), "：{{ case.cause }}")

    p("诉讼请求", style="Heading 1")
    tag("for r in pleading.requests")
    p("{{ loop.index }}. {{ r }}{{ '。' if loop.last else '；' }}")
    tag("endfor")
    p("以上金钱给付请求合计人民币{{ total|yuan }}（大写：{{ total|capital }}）。")

    p("事实与理由", style="Heading 1")
    tag("if trademark")
    tag("for m in case.marks")
    tag("if m.plaintiff_role == 'owner'")
    p("原告系第{{ m.registration_number }}号“{{ m.name }}”注册商标的专用权人" + MARK_CLASSES + "{{ ref(m.exhibit) }}。")
    tag("else")
    p("{{ m.owner if m.owner else '商标注册人' }}系第{{ m.registration_number }}号“{{ m.name }}”注册商标的专用权人"
      + MARK_CLASSES + "。原告经其许可，取得该商标的" + LICENCE + "使用许可"
      "{% if m.plaintiff_role == 'ordinary_licensee' %}，并经商标注册人明确授权以自己的名义提起诉讼{% endif %}"
      "{{ ref(m.exhibit) }}。")
    tag("endif")
    tag("endfor")
    tag("endif")
    tag("for m in case.marks if m.reputation")
    p("“{{ m.name }}”注册商标经长期使用，具有较高的知名度：{{ segments(joined(m.reputation)) }}。")
    tag("endfor")
    tag("if contract or tort")
    p("原告系{{ platform }}的经营者。被告系{{ platform }}平台内经营者{% if shop %}，在{{ platform }}开设并经营“"
      "{{ shop.name }}”店铺{{ ref(shop.exhibit) }}{% endif %}{% if case.agreement and contract %}，"
      "{{ '于' ~ (case.agreement.accepted_on|cn_date) if case.agreement.accepted_on else '' }}同意并签署"
      "{{ case.agreement.name }}{{ ref(case.agreement.exhibit) }}，与原告形成网络服务合同关系{% endif %}。")
    tag("if case.agreement and contract")
    tag("for clause in case.agreement.clauses")
    p("{{ case.agreement.name }}约定：“{{ clause }}”")
    tag("endfor")
    tag("endif")
    tag("else")
    tag("for d in case.defendants")
    tag("set role = pleading.defendant_roles[loop.index0]")
    tag("for s in d.shops")
    p("{{ role }}系{{ s.platform }}“{{ s.name }}”店铺的经营者{{ ref(s.exhibit) }}。")
    tag("endfor")
    tag("endfor")
    tag("endif")
    tag("if pleading.liability")
    p("{% for seg in pleading.liability %}{{ seg[0] }}{{ ref(seg[1]) }}{% endfor %}")
    tag("endif")
    tag("for t in case.test_purchases")
    p("{{ t.date|cn_date }}，{{ '在' ~ t.notary_office ~ '公证人员的监督下，' if t.notary_office else '' }}"
      "原告委托代理人在{{ t.platform if t.platform else platform }}{{ shop_operator(t.shop) }}经营的“"
      "{{ t.shop if t.shop else shop.name }}”店铺购买了“{{ t.product if t.product else product.name }}”"
      "{{ '（订单编号：' ~ t.order_number ~ '）' if t.order_number else '' }}"
      "{{ '，支付货款人民币' ~ (t.amount|yuan) if t.amount else '' }}"
      "{{ '。公证机构对购买过程进行了公证并出具' ~ t.notary_number ~ '公证书' if t.notary_number else '' }}"
      "{{ ref(t.exhibit) }}。")
    tag("endfor")
    tag("if case.appraisal")
    p("经{{ case.appraisal.by }}{{ '于' ~ (case.appraisal.date|cn_date) if case.appraisal.date else '' }}鉴别，"
      "{{ case.appraisal.conclusion }}{{ ref(case.appraisal.exhibit) }}。")
    tag("endif")
    tag("if confusion")
    p("{{ segments(confusion) }}")
    tag("endif")
    tag("if sales")
    p("{{ sales_sentence }}{{ ref(case.sales.evidence) }}。经统计，"
      "{{ (sales.period.start|cn_date) ~ '至' ~ (sales.period.end|cn_date) ~ '期间，' if sales.period else '' }}"
      "被告店铺销售{{ sales_goods if sales_goods else '涉案商品' }}共计{{ sales.totals.orders|count }}笔订单、"
      "{{ sales.totals.units|count }}件，成交金额人民币{{ sales.totals.gross|yuan }}，扣除退款人民币"
      "{{ sales.totals.refunds|yuan }}后，实际成交金额为人民币{{ sales.totals.net|yuan }}"
      "{% if sales.totals.customers %}，涉及买家{{ sales.totals.customers|count }}人{% endif %}"
      "{{ ref(sales_extract) }}。{% if counterfeit_basis %}"
      "上述订单所涉商品均系侵权商品：{{ segments(joined(counterfeit_basis)) }}。{% endif %}")
    tag("endif")
    tag("if knowledge")
    p("被告明知其销售的商品系侵权商品，仍继续销售：{{ segments(joined(knowledge)) }}。")
    tag("endif")
    tag("for para in case.narrative")
    p("{{ para }}")
    tag("endfor")
    tag("if trademark")
    p("被告销售假冒原告注册商标的商品，侵害了"
      "{{ '原告享有的' if case.marks and case.marks[0].plaintiff_role == 'owner' else '' }}"
      "注册商标专用权，依法应当承担停止侵害、赔偿损失的民事责任。")
    tag("endif")
    tag("if unfair")
    p("被告的行为构成不正当竞争，损害了原告的合法权益，依法应当承担停止侵害、赔偿损失的民事责任。")
    tag("endif")
    tag("if contract")
    p("被告在{{ platform }}销售假冒商品的行为，违反了其与原告之间的约定，构成违约。"
      "被告的行为降低了消费者对{{ platform }}的信赖和社会公众对{{ platform }}的良好评价，"
      "给原告的商誉造成了损害，被告应当承担赔偿损失等违约责任。")
    tag("elif tort")
    p("被告在{{ platform }}销售假冒商品，降低了消费者对{{ platform }}的信赖和社会公众对{{ platform }}的良好评价，"
      "侵害了原告的名誉权，给原告造成了损失，被告应当承担侵权责任。")
    tag("endif")
    p("原告主张的各项金额计算如下：")
    tag("for head in scenario.heads")
    p("{{ loop.index }}. {{ head.label }}：{{ computation(head) }}（依据：{{ head.basis }}）。")
    tag("endfor")
    tag("if statutory")
    p("{{ segments(statutory) }}")
    tag("endif")
    tag("if scenario.punitive_statement is defined and scenario.punitive_statement")
    p("{% for part in scenario.punitive_statement_parts %}{{ part.text }}{{ ref(part.exhibit) }}{% endfor %}")
    tag("endif")
    p("综上所述，为维护原告的合法权益，依据{{ legal_basis|join('，') }}以及{{ filing_basis }}之规定，特向贵院提起诉讼，"
      "请依法判如所请。")

    p("证据和证据来源", style="Heading 1")
    tag("for e in exhibits")
    p("{{ e.number }}. {{ e.title }}{{ '，来源：' ~ e.source if e.source else '' }}"
      "{{ ('；' if e.purpose.startswith('证明') else '；证明目的：') ~ e.purpose if e.purpose else '' }}")
    tag("endfor")
    tag("if not exhibits")
    p("（证据另行提交。）")
    tag("endif")
    p("证人姓名和住所：本案暂无证人出庭作证。")
    p("此致")
    p("{{ case.court }}")
    p("具状人：{{ case.plaintiffs|map(attribute='name')|join('、') }}"
      "{{ '（签名）' if plaintiff.kind == 'person' else '（盖章）' }}", align=RIGHT)
    tag("if plaintiff.representative")
    p("法定代表人（签名）：", align=RIGHT)
    tag("endif")
    p("{{ filing_date|cn_date }}", align=RIGHT)
    p("附：本起诉状副本{{ case.defendants|length }}份；证据材料{{ exhibits|length }}份（详见证据目录）。")

    props = doc.core_properties
    props.title, props.author, props.last_modified_by = "民事起诉状", "Litigator bench", "Litigator bench"
    props.created = props.modified = datetime(2026, 1, 1, tzinfo=timezone.utc)
    props.revision = 1
    return doc


def fixed_zip(data: bytes) -> bytes:
    """The package with every member's timestamp fixed, so the same script writes the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(zipfile.ZipInfo(info.filename, date_time=(2026, 1, 1, 0, 0, 0)), src.read(info),
                         compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def main() -> None:
    buf = io.BytesIO()
    build().save(buf)
    OUT.write_bytes(fixed_zip(buf.getvalue()))
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
