"""Writing outputs safely: never half-written, never overwriting a user's file without --force.

Every output is written to a temporary file in the target folder and renamed into place, so a
crash leaves either the old file or the new one, never a fragment. :func:`check_new` is called for
every path of a set *before* any is written, so a refused overwrite writes nothing at all.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from litigator.errors import OutputExistsError


def check_new(paths: Iterable[Path], force: bool) -> None:
    """Refuse (before writing anything) when an output exists and ``force`` is not set."""
    if force:
        return
    for p in paths:
        if p.exists():
            raise OutputExistsError("exists; use --force to overwrite it", p)


def write_bytes(path: Path, data: bytes) -> Path:
    """Atomically write ``data`` to ``path`` (temp file in the same folder, then rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return path


def write_text(path: Path, text: str) -> Path:
    return write_bytes(path, text.encode("utf-8"))
