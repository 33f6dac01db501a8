"""What the commands print: lines, JSON, tables that line up in CJK, errors as sentences on stderr.

With app/cli/arguments.py, the plumbing every command module shares; a module of its own
(not app/cli/__init__.py) so that the command modules do not import the package that imports them.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from app.errors import PanelReviewError
from app.i18n import tr


def out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def err(text: str) -> None:
    sys.stderr.write(text + "\n")


def journal_problem(problem: Any) -> None:
    """Say (on stderr) why the journal could not be written, if it could not (journal.log_output's answer): the
    output itself was made."""
    if problem is not None:
        err(str(problem))


def emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


# How many of an error's problems are printed (a table of 200,000 bad rows must not print 200,000 lines);
# `panelreview --all-problems ...` sets it to None, to print every one.
DEFAULT_PROBLEM_LIMIT = 50
PROBLEM_LIMIT: int | None = DEFAULT_PROBLEM_LIMIT


def set_problem_limit(limit: int | None) -> None:
    """How many problems `problems()` prints from now on (None: every one)."""
    global PROBLEM_LIMIT
    PROBLEM_LIMIT = limit


def capped(lines: list[str], *, indent: str = "") -> list[str]:
    """The first PROBLEM_LIMIT of `lines`, then "… and N more" saying how to see them all."""
    limit = PROBLEM_LIMIT
    if limit is None or len(lines) <= limit:
        return list(lines)
    more = len(lines) - limit
    return lines[:limit] + [indent + tr("… and {count} more (run again with --all-problems to see every one)")
                            .format(count=more)]


def problems(exc: PanelReviewError, *, indent: str = "") -> int:
    """An error and each problem it carries, one sentence a line on stderr (capped, see `capped`); exit status 1."""
    err(str(exc))
    for line in capped([indent + str(p) for p in exc.problems], indent=indent):
        err(line)
    return 1


def text_width(text: str) -> int:
    """Columns `text` takes in a terminal: wide CJK characters count double."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def print_table(header: list[str], rows: list[list[str]]) -> None:
    """A plain table whose columns line up for CJK text too."""
    widths = [max([text_width(h)] + [text_width(r[i]) for r in rows]) for i, h in enumerate(header)]

    def line(cells: list[str]) -> str:
        return "  ".join(c + " " * (w - text_width(c)) for c, w in zip(cells, widths)).rstrip()

    out(line(header))
    for r in rows:
        out(line(r))


def aligned(rows: list[tuple[str, str]]) -> list[str]:
    """Two columns lined up, as lines."""
    if not rows:
        return []
    w = max(text_width(k) for k, _ in rows)
    return [f"{k}{' ' * (w - text_width(k))}  {v}".rstrip() for k, v in rows]
