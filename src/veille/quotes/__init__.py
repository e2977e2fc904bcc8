"""Reported speech: quotation marks, cues of speech, speakers, and the quotes they make.

`veille.components.veille_quotes` runs `QuoteFinder` on every Doc; the modules here are
language-neutral, the French words live in `veille/lang/fr/speech_verbs.tsv` and
`veille/lang/fr/reported_speech.yaml`.
"""

from veille.quotes.cues import Lexicon
from veille.quotes.finder import QuoteFinder, find_quotes
from veille.quotes.marks import Segment, find_segments

__all__ = ["Lexicon", "QuoteFinder", "Segment", "find_quotes", "find_segments"]
