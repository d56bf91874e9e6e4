"""The Chinese forum's warning kinds: each a code, the source it cites, and a one-line summary.

Rendered as ``"CODE: message (source)"`` by :class:`litigator.damages.warnings.Warnings`.
"""

from __future__ import annotations

from litigator.damages.warnings import WarningKind

CN_KINDS = [
    # evidence
    WarningKind("ATTORNEY_FEE_NO_CLAUSE",
                "淘宝诉姚某（皇家）案，上海市奉贤区人民法院，2017-07-20; 《中华人民共和国民法典》第五百八十四条",
                "lawyer fees claimed in contract without a quoted clause that puts them on the seller"),
    WarningKind("EXPENSE_NO_EXHIBIT", "《中华人民共和国民事诉讼法》第六十七条; 商标民事纠纷解释第十七条",
                "an expense without a voucher may be refused"),
    WarningKind("PARAM_NO_EVIDENCE", "《中华人民共和国民事诉讼法》第六十七条",
                "a claim parameter has no exhibit"),
    # contract (platform v. seller)
    WarningKind("FORESEEABILITY", "《中华人民共和国民法典》第五百八十四条; 合同编通则解释第六十三条",
                "the loss must have been foreseeable when the agreement was signed"),
    WarningKind("GOVERNANCE_CONTESTED", "淘宝诉许某（五粮液）案，上海市松江区人民法院，2017-09-21",
                "governance / anti-counterfeiting costs are a contested head"),
    WarningKind("DOUBLE_RECOVERY", "淘宝诉许某（五粮液）案，上海市松江区人民法院，2017-09-21",
                "recovery beside a brand owner's award is contested"),
    WarningKind("LD_EXCESSIVE", "合同编通则解释第六十五条第二款、第三款",
                "违约金 above 1.3 × the provable loss may be reduced (malice exception)"),
    WarningKind("LD_NO_LOSS_BASIS", "合同编通则解释第六十五条",
                "违约金 cannot be tested against a provable loss"),
    WarningKind("LD_WITH_LOSS", "《中华人民共和国民法典》第五百八十五条第二款",
                "违约金 and loss compensation claimed together for the same breach"),
    WarningKind("ELECT_CONTRACT_OR_TORT", "《中华人民共和国民法典》第一百八十六条",
                "contract or tort must be elected"),
    WarningKind("PLATFORM_NO_IP_PUNITIVE", "《中华人民共和国民法典》第一千一百八十五条",
                "only the IP right holder may claim IP punitive damages"),
    WarningKind("CLAIM_NOT_PLEADED", "《中华人民共和国民事诉讼法》第一百二十四条",
                "a head does not match the claims listed in case.yaml"),
    # trademark
    WarningKind("METHOD_ORDER", "《中华人民共和国商标法》第六十三条第一款; 商标民事纠纷解释第十三条",
                "a later method used without marking the earlier ones not determinable"),
    WarningKind("STATUTORY_WITH_DATA", "《中华人民共和国商标法》第六十三条第三款; 商标民事纠纷解释第十六条",
                "statutory damages claimed although the data allow a computed method"),
    WarningKind("STATUTORY_EXPENSES", "商标民事纠纷解释第十六条第二款",
                "reasonable expenses are a factor of statutory damages"),
    WarningKind("INFRINGER_PROFIT_FALLBACK", "商标民事纠纷解释第十四条",
                "the infringer's unit profit is unknown: the right holder's is used"),
    WarningKind("PUNITIVE_READING", "《中华人民共和国商标法》第六十三条第一款",
                "which reading of the 1–5× multiple was applied"),
    WarningKind("PUNITIVE_NO_INTENT", "惩罚性赔偿解释第一条、第三条",
                "no facts of intent (故意) are given"),
    WarningKind("PUNITIVE_NO_SERIOUS", "惩罚性赔偿解释第四条",
                "no facts of serious circumstances (情节严重) are given"),
    WarningKind("LOOKBACK_3Y", "商标民事纠纷解释第十八条",
                "sales before the 3-year look-back"),
    WarningKind("LAWFUL_SOURCE", "《中华人民共和国商标法》第六十四条第二款",
                "no evidence that the seller knew: the lawful-source defence is open"),
    WarningKind("UNITS_UNMATCHED", "商标民事纠纷解释第十四条、第十五条",
                "sales units not attributed to a product"),
    # unfair competition
    WarningKind("AUCL_2025_UNVERIFIED", "《中华人民共和国反不正当竞争法》（2025年修订，2025-10-15施行）",
                "the revised law applies: the damages article is cited as the user gave it, unverified by us"),
    WarningKind("AUCL_2025_NOT_APPLIED", "《中华人民共和国反不正当竞争法》（2025年修订，2025-10-15施行）",
                "2025 article options set although only the 2019 text applies"),
    WarningKind("AUCL_CONDUCT_DATES", "《中华人民共和国反不正当竞争法》（2019年修正）第十七条",
                "conduct dates unknown: the 2019 text is assumed"),
    WarningKind("AUCL_METHOD_ORDER", "《中华人民共和国反不正当竞争法》（2019年修正）第十七条第三款",
                "infringer's gain used without marking the loss hard to calculate"),
    WarningKind("AUCL_STATUTORY_WITH_DATA", "《中华人民共和国反不正当竞争法》（2019年修正）第十七条第四款",
                "statutory damages claimed without marking loss and gain hard to determine"),
]

KINDS: dict[str, WarningKind] = {k.code: k for k in CN_KINDS}
