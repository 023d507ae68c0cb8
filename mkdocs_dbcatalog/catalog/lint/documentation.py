"""Rules about documentation: descriptions, coverage, and references to other services."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from ..coverage import Coverage, database_coverage
from ..model import Catalog, Database
from .base import KeyPath, LintSettings, Problem, table_path

# --- table-without-description -------------------------------------------------------------------


def no_description(catalog: Catalog, database: Database, settings: LintSettings) -> Iterator[Problem]:
    for table in database.tables:
        if not table.text:
            yield (
                f"{table.kind.value} {table.key} has no description: write its purpose in the YAML file "
                "or a comment in the database",
                table.key,
                None,
                table_path(table),
            )


# --- cross-service-reference-missing-target ------------------------------------------------------


def missing_reference_target(catalog: Catalog, database: Database, settings: LintSettings) -> Iterator[Problem]:
    def hint(name: str, choices: list[str]) -> str:
        close = difflib.get_close_matches(name, choices, n=1)
        return f" (did you mean {close[0]!r}?)" if close else ""

    for i, ref in enumerate(database.references):
        if ref.inferred:
            continue  # guessed from a matching table, so its target exists
        source = f"{ref.source.key}.{ref.source_column}"
        target_text = f"{ref.target_database}/{ref.target.key}.{ref.target_column}"
        path: KeyPath = ("references", i, "to")
        target_db = catalog.find_database(ref.target_database)
        if target_db is None:
            names = [d.name for d in catalog.databases] + [d.service for d in catalog.databases if d.service]
            problem = f"no database or service {ref.target_database!r} in the catalog{hint(ref.target_database, names)}"
        elif not target_db.tables:
            continue  # nothing is known of its structure: nothing to contradict
        elif (target := target_db.table(ref.target.key)) is None:
            keys = [t.key for t in target_db.tables]
            problem = f"{target_db.name} has no table {ref.target.key!r}{hint(ref.target.key, keys)}"
        elif target.columns and target.column(ref.target_column) is None:
            names = [c.name for c in target.columns]
            problem = f"{target_db.name}/{target.key} has no column {ref.target_column!r}"
            problem += hint(ref.target_column, names)
        else:
            continue
        yield f"reference {source} → {target_text}: {problem}", ref.source.key, ref.source_column, path


# --- coverage-below-threshold --------------------------------------------------------------------


def coverage_below_threshold(catalog: Catalog, database: Database, settings: LintSettings) -> Iterator[Problem]:
    threshold = settings.coverage_threshold
    if threshold is None or not database.tables:
        return
    found: Coverage = database_coverage(database)
    if coverage_percent(found) < threshold:
        yield (
            f"documentation coverage of {database.name} is {_percent(found)} ({found.documented} of {found.total} "
            f"tables and columns described), below the threshold of {threshold:g}%",
            None,
            None,
            ("database",),
        )


def coverage_percent(coverage: Coverage) -> float:
    """Coverage in percent, rounded down to one decimal: 99.96% must not read as 100%."""
    return coverage.percent


def _percent(coverage: Coverage) -> str:
    return f"{coverage_percent(coverage):g}%"


