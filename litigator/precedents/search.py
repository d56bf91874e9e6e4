"""Search the precedent library: filters, and a free-text query ranked by TF-IDF (scikit-learn).

Each precedent's text is its title, court, case number or citation, cause, product, brands, basis,
sales and notes. The analyser cuts Latin text into lower-case words and Chinese (CJK) text into
character unigrams and bigrams, so a Chinese query needs no word segmenter (「猫粮」 finds 猫粮, and
「假冒猫粮」 finds it too). Documents are ranked by the cosine similarity of their TF-IDF vectors
(``TfidfVectorizer`` with sublinear term frequency); with no query, by date, newest first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from litigator.precedents.library import Library
from litigator.precedents.model import Precedent

_LATIN = re.compile(r"[a-z0-9]+(?:[.'&-][a-z0-9]+)*")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def analyse(text: str) -> list[str]:
    """Terms of ``text``: Latin words (lower case) and CJK character unigrams and bigrams."""
    text = text.lower()
    terms = _LATIN.findall(text)
    for run in _CJK.findall(text):
        terms.extend(run)
        terms.extend(run[i:i + 2] for i in range(len(run) - 1))
    return terms


def document(p: Precedent) -> str:
    parts = [p.title, p.court or "", p.case_number or "", p.citation or "", p.cause, p.cause_text or "",
             p.product or "", p.product_category or "", " ".join(p.brands), p.basis_note or "",
             p.sales.note if p.sales else "", p.notes or "", p.plaintiff_type, p.defendant_type]
    return "\n".join(parts)


@dataclass(frozen=True)
class Filters:
    forum: str | None = None
    cause: str | None = None
    plaintiff_type: str | None = None
    brand: str | None = None
    product_category: str | None = None
    court: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    min_award: Decimal | None = None
    max_award: Decimal | None = None

    def keep(self, p: Precedent) -> bool:
        award = p.awarded.total if p.awarded else None
        checks = [
            self.forum is None or p.forum == self.forum,
            self.cause is None or p.cause == self.cause,
            self.plaintiff_type is None or p.plaintiff_type == self.plaintiff_type,
            self.brand is None or any(self.brand.casefold() in b.casefold() for b in p.brands),
            self.product_category is None or p.product_category == self.product_category,
            self.court is None or (p.court is not None and self.court.casefold() in p.court.casefold()),
            self.year_from is None or (p.year is not None and p.year >= self.year_from),
            self.year_to is None or (p.year is not None and p.year <= self.year_to),
            self.min_award is None or (award is not None and award >= self.min_award),
            self.max_award is None or (award is not None and award <= self.max_award),
        ]
        return all(checks)


@dataclass(frozen=True)
class Hit:
    precedent: Precedent
    score: float | None  # cosine similarity to the query; None without a query


def search(library: Library, query: str | None = None, filters: Filters | None = None,
           limit: int | None = 20) -> list[Hit]:
    """Precedents passing ``filters``, ranked by ``query`` (if any); at most ``limit``."""
    filters = filters or Filters()
    pool = [p for p in library.precedents() if filters.keep(p)]
    if not query or not query.strip():
        pool.sort(key=lambda p: (-_when(p).toordinal(), p.id))
        return [Hit(p, None) for p in pool[:limit]]
    if not pool or not analyse(query):
        return []
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectoriser = TfidfVectorizer(analyzer=analyse, sublinear_tf=True)
    matrix = vectoriser.fit_transform([document(p) for p in pool])
    scores = (matrix @ vectoriser.transform([query]).T).toarray().ravel()
    ranked = sorted(((float(s), p) for s, p in zip(scores, pool) if s > 0), key=lambda sp: (-sp[0], sp[1].id))
    return [Hit(p, round(s, 4)) for s, p in ranked[:limit]]


def _when(p: Precedent):
    """For sorting, newest first: the date, else 31 December of the year, else the earliest date."""
    import datetime as dt

    return p.date or (dt.date(p.year, 12, 31) if p.year else dt.date.min)
