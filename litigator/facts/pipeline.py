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
_PROPAGATE = frozenset(("PERSON", "ORG", "SHOP", "PLATFORM", "BRAND", "PRODUCT", "COURT"))


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


_ASCII_ALNUM = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _ascii_bounded(t: str, s: int, e: int) -> bool:
    """An ASCII name must not continue into letters or digits (``Temu`` in ``Temuxyz``)."""
    if s > 0 and t[s] in _ASCII_ALNUM and t[s - 1] in _ASCII_ALNUM:
        return False
    if e < len(t) and t[e - 1] in _ASCII_ALNUM and t[e] in _ASCII_ALNUM:
        return False
    return True


# ``str.find`` per name reads the text once per name: with many names (they grow with the text) a
# single walk over the text is cheaper, and keeps the propagation linear
_FIND_MAX_NAMES = 200


def _propagate_by_find(t: str, text: str, found: dict[str, str], cands: list) -> None:
    """Mentions of the names: what ``re.finditer("|".join(names, longest first), t)`` finds
    (leftmost, then longest, non-overlapping), by ``str.find`` per name (no per-document regex
    compilation); a mention not bounded by ``_ascii_bounded`` still takes its characters.

    A name with 某 after its first character (邓某某, the anonymised persons of a judgment) is only
    looked for at the 某 of the text after that character, not by reading the whole text."""
    hits = []
    find = t.find
    anchors: dict[str, list[int]] | None = None  # offsets of 某 by the character before
    for v in found:
        k = v.find("某")
        if k > 0:
            if anchors is None:
                anchors = {}
                p = find("某", 1)
                while p >= 0:
                    anchors.setdefault(t[p - 1], []).append(p)
                    p = find("某", p + 1)
            for p in anchors.get(v[k - 1], ()):
                if p >= k and t.startswith(v, p - k):
                    hits.append((p - k, -len(v), v))
            continue
        i = find(v)
        while i >= 0:
            hits.append((i, -len(v), v))
            i = find(v, i + 1)
    hits.sort()
    # ``_ascii_bounded`` inline: only a name that begins (ends) with an ASCII letter or digit can
    # continue a word on its left (right)
    alnum = _ASCII_ALNUM
    n = len(t)
    last = 0
    append = cands.append
    for s, neg, v in hits:
        if s < last:
            continue
        e = s - neg
        last = e
        if s > 0 and v[0] in alnum and t[s - 1] in alnum or e < n and v[-1] in alnum and t[e] in alnum:
            continue
        append((s, e, found[v], text[s:e], None, None))


def _propagate_by_walk(t: str, text: str, found: dict[str, str], cands: list) -> None:
    """The same mentions as ``_propagate_by_find``, by one walk over the text with the names keyed
    by their first two characters (all have 2 or more)."""
    by_start: dict[str, list[str]] = {}
    for v in sorted(found, key=len, reverse=True):
        by_start.setdefault(v[:2], []).append(v)
    i, n = 0, len(t)
    while i < n - 1:
        names = by_start.get(t[i:i + 2])
        if names:
            for v in names:
                if t.startswith(v, i):
                    e = i + len(v)
                    if _ascii_bounded(t, i, e):
                        cands.append((i, e, found[v], text[i:e], None, None))
                    i = e
                    break
            else:
                i += 1
        else:
            i += 1


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
    names = set()
    for c in cands:
        if c[2] in _PROPAGATE:
            names.add((c[0], c[1], c[2]))
            if len(c[3]) >= 2:
                found.setdefault(c[3], c[2])
    mentions: list = []
    if len(found) > _FIND_MAX_NAMES:
        _propagate_by_walk(t, text, found, mentions)
    elif found:
        _propagate_by_find(t, text, found, mentions)
    # a mention where a name of its type already is (mostly where the name was found) sorts right
    # after that name and is never accepted: left out
    cands += [c for c in mentions if (c[0], c[1], c[2]) not in names]

    # priority: structured first (by rank, then longest, then leftmost), then names (longest, rank,
    # leftmost); a stable sort of the indices by precomputed keys (no key function call per candidate)
    rank = STRUCTURED_RANK.get
    keys = [(0, r, c[0] - c[1], c[0]) if (r := rank(c[2])) is not None
            else (1, c[0] - c[1], _NAME_RANK.get(c[2], 9), c[0]) for c in cands]
    taken = bytearray(len(t))
    accepted = []
    for i in sorted(range(len(cands)), key=keys.__getitem__):
        c = cands[i]
        s, e = c[0], c[1]
        # (a repeat of an accepted candidate finds its characters taken)
        if s >= e or taken.find(1, s, e) != -1:
            continue
        taken[s:e] = b"\x01" * (e - s)
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
    import numpy
    from spacy.attrs import IDX
    from spacy.tokens import Span

    if not facts or not len(doc):
        return []
    # (int64 like the offsets searched for: with spaCy's uint64 numpy would convert both to float)
    starts = doc.to_array(IDX).astype(numpy.int64)
    n = len(starts)
    text_len = len(_text(doc)) if TEXT_KEY in doc.user_data else len(doc.text)
    ts_all = (starts.searchsorted([f[0] for f in facts], "right") - 1).tolist()
    te_all = starts.searchsorted([f[1] for f in facts], "left").tolist()
    spans = []
    append = spans.append
    add = doc.vocab.strings.add
    # hashes of this document's labels (a few types) and values (a name is often mentioned again)
    hashes: dict[str, int] = {}
    get = hashes.get
    for (s, e, label, value, _cur, _valid), ts, te in zip(facts, ts_all, te_all):
        if not 0 <= s < e <= text_len or ts < 0 or te <= ts or te > n:
            continue
        lab = get(label)
        if lab is None:
            lab = hashes[label] = add(label)
        kb = get(value)
        if kb is None:
            kb = hashes[value] = add(value)
        append(Span(doc, ts, te, label=lab, kb_id=kb))
    return spans


def _dictionary_patterns(nlp: Language) -> list[dict]:
    patterns = []
    for label, name in (("PLATFORM", "platforms"), ("COURT", "courts"), ("BRAND", "brands"), ("ORG", "orgs")):
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


MAX_CHARS = 100_000_000


@lru_cache(maxsize=4)
def build_pipeline(lang: str) -> Language:
    """The pipeline of one language, built offline (no statistical model)."""
    import spacy

    if lang not in ("zh", "en"):
        raise ValueError(f"unsupported language {lang!r} (zh or en)")
    nlp = spacy.blank(lang)
    # spaCy's 1,000,000-character limit guards memory-hungry parsers and NER; our rule components
    # are linear in the text, so long case files (a 300-page judgment) are read whole.
    nlp.max_length = MAX_CHARS
    # The rules read the text and the phrase patterns match ORTH: no lexical attribute (is_stop, like_num,
    # shape_, norm_ …) is ever read, so none is computed for each new word (a fifth of English tokenizing,
    # every figure of a case file being a new word) — except the language, which doc.lang_ reads (the
    # default currency follows it). Tokens' text and offsets are spaCy's.
    from spacy.attrs import LANG

    nlp.vocab.lex_attr_getters = {LANG: nlp.vocab.lex_attr_getters[LANG]}
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
