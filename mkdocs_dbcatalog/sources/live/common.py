"""What the engine readers share: what to read (`Scope`), and a mutable draft of each table.

Readers fetch one result set per kind of object (columns of all tables, indexes of all tables...)
and file each row into its table's draft; `finish` freezes the drafts into model tables. That is
what keeps the number of queries independent of the number of tables.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from typing import Any, TypeVar

import sqlglot
from sqlglot.tokenizer_core import TokenType

from ...catalog.model import (
    CheckConstraint,
    Column,
    ExclusionConstraint,
    ForeignKey,
    Index,
    Partition,
    Policy,
    PrimaryKey,
    Table,
    TableKind,
    TableRef,
    Trigger,
    UniqueConstraint,
)

T = TypeVar("T")


@dataclass(frozen=True)
class Scope:
    """Which schemas and tables to read."""

    schemas: tuple[str, ...] = ()
    """Empty: the database's default schema."""
    include: tuple[str, ...] = ()
    """`fnmatch` patterns (case-sensitive) a table's name or `schema.name` must match; empty keeps all."""
    exclude: tuple[str, ...] = ()

    def keeps(self, schema: str | None, name: str) -> bool:
        names = (name, f"{schema}.{name}") if schema else (name,)
        if self.include and not any(fnmatchcase(n, p) for n in names for p in self.include):
            return False
        return not any(fnmatchcase(n, p) for n in names for p in self.exclude)


@dataclass
class Draft:
    """A table being filled from bulk result sets."""

    name: str
    schema: str | None
    kind: TableKind = TableKind.TABLE
    comment: str | None = None
    row_estimate: int | None = None
    size_bytes: int | None = None
    definition: str | None = None
    partition_key: str | None = None
    columns: list[Column] = field(default_factory=list)
    primary_key: PrimaryKey | None = None
    indexes: list[Index] = field(default_factory=list)
    foreign_keys: list[ForeignKey] = field(default_factory=list)
    unique_constraints: list[UniqueConstraint] = field(default_factory=list)
    check_constraints: list[CheckConstraint] = field(default_factory=list)
    triggers: list[Trigger] = field(default_factory=list)
    partitions: list[Partition] = field(default_factory=list)
    exclusion_constraints: list[ExclusionConstraint] = field(default_factory=list)
    engine: str | None = None
    charset: str | None = None
    collation: str | None = None
    row_format: str | None = None
    auto_increment: int | None = None
    persistence: str | None = None
    row_security: str | None = None
    policies: list[Policy] = field(default_factory=list)

    def finish(self) -> Table:
        return Table(
            name=self.name,
            schema=self.schema,
            kind=self.kind,
            comment=self.comment or None,
            row_estimate=self.row_estimate,
            size_bytes=self.size_bytes,
            columns=tuple(self.columns),
            primary_key=self.primary_key,
            indexes=_sorted(self.indexes, _by_name_and_columns),
            foreign_keys=_sorted(self.foreign_keys, _by_name_and_columns),
            unique_constraints=_sorted(self.unique_constraints, _by_name_and_columns),
            check_constraints=_sorted(self.check_constraints, lambda c: (c.name or "", c.expression)),
            triggers=_sorted(self.triggers, lambda t: t.name),
            definition=self.definition,
            partition_key=self.partition_key,
            partitions=_sorted(self.partitions, lambda p: p.name),
            exclusion_constraints=_sorted(self.exclusion_constraints, lambda x: (x.name or "", x.definition)),
            engine=self.engine,
            charset=self.charset,
            collation=self.collation,
            row_format=self.row_format,
            auto_increment=self.auto_increment,
            persistence=self.persistence,
            row_security=self.row_security,
            policies=_sorted(self.policies, lambda p: p.name),
        )


def _sorted(items: list[T], key: Callable[[T], Any]) -> tuple[T, ...]:
    """Most lists of a table hold none or one: those need no sort (a thousand tables make ten thousand)."""
    return tuple(items) if len(items) < 2 else tuple(sorted(items, key=key))


def _by_name_and_columns(item: Index | ForeignKey | UniqueConstraint) -> tuple[str, tuple[str, ...]]:
    return (item.name or "", item.columns)


class Drafts:
    """The drafts of one read, keyed by (real schema, name); schemas shown as None when default."""

    def __init__(self, default_schema: str | None) -> None:
        self.default_schema = default_schema
        self.by_key: dict[tuple[str, str], Draft] = {}

    def shown_schema(self, schema: str | None) -> str | None:
        return None if schema is None or schema == self.default_schema else schema

    def ref(self, schema: str | None, name: str) -> TableRef:
        return TableRef(name, self.shown_schema(schema))

    def add(self, schema: str, name: str, kind: TableKind) -> Draft:
        draft = Draft(name=name, schema=self.shown_schema(schema), kind=kind)
        self.by_key[(schema, name)] = draft
        return draft

    def get(self, schema: str, name: str) -> Draft | None:
        return self.by_key.get((schema, name))

    def tables(self) -> tuple[Table, ...]:
        return tuple(sorted((d.finish() for d in self.by_key.values()), key=lambda t: (t.schema or "", t.name)))


def text_or_none(value: object) -> str | None:
    """Database text with empty strings (MySQL's "no comment") as None."""
    if value is None:
        return None
    text = str(value)
    return text if text.strip() else None


def view_query(sql: str, dialect: str | None = "duckdb") -> str:
    """The query of a view from its whole `CREATE [options] VIEW name [(columns)] AS query;` statement,
    spelled as the database stored it; text that is not a CREATE VIEW is returned as it is."""
    text = sql.strip()
    if text[:6].upper() != "CREATE":
        return text
    depth = 0
    seen_view = False
    try:
        tokens = sqlglot.tokenize(text, dialect=dialect)
    except sqlglot.errors.TokenError:
        return text
    for token in tokens:
        if token.token_type is TokenType.L_PAREN:
            depth += 1
        elif token.token_type is TokenType.R_PAREN:
            depth -= 1
        elif token.token_type is TokenType.VIEW:
            seen_view = True
        elif seen_view and depth == 0 and token.token_type is TokenType.ALIAS:
            return text[token.end + 1 :].strip().rstrip(";").rstrip()
    return text
