"""Which documents a Chinese case gets: each is drafted when its facts exist.

The catalogue is ``ChinaForum.documents``; this module picks the ones a case gets and their
parameters (e.g. one power of attorney per agent). The pipeline drafts exactly these.
"""

from __future__ import annotations

from typing import Any

from litigator.forums import Document


def documents_for(case: Any) -> dict[str, Document]:
    from litigator.forums.cn import FORUM
    from litigator.forums.cn.companions import COMPANIONS, companion_documents

    docs = {name: doc for name, doc in FORUM.documents.items() if name not in COMPANIONS}
    from litigator.forums.cn.element import ELEMENT_COMPLAINT, uses_element_form

    if uses_element_form(case):  # the 要素式 form of 侵害商标权纠纷 by default, narrative otherwise (element.py)
        docs["complaint"] = ELEMENT_COMPLAINT
    docs.update(companion_documents(case))  # the companion filings, each when its facts exist (companions.py)
    return docs
