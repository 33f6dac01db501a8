"""The documentation tells the truth: the README's commands exist, every command has help."""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

from app import __version__, cli

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def subcommands(parser: argparse.ArgumentParser, prefix=()):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield prefix + (name,)
                yield from subcommands(sub, prefix + (name,))


def test_readme_opens_with_the_two_setup_commands():
    first_block = README.split("```", 2)[1].strip().splitlines()
    assert first_block == ["./dev demo", "./dev test"]
    dev = (ROOT / "dev").read_text(encoding="utf-8")
    assert "  demo)" in dev and "  test)" in dev
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "./dev test" in ci


def test_every_command_has_help():
    parser = cli.build_parser()
    commands = list(subcommands(parser))
    assert ("rubric", "check") in commands and ("scores", "import") in commands
    for cmd in commands:
        run = subprocess.run([sys.executable, "-m", "app", *cmd, "--help"], cwd=ROOT, capture_output=True, text=True)
        assert run.returncode == 0, (cmd, run.stderr)
        assert "usage:" in run.stdout


def test_every_command_the_readme_shows_exists():
    parser = cli.build_parser()
    known = set(subcommands(parser))
    shown = re.findall(r"^panelreview ((?:[a-z]+ ?){1,2})", README, flags=re.M)
    assert shown
    for words in shown:
        parts = tuple(words.split())
        assert parts in known or parts[:1] in known, parts


def test_version_is_one_number():
    import tomllib

    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert meta["project"]["version"] == __version__
    run = subprocess.run([sys.executable, "-m", "app", "--version"], cwd=ROOT, capture_output=True, text=True)
    assert run.stdout.strip() == f"PanelReview {__version__}"
