"""Money: Decimal amounts with an ISO currency, parsing and formatting.

Rules (documented in docs/damages-cn.md):

* Amounts are :class:`decimal.Decimal`, never float. Results are rounded to the minor unit (fen,
  cent) with ROUND_HALF_UP, the rounding Chinese courts and accountants use (四舍五入).
* Parsing accepts what case files contain: ``1,400,000元``, ``人民币267万元``, ``¥120,000.00``,
  ``壹拾贰万元整``, full-width ``１２０，０００元``, ``12.5万元``, ``二十五万元``, ``RMB 8,000``,
  ``US$ 4,388.10``, ``$1.2 million``.
* Formatting gives ``2,670,000.00元`` and the financial capitals (大写) ``人民币贰佰陆拾柒万元整``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")


def quantize(value: Decimal) -> Decimal:
    """Round to the minor unit (2 places), ROUND_HALF_UP."""
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True, slots=True)
class Money:
    amount: Decimal
    currency: str = "CNY"

    def __post_init__(self) -> None:
        if not isinstance(self.amount, Decimal):
            raise TypeError("Money.amount must be a Decimal")
        if not re.fullmatch(r"[A-Z]{3}", self.currency):
            raise ValueError(f"not an ISO 4217 currency code: {self.currency!r}")

    def quantized(self) -> "Money":
        return Money(quantize(self.amount), self.currency)

    def __add__(self, other: "Money") -> "Money":
        if not isinstance(other, Money):
            return NotImplemented
        if other.currency != self.currency:
            raise ValueError(f"cannot add {self.currency} and {other.currency}")
        return Money(self.amount + other.amount, self.currency)

    def __str__(self) -> str:
        return f"{quantize(self.amount)} {self.currency}"


# ---------------------------------------------------------------------------------------------
# Chinese numerals
# ---------------------------------------------------------------------------------------------

CN_DIGITS = {
    "零": 0, "〇": 0, "○": 0, "Ｏ": 0,
    "一": 1, "壹": 1, "幺": 1,
    "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2,
    "三": 3, "叁": 3, "參": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}
CN_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_BIG_UNITS = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
CN_NUMERAL_CHARS = "".join(CN_DIGITS) + "".join(CN_SMALL_UNITS) + "".join(CN_BIG_UNITS)


def parse_chinese_integer(text: str) -> int:
    """Parse a Chinese numeral integer: ``贰佰陆拾柒万``, ``二十五万``, ``一千零一``, ``十二``.

    Raises ValueError for anything that is not a well-formed numeral.
    """
    if not text or any(c not in CN_NUMERAL_CHARS for c in text):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    # Pure digit strings such as 二〇一七 are positional.
    if all(c in CN_DIGITS for c in text):
        return int("".join(str(CN_DIGITS[c]) for c in text))
    yi = 0  # part above 亿
    wan = 0  # part between 万 and 亿
    section = 0  # part below 万
    number = 0  # the pending digit
    previous_digit = False
    for c in text:
        if c in CN_DIGITS:
            if previous_digit and CN_DIGITS[c] != 0 and number != 0:
                raise ValueError(f"two digits without a unit in {text!r}")
            number = CN_DIGITS[c]
            previous_digit = True
            continue
        previous_digit = False
        if c in CN_SMALL_UNITS:
            unit = CN_SMALL_UNITS[c]
            factor = number if number else (1 if unit == 10 else 0)
            if factor == 0:
                raise ValueError(f"unit without digit in {text!r}")
            section += factor * unit
            number = 0
        elif c in ("万", "萬"):
            wan = section + number
            section = number = 0
        else:  # 亿
            yi = wan * 10**4 + section + number
            wan = section = number = 0
    return yi * 10**8 + wan * 10**4 + section + number


_CAP_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_CAP_UNITS = ("", "拾", "佰", "仟")
_CAP_GROUPS = ("", "万", "亿", "万亿")


def _capital_group(n: int) -> str:
    """Four digits (0 < n < 10000) in capitals, with inner zeros as a single 零."""
    digits = f"{n:04d}"
    out: list[str] = []
    zero_pending = False
    started = False
    for i, ch in enumerate(digits):
        d = int(ch)
        unit = _CAP_UNITS[3 - i]
        if d == 0:
            if started:
                zero_pending = True
            continue
        if zero_pending:
            out.append("零")
            zero_pending = False
        out.append(_CAP_DIGITS[d] + unit)
        started = True
    return "".join(out)


def capital_integer(n: int) -> str:
    """An integer in financial capitals (no 元): 2670000 → 贰佰陆拾柒万."""
    if n < 0:
        raise ValueError("negative amounts have no capital form")
    if n == 0:
        return "零"
    if n >= 10**16:
        raise ValueError("amount too large for financial capitals")
    groups = []
    while n:
        groups.append(n % 10000)
        n //= 10000
    out: list[str] = []
    need_zero = False
    for idx in range(len(groups) - 1, -1, -1):
        g = groups[idx]
        if g == 0:
            need_zero = True if out else need_zero
            continue
        if out and (need_zero or g < 1000):
            out.append("零")
        out.append(_capital_group(g) + _CAP_GROUPS[idx])
        need_zero = False
    return "".join(out)


def to_capital(amount: Decimal, prefix: str = "人民币") -> str:
    """Financial capitals of an RMB amount: Decimal("2670000") → 人民币贰佰陆拾柒万元整.

    Follows the conventions of the 支付结算办法 (payment settlement measures): 整 after 元 when there are no
    角/分; 零 before 分 when 角 is zero; a 0.xx amount starts at 角 or 分.
    """
    a = quantize(Decimal(amount))
    if a < 0:
        raise ValueError("negative amounts have no capital form")
    cents = int(a * 100)
    yuan, frac = divmod(cents, 100)
    jiao, fen = divmod(frac, 10)
    parts: list[str] = []
    if yuan:
        parts.append(capital_integer(yuan) + "元")
    if frac == 0:
        parts.append("零元整" if not yuan else "整")
    else:
        if jiao:
            parts.append(_CAP_DIGITS[jiao] + "角")
        elif yuan:
            parts.append("零")
        if fen:
            parts.append(_CAP_DIGITS[fen] + "分")
    return prefix + "".join(parts)


def format_amount(amount: Decimal) -> str:
    """2670000 → ``2,670,000.00`` (thousands separators, 2 places)."""
    return f"{quantize(Decimal(amount)):,.2f}"


def format_yuan(amount: Decimal) -> str:
    """2670000 → ``2,670,000.00元``."""
    return format_amount(amount) + "元"


# ---------------------------------------------------------------------------------------------
# Parsing
# ---------------------------------------------------------------------------------------------

_PREFIXES: list[tuple[str, str]] = [
    ("人民币", "CNY"), ("RMB", "CNY"), ("CNY", "CNY"), ("¥", "CNY"), ("￥", "CNY"),
    ("US$", "USD"), ("USD", "USD"), ("HK$", "HKD"), ("HKD", "HKD"), ("EUR", "EUR"), ("€", "EUR"),
    ("$", "USD"),
]
_SUFFIXES: list[tuple[str, str]] = [
    ("元整", "CNY"), ("圆整", "CNY"), ("元", "CNY"), ("圆", "CNY"), ("块", "CNY"), ("整", "CNY"),
    ("美元", "USD"), ("港元", "HKD"), ("港币", "HKD"), ("欧元", "EUR"),
    ("RMB", "CNY"), ("CNY", "CNY"), ("USD", "USD"), ("HKD", "HKD"), ("EUR", "EUR"),
]
_ORDER = sorted(_SUFFIXES, key=lambda p: -len(p[0]))
_SCALE_WORDS = {"万": Decimal(10**4), "萬": Decimal(10**4), "亿": Decimal(10**8),
                "k": Decimal(1000), "K": Decimal(1000), "thousand": Decimal(1000),
                "million": Decimal(10**6), "m": Decimal(10**6), "billion": Decimal(10**9)}
_ARABIC = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$")


def normalise_width(text: str) -> str:
    """Full-width digits and punctuation to ASCII (NFKC), keeping Chinese characters."""
    return unicodedata.normalize("NFKC", text)


def parse_money(text: str, default_currency: str = "CNY") -> Money:
    """Parse one amount of money. Raises ValueError with a reason when it is not one."""
    original = text
    s = normalise_width(text).strip()
    s = s.replace("\u00a0", " ")
    currency: str | None = None
    # Strip suffixes first (元整, 美元 …), then prefixes.
    changed = True
    while changed:
        changed = False
        for suf, cur in _ORDER:
            if s.endswith(suf) and len(s) > len(suf):
                s = s[: -len(suf)].rstrip()
                currency = currency or (cur if suf != "整" else None)
                if suf in ("元", "元整", "圆", "圆整", "块"):
                    currency = currency if currency not in (None,) else "CNY"
                changed = True
                break
    for pre, cur in sorted(_PREFIXES, key=lambda p: -len(p[0])):
        if s.startswith(pre):
            s = s[len(pre):].strip()
            currency = cur if currency in (None, "CNY") and cur != "CNY" else (currency or cur)
            break
    if not s:
        raise ValueError(f"no amount in {original!r}")
    # Pure Chinese numeral amounts: 壹拾贰万元整 (元 already stripped), 贰佰叁拾捌元伍角.
    if all(c in CN_NUMERAL_CHARS + "元圆角分整" for c in s) and not s[0].isdigit():
        return Money(quantize(_parse_chinese_amount(s)), currency or default_currency)
    scale = Decimal(1)
    for word, factor in sorted(_SCALE_WORDS.items(), key=lambda p: -len(p[0])):
        if s.endswith(word):
            s = s[: -len(word)].strip()
            scale = factor
            # 亿 + 万 (e.g. 1亿2000万) is not supported as a mixed form.
            break
    m = _ARABIC.match(s)
    if not m:
        raise ValueError(f"not an amount of money: {original!r}")
    try:
        value = Decimal(s.replace(",", "")) * scale
    except InvalidOperation as exc:  # pragma: no cover - regex guards this
        raise ValueError(f"not an amount of money: {original!r}") from exc
    return Money(quantize(value), currency or default_currency)


def _parse_chinese_amount(s: str) -> Decimal:
    if not any(c in CN_DIGITS for c in s):
        raise ValueError(f"no figure in {s!r}")
    yuan_part, frac_part = s, ""
    for sep in ("元", "圆"):
        if sep in s:
            yuan_part, frac_part = s.split(sep, 1)
            break
    else:
        if "角" in s or "分" in s:
            yuan_part, frac_part = "", s
    frac_part = frac_part.replace("整", "")
    yuan_part = yuan_part.replace("整", "")
    total = Decimal(parse_chinese_integer(yuan_part)) if yuan_part else Decimal(0)
    if frac_part:
        m = re.fullmatch(r"零?(?:([^角分零])角)?零?(?:([^角分零])分)?", frac_part)
        if not m or not (m.group(1) or m.group(2)):
            raise ValueError(f"not an amount of money: {s!r}")
        if m.group(1):
            total += Decimal(CN_DIGITS[m.group(1)]) / 10
        if m.group(2):
            total += Decimal(CN_DIGITS[m.group(2)]) / 100
    return total


def parse_amount(text: str) -> Decimal:
    """Parse an amount and return just the Decimal (currency ignored)."""
    return parse_money(text).amount
