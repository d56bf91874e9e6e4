"""Throughput of the facts pipelines on one core, beside spaCy's bare blank tokenizer.

Usage: python bench/facts_speed.py [--mb 5] [--corpus DIR] [--rounds 3] [--seed 7]

Builds at least ``--mb`` MB of text per language from the dev corpus with a seeded generator:
documents of 2–20 KB, each made of runs of paragraphs from randomly chosen corpus files, with
figures re-drawn digit by digit, anonymised surnames and capitalised words swapped, so no two
documents (and few paragraphs) are alike and nothing can be served from a cache. Prints characters
per second of

* ``tokenizer``: the stock ``spacy.blank(lang).make_doc`` on the very same texts (the baseline);
* ``facts``: the full facts pipeline, ``nlp(text)`` per document incl. span resolution;
* ``own tok``: the pipeline's own ``nlp.make_doc`` (for Chinese a faster equivalent of spaCy's
  character segmentation, same tokens).

Each figure is the median of ``--rounds`` runs (default 5; the machine is shared), each round on new
texts (another seed), since spaCy's tokenizer caches the strings it has seen; ``ratio`` is the median
of the rounds' own facts/tokenizer ratios, ``best`` the best round's ratio. Targets: facts ≥ half the
tokenizer, and ≥ 300,000 chars/s for Chinese, ≥ 600,000 for English.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "dev"
TARGETS = {"zh": 300_000, "en": 600_000}
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
_CAP_WORD = re.compile(r"\b[A-Z][a-z]{2,}\b")
_ANON = re.compile(r"[\u4e00-\u9fff](?=某)")


def _vary(par: str, rnd: random.Random, capitals: list[str]) -> str:
    par = re.sub(r"\d", lambda m: str(rnd.randrange(10)) if rnd.random() < 0.5 else m.group(), par)
    par = _ANON.sub(lambda m: rnd.choice(_SURNAMES), par)
    if capitals:
        par = _CAP_WORD.sub(lambda m: rnd.choice(capitals) if rnd.random() < 0.2 else m.group(), par)
    return par


def documents(folder: Path, prefix: str, megabytes: float, seed: int = 7) -> list[str]:
    """Seeded, varied documents of 2–20 KB (UTF-8) built from ``folder/prefix*.txt``."""
    base = [p.read_text(encoding="utf-8") for p in sorted(folder.glob(f"{prefix}*.txt"))]
    if not base:
        raise SystemExit(f"no {prefix}*.txt in {folder}")
    rnd = random.Random(seed)
    paragraphs = [[p for p in doc.split("\n")] for doc in base]
    capitals = sorted({w for doc in base for w in _CAP_WORD.findall(doc)})
    out, size = [], 0
    while size < megabytes * 1_000_000:
        target = rnd.randint(2_000, 20_000)
        parts: list[str] = []
        n = 0
        while n < target:
            pars = rnd.choice(paragraphs)
            i = rnd.randrange(len(pars))
            run = "\n".join(_vary(p, rnd, capitals) for p in pars[i:i + rnd.randint(3, 30)])
            parts.append(run)
            n += len(run.encode("utf-8")) + 1
        doc = "\n".join(parts) + "\n"
        out.append(doc)
        size += len(doc.encode("utf-8"))
    return out


def rate(fn, docs: list[str]) -> float:
    chars = sum(map(len, docs))
    start = time.perf_counter()
    for d in docs:
        fn(d)
    return chars / (time.perf_counter() - start)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    import spacy

    from litigator.facts.pipeline import build_pipeline

    print(f"{'lang':<5}{'MB':>5}{'docs':>6}{'chars':>10}{'tokenizer c/s':>15}{'facts c/s':>12}{'ratio':>7}"
          f"{'best':>6}{'own tok c/s':>13}")
    for lang, prefix in (("zh", "dzh"), ("en", "den")):
        blank = spacy.blank(lang)
        nlp = build_pipeline(lang)
        toks, fulls, owns, ratios = [], [], [], []
        for r in range(max(1, args.rounds)):
            # new texts every round: spaCy's tokenizer caches the strings it has seen, so timing the
            # same texts again would measure its cache, not tokenizing
            docs = documents(args.corpus, prefix, args.mb, args.seed + 1000 * r)
            if r == 0:
                nlp(docs[-1][:2000])  # warm up (compiles patterns)
            toks.append(rate(blank.make_doc, docs))
            fulls.append(rate(nlp, docs))
            owns.append(rate(nlp.make_doc, docs))
            ratios.append(fulls[-1] / toks[-1])
        tok, full, own, ratio = (statistics.median(x) for x in (toks, fulls, owns, ratios))
        mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
        flag = "" if full >= TARGETS[lang] and ratio >= 0.5 else "  BELOW TARGET"
        print(f"{lang:<5}{mb:>5.1f}{len(docs):>6}{sum(map(len, docs)):>10}{tok:>15,.0f}{full:>12,.0f}"
              f"{ratio:>7.2f}{max(ratios):>6.2f}{own:>13,.0f}{flag}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
