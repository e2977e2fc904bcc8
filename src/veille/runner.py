"""A corpus into the store: read, skip what is stored, extract, write, count.

Documents already in the store are skipped before parsing, and each document is committed
with its items, so a run that is killed and started again resumes where it stopped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language

from veille.pipeline import process
from veille.schema import Document, Problem
from veille.store import Store


@dataclass
class RunSummary:
    added: int = 0
    already_stored: int = 0
    events: int = 0
    quotes: int = 0
    problems: Counter[str] = field(default_factory=Counter)  # by stage

    @property
    def failed(self) -> int:
        return sum(self.problems.values())


def run_corpus(nlp: Language, items: Iterable[Document | Problem], store: Store, batch_size: int = 16,
               n_process: int = 1, on_item: Callable[[RunSummary], None] | None = None,
               on_problem: Callable[[Problem], None] | None = None) -> RunSummary:
    summary = RunSummary()

    def record_problem(problem: Problem) -> None:
        store.add_problem(problem)
        summary.problems[problem.stage] += 1
        if on_problem:
            on_problem(problem)

    def fresh() -> Iterator[Document]:
        for item in items:
            if isinstance(item, Problem):
                record_problem(item)
            elif store.has(item):
                summary.already_stored += 1
            else:
                yield item
            if on_item:
                on_item(summary)

    for document, result in process(nlp, fresh(), batch_size, n_process):
        if isinstance(result, Problem):
            record_problem(result)
        elif store.add(document, result):
            summary.added += 1
            summary.events += len(result.events)
            summary.quotes += len(result.quotes)
        else:
            summary.already_stored += 1  # the same text twice in one batch
        if on_item:
            on_item(summary)
    return summary
