"""One database's migration history: its files, joined with its bookkeeping table when reachable.

`assemble` reads each database file's migration folder (`read_migrations`), asks the live read to
SELECT the tool's bookkeeping table in its read-only session (`read_bookkeeping`), and joins the two
(`migration_history`): the applied state can then be cached with the live read while the files are
read fresh at every build.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy.engine import Connection

from ...catalog.model import Migration, MigrationHistory, MigrationStatus
from ...errors import CatalogError
from ..yamlfile import YamlDatabase
from .base import Applied, FileSet, missing_and_failed
from .bookkeeping import read_applied
from .detect import detect
from .tools import TOOLS

_WRITTEN = "the YAML history"
"""Who records a status the database was not asked about (for the problem sentences)."""


@dataclass(frozen=True)
class MigrationSource:
    """Where one database's migrations are, as its YAML file says."""

    folder: Path
    shown: str
    """The folder as pages show it: relative to mkdocs.yml, with forward slashes."""
    tool: str | None = None
    table: str | None = None


def source_of(item: YamlDatabase, base: Path) -> MigrationSource | None:
    """The migration folder of a database file, checked to exist; None without `migrations.path`."""
    if item.migrations_dir is None:
        return None
    folder = item.migrations_dir
    shown = _relative(folder, base)
    written = item.database.migrations
    if not folder.exists():
        raise item.error(
            f"migration folder {written.path if written and written.path else shown!r} does not exist "
            f"(looked for {shown})",
            "migrations",
            "path",
            hint="the path is relative to this YAML file",
        )
    return MigrationSource(folder, shown, written.tool if written else None, item.migrations_table)


def read_files(source: MigrationSource) -> FileSet:
    """The migrations in the folder, read by its tool (detected from the contents when not set)."""
    tool = source.tool or detect(source.folder)
    return TOOLS[tool].read(source.folder)


@dataclass(frozen=True)
class Bookkeeping:
    """Which bookkeeping table a live read should SELECT from: the tool's, or the one the YAML names."""

    tool: str
    table: str | None = None


@dataclass(frozen=True)
class MigrationFiles:
    """A database file's migrations as its folder holds them now."""

    source: MigrationSource
    files: FileSet

    @property
    def bookkeeping(self) -> Bookkeeping:
        return Bookkeeping(self.files.tool, self.source.table)


def read_bookkeeping(conn: Connection, wanted: Bookkeeping, *, scrub: Callable[[str], str] = str) -> Applied:
    """The tool's bookkeeping table on `conn`, read with SELECT only (a missing table: nothing applied)."""
    return read_applied(conn, TOOLS[wanted.tool], wanted.table, scrub=scrub)


def read_applied_state(
    conn: Connection, files: FileSet, table: str | None = None, *, scrub: Callable[[str], str] = str
) -> Applied:
    return read_bookkeeping(conn, Bookkeeping(files.tool, table), scrub=scrub)


def build_history(
    files: FileSet,
    applied: Applied | None,
    *,
    shown: str,
    base: Path,
    written: MigrationHistory | None = None,
) -> MigrationHistory:
    """Files and applied state as the page shows them; the YAML's commands and words are kept."""
    tool = TOOLS[files.tool]
    usable = applied if applied is not None and applied.readable else None
    resolved = tool.resolve(files, usable)
    problems = list(files.problems) + list(resolved.problems) + list(applied.problems if applied else ())
    migrations = resolved.migrations
    if written is not None and written.migrations:
        migrations, unmatched = _fill_from_yaml(migrations, written.migrations)
        problems += [f"the YAML history names {v}, which no migration file defines" for v in unmatched]
        if usable is None:
            problems += missing_and_failed(migrations, _WRITTEN)
    config = files.context.get("config")
    return MigrationHistory(
        tool=files.tool,
        path=shown,
        migrations=migrations,
        heads=files.heads,
        commands=written.commands if written else MigrationHistory().commands,
        problems=tuple(dict.fromkeys(problems)),
        applied_heads=resolved.applied_heads if usable else (),
        table=usable.table if usable else None,
        config=_relative(config, base) if isinstance(config, Path) else None,
    )


def read_migrations(item: YamlDatabase, base: Path) -> MigrationFiles | None:
    """The migrations in a database file's folder; None without `migrations.path`.

    Errors about the files point at the YAML file's `migrations.path` line.
    """
    source = source_of(item, base)
    if source is None:
        return None
    try:
        files = read_files(source)
    except CatalogError as problem:
        place = _relative(Path(problem.where), base) if problem.where else source.shown
        if problem.line:
            place += f":{problem.line}"
        raise item.error(f"{place}: {problem.message}", "migrations", "path", hint=problem.hint) from None
    return MigrationFiles(source, files)


def migration_history(
    item: YamlDatabase, base: Path, found: MigrationFiles | None, applied: Applied | None = None
) -> MigrationHistory | None:
    """The history to show for one database file: its files joined with the applied state, if read."""
    if found is None:
        written = item.database.migrations
        if written is None or not written.migrations:
            return written
        # A history written by hand: its failed migrations are problems, as when read from the database.
        problems = (*written.problems, *missing_and_failed(written.migrations, _WRITTEN))
        return replace(written, problems=tuple(dict.fromkeys(problems)))
    return build_history(found.files, applied, shown=found.source.shown, base=base, written=item.database.migrations)


def _fill_from_yaml(
    migrations: tuple[Migration, ...], entries: tuple[Migration, ...]
) -> tuple[tuple[Migration, ...], list[str]]:
    """Hand-written entries add a description, author or date to the migration of the same version,
    and their status when the database was not read."""
    by_version = {e.version: e for e in entries}
    filled = []
    for m in migrations:
        entry = by_version.pop(m.version, None)
        if entry is not None:
            m = replace(
                m,
                name=m.name or entry.name,
                description=entry.description or m.description,
                author=m.author or entry.author,
                date=m.date or entry.date,
                date_source=m.date_source or entry.date_source,
                status=entry.status if m.status is MigrationStatus.UNKNOWN else m.status,
            )
        filled.append(m)
    return tuple(filled), list(by_version)


def _relative(path: Path, base: Path) -> str:
    try:
        return path.resolve().relative_to(base.resolve()).as_posix() or "."
    except ValueError:
        import os

        return Path(os.path.relpath(path.resolve(), base.resolve())).as_posix()
