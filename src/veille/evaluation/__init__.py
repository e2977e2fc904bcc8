"""`veille eval`: scoring system outputs against gold annotations, as docs/evaluation.md
defines it.

    from veille.evaluation import read_gold, score
    report = score(read_gold(["tests/gold/seed.jsonl"]), outputs)
    report.as_dict()  # {"timex": {...}, "quotes": {...}, "events": {...}}
"""

from veille.evaluation.gold import FormatError, read_gold
from veille.evaluation.output import extraction_to_output, read_outputs
from veille.evaluation.report import write_figures
from veille.evaluation.scoring import Report, score

__all__ = ["FormatError", "Report", "extraction_to_output", "read_gold", "read_outputs", "score", "write_figures"]
