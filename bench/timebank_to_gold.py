"""Convert the French TimeBank (ISO-TimeML) into veille's gold format (docs/evaluation.md).

One gold document per TimeML file: its <TEXT> with the tags removed, its creation time as
the document date, its DATE expressions as gold timexes. TimeML types the other
expressions TIME, DURATION or SET; they go to `optional`, because veille's contract counts
a day with a part of the day ("hier soir", TIME in TimeBank) and the PRESENT_REF of
"maintenant" as dates, and a system should neither gain nor lose by them.

    python bench/timebank_to_gold.py TIMEBANK_DIR [OUTPUT]

TIMEBANK_DIR is the French TimeBank 1.1 distribution (or its Data/ folder of .tml files);
OUTPUT defaults to tests/gold/fr-timebank.jsonl.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = ROOT / "tests" / "gold" / "fr-timebank.jsonl"


def text_and_timexes(element: ET.Element) -> tuple[str, list[dict]]:
    """The text of an element without its tags, and its TIMEX3 elements with their offsets."""
    pieces: list[str] = []
    timexes: list[dict] = []
    length = 0

    def walk(node: ET.Element) -> None:
        nonlocal length
        start = length
        if node.text:
            pieces.append(node.text)
            length += len(node.text)
        for child in node:
            walk(child)
            if child.tail:
                pieces.append(child.tail)
                length += len(child.tail)
        if node.tag == "TIMEX3" and length > start:
            timexes.append({"start": start, "end": length, **node.attrib})

    walk(element)
    return "".join(pieces), timexes


def convert(path: Path) -> dict:
    root = ET.parse(path).getroot()
    creation = root.find("DCT/TIMEX3")
    text, timexes = text_and_timexes(root.find("TEXT"))
    gold: list[dict] = []
    optional: list[dict] = []
    for timex in sorted(timexes, key=lambda t: t["start"]):
        surface = text[timex["start"]:timex["end"]]
        # Offsets of the expression itself, without the spaces a tag may enclose.
        start = timex["start"] + len(surface) - len(surface.lstrip())
        item = {"text": surface.strip(), "start": start, "value": timex.get("value")}
        if timex.get("type") == "DATE":
            gold.append(item)
        else:  # untyped, so that the scorer holds it against system dates; TimeML's type kept aside
            optional.append({**item, "timeml_type": timex.get("type")})
    return {"id": root.findtext("DOCID").strip(), "date": creation.get("value")[:10], "lang": "fr",
            "text": text, "timex": gold, "optional": {"timex": optional}}


def main(source: Path, output: Path = DEFAULT_OUTPUT) -> None:
    data = source / "Data" if (source / "Data").is_dir() else source
    documents = [convert(path) for path in sorted(data.glob("*.tml"))]
    if not documents:
        sys.exit(f"no .tml files in {data}")
    output.parent.mkdir(parents=True, exist_ok=True)
    with open(output, "w", encoding="utf-8") as f:
        for document in documents:
            f.write(json.dumps(document, ensure_ascii=False) + "\n")
    dates = sum(len(d["timex"]) for d in documents)
    print(f"{len(documents)} documents, {dates} DATE expressions -> {output}")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(*(Path(arg) for arg in sys.argv[1:3]))
