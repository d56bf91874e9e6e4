"""Load and check the precedent library: the shipped one, plus any folders the user adds.

Layout of a library folder (the shipped ``precedents/`` and any ``--precedents DIR``)::

    cn/<id>.yaml        one Chinese case per file (the file name is its id)
    us/<id>.yaml        one US case per file
    cn/population.yaml  published award-to-claim statistics of the forum (optional in added folders)
    SOURCES.md          the manifest of research records (shipped library only)

A folder given with ``--precedents`` may also hold case files directly (no cn/ or us/): each file's
``forum`` says where it belongs. Files are read in sorted order, so results never depend on the
file system's order. A case id must be unique across every folder loaded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from litigator.errors import CaseFileError, LitigatorError
from litigator.precedents.model import Population, Precedent

POPULATION_FILE = "population.yaml"
FORUM_DIRS = ("cn", "us")


class PrecedentError(LitigatorError):
    """A precedent file is malformed or the library is inconsistent."""


@dataclass(frozen=True)
class Entry:
    precedent: Precedent
    path: Path


@dataclass
class Library:
    entries: dict[str, Entry] = field(default_factory=dict)
    populations: dict[str, Population] = field(default_factory=dict)
    folders: list[Path] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, precedent_id: str) -> Entry:
        try:
            return self.entries[precedent_id]
        except KeyError:
            raise PrecedentError(f"no precedent {precedent_id!r} in the library "
                                 "(`litigator precedents search` lists them)") from None

    def precedents(self, forum: str | None = None) -> list[Precedent]:
        return [e.precedent for e in self.entries.values() if forum is None or e.precedent.forum == forum]


def shipped_library() -> Path:
    """The shipped library: the repo's ``precedents/`` or, installed, ``litigator/_data/precedents``."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "_data" / "precedents", here.parent / "precedents"):
        if candidate.is_dir():
            return candidate
    raise PrecedentError("shipped precedent library not found (broken installation)")


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.yaml") if p.is_file() and not p.name.startswith("."))


def _fast_yaml():
    from ruamel.yaml import YAML

    return YAML(typ="safe", pure=False)  # libyaml (ruamel.yaml.clib) where installed


def _read(path: Path, model):
    """Validate one file. Parsed fast first; a file that fails is read again round-trip, so the
    error names the key's line."""
    try:
        from litigator.casefile import safe_load  # the one safe loader (no alias bombs)

        data = safe_load(path.read_text(encoding="utf-8-sig"), path, _fast_yaml())
        if isinstance(data, dict):
            return model.model_validate(data)
    except Exception:  # noqa: BLE001 — any failure is reported precisely by the slow path below
        pass
    return _read_slow(path, model)


def _read_slow(path: Path, model):
    from litigator.casefile import plain_data, read_yaml, validation_error

    raw = read_yaml(path)
    if not isinstance(raw, dict):
        raise PrecedentError("must be a mapping of keys (id, forum, title, …)", path, "line 1")
    try:
        return model.model_validate(plain_data(raw))
    except ValidationError as err:
        e = validation_error(err, raw, path, model.__name__.lower())
        raise PrecedentError(e.what, e.path, e.where, more=e.more) from None


def _read_precedent(path: Path) -> Precedent:
    precedent: Precedent = _read(path, Precedent)
    if path.stem != precedent.id:
        raise PrecedentError(f"the file name must be the id ({precedent.id}.yaml)", path, "id")
    if path.parent.name in FORUM_DIRS and path.parent.name != precedent.forum:
        raise PrecedentError(f"forum is {precedent.forum!r} but the file sits in {path.parent.name}/", path, "forum")
    return precedent


def check(folders: list[Path]) -> tuple[int, list[LitigatorError]]:
    """Validate every file of ``folders``: (files read, problems). Problems are one line each."""
    problems: list[LitigatorError] = []
    seen: dict[str, Path] = {}
    count = 0
    for folder in folders:
        if not folder.is_dir():
            problems.append(PrecedentError("not a folder", folder))
            continue
        for path in _files(folder):
            count += 1
            try:
                if path.name == POPULATION_FILE:
                    _read(path, Population)
                    continue
                precedent = _read_precedent(path)
            except (PrecedentError, CaseFileError) as err:
                problems.append(err)
                continue
            if precedent.id in seen:
                problems.append(PrecedentError(f"duplicate id {precedent.id!r} (also {seen[precedent.id]})",
                                               path, "id"))
            else:
                seen[precedent.id] = path
    return count, problems


_LOADED: dict[tuple, Library] = {}


def load(extra: list[Path] | None = None, shipped: bool = True) -> Library:
    """The shipped library plus ``extra`` folders; the first bad file raises (one line, exit 2).

    Loaded once per process for the same folders and file versions (name, size, mtime): a batch of
    cases reads the library once, and an edited file is read again.
    """
    folders = ([shipped_library()] if shipped else []) + [Path(p) for p in extra or []]
    for folder in folders:
        if not folder.is_dir():
            raise PrecedentError("precedent folder not found", folder)
    files = [(folder, _files(folder)) for folder in folders]
    key = tuple((str(folder.resolve()), tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in paths))
                for folder, paths in files)
    if key not in _LOADED:
        _LOADED.clear()
        _LOADED[key] = _load(folders, files)
    return _LOADED[key]


def _load(folders: list[Path], files: list[tuple[Path, list[Path]]]) -> Library:
    library = Library(folders=folders)
    for _folder, paths in files:
        for path in paths:
            if path.name == POPULATION_FILE:
                population: Population = _read(path, Population)
                library.populations.setdefault(population.forum, population)
                continue
            precedent = _read_precedent(path)
            if precedent.id in library.entries:
                raise PrecedentError(f"duplicate id {precedent.id!r} (also {library.entries[precedent.id].path})",
                                     path, "id")
            library.entries[precedent.id] = Entry(precedent, path)
    return library
