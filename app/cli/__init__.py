"""The `panelreview` command: parse, call one core function, print.

One module per command group (`rubric`, `demo`, `session`, `scores`,
`merge` for merge/inspect/export, `sheets` for sheet/report), each with a
`register(subparsers)` that adds its parsers and sets `handler=` on each;
they are imported here by name so that PyInstaller bundles every one.
This package is the only part of `app/` that prints.

Every command prints sentences in the current language (Chinese unless
PANELREVIEW_LANG=en or --lang en). Exit status:

- 0: done.
- 1: problems found and named: each problem is a sentence on stderr naming
  its file, row or field (`rubric check` prints its findings on stdout, as
  its report).
- 2: usage: an unknown command, a missing or malformed argument, a KEY
  given two different values, nothing asked for (`export`, `report`).
- 130: interrupted (Ctrl+C).
- 141: stdout was closed early (`panelreview ... | head`): the rest of the
  output is dropped quietly, and the status is the one a shell reports for
  a program stopped by SIGPIPE, so a `set -o pipefail` script still sees
  that not everything was read.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any, Sequence

from app import __version__, i18n
from app.cli import demo, merge, rubric, scores, session, sheets
from app.errors import PanelReviewError
from app.i18n import tr

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 0, 1, 2, 130, 141


class UsageError(Exception):
    """A command was asked for wrongly (message already translated); run() reports it through the parser, exit 2."""


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
    return EXIT_PROBLEMS


def parse_pairs(pairs: Sequence[str] | None, what: str, *, into: dict[str, str] | None = None) -> dict[str, str]:
    """KEY=VALUE arguments added to `into` (or a new dict); UsageError naming a bad pair or a key given twice."""
    result = dict(into or {})
    for pair in pairs or ():
        key, sep, value = pair.partition("=")
        key, value = key.strip(), value.strip()
        if not sep or not key:
            raise UsageError(tr("{what} {pair!r} must be written KEY=VALUE").format(what=what, pair=pair))
        if key in result and result[key] != value:
            raise UsageError(tr("{what} {key} is given twice, as {first!r} and {second!r}").format(
                what=what, key=key, first=result[key], second=value))
        result[key] = value
    return result


class PairsAction(argparse.Action):
    """`--opt K=V ...`, repeatable: every occurrence adds to one dict, so `--opt A=1 --opt B=2` is `--opt A=1 B=2`."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: Any) -> None:
        kwargs["nargs"] = "+"  # like action="extend", nargs="+"
        kwargs.setdefault("default", {})
        super().__init__(option_strings, dest, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any,
                 option_string: str | None = None) -> None:
        try:
            merged = parse_pairs(values, option_string or self.dest, into=getattr(namespace, self.dest, None))
        except UsageError as exc:
            parser.error(str(exc))  # exits 2 with the usage line
        setattr(namespace, self.dest, merged)


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


def build_parser() -> argparse.ArgumentParser:
    """The whole command line; each leaf parser's `handler` default is the function that runs it."""
    p = argparse.ArgumentParser(prog="panelreview", description=tr("Expert review panels: rubrics, scores, merge, sheets."))
    p.add_argument("--version", action="version", version=f"PanelReview {__version__}")
    p.add_argument("--lang", choices=i18n.LANGUAGES, help=tr("language of messages (default: Chinese)"))
    sub = p.add_subparsers(dest="group", metavar="COMMAND")
    for module in (rubric, demo, session, scores, merge, sheets):
        module.register(sub)
    return p


def run(argv: Sequence[str] | None = None) -> int:
    """Parse and run one command; its exit status (argparse exits 2 itself on a usage error)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.lang:
        i18n.set_language(args.lang)
    handler = getattr(args, "handler", None)
    if handler is None:  # `panelreview` alone
        parser.print_help()
        return EXIT_USAGE
    try:
        return handler(args)
    except UsageError as exc:
        getattr(args, "parser", parser).error(str(exc))
    except PanelReviewError as exc:
        return problems(exc)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED


def main(argv: Sequence[str] | None = None) -> int:
    """The `panelreview` entry point: run(), and end quietly when whoever reads stdout stops reading."""
    try:
        code = run(argv)
        sys.stdout.flush()  # inside the try: a closed pipe often shows only here
    except BrokenPipeError:
        # As the Python docs advise: point stdout at devnull so the flush at exit raises nothing.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):  # stdout is not a file (tests capture it)
            pass
        return EXIT_BROKEN_PIPE
    return code


if __name__ == "__main__":
    sys.exit(main())
