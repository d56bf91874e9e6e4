"""The annotated documents of tests/facts/corpus/ (written for these tests, kinds the dev set lacks:
bank statements, Pinduoduo/Douyin/1688/eBay/AliExpress listings, logistics records, summonses, an
administrative penalty decision) scored like bench/facts_eval.py, so CI measures what the dev corpus
(not in the repository) cannot."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from litigator.facts import extract_text_facts
from litigator.facts.model import NAME_TYPES, STRUCTURED_TYPES

from .conftest import DEV

CORPUS = Path(__file__).parent / "corpus"


def _key(f: dict) -> tuple:
    return (f["type"], f["value"], f.get("currency") if f["type"] == "MONEY" else None)


def _micro(folders: list[Path]) -> dict[str, float]:
    tp = {"s": 0, "n": 0}
    fp = dict(tp)
    fn = dict(tp)
    for folder in folders:
        for gold_path in sorted(folder.glob("*.gold.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            text = (folder / gold["file"]).read_text(encoding="utf-8")
            facts = extract_text_facts(text, gold["file"])
            assert all(text[f.start:f.end] == f.text for f in facts)
            pred = {_key(f.model_dump()) for f in facts if f.type != "QUANTITY"}
            want = {_key(f) for f in gold["facts"]}
            for group, types in (("s", STRUCTURED_TYPES), ("n", NAME_TYPES)):
                p = {k for k in pred if k[0] in types}
                w = {k for k in want if k[0] in types}
                tp[group] += len(p & w)
                fp[group] += len(p - w)
                fn[group] += len(w - p)
    return {g: 2 * tp[g] / (2 * tp[g] + fp[g] + fn[g]) for g in tp}


def test_the_corpus_has_twelve_documents_or_more_in_both_languages():
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in CORPUS.glob("*.gold.json")]
    assert len(golds) >= 12
    assert {g["lang"] for g in golds} == {"zh", "en"}
    for g in golds:
        text = (CORPUS / g["file"]).read_text(encoding="utf-8")
        assert all(f["text"] in text for f in g["facts"]), g["file"]


def test_new_documents_score_structured_098_and_names_095():
    f1 = _micro([CORPUS])
    assert f1["s"] >= 0.98
    assert f1["n"] >= 0.95


@pytest.mark.skipif(not DEV.is_dir(), reason="dev corpus not present")
def test_dev_plus_new_documents_score_structured_098_and_names_095():
    f1 = _micro([DEV, CORPUS])
    assert f1["s"] >= 0.98
    assert f1["n"] >= 0.95
