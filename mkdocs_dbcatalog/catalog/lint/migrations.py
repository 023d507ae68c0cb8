"""Migration rules: states of a migration history that need someone to act.

They read the statuses the migration readers computed (files joined with the bookkeeping table),
so they fire only when the state is known: read live, or written in the YAML history.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..model import Catalog, Database, MigrationStatus
from .base import LintSettings, Problem

_PLACE = ("migrations", "path")


def multiple_heads(catalog: Catalog, database: Database, settings: LintSettings) -> Iterator[Problem]:
    history = database.migrations
    if history is not None and len(history.heads) > 1:
        heads = ", ".join(history.heads)
        yield (
            f"the {history.tool} history of {database.name} has {len(history.heads)} heads ({heads}): "
            "branches that were never merged; merge them before the next release",
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
