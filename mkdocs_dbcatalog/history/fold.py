"""Folding analysed migrations, in the tool's order, into what each one changed and the structure at the end.

Each migration's operations are applied to a `Schema`; the tables it touched are compared before and
after it (`diff_tables`), which gives its changes in the same words as every other comparison.
Folding stops where asked (the applied version) to give the structure as of that migration.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..catalog.changes import Analysis, Change
from ..catalog.model import Table
from .diff import diff_tables
from .operations import Analysed
from .schema import Schema


@dataclass(frozen=True)
class Step:
    """What one migration did, as far as it could be read."""

    changes: tuple[Change, ...]
    analysis: Analysis
    unread: tuple[str, ...] = ()


@dataclass
class Folded:
    steps: dict[str, Step] = field(default_factory=dict)
    """Per migration key, in the order folded."""
    tables: tuple[Table, ...] = ()
    """The structure after the last migration folded."""
    incomplete: tuple[str, ...] = ()
    """Tables changed by a migration although no analysed migration created them."""

    @property
    def complete(self) -> bool:
        """Every migration was read in full, and every table it touched was created by one of them."""
        return not self.incomplete and all(s.analysis is Analysis.ANALYSED for s in self.steps.values())


def status(analysed: Analysed, unread: list[str]) -> Analysis:
    if analysed.failed or (unread and not analysed.operations):
        return Analysis.NOT_ANALYSED
    return Analysis.PARTIAL if unread else Analysis.ANALYSED


def fold(order: Iterable[str], analyses: Mapping[str, Analysed], *, start: Iterable[Table] = ()) -> Folded:
    """Apply the migrations named in `order` (keys of `analyses`), oldest first."""
    schema = Schema(start)
    folded = Folded()
    for key in order:
        analysed = analyses.get(key)
        if analysed is None:
            continue
        before = schema.copy()
        placeholders = set(schema.placeholders)
        schema.renamed.clear()
        schema.renamed_columns.clear()
        schema.problems.clear()
        for operation in analysed.operations:
            operation.apply(schema)
        after = schema.tables
        touched = [k for k, t in after.items() if before.get(k) is not t]
        touched += [k for k in before if k not in after]
        changes = diff_tables(
            before,
            after,
            keys=touched,
            renamed=schema.renamed,
            renamed_columns=schema.renamed_columns,
            existing=schema.placeholders - placeholders,
        )
        unread = [*analysed.unread, *schema.problems]
        folded.steps[key] = Step(tuple(changes), status(analysed, unread), tuple(unread))
    folded.tables = tuple(schema)
    folded.incomplete = tuple(sorted(schema.placeholders))
    return folded


__all__ = ["Folded", "Step", "fold", "status"]
