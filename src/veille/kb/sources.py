"""The readable source files of the knowledge base, and their rows as plain records.

Every file is a commented TSV (see `veille.lang.read_table`): the packaged ones live in
`kb/data/`, a user's own ones in the user directory (`veille.kb.user`). A file's kind is
told by its header, so that a user file may have any name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from veille.lang import read_table

DATA_DIR = Path(__file__).parent / "data"

# kind of file: the columns its header must have
KINDS = {
    "countries": ("country", "name", "names", "capital", "capital_names", "executive", "status"),
    "places": ("name", "country", "names"),
    "organisations": ("name", "country", "sector", "aliases"),
    "people": ("name", "country", "sector", "gender", "aliases"),
    "roles": ("person", "office", "title", "of", "start", "end"),
    "affiliations": ("name", "aliases", "affiliations"),
}


def split(cell: str | None) -> list[str]:
    return [part.strip() for part in (cell or "").split("|") if part.strip()]


def kind_of(path: Path) -> str:
    """The kind of a KB source file, from the columns of its header."""
    with open(path, encoding="utf-8") as f:
        header = next((line for line in f if line.strip() and not line.startswith("#")), "")
    columns = tuple(cell.strip() for cell in header.rstrip("\n").split("\t"))
    for kind, expected in KINDS.items():
        if columns == expected:
            return kind
    raise ValueError(f"{path.name}: unknown columns {columns}; expected one of "
                     + "; ".join(f"{kind}: {' '.join(cols)}" for kind, cols in KINDS.items()))


@dataclass
class Sources:
    """All rows of a set of source files, by kind."""

    rows: dict[str, list[dict]] = field(default_factory=lambda: {kind: [] for kind in KINDS})
    files: list[str] = field(default_factory=list)

    def add_file(self, path: Path) -> None:
        kind = kind_of(path)
        self.rows[kind].extend(read_table(path))
        self.files.append(path.name)

    @classmethod
    def from_dirs(cls, *dirs: Path) -> "Sources":
        sources = cls()
        for directory in dirs:
            for path in sorted(directory.glob("*.tsv")):
                sources.add_file(path)
        return sources
