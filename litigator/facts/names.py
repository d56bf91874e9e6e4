"""Name facts without a statistical model: cue patterns, organisation suffixes, dictionaries.

Rules look at the width-folded text (offsets equal the original's). A name found by a strong cue is
then looked up at its other occurrences in the same document.
"""

from __future__ import annotations

import re
from functools import lru_cache

from litigator.facts.dictionaries import load
from litigator.facts.structured import Candidate, _finds, matches_at

_H = r"\u4e00-\u9fff"
_QUOTED = r"[“\"「『]([^”\"」』\n]{1,30})[”\"」』]"
_QUOTED_RE = re.compile(_QUOTED)


def _class_without(lo: str, hi: str, chars: str) -> str:
    """A character class of ``lo``–``hi`` without ``chars`` (ranges, so sre tests it fast)."""
    cut = sorted({ord(c) for c in chars if lo <= c <= hi})
    out, a = [], ord(lo)
    for c in cut + [ord(hi) + 1]:
        if a <= c - 1:
            out.append(chr(a) if a == c - 1 else f"{chr(a)}-{chr(c - 1)}")
        a = c + 1
    return "[" + "".join(out) + "]"


@lru_cache(maxsize=1)
def _surname_re() -> re.Pattern:
    names = sorted(load("surnames"), key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, names)) + ")")


@lru_cache(maxsize=1)
def _place_re() -> re.Pattern:
    names = sorted(load("places"), key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, names)) + ")")


@lru_cache(maxsize=1)
def _surname_set() -> frozenset[str]:
    """The surnames as a set: ``_surname_re().fullmatch`` of a slice is membership of the slice."""
    return frozenset(load("surnames"))


@lru_cache(maxsize=1)
def _place_set() -> frozenset[str]:
    return frozenset(load("places"))


def _courier_stems() -> list[str]:
    return list(load("couriers")) + [p for p in load("platforms") if not p.isascii()]


_COURIER_TAILS = ("物流", "快递", "速运", "速递", "快运")


@lru_cache(maxsize=1)
def _courier_re() -> re.Pattern:
    """Courier and marketplace stems + 物流/快递 … (京东物流) as one pattern, compiled once."""
    return re.compile(rf"(?:{_alternation(_courier_stems())})(?:{'|'.join(_COURIER_TAILS)})")


@lru_cache(maxsize=1)
def _courier_stem_lengths() -> tuple[int, ...]:
    return tuple(sorted({len(s) for s in _courier_stems()}))


def _courier_starts(t: str) -> list[int]:
    """A courier name is a stem right before one of ``_COURIER_TAILS``."""
    return [q - n for q in _finds(t, _COURIER_TAILS) for n in _courier_stem_lengths()]


def _alternation(words: list[str]) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


# -- Chinese --------------------------------------------------------------------------------------

_ZH_STOP_AFTER_NAME = "，,。；;、:：()（）\n \t|和与及的在于向为是等已经对将从被把也均"
# the characters a name after a role label runs over (CJK, not a stop character)
_NAME_RUN = re.compile(_class_without("\u4e00", "\u9fff", _ZH_STOP_AFTER_NAME) + "*")
_PERSON_LABELS = [
    "法定代表人", "负责人", "经营者", "认证姓名", "姓名", "联系人", "核查人员", "核查人", "复核人",
    "鉴别人员", "鉴定人", "审判长", "审判员", "人民陪审员", "陪审员", "法官助理", "书记员",
    "公证员助理", "公证员", "提取人", "核对人", "收货人", "委托诉讼代理人", "委托代理人", "代理人",
    "被告", "原告", "申请人", "被申请人", "第三人", "供货人", "实名认证人为", "实名认证人", "经办人",
    "承办人", "调查人员", "购买人", "卖家", "店主", "执法人员", "记录人", "见证人", "律师",
]
_PERSON_LABEL_RE = re.compile(
    "(?:" + "|".join("[ ]*".join(map(re.escape, lab)) for lab in
                     sorted(_PERSON_LABELS, key=len, reverse=True)) + r")[ ]*[:|]?[ ]*")
_ORG_SUFFIX = re.compile(
    r"股份有限公司|有限责任公司|有限公司|分公司|公司|商行|律师事务所|会计师事务所|公证处|"
    r"市场监督管理局|监督管理局|管理局|公安局|税务局|知识产权局|研究院|研究所|协会|商会|集团|"
    r"经营部|批发部|工作室|门市部|合作社|支行|分行|人民政府|人民检察院|厂(?![家商区房长])|"
    r"银行(?<=(?:中国|工商|建设|农业|交通|招商|浦发|民生|兴业|光大|中信|平安|华夏|广发|储蓄)银行)")
# where a Chinese organisation name cannot continue backwards: role words, and the verbs and
# prepositions a name follows in a sentence (判令X赔偿Y公司, 以Y商行名义, 停止销售侵害Y公司, 来自Y厂);
# a one-character word right after a place name is part of the name (东莞市以纯…)
_ORG_BOUNDARY = re.compile(
    r"原告|被告|申请人|第三人|权利人|经营主体|个体工商户|收款方|付款方|委托|配合|品牌|简称|通过|"
    r"判令|判决|赔偿|侵害|侵犯|停止|销售|购进|购买|进货|来自|依据|根据|起诉|诉|收取|转账|汇款|汇入|转入|存入|"
    r"授权|许可|代理|通知|要求|请求|认定|确认|鉴定|以|自|"
    r"联系|制造商|生产商|为|系|是|由|向|与|和|及|或|被|经|在|于|对|给|将|从|把|至|即|同|跟|找|请|让|"
    r"交|等|的|了|人|:")
_ORG_BAD_START = re.compile(r"该|本|我|贵|上述|其|此|各|两|同一|一家|某些|这|那|其他|涉案|相关|前述|下列")
_SHORT_NAME = re.compile(r"[(](?:以下)?简称[“\"]?([^”\")]{2,20})[”\"]?[)]")
_SHOP_SUFFIX = ("专营店", "旗舰店", "专卖店", "小店", "小铺", "小屋", "商城", "网店", "店铺", "精品店", "企业店")
_SHOP_CUE = re.compile(
    r"(?:店铺名称|店名|店铺名|网店名称|商铺名称)(?:(?:为|是)?[ :]*" + _QUOTED
    + r"|[ ]*[:|][ ]*([^，,。；;\s|()“\"]{2,25}))"
    r"|(?:店铺|网店|开设店铺|开设网店|在)(?=[“\"])")
_SHOP_BEFORE = re.compile(_QUOTED + r"(?=[ ]*(?:店铺|网店|小店|商铺))")
_QUOTE_CHAIN = re.compile(r"(?:" + _QUOTED + r"[、和及与或]?){1,6}")
_BRAND_AFTER = re.compile(r"[ ]*(?:注册商标|商标|品牌|牌|字样)")
_BRAND_BEFORE = re.compile(r"(?:品牌|商标|标注|印有|假冒|涉及品牌|标题含|标题含有|关键词)[ :：]*$")
_PLATFORM_CUE = re.compile(r"《([" + _H + r"A-Za-z0-9]{1,8}?)(?:平台)?(?:服务协议|用户协议|规则)》")
_PLATFORM_QUOTED = re.compile(_QUOTED + r"(?=[ ]*\((?:网址|域名)|平台)")
_PRODUCT_STOP = re.compile(r"注册|许可|授权|商品|产品|货物|物品|行为|维权|一案|字样|案|权|的|是|在|了|和|与|及|或|中$"
                           r"|标识|包装|商标")
_PRODUCT_CUE_AT = re.compile(r"注册商标的?|商标的?|品牌的?|专用权的|”(?:的|同款)?(?![“\"]|品牌|注册商标|商标|牌|字样)")
# possessive (``*+``/``++``): runs of figures and units never backtrack into each other (no ReDoS)
_PRODUCT_AT = re.compile(r"[ ]*+(?:[0-9A-Za-z.]++[ ]?(?:毫安|mAh|ml|ML|g|kg|W|寸)?[ ]*+)*+(?P<p>[" + _H + r"]{2,8})")
_PRODUCT_CUE_QUOTE = re.compile(r"(?:假冒|仿冒|标注|印有|标有|带有|商品:|产品:)[ ]*"
                                r"(?:[“\"][^”\"]{1,12}[”\"][、和及或]?)+$")
_PRODUCT_CUE = re.compile(r"假冒|标注|仿冒|销售|售卖|购买|购进|标有|印有|名称:")
_BRAND_BY_REG = re.compile(r"第\d{5,9}号$")
_PRODUCT_CUT = re.compile(r"[的一共各等及和与]")
_BRAND_REG_QUOTED = re.compile(r"第\d{5,9}号" + _QUOTED)
_BRAND_LATIN = re.compile(r"[A-Z][A-Z0-9]{2,}(?![a-z])")
# the characters an organisation name runs back over from its suffix (read on the reversed text)
_ORG_BACK = re.compile(r"[\u4e00-\u9fff()0-9A-Za-z]{0,30}")


def _quote_starts(t: str) -> list[int]:
    """Where ``_QUOTED`` (and the rules starting with it) can begin: its opening quotes."""
    return _finds(t, "“\"「『")


def _shop_cue_zh_starts(t: str, quotes: list[int]) -> list[int]:
    """Where ``_SHOP_CUE`` can begin: at its labels (店铺名称 and 店铺名 both start with 店铺名), or 1, 2
    or 4 characters before a quote (在, 店铺/网店, 开设店铺/开设网店)."""
    out = _finds(t, ("店名", "店铺名", "网店名称", "商铺名称"))
    out += [q - d for q in quotes if t[q] in "“\"" for d in (1, 2, 4)]
    return out


def _brand_latin(t: str, quotes: list[int], brands: set[str]) -> list[re.Match]:
    """What ``re.finditer(rf"[“\"](?:{_alternation(brands)})(?P<w>[A-Z][A-Z0-9]{2,})(?![a-z])", t)``
    finds, as the ``w`` matches: the brands (longest first) tried after each quote, without a
    per-document pattern."""
    by_first: dict[str, list[str]] = {}
    for b in sorted(sorted(brands), key=len, reverse=True):
        by_first.setdefault(b[0], []).append(b)
    out = []
    last = 0
    for q in sorted(quotes):
        if q < last or t[q] not in "“\"":
            continue
        for b in by_first.get(t[q + 1:q + 2], ()):
            if t.startswith(b, q + 1):
                w = _BRAND_LATIN.match(t, q + 1 + len(b))
                if w:
                    out.append(w)
                    last = w.end()
                    break
    return out


def zh_name_candidates(t: str) -> list[Candidate]:
    out: list[Candidate] = []
    surname = _surname_re()
    surnames = _surname_set()
    place = _place_re()
    places = _place_set()

    # PERSON: anonymised names (邓某某) and names after role labels.
    for m in re.finditer(r"某{1,2}", t):
        s = m.start()
        if s == 0 or (m.end() < len(t) and t[m.end()] == "某"):
            continue
        for k in (2, 1):
            if s - k >= 0 and t[s - k:s] in surnames:
                if k == 1 and t[s - 1] == "于" and s >= 2 and t[s - 2] in "位关由对等属":
                    break
                out.append((s - k, m.end(), "PERSON", t[s - k:m.end()], None, None))
                break
    for m in _PERSON_LABEL_RE.finditer(t):
        e = m.end()
        n = _NAME_RUN.match(t, e, e + 5).end() - e
        if not 2 <= n <= 4:
            continue
        seg = t[e:e + 5]
        if surname.match(seg) and "某" not in seg[:n]:
            if n == 4 and not re.match(r"(?:欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|长孙|宇文|司徒|夏侯|令狐"
                                       r"|端木)", seg):
                continue
            if _ORG_SUFFIX.search(seg[:n]) or seg[:n].endswith(("公司", "法院")):
                continue
            out.append((e, e + n, "PERSON", seg[:n], None, None))

    # ORG: an organisation suffix and the name before it.
    rt = t[::-1]
    n_t = len(t)
    for m in _ORG_SUFFIX.finditer(t):
        s, e = m.start(), m.end()
        ws = s - (_ORG_BACK.match(rt, n_t - s).end() - (n_t - s))
        window = t[ws:s]
        cut = 0
        for b in _ORG_BOUNDARY.finditer(window):
            if b.group() in "()":
                continue
            pe = b.start() - (window[b.start() - 1:b.start()] in ("市", "区", "县", "镇"))
            if len(b.group()) == 1 and any(window[pe - k:pe] in places for k in range(2, min(pe, 6) + 1)):
                continue
            # a boundary inside parentheses ("(上海)") is part of the name
            cut = b.end()
        for p in place.finditer(t, ws, s):
            if p.start() < ws + cut < p.end():
                cut = p.start() - ws
                break
        name_start = ws + cut
        p = place.search(t, name_start, s)
        # (not a branch's city after its bank: 中国工商银行杭州西湖支行)
        if p and p.start() - name_start <= 6 and (p.start() == 0 or t[p.start() - 1] != "(") \
                and not _ORG_SUFFIX.search(t, name_start, p.start()):
            name_start = p.start()
        core = t[name_start:s]
        if core.startswith(")"):
            continue
        if len(core) < 2 or _ORG_BAD_START.match(core) or core[-1] in "本该我贵其此各":
            continue
        if core.count("(") != core.count(")"):
            continue
        out.append((name_start, e, "ORG", t[name_start:e], None, None))
    for m in matches_at(_courier_re(), t, _courier_starts(t)):
        out.append((m.start(), m.end(), "ORG", m.group(), None, None))
    for m in _SHORT_NAME.finditer(t):
        name = m.group(1)
        kind = "ORG" if _ORG_SUFFIX.search(name) or any(
            c[2] == "ORG" and c[1] >= m.start() - 1 for c in out[-50:]) else "PERSON"
        if kind == "PERSON" and not surname.match(name):
            continue
        out.append((m.start(1), m.end(1), kind, name, None, None))

    # SHOP: after 店铺名称 / 店铺“…”, and quoted names ending like a shop.
    quotes = _quote_starts(t)
    for m in matches_at(_SHOP_CUE, t, _shop_cue_zh_starts(t, quotes)):
        if m.group(1) or m.group(2):
            g = 1 if m.group(1) else 2
            out.append((m.start(g), m.end(g), "SHOP", m.group(g), None, None))
        else:
            chain = _QUOTE_CHAIN.match(t, m.end())
            if chain:
                for q in _QUOTED_RE.finditer(chain.group()):
                    out.append((chain.start() + q.start(1), chain.start() + q.end(1), "SHOP", q.group(1), None, None))
    for q in matches_at(_SHOP_BEFORE, t, quotes):  # 开设的“X”店铺
        name = q.group(1)
        if 2 <= len(name) <= 20 and not _ORG_SUFFIX.search(name):
            out.append((q.start(1), q.end(1), "SHOP", name, None, None))
    for q in matches_at(_QUOTED_RE, t, quotes):
        name = q.group(1)
        if 3 <= len(name) <= 20 and name.endswith(_SHOP_SUFFIX) and not _ORG_SUFFIX.search(name):
            out.append((q.start(1), q.end(1), "SHOP", name, None, None))

    # BRAND: quoted names next to 商标 / 品牌, or quoted after a registration number.
    for chain in matches_at(_QUOTE_CHAIN, t, quotes):
        cs = chain.start()
        after = _BRAND_AFTER.match(t, chain.end())
        before = _BRAND_BEFORE.search(t, max(0, cs - 6), cs)
        # (``$`` also matches before a final newline)
        by_reg = cs and (t[cs - 1] == "号" or t[cs - 1] == "\n" and t[cs - 2:cs - 1] == "号") \
            and _BRAND_BY_REG.search(t[max(0, cs - 12):cs])
        if after or before or by_reg:
            for q in _QUOTED_RE.finditer(chain.group()):
                name = q.group(1).strip()
                if 1 <= len(name) <= 12 and not name.endswith(_SHOP_SUFFIX[:6]) and ":" not in name \
                        and not _ORG_SUFFIX.search(name):
                    out.append((chain.start() + q.start(1), chain.start() + q.end(1), "BRAND", name, None, None))
    for m in matches_at(_BRAND_REG_QUOTED, t, _finds(t, ("第",))):
        out.append((m.start(1), m.end(1), "BRAND", m.group(1), None, None))

    # PLATFORM: named in an agreement title or quoted before its web address.
    for m in _PLATFORM_CUE.finditer(t):
        out.append((m.start(1), m.end(1), "PLATFORM", m.group(1), None, None))
    for m in matches_at(_PLATFORM_QUOTED, t, quotes):
        out.append((m.start(1), m.end(1), "PLATFORM", m.group(1), None, None))

    # PRODUCT: the goods named after a brand / trademark cue in a sentence about counterfeits.
    for m in _PRODUCT_CUE_AT.finditer(t):
        quote = m.group().startswith("”")
        near = t[max(0, m.start() - (14 if quote else 40)):m.start() + quote]
        if not (_PRODUCT_CUE_QUOTE if quote else _PRODUCT_CUE).search(near):
            continue
        pm = _PRODUCT_AT.match(t, m.end())
        if not pm:
            continue
        p = pm.group("p")
        cut = _PRODUCT_CUT.search(p)
        if cut:
            p = p[:cut.start()]
        if len(p) < 2 or _PRODUCT_STOP.search(p):
            continue
        s = pm.start("p")
        out.append((s, s + len(p), "PRODUCT", p, None, None))
    # a Latin word written against a quoted brand is the brand's other form: “银杉YINSHAN…”
    brands = {c[3] for c in out if c[2] == "BRAND"}
    if brands:
        for w in _brand_latin(t, quotes, brands):
            out.append((w.start(), w.end(), "BRAND", w.group(), None, None))
    return out


# -- English --------------------------------------------------------------------------------------

_CAP = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
_NAME = rf"{_CAP}(?:[ ][A-Z]\.)?(?:[ ]{_CAP}){{1,2}}"
_NAME_CAPS = r"[A-Z]{2,}(?:[ ][A-Z]\.)?(?:[ ][A-Z]{2,}){1,2}"
_PERSON_CUES = [
    re.compile(rf"(?:Hon\.|Honorable|Judge|Justice|Magistrate Judge)\s+(?P<n>{_NAME})"),
    re.compile(rf"(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+(?P<n>{_NAME}|{_CAP})"),
    re.compile(rf"(?:^|\n)\s*I,\s+(?P<n>{_NAME}),"),
    re.compile(rf"/s/\s*(?P<n>{_NAME})"),
    re.compile(rf"(?:DECLARATION|AFFIDAVIT) OF\s+(?P<n>{_NAME_CAPS}|{_NAME})"),
    re.compile(rf"(?:Captured|Prepared|Signed|Reviewed|Submitted|Written|Sworn|Declared|Purchased|Conducted)\s+by:?\s+(?P<n>{_NAME})"),
    re.compile(rf"(?:^|\n)(?:From|To|Cc|CC|Attn|Attention|Contact|Name|Investigator|Declarant|Buyer|Seller|Owner"
               rf"|Signatory):?\s+(?P<n>{_NAME})(?=\s*[<,\n(]|$)"),
    re.compile(rf"(?:This is|My name is|I am|I'm)\s+(?P<n>{_NAME})(?=\s+(?:from|of|and|at)\b|[,.])"),
    re.compile(r"(?:Sincerely|Best regards|Kind regards|Regards|Respectfully submitted|Very truly yours|Yours truly"
               r"|Yours sincerely|Best|Thanks|Thank you),?[ \t]*\n(?:[ \t]*\n)*(?:/s/\s*)?"
               rf"(?P<n>{_NAME})[ \t]*(?=\n|$)"),
]
_NOT_PERSON = {"Amazon Customer", "Dear Sir", "Sir Madam", "United States", "District Court", "Schedule A"}
# legal-form suffixes of company names across jurisdictions (US, UK, EU, Nordic, Asia), in mixed and
# upper case; the bare 2-letter Nordic/EU forms (AS, AB, SE, NV, Oy) need two name words before them
_EN_ORG_SUFFIX = re.compile(
    r"(?:,?\s(?:Co\.,?\s?Ltd\.?|Co\.,?\s?Limited|CO\.,?\s?LTD\.?|CO\.,?\s?LIMITED|Inc\.?|INC\.?|Incorporated"
    r"|INCORPORATED|Corp\.?|CORP\.?|Corporation|CORPORATION|L\.?L\.?C\.?|LLP|L\.L\.P\.|PLLC|P\.L\.L\.C\.|LLLP"
    r"|L\.P\.|Ltd\.?|LTD\.?|Limited|LIMITED|GmbH(?: & Co\. KG)?|GMBH|S\.A\.S\.|S\.A\.|S\.p\.A\.|SpA|S\.r\.l\.|S\.L\."
    r"|S\.A\. de C\.V\.|SARL|S\.A\.R\.L\.|SAS|PLC|plc|Company|COMPANY|AG|KG|B\.V\.|N\.V\.|BV|NV|N\.A\.|P\.C\.|P\.A\."
    r"|Pty\.? Ltd\.?|PTY LTD|Pte\.? Ltd\.?|PTE\.? LTD\.?|Sdn\.? Bhd\.?|SDN\.? BHD\.?|K\.K\.|A/S|ApS|AS|ASA|AB|Oy|OY"
    r"|SE))(?![A-Za-z/])")
_EN_ORG_SHORT_SUFFIX = {"AS", "AB", "SE", "NV", "Oy", "OY", "BV", "KG", "AG", "SAS", "SpA", "ASA", "A/S", "ApS"}
_EN_ORG_WORD = re.compile(r"(?:[A-Z][A-Za-z0-9&'.\-]*|\([A-Z]{1,5}\)|&|and|of|de|the)$")
_EN_ROLE = {"Plaintiff", "Plaintiffs", "Defendant", "Defendants", "The", "From", "To", "By", "Dear", "Re",
            "Counsel", "Seller", "Buyer", "Our", "Your", "Business", "Name", "Operator", "Sold", "Of",
            "Under", "And", "Its", "This", "That", "Between", "Against", "With", "Amazon", "Walmart"}
_DEFINED = re.compile(r"\(\s*(?:the\s+)?[\"“]([A-Z][A-Za-z0-9&.\- ]{1,40})[\"”]\s*\)")
_ROLE_WORDS = {"Plaintiff", "Plaintiffs", "Defendant", "Defendants", "Seller", "Buyer", "Company", "Court",
               "Agreement", "Mark", "Marks", "Declarant", "Investigator", "Letter", "Order", "Products", "Goods"}
_EN_SHOP_CUE = [
    re.compile(r"\b(?:store|storefront|seller|shop|Store|Storefront|Seller|Shop)\s+(?:name\s+)?[\"“](?P<n>[^\"”\n]{2,40})[\"”]"),
    re.compile(r"Defendant No\.\s*\d+\s*\(\s*[\"“](?P<n>[^\"”\n]{2,40})[\"”]\s*\)"),
    re.compile(r"Sold by\s*[|:]\s*(?P<n>[^\n|]{2,40}?)\s*$", re.M),
    re.compile(r"\b(?:the|our|my|a)\s+(?:shop|store|storefront)\s+(?P<n>[A-Z][\w\-]*(?:\s[A-Z][\w\-]*){0,4})\s+on\b"),
    # "Seller: brightpeak_outlet77", "from seller hexa_deals-2024", "store Gripmaster Tools Direct,",
    # "Store name: Moonridge Official Store": a handle (with _ or -) or 2–5 capitalised words
    re.compile(r"[Ss](?<![A-Za-z].)(?:tore|eller|hop)(?:front)?(?:[ ]+[Nn]ame)?(?:[ \t]*:[ \t]*|[ ]*\n[ ]*|[ ]+)"
               r"(?P<n>[A-Za-z0-9]+(?:[_\-][A-Za-z0-9]+)+(?![\w.\-])|[A-Z][A-Za-z0-9'&]*(?:[ ][A-Z][A-Za-z0-9'&]*){1,4}"
               r"(?![\w.\-]|,? (?:Inc|LLC|Ltd|Co)\b))"),
]
_CAPS_STOP = {"THE", "AND", "OR", "OF", "FOR", "IN", "US", "USA", "LLC", "INC", "NOT", "NO", "DISTRICT", "COURT",
              "UNITED", "STATES", "ORDER", "FREE", "NEW", "TRO", "ASIN", "USB", "FBA", "CT", "PM", "AM", "PDF",
              "CERTIFIED", "GENUINE", "REAL", "FILTRATION", "FIT", "PFAS", "ID", "URL", "PLAINTIFF",
              "DEFENDANT", "DEFENDANTS", "SCHEDULE", "EXHIBIT", "DECLARATION", "SENT", "VIA", "EMAIL",
              "BUYER", "SELLER", "MESSAGING", "AMAZON", "WALMART", "EBAY", "ORDERED", "GRANTED", "DENIED",
              "ENTERED", "PART", "IP", "HK", "CN", "EASTERN", "DIVISION", "MEMORANDUM", "OPINION"}
_CAPS_WORD = r"[A-Z][A-Z0-9]{2,}(?:[ \-][A-Z0-9]{2,})?"
_CAPS_WORD_RE = re.compile(_CAPS_WORD)
# the chain starts at the beginning of a run of capitals/figures (else every position of a long run
# is retried to the run's end: quadratic)
_EN_BRAND_MARKS = re.compile(
    r"(?P<chain>[A-Z](?<![A-Z0-9].)[A-Z0-9]{2,}+(?:[ \-][A-Z0-9]{2,})?"
    rf"(?:(?:,\s*|\s+(?:and|or|&)\s+){_CAPS_WORD})*)"
    r"\s+(?:marks?|trademarks?|brands?|Marks?|Trademarks?)\b")
_EN_BRAND_PAREN = re.compile(r"\d{1,2},\d{3},\d{3}\s*\((?P<n>[^)\n]{2,30})\)")
_EN_BRAND_LABEL = re.compile(r"\bBrand\s*[:|]\s*(?P<n>[^\n,;|]{2,30}?)\s*(?=$|[\n,;|])", re.M)
_EN_BRAND_CUE = re.compile(r"\b(?:[Cc]ounterfeit|[Gg]enuine|[Aa]uthentic|[Ff]ake|[Oo]riginal|[Kk]nockoff|[Ii]mitation)"
                           r"\s+(?P<n>[A-Z][A-Z0-9]{2,})\b")
_EN_PRODUCT_CUE = re.compile(
    r"(?:purchased|bought|ordered)\s+(?:one|a|an|two|three|\d+)\s+[\"“](?P<n>[^\"”\n]{3,120})[\"”]"
    r"|product\s+titled\s+[\"“](?P<n2>[^\"”\n]{3,120})[\"”]"
    r"|(?:^|\n)(?:Item |Listing |Product )?[Tt]itle\s*[|:]\s*[\"“]?(?P<n3>[^\n\"”]{3,160})")
_UNIT_WORDS = {"Lumen", "Lumens", "mAh", "W", "Watt", "Watts", "Pack", "Count", "Piece", "Pieces", "ml", "oz",
               "Inch", "Inches", "ft", "Feet", "Cup", "Gallon", "V", "Volt", "LM", "lm", "Pcs", "PCS"}
_EN_COURT = re.compile(
    r"(?:UNITED STATES|United States|U\.S\.)\s+(?:DISTRICT|BANKRUPTCY|District|Bankruptcy)\s+(?:COURT|Court)"
    r"(?:\s+(?:FOR THE|for the)\s+(?:(?:NORTHERN|SOUTHERN|EASTERN|WESTERN|CENTRAL|MIDDLE|Northern|Southern|Eastern|"
    r"Western|Central|Middle)\s+)?(?:DISTRICT|District)\s+(?:OF|of)\s+(?:[A-Z][A-Za-z]+(?:[ ][A-Z][A-Za-z]+)?))?"
    r"|(?:UNITED STATES|United States)\s+(?:COURT OF APPEALS|Court of Appeals)\s+(?:FOR THE|for the)"
    r"\s+[A-Z][A-Za-z]+\s+(?:CIRCUIT|Circuit)"
    r"|(?:SUPREME COURT|Supreme Court) (?:OF|of) (?:THE|the) (?:UNITED STATES|United States)"
    r"|(?:SUPERIOR|CIRCUIT|SUPREME|Superior|Circuit|Supreme) (?:COURT|Court) (?:OF|of)"
    r" [A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?")
_STATES_MULTI = re.compile(r"^(?:New|North|South|West|Rhode|District)\b")


_NON_SPACE = re.compile(r"\S+")
_EN_PARTNER = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?|[A-Z]{2,}")
_LEAD_WORD = re.compile(r"(\S+)\s+")


def _en_org_start(t: str, suffix_start: int) -> int | None:
    line_start = t.rfind("\n", 0, suffix_start) + 1
    # at most the last 8 words of the line are looked at: read a window before the suffix that holds
    # them, not the whole line (a long paragraph with many organisations would be read once for each:
    # quadratic); the window grows until it has 10 words or reaches the line's start
    size = 120
    while True:
        lo = max(line_start, suffix_start - size)
        words = list(_NON_SPACE.finditer(t, lo, suffix_start))
        if lo == line_start:
            break
        if len(words) >= 10:
            words = words[1:]  # the first may be cut by the window
            break
        size *= 4
    start = None
    count = 0
    partners = False  # "Baxter, Lowe & Finch LLP": capitalised names, a comma list closed by & / and
    for w in reversed(words):
        tok = w.group().rstrip(",")
        if w.group().endswith(",") and w is not words[-1]:
            if not (partners and count <= 6 and _EN_PARTNER.fullmatch(tok) and tok not in _EN_ROLE):
                break
        elif tok in ("&", "and") and count and start is not None:
            partners = True
        if not _EN_ORG_WORD.match(tok) or tok.startswith(("\"", "“")):
            lead = w.group()[:1] in ("\"", "“", "(")
            if lead and _EN_ORG_WORD.match(tok[1:].rstrip(",")):
                start = w.start() + 1
            break
        if tok in ("and", "of", "de", "the", "&") and start is None:
            break
        start = w.start()
        count += 1
        if count >= 8:
            break
    if start is None:
        return None
    # drop leading role words and connectors
    while True:
        m = _LEAD_WORD.match(t[start:suffix_start])
        # a marketplace's own companies keep its name (Amazon Payments, Inc.)
        if m and ((m.group(1) in _EN_ROLE and m.group(1) not in ("Amazon", "Walmart"))
                  or m.group(1) in ("and", "of", "the", "&")):
            start += m.end()
            continue
        break
    # an upper-case line (bank statement, caption) has its verbs and prepositions in capitals too
    for w in _NON_SPACE.finditer(t, start, suffix_start):
        if w.group() in _CAPS_CUT:
            start = w.end() + 1
    return start if start < suffix_start else None


_CAPS_CUT = {"TO", "FROM", "BY", "VIA", "AT", "ON", "WITH", "PER", "PAID", "WIRE", "TRANSFER", "PAYMENT"}
# public bodies: capitalised words ending in one of these heads, with "and"/"of"/"for" inside or
# "United States"/an acronym in front ("United States Patent and Trademark Office", "WIPO
# Arbitration and Mediation Center", "United States Postal Service")
_BODY_HEADS = ("Office", "Center", "Centre", "Service", "Agency", "Administration", "Commission", "Bureau",
               "Authority", "Board", "Institute", "Organization", "Organisation", "Registry", "Ministry")
_BODY_LINK = {"and", "of", "for", "on", "&"}


def _public_bodies(t: str, find) -> list[Candidate]:
    out: list[Candidate] = []
    for q in find(_BODY_HEADS):
        e = q
        while e < len(t) and t[e].isalpha():
            e += 1
        if t[q:e] not in _BODY_HEADS:
            continue
        words = list(_NON_SPACE.finditer(t, max(0, t.rfind("\n", 0, q) + 1, q - 90), q))
        names = []
        for w in reversed(words):
            g = w.group()
            if g in _BODY_LINK or (g[0].isupper() and g.replace("-", "").isalpha() and g not in _EN_ROLE):
                names.append(w)
                if len(names) >= 8:
                    break
            else:
                break
        while names and names[-1].group() in _BODY_LINK:
            names.pop()
        if len(names) < 2:
            continue
        first = names[-1].group()
        inner = {w.group() for w in names[:-1]} & _BODY_LINK
        us = t.startswith("United States", names[-1].start())
        if not (inner or us or (first.isupper() and len(first) >= 3)):
            continue
        s = names[-1].start()
        out.append((s, e, "ORG", t[s:e], None, None))
    return out


def _line_starts(t: str, positions) -> list[int]:
    """Where ``(?:^|\\n)\\s*`` begins before each offset: the first newline of the whitespace run
    before it, or 0 when that run reaches the start of the text."""
    out = []
    for q in positions:
        k = q
        while k > 0 and t[k - 1].isspace():
            k -= 1
        if k == 0:
            out.append(0)
        else:
            i = t.find("\n", k, q)
            if i >= 0:
                out.append(i)
    return out


_LINE_CUE = re.compile(r"\n(?=From|To|Cc|CC|Att|Contact|Name|Investigator|Declarant|Buyer|Seller|Owner|Signatory)")
# literal words one of which starts every match of each rule (see ``matches_at``); ``None``: the
# rule's own starts are computed in ``_person_cue_starts``
_PERSON_CUE_WORDS = [
    ("Hon", "Judge", "Justice", "Magistrate"),
    ("Mr", "Ms", "Dr", "Prof"),
    None,  # (?:^|\n)\s*I,
    ("/s/",),
    ("DECLARATION OF", "AFFIDAVIT OF"),
    ("Captured", "Prepared", "Signed", "Reviewed", "Submitted", "Written", "Sworn", "Declared",
     "Purchased", "Conducted"),
    None,  # (?:^|\n)(?:From|To|…)
    ("This is", "My name is", "I am", "I'm"),
    ("Sincerely", "Best", "Kind regards", "Regards", "Respectfully submitted", "Very truly yours",
     "Yours", "Thank"),
]


def _person_cue_starts(i: int, t: str, find) -> list[int]:
    words = _PERSON_CUE_WORDS[i]
    if words is not None:
        return find(words)
    if i == 2:
        return _line_starts(t, find(("I,",)))
    return [0] + [m.start() for m in _LINE_CUE.finditer(t)]


_ORG_SUFFIX_WORDS = ("Co", "CO", "Inc", "INC", "LL", "L.", "Ltd", "LTD", "LIMITED", "Limited", "GmbH", "GMBH", "S.",
                     "Sp", "SARL", "SAS", "PLC", "PLLC", "P.", "plc", "AG", "A/S", "ApS", "AS", "AB", "B.V.", "BV",
                     "N.", "NV", "KG", "K.K.", "Pty", "PTY", "Pte", "PTE", "Sdn", "SDN", "Oy", "OY", "SE")


def _org_suffix_starts(t: str, find) -> list[int]:
    """``,?\\s`` before a suffix word."""
    out = []
    for q in find(_ORG_SUFFIX_WORDS):
        if q and t[q - 1].isspace():
            out.append(q - 1)
            if q >= 2 and t[q - 2] == ",":
                out.append(q - 2)
    return out


_SHOP_NOT_NAME = {"Name", "Number", "Profile", "Page", "Account", "Rating", "Feedback", "Information", "Info"}
_SHOP_CUE_WORDS = [None, ("Defendant No.",), ("Sold by",), None, None]


def _shop_cue_starts(i: int, t: str, tails: list[int], find) -> list[int]:
    """``tails``: the offsets of "tore", "eller", "hop" (one ``find`` for "store" and "Store" …)."""
    words = _SHOP_CUE_WORDS[i]
    if words is not None:
        return find(words)
    if i in (0, 4):  # [sS](?:tore|eller|hop)
        return [q - 1 for q in tails]
    # "(?:the|our|my|a)\s+(?:shop|store…)": the word before each "shop"/"store"
    out = []
    for q in [q - 1 for q in tails if q and t[q - 1] == "s" and not t.startswith("eller", q)]:
        k = q
        while k > 0 and t[k - 1].isspace():
            k -= 1
        if k < q:
            for w in ("the", "our", "my", "a"):
                if k >= len(w) and t.startswith(w, k - len(w)):
                    out.append(k - len(w))
    return out


_BRAND_PAREN_HINT = re.compile(r",(?=\d{3},\d{3}\s*\()")
# [Cc]ounterfeit …: the words without their first letter (one ``find`` for both cases)
_BRAND_CUE_WORDS = ("ounterfeit", "enuine", "uthentic", "riginal", "nockoff", "mitation")
def _brand_paren_starts(t: str) -> list[int]:
    """``\\d{1,2},\\d{3},\\d{3}\\s*\\(``: 1 or 2 figures before the first comma."""
    return [m.start() - d for m in _BRAND_PAREN_HINT.finditer(t) for d in (2, 1)]


def _brand_cue_starts(find) -> list[int]:
    return [q - 1 for q in find(_BRAND_CUE_WORDS)] + find(("Fake", "fake"))


_COURT_WORDS = ("UNITED STATES", "United States", "U.S.", "SUPREME", "Supreme", "SUPERIOR", "Superior",
                "CIRCUIT", "Circuit")
_PRODUCT_WORDS = ("purchased", "bought", "ordered", "product")


def _product_cue_starts(t: str, find) -> list[int]:
    out = find(_PRODUCT_WORDS)
    for q in _finds(t, ("itle",)):
        if q == 0 or t[q - 1] not in "Tt":
            continue
        ls = t.rfind("\n", 0, q - 1) + 1
        if t[ls:q - 1] in ("", "Item ", "Listing ", "Product "):
            out.append(ls - 1 if ls else 0)
    return out


_CHAIN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,-&andor")
_CAPS_RUN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def _brand_marks_starts(t: str, find) -> list[int]:
    """Where ``_EN_BRAND_MARKS`` can begin: its chain (capitals, figures, " ", "-", ",", "&", "and",
    "or") ends at the whitespace before "mark…"/"Mark…"/"trademark…"/"brand…" and begins at the
    start of a run of capitals in the stretch of those characters before it (the stretches of two
    such words do not overlap: the text is walked once)."""
    out = []
    for q in find(("mark", "Mark", "brand")):
        for w in (q, q - 5):
            if w < q and (w < 0 or not t.startswith(("trade", "Trade"), w)):
                continue
            ce = w
            while ce > 0 and t[ce - 1].isspace():
                ce -= 1
            if ce == w:
                continue
            k = ce
            while k > 0 and (t[k - 1] in _CHAIN_CHARS or t[k - 1].isspace()):
                k -= 1
            for i in range(k, ce):
                if "A" <= t[i] <= "Z" and (i == 0 or t[i - 1] not in _CAPS_RUN_CHARS):
                    out.append(i)
    return out


class _Finder:
    """Offsets of the rules' literal words in one text (``find(words)``, like ``_finds``): the
    capitalised ones from one regex pass over the text (a capital that starts one of them: a 1-char
    match, so none hides another), the others by ``str.find``."""

    def __init__(self, t: str) -> None:
        self.t = t
        hits: dict[str, list[int]] = {}
        for m in _CAP_TRIGGER.finditer(t):
            p = m.start()
            for w in _CAP_PREFIXES[_CAP_WORD_AT[t[p]].match(t, p).group()]:
                if w in hits:
                    hits[w].append(p)
                else:
                    hits[w] = [p]
        self.hits = hits

    def __call__(self, words) -> list[int]:
        out = []
        for w in words:
            if w in _CAP_PREFIXES:
                out += self.hits.get(w, ())
            else:
                out += _finds(self.t, (w,))
        return out


_CAP_WORDS = sorted({w for ws in _PERSON_CUE_WORDS if ws for w in ws} | set(_ORG_SUFFIX_WORDS) | set(_COURT_WORDS)
                    | {"I,", "Defendant No.", "Sold by", "Title", "Brand", "Fake", "Mark"} | set(_BODY_HEADS),
                    key=len, reverse=True)
_CAP_WORDS = [w for w in _CAP_WORDS if "A" <= w[0] <= "Z"]
# the longest word at an offset (alternatives longest first); every other word there is its prefix
# (one pattern per first letter: only those words can be there)
_CAP_WORD_AT = {c: re.compile("|".join(re.escape(w) for w in _CAP_WORDS if w[0] == c))
                for c in {w[0] for w in _CAP_WORDS}}
_CAP_PREFIXES = {w: [v for v in _CAP_WORDS if w.startswith(v)] for w in _CAP_WORDS}
_CAP_TRIGGER = re.compile("|".join(
    re.escape(c) + "(?=" + "|".join(re.escape(w[1:]) for w in _CAP_WORDS if w[0] == c) + ")"
    for c in sorted({w[0] for w in _CAP_WORDS})))


_POSSESSIVE = re.compile(r"'s\b")
_WORD_CHAR = re.compile(r"\w")


def en_name_candidates(t: str) -> list[Candidate]:
    out: list[Candidate] = []
    find = _Finder(t)
    for i, rx in enumerate(_PERSON_CUES):
        for m in matches_at(rx, t, _person_cue_starts(i, t, find)):
            n = m.group("n")
            if n in _NOT_PERSON or n.split()[0] in _EN_ROLE:
                continue
            out.append((m.start("n"), m.end("n"), "PERSON", n, None, None))
    orgs: list[tuple[int, int, str]] = []
    for m in matches_at(_EN_ORG_SUFFIX, t, _org_suffix_starts(t, find)):
        s = _en_org_start(t, m.start())
        if s is None:
            continue
        end = m.end()
        name = t[s:end]
        if len(name) - len(m.group()) < 2:
            continue
        if m.group().lstrip(", \t\n") in _EN_ORG_SHORT_SUFFIX and (
                len(t[s:m.start()].split()) < 2 or name.split()[0] in _EN_ROLE):
            continue
        orgs.append((s, end, name))
        out.append((s, end, "ORG", name, None, None))
    out += _public_bodies(t, find)
    max_org_end = max((e for s, e, _ in orgs), default=-10)  # (any organisation ending there)
    for m in _DEFINED.finditer(t):
        name = m.group(1).strip()
        if name in _ROLE_WORDS or name.split()[0] in _ROLE_WORDS:
            continue
        before = t[max(0, m.start() - 2):m.start()]
        if max_org_end >= m.start() - 2 or before.strip().endswith((")",)):
            out.append((m.start(1), m.start(1) + len(name), "ORG", name, None, None))
    # a distinctive first word used alone as the organisation's possessive ("Orrin's"); one pass
    # over the "'s" of the text, not one per organisation
    firsts: dict[str, int] = {}  # first word -> its rank (order of the organisations)
    for _s, _e, name in orgs:
        first = name.split()[0]
        if len(first) >= 4 and not first.isupper() and first not in _EN_ROLE and first not in firsts:
            firsts[first] = len(firsts)
    if firsts and "'s" in t:
        # the text before each "'s" is looked up per length of the first words (not each first word
        # tried at each "'s": #organisations × #possessives)
        lengths = sorted({len(f) for f in firsts})
        for m in _POSSESSIVE.finditer(t):
            j = m.start()
            found = []
            for n in lengths:
                i = j - n
                if i < 0:
                    break
                rank = firsts.get(t[i:j])
                if rank is not None and not (i > 0 and _WORD_CHAR.match(t, i - 1)) and _WORD_CHAR.match(t, i):
                    found.append((rank, i))
            for _rank, i in sorted(found):
                out.append((i, j, "ORG", t[i:j], None, None))
    shop_tails = find(("tore", "eller", "hop"))
    for i, rx in enumerate(_EN_SHOP_CUE):
        for m in matches_at(rx, t, _shop_cue_starts(i, t, shop_tails, find)):
            n = m.group("n").strip()
            if i == 4 and (n.split()[0] in _EN_ROLE or (n.split()[0].isupper() and len(n.split()[0]) <= 3)
                           or n.split()[0] in _SHOP_NOT_NAME or n.split()[0] in _ROLE_WORDS
                           or n.split()[-1] in _ROLE_WORDS
                           or any(o[0] <= m.start("n") < o[1] for o in orgs)):
                continue
            if n and not n.startswith(("http", "www")):
                s = m.start("n") + (len(m.group("n")) - len(m.group("n").lstrip()))
                out.append((s, s + len(n), "SHOP", n, None, None))
    for m in matches_at(_EN_BRAND_MARKS, t, _brand_marks_starts(t, find)):
        base = m.start("chain")
        for w in _CAPS_WORD_RE.finditer(m.group("chain")):
            name = w.group()
            if name in _CAPS_STOP or name.split()[0] in _CAPS_STOP:
                continue
            out.append((base + w.start(), base + w.end(), "BRAND", name, None, None))
    for rx, starts in ((_EN_BRAND_PAREN, _brand_paren_starts(t)), (_EN_BRAND_LABEL, find(("Brand",)))):
        for m in matches_at(rx, t, starts):
            n = m.group("n").strip()
            if n and n not in _CAPS_STOP:
                out.append((m.start("n"), m.start("n") + len(n), "BRAND", n, None, None))
    for m in matches_at(_EN_BRAND_CUE, t, _brand_cue_starts(find)):
        n = m.group("n")
        if n.isupper() and n not in _CAPS_STOP and n.split()[0] not in _CAPS_STOP:
            out.append((m.start("n"), m.end("n"), "BRAND", n, None, None))
    for m in matches_at(_EN_COURT, t, find(_COURT_WORDS)):
        out.append((m.start(), m.end(), "COURT", m.group(), None, None))
    products: list[Candidate] = []
    brand_words = {c[3].lower() for c in out if c[2] == "BRAND"}
    for m in matches_at(_EN_PRODUCT_CUE, t, _product_cue_starts(t, find)):
        g = "n" if m.group("n") else ("n2" if m.group("n2") else "n3")
        p = _product_head(t, m.start(g), m.end(g), brand_words, out)
        if p:
            products.append(p)
    heads = {p[3] for p in products}
    for p in products:
        # the shortest other head that this one continues with " …" (its prefixes up to a space)
        h = None
        k = p[3].find(" ")
        while k >= 0:
            if k and p[3][:k] in heads:
                h = p[3][:k]
                break
            k = p[3].find(" ", k + 1)
        if h is not None:
            out.append((p[0], p[0] + len(h), "PRODUCT", h, None, None))
        else:
            out.append(p)
    return out


_TITLE_TOKEN = re.compile(r"[^\s,;:()|]+|[,;:()|]")
_FIGURE_TOKEN = re.compile(r"[\d.,]+[A-Za-z]*")
_DIGIT = re.compile(r"\d")
_TITLE_WORD = re.compile(r"[A-Z][a-z]+")


def _product_head(t: str, s: int, e: int, brand_words=frozenset(), out=None) -> Candidate | None:
    """The goods noun phrase of a listing title: brand words (a brand of the document in another case,
    "Kestrel" for KESTREL, is a BRAND there), figures, sizes and units dropped."""
    tokens = list(_TITLE_TOKEN.finditer(t[s:e]))
    i = 0
    while i < len(tokens):
        tok = tokens[i].group()
        core = tok.split("-")[0]
        if (core.isupper() and len(core) >= 2) or _FIGURE_TOKEN.fullmatch(tok) or tok[:1].isdigit() or (
                tok in _UNIT_WORDS and i > 0 and _DIGIT.match(tokens[i - 1].group())):
            i += 1
            continue
        if tok.lower() in brand_words:
            if out is not None and not tok.isupper():
                out.append((s + tokens[i].start(), s + tokens[i].end(), "BRAND", tok, None, None))
            i += 1
            continue
        break
    j = i
    while j < len(tokens) and _TITLE_WORD.fullmatch(tokens[j].group()):
        j += 1
    if j - i < 1 or (j - i == 1 and j < len(tokens) and tokens[j].group() not in ",;:()|"):
        return None
    ps, pe = s + tokens[i].start(), s + tokens[j - 1].end()
    return (ps, pe, "PRODUCT", t[ps:pe], None, None)


_ZH_COURT_TAIL = re.compile(  # literal-first alternatives (no optional prefix group): sre skips ahead
    "|".join(p + "人民法院" for p in ("中级", "高级", "互联网", "知识产权", "海事", "铁路运输", "金融", "基层", ""))
    + "|互联网法院|知识产权法院|海事法院|金融法院")


def zh_court_candidates(t: str) -> list[Candidate]:
    out: list[Candidate] = []
    place = _place_re()
    for m in _ZH_COURT_TAIL.finditer(t) if "法院" in t else ():
        s = m.start()
        ws = s
        while ws > 0 and s - ws < 20 and "\u4e00" <= t[ws - 1] <= "\u9fff":
            ws -= 1
        if t.startswith("最高", max(0, s - 2)) and m.group() == "人民法院":
            out.append((s - 2, m.end(), "COURT", "最高人民法院", None, None))
            continue
        p = place.search(t, ws, s)
        if p:
            start = p.start()
        else:
            window = t[ws:s]
            cut = 0
            for b in re.finditer(r"上诉于|向|于|至|在|由|经|被|为|与|和|及|的|致|本|原审|一审|二审", window):
                cut = b.end()
            start = ws + cut
            if not re.search(r"[省市区县州旗]$", t[start:s]) and m.group() == "人民法院":
                continue
        if s - start < 2 and m.group() == "人民法院":
            continue
        out.append((start, m.end(), "COURT", t[start:m.end()], None, None))
    return out
