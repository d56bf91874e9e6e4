"""The Chinese forum's case model: case.yaml with ``jurisdiction: cn``.

Composes the stage configurations (sales, calibration) and this forum's scenario configuration
into :class:`CnCase`. ``litigator schema`` prints the JSON Schema of every forum's case model.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal, get_args

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


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")


class ServiceAddress(StrictModel):
    """Where and how the court serves a plaintiff's documents (送达地址确认书; plaintiffs only)."""

    address: str = Field(min_length=1,
                         description="送达地址: where documents are served (may differ from the domicile)")
    postcode: Code | None = Field(default=None, description="邮政编码 of the address (6 digits)")
    recipient: str = Field(min_length=1, description="收件人 / 代收人: who receives the documents, e.g. the agent")
    phone: Code | None = Field(default=None, description="the recipient's phone (a mobile number for text messages)")
    email: str | None = Field(default=None, description="电子邮箱 for electronic service")
    electronic: bool = Field(
        default=False, description="同意电子送达: the plaintiff consents to electronic service (to `email`, or by "
                                   "text message to `phone`; one of them is required)")

    @field_validator("postcode")
    @classmethod
    def _postcode(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"\d{6}", value):
            raise ValueError(f"a postcode has 6 digits (got {value!r})")
        return value

    @field_validator("email")
    @classmethod
    def _email(cls, value: str | None) -> str | None:
        if value is not None and not _EMAIL.match(value):
            raise ValueError(f"not an email address: {value!r}")
        return value

    @model_validator(mode="after")
    def _electronic(self) -> "ServiceAddress":
        if self.electronic and not (self.email or self.phone):
            raise ValueError("electronic service needs an `email` (or a `phone` for text messages) to serve to")
        return self


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
    service: ServiceAddress | None = Field(
        default=None, description="plaintiffs: the address for service and consent to electronic service (the "
                                  "送达地址确认书 is drafted from it; `draft` refuses one on a defendant)")

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


# The powers only a special authorisation (特别授权) gives an agent: the Civil Procedure Law's article on
# agents (2021 and 2023 texts: Art. 62 ¶2) names these six; a general authorisation gives none of them.
SpecialPower = Literal["admit_claims", "waive_claims", "modify_claims", "settle", "counterclaim", "appeal"]
SPECIAL_POWERS: tuple[str, ...] = get_args(SpecialPower)


class Agent(StrictModel):
    """委托诉讼代理人."""

    name: str
    firm: str | None = Field(default=None, description="律师事务所 or employer")
    title: str | None = Field(default="律师")
    phone: Code | None = None
    licence_number: Code | None = Field(default=None, description="律师执业证号, stated in the 授权委托书")
    authority: Literal["general", "special"] = Field(default="special", description="一般授权 / 特别授权")
    powers: list[SpecialPower] | None = Field(
        default=None,
        description="special authority: the special powers given — admit_claims (代为承认诉讼请求), waive_claims "
                    "(放弃), modify_claims (变更), settle (进行和解), counterclaim (提起反诉), appeal (提起上诉); "
                    "default: all six. A general authority takes none")
    party: str | None = Field(default=None, description="name of the party represented (default: the first plaintiff)")

    @field_validator("powers")
    @classmethod
    def _powers(cls, value: list[str] | None, info: ValidationInfo) -> list[str] | None:
        if value is None:
            return None
        authority = info.data.get("authority", "special")
        if authority == "general" and value:
            raise ValueError("a general authority (一般授权) gives no special powers: set authority: special, or drop "
                             "powers")
        if authority == "special" and not value:
            raise ValueError("a special authority needs at least one power (omit powers for all six)")
        repeated = sorted({p for p in value if value.count(p) > 1})
        if repeated:
            raise ValueError(f"powers lists {', '.join(repeated)} twice")
        return value

    @property
    def special_powers(self) -> list[str]:
        """The special powers given, in the statute's order (none under a general authority)."""
        if self.authority == "general":
            return []
        given = self.powers if self.powers is not None else SPECIAL_POWERS
        return [p for p in SPECIAL_POWERS if p in given]


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
    # the element-style complaint's title facts (docs/pleadings-cn.md, "The element-style complaint")
    filed_on: dt.date | None = Field(default=None, description="申请日期: when the application was filed")
    registered_on: dt.date | None = Field(default=None, description="核准注册日期: when the registration was granted")
    image: MarkImage | None = Field(
        default=None, description="商标图样: the file of evidence/ showing the mark as registered")
    well_known: bool = Field(default=False, description="the plaintiff claims the mark is well known (主张驰名)")
    proceedings: list[MarkProceeding] | None = Field(
        default=None, description="validity proceedings on the mark (商标授权确权程序: invalidation, cancellation…); "
                                  "[] states there are none; unset warns in the element-style complaint")
    licensee: MarkLicensee | None = Field(
        default=None, description="a licensee plaintiff: whether it sues alone or with the registrant, and its "
                                  "authorisation (licensees only)")

    @field_validator("classes")
    @classmethod
    def _classes(cls, value: list[int]) -> list[int]:
        """Nice classes run from 1 to 45; each is listed once."""
        wrong = [c for c in value if not 1 <= c <= 45]
        if wrong:
            raise ValueError(f"goods classes run from 1 to 45 (got {', '.join(map(str, wrong))})")
        if len(set(value)) != len(value):
            raise ValueError("a goods class is listed twice")
        return value

    @model_validator(mode="after")
    def _title_and_standing(self) -> "Mark":
        dates = [(k, d) for k, d in (("filed_on", self.filed_on), ("registered_on", self.registered_on),
                                     ("valid_until", self.valid_until)) if d is not None]
        for (k1, d1), (k2, d2) in zip(dates, dates[1:]):
            if d1 > d2:
                raise ValueError(f"{k1} {d1} is after {k2} {d2}")
        lic = self.licensee
        if lic is not None:
            if self.plaintiff_role == "owner":
                raise ValueError("`licensee` is for a licensee plaintiff, but plaintiff_role is owner")
            if lic.registrant_sued is not None and (self.plaintiff_role != "sole_licensee" or lic.suing != "alone"):
                raise ValueError("licensee.registrant_sued is asked of a sole licensee (sole_licensee) suing alone")
            if lic.authorised is not None and (self.plaintiff_role != "ordinary_licensee" or lic.suing != "alone"):
                raise ValueError("licensee.authorised is asked of an ordinary licensee (ordinary_licensee) suing alone")
        return self


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
    voucher: bool | None = Field(
        default=None, description="凭证 有/无 on the element-style complaint: default yes when `exhibit` names the "
                                  "voucher, no otherwise; true for a voucher not (yet) among the exhibits")

    @model_validator(mode="after")
    def _voucher(self) -> "Expense":
        if self.voucher is False and self.exhibit:
            raise ValueError("voucher: false, but `exhibit` names the voucher: drop one of them")
        return self

    @property
    def label(self) -> str:
        return self.description or EXPENSE_LABELS[self.kind]

    @property
    def has_voucher(self) -> bool:
        """凭证 有 (the flag, else whether an exhibit names the voucher)."""
        return self.voucher if self.voucher is not None else bool(self.exhibit)


class PreservedProperty(StrictModel):
    """A property of the respondents to freeze, seize or attach (财产线索)."""

    kind: Literal["bank_account", "platform_funds", "other"] = Field(
        description="bank_account (银行存款), platform_funds (平台账户资金, e.g. the shop's deposit and settlement "
                    "account) or other (其他财产)")
    description: str = Field(min_length=1,
                             description="whose it is and where, e.g. 被申请人名下某银行账户（尾号6603）内存款")
    exhibit: str | None = Field(default=None, description="the evidence of the property, a file of evidence/")


class Guarantee(StrictModel):
    """The guarantee (担保) the applicant offers for the preservation."""

    kind: Literal["insurance", "cash", "property", "letter"] = Field(
        description="insurance (诉讼财产保全责任保险), cash (现金), property (财产) or letter (a guarantor's "
                    "保函 / 担保书)")
    provider: str | None = Field(
        default=None, description="the insurer or guarantor (required for insurance and letter; cash and property: "
                                  "the applicant by default)")
    description: str | None = Field(
        default=None, description="the policy or letter number, or the property offered (required for property)")
    amount: PositiveAmount | None = Field(default=None,
                                          description="the amount guaranteed (default: the amount preserved)")
    exhibit: str | None = Field(default=None,
                                description="the policy, letter or proof of the property, a file of evidence/")

    @model_validator(mode="after")
    def _particulars(self) -> "Guarantee":
        if self.kind in ("insurance", "letter") and not self.provider:
            raise ValueError(f"a guarantee of kind {self.kind} needs its `provider` (the insurer or guarantor)")
        if self.kind == "property" and not self.description:
            raise ValueError("a guarantee of kind property needs its `description` (the property offered)")
        return self


class Preservation(StrictModel):
    """A property-preservation application (财产保全): the amount of property to preserve (more than 0).

    Civil procedure limits preservation to the claim: an amount above the claim of the filed (or drafted)
    scenario is an error; in another scenario it warns and that scenario's fee is computed on its claim.
    The 财产保全申请书 is drafted from these facts (docs/pleadings-cn.md, "Companion filings").
    """

    amount: PositiveAmount = Field(description="the amount of property to preserve (more than 0, at most the claim)")
    property: list[PreservedProperty] = Field(
        default_factory=list, description="the respondents' property to freeze or seize, each with its evidence")
    guarantee: Guarantee | None = Field(default=None, description="the guarantee offered")
    reasons: list[ConductFact] = Field(
        default_factory=list, description="why a judgment may be hard to enforce without preservation (e.g. the shop "
                                          "was closed, proceeds moved), each with its exhibit")


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


# -- the element-style complaint (要素式民事起诉状, 侵害商标权纠纷; forums/cn/element.py) ----------------------


class MarkImage(StrictModel):
    """商标图样: the evidence showing the mark as registered (an image, or the certificate that shows it)."""

    exhibit: str = Field(description="a file of evidence/, e.g. evidence/01-mark.png")
    description: str | None = Field(default=None, description="the sign in words, e.g. 文字商标“青岚”")


class MarkProceeding(StrictModel):
    """A validity proceeding on the mark (商标授权确权程序), pending or decided."""

    kind: Literal["invalidation", "cancellation", "opposition", "review", "court"] = Field(
        description="invalidation (无效宣告), cancellation (撤销, e.g. three years' non-use), opposition (异议), "
                    "review (复审) or court (the administrative suit on one of them)")
    status: Literal["pending", "decided"] = Field(description="pending (正在进行) or decided (已结)")
    case_number: str | None = Field(default=None, description="e.g. 商评字〔2025〕第0001号")
    outcome: str | None = Field(default=None, description="decided: the result, e.g. 维持注册 (required)")
    exhibit: str | None = Field(default=None, description="the decision or the notice of the proceeding")

    @model_validator(mode="after")
    def _outcome(self) -> "MarkProceeding":
        if self.status == "decided" and not self.outcome:
            raise ValueError("a decided proceeding needs its `outcome` (e.g. 维持注册)")
        return self


class MarkLicensee(StrictModel):
    """A licensee plaintiff's standing (the element form's 原告主体情况)."""

    suing: Literal["alone", "jointly"] | None = Field(
        default=None, description="alone (单独起诉) or jointly with the registrant (和权利人共同起诉); asked of "
                                  "sole and ordinary licensees")
    registrant_sued: bool | None = Field(
        default=None, description="a sole licensee suing alone: whether the registrant has sued (权利人已起诉/未起诉)")
    authorised: bool | None = Field(
        default=None, description="an ordinary licensee suing alone: the registrant's written authorisation to sue "
                                  "alone (权利人书面授权单独起诉)")
    exhibit: str | None = Field(
        default=None, description="the licence contract (and authorisation), a file of evidence/")


ORGANISATION_TYPES = Literal[
    "llc", "joint_stock", "other_enterprise", "social_service", "public_institution", "social_group", "foundation",
    "organ", "rural_collective", "cooperative", "self_governing", "sole_proprietorship", "partnership",
    "professional_service",
]


class Organisation(StrictModel):
    """The element form's ticks for a company or organisation among the parties: its type and ownership."""

    type: ORGANISATION_TYPES | None = Field(
        default=None,
        description="类型: llc (有限责任公司), joint_stock (股份有限公司), other_enterprise (其他企业法人), "
                    "social_service (社会服务机构), public_institution (事业单位), social_group (社会团体), "
                    "foundation (基金会), organ (机关法人), rural_collective (农村集体经济组织法人), "
                    "cooperative (城镇农村的合作经济组织法人), self_governing (基层群众性自治组织法人), "
                    "sole_proprietorship (个人独资企业), partnership (合伙企业), professional_service "
                    "(不具有法人资格的专业服务机构); default for a company: read from its name "
                    "(股份有限公司/股份公司 → joint_stock, 有限公司/有限责任公司 → llc)")
    listed: bool = Field(default=False, description="上市公司 (a joint-stock company)")
    ownership: Literal["state", "state_controlled", "state_minority", "private", "other"] | None = Field(
        default=None, description="所有制性质: state (国有), state_controlled (国有控股), state_minority (国有参股), "
                                  "private (民营) or other (其他)")
    registered_at: str | None = Field(default=None, description="注册地 / 登记地, e.g. 上海市浦东新区")

    @model_validator(mode="after")
    def _listed(self) -> "Organisation":
        if self.listed and self.type not in (None, "joint_stock"):
            raise ValueError(f"a listed company is a joint-stock company (type is {self.type})")
        return self


class InfringingSign(StrictModel):
    """The sign the defendant used and how it compares with the registered mark (the element form's 侵权标识及比对)."""

    sign: str = Field(min_length=1, description="the sign as used on the goods or listings, e.g. 青岚")
    mark: Code | None = Field(
        default=None, description="the registration number it infringes (default: the first mark)")
    sign_comparison: Literal["identical", "similar"] = Field(
        description="the sign is identical (相同) or similar (近似) to the registered mark")
    goods: str | None = Field(default=None, description="the defendant's goods, e.g. 精华液 (default: the products)")
    goods_comparison: Literal["identical", "similar"] = Field(
        description="the goods are identical (相同) or similar (类似) to the goods the mark is registered for")
    facts: list[ConductFact] = Field(
        default_factory=list,
        description="how and where the sign is used (photographs, the notarial record), with exhibits")


class RelatedCase(StrictModel):
    """Another suit of the plaintiff on the same mark (关联案件信息)."""

    case_number: str = Field(description="案号, e.g. （2025）沪0115民初20517号")
    cause: str = Field(min_length=1, description="案由, e.g. 侵害商标权纠纷")
    parties: str = Field(min_length=1, description="当事人, e.g. 原告诉上海某某商行")
    court: str = Field(min_length=1, description="审理法院")
    status: Literal["pending", "concluded"] = Field(description="pending (未结) or concluded (已结)")
    progress: str | None = Field(default=None, description="案件进展, e.g. 一审判决已生效 / 调解结案")
    mark: Code | None = Field(default=None, description="the registration number relied on (one of marks[])")

    @field_validator("case_number")
    @classmethod
    def _case_number(cls, value: str) -> str:
        value = value.strip()
        if not re.fullmatch(r"[（(]\d{4}[)）]\S+号", value):
            raise ValueError(f"a case number reads like （2025）沪0115民初20517号 (got {value!r})")
        return value


class MediationWillingness(StrictModel):
    """对纠纷解决方式的意愿: the plaintiff's answers to the form's mediation questions."""

    aware: bool = Field(description="了解 (true) or 不了解 (false) mediation as a way to resolve the dispute")
    benefits: list[bool] | None = Field(
        default=None, description="了解/不了解 each of the five statements on pre-filing mediation (five answers; "
                                  "default: the answer of `aware` for each)")
    pre_filing: Literal["yes", "no", "unsure"] = Field(
        description="是否考虑先行调解: yes (是), no (否) or unsure (暂不确定，想要了解更多内容)")

    @field_validator("pre_filing", mode="before")
    @classmethod
    def _yes_no(cls, value: object) -> object:
        """A YAML 1.1 reader turns a bare yes/no into true/false: take them as yes/no."""
        return {True: "yes", False: "no"}.get(value, value) if isinstance(value, bool) else value

    @field_validator("benefits")
    @classmethod
    def _five(cls, value: list[bool] | None) -> list[bool] | None:
        if value is not None and len(value) != 5:
            raise ValueError(f"the form asks about five statements: give five answers (got {len(value)})")
        return value

    @property
    def answers(self) -> list[bool]:
        return list(self.benefits) if self.benefits is not None else [self.aware] * 5


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
    complaint_form: Literal["element", "narrative"] | None = Field(
        default=None,
        description="the complaint's form: element (the SPC's 要素式 form for 侵害商标权纠纷) or narrative; "
                    "default: element for a trademark case, narrative for contract and unfair competition")
    organisations: dict[str, Organisation] = Field(
        default_factory=dict,
        description="the element form's 类型 and 所有制性质 ticks of each company or organisation among the parties, "
                    "keyed by its name")
    infringing_signs: list[InfringingSign] = Field(
        default_factory=list, description="the signs the defendants used and how they compare with the marks")
    related_cases: list[RelatedCase] | None = Field(
        default=None, description="the plaintiff's other suits on the same marks (关联案件信息); [] states there are "
                                  "none; unset warns in the element-style complaint")
    mediation: MediationWillingness | None = Field(
        default=None, description="对纠纷解决方式的意愿: the answers on mediation and pre-filing mediation")

    @field_validator("complaint_form")
    @classmethod
    def _complaint_form(cls, value: str | None, info: ValidationInfo) -> str | None:
        claims = set(info.data.get("claims") or [])
        if value == "element" and claims and ("trademark_infringement" not in claims or
                                              claims & {"breach_of_contract", "goodwill_tort", "unfair_competition"}):
            other = sorted(claims - {"trademark_infringement", "reasonable_expenses"})
            what = ", ".join(other) if other else "a case without trademark_infringement"
            raise ValueError(f"the element form is the one for 侵害商标权纠纷: it cannot plead {what}; use "
                             "complaint_form: narrative")
        return value

    @field_validator("organisations")
    @classmethod
    def _organisations(cls, value: dict[str, Organisation], info: ValidationInfo) -> dict[str, Organisation]:
        parties = [*(info.data.get("plaintiffs") or []), *(info.data.get("defendants") or [])]
        if not parties:
            return value  # the parties' own errors are reported on their keys
        names = {p.name for p in parties if p.kind != "person"}
        for name in value:
            if name not in names:
                raise ValueError(f"organisations names {name!r}, which is not a company or organisation among the "
                                 f"parties ({'、'.join(sorted(names)) or 'none'})")
        return value

    @field_validator("infringing_signs", "related_cases")
    @classmethod
    def _known_marks(cls, value: list | None, info: ValidationInfo) -> list | None:
        marks = {m.registration_number for m in info.data.get("marks") or []}
        for item in value or []:
            if item.mark is not None and item.mark not in marks:
                raise ValueError(f"mark {item.mark} is not one of marks[] ({', '.join(sorted(marks)) or 'none'})")
        return value

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
