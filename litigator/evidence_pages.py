"""Page counts of the files of evidence/ for the evidence list's 页数 (`litigator evidence pages`).

A PDF is counted with pypdf; a .txt, .docx, .doc, .odt or .rtf file is converted to PDF by LibreOffice in
a temporary folder (a private profile, the drafts' font configuration) and that PDF is counted. With
``write`` the counts go into evidence.yaml, read and written round-trip (ruamel.yaml, through
:func:`litigator.casefile.safe_load`), so its comments, key order, quoting and other keys stay as they were;
the file is replaced atomically (:func:`litigator.outputs.write_text`).

Only this command runs LibreOffice. Drafting reads ``pages:`` from evidence.yaml (or counts a PDF itself),
so the same case folder gives byte-identical drafts on a machine with or without LibreOffice.
"""

from __future__ import annotations

import io
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from litigator.errors import CaseFileError, LitigatorError
from litigator.evidence import (
    EVIDENCE_DIR,
    EVIDENCE_FILE,
    EVIDENCE_FILE_MODEL,
    KEY_ALIASES,
    OFFICE_SUFFIXES,
    _entries,
    _pdf_pages,
    _walk_evidence,
)

TEXT_SUFFIXES = (".txt",)
TIMEOUT = 300  # seconds for one LibreOffice run (all files of one kind at once)


@dataclass
class PageCount:
    name: str            # relative to evidence/
    counted: int | None  # the count made now (None: not counted)
    how: str             # "PDF", "LibreOffice", or why it was not counted
    given: int | None    # pages: in evidence.yaml now

    @property
    def path(self) -> str:
        return f"{EVIDENCE_DIR}/{self.name}"


def count_pages(case_dir: str | Path, soffice: str | None = None) -> list[PageCount]:
    """Every file of ``case_dir/evidence`` with its page count. LibreOffice is needed only when a file of
    a kind it counts is there (a one-line error without it)."""
    case_dir = Path(case_dir)
    ev_dir = case_dir / EVIDENCE_DIR
    if not case_dir.is_dir():
        raise LitigatorError("not a case folder (no such directory)", case_dir)
    if not ev_dir.is_dir():
        raise LitigatorError("no evidence/ folder: put the case's files there", case_dir)
    files, _ = _walk_evidence(ev_dir)
    _, entries = _entries(case_dir)  # a broken evidence.yaml fails here, before LibreOffice runs
    names = {p.relative_to(ev_dir).as_posix(): p for p in files}
    counts: dict[str, PageCount] = {}
    office: list[str] = []
    for name, p in names.items():
        given = entries[name].pages if name in entries else None
        suffix = p.suffix.lower()
        if p.stat().st_size == 0:
            counts[name] = PageCount(name, None, "empty file", given)
        elif suffix == ".pdf":
            pages = _pdf_pages(p)
            counts[name] = PageCount(name, pages, "PDF" if pages else "PDF not readable", given)
        elif suffix in OFFICE_SUFFIXES:
            office.append(name)
        else:
            counts[name] = PageCount(name, None, f"not counted ({suffix or 'no extension'}): give pages: by hand",
                                     given)
    if office:
        from litigator.drafting.pdf import find_soffice

        soffice = soffice or find_soffice()
        if soffice is None:
            raise LitigatorError(f"LibreOffice (soffice) is not installed: it counts the pages of {office[0]}"
                                 f"{f' and {len(office) - 1} more' if len(office) > 1 else ''}; install "
                                 "libreoffice-writer, or write pages: in evidence.yaml by hand", ev_dir)
        counted = _office_pages(soffice, [names[n] for n in office])
        for name in office:
            pages = counted.get(names[name])
            counts[name] = PageCount(name, pages, "LibreOffice" if pages else "LibreOffice could not convert it",
                                     entries[name].pages if name in entries else None)
    return [counts[n] for n in sorted(counts)]


def _read_text(path: Path) -> str:
    """A text exhibit's characters: UTF-8 (BOM or not), UTF-16 with a BOM, else GB18030 (Chinese Windows)."""
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace")


def _office_pages(soffice: str, paths: list[Path]) -> dict[Path, int | None]:
    """Convert the files to PDF in a temporary folder (text files as UTF-8 with the text filter, the others
    by their own filter; each staged under a unique name) and count each PDF's pages."""
    from litigator.drafting.pdf import soffice_env

    out: dict[Path, int | None] = {}
    with tempfile.TemporaryDirectory(prefix="litigator-pages-") as tmp:
        root = Path(tmp)
        staged: dict[Path, Path] = {}
        for i, p in enumerate(paths):
            target = root / "in" / f"{i:05d}{p.suffix.lower()}"
            target.parent.mkdir(exist_ok=True)
            if p.suffix.lower() in TEXT_SUFFIXES:
                target.write_text(_read_text(p), encoding="utf-8")
            else:
                target.write_bytes(p.read_bytes())
            staged[p] = target
        text = [t for p, t in staged.items() if p.suffix.lower() in TEXT_SUFFIXES]
        other = [t for p, t in staged.items() if p.suffix.lower() not in TEXT_SUFFIXES]
        env = soffice_env()
        for batch, infilter in ((text, "Text (encoded):UTF8,LF,,,"), (other, None)):
            if not batch:
                continue
            cmd = [soffice, f"-env:UserInstallation={(root / 'profile').as_uri()}", "--headless", "--norestore",
                   *([f"--infilter={infilter}"] if infilter else []),
                   "--convert-to", "pdf", "--outdir", str(root / "out"), *map(str, batch)]
            try:
                subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT, env=env)
            except subprocess.TimeoutExpired:
                raise LitigatorError(f"LibreOffice did not finish within {TIMEOUT} s", paths[0].parent) from None
        for p, t in staged.items():
            pdf = root / "out" / f"{t.stem}.pdf"
            out[p] = _pdf_pages(pdf) if pdf.is_file() else None
    return out


# -- writing evidence.yaml ----------------------------------------------------------------------------


def evidence_yaml(case_dir: Path) -> Path:
    """The case's evidence.yaml (beside case.yaml, else inside evidence/); a new one goes beside case.yaml."""
    for candidate in (case_dir / EVIDENCE_FILE, case_dir / EVIDENCE_DIR / EVIDENCE_FILE):
        if candidate.is_file():
            return candidate
    return case_dir / EVIDENCE_FILE


def _indent(text: str) -> int:
    """The indentation of the file's nested keys (2 unless it uses another)."""
    m = re.search(r"^( +)[^\s#-]", text, re.M)
    return len(m.group(1)) if m else 2


def write_pages(case_dir: str | Path, counts: list[PageCount]) -> tuple[Path, list[str]]:
    """Write the counts LibreOffice made into evidence.yaml (a PDF is counted at every draft, so its count is
    not written). Returns the file and the names whose pages changed (nothing is written when none did)."""
    from ruamel.yaml.comments import CommentedMap

    from litigator.casefile import decode_text, round_trip_yaml, safe_load
    from litigator.outputs import write_text

    case_dir = Path(case_dir)
    path = evidence_yaml(case_dir)
    text = decode_text(path.read_bytes(), path) if path.is_file() else ""
    yaml = round_trip_yaml()
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a long purpose onto new lines
    n = _indent(text)
    yaml.indent(mapping=n, sequence=n + 2, offset=n)
    doc = safe_load(text, path, yaml) if text.strip() else None
    if doc is not None and not isinstance(doc, dict):
        raise CaseFileError("must map file names to {title, source, purpose, group, original, order, pages}", path,
                            "line 1")
    root = doc if doc is not None else CommentedMap()
    keys = {str(k): k for k in root}
    changed: list[str] = []
    for c in counts:
        if c.how != "LibreOffice" or c.counted is None or c.counted == c.given:
            continue
        key = keys.get(c.name, c.name)
        entry = root.get(key)
        if entry is None:
            root[key] = CommentedMap([("pages", c.counted)])
        else:
            names = [k for k in ("pages", *KEY_ALIASES["pages"]) if k in entry]
            entry[names[0] if names else "pages"] = c.counted
        changed.append(c.name)
    if not changed:
        return path, []
    buf = io.StringIO()
    yaml.dump(root, buf)
    new = buf.getvalue()
    if doc is None and text.strip():  # a file of comments only: keep them above the entries
        new = text.rstrip("\n") + "\n" + new
    _check(new, path)
    write_text(path, new)
    return path, changed


def _check(text: str, path: Path) -> None:
    """The file about to be written still validates (never write an evidence.yaml that draft would refuse)."""
    from pydantic import TypeAdapter, ValidationError

    from litigator.casefile import plain_data, safe_load

    raw: Any = safe_load(text, path)
    try:
        TypeAdapter(EVIDENCE_FILE_MODEL).validate_python({str(k): plain_data(v) or {} for k, v in raw.items()})
    except ValidationError as err:  # pragma: no cover - a bug: the counts are positive integers
        raise LitigatorError(f"the updated evidence.yaml would not validate ({err.error_count()} errors); "
                             "nothing was written", path) from None
