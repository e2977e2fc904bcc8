"""The figures of record: veille scored on each gold set, written to one JSON file and
printed as the Markdown table of the README.

    python -m veille.evaluation.figures eval/figures.json tests/gold/seed.jsonl tests/gold/dev.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from veille.evaluation import read_gold, score
from veille.evaluation.output import pipeline_outputs

ROWS = [("timex", "detection F1", "f1"), ("timex", "value accuracy", "value_accuracy"),
        ("quotes", "detection F1", "f1"), ("quotes", "speaker accuracy", "speaker_accuracy"),
        ("events", "detection F1", "f1"), ("events", "precision", "precision"), ("events", "recall", "recall"),
        ("events", "date accuracy", "date_accuracy"), ("events", "location accuracy", "location_accuracy"),
        ("events", "modality accuracy", "modality_accuracy")]


def figures(gold_paths: list[Path]) -> dict[str, dict]:
    by_set = {}
    for path in gold_paths:
        gold = read_gold([path])
        by_set[path.stem] = score(gold, pipeline_outputs(gold)).as_dict()
    return by_set


def markdown(by_set: dict[str, dict]) -> str:
    def cell(value) -> str:
        return "–" if value is None else f"{value:.2f}"

    lines = ["| layer | figure | " + " | ".join(by_set) + " |", "|---|---|" + "---|" * len(by_set)]
    for layer, label, key in ROWS:
        lines.append(f"| {layer} | {label} | " + " | ".join(cell(f[layer].get(key)) for f in by_set.values()) + " |")
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    if len(argv) < 2:
        sys.exit("usage: python -m veille.evaluation.figures OUTPUT.json GOLD.jsonl...")
    output, gold_paths = Path(argv[0]), [Path(p) for p in argv[1:]]
    by_set = figures(gold_paths)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(by_set, indent=2) + "\n", encoding="utf-8")
    print(markdown(by_set))


if __name__ == "__main__":
    main(sys.argv[1:])
