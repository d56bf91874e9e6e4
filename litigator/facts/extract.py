"""Facts of files and folders."""

from __future__ import annotations

from pathlib import Path

from litigator.errors import LitigatorError
from litigator.facts.model import Fact, FactsResult, FileEntry
from litigator.facts.readers import SUPPORTED_SUFFIXES, read_text
from litigator.facts.text import LineIndex, guess_lang


def iter_supported_files(paths: list[str | Path]) -> list[tuple[str, Path]]:
    """(path as given or walked, Path) for files and the supported files under folders, sorted."""
    out: list[tuple[str, Path]] = []
    for given in paths:
        p = Path(given)
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.is_file() and child.suffix.lower() in SUPPORTED_SUFFIXES \
                        and not any(part.startswith(".") for part in child.relative_to(p).parts):
                    out.append((str(child), child))
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
