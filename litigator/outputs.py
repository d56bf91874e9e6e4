"""Writing outputs safely: never half-written, never overwriting a user's file without --force.

Every output is written to a temporary file in the target folder and renamed into place, so a
crash leaves either the old file or the new one, never a fragment. :func:`check_new` is called for
every path of a set *before* any is written, so a refused overwrite writes nothing at all.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from litigator.errors import LitigatorError, OutputExistsError


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def os_error(err: OSError, path: Path | str | None = None) -> LitigatorError | None:
    """The one-line user error for an OS error a user can cause (permissions, a full or read-only disk,
    a path that is not a folder), with the fix; None for any other (a bug)."""
    where = path if path is not None else err.filename
    fixes = {
        errno.EACCES: "permission denied: fix the folder's permissions or choose another place (-o)",
        errno.EPERM: "operation not permitted: fix the permissions or choose another place (-o)",
        errno.EROFS: "the disk is read-only: choose another place (-o)",
        errno.ENOSPC: "the disk is full: free some space or choose another place (-o)",
        errno.EDQUOT: "the disk quota is exceeded: free some space or choose another place (-o)",
        errno.ENOTDIR: "a part of this path is a file, not a folder",
        errno.EISDIR: "is a folder, not a file",
    }
    fix = fixes.get(err.errno)
    return LitigatorError(fix, where) if fix else None


def check_new(paths: Iterable[Path], force: bool) -> None:
    """Refuse (before writing anything) when an output exists and ``force`` is not set."""
    if force:
        return
    for p in paths:
        if p.exists():
            raise OutputExistsError("exists; use --force to overwrite it", p)


def write_bytes(path: Path, data: bytes) -> Path:
    """Atomically write ``data`` to ``path`` (temp file in the same folder, then rename), with the mode a
    new file gets under the user's umask (0644 typically, not mkstemp's 0600), so colleagues on a shared
    drive can open it. Permission and disk-full errors are one-line user errors."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as err:
        raise (os_error(err, path.parent) or err) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException as err:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(err, OSError) and os_error(err, path) is not None:
            raise os_error(err, path) from None
        raise
    return path


def write_text(path: Path, text: str) -> Path:
    return write_bytes(path, text.encode("utf-8"))
