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


def readme_commands() -> list[tuple[str, ...]]:
    """The commands the README's command-line section shows, in its order: ("rubric", "list"), ("merge",), ..."""
    section = README.split("## Command line", 1)[1].split("\n## ", 1)[0]
    block = section.split("```", 2)[1]
    found: dict[tuple[str, ...], None] = {}
    for line in block.splitlines():
        words = line.split()
        if not words or words[0] != "panelreview":
            continue
        command: list[str] = []
        for word in words[1:3]:  # the lower-case words after the name; arguments are upper case or options
            if not re.fullmatch(r"[a-z]+", word):
                break
            command.append(word)
        found[tuple(command)] = None
    return list(found)


def test_the_readme_lists_every_command_and_nothing_else():
    commands = readme_commands()
    assert ("rubric", "list") in commands and ("merge",) in commands and ("report",) in commands
    every = set(subcommands(cli.build_parser()))
    leaves = {c for c in every if not any(len(o) > len(c) and o[:len(c)] == c for o in every)}
    assert set(commands) == leaves, "the README's command list and the parser differ"


def test_every_command_the_readme_shows_answers_help():
    groups = list(dict.fromkeys(c[:1] for c in readme_commands() if len(c) == 2))
    for cmd in groups + readme_commands():
        run = subprocess.run([sys.executable, "-m", "app", *cmd, "--help"], cwd=ROOT, capture_output=True, text=True)
        assert run.returncode == 0, (cmd, run.stderr)
        assert run.stdout.startswith(f"usage: panelreview {' '.join(cmd)} "), (cmd, run.stdout)


def test_version_is_one_number():
    import tomllib

    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert meta["project"]["version"] == __version__
    run = subprocess.run([sys.executable, "-m", "app", "--version"], cwd=ROOT, capture_output=True, text=True)
    assert run.stdout.strip() == f"PanelReview {__version__}"
