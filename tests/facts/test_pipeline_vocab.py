"""The facts pipeline computes no lexical attribute but the language for new words (its rules never read
them; doc.lang_ sets the default currency): the facts and their spans are those of the same pipeline with
spaCy's lexical attributes on, and tokens keep spaCy's text and offsets."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from litigator.facts.pipeline import FACTS_KEY, build_pipeline
from litigator.facts.readers import read_text

CORPUS = Path(__file__).parent / "corpus"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_facts_are_the_same_with_lexical_attributes(lang):
    from spacy.attrs import LANG

    ours = build_pipeline(lang)
    assert set(ours.vocab.lex_attr_getters) == {LANG} and ours(text="x").lang_ == lang
    full = build_pipeline.__wrapped__(lang)  # a second pipeline, not the cached one
    full.vocab.lex_attr_getters = dict(spacy.blank(lang).vocab.lex_attr_getters)
    assert full.vocab.lex_attr_getters
    texts = [read_text(p).text for p in sorted(CORPUS.glob("*.txt"))
             if (p.name.startswith("nen") if lang == "en" else p.name.startswith("nzh"))]
    assert texts
    for text in texts:
        a, b = ours(text), full(text)
        assert a.user_data[FACTS_KEY] == b.user_data[FACTS_KEY]
        assert [(s.start, s.end, s.label_, s.kb_id_) for s in a.spans["facts"]] == \
               [(s.start, s.end, s.label_, s.kb_id_) for s in b.spans["facts"]]
        assert [(t.idx, t.text) for t in a] == [(t.idx, t.text) for t in spacy.blank(lang).make_doc(text)]
