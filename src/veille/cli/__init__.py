"""The `veille` command line: every command is a thin wrapper over an importable function."""

import json

import typer

from veille.cli import browse
from veille.cli.dates import dates
from veille.cli.eval import eval_command
from veille.cli.extract import extract
from veille.cli.kb import kb_app
from veille.cli.run import run
from veille.cli.watch import watch

app = typer.Typer(
    help="French news articles to political event data: PLOVER events, quotes and dates, with provenance.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command()(extract)
app.command()(run)
app.command()(watch)
app.command()(browse.documents)
app.command()(browse.problems)
app.command()(browse.events)
app.command()(browse.quotes)
app.command()(browse.timeline)
app.command("eval")(eval_command)
app.command()(dates)
app.add_typer(kb_app, name="kb")


@app.command()
def schema() -> None:
    """Print the JSON Schema of veille's public contract (Document, Event, Quote, …).

    Example: veille schema > veille.schema.json
    """
    from veille.schema import json_schema

    typer.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))
