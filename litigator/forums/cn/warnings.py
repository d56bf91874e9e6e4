"""The Chinese forum's warning kinds: each a code, the source it cites, and a one-line summary.

Rendered as ``"CODE: message (source)"`` by :class:`litigator.damages.warnings.Warnings`. A source
names statutes by their id in the statute table (``{trademark_law}``), formatted from it here; the
message itself carries the exact provision of the text in force (formatted from law.yaml).
"""

from __future__ import annotations

import re

from litigator.forums.cn.citation import statutes
from litigator.warnings import WarningKind

_RAW = [
    # evidence
    ("ATTORNEY_FEE_NO_CLAUSE", "淘宝诉姚某（皇家）案，上海市奉贤区人民法院，2017-07-20; the contract loss article",
     "lawyer fees claimed in contract without a quoted clause that puts them on the seller"),
    ("EXPENSE_NO_EXHIBIT", "{civil_procedure_law} (burden of proof); {trademark_interpretation}",
     "an expense without a voucher may be refused"),
    ("PARAM_NO_EVIDENCE", "{civil_procedure_law} (burden of proof)", "a claim parameter has no exhibit"),
    # contract (platform v. seller)
    ("FORESEEABILITY", "{civil_code}; {contract_interpretation_2023}",
     "the loss must have been foreseeable when the agreement was signed"),
    ("GOVERNANCE_CONTESTED", "淘宝诉许某（五粮液）案，上海市松江区人民法院，2017-09-21",
     "governance / anti-counterfeiting costs are a contested head"),
    ("DOUBLE_RECOVERY", "淘宝诉许某（五粮液）案，上海市松江区人民法院，2017-09-21",
     "recovery beside a brand owner's award is contested"),
    ("LD_EXCESSIVE", "{contract_interpretation_2023}; {contract_interpretation_2009}",
     "违约金 above the guideline multiple of the provable loss may be reduced"),
    ("LD_NO_LOSS_BASIS", "{contract_interpretation_2023}", "违约金 cannot be tested against a provable loss"),
    ("LD_NO_GUIDELINE", "{civil_code}", "no interpretation in force gives the 违约金 guideline"),
    ("LD_WITH_LOSS", "{civil_code}", "违约金 and loss compensation claimed together for the same breach"),
    ("ELECT_CONTRACT_OR_TORT", "{civil_code}", "contract or tort must be elected"),
    ("PLATFORM_NO_IP_PUNITIVE", "{civil_code}", "only the IP right holder may claim IP punitive damages"),
    ("CLAIM_NOT_PLEADED", "{civil_procedure_law} (the complaint's contents)",
     "a head does not match the claims listed in case.yaml"),
    # trademark
    ("METHOD_ORDER", "{trademark_law}; {trademark_interpretation}",
     "a later method used without marking the earlier ones not determinable"),
    ("STATUTORY_WITH_DATA", "{trademark_law}; {trademark_interpretation}",
     "statutory damages claimed although the data allow a computed method"),
    ("STATUTORY_EXPENSES", "{trademark_interpretation}", "reasonable expenses are a factor of statutory damages"),
    ("INFRINGER_PROFIT_FALLBACK", "{trademark_interpretation}",
     "the infringer's unit profit is unknown: the right holder's is used"),
    ("PUNITIVE_READING", "{trademark_law}", "which reading of the punitive multiple was applied"),
    ("PUNITIVE_NO_INTENT", "{punitive_interpretation}", "no facts of intent (故意) are given"),
    ("PUNITIVE_NO_SERIOUS", "{punitive_interpretation}", "no facts of serious circumstances (情节严重) are given"),
    ("TRADEMARK_LOOKBACK", "{trademark_interpretation}", "sales before the look-back of continuing infringement"),
    ("LAWFUL_SOURCE", "{trademark_law}", "no evidence that the seller knew: the lawful-source defence is open"),
    ("UNITS_UNMATCHED", "{trademark_interpretation}", "sales units not attributed to a product"),
    # unfair competition
    ("AUCL_METHOD_ORDER", "{anti_unfair_competition_law}",
     "infringer's gain used without marking the loss hard to calculate"),
    ("AUCL_STATUTORY_WITH_DATA", "{anti_unfair_competition_law}",
     "statutory damages claimed without marking loss and gain hard to determine"),
    ("AUCL_CONDUCT_ARTICLE", "{anti_unfair_competition_law}",
     "the conduct article given differs from the one in our material"),
    # the law by date
    ("LAW_CONDUCT_DATES", "litigator/forums/cn/law.yaml", "no conduct dates: the text in force at filing is applied"),
    ("LAW_STRADDLE", "{trademark_transition_2014}; {civil_code_temporal}",
     "the conduct continues across a change of the law"),
    ("LAW_VERSION_UNMAPPED", "{civil_code_temporal}",
     "the text in force for the conduct is not mapped in our material"),
    ("CITATION_STATUS", "litigator/forums/cn/statutes.yaml", "a cited text is marked repealed, successor unconfirmed"),
    ("LIMITATION", "{civil_code}; {limitation_interpretation_2018}", "the limitation period may have run out"),
    # the complaint's requests and parties
    ("REQUEST_UNSPECIFIC", "{civil_procedure_law} (specific claims)", "a request that names no mark or shop"),
    ("REMEDY_NOT_SUPPORTED", "{trademark_law}", "a remedy the pleaded cause does not support"),
    ("REMEDY_NOT_IN_CONTRACT", "淘宝诉姚某（皇家）案，上海市奉贤区人民法院，2017-07-20; {civil_code}",
     "赔礼道歉、消除影响 asked in contract"),
    ("PUBLICATION_UNSPECIFIED", "{civil_code}", "a published statement without its medium and duration"),
    ("LIABILITY_UNSTATED", "{civil_code}", "several defendants without their liability"),
    ("COUNTERFEIT_BASIS_MISSING", "{civil_procedure_law} (burden of proof)",
     "every unit of the sales data counted as infringing without a stated reason"),
    ("STATUTORY_FACTORS", "{trademark_interpretation}", "a factor of statutory damages is not pleaded"),
    ("AUCL_ELEMENTS", "{anti_unfair_competition_law}",
     "a confusion claim without the sign's influence, its use or the likelihood of confusion"),
    # court competence
    ("COURT_LEVEL", "{civil_level_notice_2021}; {ip_basic_courts_2022}",
     "the claim may exceed what the chosen court hears at first instance"),
    ("COURT_IP_DESIGNATION", "{ip_jurisdiction_2022}; {ip_basic_courts_2022}",
     "an IP case at a basic court not confirmed as designated for IP cases"),
    ("AGREED_FORUM", "{civil_procedure_law} (agreed forum)",
     "the agreement's jurisdiction clause names another court"),
    # fees
    ("FEE_PERSONALITY_SCHEDULE", "{court_fee_measures}",
     "a personality-right case: the per-case fee is fixed by the province"),
    ("PRESERVATION_ABOVE_CLAIM", "{civil_procedure_law}; {court_fee_measures}",
     "preservation above the claim: the fee is computed on the claim"),
    # companion filings (forums/cn/companions.py): a missing fact of a document that is due
    ("POWER_OF_ATTORNEY", "{civil_procedure_law} (agents: the power of attorney)",
     "an agent's particulars or principal missing from the 授权委托书"),
    ("REPRESENTATIVE_CERTIFICATE", "{civil_procedure_law} (legal persons act by their representative)",
     "a company plaintiff's representative or particulars missing from the 法定代表人身份证明书"),
    ("PRESERVATION_PROPERTY", "{civil_procedure_law} (property preservation)",
     "a preservation application that names no property to freeze or seize"),
    ("PRESERVATION_GUARANTEE", "{civil_procedure_law} (property preservation)",
     "a preservation application without the guarantee the court may order"),
    ("PRESERVATION_REASONS", "{civil_procedure_law} (property preservation)",
     "a preservation application without facts showing the judgment may be hard to enforce"),
    ("SERVICE_ADDRESS", "{civil_procedure_law} (service)",
     "a plaintiff without its address for service: no 送达地址确认书"),
    # the element-style complaint (forums/cn/element.py)
    ("ELEMENT_MISSING", "{model_complaint_forms_2025} (民事起诉状（侵害商标权纠纷）); docs/pleadings-cn.md",
     "a field of the element-style complaint that case.yaml does not give (the line is left out)"),
    ("LICENSEE_STANDING", "{trademark_interpretation} (the licensee's standing to sue)",
     "a licensee suing without the standing its licence gives"),
    ("MARK_NOT_IN_FORCE", "{trademark_law} (the term of a registration and its renewal)",
     "the mark's registration ends before the filing date or the end of the conduct"),
    # the damages memo (forums/cn/memo.py)
    ("CHART_NO_CJK_FONT", "docs/pleadings-cn.md (the damages memo); the Debian/Ubuntu package fonts-noto-cjk",
     "no CJK font for the memo's chart: the memo is drafted without it (install fonts-noto-cjk)"),
]

_PLACEHOLDER = re.compile(r"\{([a-z_0-9]+)\}")


def _source(text: str) -> str:
    return _PLACEHOLDER.sub(lambda m: statutes()[m.group(1)].title, text)


CN_KINDS = [WarningKind(code, _source(source), summary) for code, source, summary in _RAW]

KINDS: dict[str, WarningKind] = {k.code: k for k in CN_KINDS}
