"""Which documents a Chinese case gets: each is drafted when its facts exist.

The catalogue is ``ChinaForum.documents``; this module picks the ones a case gets and their
parameters (e.g. one power of attorney per agent). The pipeline drafts exactly these.
"""

from __future__ import annotations

from typing import Any

from litigator.forums import Document


def documents_for(case: Any) -> dict[str, Document]:
    from litigator.forums.cn import FORUM

    return {name: doc for name, doc in FORUM.documents.items()}
