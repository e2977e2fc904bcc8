"""Documents per second of a whole `veille run` against bare spaCy parsing of the same texts.

    python bench/throughput.py CORPUS.jsonl [--batch-size N]

Both are measured in the same process on the same texts; the ratio, printed last, is what
to compare across versions (absolute speeds depend on the machine).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import spacy

from veille.ingest import read_inputs
from veille.pipeline import MODELS, load
from veille.runner import run_corpus
from veille.schema import Document
from veille.store import Store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path, help="JSON Lines of documents (id, text, date, title)")
    parser.add_argument("--lang", default="fr")
    parser.add_argument("--batch-size", type=int, default=16)
    args = parser.parse_args()

    documents = [d for d in read_inputs([str(args.corpus)]) if isinstance(d, Document)]
    texts = [d.text for d in documents]
    print(f"{len(documents)} documents, {sum(map(len, texts)) / 1000:.0f}k characters")

    bare = spacy.load(MODELS[args.lang])
    list(bare.pipe(texts[:2]))  # warm-up
    start = time.perf_counter()
    for _ in bare.pipe(texts, batch_size=args.batch_size):
        pass
    bare_rate = len(texts) / (time.perf_counter() - start)
    print(f"bare spaCy parse: {bare_rate:.2f} documents/s")

    nlp = load(args.lang)
    list(nlp.pipe(texts[:2]))
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "bench.duckdb") as store:
        start = time.perf_counter()
        run_corpus(nlp, documents, store, batch_size=args.batch_size)
        veille_rate = len(documents) / (time.perf_counter() - start)
    print(f"veille run (parse, components, store): {veille_rate:.2f} documents/s")
    print(f"ratio veille run / bare parse: {veille_rate / bare_rate:.3f}")


if __name__ == "__main__":
    main()
