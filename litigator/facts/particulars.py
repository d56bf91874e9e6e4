"""Party particulars and expenses for proposals: what paralegals type most.

The extractor's facts give names, identifiers, phones and amounts; which party each belongs to, and the
things that are no fact type (addresses, seller IDs, expense kinds), are read here from the text around
them:

* a party's **block** is the text after a mention of its name (the whole table when the mention sits in
  a ``| … |`` row), cut at the next role word of someone else (被告, 委托诉讼代理人, 收款方, Defendant …)
  or the other party's name; its first checksum-valid ID or credit code, its first address (after 住所 /
  住址 / 地址 / Address) and its first phone are the party's;
* a **seller ID** follows 卖家ID / 店铺ID / 商家编号 / Seller ID / Store ID … and has a figure in it;
* an **expense** is an amount right after a kind word (公证费, 律师费, 鉴定费, 差旅费 …; notary fee,
  attorney's fees …) on one line, or, in an invoice naming one kind, the invoice's total (价税合计,
  合计, Total); its voucher is the file the amount was read from. Decisions (判决书, JUDGMENT …) are no
  vouchers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from litigator.facts.model import Fact
from litigator.facts.text import LineIndex


@dataclass(frozen=True)
class Found:
    """A value read from ``file`` at ``start:end`` (``text`` is the surface)."""

    type: str
    value: str
    text: str
    file: str
    start: int
    end: int
    line: int
    currency: str | None = None
    kind: str | None = None


def found_of(f: Fact, value: str | None = None, type: str | None = None) -> Found:
    return Found(type or f.type, f.value if value is None else value, f.text, f.file, f.start, f.end, f.line,
                 f.currency)


# --- party blocks -------------------------------------------------------------------------------------

# Someone else's particulars start here (the block of a party ends at the first of these after its name).
_ROLE_STOP = re.compile(
    r"原告|被告|第三人|(?<!被)申请人|被申请人|法定代表人|负责人|委托(?:诉讼)?代理人|代理人|收款方|收款人|付款方|"
    r"承办律师|联系人|公证员|审判长|审判员|书记员|鉴定人|经办人|销售方|销方|开票人|"
    r"Plaintiff|Defendant|Counsel|Attorney for|Payee|Contact person")
_BLOCK = 240
_ADDRESS = re.compile(
    r"(?<![收发退])(?:住所地|住所|住址|地址|经营场所|营业场所|经营地址|注册地址|联系地址|住(?=[\u4e00-\u9fff]{1,7}[省市]))"
    r"(?:[\s:：|]|为|是)*"
    r"([\u4e00-\u9fffA-Za-z0-9（）()\-－#]{6,60})"
    r"|(?:Address|ADDRESS|Registered address|Business address)[\s:：|]+([0-9][^\n|;]{8,100})")
_ADDRESS_SHAPE = re.compile(r"[省市区县州旗]|自治")
_ADDRESS_END = re.compile(r"[号室楼层幢栋座村组弄院道路街巷市区县镇乡]$|\d$")
_PHONE_NOT = re.compile(r"(?:传真|Fax|FAX)[\s:：|]*$")


def _table_block(text: str, pos: int) -> tuple[int, int] | None:
    """The contiguous ``| … |`` rows around ``pos`` (None when its line is no table row)."""
    start = text.rfind("\n", 0, pos) + 1
    if not text[start:pos].lstrip().startswith("|"):
        return None
    lo = start
    while lo > 0:
        prev = text.rfind("\n", 0, lo - 1) + 1
        if not text[prev:lo].lstrip().startswith("|"):
            break
        lo = prev
    hi = text.find("\n", pos)
    hi = len(text) if hi < 0 else hi
    while hi < len(text):
        nxt = text.find("\n", hi + 1)
        nxt = len(text) if nxt < 0 else nxt
        if not text[hi + 1:nxt].lstrip().startswith("|"):
            break
        hi = nxt
    return lo, hi


def party_blocks(name: str, others: list[str], texts: dict[str, str]) -> list[tuple[str, int, int]]:
    """(file, start, end) of the text that describes ``name``, in reading order."""
    out = []
    for file, text in texts.items():
        pos = text.find(name)
        while pos >= 0:
            end = pos + len(name)
            table = _table_block(text, pos)
            lo, hi = table if table else (end, min(len(text), end + _BLOCK))
            if table:  # a table row of another party's role ends it (at that row)
                for m in _ROLE_STOP.finditer(text, lo, hi):
                    if m.start() > end:
                        hi = text.rfind("\n", 0, m.start()) if text.rfind("\n", lo, m.start()) >= 0 else hi
                        break
            else:
                stop = _ROLE_STOP.search(text, end, hi)
                hi = stop.start() if stop else hi
            for other in others:
                if other and other != name and other not in name:
                    o = text.find(other, end, hi)
                    hi = o if o >= 0 else hi
            if hi > lo:
                out.append((file, lo, hi))
            pos = text.find(name, end)
    return out


def particulars(name: str, others: list[str], facts: list[Fact], texts: dict[str, str],
                lines: dict[str, LineIndex]) -> dict[str, Found]:
    """``id_number`` (a checksum-valid resident ID or credit code), ``address`` and ``phone`` of a party."""
    by_file: dict[str, list[Fact]] = {}
    for f in facts:
        if f.type in ("ID_NUMBER", "CREDIT_CODE", "PHONE"):
            by_file.setdefault(f.file, []).append(f)
    got: dict[str, Found] = {}
    for file, lo, hi in party_blocks(name, others, texts):
        text = texts[file]
        for f in by_file.get(file, []):
            if not lo <= f.start < hi:
                continue
            if f.type in ("ID_NUMBER", "CREDIT_CODE") and f.valid and "id_number" not in got:
                got["id_number"] = found_of(f)
            elif f.type == "PHONE" and "phone" not in got and not _PHONE_NOT.search(text[max(0, f.start - 8):f.start]):
                got["phone"] = found_of(f, re.sub(r"\s+", " ", f.text.strip()))
        if "address" not in got:
            for m in _ADDRESS.finditer(text, lo, hi):
                g = 1 if m.group(1) else 2
                value = m.group(g).strip().rstrip(",， ")
                zh = g == 1
                if zh and not (_ADDRESS_SHAPE.search(value) and _ADDRESS_END.search(value)):
                    continue
                if not zh and "," not in value:
                    continue
                s = m.start(g)
                got["address"] = Found("ADDRESS", value, value, file, s, s + len(value), lines[file].line(s))
                break
        if len(got) == 3:
            break
    return got


# --- seller IDs ---------------------------------------------------------------------------------------

_SELLER_ID = re.compile(
    r"(?:卖家|商家|店铺|商户|掌柜|Seller|Store|Shop|Merchant)\s?(?:ID|Id|id|编号|号码|No\.?)"
    r"(?:[\s:：|#]|为|是)*([A-Za-z0-9][A-Za-z0-9_\-]{1,39})")


def seller_ids(texts: dict[str, str], lines: dict[str, LineIndex]) -> list[Found]:
    out = []
    for file, text in texts.items():
        for m in _SELLER_ID.finditer(text):
            value = m.group(1)
            if any(c.isdigit() for c in value):
                s = m.start(1)
                out.append(Found("SELLER_ID", value, value, file, s, m.end(1), lines[file].line(s)))
    return out


# --- expenses -----------------------------------------------------------------------------------------

# kind (case.yaml Expense.kind) -> the words that name it
_KIND_WORDS = {
    "notarization": r"公证费|公证服务费|notari[sz]ation fees?|notary fees?",
    "attorney_fee": r"律师代理费|律师费|代理费|律师服务费|attorney'?s'? fees?|legal fees?|counsel fees?",
    "appraisal": r"鉴定费|检验费|检测费|appraisal fees?|authentication fees?",
    "investigation": r"调查费|调查取证费|取证费|investigation fees?|investigator'?s'? fees?",
    "travel": r"差旅费|交通费|travel expenses?|travel costs?",
    "test_purchase": r"购买(?:涉案|侵权|被诉侵权|被控侵权)?商品(?:的)?费用|购买费用?|购物款|购货款|"
                     r"test purchase (?:costs?|price)",
}
_KIND = re.compile("|".join(f"(?P<{k}>{v})" for k, v in _KIND_WORDS.items()), re.IGNORECASE)
# between the kind word and its amount: a colon, "人民币", "共计" … (never 约 / 不超过: an estimate is no claim)
_GAP = re.compile(r"(?:[ \t\u3000:：|为是共计合计总计金额]|人民币|RMB|of|amount|Amount)*")
_VOUCHER = re.compile(r"发票|收据|票据|凭证|回单|付款|Invoice|INVOICE|Receipt|RECEIPT|Paid|PAID")
_DECISION = re.compile(r"判决如下|裁定如下|判决书|裁定书|传票|起诉状|JUDGMENT|ORDERED|SUMMONS|COMPLAINT")
_TOTAL = re.compile(r"(?:价税合计|合计|总计|实收|小写|Total|TOTAL|Amount due|Amount Due|Balance due)"
                    r"[^\n\d¥￥$]{0,12}$")


def expenses(facts: list[Fact], texts: dict[str, str]) -> list[Found]:
    """Expenses (``kind``, amount as ``value`` with ``currency``) with the file they were read from."""
    money: dict[str, list[Fact]] = {}
    for f in facts:
        if f.type == "MONEY":
            money.setdefault(f.file, []).append(f)
    out: list[Found] = []
    for file, text in texts.items():
        amounts = money.get(file)
        if not amounts or not _VOUCHER.search(text) or _DECISION.search(text):
            continue
        found: dict[str, Found] = {}
        kinds_named = set()
        for m in _KIND.finditer(text):
            kind = m.lastgroup
            kinds_named.add(kind)
            if kind in found:
                continue
            gap = _GAP.match(text, m.end())
            at = gap.end() if gap else m.end()
            amount = next((f for f in amounts if f.start == at or (f.start <= at < f.end)), None)
            if amount is None:  # the amount's text may begin with its currency (人民币3,000.00元, ¥3,000.00)
                amount = next((f for f in amounts if m.end() <= f.start <= at), None)
            if amount is not None:
                found[kind] = Found("EXPENSE", amount.value, amount.text, file, amount.start, amount.end,
                                    amount.line, amount.currency, kind)
        if len(kinds_named) == 1:  # an invoice for one service: its total (a line item may be before tax)
            kind = kinds_named.pop()
            totals = [f for f in amounts if _TOTAL.search(text[max(0, f.start - 24):f.start])]
            pick = totals[-1] if totals else (amounts[0] if len({f.value for f in amounts}) == 1 else None)
            if pick is not None and (totals or kind not in found):
                found[kind] = Found("EXPENSE", pick.value, pick.text, file, pick.start, pick.end, pick.line,
                                    pick.currency, kind)
        out.extend(found.values())
    return out
