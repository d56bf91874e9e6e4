"""Score `litigator facts` against a gold folder (NAME.txt + NAME.gold.json, dev corpus format).

Usage: python bench/facts_eval.py DIR [--verbose]

Prints precision, recall and F1 per type, micro-averaged over distinct (type, value[, currency])
pairs per document, for the structured types and the name types separately, and the share of gold
`proposed` values that the proposals get right. Exit 1 if any span is not exact.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from litigator.facts import extract_text_facts, read_text  # noqa: E402
from litigator.facts.model import NAME_TYPES, STRUCTURED_TYPES  # noqa: E402
from litigator.facts.proposals import proposals_from_facts  # noqa: E402


def key(fact: dict) -> tuple:
    return (fact["type"], fact["value"], fact.get("currency") if fact["type"] == "MONEY" else None)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    folder = Path(argv[0])
    verbose = "--verbose" in argv
    counts: dict[str, Counter] = {}
    span_errors = 0
    prop_right = prop_total = prop_extra = 0
    for gold_path in sorted(folder.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        txt = folder / gold["file"]
        decoded = read_text(txt)
        facts = extract_text_facts(decoded.text, str(txt), gold.get("lang", "auto") if False else "auto")
        for f in facts:
            if decoded.text[f.start:f.end] != f.text:
                span_errors += 1
        pred = {key(f.model_dump()) for f in facts if f.type != "QUANTITY"}
        gold_set = {key(f) for f in gold["facts"] if f["type"] != "QUANTITY"}
        for t in set(x[0] for x in pred | gold_set):
            c = counts.setdefault(t, Counter())
            c["tp"] += len({x for x in pred & gold_set if x[0] == t})
            c["fp"] += len({x for x in pred - gold_set if x[0] == t})
            c["fn"] += len({x for x in gold_set - pred if x[0] == t})
        if verbose:
            for x in sorted(pred - gold_set, key=str):
                print(f"  FP {gold['file']}: {x}")
            for x in sorted(gold_set - pred, key=str):
                print(f"  FN {gold['file']}: {x}")
        if "proposed" in gold:
            got = {p.key: p for p in proposals_from_facts(facts, {str(txt): decoded.text})}
            for k, v in gold["proposed"].items():
                prop_total += 1
                p = got.get(k)
                if k == "purchase_amount":
                    ok = p is not None and p.value == v["value"] and p.currency == v["currency"]
                else:
                    ok = p is not None and p.value == v
                prop_right += ok
                if verbose and not ok:
                    print(f"  PROPOSAL {gold['file']}: {k} gold={v} got={p.value if p else None}")
            prop_extra += len(set(got) - set(gold["proposed"]))
    print(f"{'type':<15}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>5}{'fn':>5}")
    for group, types in (("structured", STRUCTURED_TYPES), ("names", NAME_TYPES)):
        tot = Counter()
        for t in types:
            c = counts.get(t, Counter())
            tot.update(c)
            p, r, f = prf(c["tp"], c["fp"], c["fn"])
            print(f"{t:<15}{p:>7.3f}{r:>7.3f}{f:>7.3f}{c['tp']:>6}{c['fp']:>5}{c['fn']:>5}")
        p, r, f = prf(tot["tp"], tot["fp"], tot["fn"])
        print(f"{'MICRO ' + group:<15}{p:>7.3f}{r:>7.3f}{f:>7.3f}{tot['tp']:>6}{tot['fp']:>5}{tot['fn']:>5}")
        print()
    acc = prop_right / prop_total if prop_total else 1.0
    print(f"proposals: {prop_right}/{prop_total} right = {acc:.3f} (keys proposed beyond gold: {prop_extra})")
    print(f"span errors (text != file_text[start:end]): {span_errors}")
    return 1 if span_errors else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
