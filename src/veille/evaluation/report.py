"""How a `Report` is shown: a table of figures for people, JSON for programs and for
`eval/figures.json`, and the explanation of every error, document by document."""

from __future__ import annotations

import json
from pathlib import Path
from rich.console import Console
from rich.table import Table
from rich.text import Text

from veille.evaluation.scoring import DocumentResult, Item, LayerResult, Report


def percent(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}"


def figures_table(report: Report) -> Table:
    table = Table(title="Detection", title_justify="left")
    for column in ("layer", "gold", "system", "matched", "precision", "recall", "F1"):
        table.add_column(column, justify="left" if column == "layer" else "right")
    for name, figures in report.figures.items():
        table.add_row(name, str(figures.gold), str(figures.system), str(figures.matched),
                      percent(figures.precision), percent(figures.recall), percent(figures.f1))
    return table


def accuracy_table(report: Report) -> Table:
    table = Table(title="Attributes of matched items", title_justify="left")
    for column in ("layer", "attribute", "accuracy", "right", "scored"):
        table.add_column(column, justify="left" if column in ("layer", "attribute") else "right")
    for name, figures in report.figures.items():
        for attribute in figures.layer.attributes:
            table.add_row(name, attribute, percent(figures.accuracy(attribute)),
                          str(figures.right[attribute]), str(figures.scored[attribute]))
    return table


def print_table(report: Report, console: Console) -> None:
    console.print(figures_table(report))
    console.print(accuracy_table(report))
    count = len(report.documents)
    console.print(f"{count} document{'' if count == 1 else 's'}; figures in %, micro-averaged over documents.")


def figures_json(report: Report) -> str:
    return json.dumps(report.as_dict(), indent=2, ensure_ascii=False)


def write_figures(report: Report, path: str | Path) -> None:
    """Write the figures of `report` as JSON (the content of eval/figures.json)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(figures_json(report) + "\n", encoding="utf-8")


# --- explanation -------------------------------------------------------------------------

def actor_label(actor: dict | None) -> str:
    if not actor:
        return "?"
    return actor.get("name") or "/".join(actor.get(k) for k in ("country", "sector") if actor.get(k)) or "?"


def actors_label(actors: list | None) -> str:
    return "+".join(actor_label(a) for a in actors or []) or "-"


def place_label(location: dict | None) -> str:
    if not location:
        return "-"
    return "/".join(location.get(k) for k in ("name", "country") if location.get(k)) or "-"


def clipped(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def item_label(layer: str, item: Item) -> str:
    if layer == "timex":
        return f"{clipped(item['text'])!r}@{item['start']} = {item.get('value')}"
    if layer == "quotes":
        return f"{clipped(item.get('text') or '')!r}@{item['start']} by {actor_label(item.get('speaker'))}"
    return (f"{item['type']}/{item.get('mode') or '-'} {actors_label(item.get('actors'))}"
            f" → {actors_label(item.get('recipients'))} {item.get('date') or '-'}"
            f" @{place_label(item.get('location'))} {item.get('modality') or 'asserted'}"
            f"  {clipped(evidence_text(item), 60)!r}")


def evidence_text(event: Item) -> str:
    evidence = event.get("evidence")
    if isinstance(evidence, list):
        return " | ".join(e.get("text") or "" for e in evidence if isinstance(e, dict))
    return evidence or ""


def attribute_value(attribute: str, item: Item) -> str:
    if attribute == "speaker":
        return actor_label(item.get("speaker"))
    if attribute == "location":
        return place_label(item.get("location"))
    if attribute == "direction":
        return f"{actors_label(item.get('actors'))} → {actors_label(item.get('recipients'))}"
    if attribute == "modality":
        return item.get("modality") or "asserted"
    return str(item.get(attribute))


def layer_lines(layer: str, result: LayerResult) -> list[Text]:
    lines = [Text.assemble(("  miss  ", "red"), f"{layer} {item_label(layer, item)}") for item in result.misses]
    lines += [Text.assemble(("  false positive  ", "yellow"), f"{layer} {item_label(layer, item)}")
              for item in result.false_positives]
    for pair in result.pairs:
        for attribute, right in pair.judged.items():
            if not right:
                lines.append(Text.assemble(
                    (f"  wrong {attribute}  ", "magenta"), f"{layer} {item_label(layer, pair.gold)}\n",
                    f"      gold {attribute_value(attribute, pair.gold)}",
                    f"  system {attribute_value(attribute, pair.system)}"))
    return lines


def document_lines(document: DocumentResult) -> list[Text]:
    lines = [] if document.has_output else [Text("  no system output for this document", "red")]
    for layer, result in document.layers.items():
        lines += layer_lines(layer, result)
    return lines


def print_explanation(report: Report, console: Console) -> None:
    """Every miss, false positive and wrong attribute, per document."""
    for document in report.documents:
        lines = document_lines(document)
        console.rule(Text(f"{document.id}: {len(lines) or 'no'} errors"), align="left")
        for line in lines:
            console.print(line)
    for doc_id in report.unscored_outputs:
        console.print(Text(f"output {doc_id!r} has no gold document: not scored", "yellow"))

