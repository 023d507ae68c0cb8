"""Schema over time: what each migration did, the structure migrations build, and differences.

`analyse_migrations` reads what each migration of a folder does (nothing is run), `annotate`
puts the changes on the migration history the pages show, and `derived_database` gives the
structure as of the newest (or applied) migration for a database described only in YAML.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from ..catalog.model import Database, MigrationHistory, MigrationStatus, Origin
from ..sources.migrations import FileSet, MigrationFiles, migration_history
from ..sources.yamlfile import YamlDatabase
from .analyse import analyse
from .diff import diff_databases, diff_tables
from .fold import Folded, fold
from .operations import Analysed

__all__ = [
    "MigrationAnalysis",
    "analyse_migrations",
    "annotate",
    "derived_database",
    "diff_databases",
    "diff_tables",
]

_DONE = (MigrationStatus.APPLIED, MigrationStatus.MODIFIED)


@dataclass(frozen=True)
class MigrationAnalysis:
    """One folder's migrations, analysed and folded in the tool's order."""

    files: FileSet
    analyses: dict[str, Analysed]
    folded: Folded


def analyse_migrations(files: FileSet, engine: str | None) -> MigrationAnalysis | None:
    """What the folder's migrations do; None for a tool whose files cannot be analysed."""
    analyses = analyse(files, engine)
    if not analyses:
        return None
    return MigrationAnalysis(files, analyses, fold([f.key for f in files.found], analyses))


def annotate(history: MigrationHistory | None, analysis: MigrationAnalysis | None) -> MigrationHistory | None:
    """The history with each migration's changes and how much of it could be read."""
    if analysis is None or history is None:
        return history
    by_file = {(f.migration.version, f.migration.path): f.key for f in analysis.files.found}
    steps = analysis.folded.steps
    migrations = []
    for migration in history.migrations:
        step = steps.get(by_file.get((migration.version, migration.path), ""))
        if step is not None:
            migration = replace(migration, changes=step.changes, analysis=step.analysis, unanalysed=step.unread)
        migrations.append(migration)
    return replace(history, migrations=tuple(migrations))


def derived_database(item: YamlDatabase, base: Path, found: MigrationFiles, analysis: MigrationAnalysis) -> Database:
    """The structure a database file's migrations build, marked "derived from migrations": as of the
    applied version when the YAML's history gives the statuses, else as of the newest migration."""
    history = migration_history(item, base, found)
    folded = analysis.folded
    if history is not None and history.state_known:
        done = {(m.version, m.path) for m in history.migrations if m.status in _DONE}
        keys = [f.key for f in analysis.files.found if (f.migration.version, f.migration.path) in done]
        folded = fold(keys, analysis.analyses)
    return replace(item.database, tables=folded.tables, origin=Origin.MIGRATIONS, drift=())
