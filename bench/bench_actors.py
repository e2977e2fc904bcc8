"""How much the veille_actors component adds to parsing, and how fast the KB index loads.

    .venv/bin/python bench/bench_actors.py [GOLD.jsonl …]

Parses the documents of the gold files (default: the seed and dev sets) with the spaCy
model and the boundary component, with and without veille_actors, best of three runs each,
and prints the ratio. The target is under 1.10.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import spacy

from veille.extensions import register_extensions

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = [ROOT / "tests" / "gold" / "seed.jsonl", ROOT / "tests" / "gold" / "dev.jsonl"]


def documents(paths: list[Path]) -> list[dict]:
    return [json.loads(line) for path in paths for line in path.read_text(encoding="utf-8").splitlines() if line]


def best_of(runs: int, work) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def main(argv: list[str]) -> None:
    register_extensions()
    docs = documents([Path(a) for a in argv] or DEFAULT)
    started = time.perf_counter()
    from veille.kb import load_kb

    load_kb()
    print(f"knowledge-base index loaded in {time.perf_counter() - started:.2f} s")
    nlp = spacy.load("fr_core_news_md")
    nlp.add_pipe("veille_boundaries", first=True)
    started = time.perf_counter()
    nlp.add_pipe("veille_actors")
    print(f"veille_actors made (phrase index compiled) in {time.perf_counter() - started:.2f} s")

    def parse(disable: list[str]) -> None:
        with nlp.select_pipes(disable=disable):
            for d in docs:
                doc = nlp.make_doc(d["text"])
                doc._.published = d.get("date")
                nlp(doc)

    parse([])  # warm up
    baseline = best_of(3, lambda: parse(["veille_actors"]))
    with_actors = best_of(3, lambda: parse([]))
    words = sum(len(d["text"].split()) for d in docs)
    print(f"{len(docs)} documents, {words} words")
    print(f"model + boundaries: {baseline:.2f} s; with veille_actors: {with_actors:.2f} s")
    print(f"ratio: {with_actors / baseline:.3f} (target < 1.10)")


if __name__ == "__main__":
    main(sys.argv[1:])
