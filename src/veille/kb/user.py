"""A user's own knowledge-base files, and the index compiled from them.

The user directory is `$VEILLE_KB_DIR`, or `~/.local/share/veille/kb`. Any TSV file there
with the columns of a packaged source file (see `veille.kb.sources.KINDS`) is added to the
packaged sources; the index of both is compiled into the same directory and recompiled when
a file changes.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from veille.kb.build import INDEX_PATH, packaged_sources
from veille.kb.index import build, lint
from veille.kb.sources import Sources, kind_of

INDEX_NAME = "index.json"


def user_dir() -> Path:
    return Path(os.environ.get("VEILLE_KB_DIR") or Path.home() / ".local" / "share" / "veille" / "kb")


def user_files(directory: Path | None = None) -> list[Path]:
    directory = directory or user_dir()
    return sorted(directory.glob("*.tsv")) if directory.is_dir() else []


def fingerprint(files: list[Path]) -> list:
    """What the user index was compiled from: the packaged index and each user file."""
    stats = [INDEX_PATH.stat()] + [f.stat() for f in files]
    return [[path.name, stat.st_size, stat.st_mtime_ns] for path, stat in zip([INDEX_PATH, *files], stats)]


def all_sources(directory: Path | None = None) -> Sources:
    """Packaged and user sources together. A user's role that starts while a packaged
    open-ended term of the same office runs ends that term: the user knows who came next."""
    sources = packaged_sources()
    packaged_roles = list(sources.rows["roles"])
    for path in user_files(directory):
        sources.add_file(path)
    for new in sources.rows["roles"][len(packaged_roles):]:
        for old in packaged_roles:
            same = (old["office"], old["title"], old["of"]) == (new["office"], new["title"], new["of"])
            if same and not old["end"] and old["start"] < new["start"]:
                old["end"] = new["start"]
    return sources


def compile_user_index(directory: Path | None = None) -> Path:
    """Compile packaged and user sources into the user directory; raise on problems."""
    directory = directory or user_dir()
    sources = all_sources(directory)
    problems = lint(sources)
    if problems:
        raise ValueError("the knowledge base has problems:\n" + "\n".join(problems))
    index = build(sources)
    index["fingerprint"] = fingerprint(user_files(directory))
    path = directory / INDEX_NAME
    path.write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")
    return path


def user_index(directory: Path | None = None) -> dict | None:
    """The compiled index of the user's files, recompiled when stale; None without files."""
    directory = directory or user_dir()
    files = user_files(directory)
    if not files:
        return None
    path = directory / INDEX_NAME
    if path.exists():
        index = json.loads(path.read_text(encoding="utf-8"))
        if index.get("fingerprint") == fingerprint(files):
            return index
    compile_user_index(directory)
    return json.loads(path.read_text(encoding="utf-8"))


def add_file(source: Path, directory: Path | None = None) -> tuple[str, Path]:
    """Copy a TSV file into the user directory after checking it; its kind and new path."""
    directory = directory or user_dir()
    kind = kind_of(source)
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / source.name
    shutil.copyfile(source, target)
    try:
        compile_user_index(directory)
    except ValueError:
        target.unlink()
        raise
    return kind, target
