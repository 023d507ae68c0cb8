"""Schema-file rules: what a database's SQL files said that the catalog could not read.

A schema file is a script for a client, and sqlglot does not read every statement of every engine;
what it skips is never fatal, but the catalog may miss what those statements create, so it is said
once per file (how many, and the first line numbers) and once per table left incomplete.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Catalog, Database
from .base import LintSettings, Problem, table_path

_PLACE = ("connection", "ddl")
_LINES_SHOWN = 5


def skipped_statements(catalog: Catalog, database: Database, settings: LintSettings) -> Iterator[Problem]:
    for file in database.schema_files:
        if not file.skipped:
            continue
        count = len(file.skipped)
        first = file.skipped[0]
        if count == 1:
            said = f"the statement at line {first.line} could not be read and was skipped ({first.reason})"
            said += "; what it creates is missing from the catalog"
        else:
            lines = ", ".join(str(s.line) for s in file.skipped[:_LINES_SHOWN]) + (
                ", ..." if count > _LINES_SHOWN else ""
            )
            said = f"{count} statements could not be read and were skipped (lines {lines}; line {first.line}: "
            said += f"{first.reason}); what they create is missing from the catalog"
        yield (
            f"{file.path}: {said}",
            None,
            None,
            _PLACE,
        )


def incomplete_tables(catalog: Catalog, database: Database, settings: LintSettings) -> Iterator[Problem]:
    for table in database.tables:
        if table.incomplete:
            yield (
                f"{table.kind.value} {table.key} is shown incomplete: {table.incomplete}",
                table.key,
                None,
                table_path(table),
            )


__all__ = ["incomplete_tables", "skipped_statements"]
