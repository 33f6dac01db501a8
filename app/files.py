"""Files written whole: a temporary file beside the target, fsynced, then renamed over it.

A reader (or a crash) never meets half a file: exports, merge results, sheets
and forms all go through here (Electrum's storage does the same).
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path
from typing import Callable

from app.errors import PanelReviewError
from app.i18n import Sentence


def replace_into(path: Path | str, write: Callable[[Path], None]) -> Path:
    """Call `write(tmp)` to fill a temporary file beside `path`, fsync it, and rename it over `path`.

    OSError (and whatever `write` raises) leaves `path` as it was and no temporary file behind.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:  # named by the file asked for, not by the temporary one
        raise OSError(exc.errno, exc.strerror, str(path)) from exc
    os.close(fd)
    tmp = Path(name)
    try:
        write(tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        fsync_folder(path.parent)
    except OSError as exc:
        if exc.filename in (str(tmp), tmp):
            raise OSError(exc.errno, exc.strerror, str(path)) from exc
        raise
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


# --------------------------------------------------------------------------- names from tables


class OutsideFolder(ValueError):
    """A name that would leave the folder it must stay in; str() is the reason, as a sentence."""

    def __init__(self, reason: Sentence) -> None:
        super().__init__(reason.template)
        self.reason = reason

    def __str__(self) -> str:
        return self.reason.text()


def inside(root: Path | str, name: str, *, resolved: bool = False) -> Path:
    """`root / name` for a relative `name` that a table gave, when it stays inside `root`; OutsideFolder if not.

    The one gate for every path a table names (an applicant's materials
    folder). Refused, with the reason as the ValueError's message: an empty
    name, an absolute path or a drive ("/etc/ssl", "C:\\\\x", "\\\\\\\\server\\\\share"),
    any ".." part (written with / or \\\\), and a name that leads through a
    symbolic link to a place outside `root` (Path.resolve follows every link;
    the result must still lie under the resolved root; `resolved`: `root` is
    resolved already). The reason is OutsideFolder's sentence.
    """
    from pathlib import PurePosixPath, PureWindowsPath

    text = (name or "").strip()
    if not text:
        raise OutsideFolder(Sentence("the name is empty"))
    if text not in (".", "..") and not any(c in text for c in "/\\:"):
        parts = [text]  # one plain name (the common case, and fast)
    else:
        win = PureWindowsPath(text)
        if PurePosixPath(text).is_absolute() or win.drive or win.root:
            raise OutsideFolder(Sentence("it is an absolute path, not a folder inside the materials folder"))
        if ".." in win.parts or ".." in PurePosixPath(text).parts:
            raise OutsideFolder(Sentence("it holds \"..\", which leads out of the materials folder"))
        parts = [p for p in win.parts if p not in (".", "")]
    base = str(root) if resolved else os.path.realpath(root)
    target = os.path.join(base, *parts)
    # (plain strings, and a full resolve only past a link: this runs for each of thousands of rows)
    linked = any(os.path.islink(os.path.join(base, *parts[:k])) for k in range(1, len(parts) + 1))
    real = os.path.realpath(target) if linked else target
    if real != base and not real.startswith(base.rstrip(os.sep) + os.sep):
        raise OutsideFolder(Sentence("it leads through a link to a place outside the materials folder"))
    return Path(target)


def walk_regular(folder: Path) -> tuple[list[Path], list[Path]]:
    """(every regular file under `folder`, every symbolic link met), without following links.

    A link is never read as the file it points to: a material that is a link
    to /etc/passwd would otherwise be copied by content.
    """
    files: list[str] = []
    links: list[str] = []
    stack = [str(folder)]
    while stack:
        with os.scandir(stack.pop()) as entries:
            for e in entries:
                if e.is_symlink():
                    links.append(e.path)
                elif e.is_dir(follow_symlinks=False):
                    stack.append(e.path)
                elif e.is_file(follow_symlinks=False):
                    files.append(e.path)
    return [Path(f) for f in files], [Path(f) for f in links]


def sync_files(paths: list[Path]) -> None:
    """Make freshly written files durable: one sync() of the disks on POSIX, else an fsync per file."""
    if hasattr(os, "sync"):
        os.sync()
        return
    for p in paths:
        with open(p, "rb+") as fh:
            os.fsync(fh.fileno())


# --------------------------------------------------------------------------- when the disk says no


def storage_error(exc: OSError, path: Path | str | None = None) -> PanelReviewError:
    """The sentence for an OSError met while writing (or reading) `path`: what happened and what to do."""
    where = str(path or exc.filename or "")
    if exc.errno == errno.EROFS:
        return PanelReviewError("{path}: the disk or folder is read-only (a write-protected stick, a disc, a "
                                "read-only share); nothing was written there. Choose a folder on a writable disk, or "
                                "remove the write protection, and run it again.", path=where)
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return PanelReviewError("{path}: the disk is full; nothing was written there. Free some space or choose "
                                "another disk, and run it again.", path=where)
    if exc.errno in (errno.EACCES, errno.EPERM):
        return PanelReviewError("{path}: permission denied; nothing was written there. Choose a folder you may "
                                "write to, and run it again.", path=where)
    return PanelReviewError("{path}: {reason}", path=where, reason=exc.strerror or str(exc))
