"""A database's migrations seen per table: what happened to it, and since when each column exists.

Built once per database from the changes each migration carries, so every table page asks in
O(its own history). Table renames are followed: a table's history includes what happened to it
under its earlier names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .changes import Action, Analysis, Change
from .model import Migration, MigrationHistory, MigrationStatus


@dataclass(frozen=True, slots=True)
class Entry:
    migration: Migration
    change: Change


class Timeline:
    """Per table key, the changes migrations made to it, oldest first."""

    def __init__(self, history: MigrationHistory | None) -> None:
        self.history = history
        self._by_table: dict[str, list[Entry]] = {}
        self._anchors: dict[int, str] = {}
        migrations = history.migrations if history else ()
        self._position = {id(m): i for i, m in enumerate(migrations)}
        taken: set[str] = set()
        for migration in migrations:
            self._anchors[id(migration)] = _unique(f"migration-{_slug(migration.version)}", taken)
            for change in migration.changes:
                if change.table is not None:
                    self._by_table.setdefault(change.table, []).append(Entry(migration, change))

    @property
    def analysed(self) -> bool:
        """Whether any migration was analysed (else pages say nothing about changes)."""
        return any(m.analysis is not None for m in (self.history.migrations if self.history else ()))

    @property
    def unread(self) -> list[Migration]:
        """Migrations not read in full: what the history of any table may be missing."""
        return [
            m
            for m in (self.history.migrations if self.history else ())
            if m.analysis in (Analysis.PARTIAL, Analysis.NOT_ANALYSED)
        ]

    def anchor(self, migration: Migration) -> str:
        """The id of the migration's row on the database page."""
        return self._anchors.get(id(migration)) or f"migration-{_slug(migration.version)}"

    def of(self, table: str) -> list[Entry]:
        """What migrations did to `table` (under this name or the names it had before), newest first."""
        found: list[Entry] = []
        key: str | None = table
        seen: set[str] = set()
        bound: int | None = None
        while key is not None and key not in seen:
            seen.add(key)
            entries = self._by_table.get(key, [])
            if bound is not None:
                entries = [e for e in entries if self._order(e.migration) < bound]
            found += entries
            rename = next(
                (e for e in reversed(entries) if e.change.action is Action.RENAMED and e.change.name is None),
                None,
            )
            if rename is None:
                break
            key, bound = rename.change.before, self._order(rename.migration)
        found.sort(key=lambda e: self._order(e.migration), reverse=True)
        return found

    def since(self, table: str) -> dict[str, Migration]:
        """Column name → the migration that added it (with its table, or on its own)."""
        columns: dict[str, Migration] = {}
        for entry in reversed(self.of(table)):
            change = entry.change
            if change.name is None and change.action is Action.ADDED:
                columns = {p.name: entry.migration for p in change.parts if p.what == "column" and p.name}
            elif change.name is None and change.action is Action.DROPPED:
                columns = {}
            elif change.what == "column" and change.name is not None:
                if change.action is Action.ADDED:
                    columns[change.name] = entry.migration
                elif change.action is Action.DROPPED:
                    columns.pop(change.name, None)
                elif change.action is Action.RENAMED and change.before in columns:
                    columns[change.name] = columns.pop(change.before)
        return columns

    def touched(self, migration: Migration) -> list[str]:
        """Keys of the tables a migration changed, in the order it changed them."""
        return list(dict.fromkeys(c.table for c in migration.changes if c.table is not None))

    def _order(self, migration: Migration) -> int:
        return self._position.get(id(migration), -1)


def structure_as_of(history: MigrationHistory | None) -> Migration | None:
    """The migration a structure folded from migrations is as of: the newest applied one when the
    applied state is known, else the newest."""
    if history is None or not history.migrations:
        return None
    if history.state_known:
        done = (MigrationStatus.APPLIED, MigrationStatus.MODIFIED)
        return next((m for m in reversed(history.migrations) if m.status in done), None)
    return history.migrations[-1]


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-").lower() or "x"


def _unique(base: str, taken: set[str]) -> str:
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    taken.add(slug)
    return slug


__all__ = ["Entry", "Timeline", "structure_as_of"]
