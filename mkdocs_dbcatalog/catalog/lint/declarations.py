"""Rules about what people declare on top of the structure: relations and viewpoints."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from .. import viewpoints
from ..model import Catalog, Database
from ..unenforced import problem
from .base import LintSettings, Problem

# --- relation-missing-column ---------------------------------------------------------------------


def relation_missing_column(catalog: Catalog, database: Database, settings: LintSettings) -> Iterator[Problem]:
    if not database.tables:
        return  # nothing is known of the structure: nothing to contradict
    for i, relation in enumerate(database.relations):
        if relation.inferred:
            continue
        found = problem(database, relation)
        if found is None:
            continue
        close = difflib.get_close_matches(found.name, found.choices, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        target = relation.target.key + (f"({', '.join(relation.target_columns)})" if relation.target_columns else "")
        text = f"relation {relation.source.key}({', '.join(relation.columns)}) → {target}: {found.sentence}{hint}"
        yield text, relation.source.key, relation.columns[0], ("relations", i, found.where)


# --- viewpoint-pattern-unmatched -----------------------------------------------------------------


def viewpoint_pattern_unmatched(catalog: Catalog, database: Database, settings: LintSettings) -> Iterator[Problem]:
    if not database.tables:
        return
    for i, viewpoint in enumerate(database.viewpoints):
        for path, pattern in viewpoints.unmatched(database, viewpoint):
            close = difflib.get_close_matches(pattern, [t.key for t in database.tables], n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            yield (
                f"viewpoint {viewpoint.name!r}: {pattern!r} matches no table{hint}",
                None,
                None,
                ("viewpoints", i, *path),
            )
