"""Order statuses: which mean a sale, an unpaid order, a closed (cancelled, deleted) order or a full refund.

The engine tests the plain unpaid, closed and refunded statuses below in SQL (exact, in a few
spellings of case). The status of every row still counted as a sale after that — a plain sale
status, a compound one such as JD's ``(删除)等待出库`` or Pinduoduo's ``已发货，退款成功``, another
spelling, an unknown word — is read here, in Python, once per distinct status (:func:`classify`),
and the rows holding one that means unpaid, closed or refunded are moved to that rule. A status
that is neither known nor made of known parts is *unknown*: its rows are kept as sales and listed
in a warning (``SALES_UNKNOWN_STATUS``) with their lines, until ``sales.statuses`` in case.yaml
says what it means (docs/sales.md, "Order statuses").
"""

from __future__ import annotations

import re
from typing import Literal

Outcome = Literal["sale", "unpaid", "closed", "fully_refunded"]
OUTCOMES: tuple[str, ...] = ("sale", "unpaid", "closed", "fully_refunded")

# The plain statuses tested in SQL (and known here). Kept short: every entry costs per row.
UNPAID_STATUSES = ("等待买家付款", "wait_buyer_pay", "unpaid", "pending_payment", "pending payment",
                   "awaiting payment", "待付款")
CLOSED_STATUSES = ("交易关闭", "trade_closed", "trade_closed_by_taobao", "closed", "cancelled", "canceled",
                   "已关闭", "已取消", "订单关闭", "交易已关闭")
REFUNDED_STATUSES = ("退款成功", "已退款", "refunded", "fully_refunded", "fully refunded")
# Sales: Taobao/Tmall (订单报表 and the API's codes), JD POP, Pinduoduo, English exports (known here only).
SALE_STATUSES = ("交易成功", "卖家已发货，等待买家确认", "买家已付款，等待卖家发货", "交易完成", "trade_finished",
                 "wait_seller_send_goods", "wait_buyer_confirm_goods", "trade_buyer_signed",
                 "完成", "已完成", "等待出库", "等待确认收货",
                 "已签收", "已发货，待签收", "待发货",
                 "completed", "complete", "shipped", "delivered", "paid", "fulfilled")

# Further statuses known here only (rarer spellings, and the parts compound statuses are made of).
_MORE_UNPAID = ("未付款", "待支付", "未支付", "等待付款", "trade_no_create_pay", "awaiting_payment")
_MORE_CLOSED = ("删除", "已删除", "取消", "订单取消", "订单已取消", "交易取消", "已作废", "作废", "deleted", "voided",
                "void", "cancelled_by_buyer", "cancelled_by_seller")
_MORE_REFUNDED = ("全额退款", "退款完成", "已全额退款")
_MORE_SALE = ("等待卖家发货", "等待买家确认", "等待买家确认收货", "卖家已发货", "买家已付款", "买家已签收",
              "卖家部分发货", "部分发货", "seller_consigned_part", "已付款", "已支付", "已发货", "未发货",
              "待签收", "待收货", "已收货", "已出库", "等待发货", "success", "succeeded", "finished",
              "in transit", "in_transit", "awaiting shipment", "awaiting_shipment", "pending shipment",
              "pending_shipment")


def norm(status: str) -> str:
    """A status as compared: trimmed (also full-width spaces), case folded."""
    return status.strip(" \t\r\n\u3000").casefold()


_EXACT: dict[str, str] = {}
for _outcome, _names in (("sale", SALE_STATUSES + _MORE_SALE), ("unpaid", UNPAID_STATUSES + _MORE_UNPAID),
                         ("closed", CLOSED_STATUSES + _MORE_CLOSED),
                         ("fully_refunded", REFUNDED_STATUSES + _MORE_REFUNDED)):
    for _name in _names:
        assert _EXACT.setdefault(norm(_name), _outcome) == _outcome, _name

# Parts of a compound status: split at Chinese and ASCII punctuation and brackets — never at spaces
# or underscores, which would make "partially refunded" read as "refunded".
_SPLIT = re.compile(r"[，,;；、|/()（）\[\]【】<>《》]+")
# A part saying the refund was partial: 退款成功 then does not mean the whole order was refunded.
_PARTIAL = re.compile(r"部分|partial", re.IGNORECASE)


def known(status: str) -> str | None:
    """What a status means by Litigator's own rules: ``sale``, ``unpaid``, ``closed``,
    ``fully_refunded``, or None (unknown). A blank status is unknown.

    A compound status is read by its parts: any deleted/cancelled/closed part makes the order
    ``closed`` (``(删除)等待出库``, ``已取消，退款成功``); else a part 退款成功 (or another full-refund
    word) makes it ``fully_refunded`` (``已发货，退款成功``), unless a part says the refund was partial;
    else an unpaid part makes it ``unpaid``; a status made only of sale parts is a ``sale``
    (``已发货，待签收``); anything else is unknown."""
    s = norm(status or "")
    if not s:
        return None
    if s in _EXACT:
        return _EXACT[s]
    parts = [p.strip(" \t\u3000") for p in _SPLIT.split(s)]
    parts = [p for p in parts if p]
    if len(parts) < 2 and (not parts or parts[0] == s):
        return None
    kinds = [_EXACT.get(p) for p in parts]
    if "closed" in kinds:
        return "closed"
    if "fully_refunded" in kinds and not any(_PARTIAL.search(p) for p in parts):
        return "fully_refunded"
    if "unpaid" in kinds:
        return "unpaid"
    if all(k == "sale" for k in kinds):
        return "sale"
    return None


def classify(status: str | None, user: dict[str, str] | None = None) -> str | None:
    """``known(status)``, with the case's own ``sales.statuses`` for statuses Litigator does not know."""
    if user and status is not None:
        mine = user.get(norm(status))
        if mine is not None:
            return mine
    return known(status or "")


def check_user_statuses(statuses: dict[str, str]) -> dict[str, str]:
    """``sales.statuses`` keyed as compared; a status Litigator already reads otherwise is an error
    (ValueError): case.yaml classifies unknown statuses, it does not redefine known ones."""
    out: dict[str, str] = {}
    for name, outcome in statuses.items():
        key = norm(name)
        if not key:
            raise ValueError("an empty status cannot be classified")
        builtin = known(name)
        if builtin is not None and builtin != outcome:
            raise ValueError(f"{name!r} already means {builtin} (docs/sales.md, \"Order statuses\"); "
                             "only statuses Litigator does not know can be classified")
        if out.setdefault(key, outcome) != outcome:
            raise ValueError(f"{name!r} is listed twice with different meanings")
    return out
