"""The documentation keeps up with the code: every command, and every Doc extension."""

from pathlib import Path

import typer.main

from veille.cli import app
from veille.extensions import DOC_EXTENSIONS

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def command_names(typer_app, prefix=""):
    group = typer.main.get_command(typer_app)
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            for sub in command.commands:
                yield f"{prefix}{name} {sub}"
        else:
            yield f"{prefix}{name}"


def test_every_command_is_in_the_readme():
    missing = [name for name in command_names(app) if f"veille {name}" not in README]
    assert not missing, f"undocumented commands: {missing}"


def test_every_command_has_help_with_an_example():
    group = typer.main.get_command(app)
    for name, command in group.commands.items():
        if not hasattr(command, "commands"):
            assert "Example:" in (command.help or ""), name


def test_every_doc_extension_is_described():
    assert all(DOC_EXTENSIONS.values())
    assert "veille/extensions.py" in README
