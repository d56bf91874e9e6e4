"""The English rules are tried only where a cheap literal scan says a match can begin
(``matches_at``): each such rule must find exactly what ``rx.finditer(text)`` finds. If a rule's
pattern changes, its start words must still cover every place where a match can begin."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from litigator.facts import names as N
from litigator.facts import pipeline as P
from litigator.facts import structured as S
from litigator.facts.readers import read_text
from litigator.facts.text import fold_width

from .conftest import DEV

DOCS = Path(__file__).parent / "docs"

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
]


def _texts() -> list[str]:
    texts = list(EDGE)
    texts += [read_text(p).text for p in sorted(DOCS.glob("*.txt"))]
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


@pytest.mark.parametrize("rules", [_name_rules, _structured_rules], ids=["names", "structured"])
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
    for rules in (_name_rules, _structured_rules):
        found: dict[str, int] = {}
        for t in TEXTS:
            for name, rx, _ in rules(t):
                found[name] = found.get(name, 0) + sum(1 for _ in rx.finditer(t))
        assert not [k for k, n in found.items() if n == 0]


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
