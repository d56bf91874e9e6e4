"""The Chinese forum pack (``jurisdiction: cn``): the People's Republic of China.

Modules: ``model`` (the case model), ``scenario`` (damages configuration), ``rules`` with
``contract``, ``trademark``, ``aucl`` and ``common`` (claim heads), ``fees`` (诉讼费用交纳办法),
``warnings`` (the warning table), ``drafting`` (filters, the complaint's context, party particulars),
``precedent_features`` (what calibration compares). ``FORUM`` is the object the registry uses.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from litigator.forums import Document, DraftRules, TableLabels


class ChinaForum:
    code = "cn"
    name = "People's Republic of China"
    currency = "CNY"
    documents = {
        "complaint": Document("cn/complaint.md.j2", "民事起诉状"),
        "evidence-list": Document("cn/evidence-list.md.j2", "证据目录"),
        # companion filings, each drafted when its facts exist (forums/cn/companions.py)
        "power-of-attorney": Document("cn/power-of-attorney.md.j2", "授权委托书"),
        "representative-certificate": Document("cn/representative-certificate.md.j2", "法定代表人身份证明书"),
        "preservation-application": Document("cn/preservation-application.md.j2", "财产保全申请书"),
        "service-address": Document("cn/service-address.md.j2", "送达地址确认书"),
        # the calculation appendix, drafted for every case (forums/cn/appendix.py)
        "appendix": Document("cn/appendix.md.j2", "损失计算说明"),
        # the internal damages memo, for every case; never filed (forums/cn/memo.py)
        "memo": Document("cn/memo.md.j2", "损害赔偿评估"),
    }

    # what `litigator check` requires: the narrative complaint (Civil Procedure Law's article on the complaint:
    # claims, facts and reasons, evidence) or the element-style form's parts; addressed to the court (此致)
    draft_rules = DraftRules(
        sections={"complaint": (("诉讼请求", "事实与理由", "证据和证据来源"), ("当事人信息", "诉讼请求", "事实与理由")),
                  "preservation-application": (("请求事项", "事实与理由"),)},
        salutation="此致", addressed=("complaint", "preservation-application"),
        exhibit_tables={"evidence-list": "序号"},
        titles={"起诉状": "complaint", "证据目录": "evidence-list", "保全申请书": "preservation-application"})

    def documents_for(self, case) -> dict[str, Document]:
        """The documents this case gets: the complaint and the evidence list (forums/cn/documents.py)."""
        from litigator.forums.cn.documents import documents_for

        return documents_for(case)
    @property
    def head_codes(self) -> frozenset[str]:
        from litigator.forums.cn.heads import HEAD_CODES

        return HEAD_CODES

    labels = TableLabels(total="合计", case_fee="案件受理费", preservation_fee="财产保全申请费",
                         calibrated_award="预计判赔（校准中位数） (calibrated mid)")

    @property
    def case_model(self):
        from litigator.forums.cn.model import CnCase

        return CnCase

    @property
    def style(self):
        from litigator.drafting.styles import CHINESE

        return CHINESE

    @property
    def warning_kinds(self):
        from litigator.forums.cn.warnings import KINDS

        return KINDS

    # damages
    def compute(self, case, sales, case_label):
        from litigator.forums.cn import rules

        return rules.compute(case, sales, case_label)

    def scenario_needs_sales(self, scenario) -> bool:
        from litigator.forums.cn import rules

        return rules.scenario_needs_sales(scenario)

    explain_languages = ("zh", "en")  # the first is the default: its readers draft Chinese pleadings

    def explain(self, report, case=None, lang: str | None = None):
        if (lang or "zh") == "en":
            from litigator.forums.cn import rules

            return rules.explain(report, case)
        from litigator.forums.cn.explain_zh import explain_zh

        return explain_zh(report, case)

    # fees and risk
    def court_fee(self, amount: Decimal, scenario, on: date) -> Decimal | None:
        from litigator.forums.cn.fees import case_acceptance_fee

        return case_acceptance_fee(amount, summary=scenario.fees.summary_procedure)

    def fee_split(self, case_fee: Decimal, claim: Decimal, award: Decimal) -> tuple[Decimal, Decimal]:
        from litigator.forums.cn.fees import fee_split

        return fee_split(case_fee, claim, award)

    @property
    def risk_basis(self) -> str:
        from litigator.forums.cn.citation import Provision, format_provision
        from litigator.forums.cn.law import book

        entry = book().history("fees.apportionment")[-1]
        rule = format_provision(Provision.parse(entry.ref), entry.start)
        return (f"{rule}: costs follow the outcome; on partial success the court decides the split "
                "(estimate: proportional)")

    # precedents
    def precedent_features(self, case, report, sales, on):
        from litigator.forums.cn.precedent_features import precedent_features

        return precedent_features(case, report, sales, on)

    # drafting
    def template_filters(self) -> dict[str, Any]:
        from litigator.forums.cn.drafting import template_filters

        return template_filters()

    def template_context(self, run, scenario_name: str, documents=None) -> dict[str, Any]:
        from litigator.forums.cn.companions import companion_context
        from litigator.forums.cn.drafting import template_context

        context = template_context(run, scenario_name)
        context.update(companion_context(run, scenario_name, context["_warnings"]))  # the companion filings'
        if documents is None or "appendix" in documents:
            from litigator.forums.cn.appendix import appendix_context

            context["appendix"] = appendix_context(run, scenario_name)  # 损失计算说明 (appendix.py)
        if documents is None or "memo" in documents:
            from litigator.drafting.chart import LazyImages
            from litigator.forums.cn.memo import memo_context

            # the internal memo (memo.py) and its chart, drawn when the memo is rendered; last, so that it
            # lists the warnings of the other documents' context
            context["memo"], images = memo_context(run, scenario_name, context["_warnings"])
            context["_images"] = LazyImages(images)
        return context

    @property
    def context_names(self) -> dict[str, Any]:
        from litigator.forums.cn.context import CONTEXT_NAMES

        return CONTEXT_NAMES

    @property
    def extract_columns(self) -> dict[str, str]:
        from litigator.forums.cn.drafting import EXTRACT_COLUMNS

        return EXTRACT_COLUMNS

    def sales_exhibit(self, case, sales) -> tuple[str, str, str]:
        from litigator.forums.cn.drafting import sales_exhibit

        return sales_exhibit(case, sales)

    def document_author(self, case) -> str:
        """The firm of the first agent, else the agent, else the first plaintiff."""
        agent = case.agents[0] if case.agents else None
        return (agent.firm or agent.name) if agent else case.plaintiffs[0].name

    def particulars_warnings(self, case) -> list[str]:
        from litigator.forums.cn.drafting import particulars_warnings

        return particulars_warnings(case)


FORUM = ChinaForum()
