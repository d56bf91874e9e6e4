"""Exhibits: the files of ``evidence/`` with their sha256, numbered once per draft.

Numbers follow ``order`` in evidence.yaml, then file-name order for files it does not list.
evidence.yaml (beside case.yaml, or inside evidence/) gives per file: title, source, purpose
(证明目的), order, pages. Unknown keys and entries naming missing files are errors.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from litigator.errors import CaseFileError
from litigator.fields import StrictModel

EVIDENCE_DIR = "evidence"
EVIDENCE_FILE = "evidence.yaml"
IGNORED = {EVIDENCE_FILE, ".DS_Store", "Thumbs.db"}


class EvidenceEntry(StrictModel):
    title: str | None = None
    source: str | None = None
    purpose: str | None = None
    order: int | None = None
    pages: int | None = Field(default=None, ge=1)


class Exhibit(BaseModel):
    model_config = ConfigDict(extra="forbid")

    number: int
    path: str = Field(description="relative to the case folder, e.g. evidence/01-notarial-record.txt")
    title: str
    source: str | None = None
    purpose: str | None = None
    pages: int | None = None
    sha256: str
    size: int


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _pdf_pages(path: Path) -> int | None:
    try:
        from pypdf import PdfReader

        return len(PdfReader(str(path)).pages)
    except Exception:  # an unreadable PDF is still an exhibit; the page count stays unknown
        return None


def _entries(case_dir: Path) -> tuple[Path | None, dict[str, EvidenceEntry]]:
    from litigator.casefile import format_loc, key_line, read_yaml

    for candidate in (case_dir / EVIDENCE_FILE, case_dir / EVIDENCE_DIR / EVIDENCE_FILE):
        if candidate.is_file():
            raw = read_yaml(candidate)
            if raw is None:
                return candidate, {}
            if not isinstance(raw, dict):
                raise CaseFileError("must map file names to {title, source, purpose, order}", candidate, "line 1")
            out: dict[str, EvidenceEntry] = {}
            for name, entry in raw.items():
                try:
                    out[str(name)] = EvidenceEntry.model_validate(dict(entry or {}))
                except ValidationError as err:
                    e = err.errors(include_url=False)[0]
                    loc = (name, *e["loc"])
                    line = key_line(raw, loc)
                    msg = (f"unknown key {e['loc'][-1]!r}" if e["type"] == "extra_forbidden"
                           else e["msg"].removeprefix("Value error, "))
                    where = f"{line}: {format_loc(loc)}" if line else format_loc(loc)
                    raise CaseFileError(msg, candidate, where) from None
                except (TypeError, ValueError):
                    raise CaseFileError("entry must be a mapping", candidate, str(name)) from None
            return candidate, out
    return None, {}


def collect_exhibits(case_dir: Path) -> list[Exhibit]:
    """Every file of ``case_dir/evidence`` as a numbered exhibit."""
    ev_dir = case_dir / EVIDENCE_DIR
    # Symbolic links are skipped: an exhibit is a file the case folder itself holds.
    files = sorted(p for p in ev_dir.rglob("*") if p.is_file() and not p.is_symlink()
                   and p.name not in IGNORED and not p.name.startswith(".")) if ev_dir.is_dir() else []
    yaml_path, entries = _entries(case_dir)
    by_name = {p.relative_to(ev_dir).as_posix(): p for p in files}
    for name in entries:
        if name not in by_name:
            raise CaseFileError(f"names {name!r}, which is not a file in evidence/", yaml_path)
    ordered = sorted(by_name, key=lambda n: (entries.get(n, EvidenceEntry()).order is None,
                                             entries.get(n, EvidenceEntry()).order or 0, n))
    exhibits = []
    for number, name in enumerate(ordered, start=1):
        p = by_name[name]
        e = entries.get(name, EvidenceEntry())
        exhibits.append(Exhibit(
            number=number, path=f"{EVIDENCE_DIR}/{name}", title=e.title or p.stem,
            source=e.source, purpose=e.purpose,
            pages=e.pages or (_pdf_pages(p) if p.suffix.lower() == ".pdf" else None),
            sha256=sha256_file(p), size=p.stat().st_size))
    return exhibits
