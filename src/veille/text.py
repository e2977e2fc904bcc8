"""Text normalisation shared by matching, filtering and scoring."""

from __future__ import annotations

import re
import unicodedata

_PUNCTUATION = re.compile(r"[^\w\s]")
_FINAL_PARENTHETICAL = re.compile(r"\s*\([^()]*\)\s*$")


def fold(text: str) -> str:
    """Case-folded, accents stripped, punctuation removed, whitespace collapsed:
    "Chega (political party)" and "chega" differ, "Élysée" and "elysee" do not."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_PUNCTUATION.sub(" ", stripped).split())


def fold_name(name: str) -> str:
    """`fold` after dropping a final parenthetical qualifier: "Chega (political party)" → "chega"."""
    return fold(_FINAL_PARENTHETICAL.sub("", name))
