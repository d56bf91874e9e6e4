"""Shipped name dictionaries (litigator/facts/data/*.txt), extensible by the user.

Set ``LITIGATOR_FACTS_DATA`` to a folder holding files of the same names (platforms.txt,
courts.txt, brands.txt, orgs.txt, couriers.txt, places.txt, surnames.txt): their entries are added.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"
DICTIONARY_NAMES = ("platforms", "courts", "brands", "orgs", "couriers", "places", "surnames")


def _read(path: Path) -> list[str]:
    out: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip() if line.lstrip().startswith("#") else line.strip()
        if line:
            out.append(line)
    return out


@lru_cache(maxsize=None)
def load(name: str) -> tuple[str, ...]:
    """Entries of one dictionary: the shipped file plus the user's, in order, deduplicated."""
    paths = [DATA_DIR / f"{name}.txt"]
    extra = os.environ.get("LITIGATOR_FACTS_DATA")
    if extra:
        paths.append(Path(extra) / f"{name}.txt")
    seen: dict[str, None] = {}
    for p in paths:
        if p.is_file():
            for line in _read(p):
                for entry in (line.split() if name == "surnames" else [line]):
                    seen.setdefault(entry, None)
    return tuple(seen)
