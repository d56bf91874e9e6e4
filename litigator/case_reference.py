"""The key reference of case.yaml and evidence.yaml (docs/case-yaml.md), generated from the pydantic models.

    python -m litigator.case_reference > docs/case-yaml.md

Every key of each forum's case model with its type, default and description, nested sections one per
model; then evidence.yaml. tests/test_case_intake.py checks that the checked-in page is current, so a
model change without regenerating the page fails the tests.
"""

from __future__ import annotations

import datetime as dt
import enum
import inspect
import re
import sys
import types
import typing
from decimal import Decimal
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from litigator import fields as field_types

HEADER = """\
# case.yaml and evidence.yaml: key reference

<!-- Generated from the pydantic models by `python -m litigator.case_reference > docs/case-yaml.md`.
     Do not edit by hand: a test fails when this page and the models disagree. -->

Every key a case folder's YAML files accept, with its type, default and meaning. Unknown keys are
errors (the message names the closest allowed key). Conventions:

- **amount**: money, a quoted string (`"3000.00"`) or an integer; a bare YAML float (`3000.5`) is
  refused, since YAML has already turned it into a binary float. **decimal**: a multiple, share or rate,
  written the same way (`"1.5"`).
- **date**: ISO, `2026-12-01`. Periods are inclusive calendar dates.
- **text (digits allowed)**: an identifier YAML may read as a number (ID numbers, phones, SKUs): quote it
  if it has leading zeros.
- A path to evidence (`exhibit`, `evidence`, …) is relative to the case folder and must be a file of
  `evidence/` (e.g. `evidence/03-invoice.pdf`).
- `litigator init DIR` writes a starter case.yaml; its parties, identifiers, shop and product are
  placeholders that `damages` and `draft` refuse until replaced. `litigator schema` prints the JSON
  Schema of case.yaml, `litigator schema evidence` that of evidence.yaml.
"""

EVIDENCE_INTRO = """\
## evidence.yaml

Optional, beside case.yaml or inside `evidence/`. Every file of `evidence/` becomes an exhibit (with its
sha256 and, for a PDF, its page count); evidence.yaml adds, per file name (relative to `evidence/`), what
the evidence list states. Keys may be written in English or in Chinese (the name in brackets); giving
both names of one key is an error. Exhibits are numbered by `order`, then by file name for files without
one. A name that is not a file of `evidence/` is an error.

```yaml
01-notarial-record.pdf:
  名称: （2024）沪东证经字第18325号公证书
  来源: 上海市东方公证处
  证明目的: 证明被告销售假冒注册商标的商品
  顺序: 1
02-appraisal.pdf: {title: 鉴别证明, purpose: 证明公证购买的商品系假冒, order: 2}
```

`draft` warns about an exhibit without a purpose of proof, an empty file, a file whose content is not
what its name says (an image named `.txt`), and a symbolic link in `evidence/` (never an exhibit: copy
the file in).
"""


# What a key means, for keys whose model field carries no description of its own (a description given
# in the model wins: better to add it there).
NOTES: dict[str, str] = {
    "CnCase.jurisdiction": "the forum; a case.yaml without it is Chinese",
    "CnCase.claims": "the causes of action pleaded; a brand owner's suit: trademark_infringement, unfair_competition",
    "CnCase.plaintiffs": "原告, in the order the complaint names them",
    "CnCase.agents": "委托诉讼代理人",
    "CnCase.defendants": "被告, each with the shops it operates",
    "CnCase.products": "the goods at issue and the SKUs / title keywords that select their orders",
    "CnCase.marks": "the registered trademarks relied on (trademark claims)",
    "CnCase.test_purchases": "notarised test purchases (公证购买)",
    "CnCase.scenarios": "named sets of damages methods and parameters, e.g. conservative, base, aggressive",
    "CnCase.expenses": "reasonable expenses claimed (合理开支), each with its voucher",
    "CnCase.currency": "the currency of every amount",
    "Party.name": "full name of the person or company, as registered",
    "Party.kind": "person (自然人), company (法人) or organisation (其他组织)",
    "Party.sex": "derived from id_number when omitted",
    "Party.occupation": "职业",
    "Party.phone": "联系电话",
    "Party.shops": "the online shops the party operates",
    "Representative.name": "姓名",
    "Agent.name": "姓名",
    "Agent.title": "职务, e.g. 律师, 实习律师, 员工",
    "Agent.phone": "联系电话",
    "Shop.url": "the shop's address on the platform",
    "Product.brand": "the brand the goods bear",
    "Product.right_holder_unit_profit": "the right holder's profit per unit (trademark: actual loss = units × it)",
    "Product.infringer_unit_profit": "the seller's profit per unit (trademark: infringer's profit = units × it)",
    "Mark.name": "the mark as registered, e.g. ROYAL CANIN",
    "Mark.registration_number": "注册号",
    "Mark.owner": "the registrant (default: the plaintiff)",
    "Mark.classes": "Nice classes of the registration",
    "Mark.goods": "the goods it is registered for (核定使用商品)",
    "Mark.valid_until": "end of the registration's term",
    "Agreement.accepted_on": "when the seller accepted it",
    "Agreement.exhibit": "the agreement as evidence, a file of evidence/",
    "TestPurchase.date": "the day of the purchase",
    "TestPurchase.amount": "the price paid",
    "TestPurchase.notary_number": "the notarial certificate's number, e.g. （2024）沪东证经字第18325号",
    "TestPurchase.exhibit": "the notarial certificate, a file of evidence/",
    "Appraisal.by": "who appraised the goods (usually the right holder)",
    "Appraisal.conclusion": "the appraisal's conclusion, e.g. 非权利人生产",
    "Expense.kind": "what the expense was for (its label in the complaint, unless `description` is given)",
    "Expense.amount": "the amount paid",
    "Expense.description": "the expense's label in the complaint (default by kind)",
    "Preservation.amount": "the amount of property to preserve (more than 0)",
    "Licence.fee": "the licence fee",
    "RelatedAward.claimant": "who received it",
    "RelatedAward.amount": "the amount paid",
    "Requests.costs": "ask that the defendants bear the court costs",
    "SalesConfig.currency": "the currency of the export's amounts (default: the case's)",
    "Period.start": "first day (inclusive)",
    "Period.end": "last day (inclusive)",
    "ConductFact.fact": "the fact, as the complaint should state it",
    "Scenario.description": "what the scenario assumes, shown in the memo",
    "GoodwillConfig.method": "how the loss is measured; each method needs its parameter below",
    "LiquidatedDamagesConfig.method": "fixed (an agreed sum) or sales_multiple (× counterfeit sales)",
    "TrademarkConfig.method": "the Art. 63 method claimed; earlier methods need their not_determinable reason",
    "UnfairCompetitionConfig.conduct": "the unfair-competition conduct",
    "UnfairCompetitionConfig.method": "how damages are measured",
    "UnfairCompetitionConfig.not_determinable": "earlier methods marked 难以确定, each with the reason",
    "UnfairCompetitionConfig.units": "units sold, overriding the sales data",
    "UnfairCompetitionConfig.statutory_amount": "statutory: the amount claimed",
    "Liability.kind": "joint (连带) or several (按份)",
    "Liability.basis": "what makes the liability joint",
    "Liability.facts": "the facts the basis rests on, each with its exhibit",
    "CalibrationConfig.plaintiff_type": "default: platform (contract claims) or brand_owner (trademark / AUCL)",
    "CalibrationConfig.defendant_type": "default: online_seller when a defendant has a shop",
    "CalibrationConfig.product_category": "default: unknown (the feature scores 0.5 for every precedent)",
    "CalibrationConfig.include_exemplary": "let published typical cases into the calibration at half weight",
}

# The same, by key name wherever it sits.
BY_NAME: dict[str, str] = {
    "exhibit": "the exhibit proving it, a file of evidence/ (e.g. evidence/03-invoice.pdf)",
    "platform": "the platform, e.g. 淘宝网",
    "shop": "the shop's name on the platform",
    "product": "the goods bought",
    "order_number": "the platform's order number",
    "notary_office": "the notary office, e.g. 上海市东方公证处",
    "date": "the date",
    "start": "first day (inclusive)",
    "end": "last day (inclusive)",
    "court": "the court that decided it",
    "case_number": "案号 of that case",
}


def _model_summary(annotation: Any) -> str:
    """The first sentence of the docstring of the model a key holds (when the key has no description)."""
    from litigator.casefile import _members

    for member in _members(annotation):
        if typing.get_origin(member) in (list, dict):
            member = typing.get_args(member)[-1]
        for m in _members(member):
            if isinstance(m, type) and issubclass(m, BaseModel) and m.__doc__:
                first = _doc(m.__doc__).split("\n\n")[0]
                return re.split(r"(?<=\.)\s", first)[0]
    return ""


def _doc(text: str | None) -> str:
    """A docstring as Markdown: reST ``code`` becomes `code`."""
    if not text:
        return ""
    return re.sub(r"``([^`]+)``", r"`\1`", inspect.cleandoc(text))


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _anchor(model: type[BaseModel]) -> str:
    return model.__name__.lower()


class _Reference:
    def __init__(self) -> None:
        self.models: list[type[BaseModel]] = []  # in order of first use
        self.used_at: dict[type[BaseModel], list[str]] = {}

    # -- types ----------------------------------------------------------------------------------

    def _note(self, model: type[BaseModel], where: str) -> None:
        if model not in self.used_at:
            self.models.append(model)
            self.used_at[model] = []
        if where not in self.used_at[model]:
            self.used_at[model].append(where)

    def type_of(self, annotation: Any, metadata: list[Any], where: str) -> str:
        """The type of a key, in words (models linked to their section)."""
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            args = typing.get_args(annotation)
            return self.type_of(args[0], [*args[1:], *metadata], where)
        if origin in (typing.Union, types.UnionType):
            members = [a for a in typing.get_args(annotation) if a is not type(None)]
            return " or ".join(self.type_of(m, metadata if len(members) == 1 else [], where) for m in members)
        if origin is typing.Literal:
            return "one of " + ", ".join(f"`{v}`" for v in typing.get_args(annotation))
        if origin is list:
            (item,) = typing.get_args(annotation)
            return "list of " + self.type_of(item, [], where) + _size(metadata)
        if origin is dict:
            key, value = typing.get_args(annotation)
            keys = {str: "name", int: "index"}.get(key) or self.type_of(key, [], where)
            return f"mapping of {keys} → " + self.type_of(value, [], where) + _size(metadata)
        if hasattr(annotation, "__value__"):  # a `type X = ...` alias
            return self.type_of(annotation.__value__, metadata, where)
        if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
            return "one of " + ", ".join(f"`{m.value}`" for m in annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            self._note(annotation, where)
            return f"[{annotation.__name__}](#{_anchor(annotation)})"
        return _scalar(annotation, metadata)

    # -- sections -------------------------------------------------------------------------------

    def rows(self, model: type[BaseModel], top: bool = False) -> list[str]:
        from litigator.casefile import field_keys

        out = ["| key | type | default | description |", "|---|---|---|---|"]
        for name, field in model.model_fields.items():
            keys = field_keys(field, name)
            key = f"`{keys[0]}`" + (f" ({', '.join(f'`{k}`' for k in keys[1:])})" if len(keys) > 1 else "")
            where = f"`{name}`" if top else f"`{name}` of [{model.__name__}](#{_anchor(model)})"
            kind = self.type_of(field.annotation, list(field.metadata), where)
            text = (field.description or NOTES.get(f"{model.__name__}.{name}") or _model_summary(field.annotation)
                    or BY_NAME.get(name) or ("the exhibit proving it, a file of evidence/"
                                             if name.endswith("evidence") else ""))
            out.append(f"| {key} | {_cell(kind)} | {_cell(_default(field))} | {_cell(text)} |")
        return out

    def section(self, model: type[BaseModel]) -> list[str]:
        out = [f"### {model.__name__}", "", f"Under {', '.join(self.used_at[model])}.", ""]
        text = _doc(model.__doc__)
        if text and not text.startswith(f"{model.__name__}("):
            out += [text, ""]
        return out + self.rows(model) + [""]

    def collect(self, roots: list[type[BaseModel]]) -> None:
        """Note every model reachable from ``roots`` and where each is used (before anything is shown)."""
        for root in roots:
            self.rows(root, top=True)
        i = 0
        while i < len(self.models):
            self.rows(self.models[i])
            i += 1


def _size(metadata: list[Any]) -> str:
    for m in metadata:
        n = getattr(m, "min_length", None)
        if n:
            return f" (at least {n})"
    return ""


def _functions(metadata: list[Any]) -> set[Any]:
    return {getattr(m, "func", None) for m in metadata}


def _scalar(annotation: Any, metadata: list[Any]) -> str:
    funcs = _functions(metadata)
    bounds = []
    for m in metadata:
        for attr, sign in (("ge", "≥"), ("gt", ">"), ("le", "≤"), ("lt", "<")):
            if getattr(m, attr, None) is not None:
                bounds.append(f"{sign} {getattr(m, attr)}")
    if field_types._not_negative in funcs or any(getattr(f, "__name__", "") == "_non_negative" for f in funcs):
        bounds.append("≥ 0")
    if field_types._positive in funcs:
        bounds.append("> 0")
    bound = f" ({', '.join(bounds)})" if bounds else ""
    if annotation is Decimal and field_types._amount_in in funcs:
        money = field_types._money_out in funcs
        return ("amount" if money else "decimal") + bound
    if annotation is str:
        return ("text (digits allowed)" if field_types._code_in in funcs else "text") + bound
    names = {bool: "true/false", int: "integer", float: "number", dt.date: "date", dt.datetime: "date and time",
             Decimal: "decimal"}
    return names.get(annotation, getattr(annotation, "__name__", str(annotation))) + bound


def _default(field: FieldInfo) -> str:
    if field.is_required():
        return "required"
    if field.default_factory is not None:
        value = field.default_factory()
        if isinstance(value, BaseModel):
            return "(its defaults)"
        return "[]" if isinstance(value, list) else "{}" if isinstance(value, dict) else f"`{value}`"
    value = field.default
    if value is None:
        return "—"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    return f"`{value}`"


def render() -> str:
    """docs/case-yaml.md."""
    from litigator import forums
    from litigator.evidence import EvidenceEntry

    cases = [forums.get(code).case_model for code in forums.codes()]
    ref = _Reference()
    ref.collect(cases)
    parts = [HEADER]
    for code, model in zip(forums.codes(), cases, strict=True):
        parts.append(f"## case.yaml (`jurisdiction: {code}`)\n")
        parts.append(_doc(model.__doc__) + "\n")
        parts.append("\n".join(ref.rows(model, top=True)) + "\n")
    parts.append("## Sections\n\nEach table lists the keys of one mapping; its heading is the name the tables above "
                 "link to.\n")
    parts += ["\n".join(ref.section(m)) for m in ref.models]
    parts.append(EVIDENCE_INTRO)
    parts.append("### Each file's entry\n")
    parts.append("\n".join(_Reference().rows(EvidenceEntry, top=True)) + "\n")
    return "\n".join(parts)


def main() -> None:
    sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[attr-defined]
    sys.stdout.write(render())


if __name__ == "__main__":
    main()
