"""A second forum joins by registering a pack: a fake jurisdiction with one claim head and one template
drafts end to end through the unchanged pipeline (no edit to pipeline.py, damages or drafting)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Literal

import pytest
from docx import Document as DocxDocument

from litigator import forums, pipeline
from litigator.damages.model import ClaimHead, DamagesReport, Fees, ScenarioResult
from litigator.drafting.styles import ENGLISH
from litigator.fields import Amount, StrictModel
from litigator.precedents.calibration import CaseFeatures
from litigator.precedents.model import CalibrationConfig


class ZzScenario(StrictModel):
    multiple: Amount


class ZzCase(StrictModel):
    jurisdiction: Literal["zz"]
    court: str
    plaintiff: str
    defendant: str
    units: int
    unit_price: Amount
    scenarios: dict[str, ZzScenario]
    filed_scenario: str
    filing_date: dt.date | None = None
    currency: str = "XTS"
    sales: None = None
    calibration: CalibrationConfig = CalibrationConfig()


class ZzForum:
    code = "zz"
    name = "Testland"
    currency = "XTS"
    case_model = ZzCase
    documents = {"complaint": forums.Document("zz/complaint.md.j2", "Complaint")}

    def documents_for(self, case) -> dict:
        return self.documents
    style = ENGLISH
    labels = forums.TableLabels(total="Total", case_fee="Filing fee", preservation_fee="Bond",
                                calibrated_award="calibrated")
    warning_kinds: dict = {}
    head_codes = frozenset({"statutory_damages"})
    draft_rules = forums.DraftRules()
    risk_basis = "each side bears its own costs (Testland rule 1)"

    def compute(self, case: ZzCase, sales, case_label: str) -> DamagesReport:
        results = []
        for name, sc in case.scenarios.items():
            amount = (case.units * case.unit_price * sc.multiple).quantize(Decimal("0.01"))
            head = ClaimHead(code="statutory_damages", label="Statutory damages", amount=amount,
                             currency=case.currency, basis="Testland Code §1",
                             formula=f"{case.units} × {case.unit_price} × {sc.multiple} = {amount}")
            results.append(ScenarioResult(name=name, heads=[head], total=amount,
                                          fees=Fees(case_fee=Decimal("405.00"), claim_amount=amount)))
        return DamagesReport(case=case_label, jurisdiction="zz", currency=case.currency,
                             filed_scenario=case.filed_scenario, scenarios=results)

    def scenario_needs_sales(self, scenario) -> bool:
        return False

    explain_languages = ("en",)

    def explain(self, report, case=None, lang=None):
        return {s.name: [h.formula for h in s.heads] for s in report.scenarios}

    def court_fee(self, amount, scenario, on):
        return Decimal("405.00")

    def fee_split(self, case_fee, claim, award):
        return None

    def precedent_features(self, case, report, sales, on) -> CaseFeatures:
        return CaseFeatures(forum="zz", plaintiff_type="brand_owner", causes=frozenset({"trademark"}),
                            defendant_type=None, product_category=None, revenue=None,
                            claim=report.filed.total, on=on)

    def template_filters(self) -> dict[str, Any]:
        return {"money": lambda v: f"{self.currency} {Decimal(v):,.2f}"}

    def template_context(self, run, scenario_name: str, documents=None) -> dict[str, Any]:
        return {"court_name": run.folder.case.court.upper()}

    context_names = {"court_name": str}

    extract_columns: dict = {}

    def sales_exhibit(self, case, sales) -> tuple[str, str, str]:
        return "Order records", "the seller", "units sold"

    def document_author(self, case) -> str:
        return case.plaintiff

    def particulars_warnings(self, case) -> list[str]:
        return [] if case.defendant else ["the defendant has no name"]


@pytest.fixture
def zz():
    forum = forums.register(ZzForum())
    yield forum
    forums.unregister("zz")


def test_a_registered_forum_drafts_end_to_end(zz, tmp_path):
    case_dir = tmp_path / "case"
    (case_dir / "evidence").mkdir(parents=True)
    (case_dir / "case.yaml").write_text(
        "jurisdiction: zz\ncourt: Testland District Court\nplaintiff: Acme Brands\ndefendant: Store 1\n"
        "units: 12\nunit_price: \"25.00\"\nscenarios: {base: {multiple: \"3\"}}\nfiled_scenario: base\n"
        "filing_date: 2026-12-01\n", encoding="utf-8")
    templates = tmp_path / "templates" / "zz"
    templates.mkdir(parents=True)
    (templates / "complaint.md.j2").write_text(
        "# COMPLAINT\n\n{{ court_name }}\n\n{{ case.plaintiff }} v. {{ case.defendant }}\n\n"
        "{% for head in scenario.heads %}{{ head.label }}: {{ head.amount|money }} ({{ head.formula }})\n{% endfor %}",
        encoding="utf-8")
    result = pipeline.draft(case_dir, out_dir=tmp_path / "out", template_dir=tmp_path / "templates")
    assert [p.name for p in result.written] == ["complaint.docx", "calculation.json"]
    text = "\n".join(p.text for p in DocxDocument(str(tmp_path / "out" / "complaint.docx")).paragraphs)
    assert "TESTLAND DISTRICT COURT" in text and "Acme Brands v. Store 1" in text
    assert "Statutory damages: XTS 900.00 (12 × 25.00 × 3 = 900.00)" in text
    assert any("CALIBRATION_UNAVAILABLE" in w for w in result.warnings)


def test_the_schema_and_the_case_loader_know_the_registered_forum(zz, tmp_path):
    from litigator.casefile import load_case
    from litigator.errors import CaseFileError
    from litigator.models import case_adapter

    schema = case_adapter().json_schema()
    assert "ZzCase" in str(schema) and "CnCase" in str(schema)
    (tmp_path / "case.yaml").write_text("jurisdiction: xx\ncourt: x\n", encoding="utf-8")
    with pytest.raises(CaseFileError) as e:
        load_case(tmp_path)
    assert "no forum pack for jurisdiction 'xx'" in e.value.what and "zz" in e.value.what
    assert e.value.where == "1: jurisdiction"


def test_a_pack_missing_part_of_the_interface_is_refused():
    class Half:
        code = "half"

    with pytest.raises(TypeError, match="not a forum pack"):
        forums.register(Half())


def test_pipeline_and_stages_name_no_country():
    from support import ROOT

    for rel in ("litigator/pipeline.py", "litigator/damages/__init__.py", "litigator/drafting/environment.py",
                "litigator/drafting/__init__.py", "litigator/precedents/calibration.py"):
        text = (ROOT / rel).read_text(encoding="utf-8")
        for word in ('"cn"', "'cn'", "forums.cn", "CHINESE", "yuan", "cn_date", "证据", "合计", "案件受理费"):
            assert word not in text, f"{rel} names {word}"


def test_every_head_code_a_template_names_exists():
    import re

    from support import ROOT

    cn = forums.get("cn")
    named: set[str] = set()
    for path in (ROOT / "templates" / "cn").glob("*.j2"):
        text = path.read_text(encoding="utf-8")
        named |= set(re.findall(r"head\.code\s*[=!]=\s*[\"'](\w+)[\"']", text))
        named |= set(re.findall(r"(?:code|head)\(\s*[\"'](\w+)[\"']\s*\)", text))
        verbs = re.search(r"claim_verbs\s*=\s*\{(.*?)\}", text, re.S)
        if verbs:
            named |= set(re.findall(r"[\"'](\w+)[\"']\s*:", verbs.group(1)))
    assert named <= cn.head_codes, sorted(named - cn.head_codes)
    # the request wording (forums/cn/pleading.py) names codes too: every key must be a real head
    from litigator.forums.cn.pleading import CLAIM_VERBS

    assert set(CLAIM_VERBS) <= cn.head_codes
