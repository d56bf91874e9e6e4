"""The Chinese forum's case model: case.yaml with ``jurisdiction: cn``.

Composes the stage configurations (sales, calibration) and this forum's scenario configuration
into :class:`CnCase`. ``litigator schema`` prints the JSON Schema of every forum's case model.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from litigator.fields import Code, Factor, NonNegativeAmount, PositiveAmount, StrictModel
from litigator.forums.cn.heads import HeadCode
from litigator.forums.cn.scenario import Conduct, ConductFact, Licence, RelatedAward, Scenario
from litigator.identifiers import (
    birth_date_from_resident_id,
    credit_code_problem,
    resident_id_problem,
    sex_from_resident_id,
)
from litigator.precedents.model import CalibrationConfig
from litigator.sales.model import SalesConfig

CLAIM_KINDS = Literal[
    "breach_of_contract",
    "goodwill_tort",
    "reasonable_expenses",
    "trademark_infringement",
    "unfair_competition",
]


class Representative(StrictModel):
    """法定代表人 / 主要负责人 of a company or organisation."""

    name: str
    title: str = Field(default="法定代表人", description="职务, e.g. 执行董事, 总经理")


class Shop(StrictModel):
    name: str = Field(description="店铺名称 as shown on the platform")
    platform: str = Field(description="e.g. 淘宝网, 天猫, 京东")
    seller_id: Code | None = Field(
        default=None, description="the platform's seller/shop id (selects rows of a platform-side export)")
    url: str | None = None
    exhibit: str | None = Field(default=None, description="the record showing who operates the shop (registration)")


class Party(StrictModel):
    """A plaintiff or defendant: a natural person or a company / organisation."""

    name: str
    kind: Literal["person", "company", "organisation"]
    checksum_override: str | None = Field(
        default=None, description="reason to accept an ID / credit code that fails its checksum")
    # natural persons
    sex: Literal["男", "女"] | None = None
    birth_date: dt.date | None = Field(default=None, description="derived from id_number when omitted")
    ethnicity: str | None = Field(default=None, description="民族, e.g. 汉族")
    id_number: Code | None = Field(default=None, description="居民身份证号码 (checksum-validated)")
    occupation: str | None = None
    employer: str | None = Field(default=None, description="工作单位")
    # companies and organisations
    credit_code: Code | None = Field(default=None, description="统一社会信用代码 (checksum-validated)")
    representative: Representative | None = None
    # both
    address: str | None = Field(default=None, description="住所 / 住所地")
    residence: str | None = Field(default=None, description="经常居住地, when different from the address")
    phone: Code | None = None
    shops: list[Shop] = Field(default_factory=list)

    @field_validator("id_number", "credit_code")
    @classmethod
    def _checksum(cls, value: str | None, info: ValidationInfo) -> str | None:
        """Resident IDs (GB 11643) and credit codes (GB 32100) must pass their checksum."""
        if value is None:
            return None
        value = value.strip().upper()
        check = resident_id_problem if info.field_name == "id_number" else credit_code_problem
        problem = check(value)
        if problem and not info.data.get("checksum_override"):
            raise ValueError(f"{problem}; fix it or set checksum_override: <reason>")
        return value

    @model_validator(mode="after")
    def _identifiers(self) -> "Party":
        if self.id_number:
            if resident_id_problem(self.id_number) is None:
                born = birth_date_from_resident_id(self.id_number)
                if self.birth_date is None:
                    self.birth_date = born
                elif self.birth_date != born:
                    raise ValueError(f"birth_date {self.birth_date} disagrees with id_number ({born})")
                sex = sex_from_resident_id(self.id_number)
                if self.sex is None:
                    self.sex = sex
                elif self.sex != sex:
                    raise ValueError(f"sex {self.sex} disagrees with id_number ({sex})")
        return self

    @property
    def is_person(self) -> bool:
        return self.kind == "person"


class Agent(StrictModel):
    """委托诉讼代理人."""

    name: str
    firm: str | None = Field(default=None, description="律师事务所 or employer")
    title: str | None = Field(default="律师")
    phone: Code | None = None
    authority: Literal["general", "special"] = Field(default="special", description="一般授权 / 特别授权")
    party: str | None = Field(default=None, description="name of the party represented (default: the first plaintiff)")


class Product(StrictModel):
    name: str = Field(description="the goods at issue, e.g. 成猫粮")
    brand: str | None = None
    skus: list[Code] = Field(default_factory=list, description="counterfeit SKUs (商家编码) in the order export")
    title_keywords: list[str] = Field(default_factory=list,
                                      description="select orders whose title contains one of these")
    right_holder_unit_profit: NonNegativeAmount | None = None
    infringer_unit_profit: NonNegativeAmount | None = None
    profit_evidence: str | None = Field(default=None, description="exhibit proving the unit profit(s) (damages)")


class Mark(StrictModel):
    """A registered trademark relied on."""

    name: str
    registration_number: Code
    owner: str | None = None
    classes: list[int] = Field(default_factory=list)
    goods: str | None = None
    valid_until: dt.date | None = None
    plaintiff_role: Literal["owner", "exclusive_licensee", "sole_licensee", "ordinary_licensee"] = Field(
        default="owner", description="the plaintiff's standing: the registrant, or a licensee (独占/排他/普通)")
    exhibit: str | None = Field(default=None, description="the registration certificate (and licence)")
    reputation: list[ConductFact] = Field(
        default_factory=list, description="the mark's use and reputation (sales, advertising, awards), with exhibits")


class Agreement(StrictModel):
    """The platform service agreement / rules the seller accepted."""

    name: str = Field(description="e.g. 《淘宝平台服务协议》")
    accepted_on: dt.date | None = None
    clauses: list[str] = Field(default_factory=list, description="the clauses relied on, quoted")
    exhibit: str | None = None


class TestPurchase(StrictModel):
    """A notarised test purchase (公证购买)."""

    date: dt.date
    platform: str | None = None
    shop: str | None = None
    product: str | None = None
    order_number: Code | None = None
    amount: NonNegativeAmount | None = None
    notary_office: str | None = None
    notary_number: str | None = None
    exhibit: str | None = None


class Appraisal(StrictModel):
    """The right holder's appraisal (鉴定/鉴别) of the purchased goods."""

    by: str
    date: dt.date | None = None
    conclusion: str
    exhibit: str | None = None


EXPENSE_KINDS = Literal[
    "notarization", "test_purchase", "appraisal", "investigation", "travel", "attorney_fee", "other"
]
EXPENSE_LABELS = {
    "notarization": "公证费",
    "test_purchase": "购买侵权商品费用",
    "appraisal": "鉴定费",
    "investigation": "调查取证费",
    "travel": "差旅费",
    "attorney_fee": "律师费",
    "other": "其他合理开支",
}


class Expense(StrictModel):
    """A reasonable expense (合理开支) with its voucher."""

    kind: EXPENSE_KINDS
    amount: NonNegativeAmount
    exhibit: str | None = Field(default=None, description="path of the voucher, e.g. evidence/07-invoice.pdf")
    description: str | None = None

    @property
    def label(self) -> str:
        return self.description or EXPENSE_LABELS[self.kind]


class Preservation(StrictModel):
    """A property-preservation application (财产保全): the amount of property to preserve (more than 0).

    Civil procedure limits preservation to the claim: an amount above the claim warns, and the fee is
    computed on the claim.
    """

    amount: PositiveAmount


class LawOptions(StrictModel):
    """``law:`` in case.yaml: choices the law leaves open (docs/damages-cn.md, "Law by date")."""

    straddle: Literal["new_law", "old_law"] = Field(
        default="new_law",
        description="conduct continuing across a new text where our material has no transition rule: new_law "
                    "(the whole act under the text in force at its end; default) or old_law")
    personality_case_fee: NonNegativeAmount | None = Field(
        default=None,
        description="the per-case fee of a personality-right (名誉权) case your province fixes within the national "
                    "range (default: the top of the range)")


class CounterfeitBasis(StrictModel):
    """Why every counted unit is infringing, not only the one bought (each kind has its wording)."""

    kind: Literal["brand_statement", "no_purchase_records", "same_listing", "sample_appraisals", "admission",
                  "other"] = Field(description="brand_statement: the brand owner never supplied the seller; "
                                               "no_purchase_records: the seller shows no lawful purchase; "
                                               "same_listing: the orders are of the listing / SKU bought; "
                                               "sample_appraisals: several samples appraised as fake; "
                                               "admission: the seller admitted it; other: say it in `fact`")
    fact: str | None = Field(default=None, description="the particulars (required for other)")
    exhibit: str | None = None

    @model_validator(mode="after")
    def _other(self) -> "CounterfeitBasis":
        if self.kind == "other" and not self.fact:
            raise ValueError("counterfeit_basis kind other needs `fact`")
        return self


class Publication(StrictModel):
    """A published statement (刊登声明) ordered to eliminate the effects: where, how long; its text is reviewed
    by the court."""

    medium: str = Field(min_length=1, description="where it is published, e.g. 橙市网首页 or 《中国消费者报》")
    duration_days: int = Field(ge=1, description="for how many consecutive days")


class Requests(StrictModel):
    """Non-monetary requests (诉讼请求 besides money). Each becomes specific wording (forums/cn/pleading.py)."""

    stop_infringement: bool = Field(
        default=False, description="stop selling the goods (naming each mark by its registration number)")
    takedown: bool = Field(default=False, description="take down the listings of the defendants' shops")
    destroy_stock: bool = Field(default=False, description="destroy the infringing goods in stock")
    apology: bool = Field(default=False, description="赔礼道歉、消除影响 (personality-right remedies: tort only)")
    publication: Publication | None = Field(
        default=None, description="the statement eliminating the effects: medium and duration (with apology)")
    costs: bool = True


class Liability(StrictModel):
    """``liability:`` in case.yaml: who pays the money claims when there are several defendants.

    * ``joint`` (连带责任): the ``defendants`` named (indexes; default all) pay jointly and severally, on a
      ``basis``: joint_tort (共同侵权), aiding (帮助侵权), one_person_company (the sole shareholder of a
      one-person company answers for its debts unless it proves its assets separate), agreement (a
      guarantee or the like, with its exhibit);
    * ``several``: each defendant its own share, given in ``shares`` (index → share of each money claim,
      summing to 1).
    ``facts`` are the facts the basis rests on, each with its exhibit.
    """

    kind: Literal["joint", "several"] = "joint"
    defendants: list[int] | None = Field(default=None, description="indexes of defendants[] (joint; default all)")
    basis: Literal["joint_tort", "aiding", "one_person_company", "agreement"] | None = None
    facts: list[ConductFact] = Field(default_factory=list)
    shares: dict[int, Factor] | None = Field(default=None, description="several: defendant index → share (sum 1)")
    heads: list[HeadCode] | None = Field(
        default=None, description="the claim heads (money requests) this liability applies to, when `liability` is a "
                                  "list of several; default: every head (and the costs)")


class Confusion(StrictModel):
    """The elements of a confusion claim (混淆行为) under the Anti-Unfair Competition Law: the plaintiff's sign
    and its influence (有一定影响), the defendant's use of it, and the likelihood of confusion, each with facts."""

    sign: str = Field(min_length=1, description="the sign, e.g. “青岚”商品名称及包装装潢")
    influence: list[ConductFact] = Field(default_factory=list, description="why the sign has a certain influence")
    use: list[ConductFact] = Field(default_factory=list, description="how the defendant used it")
    likelihood: list[ConductFact] = Field(default_factory=list, description="why the public is likely confused")


class CourtCompetence(StrictModel):
    """What you confirmed about the chosen court, where our data cannot (law.yaml court.ip_first_instance)."""

    ip_designated: bool | None = Field(
        default=None, description="the court is designated to hear first-instance IP civil cases")
    ip_ceiling: NonNegativeAmount | None = Field(
        default=None, description="the amount up to which it hears them (the SPC notice's attachment)")
    source: str | None = Field(default=None, description="where you read it, e.g. the notice's attachment")


class CnCase(StrictModel):
    """case.yaml for a Chinese case (jurisdiction: cn)."""

    jurisdiction: Literal["cn"] = "cn"
    court: str = Field(description="受诉法院, e.g. 上海市奉贤区人民法院")
    court_competence: CourtCompetence | None = Field(
        default=None, description="the court's IP designation and ceiling, as you confirmed them")
    cause: str = Field(description="案由, e.g. 网络服务合同纠纷")
    procedure: Literal["ordinary", "summary"] = Field(default="ordinary", description="summary halves the court fee")
    claims: list[CLAIM_KINDS] = Field(min_length=1)
    plaintiffs: list[Party] = Field(min_length=1)
    agents: list[Agent] = Field(default_factory=list)
    defendants: list[Party] = Field(min_length=1)
    products: list[Product] = Field(default_factory=list)
    marks: list[Mark] = Field(default_factory=list)
    agreement: Agreement | None = None
    test_purchases: list[TestPurchase] = Field(default_factory=list)
    appraisal: Appraisal | None = None
    narrative: list[str] = Field(default_factory=list, description="further paragraphs of 事实与理由")
    sales: SalesConfig | None = None
    scenarios: dict[str, Scenario] = Field(min_length=1)
    filed_scenario: str | None = Field(
        default=None, validate_default=True,
        description="the scenario the complaint claims (required when there are several)")
    expenses: list[Expense] = Field(default_factory=list)
    preservation: Preservation | None = None
    conduct: Conduct | None = Field(default=None,
                                    description="conduct dates and the seller's knowledge/intent (damages)")
    licence: Licence | None = Field(default=None, description="a comparable licence fee of the mark (damages)")
    related_awards: list[RelatedAward] = Field(
        default_factory=list,
        description="awards/settlements the seller already paid others for the same sales (damages)")
    requests: Requests = Field(default_factory=Requests)
    counterfeit_basis: list[CounterfeitBasis] = Field(
        default_factory=list, description="why every unit counted from the sales data is infringing (with sales)")
    liability: Liability | list[Liability] | None = Field(
        default=None, description="who pays the money claims, when there are several defendants: one block for "
                                  "every request, or a list of blocks each naming its `heads`")
    confusion: Confusion | None = Field(
        default=None, description="the confusion elements, for an unfair-competition claim on confusion")
    # -- element-style complaint fields (add below this line) --
    # -- companion filings fields (add below this line) --
    law: LawOptions = Field(default_factory=LawOptions, description="choices the law leaves open")
    calibration: CalibrationConfig = Field(
        default_factory=CalibrationConfig, description="features for finding similar precedents (internal only)")
    filing_date: dt.date | None = Field(default=None, description="default: the date of SOURCE_DATE_EPOCH, else today")
    currency: str = "CNY"

    @model_validator(mode="after")
    def _liability(self) -> "CnCase":
        blocks = self.liabilities
        n = len(self.defendants)
        seen: set[str] = set()
        if sum(1 for lia in blocks if lia.heads is None) > 1:
            raise ValueError("several liability blocks apply to every head: give each but one its `heads`")
        for lia in blocks:
            for i in (lia.defendants or []) + list((lia.shares or {}).keys()):
                if not 0 <= i < n:
                    raise ValueError(f"liability names defendant {i}, but defendants[] has {n} (indexes from 0)")
            if lia.kind == "several":
                if not lia.shares or set(lia.shares) != set(range(n)):
                    raise ValueError("liability kind several needs `shares` for every defendant (index → share)")
                if sum(lia.shares.values()) != 1:
                    raise ValueError(f"liability shares must sum to 1 (got {sum(lia.shares.values())})")
            elif lia.basis is None:
                raise ValueError("joint liability needs its `basis`: joint_tort, aiding, one_person_company or "
                                 "agreement")
            for h in lia.heads or []:
                if h in seen:
                    raise ValueError(f"claim head {h} is in two liability blocks")
                seen.add(h)
        return self

    @property
    def liabilities(self) -> list[Liability]:
        """The liability blocks (``liability`` may be one block or a list of blocks with their heads)."""
        if self.liability is None:
            return []
        return list(self.liability) if isinstance(self.liability, list) else [self.liability]

    def liability_for(self, head: str | None) -> Liability | None:
        """The block that names the head, else the block for every head (None: none stated)."""
        blocks = self.liabilities
        named = next((b for b in blocks if b.heads is not None and head in b.heads), None)
        return named or next((b for b in blocks if b.heads is None), None)

    @field_validator("filed_scenario")
    @classmethod
    def _filed_scenario(cls, value: str | None, info: ValidationInfo) -> str | None:
        scenarios = info.data.get("scenarios")
        if not scenarios:
            return value  # the scenarios error is reported on its own key
        if value is None:
            if len(scenarios) > 1:
                raise ValueError("filed_scenario is required when there are several scenarios "
                                 f"({', '.join(scenarios)})")
            return next(iter(scenarios))
        if value not in scenarios:
            raise ValueError(f"filed_scenario {value!r} is not one of the scenarios ({', '.join(scenarios)})")
        return value
