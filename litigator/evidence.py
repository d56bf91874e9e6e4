"""Exhibits: the files of ``evidence/`` with their sha256, numbered once per draft.

One sequence of numbers per draft (the complaint cites （证据N）): when evidence.yaml gives groups, the
exhibits go by group (right, infringement, liability, other: the element-style form's 1-x … 4-x), then by
``order``, then by file name, so each group's numbers are consecutive; without groups, by ``order`` then
file name. An exhibit drafting makes (the sales extract) joins with :func:`add_exhibit`, last in its group
(last of all without groups), and the list is renumbered before anything is rendered (:func:`numbered`).

evidence.yaml (beside case.yaml, or inside evidence/) maps each file name (relative to evidence/) to:
title, source, purpose (证明目的), group, original (原件), order, pages — each also under its Chinese name
(:data:`KEY_ALIASES`; group also takes 权利/侵权/责任/其他). Unknown keys and entries naming missing files
are errors; docs/case-yaml.md documents the format and ``litigator schema evidence`` prints its JSON Schema.

Files that are empty, whose content is not what their name says (an image named ``.txt``), that are
symbolic links (never exhibits: an exhibit is a file the case folder itself holds), that have no page count,
or that have no group where the others have one are warned about (:func:`exhibit_problems`). Page counts
come from a PDF itself or from ``pages:``; ``litigator evidence pages`` counts other files through
LibreOffice (:mod:`litigator.evidence_pages`) — drafting never runs it.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any, Literal

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, field_validator

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
    "group": ("分组", "类别"),
    "original": ("原件",),
}

# The element-style complaint's groups of evidence (证据清单 1-x … 4-x), in filing order.
Group = Literal["right", "infringement", "liability", "other"]
GROUPS: tuple[str, ...] = ("right", "infringement", "liability", "other")
GROUP_ALIASES: dict[str, str] = {
    "权利": "right", "权利证据": "right",
    "侵权": "infringement", "侵权证据": "infringement",
    "责任": "liability", "责任证据": "liability",
    "其他": "other", "其他证据": "other",
}
ORIGINAL_ALIASES: dict[str, bool] = {"原件": True, "是": True, "复印件": False, "否": False}


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
                              description="numbering (within its group, when files have groups): files with an "
                                          "order come first, lowest first; then the others by file name")
    pages: int | None = Field(default=None, ge=1, validation_alias=_keys("pages"),
                              description="页数 (default: counted for a PDF, else not stated and warned about; "
                                          "`litigator evidence pages CASE --write` counts .txt/.docx files)")
    group: Group | None = Field(default=None, validation_alias=_keys("group"),
                                description="分组 in the evidence list: right (权利证据), infringement (侵权证据), "
                                            "liability (责任证据: the amount claimed), other (其他证据); the Chinese "
                                            "words 权利/侵权/责任/其他 are accepted too. When any file has a group, "
                                            "exhibits are numbered group by group (then by order, then file name) "
                                            "and a file without one is listed under other (warned about)")
    original: bool | None = Field(default=None, validation_alias=_keys("original"),
                                  description="true: 原件 (the original is filed), false: 复印件 (a copy); also "
                                              "原件 / 复印件. Default: not stated (—)")

    @field_validator("group", mode="before")
    @classmethod
    def _group_in_chinese(cls, value: Any) -> Any:
        return GROUP_ALIASES.get(value.strip(), value) if isinstance(value, str) else value

    @field_validator("original", mode="before")
    @classmethod
    def _original_in_chinese(cls, value: Any) -> Any:
        return ORIGINAL_ALIASES.get(value.strip(), value) if isinstance(value, str) else value


EVIDENCE_FILE_MODEL = dict[str, EvidenceEntry]  # evidence.yaml: file name (relative to evidence/) → entry


class Exhibit(BaseModel):
    model_config = ConfigDict(extra="forbid")

    number: int
    path: str = Field(description="relative to the case folder, e.g. evidence/01-notarial-record.txt")
    title: str
    source: str | None = None
    purpose: str | None = None
    pages: int | None = None
    group: Group | None = Field(default=None, description="its group in the evidence list (None: not grouped)")
    original: bool | None = Field(default=None, description="True 原件, False 复印件, None not stated")
    order: int | None = Field(default=None, description="evidence.yaml's order (numbering)")
    generated: bool = Field(default=False, description="made by drafting (the sales extract), not a file of "
                                                       "evidence/")
    sha256: str
    size: int


def evidence_schema() -> dict:
    """JSON Schema of evidence.yaml; the Chinese keys are listed as properties of their own."""
    schema = TypeAdapter(EVIDENCE_FILE_MODEL).json_schema()
    schema["title"] = "evidence.yaml"
    schema["description"] = ("evidence.yaml (beside case.yaml or in evidence/): file name relative to evidence/ "
                             "→ its title, source, purpose of proof, group, original or copy, order and pages")
    entry = schema["$defs"]["EvidenceEntry"]
    _add_values(entry["properties"]["group"], list(GROUP_ALIASES))
    _add_values(entry["properties"]["original"], list(ORIGINAL_ALIASES))
    for name, aliases in KEY_ALIASES.items():
        for alias in aliases:
            entry["properties"][alias] = {**entry["properties"][name], "description": f"= {name}"}
    return schema


def _add_values(prop: dict, words: list[str]) -> None:
    """The Chinese values a field also takes, as one more alternative of its schema."""
    prop["anyOf"] = [*prop.get("anyOf", []), {"enum": words}]


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _pdf_pages(path: Path) -> int | None:
    try:
        from pypdf import PdfReader

        return len(PdfReader(str(path)).pages) or None
    except Exception:  # an unreadable PDF is still an exhibit; the page count stays unknown
        return None


def _entries(case_dir: Path) -> tuple[Path | None, dict[str, EvidenceEntry]]:
    from litigator.casefile import plain_data, read_yaml, validation_error

    for candidate in (case_dir / EVIDENCE_FILE, case_dir / EVIDENCE_DIR / EVIDENCE_FILE):
        if candidate.is_file():
            raw = read_yaml(candidate)
            if raw is None:
                return candidate, {}
            if not isinstance(raw, dict):
                raise CaseFileError("must map file names to {title, source, purpose, group, original, order, pages}",
                                    candidate,
                                    "line 1")
            data = {str(name): ({} if entry is None else plain_data(entry)) for name, entry in raw.items()}
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


def _grouped(exhibits: list[Exhibit]) -> bool:
    """Whether the files of evidence/ are grouped (a group given to any of them)."""
    return any(e.group for e in exhibits if not e.generated)


def numbered(exhibits: list[Exhibit]) -> list[Exhibit]:
    """The exhibits numbered 1…n in filing order: by group when the files of evidence/ are grouped (right,
    infringement, liability, other; an ungrouped one counts as other), then ``order`` (files with one
    first), then path; an exhibit drafting made comes last in its group (last of all without groups)."""
    grouped = _grouped(exhibits)

    def key(e: Exhibit) -> tuple:
        rank = GROUPS.index(e.group or "other") if grouped else 0
        return rank, e.generated, e.order is None, e.order or 0, e.path

    return [e.model_copy(update={"number": n}) for n, e in enumerate(sorted(exhibits, key=key), start=1)]


def add_exhibit(exhibits: list[Exhibit], exhibit: Exhibit) -> Exhibit:
    """Add an exhibit drafting makes (the sales extract; its ``group`` says where it belongs) and renumber
    ``exhibits`` in place, so each group's numbers stay consecutive. Without groups it is the last exhibit
    (its group dropped). Returns it as numbered. Call it before anything cites an exhibit number."""
    made = exhibit.model_copy(update={"generated": True,
                                      "group": exhibit.group if _grouped(exhibits) else None})
    exhibits[:] = numbered([*exhibits, made])
    return next(e for e in exhibits if e.generated and e.path == made.path and e.sha256 == made.sha256)


def collect_exhibits(case_dir: Path) -> list[Exhibit]:
    """Every file of ``case_dir/evidence`` as a numbered exhibit (:func:`numbered`)."""
    ev_dir = case_dir / EVIDENCE_DIR
    # Symbolic links are skipped (and warned about): an exhibit is a file the case folder itself holds.
    files, _ = _walk_evidence(ev_dir)
    yaml_path, entries = _entries(case_dir)
    by_name = {p.relative_to(ev_dir).as_posix(): p for p in files}
    for name in entries:
        if name not in by_name:
            raise CaseFileError(f"names {name!r}, which is not a file in evidence/", yaml_path)
    grouped = any(e.group for e in entries.values())
    exhibits = []
    for name, p in by_name.items():
        e = entries.get(name, EvidenceEntry())
        exhibits.append(Exhibit(
            number=0, path=f"{EVIDENCE_DIR}/{name}", title=e.title or p.stem,
            source=e.source, purpose=e.purpose,
            pages=e.pages or (_pdf_pages(p) if p.suffix.lower() == ".pdf" else None),
            group=e.group or ("other" if grouped else None), original=e.original, order=e.order,
            sha256=sha256_file(p), size=p.stat().st_size))
    return numbered(exhibits)


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
    files whose content is not what their name says, symbolic links (left out of the exhibits), files
    without a page count for the evidence list, and files without a group where the others have one.
    Messages name the file, not its number (the sales extract, added when drafting, may renumber the
    exhibits after it)."""
    problems: list[tuple[str, str]] = []
    ungrouped = _ungrouped(case_dir, exhibits)
    for e in exhibits:
        if e.generated or not e.path.startswith(f"{EVIDENCE_DIR}/"):
            continue
        if e.size == 0:
            problems.append(("EXHIBIT_EMPTY", f"{e.path} is an empty file: replace it with the document, or "
                                              "remove it"))
            continue
        why = _content_problem(case_dir / e.path)
        if why:
            problems.append(("EXHIBIT_TYPE_MISMATCH", f"{e.path} {why}"))
        if e.pages is None:
            problems.append(("EXHIBIT_NO_PAGES", _no_pages(case_dir, e)))
        if e.path in ungrouped:
            problems.append(("EXHIBIT_NO_GROUP", f"{e.path} has no group while other files of evidence.yaml have "
                                                 "one: it is listed under 其他证据 (give it `group: right | "
                                                 "infringement | liability | other`)"))
    _, links = _walk_evidence(case_dir / EVIDENCE_DIR)
    for link in links:
        shown = link.relative_to(case_dir).as_posix()
        problems.append(("EXHIBIT_SYMLINK", f"{shown} is a symbolic link: it is not an exhibit (an exhibit is a "
                                            "file the case folder holds); copy the file in to file it"))
    return problems


# Files whose pages `litigator evidence pages` counts through LibreOffice (PDFs are counted directly).
OFFICE_SUFFIXES = (".txt", ".docx", ".doc", ".odt", ".rtf")


def _no_pages(case_dir: Path, e: Exhibit) -> str:
    suffix = Path(e.path).suffix.lower()
    if suffix == ".pdf":
        return (f"{e.path}: its page count could not be read from the PDF, so the evidence list shows — for 页数: "
                "give `pages:` in evidence.yaml")
    how = (f", or count it: litigator evidence pages {case_dir} --write" if suffix in OFFICE_SUFFIXES else "")
    return f"{e.path} has no page count, so the evidence list shows — for 页数: give `pages:` in evidence.yaml{how}"


def _ungrouped(case_dir: Path, exhibits: list[Exhibit]) -> set[str]:
    """The files listed under other only because they have no group while others have one."""
    if not _grouped(exhibits):
        return set()
    _, entries = _entries(case_dir)
    prefix = f"{EVIDENCE_DIR}/"
    return {e.path for e in exhibits if not e.generated and e.path.startswith(prefix)
            and not entries.get(e.path[len(prefix):], EvidenceEntry()).group}
