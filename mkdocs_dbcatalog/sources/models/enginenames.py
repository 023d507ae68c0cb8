"""The names an engine gives what CREATE TABLE leaves unnamed, for readers of models that leave
the naming to it (SQLAlchemy's unnamed constraints, Django's `unique=True` fields)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

DEFAULT_RULE = {"postgresql": "NO ACTION", "mysql": "RESTRICT", "sqlite": "NO ACTION"}
"""The referential action an engine applies when a foreign key names none."""


class _Keyed(Protocol):
    @property
    def columns(self) -> tuple[str, ...]: ...

PG_NAME_LIMIT = 63
"""NAMEDATALEN - 1: the bytes of a PostgreSQL identifier."""


def pg_name(table: str, columns: Sequence[str] | None, label: str) -> str:
    """PostgreSQL's `makeObjectName`: `<table>_<columns>_<label>`, the longer of the table and the
    columns part shortened a byte at a time until the whole fits in 63 bytes (`orders_pkey`,
    `orders_customer_id_fkey`, `orders_email_key`, `orders_id_seq`)."""
    name1 = table.encode()
    name2 = "_".join(columns).encode()[:PG_NAME_LIMIT] if columns else b""
    overhead = len(label) + 1 + (1 if columns else 0)
    keep1, keep2 = len(name1), len(name2)
    while keep1 + keep2 > PG_NAME_LIMIT - overhead:
        if keep1 > keep2:
            keep1 -= 1
        else:
            keep2 -= 1
    parts = [_clipped(name1, keep1)] + ([_clipped(name2, keep2)] if columns else []) + [label]
    return "_".join(parts)


def _clipped(text: bytes, size: int) -> str:
    """The first `size` bytes, never splitting a character (as pg_mbcliplen)."""
    return text[:size].decode("utf-8", errors="ignore")


def mysql_free_name(wanted: str, taken: Iterable[str | None]) -> str:
    """MySQL's name for an unnamed key: its first column, then `_2`, `_3` while that is taken."""
    used = set(taken)
    name, n = wanted, 2
    while name in used:
        name, n = f"{wanted}_{n}", n + 1
    return name


def primary_key_name(family: str, table: str, given: str | None = None) -> str | None:
    """The name a primary key has in the database: PostgreSQL's `<table>_pkey` unless given,
    MySQL's `PRIMARY`; other engines report none."""
    if family == "postgresql":
        return given or pg_name(table, None, "pkey")
    return "PRIMARY" if family == "mysql" else None


def unique_key_name(
    family: str, table: str, columns: tuple[str, ...], given: str | None, index_names: Iterable[str | None]
) -> str | None:
    """The name of a UNIQUE key: as given, else PostgreSQL's `<table>_<columns>_key` or MySQL's
    first column (made free among the table's `index_names`)."""
    if given is None and family == "postgresql":
        return pg_name(table, columns, "key")
    if given is None and family == "mysql":
        return mysql_free_name(columns[0], index_names)
    return given


def innodb_adds_index(columns: tuple[str, ...], indexes: Iterable[_Keyed], primary: _Keyed | None) -> bool:
    """Whether InnoDB creates an index for a foreign key on `columns`: when no index, nor the
    primary key, starts with them."""
    covered = [i.columns for i in indexes] + ([primary.columns] if primary else [])
    return not any(c[: len(columns)] == columns for c in covered)


__all__ = [
    "DEFAULT_RULE",
    "PG_NAME_LIMIT",
    "innodb_adds_index",
    "mysql_free_name",
    "pg_name",
    "primary_key_name",
    "unique_key_name",
]
