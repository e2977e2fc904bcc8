"""Text normalisation shared by the store's filters and the scorer: how two spellings of a
name are recognised as one (docs/evaluation.md, "Actors")."""

from __future__ import annotations

import re
import unicodedata

_FINAL_PARENTHETICAL = re.compile(r"\s*\([^()]*\)\s*$")


def fold(text: str) -> str:
    """Case-folded, without accents or punctuation, single spaces: "Élysée" and "elysee" agree."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(c for c in decomposed
                   if not unicodedata.combining(c) and not unicodedata.category(c).startswith("P"))
    return " ".join(kept.split())


def fold_name(name: str) -> str:
    """`fold` after dropping a final parenthetical qualifier: "Chega (political party)" → "chega"."""
    return fold(_FINAL_PARENTHETICAL.sub("", name))
