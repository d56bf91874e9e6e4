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


# "[A-Z][a-z]+ (?:[A-Z]\. )?[A-Z][a-z]+|\b(?:LLC|Inc|Ltd|Co)\b" with the capital first (fast scan)
_LATIN_NAME = re.compile(r"[A-Z](?:[a-z]+ (?:[A-Z]\. )?[A-Z][a-z]+|(?<=L)(?<!\w.)(?:LC|td)\b"
                         r"|(?<=I)(?<!\w.)nc\b|(?<=C)(?<!\w.)o\b)")


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
        # what ``re.finditer("|".join(names, longest first), t)`` finds (leftmost, then longest,
        # non-overlapping), by ``str.find`` per name: no per-document regex compilation
        hits = []
        for v in found:
            i = t.find(v)
            while i >= 0:
                hits.append((i, -len(v), v))
                i = t.find(v, i + 1)
        hits.sort()
        last = 0
        for s, neg, v in hits:
            if s < last:
                continue
            e = s - neg
            last = e
            if _ascii_bounded(t, s, e):
                cands.append((s, e, found[v], text[s:e], None, None))

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
    doc.spans[FACTS_SPANS] = _token_spans(doc, accepted)
    for k in (TEXT_KEY, FOLD_KEY):
        doc.user_data.pop(k, None)
    return doc


def _token_spans(doc: Doc, facts: list[tuple]) -> list:
    """``doc.char_span(s, e, alignment_mode="expand")`` for each fact, by bisecting the token offsets
    once (``char_span`` looks tokens up one by one, which for Chinese is one per character)."""
    from spacy.attrs import IDX
    from spacy.tokens import Span

    if not facts or not len(doc):
        return []
    starts = doc.to_array(IDX)
    n = len(starts)
    text_len = len(_text(doc)) if TEXT_KEY in doc.user_data else len(doc.text)
    ts_all = (starts.searchsorted([f[0] for f in facts], "right") - 1).tolist()
    te_all = starts.searchsorted([f[1] for f in facts], "left").tolist()
    spans = []
    for (s, e, label, value, _cur, _valid), ts, te in zip(facts, ts_all, te_all):
        if not 0 <= s < e <= text_len or ts < 0 or te <= ts or te > n:
            continue
        spans.append(Span(doc, ts, te, label=label, kb_id=value))
    return spans


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


_WS = re.compile(r"\s+")


def char_words(text: str) -> tuple[list[str], list[bool]]:
    """Words and spaces of spaCy's Chinese ``char`` segmentation, without its per-character loop.

    Same result as ``spacy.util.get_words_and_spaces(list(text), text)``: every non-space character
    is a token; one ``" "`` after a token is its trailing space; any other whitespace run is a token.
    """
    words: list[str] = []
    spaces: list[bool] = []
    pos = 0
    for m in _WS.finditer(text):
        s, e = m.span()
        if s > pos:
            words.extend(text[pos:s])
            spaces.extend([False] * (s - pos))
            if text[s] == " ":
                spaces[-1] = True
                s += 1
        if e > s:
            words.append(text[s:e])
            spaces.append(False)
        pos = e
    if pos < len(text):
        words.extend(text[pos:])
        spaces.extend([False] * (len(text) - pos))
    return words, spaces


class _KeepText:
    """Wraps the language's tokenizer and keeps the input string in ``doc.user_data``.

    Components then read the string instead of ``doc.text``, which spaCy rebuilds token by token
    (for Chinese, character by character) on every access. Chinese ``char`` segmentation is done
    here (same tokens as spaCy's, see ``char_words``), twice as fast as spaCy's aligning loop.
    """

    def __init__(self, tokenizer) -> None:
        self.tokenizer = tokenizer
        self.char_segmentation = getattr(tokenizer, "segmenter", None) == "char"

    def __call__(self, text: str) -> Doc:
        if self.char_segmentation:
            words, spaces = char_words(text)
            doc = Doc(self.tokenizer.vocab, words=words, spaces=spaces)
        else:
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
