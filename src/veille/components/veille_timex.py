"""The veille_timex component: temporal expressions with their TIMEX3 values.

Assigned attributes:

| attribute | value |
|---|---|
| `doc._.timexes` | `[{start, end, text, value, type, granularity}]`, character offsets into `doc.text`; `type` is DATE, TIME, DURATION or SET |

Reads `doc._.published` (YYYY-MM-DD), the anchor of relative dates, and the parse (tense of
the governing verb). Dates in boilerplate lines are reported too: the components that
build on them skip those lines.
"""

from spacy.language import Language
from spacy.tokens import Doc

from veille.extensions import register_extensions
from veille.temporal.dates import annotate_doc
from veille.temporal.grammar import grammar


@Language.factory("veille_timex", default_config={"lang": "fr"})
def make_timex(nlp: Language, name: str, lang: str) -> "TimexRecognizer":
    return TimexRecognizer(lang)


class TimexRecognizer:
    def __init__(self, lang: str) -> None:
        register_extensions()
        self.lang = lang
        grammar(lang)  # compile the patterns now, not on the first document

    def __call__(self, doc: Doc) -> Doc:
        doc._.timexes = annotate_doc(doc, self.lang)
        return doc
