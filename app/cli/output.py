"""What the commands print: lines, JSON, tables that line up in CJK, errors as sentences on stderr.

With app/cli/arguments.py, the plumbing every command module shares; a module of its own
(not app/cli/__init__.py) so that the command modules do not import the package that imports them.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from app.errors import PanelReviewError


def out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def err(text: str) -> None:
    sys.stderr.write(text + "\n")


def emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def problems(exc: PanelReviewError, *, indent: str = "") -> int:
    """An error and each problem it carries, one sentence a line on stderr; exit status 1."""
    err(str(exc))
    for p in exc.problems:
        err(indent + str(p))
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
