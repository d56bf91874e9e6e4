"""Facts of files and folders."""

from __future__ import annotations

import os
from pathlib import Path

from litigator.errors import LitigatorError
from litigator.facts.model import Fact, FactsResult, FileEntry
from litigator.facts.readers import SUPPORTED_SUFFIXES, read_text
from litigator.facts.text import LineIndex, guess_lang

# Folders the tool itself writes: `draft`'s default output folder beside case.yaml; any folder holding a
# draft's calculation.json (a `draft -o DIR`). Walking a case folder must not read our own drafts back
# as evidence. Named explicitly (a path given on the command line), they are read.
OUTPUT_DIR = "out"
OUTPUT_MARKER = "calculation.json"


def _generated(folder: Path) -> bool:
    return (folder / OUTPUT_MARKER).is_file() or (
        folder.name == OUTPUT_DIR and (folder.parent / "case.yaml").is_file())


def iter_supported_files(paths: list[str | Path]) -> list[tuple[str, Path]]:
    """(path as given or walked, Path) for files and the supported files under folders, sorted.

    A walk skips hidden files and folders and the folders the tool writes (:func:`_generated`)."""
    out: list[tuple[str, Path]] = []
    for given in paths:
        p = Path(given)
        if p.is_dir():
            found: list[Path] = []
            for root, dirs, names in os.walk(p):
                base = Path(root)
                dirs[:] = [d for d in dirs if not d.startswith(".") and not _generated(base / d)]
                found += [base / n for n in names if not n.startswith(".")
                          and Path(n).suffix.lower() in SUPPORTED_SUFFIXES and (base / n).is_file()]
            out += [(str(child), child) for child in sorted(found)]
        else:
            out.append((str(given), p))
    return out


def extract_text_facts(text: str, file: str = "<text>", lang: str = "auto") -> list[Fact]:
    """Facts of one decoded text; ``text == text[start:end]`` for each."""
    from litigator.facts.pipeline import extract_text

    use = guess_lang(text) if lang == "auto" else lang
    lines = LineIndex(text)
    facts = []
    for s, e, kind, value, currency, valid in extract_text(text, use):
        facts.append(Fact(type=kind, value=value, text=text[s:e], file=file, start=s, end=e,
                          currency=currency, valid=valid, line=lines.line(s)))
    return facts


def extract_paths(paths: list[str | Path], lang: str = "auto") -> FactsResult:
    """Facts of files and folders; a file that fails gets ``files[].error``, the rest go on."""
    if lang not in ("auto", "zh", "en"):
        raise LitigatorError(f"unknown language {lang!r} (auto, zh or en)")
    result = FactsResult()
    for given, p in iter_supported_files(paths):
        try:
            decoded = read_text(p)
        except LitigatorError as exc:
            result.files.append(FileEntry(path=given, error=exc.what))
            continue
        use = decoded.lang if lang == "auto" else lang
        result.files.append(FileEntry(path=given, sha256=decoded.sha256, chars=len(decoded.text), lang=use))
        result.facts.extend(extract_text_facts(decoded.text, given, use))
    return result
