"""Arguments the parser cannot check alone: repeatable KEY=VALUE options, and usage errors found later."""

from __future__ import annotations

import argparse
from typing import Any, Sequence

from app.i18n import tr


class UsageError(Exception):
    """A command was asked for wrongly (message already translated); main() reports it through the parser, exit 2."""


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
        kwargs["nargs"] = "+"  # as action="extend", nargs="+", but into a dict that sees a key given twice
        kwargs.setdefault("default", {})
        super().__init__(option_strings, dest, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any,
                 option_string: str | None = None) -> None:
        try:
            merged = parse_pairs(values, option_string or self.dest, into=getattr(namespace, self.dest, None))
        except UsageError as exc:
            parser.error(str(exc))  # exits 2 with the usage line
        setattr(namespace, self.dest, merged)
