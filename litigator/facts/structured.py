"""Structured facts by regular expressions over width-folded text.

Every rule returns candidates ``(start, end, type, value, currency, valid)`` whose offsets index the
original text (folding keeps offsets). Values follow the dev corpus README normalisation.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from litigator.identifiers import is_valid_credit_code, is_valid_resident_id
from litigator.money import CN_DIGITS, parse_chinese_integer, quantize

Candidate = tuple[int, int, str, str, "str | None", "bool | None"]


def matches_at(rx: re.Pattern, t: str, starts) -> list[re.Match]:
    """``list(rx.finditer(t))``, trying ``rx`` only at ``starts``: a superset of the offsets where a
    match of ``rx`` can begin, found by a cheap literal scan. Same leftmost, non-overlapping matches
    (``rx.match`` at an offset sees the text before it: ``\\b``, look-behinds)."""
    out = []
    last = 0
    for p in sorted(set(starts)):
        if p < last or p < 0:
            continue
        m = rx.match(t, p)
        if m:
            out.append(m)
            last = m.end()  # no rule here matches the empty string
    return out


# -- money -------------------------------------------------------------------------------------

# A figure: ``\d`` first, so sre can skip straight to digits (a leading alternation or look-behind
# makes it try every position).
_AR = r"\d(?:\d{0,2}(?:,\d{3})+|\d*+)(?:\.\d++)?+"
# the same, not continuing a word, a figure or a currency symbol (checked after the first digit)
_AR_FREE = r"\d(?<![0-9A-Za-z.$¥€£].)(?<!\d,.)(?:\d{0,2}(?:,\d{3})+|\d*+)(?:\.\d++)?+"
_CN_NUM = "零〇○一二三四五六七八九十百千万亿壹贰貳叁肆伍陆柒捌玖拾佰仟两"
_CN_DIGIT = "零〇一二三四五六七八九壹贰貳叁肆伍陆柒捌玖两"
_PREFIX_CUR = {
    "人民币": "CNY", "RMB": "CNY", "CNY": "CNY", "¥": "CNY", "US$": "USD", "US $": "USD", "USD": "USD",
    "$": "USD", "HK$": "HKD", "HKD": "HKD", "EUR": "EUR", "€": "EUR", "£": "GBP", "GBP": "GBP",
    "CHF": "CHF", "JPY": "JPY", "CAD": "CAD", "AUD": "AUD", "SGD": "SGD", "C$": "CAD", "A$": "AUD",
    "S$": "SGD",
}
_SUFFIX_CUR = {
    "元": "CNY", "圆": "CNY", "块": "CNY", "块钱": "CNY", "美元": "USD", "美金": "USD", "港元": "HKD",
    "港币": "HKD", "欧元": "EUR", "英镑": "GBP", "dollars": "USD", "dollar": "USD", "USD": "USD",
    "RMB": "CNY", "CNY": "CNY", "yuan": "CNY", "HKD": "HKD", "EUR": "EUR", "euros": "EUR", "euro": "EUR",
    "GBP": "GBP", "pounds": "GBP", "CHF": "CHF", "JPY": "JPY", "CAD": "CAD", "AUD": "AUD", "SGD": "SGD",
    "€": "EUR",
}


def _suffix_currency(word: str) -> str:
    """Currency of a written suffix: 元, USD, dollars, Dollars, US dollars, EUROS …"""
    cur = _SUFFIX_CUR.get(word)
    if cur is None:
        w = word.lower().split()[-1].replace("u.s.", "")
        cur = _SUFFIX_CUR.get(w, _SUFFIX_CUR.get(w.rstrip("s"), "USD"))
    return cur
_SCALE = {"万": Decimal(10**4), "亿": Decimal(10**8), "k": Decimal(1000), "K": Decimal(1000),
          "thousand": Decimal(1000), "million": Decimal(10**6), "billion": Decimal(10**9),
          "Thousand": Decimal(1000), "Million": Decimal(10**6), "Billion": Decimal(10**9),
          "THOUSAND": Decimal(1000), "MILLION": Decimal(10**6), "BILLION": Decimal(10**9),
          "m": Decimal(10**6), "bn": Decimal(10**9), "M": Decimal(10**6)}
_EN_SCALE = r"(?:\s?(?:thousand|million|billion|Thousand|Million|Billion|THOUSAND|MILLION|BILLION)\b|(?:k|K|m|M|bn)\b)"

_MONEY_PREFIX = re.compile(
    rf"(?P<cur>人民币|RMB|CNY|US\s?\$|USD|HK\$|HKD|EUR|GBP|CHF|JPY|CAD|AUD|SGD|C\$|A\$|S\$|¥|\$|€|£)"
    rf"\s?(?P<num>{_AR})"
    rf"(?P<scale>\s?[万亿](?!分之)|{_EN_SCALE})?(?P<tail>[余多]?(?:元|圆|块)?整?)"
    rf"(?![0-9A-Za-z])")
_MONEY_PREFIX_CN = re.compile(
    rf"(?P<num>[{_CN_NUM}]+)(?P<unit>元|圆|块|美元|港元|欧元)"
    rf"(?P<frac>(?:零?[{_CN_DIGIT}][角分]){{1,2}}|整)?")
_MONEY_SUFFIX = re.compile(
    rf"(?P<num>{_AR_FREE})(?P<scale>\s?[万亿]|{_EN_SCALE})?(?P<approx>[余多])?"
    rf"\s?(?P<cur>块钱|元|圆|块|美元|美金|港元|港币|欧元|英镑|€(?![0-9A-Za-z])"
    rf"|(?:(?:US |U\.S\. )?(?:dollars?|Dollars?)|"
    rf"DOLLARS?|USD|RMB|CNY|yuan|Yuan|YUAN|HKD|EUR|euros?|Euros?|EUROS?|GBP|pounds|Pounds|CHF|JPY|CAD|AUD|SGD)\b)"
    rf"(?P<zheng>整)?")
_CN_FRACTION = re.compile(rf"([{_CN_DIGIT}])([角分])")
_MONEY_RANGE = re.compile(
    rf"(?P<num>{_AR_FREE})(?P<scale>[万亿])?\s?(?:至|到|~|～|-|—)\s?"
    rf"(?P<num2>{_AR})(?P<scale2>[万亿])?(?P<cur>元|美元|港元|欧元)")


# where a suffix currency (_MONEY_SUFFIX's ``cur``) can be: its first character, or its word
# (capitals by one regex pass, the rest by ``str.find``: a class with non-Latin-1 characters or
# frequent lower-case letters would make the regex slower than the rule itself)
_SUFFIX_CUR_HINT = re.compile(
    r"[DURCYHEGPJAS](?=ollar|OLLAR|SD|MB|NY|HF|AD|uan|UAN|KD|UR|uro|BP|ounds|PY|UD|GD)")
_SUFFIX_CUR_WORDS = ("块", "元", "圆", "美", "港", "欧", "英", "€", "dollar", "yuan", "euro", "pounds")
# read on the reversed text from a currency back: at most 23 non-figures, then the run of figures,
# commas and points that ends at the last figure
_REV_FIGURE_RUN = re.compile(r"\D{0,23}(\d[\d,.]*)")
_FIGURE_START = re.compile(r"\d(?<![0-9].)")


def _figure_run_starts(t: str, rt: str, hits) -> list[int]:
    """For each offset in ``hits``: the figures not after an ASCII digit in the run of figures,
    commas and points that ends at the last figure of the 24 characters before it (``rt`` is ``t``
    reversed)."""
    n = len(t)
    out = []
    for q in hits:
        m = _REV_FIGURE_RUN.match(rt, n - q)
        if m is not None:
            a, b = m.span(1)
            g = m.group(1)
            if g.isascii() and "," not in g and "." not in g:
                out.append(n - b)  # ASCII figures only: the run's first
            else:
                out += [f.start() for f in _FIGURE_START.finditer(t, n - b, n - a)]
    return out


def _money_suffix_starts(t: str, rt: str | None = None) -> list[int]:
    """Where ``_MONEY_SUFFIX`` can begin: between its figure and its currency there are at most 16
    characters and no digit ("\\sTHOUSAND", 余, "\\s", "U.S. "), so the figure ends at the last digit
    within 24 characters before the currency; it begins in the run of digits, commas and points
    there, at a digit not after an ASCII digit."""
    hits = [m.start() for m in _SUFFIX_CUR_HINT.finditer(t)]
    for w in _SUFFIX_CUR_WORDS:
        i = t.find(w)
        while i >= 0:
            hits.append(i)
            i = t.find(w, i + 1)
    return _figure_run_starts(t, t[::-1] if rt is None else rt, hits)


_RANGE_SEPARATORS = ("至", "到", "~", "～", "-", "—")


def _money_range_starts(t: str, rt: str) -> list[int]:
    """Where ``_MONEY_RANGE`` can begin: its first figure ends at most 2 characters (万/亿, a space)
    before a separator, so at the last figure of the 24 characters before it."""
    return _figure_run_starts(t, rt, _finds(t, _RANGE_SEPARATORS))


_CN_NUM_SET = frozenset(_CN_NUM)


def _money_prefix_cn_starts(t: str) -> list[int]:
    """Where ``_MONEY_PREFIX_CN`` can begin: the start of the run of numerals before a unit (no unit
    and no ending of a match is a numeral, so a match starts where its run does)."""
    out = []
    for q in _finds(t, ("元", "圆", "块", "美元", "港元", "欧元")):
        k = q
        while k > 0 and t[k - 1] in _CN_NUM_SET:
            k -= 1
        if k < q:
            out.append(k)
    return out


def _finds(t: str, words) -> list[int]:
    """Offsets of every occurrence of each literal word (``str.find``: far faster than a regex scan)."""
    out = []
    for w in words:
        i = t.find(w)
        while i >= 0:
            out.append(i)
            i = t.find(w, i + 1)
    return out


def _dec(num: str) -> Decimal:
    return Decimal(num.replace(",", ""))


def _scale_of(token: str | None) -> Decimal:
    if not token:
        return Decimal(1)
    return _SCALE[token.strip()]


def _plain_amount(num: str) -> str | None:
    """``str(quantize(_dec(num)))`` without ``Decimal`` for ASCII figures with at most 2 decimals
    (nothing to round) and at most 26 digits (``quantize`` keeps 28), else None."""
    whole, _, cents = num.replace(",", "").partition(".")
    whole = whole.lstrip("0") or "0"
    if len(cents) > 2 or len(whole) > 26 or not (whole + cents).isdigit() or not num.isascii():
        return None
    return whole + "." + cents.ljust(2, "0")


def _amount(m: re.Match) -> str | None:
    """The normalised amount of a figure match (its ``num`` times its ``scale``); None if it is no number."""
    amount = None if m["scale"] else _plain_amount(m["num"])
    if amount is None:
        try:
            amount = str(quantize(_dec(m["num"]) * _scale_of(m["scale"])))
        except (InvalidOperation, KeyError):
            return None
    return amount


def money_candidates(t: str, default_currency: str = "CNY") -> list[Candidate]:
    out: list[Candidate] = []
    for m in _MONEY_PREFIX.finditer(t):
        cur = _PREFIX_CUR.get(m["cur"]) or _PREFIX_CUR.get(re.sub(r"\s", "", m["cur"]), "USD")
        if m["cur"] == "$" and m.start() > 0 and t[m.start() - 1] in "HSUAC":
            continue
        amount = _amount(m)
        if amount is None:
            continue
        end = m.end()
        tail = m["tail"] or ""
        if tail and not any(c in tail for c in "元圆块"):
            end -= len(tail)  # a bare 余/多/整 without 元 is not part of the amount
        out.append((m.start(), end, "MONEY", amount, cur, None))
    has_yuan = "元" in t or "圆" in t or "块" in t
    rt = t[::-1]
    for m in matches_at(_MONEY_PREFIX_CN, t, _money_prefix_cn_starts(t)) if has_yuan else ():
        num = m["num"]
        if num[0] not in CN_DIGITS and num[0] not in "十拾":
            continue
        # one numeral + 元 inside a word is no amount: 三元里, 一元化, 二元论
        if len(num) == 1 and not m["frac"] and m.end() < len(t) and "\u4e00" <= t[m.end()] <= "\u9fff" \
                and t[m.end()] not in "钱的每左多一及和或至到":
            continue
        try:
            value = Decimal(parse_chinese_integer(num))
        except ValueError:
            continue
        frac = m["frac"] or ""
        for d, unit in _CN_FRACTION.findall(frac):
            value += Decimal(CN_DIGITS[d]) / (10 if unit == "角" else 100)
        cur = _SUFFIX_CUR.get(m["unit"], "CNY")
        start = m.start() - 3 if t.startswith("人民币", m.start() - 3) and m.start() >= 3 else m.start()
        out.append((start, m.end(), "MONEY", str(quantize(value)), cur, None))
    for m in matches_at(_MONEY_SUFFIX, t, _money_suffix_starts(t, rt)):
        amount = _amount(m)
        if amount is None:
            continue
        out.append((m.start(), m.end(), "MONEY", amount, _suffix_currency(m["cur"]), None))
    for m in matches_at(_MONEY_RANGE, t, _money_range_starts(t, rt)) if has_yuan else ():
        scale = m["scale"] or m["scale2"]
        value = _dec(m["num"]) * _scale_of(scale)
        out.append((m.start("num"), m.end("num"), "MONEY", str(quantize(value)),
                    _SUFFIX_CUR[m["cur"]], None))
    return out


# Chat messages ("黎：一共13500") and money columns of tables give bare numbers a currency.
_SPEAKER = re.compile(r"^[ \t]*([^\s:：|]{1,4})[:：]", re.M)
# a newline before a line that can start like a speaker ("\n" first: sre jumps from line to line)
_SPEAKER_HINT = re.compile(r"\n(?=[ \t]*[^\s:：|]{1,4}[:：])")
_BARE_NUMBER = re.compile(
    r"(?<![0-9A-Za-z.:/#\-])(?<!\d,)(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d{2,}(?:\.\d{1,2})?|\d(?=[kK万]))"
    r"(?P<scale>[kK万])?(?![0-9A-Za-z%.:/\-_]|[\u4e00-\u9fff])")
_MONEY_HEADER = re.compile(r"金额|价格|单价|总价|售价|价款|费用|\(元\)|（元）|Amount|Price|Total|USD|\(\$\)", re.I)


def _speaker_starts(t: str) -> list[int]:
    return [0] + [m.start() + 1 for m in _SPEAKER_HINT.finditer(t)]


def chat_money_candidates(t: str, default_currency: str) -> list[Candidate]:
    speakers: dict[str, int] = {}
    turns = matches_at(_SPEAKER, t, _speaker_starts(t))
    for m in turns:
        speakers[m.group(1)] = speakers.get(m.group(1), 0) + 1
    chatty = {s for s, n in speakers.items() if n >= 3 and len(s) <= 3}
    out: list[Candidate] = []
    if chatty:
        for m in turns:
            if m.group(1) not in chatty:
                continue
            line_end = t.find("\n", m.end())
            line_end = len(t) if line_end < 0 else line_end
            for n in _BARE_NUMBER.finditer(t, m.end(), line_end):
                value = _dec(n["num"]) * (Decimal(1000) if n["scale"] in ("k", "K") else
                                           Decimal(10**4) if n["scale"] == "万" else Decimal(1))
                out.append((n.start(), n.end(), "MONEY", str(quantize(value)), default_currency, None))
    return out


_TWO_PIPES = re.compile(r"\|[^\n|]*\|")


def table_money_candidates(t: str, default_currency: str) -> list[Candidate]:
    """Bare numbers in ``|``-separated table columns whose header names an amount."""
    out: list[Candidate] = []
    if "|" not in t or not _TWO_PIPES.search(t):  # (no line with 2 "|": no table)
        return out
    header: list[str] | None = None
    pos = 0
    for line in t.split("\n"):
        start = pos
        pos += len(line) + 1
        if line.count("|") < 2:
            header = None
            continue
        cells = line.split("|")
        if header is None or set(line.strip()) <= set("|-: "):
            if not set(line.strip()) <= set("|-: "):
                header = cells
            continue
        offset = start
        for i, cell in enumerate(cells):
            if i < len(header) and _MONEY_HEADER.search(header[i]):
                cur = "USD" if re.search(r"USD|\$", header[i]) else default_currency
                m = re.fullmatch(r"\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d{1,2})?\s*", cell)
                if m:
                    s = offset + m.start(1)
                    e = offset + (m.end(2) if m.group(2) else m.end(1))
                    out.append((s, e, "MONEY", str(quantize(_dec(t[s:e]))), cur, None))
            offset += len(cell) + 1
    return out


# -- dates -------------------------------------------------------------------------------------

_MONTHS = {m: i for i, ms in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
     ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
     ("october", "oct"), ("november", "nov"), ("december", "dec")], start=1) for m in ms}
_MONTH_RE = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
             r"December|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|"
             r"DECEMBER|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|JUN|JUL|AUG|"
             r"SEPT|SEP|OCT|NOV|DEC)\.?")
# the month names with the word-boundary check after their first letter (a literal first lets sre
# skip ahead instead of trying the pattern at every position), grouped by that letter in their order
# (names with other first letters cannot match where one does, so the same name is found)
_MONTH_BY_LETTER: dict[str, list[str]] = {}
for _name in _MONTH_RE[3:-4].split("|"):
    _MONTH_BY_LETTER.setdefault(_name[0], []).append(_name[1:])
_MONTH_LEAD = "(?:" + "|".join(
    c + r"(?<!\w.)(?:" + "|".join(rest) + ")" for c, rest in _MONTH_BY_LETTER.items()) + r")\.?"
_CN_DATE_DIGIT = "〇零○Ｏ一二三四五六七八九"
_DATE_ZH = re.compile(r"(?P<y>\d(?<!\d.)\d{3})\s?年\s?(?P<m>\d{1,2})\s?月(?:\s?(?P<d>\d{1,2})\s?[日号])?")
_DATE_ZH_CN = re.compile(
    rf"(?P<y>[{_CN_DATE_DIGIT}]{{4}})年(?P<m>[一二三四五六七八九十]{{1,3}})月"
    rf"(?:(?P<d>[一二三四五六七八九十]{{1,3}})[日号])?")
_DATE_YMD = re.compile(
    r"(?P<y>(?:19|20)(?<![0-9A-Za-z.\-/]..)\d{2})(?P<sep>[-./])(?P<m>\d{1,2})(?:(?P=sep)(?P<d>\d{1,2}))?"
    r"(?![0-9A-Za-z\-/]|\.\d)")
_DATE_MDY_NUM = re.compile(
    r"(?P<m>\d(?<![0-9A-Za-z.\-/].)\d?)(?P<sep>[/\-])(?P<d>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d{2}|\d{2})"
    r"(?![0-9A-Za-z\-/]|\.\d)")
_DATE_MDY = re.compile(
    rf"(?P<mon>{_MONTH_LEAD})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{{2}})\b")
_DATE_DMY = re.compile(
    rf"(?P<d>\d(?<!\w.)\d?)(?:st|nd|rd|th)?(?:\s+day)?(?:\s+of)?\s+(?P<mon>{_MONTH_RE}),?\s+(?P<y>(?:19|20)\d{{2}})\b")
_DATE_MY = re.compile(rf"(?P<mon>{_MONTH_LEAD}),?\s+(?P<y>(?:19|20)\d{{2}})\b")


_MONTH_NAME = re.compile(_MONTH_LEAD)
# a separator between figures: where _DATE_MDY_NUM can be
_DATE_MDY_NUM_HINT = re.compile(r"[/\-](?<=\d.)(?=\d)")
_DMY_FILL = frozenset("0123456789dayofstnrh")


def _mdy_num_starts(t: str) -> list[int]:
    """1 or 2 figures before the first separator."""
    return [m.start() - d for m in _DATE_MDY_NUM_HINT.finditer(t) for d in (1, 2)]


def _dmy_starts(t: str, months: list[int]) -> list[int]:
    """Where ``_DATE_DMY`` can begin: a figure in the run of digits, whitespace and the letters of
    st/nd/rd/th/day/of before a month name (its month is preceded by whitespace, so it is one of
    ``_MONTH_NAME``'s matches)."""
    out = []
    for q in months:
        k = q
        while k > 0 and (t[k - 1] in _DMY_FILL or t[k - 1].isspace() or t[k - 1].isdigit()):
            k -= 1
        for i in range(k, q):
            if "0" <= t[i] <= "9" or t[i].isdigit():
                out.append(i)
    return out


def _cn_small(s: str) -> int:
    return parse_chinese_integer(s)


def _iso(y: int, m: int, d: int | None) -> str | None:
    try:
        if d is None:
            date(y, m, 1)
            return f"{y:04d}-{m:02d}"
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def date_candidates(t: str) -> list[Candidate]:
    out: list[Candidate] = []

    def add(m: re.Match, y: int, mo: int, d: int | None) -> None:
        if not 1900 <= y <= 2100:
            return
        iso = _iso(y, mo, d)
        if iso:
            out.append((m.start(), m.end(), "DATE", iso, None, None))

    nian = _finds(t, ("年",))
    # the year's 4 figures (and a space) right before 年
    for m in matches_at(_DATE_ZH, t, [q - d for q in nian for d in (4, 5)]):
        add(m, int(m["y"]), int(m["m"]), int(m["d"]) if m["d"] else None)
    for m in matches_at(_DATE_ZH_CN, t, [q - 4 for q in nian]):
        try:
            y = int("".join(str(CN_DIGITS.get(c, 0)) for c in m["y"]))
            add(m, y, _cn_small(m["m"]), _cn_small(m["d"]) if m["d"] else None)
        except (ValueError, KeyError):
            continue
    for m in matches_at(_DATE_YMD, t, _finds(t, ("19", "20"))):
        if m["d"] is None and m["sep"] == "/":
            continue
        add(m, int(m["y"]), int(m["m"]), int(m["d"]) if m["d"] else None)
    for m in matches_at(_DATE_MDY_NUM, t, _mdy_num_starts(t)):
        y = int(m["y"])
        if len(m["y"]) == 2:
            y += 2000 if y < 50 else 1900
        add(m, y, int(m["m"]), int(m["d"]))
    # the three rules with month names: one scan for the names, each rule tried where they are
    months = [m.start() for m in _MONTH_NAME.finditer(t)]
    for m in matches_at(_DATE_MDY, t, months):
        add(m, int(m["y"]), _MONTHS[m["mon"].rstrip(".").lower()], int(m["d"]))
    for m in matches_at(_DATE_DMY, t, _dmy_starts(t, months)):
        add(m, int(m["y"]), _MONTHS[m["mon"].rstrip(".").lower()], int(m["d"]))
    for m in matches_at(_DATE_MY, t, months):
        if m["mon"] == "May" and False:
            continue
        add(m, int(m["y"]), _MONTHS[m["mon"].rstrip(".").lower()], None)
    return out


# -- case and notary numbers ---------------------------------------------------------------------

_CASE_ZH = re.compile(
    r"[(\[〔]\s*(?P<y>(?:19|20)\d{2})\s*[)\]〕]\s*"
    # a division mark may nest in brackets: (2015)沪0115民三(知)初字第123号, (2014)浦民三(知)初字第45号
    r"(?P<mid>[\u4e00-\u9fff](?:[\u4e00-\u9fff\dA-Za-z ]|\([\u4e00-\u9fff]{1,2}\)){0,20}?)"
    r"\s*(?P<no>第?\s*\d{1,7}\s*号(?:之[一二三四五六七八九十]+)?)")
_CASE_EN_KIND = r"-(?:cv|cr|mc|md|bk|ap|mj|po|civ|CV|CR|MC)-"
_CASE_EN_HINT = re.compile(_CASE_EN_KIND)
_CASE_EN = re.compile(
    r"(?<![0-9A-Za-z:\-])(?:\d{1,2}:)?\d{2}" + _CASE_EN_KIND + r"\d{1,6}"
    r"(?:-[A-Za-z]{1,5})*(?![0-9A-Za-z\-])")
_BRACKETS = str.maketrans({"（": "(", "）": ")", "〔": "(", "〕": ")", "［": "(", "］": ")",
                           "[": "(", "]": ")"})


def _case_en_starts(t: str) -> list[int]:
    """``[dd:]dd-cv-``: the kind is 2, 4 or 5 characters after the start."""
    return [m.start() - d for m in _CASE_EN_HINT.finditer(t) for d in (2, 4, 5)]


def case_number_candidates(text: str, t: str) -> list[Candidate]:
    out: list[Candidate] = []
    for m in _CASE_ZH.finditer(t) if "号" in t else ():  # (every number ends with 号)
        raw = text[m.start():m.end()]
        value = re.sub(r"\s+", "", raw.translate(_BRACKETS))
        value = value.translate(str.maketrans({c: chr(ord(c) - 0xFEE0) for c in "０１２３４５６７８９"}))
        kind = "NOTARY_NUMBER" if "证" in m["mid"] else "CASE_NUMBER"
        out.append((m.start(), m.end(), kind, value, None, None))
    for m in matches_at(_CASE_EN, t, _case_en_starts(t)):
        out.append((m.start(), m.end(), "CASE_NUMBER", m.group(), None, None))
    return out


# -- identifiers -------------------------------------------------------------------------------

_ID = re.compile(r"[1-9](?<![0-9A-Za-z].)\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]"
                 r"(?![0-9A-Za-z])")
_USCC = re.compile(r"[0-9A-HJ-NPQRTUWXY](?<![0-9A-Za-z].)[0-9A-HJ-NPQRTUWXY]\d{6}[0-9A-HJ-NPQRTUWXY]{10}"
                   r"(?![0-9A-Za-z])")
_ID_CUE = re.compile(r"身份|证号|号码|ID|id|Identity|identity")
_USCC_CUE = re.compile(r"信用代码|代码|Register|register|credit|Credit|USCC|注册号")


# a figure not after an ASCII digit, with 5 more after it (1 character consumed: none hidden)
_DIGITS6 = re.compile(r"\d(?<![0-9].)(?=\d{5})")


def _id_starts(t: str) -> list[int]:
    """An ID (not after an ASCII letter or digit) starts at 6 figures: one of ``_DIGITS6``."""
    return [m.start() for m in _DIGITS6.finditer(t)]


def _credit_code_starts(id_starts: list[int]) -> list[int]:
    """A credit code has 6 figures from its 3rd character on; the first of them not after an ASCII
    digit (one of ``_id_starts``) is 0–2 characters after its start."""
    return [a - d for a in id_starts for d in (2, 1, 0)]


def identifier_candidates(t: str) -> list[Candidate]:
    out: list[Candidate] = []
    taken: set[int] = set()
    id_starts = _id_starts(t)
    for m in matches_at(_ID, t, id_starts):
        v = m.group().upper()
        valid = is_valid_resident_id(v)
        if valid or _ID_CUE.search(t, max(0, m.start() - 20), m.start()):
            out.append((m.start(), m.end(), "ID_NUMBER", v, None, valid))
            taken.add(m.start())
    for m in matches_at(_USCC, t, _credit_code_starts(id_starts)):
        if m.start() in taken:
            continue
        v = m.group()
        has_letter = any(c.isalpha() for c in v)
        cue = _USCC_CUE.search(t, max(0, m.start() - 30), m.start())
        if has_letter or cue:
            out.append((m.start(), m.end(), "CREDIT_CODE", v, None, is_valid_credit_code(v)))
    return out


# -- phones ------------------------------------------------------------------------------------

# The first character is matched by one class (so sre skips ahead to it); the look-behinds after
# it check the left boundary and which alternative that character starts.
_PHONE = re.compile(
    r"[+(0-9](?<![0-9A-Za-z+\-.*].)(?:"
    r"(?<=\+)\d{1,3}(?:[ .\-]?\(?\d{1,4}\)?){2,4}"           # international
    r"|(?<=1)[3-9]\d(?:[ \-]?\d{4}){2}"                       # CN mobile
    r"|(?<=0)\d{2,3}[ \-]\d{3,4}[ \-]?\d{4}"                  # CN landline with area code
    r"|(?<=\()[2-9]\d{2}\)?[ .\-][2-9]\d{2}[ .\-]\d{4}"        # North American, (212) …
    r"|(?<=[2-9])\d{2}\)?[ .\-][2-9]\d{2}[ .\-]\d{4}"          # North American, 212 …
    r")(?![0-9A-Za-z\-*]|\.\d)")
_NON_DIGIT = re.compile(r"\D")
_PHONE_POS = re.compile(r"电话|手机|联系|传真|Tel|tel|TEL|Phone|phone|Mobile|mobile|Fax|fax|WeChat|line")
_PHONE_NEG = re.compile(r"编号|单号|票号|号码|账号|账户|卡号|证号|No\.|#|Order|order|ID|Serial|发票")


def phone_candidates(t: str) -> list[Candidate]:
    out: list[Candidate] = []
    for m in _PHONE.finditer(t):
        digits = _NON_DIGIT.sub("", m.group())
        if not 7 <= len(digits) <= 15:
            continue
        before = t[max(0, m.start() - 14):m.start()]
        if _PHONE_NEG.search(before) and not _PHONE_POS.search(before):
            continue
        out.append((m.start(), m.end(), "PHONE", digits, None, None))
    return out


# -- order numbers, URLs, trademark registrations ----------------------------------------------

_ORDER = re.compile(
    r"(?:订单号码?|订单编号|交易单号|订单|O(?<![A-Za-z].)rder(?:\s+(?:No\.?|Number|ID|#|no\.?|number|id))?"
    r"|o(?<![A-Za-z].)rder(?:\s+(?:No\.?|Number|ID|#|no\.?|number|id))?|PO\s?#)"
    r"(?:分别)?(?:为|是)?[\s:#.]*(?P<v>#?[A-Za-z0-9][A-Za-z0-9\-]{4,40})")
_ORDER_MORE = re.compile(r"\s*(?:、|,|和|及|and)\s*(?:订单号)?#?(?P<v>[A-Za-z0-9][A-Za-z0-9\-]{4,40})")


# marketplace order numbers recognised by shape alone: Amazon 3-7-7 and eBay 2-5-5 digits (the
# hyphen is the literal the scan looks for; the figures before it are checked by hand)
_ORDER_SHAPE = re.compile(r"-(?=\d{7}-\d{7}(?![0-9A-Za-z\-])|\d{5}-\d{5}(?![0-9A-Za-z\-]))")


def _shaped_orders(t: str) -> list[Candidate]:
    out: list[Candidate] = []
    for m in _ORDER_SHAPE.finditer(t):
        q = m.start()
        head = 3 if t[q + 8:q + 9] == "-" else 2
        s = q - head
        if s < 0 or not t[s:q].isdigit() or not t[s:q].isascii():
            continue
        if s > 0 and (t[s - 1].isascii() and (t[s - 1].isalnum() or t[s - 1] == "-")):
            continue
        e = q + (16 if head == 3 else 12)
        out.append((s, e, "ORDER_NUMBER", t[s:e], None, None))
    return out


def _order_starts(t: str) -> list[int]:
    """订单…/交易单号 at 订/交, [Oo]rder one before "rder", PO at P."""
    return _finds(t, ("订", "交", "PO")) + [q - 1 for q in _finds(t, ("rder",))]


def order_candidates(t: str) -> list[Candidate]:
    out: list[Candidate] = _shaped_orders(t) if "-" in t else []
    for m in matches_at(_ORDER, t, _order_starts(t)):
        pos = m.start("v")
        v = m["v"]
        while True:
            if v.startswith("#"):
                v, pos = v[1:], pos + 1
            v = v.rstrip("-")
            if sum(map(v.count, "0123456789")) < 6:  # v is ASCII
                break
            out.append((pos, pos + len(v), "ORDER_NUMBER", v, None, None))
            nxt = _ORDER_MORE.match(t, pos + len(v))
            if not nxt:
                break
            pos, v = nxt.start("v"), nxt["v"]
    return out


_URL = re.compile(r"[HhWw](?<![@0-9A-Za-z_.].)(?:(?<=[Hh])[Tt][Tt][Pp][Ss]?://|(?<=[Ww])[Ww][Ww]\.)"
                  r"[^\s“”\"'<>()\[\]{}，。；、！？|]+")
_URL_CUED = re.compile(r"(?:网址|网站|域名|website|Website|domain|Domain|URL)[:：\s]*"
                       r"(?P<v>[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+(?:/[^\s“”\"'<>()，。；]*)?)")


def _url_cued_starts(t: str) -> list[int]:
    """网址/网站 at 网, 域名 at 域, [Ww]ebsite/[Dd]omain one before "ebsite"/"omain", URL."""
    return _finds(t, ("网", "域", "URL")) + [q - 1 for q in _finds(t, ("ebsite", "omain"))]


def url_candidates(t: str) -> list[Candidate]:
    out: list[Candidate] = []
    for m in _URL.finditer(t) if "://" in t or "www." in t.lower() else ():
        v = m.group().rstrip(".,;:!?'\"")
        out.append((m.start(), m.start() + len(v), "URL", v, None, None))
    for m in matches_at(_URL_CUED, t, _url_cued_starts(t)):
        v = m["v"].rstrip(".,;:!?'\"")
        if "@" in v or "." not in v:
            continue
        out.append((m.start("v"), m.start("v") + len(v), "URL", v, None, None))
    return out


_TM_ZH = re.compile(r"第\s?(?P<v>\d{5,9})\s?号")
_TM_ZH_CUE = re.compile(r"商标|注册号|注册证")
_TM_ZH_PLAIN = re.compile(r"(?:商标注册号|注册号|注册证号)(?:为|是)?[:\s]*(?P<v>\d{5,9})(?!\d)")
_TM_EN = re.compile(r"(?:Reg(?:istration)?\.?\s*(?:Nos?\.?|Numbers?)|Registration\s+(?:Nos?\.?|Numbers?)|Reg\.)"
                    r"\s*[:#]?", re.I)
_TM_EN_HINT = re.compile(r"[Gg](?<=[Rr][Ee].)")  # every match starts with "reg", any case
_TM_EN_NUM = re.compile(r"(?<![\d,])(?:\d{1,2},\d{3},\d{3}|\d{6,8})(?![\d,]\d)")


_TM_EN_STOP = re.compile(r"\.\s|;|\n")


def _tm_en_starts(t: str) -> list[int]:
    # (no "eg" in any case, no hint: cheaper than the pass on a Chinese text)
    if "eg" not in t and "EG" not in t and "Eg" not in t and "eG" not in t:
        return []
    return [m.start() - 2 for m in _TM_EN_HINT.finditer(t)]


def trademark_candidates(t: str) -> list[Candidate]:
    out: list[Candidate] = []
    for m in _TM_ZH.finditer(t):
        if _TM_ZH_CUE.search(t, max(0, m.start() - 30), min(len(t), m.end() + 30)):
            out.append((m.start("v"), m.end("v"), "TRADEMARK_REG", m["v"], None, None))
    for m in _TM_ZH_PLAIN.finditer(t) if "注册" in t else ():
        out.append((m.start("v"), m.end("v"), "TRADEMARK_REG", m["v"], None, None))
    for m in matches_at(_TM_EN, t, _tm_en_starts(t)):
        seg_end = len(t)
        stop = _TM_EN_STOP.search(t, m.end(), min(len(t), m.end() + 160))
        seg_end = stop.start() if stop else min(len(t), m.end() + 160)
        for n in _TM_EN_NUM.finditer(t, m.end(), seg_end):
            out.append((n.start(), n.end(), "TRADEMARK_REG", n.group().replace(",", ""), None, None))
    return out


def structured_candidates(text: str, t: str, lang: str) -> list[Candidate]:
    """All structured candidates of one document (``t`` is ``fold_width(text)``)."""
    default_currency = "CNY" if lang == "zh" else "USD"
    out: list[Candidate] = []
    out += url_candidates(t)
    out += case_number_candidates(text, t)
    out += identifier_candidates(t)
    out += trademark_candidates(t)
    out += order_candidates(t)
    out += phone_candidates(t)
    out += money_candidates(t, default_currency)
    out += chat_money_candidates(t, default_currency)
    out += table_money_candidates(t, default_currency)
    out += date_candidates(t)
    return out


STRUCTURED_RANK = {"URL": 0, "CASE_NUMBER": 1, "NOTARY_NUMBER": 1, "ID_NUMBER": 2, "CREDIT_CODE": 2,
                   "TRADEMARK_REG": 3, "ORDER_NUMBER": 3, "PHONE": 4, "MONEY": 5, "DATE": 6}
