"""Throughput of the facts pipelines on one core, beside spaCy's bare blank tokenizer.

Usage: python bench/facts_speed.py [--mb 5] [--corpus DIR]

Builds at least 5 MB of text per language by repeating the dev corpus files (one document per file
copy) and prints characters per second of: the bare tokenizer (``spacy.blank(lang).make_doc``) and
the full facts pipeline (``nlp(text)`` incl. span resolution). No assertion: read the figures.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "dev"


def documents(folder: Path, prefix: str, megabytes: float) -> list[str]:
    base = [p.read_text(encoding="utf-8") for p in sorted(folder.glob(f"{prefix}*.txt"))]
    if not base:
        raise SystemExit(f"no {prefix}*.txt in {folder}")
    out, size, i = [], 0, 0
    while size < megabytes * 1_000_000:
        # vary digits a little so every copy is a distinct document
        doc = base[i % len(base)].replace("2023", str(2000 + i % 30))
        out.append(doc)
        size += len(doc.encode("utf-8"))
        i += 1
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
    args = ap.parse_args()
    import spacy

    from litigator.facts.pipeline import build_pipeline

    print(f"{'lang':<5}{'MB':>6}{'chars':>11}{'tokenizer c/s':>16}{'facts c/s':>14}{'ratio':>8}")
    for lang, prefix, floor in (("zh", "dzh", 300_000), ("en", "den", 600_000)):
        docs = documents(args.corpus, prefix, args.mb)
        blank = spacy.blank(lang)
        nlp = build_pipeline(lang)
        nlp(docs[0])  # warm up (compiles patterns)
        tok = rate(blank.make_doc, docs)
        full = rate(nlp, docs)
        mb = sum(len(d.encode('utf-8')) for d in docs) / 1e6
        flag = "" if full >= floor and full >= tok / 2 else "  BELOW TARGET"
        print(f"{lang:<5}{mb:>6.1f}{sum(map(len, docs)):>11}{tok:>16,.0f}{full:>14,.0f}{full / tok:>8.2f}{flag}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
