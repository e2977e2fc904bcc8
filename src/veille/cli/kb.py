"""`veille kb …`: look up, extend and import the actor knowledge base."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from veille.cli.options import LIST_FORMAT, TableOrJsonl

kb_app = typer.Typer(help="The actor knowledge base: who is who, on which date.", no_args_is_help=True)


@kb_app.command()
def lookup(text: str = typer.Argument(..., help="A mention: a name, a role, a metonym, a country."),
           date: str = typer.Option(None, "--date", help="The date the roles are taken at, YYYY-MM-DD (default: today)."),
           format: TableOrJsonl = LIST_FORMAT) -> None:
    """The actors a mention may stand for, best first.

    Example: veille kb lookup "le président russe" --date 2018-10-24
    """
    from veille.kb import lookup as find

    found = find(text, date)
    if format == TableOrJsonl.jsonl:
        for actor in found:
            typer.echo(json.dumps(actor, ensure_ascii=False))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table("name", "country", "sector", "kind", "role")
    for actor in found:
        table.add_row(actor["name"] or "-", actor["country"] or "-", actor["sector"] or "-", actor["kind"] or "-",
                      actor["role"] or "-")
    Console().print(table)
    if not found:
        raise typer.Exit(1)


@kb_app.command()
def add(path: Path = typer.Argument(..., exists=True, dir_okay=False, help="A TSV file of people, roles, organisations, places or countries.")) -> None:
    """Add your own TSV file to the knowledge base (same columns as the packaged files).

    Example: veille kb add my_people.tsv
    """
    from veille.kb.user import add_file

    try:
        kind, target = add_file(path)
    except ValueError as problem:
        typer.echo(str(problem), err=True)
        raise typer.Exit(1)
    typer.echo(f"added {kind} file {target}")


@kb_app.command("import-wikidata")
def import_wikidata(dump: Path = typer.Argument(..., exists=True, dir_okay=False, help="A Wikidata JSON dump: .json, .json.gz or .json.bz2.")) -> None:
    """Add the people, offices and organisations of a Wikidata JSON dump, read as a stream.

    Example: veille kb import-wikidata latest-all.json.bz2
    """
    from veille.kb.user import compile_user_index, user_dir
    from veille.kb.wikidata import import_dump

    counts = import_dump(dump, user_dir())
    compile_user_index()
    typer.echo(", ".join(f"{n} {kind}" for kind, n in counts.items()) + f" imported into {user_dir()}")
