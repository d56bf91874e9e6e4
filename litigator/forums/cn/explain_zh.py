"""``damages --explain`` in Chinese for a Chinese case: one paragraph per claim head, then the court fees.

The paragraphs are written for readers who draft Chinese pleadings (简体中文, 书面语) and say what the
English explanations of :func:`litigator.forums.cn.rules.explain` say, no more. They are built from the
report's data only: every citation is a head's ``basis`` string (or a fee's basis) as the rules
formatted it, and every figure comes from the head's ``amount``, ``formula`` and ``inputs`` or the
scenario's ``fees`` and ``punitive`` block — no statute name, article number or legal amount is
written here. A head code this module does not know falls back to 「标签（金额元）：算式。依据：……。」.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from litigator.damages.model import ClaimHead, DamagesReport, ScenarioResult
from litigator.forums.cn.common import pleaded_in_tort
from litigator.forums.cn.contract import MITIGATION_KINDS
from litigator.forums.cn.heads import HeadCode
from litigator.forums.cn.trademark import METHOD_LABEL
from litigator.money import format_amount

if TYPE_CHECKING:  # pragma: no cover
    from litigator.forums.cn.model import CnCase as Case

LOSS_CODES = frozenset({HeadCode.GOODWILL_LOSS, HeadCode.GOVERNANCE_COST, HeadCode.COMPENSATION_PAID,
                        HeadCode.DIRECT_LOSS})
CONTRACT_CODES = LOSS_CODES | {HeadCode.LIQUIDATED_DAMAGES}

# The methods a head may mark 难以确定 (trademark and AUCL ``not_determinable`` keys).
NOT_DETERMINABLE_LABEL = {
    "actual_loss": "权利人的实际损失",
    "infringer_profit": "侵权人的获利",
    "infringer_gain": "侵权人的获利",
    "licence_fee": "商标许可使用费的倍数",
}
# The personality-right fee schedule writes its per-case fee with this mark (fees.case_fee_formula).


def _yuan(value: Decimal | str) -> str:
    return format_amount(Decimal(value)) + "元"


def _int(value: str) -> str:
    try:
        return f"{int(value):,}"
    except ValueError:
        return value


def _amount(value: str) -> str:
    """A money input (``"86.00"``) as written in the paragraphs (``86.00``); other text unchanged."""
    try:
        return format_amount(Decimal(value))
    except (InvalidOperation, ValueError):
        return value


def _inputs(h: ClaimHead) -> dict[str, str]:
    """The head's inputs by name (the first of each name)."""
    out: dict[str, str] = {}
    for i in h.inputs:
        out.setdefault(i.name, i.value)
    return out


def _opening(h: ClaimHead) -> str:
    return f"{h.label}（{_yuan(h.amount)}）："


def _closing(h: ClaimHead) -> str:
    return f"依据：{h.basis}。"


def _fallback(h: ClaimHead) -> str:
    return f"{_opening(h)}{h.formula}。{_closing(h)}"


def _not_determinable(h: ClaimHead) -> str:
    """「下列计算方法难以确定：……。」 from the head's ``not_determinable: <method>`` inputs, or ``""``."""
    items = []
    for i in h.inputs:
        if i.name.startswith("not_determinable: "):
            method = i.name.split(": ", 1)[1]
            items.append(f"{NOT_DETERMINABLE_LABEL.get(method, '其他计算方法')}（{i.value}）")
    return f"下列计算方法难以确定：{'；'.join(items)}。" if items else ""


# ---------------------------------------------------------------------------------------------
# Which regime a scenario's heads belong to
# ---------------------------------------------------------------------------------------------


def _regime(s: ScenarioResult, case: "Case | None") -> str | None:
    """trademark, unfair_competition, contract or tort (None: not known from the report and no case)."""
    codes = {h.code for h in s.heads}
    if codes & {HeadCode.TRADEMARK_DAMAGES, HeadCode.PUNITIVE_DAMAGES}:
        return "trademark"
    if HeadCode.UNFAIR_COMPETITION_DAMAGES in codes:
        return "unfair_competition"
    if case is not None:
        if codes & CONTRACT_CODES:
            return "tort" if pleaded_in_tort(case) else "contract"
        if "trademark_infringement" in case.claims:
            return "trademark"
        if "unfair_competition" in case.claims:
            return "unfair_competition"
        return "tort" if pleaded_in_tort(case) else "contract"
    # Without the case: the personality-right fee schedule is used exactly when the claim is in tort.
    if s.fees.personality_schedule:
        return "tort"
    return "contract" if codes & CONTRACT_CODES else None


# ---------------------------------------------------------------------------------------------
# Contract (and tort) loss heads, 违约金
# ---------------------------------------------------------------------------------------------


def _loss_rule(regime: str | None) -> str:
    if regime == "tort":
        return ("法人享有名誉权，被告因过错侵害原告商誉，应当赔偿由此造成的财产损失；"
                "损失和获利均难以确定的，由人民法院根据实际情况确定赔偿数额。")
    return ("被告违反平台服务协议，应当承担违约责任；损失赔偿额应当相当于因违约所造成的损失，"
            "但不得超过被告订立协议时预见到或者应当预见到的因违约可能造成的损失。")


def _loss_head(h: ClaimHead, regime: str | None) -> str:
    i = _inputs(h)
    # In contract, a third provision in the basis is the interpretation on the breaching party's gain
    # (profit_margin) or on costs owed to third parties (compensation_paid).
    extra = regime != "tort" and len(h.citations) > 2
    if "net_revenue" in i and "multiple" in i:
        what = (f"以被告侵权商品净销售额{_yuan(i['net_revenue'])}为基础，按{i['multiple']}倍计算：{h.formula}。"
                f"以此衡量被告售假行为给原告造成的{h.label}；该倍数并无法定标准，属于请求法院酌定的主张。")
    elif "net_revenue" in i and "margin" in i:
        if regime == "tort":
            what = (f"以被告因侵权所获利益衡量原告的损失，即被告侵权商品净销售额{_yuan(i['net_revenue'])}乘以利润率"
                    f"{i['margin']}：{h.formula}。")
        else:
            what = (f"以被告因违约所获利益衡量原告的损失，即被告侵权商品净销售额{_yuan(i['net_revenue'])}乘以利润率"
                    f"{i['margin']}：{h.formula}。"
                    + ("原告自身的可得利益损失难以确定的，人民法院可以参考违约方因违约所获得的利益确定损失。" if extra
                       else "目前适用的规定未将违约方的获利作为确定损失的标准，该计算方式属于请求法院酌定的主张。"))
    elif "orders" in i and "amount_per_order" in i:
        what = (f"按被告侵权订单数量计算：侵权订单{_int(i['orders'])}笔，每笔{_yuan(i['amount_per_order'])}"
                f"（例如原告处理一笔售假订单的成本）：{h.formula}。")
    elif "customers" in i and "value_per_customer" in i:
        what = (f"按被告侵权商品触达的买家人数计算：不同买家{_int(i['customers'])}人，每名活跃用户的价值为"
                f"{_yuan(i['value_per_customer'])}：{h.formula}。该方法系淘宝在浙江淘宝网络有限公司诉姚某服务合同"
                "纠纷案（皇家猫粮案）中主张的计算方式，法院未予采纳，而是酌定赔偿100,000元。")
    elif "amount" in i and h.formula.endswith("（已对外支付）"):
        what = (f"原告已向购买假冒商品的消费者支付{_yuan(i['amount'])}：{h.formula}。"
                + ("该款项属于被告侵权行为造成的损失。" if regime == "tort"
                   else "违约方应当赔偿订立协议时可以预见的、原告因违约而向第三人支付的费用。" if extra
                   else "该款项属于违约造成的损失。"))
    elif "amount" in i:
        what = f"主张固定数额{_yuan(i['amount'])}，请求法院酌定：{h.formula}。"
    else:
        return _fallback(h)
    return f"{_opening(h)}{what}{_loss_rule(regime)}{_closing(h)}"


def _liquidated(h: ClaimHead) -> str:
    i = _inputs(h)
    if "agreed_sum" in i:
        what = f"按协议约定的违约金数额计算：{h.formula}。"
    else:
        sales = next(((n, v) for n, v in i.items() if n.endswith("_counterfeit_sales")), None)
        if sales is None or "multiple" not in i:
            return _fallback(h)
        base = "净销售额" if sales[0].startswith("net") else "销售总额"
        what = (f"按协议约定，以被告侵权商品{base}{_yuan(sales[1])}的{i['multiple']}倍计算：{h.formula}"
                "（拼多多平台按假货销售额十倍计算违约金的条款曾获上海市长宁区人民法院支持）。")
    if "clause" in i:
        what += f"约定条款为：「{i['clause']}」。"
    rule = ("当事人可以约定一方违约时应当支付的违约金数额或者损失赔偿额的计算方法；约定的违约金过分高于造成的损失的，"
            "人民法院可以根据违约方的请求予以适当减少。")
    return f"{_opening(h)}{what}{rule}{_closing(h)}"


# ---------------------------------------------------------------------------------------------
# Trademark
# ---------------------------------------------------------------------------------------------

_TRADEMARK_ORDER = ("赔偿数额按照权利人因被侵权所受到的实际损失、侵权人因侵权所获得的利益或者商标许可使用费的合理倍数"
                    "确定；上述数额均难以确定的，方可适用法定赔偿；权利人可以选择计算方法。")


def _units_items(h: ClaimHead) -> tuple[list[str], bool]:
    """(「产品销售数量N，单位利润X元」 per product, whether the infringer's unit profit is used anywhere), from
    the ``units (P)`` inputs and the unit-profit input that follows each; a product whose infringer's unit
    profit is unknown says that the registered goods' unit profit stands in for it."""
    items: list[str] = []
    infringer = False
    inputs = h.inputs
    for k, inp in enumerate(inputs):
        if not inp.name.startswith("units (") or k + 1 >= len(inputs):
            continue
        product = inp.name[len("units ("):-1]
        profit = inputs[k + 1]
        note = ""
        if profit.name.startswith("infringer_unit_profit"):
            infringer = True
        elif "fallback" in profit.name:
            infringer = True
            note = "（被告的单位利润无法查明，按注册商标商品的单位利润计算）"
        items.append(f"{product}销售数量{_int(inp.value)}，单位利润{_yuan(profit.value)}{note}")
    return items, infringer


def _trademark_method(h: ClaimHead, s: ScenarioResult) -> str | None:
    i = _inputs(h)
    if "statutory_amount" in i:
        return "statutory"
    if "licence_fee" in i:
        return "licence_fee"
    if any(n.startswith("units (") for n in i):
        if s.punitive is not None and h.code == HeadCode.TRADEMARK_DAMAGES and "punitive_multiple" in i:
            return s.punitive.base_method
        return "infringer_profit" if _units_items(h)[1] else "actual_loss"
    return None


def _trademark_base(h: ClaimHead, method: str, formula: str) -> str | None:
    """How the compensatory figure is computed, after 「按……计算，」 or 「以……为计算基数，」 (ends with 。)."""
    i = _inputs(h)
    if method in ("actual_loss", "infringer_profit"):
        listed = "；".join(_units_items(h)[0])
        if method == "actual_loss":
            return (f"即侵权商品销售数量乘以原告注册商标商品的单位利润（{listed}）：{formula}。"
                    "侵权商品的销售数量可以视为权利人因侵权而减少的销售量。")
        return f"即侵权商品销售数量乘以被告销售侵权商品的单位利润（{listed}）：{formula}。"
    if method == "licence_fee":
        return (f"即商标许可使用费{_yuan(i['licence_fee'])}乘以合理倍数{i.get('licence_multiple', '1')}："
                f"{formula}。")
    return None


def _trademark(h: ClaimHead, s: ScenarioResult) -> str:
    i = _inputs(h)
    method = _trademark_method(h, s)
    if method is None:
        return _fallback(h)
    nd = _not_determinable(h)
    if "punitive_multiple" not in i:
        if method == "statutory":
            what = ("请求适用法定赔偿，由法院根据侵权行为的性质、期间、后果，侵权人的主观过错程度，商标的声誉及制止"
                    f"侵权行为的合理开支等情节酌定：{h.formula}。")
        else:
            base = _trademark_base(h, method, h.formula)
            if base is None:
                return _fallback(h)
            what = f"按{METHOD_LABEL[method]}计算，{base}"
        role = ("本项为惩罚性赔偿的计算基数（惩罚性赔偿另列一项）。"
                if s.head(HeadCode.PUNITIVE_DAMAGES) is not None else "")
        return f"{_opening(h)}{what}{nd}{role}{_TRADEMARK_ORDER}{_closing(h)}"
    # Punitive, multiplied reading: one head, multiple × base.
    p = s.punitive
    base = _trademark_base(h, method, p.base_formula if p is not None else h.formula)
    if base is None:
        return _fallback(h)
    base_amount = f"计算基数{_yuan(p.base)}" if p is not None else "计算基数"
    return (f"{_opening(h)}以{METHOD_LABEL[method]}为惩罚性赔偿的计算基数，{base}{nd}"
            f"被告故意侵害原告注册商标专用权，情节严重，请求按{base_amount}的{i['punitive_multiple']}倍确定赔偿数额"
            f"（按“倍数×基数”计算，即法条文义的理解）：{h.formula}。"
            f"计算基数不包括原告为制止侵权行为所支付的合理开支，合理开支另行主张。{_closing(h)}")


def _punitive(h: ClaimHead) -> str:
    """The punitive head of the additive reading: multiple × base, on top of the base."""
    i = _inputs(h)
    if "punitive_multiple" not in i or "base" not in i:
        return _fallback(h)
    return (f"{_opening(h)}以补偿性赔偿数额{_yuan(i['base'])}为计算基数，按{i['punitive_multiple']}倍计算，"
            f"在补偿性赔偿之外另行主张（按“基数＋倍数×基数”的理解）：{h.formula}。"
            "法条文义亦支持以“倍数×基数”确定赔偿总额，法院可能按该理解认定。"
            f"计算基数不包括原告为制止侵权行为所支付的合理开支。{_closing(h)}")


# ---------------------------------------------------------------------------------------------
# Unfair competition
# ---------------------------------------------------------------------------------------------


def _unfair_competition(h: ClaimHead) -> str:
    i = _inputs(h)
    formula = h.formula
    multiple = i.get("punitive_multiple")
    if multiple is not None:  # "(base formula) × m = total": the base computation is inside the parentheses
        m = re.fullmatch(r"\((.*)\) × .*", formula)
        formula = m.group(1) if m else formula
    if "statutory_amount" in i:
        what = f"请求适用法定赔偿，由法院根据侵权行为的情节酌定：{formula}。"
    elif "actual_loss" in i:
        what = f"按原告因被侵权所受到的实际损失计算：{formula}。"
    elif "infringer_gain" in i:
        what = f"按被告因侵权所获得的利益计算：{formula}。"
    elif "units" in i and "right_holder_unit_profit" in i:
        what = (f"按原告因被侵权所受到的实际损失计算，即销售数量{_int(i['units'])}乘以原告的单位利润"
                f"{_yuan(i['right_holder_unit_profit'])}：{formula}。")
    elif "units" in i and "infringer_unit_profit" in i:
        what = (f"按被告因侵权所获得的利益计算，即销售数量{_int(i['units'])}乘以被告的单位利润"
                f"{_yuan(i['infringer_unit_profit'])}：{formula}。")
    else:
        return _fallback(h)
    what += _not_determinable(h)
    if multiple is not None:
        what += f"被告恶意侵犯原告商业秘密，情节严重，请求按上述数额的{multiple}倍确定赔偿数额：{h.formula}。"
    rule = ("赔偿数额按照原告因被侵权所受到的实际损失确定；实际损失难以计算的，按照侵权人因侵权所获得的利益确定；"
            "赔偿数额还应当包括原告为制止侵权行为所支付的合理开支。"
            + ("实际损失和侵权获利均难以确定的，由人民法院在法定限额内酌定赔偿数额。"
               if "statutory_amount" in i else ""))
    return f"{_opening(h)}{what}{rule}{_closing(h)}"


# ---------------------------------------------------------------------------------------------
# Reasonable expenses
# ---------------------------------------------------------------------------------------------


def _expenses(h: ClaimHead, regime: str | None) -> str:
    items, kinds, clause = [], set(), None
    for inp in h.inputs:
        if inp.name == "lawyer_fee_clause":
            clause = inp.value
        elif ": " in inp.name:
            kind, label = inp.name.split(": ", 1)
            kinds.add(kind)
            items.append(f"{label}{_yuan(inp.value)}")
    if not items:
        return _fallback(h)
    what = f"原告为制止被诉行为支付的各项费用，包括{'、'.join(items)}，合计：{h.formula}。"
    if regime == "trademark":
        why = ("侵犯商标专用权的赔偿数额包括权利人为制止侵权行为所支付的合理开支，调查、取证的合理费用计入其中，"
               "符合规定的律师费用亦可计算在赔偿范围内；该项开支不计入惩罚性赔偿的计算基数。")
    elif regime == "unfair_competition":
        why = "赔偿数额还应当包括经营者为制止侵权行为所支付的合理开支。"
    elif regime == "tort":
        why = "上述开支属于被告侵权行为给原告造成的财产损失，应予赔偿。"
    elif regime == "contract":
        why = "上述开支属于被告违约给原告造成的损失，应予赔偿。"
        if kinds & set(MITIGATION_KINDS):
            why += "购买侵权商品、公证、调查取证等费用系原告为防止损失扩大而支出的合理费用，应当由违约方负担。"
        if "attorney_fee" in kinds:
            if clause is not None:
                why += (f"律师费依协议约定由被告负担（「{clause}」）；在浙江淘宝网络有限公司诉姚某服务合同纠纷案中，"
                        "法院依此类约定支持了律师费，并综合考虑案件难易程度、律师的工作量和诉讼标的额，参照律师收费标准予以认定。")
            else:
                why += ("原告主张律师费，但所引用的协议条款均未约定由被告负担律师费，"
                        "合同纠纷中亦无法律规定由违约方负担律师费，该项请求能否获得支持取决于协议约定。")
    else:
        why = ""
    tail = "各项费用均须提供发票或付款凭证；费用明显高于所完成工作的，法院可能予以酌减。"
    return f"{_opening(h)}{what}{why}{tail}{_closing(h)}"


# ---------------------------------------------------------------------------------------------
# Court fees
# ---------------------------------------------------------------------------------------------


def _fees(s: ScenarioResult) -> str | None:
    f = s.fees
    if f.case_fee is None:
        return None
    schedule = "按人格权纠纷案件的收费标准" if f.personality_schedule else "按收费标准"
    text = (f"诉讼费用：案件受理费以各项金钱诉讼请求之和{_yuan(s.total)}为计算基数，{schedule}分段累计计算："
            f"{f.case_fee_formula}，即{_yuan(f.case_fee)}"
            + ("（适用简易程序，减半收取）" if f.summary_procedure else "")
            + f"（{f.case_fee_basis}）。")
    if f.preservation_fee is not None:
        base = f.preservation_amount
        text += f"财产保全申请费为{_yuan(f.preservation_fee)}"
        if base is not None:
            if f.preservation_asked is not None:
                text += (f"：原告申请保全的财产数额为{_yuan(f.preservation_asked)}，超出诉讼请求金额，"
                         f"而财产保全以诉讼请求为限，申请费按{_yuan(base)}计算")
            else:
                text += f"，按申请保全的财产数额{_yuan(base)}计算"
            if f.preservation_cap is not None:
                text += f"，最高不超过{_yuan(f.preservation_cap)}"
        text += (f"（{f.preservation_fee_basis}）。" if f.preservation_fee_basis else "。")
    if f.apportionment:
        half = next((r for r in f.apportionment.rows if r.label == "支持50%"), None)
        if half is not None:
            text += (f"如法院判赔{_yuan(half.award)}（{half.label}），按支持比例分担，原告约负担案件受理费"
                     f"{_yuan(half.plaintiff_bears)}，被告约负担{_yuan(half.defendant_bears)}；此仅为估算，部分胜诉的，"
                     f"由人民法院根据案件的具体情况决定当事人各自负担的诉讼费用数额（{f.apportionment.basis}）。")
    return text


# ---------------------------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------------------------


def _head(h: ClaimHead, s: ScenarioResult, regime: str | None) -> str:
    code = h.code
    if code in LOSS_CODES:
        return _loss_head(h, regime)
    if code == HeadCode.LIQUIDATED_DAMAGES:
        return _liquidated(h)
    if code == HeadCode.TRADEMARK_DAMAGES:
        return _trademark(h, s)
    if code == HeadCode.PUNITIVE_DAMAGES:
        return _punitive(h)
    if code == HeadCode.UNFAIR_COMPETITION_DAMAGES:
        return _unfair_competition(h)
    if code == HeadCode.REASONABLE_EXPENSES:
        return _expenses(h, regime)
    return _fallback(h)


def explain_zh(report: DamagesReport, case: "Case | None" = None) -> dict[str, list[str]]:
    """Chinese paragraphs per scenario: one per claim head (its basis cited verbatim), then the court fees.

    ``case`` (optional) tells contract from tort for the loss heads and the expenses; without it the fee
    schedule of the report tells.
    """
    out: dict[str, list[str]] = {}
    for s in report.scenarios:
        regime = _regime(s, case)
        paras = [_head(h, s, regime) for h in s.heads]
        fee = _fees(s)
        if fee is not None:
            paras.append(fee)
        out[s.name] = paras
    return out


__all__ = ["explain_zh"]
