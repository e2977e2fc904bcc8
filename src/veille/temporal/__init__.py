"""Temporal expressions: detection (`detect`) over patterns compiled from language data
(`grammar`), and normalisation to TIMEX3 values (`resolve`, on `calendar` periods) against
the publication date, the narrative and the tense of the clause (`clause`).

`find_dates` runs it all on one text; the `veille_timex` spaCy component runs it in a
pipeline.
"""

from veille.temporal.dates import annotate, find_dates

__all__ = ["annotate", "find_dates"]
