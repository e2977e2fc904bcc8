"""Language resources: plain data files, one folder per language.

A table is a UTF-8 TSV file: leading `#` lines say what a row means, the first other line
names the columns, every further line is a row. Empty cells are None; `|` separates the
alternatives of a cell where the header comment says so.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

import yaml

LANG_DIR = Path(__file__).parent
SUPPORTED = tuple(sorted(p.name for p in LANG_DIR.iterdir() if p.is_dir() and not p.name.startswith("_")))


def lang_path(lang: str, name: str) -> Path:
    if lang not in SUPPORTED:
        raise ValueError(f"unsupported language: {lang} (supported: {', '.join(SUPPORTED)})")
    return LANG_DIR / lang / name


def read_table(path: Path) -> list[dict[str, str | None]]:
    """Rows of a commented TSV file, as dicts keyed by the header."""
    with open(path, encoding="utf-8", newline="") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader)
    rows = []
    for number, cells in enumerate(reader, start=2):
        if len(cells) > len(header):
            raise ValueError(f"{path.name}: row {number} has {len(cells)} cells for {len(header)} columns")
        cells += [""] * (len(header) - len(cells))
        rows.append({key: (cell.strip() or None) for key, cell in zip(header, cells)})
    return rows


@lru_cache(maxsize=None)
def table(lang: str, name: str) -> tuple[dict[str, str | None], ...]:
    """A language table, read once per process."""
    return tuple(read_table(lang_path(lang, name)))


@lru_cache(maxsize=None)
def data(lang: str, name: str):
    """A language YAML file, read once per process."""
    with open(lang_path(lang, name), encoding="utf-8") as f:
        return yaml.safe_load(f)
