"""Where the session's result file lives: in the session folder, else (a read-only stick) in the data folder."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from app import paths
from app.errors import MergeError, PanelReviewError
from app.merge import load_result
from app.session import Session

RESULT_NAME = "result.sqlite"


def _writable(folder: Path) -> bool:
    """True when a file can really be made in `folder` (os.access lies on sticks and shares)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=".probe-", dir=folder)
        os.close(fd)
        os.unlink(name)
        return True
    except OSError:
        return False


def result_places(session: Session) -> list[Path]:
    """Where the session's result file may be: in the session folder, else in the data folder."""
    return [session.path / "results" / RESULT_NAME, paths.data_dir() / "results" / session.id / RESULT_NAME]


def existing_result(session: Session) -> Path | None:
    """The session's result file from an earlier merge, if one can be read."""
    for p in result_places(session):
        if p.is_file():
            try:
                if load_result(p).session_id == session.id:
                    return p
            except PanelReviewError:
                continue
    return None


def result_target(session: Session) -> Path:
    """Where a merge writes: the earlier result if it can be written again, else the first writable place."""
    found = existing_result(session)
    if found is not None and _writable(found.parent):
        return found
    for p in result_places(session):
        if _writable(p.parent):
            return p
    raise MergeError("no folder to keep the result in can be written: {folders}",
                     folders=", ".join(str(p.parent) for p in result_places(session)))
