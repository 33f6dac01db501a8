"""Files written whole: a temporary file beside the target, fsynced, then renamed over it.

A reader (or a crash) never meets half a file: exports, merge results, sheets
and forms all go through here (Electrum's storage does the same).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Callable


def replace_into(path: Path | str, write: Callable[[Path], None]) -> Path:
    """Call `write(tmp)` to fill a temporary file beside `path`, fsync it, and rename it over `path`.

    OSError (and whatever `write` raises) leaves `path` as it was and no temporary file behind.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        write(tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        fsync_folder(path.parent)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return path


def write_atomic(path: Path | str, data: bytes) -> Path:
    """Write `data` as the whole of `path` (see replace_into)."""
    return replace_into(path, lambda tmp: tmp.write_bytes(data))


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX; Windows has no folder handles to sync)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
