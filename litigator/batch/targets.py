"""Each manifest row as a case folder of its own under the batch's output folder (docs/batch.md).

``OUT/<target>/`` holds ``case.yaml`` (the base's with the row's overrides), ``evidence/`` (the base's
files, then the row's evidence folder's: a file of the same name replaces the base's), ``evidence.yaml``
(the base's entries, then the row folder's), and the base's sales files at the same relative paths
(hard links where the file system allows, else copies), so ``litigator draft OUT/<target>`` works on its
own. Exhibits are regular files: a symbolic link in either evidence folder is refused. Everything is
written atomically; a target folder is rebuilt from scratch whenever its row is drafted again.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

from litigator.batch.manifest import Row
from litigator.casefile import CASE_FILE, CaseFolder, plain_data, read_yaml
from litigator.errors import LitigatorError
from litigator.evidence import EVIDENCE_DIR, EVIDENCE_FILE, IGNORED
from litigator.outputs import write_text

GENERATED = "# Written by `litigator batch` from {manifest}, row {row}: edit the manifest, not this file.\n"


def _evidence_tree(folder: Path, label: str) -> dict[str, Path]:
    """Files under ``folder`` (relative name → path), hidden and ignored names left out; links refused."""
    out: dict[str, Path] = {}
    if not folder.is_dir():
        return out
    for root, dirs, names in os.walk(folder):
        here = Path(root)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for d in dirs:
            if (here / d).is_symlink():
                raise LitigatorError(f"{label}: {here / d} is a symbolic link: exhibits must be files the folder "
                                     "holds (copy them in)")
        for n in sorted(names):
            p = here / n
            if n in IGNORED or n.startswith("."):
                continue
            if p.is_symlink():
                raise LitigatorError(f"{label}: {p} is a symbolic link: exhibits must be files the folder holds "
                                     "(copy them in)")
            if p.is_file():
                out[p.relative_to(folder).as_posix()] = p
    return out


def _evidence_yaml(folder: Path) -> Path | None:
    for candidate in (folder / EVIDENCE_FILE, folder / EVIDENCE_DIR / EVIDENCE_FILE):
        if candidate.is_file():
            return candidate
    return None


def evidence_of(row: Row, base: CaseFolder,
                trees: dict[Path, dict[str, Path]] | None = None) -> tuple[dict[str, Path], list[Path]]:
    """The row's evidence files (name under evidence/ → source file) and its evidence.yaml files (base's,
    then the row's). ``trees`` keeps the base's evidence folder as walked for an earlier row."""
    folder = base.path / EVIDENCE_DIR
    if trees is None or folder not in trees:
        tree = _evidence_tree(folder, "evidence")
        if trees is not None:
            trees[folder] = tree
    else:
        tree = trees[folder]
    files = dict(tree)
    listings = [p for p in (_evidence_yaml(base.path),) if p]
    if row.evidence is not None:
        files.update(_evidence_tree(row.evidence, "evidence"))
        own = row.evidence / EVIDENCE_FILE
        if own.is_file():
            listings.append(own)
    return files, listings


def merged_listing(listings: list[Path], cache: dict[Path, Any] | None = None) -> dict[str, Any] | None:
    """The evidence.yaml entries of ``listings`` merged in order; ``cache`` keeps parsed files (the base's
    evidence.yaml is read once per batch)."""
    if not listings:
        return None
    cache = {} if cache is None else cache
    merged: dict[str, Any] = {}
    for path in listings:
        if path not in cache:
            raw = plain_data(read_yaml(path)) or {}
            if not isinstance(raw, dict):
                raise LitigatorError("must map file names to {title, source, purpose, …}", path, "line 1")
            cache[path] = raw
        merged.update(cache[path])
    return merged


def _normal(node: Any) -> Any:
    """Plain Python values for the safe dumper (ruamel's scalar subclasses as their base types)."""
    if isinstance(node, dict):
        return {str(k): _normal(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_normal(v) for v in node]
    if isinstance(node, bool) or type(node).__name__ == "ScalarBoolean":
        return bool(node)
    for kind in (str, int, float):
        if isinstance(node, kind):
            return kind(node)
    return node


def _dump(data: Any) -> str:
    from litigator.casefile import dump_plain

    return dump_plain(_normal(data))


def _link_or_copy(src: Path, dst: Path) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(src, dst)
    except OSError:
        tmp = dst.with_name(f".{dst.name}.tmp")
        shutil.copyfile(src, tmp)
        os.replace(tmp, dst)


def materialise(row: Row, base: CaseFolder, target_dir: Path, sales_files: list[tuple[str, Path]],
                manifest: Path, cache: dict[Path, Any] | None = None) -> Path:
    """Write the row's case folder at ``target_dir`` (rebuilt: its evidence and sales files go first)."""
    files, listings = evidence_of(row, base)
    target_dir.mkdir(parents=True, exist_ok=True)
    for tmp in target_dir.glob(".*.tmp"):  # an earlier run killed mid-write
        tmp.unlink(missing_ok=True)
    for stale in (EVIDENCE_DIR, "sales"):
        if (target_dir / stale).is_dir() and not (target_dir / stale).is_symlink():
            shutil.rmtree(target_dir / stale)
    for name, src in files.items():  # regular files (links refused above): hard-linked, else copied
        _link_or_copy(src, target_dir / EVIDENCE_DIR / name)
    listing = merged_listing(listings, cache)
    listing_path = target_dir / EVIDENCE_FILE
    if listing is not None:
        write_text(listing_path, _dump(listing))
    elif listing_path.exists():
        listing_path.unlink()
    for label, src in sales_files:
        dst = target_dir / label
        if not dst.resolve().is_relative_to(target_dir.resolve()):
            raise LitigatorError("a sales file outside the base case folder cannot be shared", src)
        _link_or_copy(src, dst)
    write_text(target_dir / CASE_FILE, GENERATED.format(manifest=manifest, row=row.number) + _dump(row.data))
    return target_dir
