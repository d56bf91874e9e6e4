"""The complaint's requests (诉讼请求) and parties' roles, worded so that a court can enforce them.

* Defendants are numbered (被告一、被告二…) when there are several; every request names who it binds.
* Money requests come from the damages heads (the only source of amounts) and state the liability:
  one defendant; several defendants jointly and severally (连带, with its legal basis); or each its own
  share.
* Non-money requests are specific: stop selling the goods bearing mark No. X (or, in contract, the
  counterfeit goods on platform Y), take down the named shops' listings, destroy the stock, publish a
  statement in a named medium for a number of days, the text to be reviewed by the court.
* A remedy the pleaded cause does not support warns with the reason (赔礼道歉、消除影响 in contract:
  personality-right remedies, refused on the same request in Taobao v. Yao).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from litigator.forums.cn.citation import Provision
from litigator.forums.cn.common import pleaded_in_tort
from litigator.forums.cn.heads import HeadCode
from litigator.money import format_yuan, quantize
from litigator.warnings import Warnings

if TYPE_CHECKING:  # pragma: no cover
    from litigator.damages.model import ScenarioResult
    from litigator.forums.cn.law import CnLaw
    from litigator.forums.cn.model import CnCase

_DIGITS = "零一二三四五六七八九"

# What the court is asked to order for each head (a head not listed: 赔偿原告{label}).
CLAIM_VERBS: dict[str, str] = {
    HeadCode.GOODWILL_LOSS: "赔偿原告商誉损失",
    HeadCode.PUNITIVE_DAMAGES: "支付原告惩罚性赔偿",
    HeadCode.COMPENSATION_PAID: "赔偿原告对外支付的赔偿款",
    HeadCode.LIQUIDATED_DAMAGES: "支付原告违约金",
    HeadCode.REASONABLE_EXPENSES: "赔偿原告为维权支出的合理开支",
}


def role_numbers(n: int) -> list[str]:
    """被告 for one defendant; 被告一、被告二… for several."""
    if n == 1:
        return [""]
    return [_DIGITS[i + 1] if i + 1 < 10 else str(i + 1) for i in range(n)]


@dataclass
class Pleading:
    plaintiff_roles: list[str]
    defendant_roles: list[str]
    requests: list[str]
    liability: list[tuple[str, str | None]] = field(default_factory=list)  # (text, exhibit) segments
    # each defendant's part of a head under several liability: {head, defendant, share, amount} (the amounts the
    # requests state, written into calculation.json so every amount of the filing is in the calculation)
    shares: list[dict[str, str]] = field(default_factory=list)


def _names(roles: list[str], indexes: list[int]) -> str:
    return "、".join(roles[i] for i in indexes)


def _marks_text(case: "CnCase", own: bool) -> str:
    marks = "、".join(f"第{m.registration_number}号“{m.name}”" for m in case.marks)
    return f"{'原告' if own else ''}{marks}注册商标专用权"


def plead(case: "CnCase", scenario: "ScenarioResult", law: "CnLaw", w: Warnings) -> Pleading:
    n = len(case.defendants)
    numbers = role_numbers(n)
    defendants = [f"被告{x}" for x in numbers]
    plaintiffs = [f"原告{x}" for x in role_numbers(len(case.plaintiffs))]
    every = list(range(n))
    shop_ops = [i for i, d in enumerate(case.defendants) if d.shops] or every
    req = case.requests
    out: list[str] = []
    split: list[dict[str, str]] = []
    trademark = "trademark_infringement" in case.claims
    contract = "breach_of_contract" in case.claims
    own = bool(case.marks) and all(m.plaintiff_role == "owner" for m in case.marks)

    # Non-money requests first, addressed to those who run the shops.
    who = _names(defendants, shop_ops)
    if req.stop_infringement:
        if trademark and case.marks:
            out.append(f"判令{who}立即停止销售侵犯{_marks_text(case, own)}的商品")
        elif trademark:
            out.append(f"判令{who}立即停止销售侵犯原告注册商标专用权的商品")
            w.add("REQUEST_UNSPECIFIC", "stop_infringement in a trademark case names no mark: add marks[] with their "
                                        "registration numbers so the order can be enforced")
        else:
            brands = "、".join(dict.fromkeys(f"“{p.brand}”" for p in case.products if p.brand))
            platforms = "、".join(dict.fromkeys(s.platform for i in shop_ops for s in case.defendants[i].shops))
            where = f"在{platforms}" if platforms else ""
            what = f"假冒{brands}商品" if brands else "假冒商品"
            out.append(f"判令{who}立即停止{where}销售{what}的行为")
    if req.takedown:
        shops = [f"{s.platform}“{s.name}”店铺" for i in shop_ops for s in case.defendants[i].shops]
        if shops:
            out.append(f"判令{who}立即删除其在{'、'.join(shops)}中销售上述侵权商品的全部商品链接")
        else:
            w.add("REQUEST_UNSPECIFIC", "takedown is asked but no defendant has shops[]: name the platform and shop")
    if req.destroy_stock:
        if trademark and case.marks:
            out.append(f"判令{who}销毁其库存的侵犯{_marks_text(case, own)}的商品")
        else:
            w.add("REMEDY_NOT_SUPPORTED",
                  "destroy_stock is a trademark remedy (the right holder asks the court to order counterfeit goods "
                  "destroyed); it is not asked here because the case pleads no registered mark")

    # Money: one request per head, with the liability that head is under.
    if n > 1 and not case.liabilities:
        w.add("LIABILITY_UNSTATED",
              f"{n} defendants but no `liability:`: say whether they answer jointly and severally (with the basis) "
              "or each for a share; the requests name them all without 连带")
    for head in scenario.heads:
        lia = case.liability_for(head.code)
        if n > 1 and case.liabilities and lia is None:
            w.add("LIABILITY_UNSTATED", f"no liability block covers the claim head {head.code}: add it to a block's "
                                        "`heads` (or give one block without `heads`)")
        verb = CLAIM_VERBS.get(head.code, f"赔偿原告{head.label}")
        extra = ""
        if head.code == HeadCode.REASONABLE_EXPENSES and case.expenses:
            extra = "（其中" + "、".join(f"{e.label}{format_yuan(e.amount)}" for e in case.expenses) + "）"
        if n == 1:
            out.append(f"判令被告{verb}人民币{format_yuan(head.amount)}{extra}")
        elif lia is not None and lia.kind == "several":
            parts = _shares(head.amount, lia.shares or {})
            split += [{"head": head.code, "defendant": case.defendants[i].name, "role": defendants[i],
                       "share": str((lia.shares or {})[i]), "amount": str(a),
                       "formula": f"{head.amount} × {(lia.shares or {})[i]}" if i != parts[-1][0]
                       else f"{head.amount} − " + " − ".join(str(b) for j, b in parts if j != i)}
                      for i, a in parts]
            out.append("；".join(f"判令{defendants[i]}{verb}人民币{format_yuan(a)}" for i, a in parts) + extra)
        else:
            joint = lia is not None
            names = _names(defendants, (lia.defendants or every) if lia else every)
            out.append(f"判令{names}{'连带' if joint else ''}{verb}人民币{format_yuan(head.amount)}{extra}")

    # Publication and apology: personality-right remedies.
    if req.apology or req.publication:
        tort = pleaded_in_tort(case)
        if contract and not tort:
            w.add("REMEDY_NOT_IN_CONTRACT",
                  "赔礼道歉、消除影响 are asked in a contract case: they are remedies for harm to a personality right "
                  f"({law.cite(Provision('civil_code', '2020', 179), Provision('civil_code', '2020', 1000))}) and the "
                  "court in Taobao v. Yao (上海市奉贤区人民法院, 2017) refused the same request of a platform suing in "
                  "contract; drop them, or plead the goodwill claim in tort")
        if req.publication is None:
            w.add("PUBLICATION_UNSPECIFIED",
                  "a statement eliminating the effects must name where and for how long it is published "
                  f"({law.cite(Provision('civil_code', '2020', 1000, 1))}): set requests.publication "
                  "{medium, duration_days}")
            out.append(f"判令{_names(defendants, every)}向原告赔礼道歉、消除影响")
        else:
            pub = req.publication
            what = "赔礼道歉、消除影响" if req.apology else "消除影响"
            out.append(f"判令{_names(defendants, every)}在{pub.medium}连续{pub.duration_days}日刊登声明，{what}"
                       "（声明内容须经法院审核）")
    if req.costs:
        pres = "（含财产保全申请费）" if case.preservation else ""
        payers = _names(defendants, every)
        lia = case.liability_for(None)
        joint = "连带" if n > 1 and lia is not None and lia.kind == "joint" else ""
        out.append(f"判令{payers}{joint}承担本案全部诉讼费用{pres}")
    return Pleading(plaintiff_roles=plaintiffs, defendant_roles=defendants, requests=out,
                    liability=_liability_segments(case, scenario, defendants, law), shares=split)


def _shares(amount: Decimal, shares: dict[int, Decimal]) -> list[tuple[int, Decimal]]:
    """Each defendant's part of ``amount``, rounded to the fen; the last takes the remainder."""
    order = sorted(shares)
    parts = [(i, quantize(amount * shares[i])) for i in order[:-1]]
    parts.append((order[-1], quantize(amount - sum(a for _, a in parts))))
    return parts


# Why the named defendants answer jointly and severally (paraphrased; the provision is cited from law.yaml).
BASIS_WORDS = {
    "joint_tort": "二人以上共同实施侵权行为造成他人损害，应当承担连带责任",
    "aiding": "帮助他人实施侵权行为，应当与行为人承担连带责任",
    "one_person_company": "一人有限责任公司的股东不能证明公司财产独立于其自己的财产，应当对公司债务承担连带责任",
    "agreement": "依照约定，应当承担连带责任",
}


def liability_provisions(case: "CnCase", law: "CnLaw") -> list[Provision]:
    """The provisions of every joint-liability basis stated (for the closing legal basis)."""
    entries = [_liability_entry(case, lia, law) for lia in case.liabilities]
    return list({p.key: p for p in (law.ref(e) for e in entries if e is not None)}.values())


def _liability_entry(case: "CnCase", lia, law: "CnLaw"):
    """The law.yaml entry of a joint-liability basis in force at the end of the conduct (None: none)."""
    if lia.kind != "joint" or lia.basis in (None, "agreement"):
        return None
    end = (case.conduct.end if case.conduct and case.conduct.end else None) or law.filed
    return law.at(f"liability.{lia.basis}", end)


def _liability_segments(case: "CnCase", scenario: "ScenarioResult", defendants: list[str],
                        law: "CnLaw") -> list[tuple[str, str | None]]:
    """The 事实与理由 paragraph on who answers for what (empty with one defendant or no liability): per
    block, its facts and its rule; a block limited to some heads says which claims it concerns."""
    if len(defendants) == 1:
        return []
    blocks = case.liabilities
    segs: list[tuple[str, str | None]] = []
    for lia in blocks:
        lead = ""
        if lia.heads is not None:
            labels = [h.label for h in scenario.heads if h.code in lia.heads]
            if not labels:
                continue
            lead = f"就{'、'.join(labels)}，"
        elif len(blocks) > 1:
            lead = "就其余诉讼请求，"
        if lia.kind == "several":
            parts = "、".join(f"{defendants[i]}按{(lia.shares or {})[i] * 100:.0f}%"
                              for i in sorted(lia.shares or {}))
            segs.append((f"{lead}各被告应按其过错及行为分别承担责任：{parts}。", None))
            continue
        names = _names(defendants, lia.defendants or list(range(len(defendants))))
        for i, f in enumerate(lia.facts):
            segs.append(((lead if i == 0 else "；") + f.fact, f.exhibit))
        entry = _liability_entry(case, lia, law)
        rule = law.ref(entry) if entry is not None else None
        why = (entry.value.get("rule") if entry is not None else None) or BASIS_WORDS[lia.basis or "agreement"]
        cite = f"根据{law.cite(rule)}的规定，" if rule else ""
        debts = "本案债务" if lia.heads is None else "上述债务"
        segs.append((("。" if lia.facts else lead) + f"{cite}{why}，故{names}应对{debts}承担连带责任。", None))
    return segs
