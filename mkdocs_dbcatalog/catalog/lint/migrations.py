"""Migration rules: states of a migration history that need someone to act.

They read the statuses the migration readers computed (files joined with the bookkeeping table),
so they fire only when the state is known: read live, or written in the YAML history.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..model import Catalog, Database, MigrationStatus
from .base import LintSettings, Problem

_PLACE = ("migrations", "path")
_MERGE = {"alembic": "`alembic merge heads`"}


def multiple_heads(catalog: Catalog, database: Database, settings: LintSettings) -> Iterator[Problem]:
    """More than one head in one line of history: for Django each app has its own (one leaf per app
    is normal, `migrate` refuses two in the same app); for the others the whole history is one."""
    history = database.migrations
    if history is None:
        return
    lines: dict[str, list[str]] = {}
    for head in history.heads:
        lines.setdefault(head.partition(".")[0] if history.tool == "django" else "", []).append(head)
    for app, heads in lines.items():
        if len(heads) < 2:
            continue
        where = f"app {app} in the django history" if app else f"the {history.tool} history"
        fix = f"`python manage.py makemigrations --merge {app}`" if app else _MERGE.get(history.tool or "", "a merge")
        yield (
            f"{where} of {database.name} has {len(heads)} heads ({', '.join(heads)}): "
            f"branches that were never merged; merge them with {fix} before the next release",
            None,
            None,
            _PLACE,
        )


def _with_status(status: MigrationStatus, say: Callable[[Database, str], str]) -> Callable[..., Iterator[Problem]]:
    def check(catalog: Catalog, database: Database, settings: LintSettings) -> Iterator[Problem]:
        history = database.migrations
        for migration in history.migrations if history is not None else ():
            if migration.status is status:
                yield say(database, migration.version), None, None, _PLACE

    return check


failed = _with_status(
    MigrationStatus.FAILED,
    lambda db, version: f"migration {version} of {db.name} failed or left the database dirty: "
    "it may be half-applied; fix it, then repair or rerun it",
)
missing_file = _with_status(
    MigrationStatus.MISSING_FILE,
    lambda db, version: f"migration {version} is applied to {db.name} but no file defines it: "
    "restore the file, or point migrations.path at every folder",
)
checksum_mismatch = _with_status(
    MigrationStatus.MODIFIED,
    lambda db, version: f"migration {version} of {db.name} was edited after it was applied: "
    "the database does not have what the file says; revert the edit and write a new migration",
)
