"""Rebuild the packaged index of the knowledge base from its source files.

    python -m veille.kb.build          # writes src/veille/kb/data/index.json
    python -m veille.kb.build --check  # fails when the index is not up to date
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from veille.kb.index import build, lint
from veille.kb.sources import DATA_DIR, Sources

INDEX_PATH = DATA_DIR / "index.json"


def packaged_sources() -> Sources:
    return Sources.from_dirs(DATA_DIR)


def dumps(index: dict) -> str:
    """The index as written to disk: compact, one top-level table a line, stable."""
    lines = [json.dumps(key) + ":" + json.dumps(value, ensure_ascii=False, separators=(",", ":"))
             for key, value in index.items()]
    return "{\n" + ",\n".join(lines) + "\n}\n"


def rebuild(sources: Sources | None = None, path: Path = INDEX_PATH) -> Path:
    sources = sources or packaged_sources()
    problems = lint(sources)
    if problems:
        raise ValueError("the knowledge base has problems:\n" + "\n".join(problems))
    path.write_text(dumps(build(sources)), encoding="utf-8")
    return path


def main(argv: list[str]) -> int:
    if "--check" in argv:
        current = INDEX_PATH.read_text(encoding="utf-8") if INDEX_PATH.exists() else ""
        if current != dumps(build(packaged_sources())):
            print(f"{INDEX_PATH} is out of date: run python -m veille.kb.build")
            return 1
        return 0
    print(f"wrote {rebuild()}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
