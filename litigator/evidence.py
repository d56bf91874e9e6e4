"""Exhibits: the files of ``evidence/`` with their sha256, numbered once per draft.

Numbers follow ``order`` in evidence.yaml, then file-name order for files it does not list.
evidence.yaml (beside case.yaml, or inside evidence/) maps each file name (relative to evidence/) to:
title, source, purpose (证明目的), order, pages — each also under its Chinese name (:data:`KEY_ALIASES`).
Unknown keys and entries naming missing files are errors; docs/case-yaml.md documents the format and
``litigator schema evidence`` prints its JSON Schema.

Files that are empty, whose content is not what their name says (an image named ``.txt``), or that are
symbolic links (never exhibits: an exhibit is a file the case folder itself holds) are warned about
(:func:`exhibit_problems`).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from litigator.errors import CaseFileError
from litigator.fields import StrictModel

EVIDENCE_DIR = "evidence"
EVIDENCE_FILE = "evidence.yaml"
IGNORED = {EVIDENCE_FILE, ".DS_Store", "Thumbs.db"}

# The Chinese keys users know from an evidence list (证据目录), accepted beside the English ones.
KEY_ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("名称", "证据名称"),
    "source": ("来源", "证据来源"),
    "purpose": ("证明目的",),
    "pages": ("页数",),
    "order": ("顺序", "序号"),
}


def _keys(name: str) -> AliasChoices:
    return AliasChoices(name, *KEY_ALIASES[name])


class EvidenceEntry(StrictModel):
    """One file of evidence/ in evidence.yaml (keys in English or Chinese)."""

    title: str | None = Field(default=None, validation_alias=_keys("title"),
                              description="证据名称 (default: the file name without its extension)")
    source: str | None = Field(default=None, validation_alias=_keys("source"),
                               description="证据来源, e.g. 原告公证取得, 被告淘宝店铺页面")
    purpose: str | None = Field(default=None, validation_alias=_keys("purpose"),
                                description="证明目的: what the exhibit proves (warned about when missing)")
    order: int | None = Field(default=None, validation_alias=_keys("order"),
                              description="numbering: files with an order come first, lowest first; then the "
                                          "others by file name")
    pages: int | None = Field(default=None, ge=1, validation_alias=_keys("pages"),
                              description="页数 (default: counted for a PDF, else not stated)")


EVIDENCE_FILE_MODEL = dict[str, EvidenceEntry]  # evidence.yaml: file name (relative to evidence/) → entry


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


def evidence_schema() -> dict:
    """JSON Schema of evidence.yaml; the Chinese keys are listed as properties of their own."""
    schema = TypeAdapter(EVIDENCE_FILE_MODEL).json_schema()
    schema["title"] = "evidence.yaml"
    schema["description"] = ("evidence.yaml (beside case.yaml or in evidence/): file name relative to evidence/ "
                             "→ its title, source, purpose of proof, order and pages")
    entry = schema["$defs"]["EvidenceEntry"]
    for name, aliases in KEY_ALIASES.items():
        for alias in aliases:
            entry["properties"][alias] = {**entry["properties"][name], "description": f"= {name}"}
    return schema


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
    from litigator.casefile import _plain, read_yaml, validation_error

    for candidate in (case_dir / EVIDENCE_FILE, case_dir / EVIDENCE_DIR / EVIDENCE_FILE):
        if candidate.is_file():
            raw = read_yaml(candidate)
            if raw is None:
                return candidate, {}
            if not isinstance(raw, dict):
                raise CaseFileError("must map file names to {title, source, purpose, order, pages}", candidate,
                                    "line 1")
            data = {str(name): ({} if entry is None else _plain(entry)) for name, entry in raw.items()}
            try:
                return candidate, TypeAdapter(EVIDENCE_FILE_MODEL).validate_python(data)
            except ValidationError as err:
                raise validation_error(err, raw, candidate, "evidence", root=EVIDENCE_FILE_MODEL) from None
    return None, {}


def _walk_evidence(ev_dir: Path) -> tuple[list[Path], list[Path]]:
    """(regular files, symbolic links) under evidence/, hidden and ignored names left out."""
    files: list[Path] = []
    links: list[Path] = []
    if not ev_dir.is_dir():
        return files, links
    for root, dirs, names in os.walk(ev_dir):  # never follows a linked folder
        base = Path(root)
        for d in list(dirs):
            if d.startswith("."):
                dirs.remove(d)
            elif (base / d).is_symlink():
                links.append(base / d)
        for n in names:
            p = base / n
            if n in IGNORED or n.startswith("."):
                continue
            if p.is_symlink():
                links.append(p)
            elif p.is_file():
                files.append(p)
    return sorted(files), sorted(links)


def collect_exhibits(case_dir: Path) -> list[Exhibit]:
    """Every file of ``case_dir/evidence`` as a numbered exhibit."""
    ev_dir = case_dir / EVIDENCE_DIR
    # Symbolic links are skipped (and warned about): an exhibit is a file the case folder itself holds.
    files, _ = _walk_evidence(ev_dir)
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


# What a file's first bytes say it is, for the formats evidence usually comes in.
_MAGIC: list[tuple[bytes, str, tuple[str, ...]]] = [
    (b"%PDF-", "a PDF", (".pdf",)),
    (b"\x89PNG\r\n\x1a\n", "a PNG image", (".png",)),
    (b"\xff\xd8\xff", "a JPEG image", (".jpg", ".jpeg")),
    (b"GIF8", "a GIF image", (".gif",)),
    (b"PK\x03\x04", "a ZIP package (.docx, .xlsx, .zip …)", (".docx", ".xlsx", ".pptx", ".zip", ".ofd")),
    (b"\xd0\xcf\x11\xe0", "an old Office file (.doc, .xls)", (".doc", ".xls", ".ppt", ".msg")),
]
TEXT_SUFFIXES = (".txt", ".md", ".csv", ".tsv", ".json", ".xml", ".html", ".htm", ".yaml", ".yml", ".eml")


def _content_problem(path: Path) -> str | None:
    """Why the file's content is not what its name says (None: nothing noticed)."""
    suffix = path.suffix.lower()
    try:
        with path.open("rb") as fh:
            head = fh.read(8192)
    except OSError:
        return "cannot be read"
    found = next(((what, suffixes) for magic, what, suffixes in _MAGIC if head.startswith(magic)), None)
    if found and suffix not in found[1]:
        return f"is {found[0]}, not a {suffix or 'file without extension'} file: give it its real extension"
    if suffix in TEXT_SUFFIXES and not head.startswith((b"\xff\xfe", b"\xfe\xff")) and b"\x00" in head:
        return f"is binary, not {suffix} text: give it its real extension"
    if suffix == ".pdf" and not head.lstrip(b"\x00\t\r\n ").startswith(b"%PDF-"):
        return "does not start like a PDF (%PDF-): it may be another kind of file"
    return None


def exhibit_problems(case_dir: Path, exhibits: list[Exhibit]) -> list[tuple[str, str]]:
    """(warning code, message) for files of evidence/ a court would not accept as they are: empty files,
    files whose content is not what their name says, and symbolic links (left out of the exhibits)."""
    problems: list[tuple[str, str]] = []
    for e in exhibits:
        if not e.path.startswith(f"{EVIDENCE_DIR}/"):
            continue
        if e.size == 0:
            problems.append(("EXHIBIT_EMPTY", f"exhibit {e.number} ({e.path}) is an empty file: replace it with "
                                              "the document, or remove it"))
            continue
        why = _content_problem(case_dir / e.path)
        if why:
            problems.append(("EXHIBIT_TYPE_MISMATCH", f"exhibit {e.number} ({e.path}) {why}"))
    _, links = _walk_evidence(case_dir / EVIDENCE_DIR)
    for link in links:
        shown = link.relative_to(case_dir).as_posix()
        problems.append(("EXHIBIT_SYMLINK", f"{shown} is a symbolic link: it is not an exhibit (an exhibit is a "
                                            "file the case folder holds); copy the file in to file it"))
    return problems
