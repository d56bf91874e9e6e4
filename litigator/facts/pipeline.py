"""spaCy pipelines per language: ``spacy.blank(lang)`` plus rule components.

Components (registered with ``@Language.component``):

* ``litigator_structured`` – regexes over the width-folded ``doc.text`` (money, dates, numbers …);
* ``span_ruler`` (spaCy's) – phrase patterns from the shipped dictionaries (platforms, courts, brands);
* ``litigator_names_zh`` / ``litigator_names_en`` – cue and suffix rules for names;
* ``litigator_resolve`` – propagates cue-found names to their other mentions, resolves overlaps and
  writes ``doc.spans["facts"]`` (label = type, ``kb_id_`` = normalised value).

The resolved facts are also in ``doc.user_data["litigator_facts"]`` as tuples
``(start, end, type, value, currency, valid)``; offsets index ``doc.text``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from litigator.facts.dictionaries import load
from litigator.facts.names import en_name_candidates, zh_court_candidates, zh_name_candidates
from litigator.facts.structured import STRUCTURED_RANK, structured_candidates
from litigator.facts.text import fold_width

FOLD_KEY = "litigator_folded"
CAND_KEY = "litigator_candidates"
FACTS_KEY = "litigator_facts"
DICT_SPANS = "litigator_dictionary"
FACTS_SPANS = "facts"
_NAME_RANK = {"COURT": 0, "ORG": 1, "SHOP": 2, "PLATFORM": 3, "BRAND": 4, "PRODUCT": 5, "PERSON": 6}
_PROPAGATE = ("PERSON", "ORG", "SHOP", "PLATFORM", "BRAND", "PRODUCT", "COURT")


TEXT_KEY = "litigator_text"


def _text(doc: Doc) -> str:
    """``doc.text`` once (spaCy rebuilds it from the tokens on every access)."""
    t = doc.user_data.get(TEXT_KEY)
    if t is None:
        t = doc.user_data[TEXT_KEY] = doc.text
    return t


def _folded(doc: Doc) -> str:
    t = doc.user_data.get(FOLD_KEY)
    if t is None:
        t = doc.user_data[FOLD_KEY] = fold_width(_text(doc))
    return t


@Language.component("litigator_structured")
def structured_component(doc: Doc) -> Doc:
    lang = doc.lang_ if doc.lang_ in ("zh", "en") else "en"
    doc.user_data.setdefault(CAND_KEY, []).extend(structured_candidates(_text(doc), _folded(doc), lang))
    return doc


_LATIN_NAME = re.compile(r"[A-Z][a-z]+ (?:[A-Z]\. )?[A-Z][a-z]+|\b(?:LLC|Inc|Ltd|Co)\b")


@Language.component("litigator_names_zh")
def names_zh_component(doc: Doc) -> Doc:
    t = _folded(doc)
    cands = doc.user_data.setdefault(CAND_KEY, [])
    cands.extend(zh_name_candidates(t))
    cands.extend(zh_court_candidates(t))
    if _LATIN_NAME.search(t):  # English names inside Chinese files (Amazon sellers …)
        cands.extend(en_name_candidates(t))
    return doc


@Language.component("litigator_names_en")
def names_en_component(doc: Doc) -> Doc:
    t = _folded(doc)
    cands = doc.user_data.setdefault(CAND_KEY, [])
    cands.extend(en_name_candidates(t))
    if re.search(r"[\u4e00-\u9fff]", t):
        cands.extend(zh_name_candidates(t))
        cands.extend(zh_court_candidates(t))
    return doc


def _ascii_bounded(t: str, s: int, e: int) -> bool:
    """An ASCII name must not continue into letters or digits (``Temu`` in ``Temuxyz``)."""
    if t[s].isascii() and t[s].isalnum() and s > 0 and t[s - 1].isascii() and t[s - 1].isalnum():
        return False
    if t[e - 1].isascii() and t[e - 1].isalnum() and e < len(t) and t[e].isascii() and t[e].isalnum():
        return False
    return True


@Language.component("litigator_resolve")
def resolve_component(doc: Doc) -> Doc:
    t = _folded(doc)
    text = _text(doc)
    cands: list = doc.user_data.pop(CAND_KEY, [])
    for span in doc.spans.get(DICT_SPANS, []):
        s, e = span.start_char, span.end_char
        if _ascii_bounded(t, s, e):
            cands.append((s, e, span.label_, text[s:e], None, None))
    # Names found by a cue are also facts at their other mentions in the document.
    found: dict[str, str] = {}
    for c in cands:
        if c[2] in _PROPAGATE and len(c[3]) >= 2:
            found.setdefault(c[3], c[2])
    if found:
        rx = re.compile("|".join(re.escape(v) for v in sorted(found, key=len, reverse=True)))
        for m in rx.finditer(t):
            v = m.group()
            if _ascii_bounded(t, m.start(), m.end()):
                cands.append((m.start(), m.end(), found[v], text[m.start():m.end()], None, None))

    def priority(c):
        rank = STRUCTURED_RANK.get(c[2])
        if rank is not None:
            return (0, rank, c[0] - c[1], c[0])
        return (1, c[0] - c[1], _NAME_RANK.get(c[2], 9), c[0])

    taken = bytearray(len(t))
    accepted = []
    seen = set()
    for c in sorted(cands, key=priority):
        s, e = c[0], c[1]
        if s >= e or (c[0], c[1], c[2], c[3]) in seen:
            continue
        if taken.find(1, s, e) != -1:
            continue
        taken[s:e] = b"\x01" * (e - s)
        seen.add((c[0], c[1], c[2], c[3]))
        accepted.append(c)
    accepted.sort()
    accepted = [c if c[2] in STRUCTURED_RANK else (c[0], c[1], c[2], text[c[0]:c[1]], c[4], c[5])
                for c in accepted]
    doc.user_data[FACTS_KEY] = accepted
    spans = []
    for s, e, label, value, _cur, _valid in accepted:
        span = doc.char_span(s, e, label=label, kb_id=value, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans[FACTS_SPANS] = spans
    for k in (TEXT_KEY, FOLD_KEY):
        doc.user_data.pop(k, None)
    return doc


def _dictionary_patterns(nlp: Language) -> list[dict]:
    patterns = []
    for label, name in (("PLATFORM", "platforms"), ("COURT", "courts"), ("BRAND", "brands")):
        for entry in load(name):
            forms = {entry}
            if entry.isascii() and label == "PLATFORM":
                forms.add(entry.upper())
            for form in forms:
                patterns.append({"label": label, "pattern": form})
    return patterns


class _KeepText:
    """Wraps the language's tokenizer and keeps the input string in ``doc.user_data``.

    Components then read the string instead of ``doc.text``, which spaCy rebuilds token by token
    (for Chinese, character by character) on every access.
    """

    def __init__(self, tokenizer) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        doc = self.tokenizer(text)
        doc.user_data[TEXT_KEY] = text
        return doc

    def __getattr__(self, name: str):
        return getattr(self.tokenizer, name)


@lru_cache(maxsize=4)
def build_pipeline(lang: str) -> Language:
    """The pipeline of one language, built offline (no statistical model)."""
    import spacy

    if lang not in ("zh", "en"):
        raise ValueError(f"unsupported language {lang!r} (zh or en)")
    nlp = spacy.blank(lang)
    nlp.tokenizer = _KeepText(nlp.tokenizer)
    nlp.add_pipe("litigator_structured")
    ruler = nlp.add_pipe("span_ruler", name="litigator_dictionary",
                         config={"spans_key": DICT_SPANS, "phrase_matcher_attr": "ORTH",
                                 "overwrite": True})
    ruler.add_patterns(_dictionary_patterns(nlp))
    nlp.add_pipe(f"litigator_names_{lang}")
    nlp.add_pipe("litigator_resolve")
    return nlp


def extract_text(text: str, lang: str) -> list[tuple]:
    """Resolved facts of one text as ``(start, end, type, value, currency, valid)`` tuples."""
    doc = build_pipeline(lang)(text)
    return doc.user_data[FACTS_KEY]
