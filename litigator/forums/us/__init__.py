"""The US federal forum pack (``jurisdiction: us``): a brand owner's Lanham Act suit against online stores.

Modules: ``model`` (the case model), ``stores`` (``defendants_from``: a table of stores, validated row by row),
``rules`` (15 U.S.C. § 1117 per defendant), ``law.yaml`` + ``law`` (dated limits with their references),
``statutes.yaml`` + ``citation`` (the citation format), ``fees`` (the filing fee), ``warnings``, ``drafting``
(the filing set: complaint, Schedule A, exhibit list; filters and context), ``style`` (the page).
docs/damages-us.md and docs/pleadings-us.md describe the law and the pleading.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from litigator.forums import DraftRules, TableLabels


class UsForum:
    code = "us"
    name = "United States (federal)"
    currency = "USD"
    labels = TableLabels(total="Total", case_fee="Filing fee", preservation_fee="Bond",
                         calibrated_award="expected award (calibrated mid)")
    explain_languages = ("en",)
    # what `litigator check` requires of the complaint (templates/us/complaint.md.j2's sections)
    draft_rules = DraftRules(
        sections={"complaint": (("JURISDICTION AND VENUE", "THE PARTIES", "PRAYER FOR RELIEF", "JURY DEMAND"),),
                  # the papers after the complaint (motions.py)
                  "tro-memorandum": (("INTRODUCTION", "STATEMENT OF FACTS", "ARGUMENT", "CONCLUSION"),),
                  "rule-65b-certification": (("EFFORTS MADE TO GIVE NOTICE", "WHY NOTICE SHOULD NOT BE REQUIRED"),),
                  "default-judgment-motion": (("LIABILITY", "DAMAGES", "CONCLUSION"),)},
        titles={"COMPLAINT": "complaint"})
    head_codes = frozenset({"statutory_damages", "profits", "actual_damages", "treble_damages", "attorney_fee",
                            "prejudgment_interest"})

    @property
    def documents(self):
        from litigator.forums.us.drafting import DOCUMENTS

        return DOCUMENTS

    def documents_for(self, case):
        from litigator.forums.us.drafting import documents_for

        return documents_for(case)

    @property
    def case_model(self):
        from litigator.forums.us.model import UsCase

        return UsCase

    @property
    def style(self):
        from litigator.forums.us.style import US_STYLE

        return US_STYLE

    @property
    def warning_kinds(self):
        from litigator.forums.us.warnings import KINDS

        return KINDS

    # damages
    def compute(self, case, sales, case_label):
        from litigator.forums.us import rules

        return rules.compute(case, sales, case_label)

    def scenario_needs_sales(self, scenario) -> bool:
        return False   # each store carries its proven sales

    def explain(self, report, case=None, lang: str | None = None):
        from litigator.forums.us import rules

        return rules.explain(report, case)

    # fees and risk
    def court_fee(self, amount: Decimal, scenario, on: date) -> Decimal | None:
        from litigator.forums.us.fees import filing_fee

        fee = filing_fee(on)
        return fee[0] if fee else None

    def fee_split(self, case_fee: Decimal, claim: Decimal, award: Decimal) -> None:
        return None   # a flat filing fee; costs go to the prevailing party, not in proportion to the award

    @property
    def risk_basis(self) -> str:
        from litigator.forums.us.citation import format_ref

        return (f"{format_ref('usc28:1914.a')}: a flat filing fee, not scaled to the claim; "
                f"{format_ref('usc15:1117.a')}: the costs of the action to a prevailing plaintiff, attorney fees only "
                "in exceptional cases (or under § 1117(b) for counterfeits)")

    # precedents
    def precedent_features(self, case, report, sales, on):
        from litigator.precedents.calibration import CaseFeatures

        cfg = case.calibration
        proven = [s.sales.amount for s in case.stores if s.sales is not None]
        revenue = sum(proven, Decimal(0)) if proven else None
        sc = case.scenarios[report.filed_scenario]
        return CaseFeatures(forum=case.jurisdiction, plaintiff_type=cfg.plaintiff_type or "brand_owner",
                            causes=frozenset({"trademark"}), defendant_type=cfg.defendant_type or "online_seller",
                            product_category=cfg.product_category, revenue=revenue or None,
                            claim=report.filed.total, on=on, include_exemplary=cfg.include_exemplary,
                            measure="statutory" if sc.remedy == "statutory" else "compensatory")

    # drafting
    def template_filters(self) -> dict[str, Any]:
        from litigator.forums.us.drafting import template_filters

        return template_filters()

    def template_context(self, run, scenario_name: str, documents=None) -> dict[str, Any]:
        from litigator.drafting.chart import LazyImages
        from litigator.forums.us.drafting import us_context
        from litigator.forums.us.memo import memo_context

        context = us_context(run, scenario_name)
        if documents is None or "memo" in documents:
            # the internal memo (memo.py) and its chart, drawn when the memo is rendered; last, so that it
            # lists the warnings of the other documents' context
            context["memo"], images = memo_context(run, scenario_name, context["_warnings"])
            context["_images"] = LazyImages(images)
        return context

    @property
    def context_names(self) -> dict[str, Any]:
        from litigator.forums.us.drafting import CONTEXT_NAMES

        return CONTEXT_NAMES

    extract_columns: dict[str, str] = {}

    def sales_exhibit(self, case, sales) -> tuple[str, str, str]:
        return "Sales records", "the platforms' records", "each store's sales of the accused products"

    def document_author(self, case) -> str:
        signer = case.counsel[0]
        return signer.firm or signer.name

    def particulars_warnings(self, case) -> list[str]:
        from litigator.forums.us.drafting import particulars_warnings

        return particulars_warnings(case)


FORUM = UsForum()
