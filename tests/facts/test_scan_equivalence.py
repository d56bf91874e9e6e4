"""Rules are tried only where a cheap literal scan says a match can begin (``matches_at``): each
such rule must find exactly what ``rx.finditer(text)`` finds. If a rule's pattern changes, its start
words must still cover every place where a match can begin. Loops replaced by a pattern or a set
lookup are checked against the loops they replace."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from litigator.facts import names as N
from litigator.facts import pipeline as P
from litigator.facts import structured as S
from litigator.facts.readers import read_text
from litigator.facts.text import fold_width

from .conftest import DEV

DOCS = Path(__file__).parent / "docs"
CORPUS = Path(__file__).parent / "corpus"

EDGE = [
    "I, John Smith, declare.\n \n  I, Jane Q. Doe, also.\nSigned by Amy Lee",
    "  I, Alan Turing, x\n\tI, Ada Byron, y\nfoo I, Not Aname, z",
    "From: Mary Ann Evans <m@x.com>\nTo: Paul Smith\nAttention: Ruth Ng,\nCc: Bo Li\n",
    "Magistrate Judge Amy Lee and Hon. Bob Stone; Mrs. Ann Oak, Dr Ed Wu, Prof. Kim Park",
    "DECLARATION OF JOHN DOE\nAFFIDAVIT OF Jane Roe\nThis is Tom Hart from Acme. I'm Sue Fox.",
    "Sincerely,\n\n/s/ Ann Lee\nBest regards,\nBob Ray\nThanks,\n Cy Dee\n",
    "Acme Widgets Co., Ltd. and Foo Bar, Inc., Baz LLC, Qux L.L.C., Quux Co.,Limited; ACME GmbH",
    "Zed S.A. and Old PLC, New plc, Big Company AG, Dutch B.V., Aussie Pty. Ltd. ,Inc Co Ltd",
    "Orrin Cycle Works LLC (\"Orrin\") sued. Orrin's lights; XOrrin's; Orrin-Cycle's",
    "the store \"Bright Lights\" and Seller \"X Y\"; storefront name “ABC”; shop 'no'",
    "Defendant No. 12 (\"cheap-lights\") and Sold by | FooShop\nSold by: Bar Store\n",
    "our shop Bright Lights Co on Amazon; a  store Zed on eBay; mystore Foo on",
    "the ORRIN, TRAILBEAM and VELO-LUX marks; ACME brand; FOO trademarks; BAR  Marks; a mark",
    "Reg. No. 1,234,567 (ORRIN) and 12,345,678 (TIDEWELL); Brand: Orrin; Brand | Tidewell",
    "Counterfeit ORRIN lights, genuine TIDEWELL, fake ACME, Original BRAND9, knockoff ZZZ",
    "UNITED STATES DISTRICT COURT FOR THE NORTHERN DISTRICT OF ILLINOIS; U.S. District Court; "
    "Supreme Court of the United States; Circuit Court of Cook County; SUPERIOR COURT OF X",
    "I purchased one \"ORRIN 1200 Lumen Bike Headlight, USB\" and bought 2 “Bike Tail Light”\n"
    "Title: TIDEWELL Water Filter Cartridges (3 Pack)\nproduct titled \"Bike Light Set\"",
    "Title | ORRIN Bike Headlight\nTitle: x",
    "On 12 March 2021, the 5th day of June, 2020, 1st of May 2019, 3 Sept. 2018 and 7 JULY 2017;"
    " March 4, 2024; MARCH 4, 2024; June 2020; 2021-03-04; 2021/3; 4-7-98; 12/31/2023; 1-2-3-4",
    "٣ March 2020 and ١٢/٣/٢٠٢٠ and 2020.1.2 and v2020-01-02",
    "ID 110101199003071234 and 11010119900307123X; code 91310000MA1FL8XQ30 and A1310000123456789X;"
    " 1234567 91310000123456789A ٣91310000MA1FL8XQ30 ٣110101199003071234",
    "Reg. No. 1,234,567; REGISTRATION NO. 7654321; registration numbers 1234567 and 2345678.",
    "10 USD, 5 US dollars, 3.5 million Dollars, 20 €, 7 EUROS, 1,000 pounds, 4k USD, 9 yuan, "
    "12 CAD 8 dollar 1.5 billion U.S. Dollars 100元 3,000美元 ٣ dollars",
    "Case 1:23-cv-04567-ABC and 23-cv-1 and 1:2-cv-3 and -cv- and 12:23-CV-00001",
    "A: 100\nA: 200\nA: 300\n  B: 5k\nB: x\nB: y\nB: z\n\nA：400",
    # Chinese: shops, quotes, couriers, brands, money, dates
    "被告在“闪充驿站数码专营店”销售，店铺“A店”和“B店”，开设店铺“C”，开设网店“D”、“E”及“F”，网店“G”；"
    "店铺名称为“H旗舰店”，店名：I小店，店铺名|J店铺 ，网店名称：“K”，商铺名称为“L商城”。在“M”",
    "“N”店铺，『O』小铺，「P」网店，“Q”平台，“R”(网址：r.com)，顺丰速运、京东物流、中通快递、韵达快运和邮政速递",
    "第12345678号“银杉”商标，第123456号\n“松石”，“银杉YINSHAN”牌，“松石SONGSHIABc”，\"银杉\"和“松石”字样，"
    "标注“雪莲XUELIAN”品牌，“号”",
    "三千五百元、人民币壹万元整、五元零三角、二十元二角五分、三元里、一元化、两万元、十元钱、叁佰圆、五块钱、"
    "一百美元、三千港元、五十欧元、〇元",
    "100至200元、1万-2万元、3,000～5,000元、1.5万到2万元、7 至 9 美元、20—30港元、4~5欧元、5-6元、1,2-3元、"
    "¥100元、人民币100万元、100元整、3万余元、5千元、2,000.50美元、100块钱、20 元、1万亿元、٣元",
    "2023年1月2日、2023 年 1 月 2 号、二〇二三年一月二日、二〇二三年十二月、1999年12月、12023年1月、2023年13月、"
    "公元2023年、二〇二三年十三月三十二日、2023年",
    "订单号：123456789012、订单编号为ABC123456789、交易单号 987654321098；Order No. 112-1234567-1234567，"
    "order #123456789，PO# 12345678；网址：www.example.com，网站 shop.example.cn，域名 a.b，Website: x.y/z，"
    "domain example.org，URL: http://a.b",
    "法定代表人：王小明，负责人 张三丰，委托诉讼代理人：欧阳娜娜，审判长 李某某，书记员：司马相如，被告王某、"
    "李某某、于某，位于某地，原告 上海市某某科技有限公司",
    "被告杭州西湖某某科技有限公司（以下简称“西湖公司”）与中国工商银行杭州西湖支行、东莞市以纯服饰有限公司、"
    "判令被告(上海)贸易有限公司赔偿，来自深圳ABC电子厂、义乌市小商品经营部",
]


def _texts() -> list[str]:
    texts = list(EDGE)
    texts += [read_text(p).text for p in sorted(DOCS.glob("*.txt"))]
    texts += [read_text(p).text for p in sorted(CORPUS.glob("*.txt"))]
    if DEV.is_dir():
        texts += [read_text(p).text for p in sorted(DEV.glob("*.txt"))]
    rnd = random.Random(3)
    mutated = []
    for t in texts:  # shuffled lines and dropped characters: matches at odd places
        lines = t.split("\n")
        rnd.shuffle(lines)
        s = "\n".join(lines)
        mutated.append("".join(c for c in s if rnd.random() > 0.02))
    return [fold_width(t) for t in texts + mutated]


TEXTS = _texts()


def _spans(ms) -> list[tuple]:
    return [(m.span(), m.groups()) for m in ms]


def _name_rules(t: str):
    find = N._Finder(t)
    tails = find(("tore", "eller", "hop"))
    for i, rx in enumerate(N._PERSON_CUES):
        yield f"person{i}", rx, N._person_cue_starts(i, t, find)
    yield "org", N._EN_ORG_SUFFIX, N._org_suffix_starts(t, find)
    for i, rx in enumerate(N._EN_SHOP_CUE):
        yield f"shop{i}", rx, N._shop_cue_starts(i, t, tails, find)
    yield "marks", N._EN_BRAND_MARKS, N._brand_marks_starts(t, find)
    yield "paren", N._EN_BRAND_PAREN, N._brand_paren_starts(t)
    yield "label", N._EN_BRAND_LABEL, find(("Brand",))
    yield "cue", N._EN_BRAND_CUE, N._brand_cue_starts(find)
    yield "court", N._EN_COURT, find(N._COURT_WORDS)
    yield "product", N._EN_PRODUCT_CUE, N._product_cue_starts(t, find)


def _structured_rules(t: str):
    months = [m.start() for m in S._MONTH_NAME.finditer(t)]
    yield "mdy", S._DATE_MDY, months
    yield "dmy", S._DATE_DMY, S._dmy_starts(t, months)
    yield "my", S._DATE_MY, months
    yield "mdy_num", S._DATE_MDY_NUM, S._mdy_num_starts(t)
    yield "case_en", S._CASE_EN, S._case_en_starts(t)
    ids = S._id_starts(t)
    yield "id", S._ID, ids
    yield "uscc", S._USCC, S._credit_code_starts(ids)
    yield "tm_en", S._TM_EN, S._tm_en_starts(t)
    yield "money_suffix", S._MONEY_SUFFIX, S._money_suffix_starts(t)
    yield "speaker", S._SPEAKER, S._speaker_starts(t)
    rt = t[::-1]
    yield "money_prefix_cn", S._MONEY_PREFIX_CN, S._money_prefix_cn_starts(t)
    yield "money_range", S._MONEY_RANGE, S._money_range_starts(t, rt)
    nian = S._finds(t, ("年",))
    yield "date_zh", S._DATE_ZH, [q - d for q in nian for d in (4, 5)]
    yield "date_zh_cn", S._DATE_ZH_CN, [q - 4 for q in nian]
    yield "ymd", S._DATE_YMD, S._finds(t, ("19", "20"))
    yield "order", S._ORDER, S._order_starts(t)
    yield "url_cued", S._URL_CUED, S._url_cued_starts(t)


def _zh_name_rules(t: str):
    quotes = N._quote_starts(t)
    yield "courier", N._courier_re(), N._courier_starts(t)
    yield "shop_cue", N._SHOP_CUE, N._shop_cue_zh_starts(t, quotes)
    yield "shop_before", N._SHOP_BEFORE, quotes
    yield "quoted", N._QUOTED_RE, quotes
    yield "quote_chain", N._QUOTE_CHAIN, quotes
    yield "brand_reg", N._BRAND_REG_QUOTED, N._finds(t, ("第",))
    yield "platform_quoted", N._PLATFORM_QUOTED, quotes


@pytest.mark.parametrize("rules", [_name_rules, _structured_rules, _zh_name_rules],
                         ids=["names", "structured", "zh_names"])
def test_literal_starts_find_what_finditer_finds(rules):
    checked = 0
    for t in TEXTS:
        for name, rx, starts in rules(t):
            want = _spans(rx.finditer(t))
            assert _spans(S.matches_at(rx, t, starts)) == want, (name, t[:80])
            checked += len(want)
    assert checked > 100  # the texts do exercise the rules


def test_edge_texts_match_somewhere():
    """Each rule finds something in the texts above (else the test above proves little for it)."""
    for rules in (_name_rules, _structured_rules, _zh_name_rules):
        found: dict[str, int] = {}
        for t in TEXTS:
            for name, rx, _ in rules(t):
                found[name] = found.get(name, 0) + sum(1 for _ in rx.finditer(t))
        assert not [k for k, n in found.items() if n == 0]


def test_month_names_grouped_by_letter_find_the_alternation_s_matches():
    """``_MONTH_LEAD`` groups the month names by first letter: same matches as one alternation."""
    flat = re.compile("(?:" + "|".join(
        name[0] + r"(?<!\w.)" + name[1:] for name in S._MONTH_RE[3:-4].split("|")) + r")\.?")
    for t in TEXTS:
        assert _spans(S._MONTH_NAME.finditer(t)) == _spans(flat.finditer(t))


def test_brand_latin_form_equals_the_per_document_pattern():
    """``_brand_latin``: what the alternation of the document's brands after a quote finds."""
    checked = 0
    for t in TEXTS:
        brands = {c[3] for c in N.zh_name_candidates(t) if c[2] == "BRAND"}
        for extra in ({"银", "银杉"}, {"YIN", "Y"}, set()):
            bs = brands | extra
            if not bs:
                continue
            alt = N._alternation(sorted(bs))
            want = [(m.span("w"), m.group("w")) for m in
                    re.finditer(rf"[“\"](?:{alt})(?P<w>[A-Z][A-Z0-9]{{2,}})(?![a-z])", t)]
            got = [(m.span(), m.group()) for m in N._brand_latin(t, N._quote_starts(t), bs)]
            assert got == want, t[:80]
            checked += len(want)
    assert checked > 3


def test_zh_loops_replaced_by_patterns_and_sets():
    """The name after a role label, the organisation's window before its suffix, the surname and
    place lookups: as the character loops and the ``fullmatch`` calls they replace."""
    surname, place = N._surname_re(), N._place_re()
    surnames, places = N._surname_set(), N._place_set()
    checked = 0
    for t in TEXTS:
        for m in N._PERSON_LABEL_RE.finditer(t):
            e = m.end()
            seg = t[e:e + 5]
            n = 0
            while n < len(seg) and "\u4e00" <= seg[n] <= "\u9fff" and seg[n] not in N._ZH_STOP_AFTER_NAME:
                n += 1
            assert N._NAME_RUN.match(t, e, e + 5).end() - e == n
            checked += 1
        rt, n_t = t[::-1], len(t)
        for m in N._ORG_SUFFIX.finditer(t):
            s = ws = m.start()
            while ws > 0 and s - ws < 30:
                c = t[ws - 1]
                if "\u4e00" <= c <= "\u9fff" or c in "()" or (c.isascii() and c.isalnum()):
                    ws -= 1
                else:
                    break
            assert s - (N._ORG_BACK.match(rt, n_t - s).end() - (n_t - s)) == ws
            for k in range(1, 7):
                if s - k >= 0:
                    assert (t[s - k:s] in places) == bool(place.fullmatch(t, s - k, s))
        for m in re.finditer("某", t):
            s = m.start()
            for k in (1, 2):
                if s - k >= 0:
                    assert (t[s - k:s] in surnames) == bool(surname.fullmatch(t, s - k, s))
                    checked += 1
    assert checked > 300  # the repository's documents alone (the dev corpus adds more where it exists)


def test_registration_number_check_before_the_quote():
    """The cheap look at the character before a quote chain lets through every chain that
    ``第\\d{5,9}号$`` finds in the 12 characters before it (``$`` also before a final newline)."""
    for t in TEXTS + ["第12345号\n“甲”", "第12345号“乙”", "号\n“丙”"]:
        for chain in N._QUOTE_CHAIN.finditer(t):
            cs = chain.start()
            want = bool(re.search(r"第\d{5,9}号$", t[max(0, cs - 12):cs]))
            cheap = bool(cs and (t[cs - 1] == "号" or t[cs - 1] == "\n" and t[cs - 2:cs - 1] == "号"))
            assert cheap or not want


def test_token_spans_equal_char_span_expand():
    """``_token_spans``: ``doc.char_span(s, e, alignment_mode="expand")`` of every fact."""
    checked = 0
    for lang in ("zh", "en"):
        nlp = P.build_pipeline(lang)
        for t in TEXTS[:40]:
            doc = nlp(t)
            facts = doc.user_data[P.FACTS_KEY]
            want = []
            for s, e, label, value, _c, _v in facts:
                sp = doc.char_span(s, e, label=label, kb_id=value, alignment_mode="expand")
                if sp is not None and len(sp):
                    want.append((sp.start, sp.end, sp.label_, sp.kb_id_))
            assert [(sp.start, sp.end, sp.label_, sp.kb_id_) for sp in doc.spans[P.FACTS_SPANS]] == want
            checked += len(want)
    assert checked > 100


def test_propagation_walk_equals_find():
    """Many names are propagated by one walk over the text instead of ``str.find`` per name."""
    for t in TEXTS:
        words = {w.strip(".,;:()\"“”'") for w in t.split()}
        found = {w: "ORG" for w in sorted(words) if len(w) >= 2}
        by_find: list = []
        by_walk: list = []
        P._propagate_by_find(t, t, found, by_find)
        P._propagate_by_walk(t, t, found, by_walk)
        assert by_walk == by_find


def test_english_path_is_linear():
    """One long line with many organisations, possessives and products (the old organisation rule
    re-read the whole line for each one)."""
    import time

    unit = ("Acme Widgets Co., Ltd. sold it; Acme's lights; I purchased one \"Bike Light Set\" and "
            "Orrin Cycle Works LLC (\"Orrin\") ")
    small, big = unit * 200, unit * 1600
    P.build_pipeline("en")  # compile the patterns first

    def took(text: str) -> float:
        best = 1e9
        for _ in range(2):
            t0 = time.perf_counter()
            N.en_name_candidates(text)
            best = min(best, time.perf_counter() - t0)
        return best

    # 8× the text: well under 8² = 64× the time
    assert took(big) < 20 * took(small) + 0.05


def test_plain_amount_equals_decimal_quantize():
    """``_plain_amount``: the ``Decimal`` result where it answers, None where rounding is needed."""
    from decimal import Decimal

    from litigator.money import quantize

    rnd = random.Random(5)
    nums = ["0", "000", "0.5", "00.05", "12", "1,234", "1,234.5", "1,234,567.89", "7.125", "3.10",
            "9" * 26, "9" * 26 + ".99", "9" * 27, "٣", "1٣", "²", "12.3456"]
    for _ in range(3000):
        whole = "".join(rnd.choice("0123456789") for _ in range(rnd.randint(1, 12)))
        cents = "".join(rnd.choice("0123456789") for _ in range(rnd.randint(0, 4)))
        nums.append(whole + ("." + cents if cents else ""))
    answered = 0
    for num in nums:
        got = S._plain_amount(num)
        if got is not None:
            assert got == str(quantize(Decimal(num.replace(",", "")))), num
            answered += 1
    assert answered > 1000


def test_fold_width_equals_translate():
    """``fold_width`` replaces the foldable characters the text holds: as ``str.translate``."""
    from litigator.facts import text as T

    every = "".join(T._FOLD_CHARS) + "".join(T._FOLD_CHARS.values())
    for t in TEXTS + [every, every[::-1] * 3, "ａ（１２３）：￥５，Ｗ　ｗ〔〕\u00a0"]:
        assert T.fold_width(t) == t.translate(T._FOLD)
        raw = t.translate({ord(v): k for k, v in T._FOLD_CHARS.items() if v.isascii() and v.isalnum()})
        assert T.fold_width(raw) == raw.translate(T._FOLD)


def test_propagation_of_anonymised_names_finds_every_mention():
    """Names with 某 are looked for at the 某 of the text: the same hits as ``str.find`` per name."""
    texts = TEXTS + ["王某某某、王某某、某某、王某、李王某某；王某某王某某，\n王某某\n某王某", "某某某"]
    for t in texts:
        names = {t[m.start() - k:m.end()] for m in re.finditer("某+", t) for k in (1, 2, 3)
                 if m.start() >= k}
        names |= {"王某", "王某某", "某某", "李王某", "X某"}
        found = {v: "PERSON" for v in sorted(names) if len(v) >= 2}
        by_find: list = []
        P._propagate_by_find(t, t, found, by_find)
        want = []
        hits = sorted((i, -len(v), v) for v in found for i in range(len(t)) if t.startswith(v, i))
        last = 0
        for s, neg, _v in hits:
            if s < last:
                continue
            last = s - neg
            if P._ascii_bounded(t, s, last):
                want.append((s, last, "PERSON", t[s:last], None, None))
        assert by_find == want
