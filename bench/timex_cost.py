"""What the veille_timex component costs, as a share of the spaCy parse of the same texts.

    python bench/timex_cost.py [GOLD_OR_CORPUS.jsonl ...] [--repeat N]

defaults: the gold sets of tests/gold/. The texts are parsed once by the language's spaCy
model (timed), then the component runs on the parsed docs (timed, best of N runs). The
ratio, printed last, must stay under 5%; absolute speeds depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import spacy

from veille.components.veille_timex import TimexRecognizer
from veille.pipeline import MODELS

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="*", type=Path, default=sorted((ROOT / "tests" / "gold").glob("*.jsonl")))
    parser.add_argument("--lang", default="fr")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    documents = [json.loads(line) for path in args.corpus for line in path.read_text(encoding="utf-8").splitlines()
                 if line.strip()]
    texts = [d["text"] for d in documents]
    print(f"{len(texts)} documents, {sum(map(len, texts)) / 1000:.0f}k characters")

    nlp = spacy.load(MODELS[args.lang])
    list(nlp.pipe(texts[:4]))  # warm-up
    start = time.perf_counter()
    docs = list(nlp.pipe(texts))
    parse = time.perf_counter() - start

    component = TimexRecognizer(args.lang)
    for doc, document in zip(docs, documents):
        doc._.published = document.get("date")
    timex = min(_timed(component, docs) for _ in range(args.repeat))
    found = sum(len(doc._.timexes) for doc in docs)
    print(f"spaCy parse ({MODELS[args.lang]}): {parse:.3f} s")
    print(f"veille_timex: {timex:.3f} s ({found} expressions)")
    print(f"veille_timex / parse: {timex / parse:.1%}")


def _timed(component: TimexRecognizer, docs: list) -> float:
    start = time.perf_counter()
    for doc in docs:
        component(doc)
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
