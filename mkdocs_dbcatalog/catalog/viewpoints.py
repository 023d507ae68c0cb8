"""Viewpoints (subject areas): which tables each one holds, its boxes, and the tables around it.

A viewpoint names its tables by key or `fnmatch` pattern (`payment*`, `billing.*`); a pattern
without a dot also matches a table's name in any schema. Members keep the database's table order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from fnmatch import fnmatchcase

from .model import Database, Table, TableRef, Viewpoint


def matches(pattern: str, table: Table) -> bool:
    return fnmatchcase(table.key, pattern) or ("." not in pattern and fnmatchcase(table.name, pattern))


def matching(database: Database, patterns: Iterable[str]) -> list[Table]:
    wanted = tuple(patterns)
    return [t for t in database.tables if any(matches(p, t) for p in wanted)]


def members(database: Database, viewpoint: Viewpoint) -> list[Table]:
    """The viewpoint's own tables, in database order."""
    return matching(database, viewpoint.tables)


def unmatched(database: Database, viewpoint: Viewpoint) -> list[tuple[tuple[str | int, ...], str]]:
    """Patterns that match no table: (key path within the viewpoint, pattern)."""
    found: list[tuple[tuple[str | int, ...], str]] = []
    for i, pattern in enumerate(viewpoint.tables):
        if not any(matches(pattern, t) for t in database.tables):
            found.append((("tables", i), pattern))
    for g, group in enumerate(viewpoint.groups):
        for i, pattern in enumerate(group.tables):
            if not any(matches(pattern, t) for t in database.tables):
                found.append((("groups", g, "tables", i), pattern))
    return found


def groups(database: Database, viewpoint: Viewpoint) -> dict[str, str]:
    """Table key → the name of the first of the viewpoint's groups that matches it."""
    found: dict[str, str] = {}
    for group in viewpoint.groups:
        for table in matching(database, group.tables):
            found.setdefault(table.key, group.name)
    return found


def around(keys: Iterable[str], distance: int, neighbours: Callable[[str], Iterable[TableRef]]) -> list[str]:
    """Tables within `distance` relationships of `keys` (not `keys` themselves), nearest first, by name."""
    seen = set(keys)
    frontier = sorted(seen)
    found: list[str] = []
    for _ in range(distance):
        step = sorted({ref.key for key in frontier for ref in neighbours(key)} - seen)
        seen.update(step)
        found += step
        frontier = step
    return found


def of_table(database: Database, table: Table) -> list[Viewpoint]:
    """The viewpoints a table belongs to (as a member, not as a greyed neighbour)."""
    return [v for v in database.viewpoints if any(matches(p, table) for p in v.tables)]


__all__ = ["around", "groups", "matches", "matching", "members", "of_table", "unmatched"]
