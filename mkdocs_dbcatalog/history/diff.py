"""The structural difference between two states of a schema, as `Change`s.

Used for everything that compares: two snapshots (`mkdocs-dbcatalog diff`), two commits of a
catalog file (the What changed page), and the tables a migration touched (its history). Columns are
matched by name; keys, indexes and constraints by name, or by their columns when unnamed. Types are
compared as the drift check compares them (`int` is `integer`, case and spaces aside), so two
sources that spell a type differently do not show a change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any, TypeVar

import sqlglot
import sqlglot.errors
from sqlglot import exp

from ..catalog.changes import Action, Change, Delta
from ..catalog.model import (
    CheckConstraint,
    Column,
    Database,
    EnumType,
    ForeignKey,
    Index,
    Table,
    TableKind,
    TableRef,
    Trigger,
    UniqueConstraint,
)
from ..merge import same_type

T = TypeVar("T")


def diff_databases(before: Database, after: Database) -> tuple[Change, ...]:
    """Tables, views, enum types and extensions that differ, tables in name order."""
    changes = list(diff_tables({t.key: t for t in before.tables}, {t.key: t for t in after.tables}, sorted_keys=True))
    changes += _named(before.enums, after.enums, "enum", None, _enum_detail, _enum_deltas)
    changes += _named(
        before.extensions,
        after.extensions,
        "extension",
        None,
        lambda e: e.version,
        lambda a, b: _deltas(("version", a.version, b.version)),
    )
    return tuple(changes)


def diff_tables(
    before: Mapping[str, Table],
    after: Mapping[str, Table],
    *,
    keys: Iterable[str] | None = None,
    renamed: Mapping[str, str] | None = None,
    renamed_columns: Mapping[tuple[str, str], str] | None = None,
    existing: Iterable[str] = (),
    sorted_keys: bool = False,
) -> list[Change]:
    """Changes from `before` to `after` for the tables in `keys` (default: all of both).

    `renamed` maps a table's key after to its key before (a migration said so); `existing` names
    tables absent from `before` that existed all the same (created outside what was analysed), so
    only what was done to them is reported, not their creation.
    """
    renamed = {new: old for new, old in (renamed or {}).items() if new != old}
    wanted = list(keys) if keys is not None else list(dict.fromkeys([*before, *after]))
    if sorted_keys:
        wanted.sort()
    moved_away = set(renamed.values())
    moved = {before: after for after, before in renamed.items()}
    known = set(existing)
    changes: list[Change] = []
    for key in wanted:
        new = after.get(key)
        if key in moved_away and new is None:
            continue  # renamed: reported under its new key
        old_key = renamed.get(key, key) if new is not None else key
        old = before.get(old_key)
        if old_key != key:
            assert new is not None
            changes.append(Change(Action.RENAMED, _what(new), key, before=old_key))
        if old is None and new is not None and key in known:
            # Created outside the analysed migrations: only what was done to it is known.
            changes += diff_table(Table(new.name, new.schema, new.kind), new, renamed_columns, key, moved)
            continue
        changes += diff_table(old, new, renamed_columns, key, moved)
    return changes


def diff_table(
    old: Table | None,
    new: Table | None,
    renamed_columns: Mapping[tuple[str, str], str] | None = None,
    key: str | None = None,
    renamed_tables: Mapping[str, str] | None = None,
) -> list[Change]:
    """Changes of one table; renames (of its columns, of tables its keys point at) are not changes of keys."""
    if old is None and new is None:
        return []
    if new is None:
        assert old is not None
        return [Change(Action.DROPPED, _what(old), old.key)]
    key = key or new.key
    if old is None:
        return [Change(Action.ADDED, _what(new), key, detail=_table_detail(new), parts=tuple(_parts(new)))]
    if old.kind is not new.kind:
        return [
            Change(Action.DROPPED, _what(old), key),
            Change(Action.ADDED, _what(new), key, detail=_table_detail(new), parts=tuple(_parts(new))),
        ]
    changes: list[Change] = []
    columns_renamed = {new_name: old_name for (t, new_name), old_name in (renamed_columns or {}).items() if t == key}
    old_columns = {c.name: c for c in old.columns}
    seen: set[str] = set()
    for column in new.columns:
        source = columns_renamed.get(column.name, column.name)
        previous = old_columns.get(source)
        if previous is None:
            previous = _folded(old_columns, source)
        if source != column.name and previous is not None:
            changes.append(Change(Action.RENAMED, "column", key, column.name, before=previous.name))
        if previous is None:
            changes.append(Change(Action.ADDED, "column", key, column.name, detail=column_detail(column)))
            continue
        seen.add(previous.name)
        deltas = column_deltas(previous, column)
        if deltas:
            changes.append(Change(Action.CHANGED, "column", key, column.name, deltas=deltas))
    for column in old.columns:
        if column.name not in seen:
            changes.append(Change(Action.DROPPED, "column", key, column.name, detail=column_detail(column)))
    old = _as_renamed(old, {before: after for after, before in columns_renamed.items()}, renamed_tables or {})
    changes += _primary_key(old, new, key)
    changes += _named(old.foreign_keys, new.foreign_keys, "foreign key", key, fk_detail, _fk_deltas, _fk_identity)
    changes += _named(old.indexes, new.indexes, "index", key, index_detail, _index_deltas, _columns_identity)
    changes += _named(
        old.unique_constraints,
        new.unique_constraints,
        "unique constraint",
        key,
        _unique_detail,
        None,
        _columns_identity,
    )
    changes += _named(
        old.check_constraints,
        new.check_constraints,
        "check constraint",
        key,
        lambda c: c.expression,
        _check_deltas,
        lambda c: _norm(c.expression),
    )
    changes += _named(old.triggers, new.triggers, "trigger", key, _trigger_detail, _trigger_deltas)
    table_deltas = _deltas(
        ("comment", _comment(old), _comment(new)),
        ("definition", _norm_sql(old.definition), _norm_sql(new.definition)),
        ("partition key", old.partition_key, new.partition_key),
    )
    if table_deltas:
        shown = tuple(
            Delta(d.attribute, old.definition, new.definition) if d.attribute == "definition" else d
            for d in table_deltas
        )
        changes.append(Change(Action.CHANGED, _what(new), key, deltas=shown))
    return changes


def _as_renamed(table: Table, columns: Mapping[str, str], tables: Mapping[str, str]) -> Table:
    """The table before, with the names a migration renamed written as after it, so that a key on a
    renamed column (or to a renamed table) is the same key, not one dropped and one added."""
    if not columns and not tables:
        return table

    def names(items: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(columns.get(c, c) for c in items)

    def target(ref: TableRef) -> TableRef:
        moved = tables.get(ref.key)
        if moved is None:
            return ref
        schema, _, name = moved.rpartition(".")
        return TableRef(name, schema or None)

    pk = table.primary_key
    return replace(
        table,
        primary_key=replace(pk, columns=names(pk.columns)) if pk else None,
        foreign_keys=tuple(replace(f, columns=names(f.columns), target=target(f.target)) for f in table.foreign_keys),
        indexes=tuple(replace(i, columns=names(i.columns)) for i in table.indexes),
        unique_constraints=tuple(replace(u, columns=names(u.columns)) for u in table.unique_constraints),
    )


def column_detail(column: Column) -> str:
    """`varchar(20), not null, default 'x'`: what a reader needs to know of a column."""
    parts = [column.type or "type unknown"]
    if column.nullable is False:
        parts.append("not null")
    if column.default is not None:
        parts.append(f"default {column.default}")
    if column.identity:
        parts.append(column.identity)
    if column.generated:
        parts.append(f"generated as {column.generated}")
    return ", ".join(parts)


def column_deltas(old: Column, new: Column) -> tuple[Delta, ...]:
    return _deltas(
        *_stated(
            # A file that leaves a column's type or nullability out says nothing about it: no change.
            ("type", old.type, new.type, _same_type),
            ("nullable", _yesno(old.nullable), _yesno(new.nullable)),
        ),
        ("default", old.default, new.default, _same_default),
        ("comment", _comment(old), _comment(new)),
        ("identity", old.identity, new.identity),
        ("generated", old.generated, new.generated, _same_sql),
    )


def fk_detail(fk: ForeignKey) -> str:
    text = f"{', '.join(fk.columns)} → {fk.target.key}({', '.join(fk.target_columns)})"
    if fk.on_delete and fk.on_delete.upper() != "NO ACTION":
        text += f" on delete {fk.on_delete}"
    if fk.on_update and fk.on_update.upper() != "NO ACTION":
        text += f" on update {fk.on_update}"
    return text


def index_detail(index: Index) -> str:
    text = ", ".join(index.columns)
    if index.unique:
        text += ", unique"
    if index.method and index.method.lower() != "btree":
        text += f" using {index.method}"
    if index.predicate:
        text += f" where {index.predicate}"
    return text


def _parts(table: Table) -> list[Change]:
    key = table.key
    parts = [Change(Action.ADDED, "column", key, c.name, detail=column_detail(c)) for c in table.columns]
    if table.primary_key:
        parts.append(
            Change(
                Action.ADDED, "primary key", key, table.primary_key.name, detail=", ".join(table.primary_key.columns)
            )
        )
    parts += [Change(Action.ADDED, "foreign key", key, fk.name, detail=fk_detail(fk)) for fk in table.foreign_keys]
    parts += [Change(Action.ADDED, "index", key, i.name, detail=index_detail(i)) for i in table.indexes]
    parts += [
        Change(Action.ADDED, "unique constraint", key, u.name, detail=_unique_detail(u))
        for u in table.unique_constraints
    ]
    parts += [
        Change(Action.ADDED, "check constraint", key, c.name, detail=c.expression) for c in table.check_constraints
    ]
    return parts


def _table_detail(table: Table) -> str | None:
    if table.kind.is_view:
        return None
    return f"{len(table.columns)} column{'s' if len(table.columns) != 1 else ''}" if table.columns else None


def _what(table: Table) -> str:
    return "table" if table.kind in (TableKind.TABLE, TableKind.PARTITIONED) else table.kind.value


def _primary_key(old: Table, new: Table, key: str) -> list[Change]:
    a, b = old.primary_key, new.primary_key
    if a is None and b is None:
        return []
    if a is None:
        assert b is not None
        return [Change(Action.ADDED, "primary key", key, b.name, detail=", ".join(b.columns))]
    if b is None:
        return [Change(Action.DROPPED, "primary key", key, a.name, detail=", ".join(a.columns))]
    if a.columns != b.columns:
        delta = Delta("columns", ", ".join(a.columns), ", ".join(b.columns))
        return [Change(Action.CHANGED, "primary key", key, b.name, deltas=(delta,))]
    return []


def _named(
    old: Sequence[T],
    new: Sequence[T],
    what: str,
    table: str | None,
    detail: Callable[[T], str | None],
    deltas: Callable[[T, T], tuple[Delta, ...]] | None,
    identity: Callable[[T], Any] | None = None,
) -> list[Change]:
    """Items matched by name (else by `identity`): added, dropped, and changed with their deltas."""
    changes: list[Change] = []
    unmatched = list(old)
    pairs: list[tuple[T | None, T]] = []
    for item in new:
        partner = _partner(item, unmatched, identity)
        if partner is not None:
            unmatched.remove(partner)
        pairs.append((partner, item))
    for before, after in pairs:
        name = getattr(after, "name", None)
        if before is None:
            changes.append(Change(Action.ADDED, what, table, name, detail=detail(after)))
        elif deltas is not None:
            found = deltas(before, after)
            if found:
                changes.append(Change(Action.CHANGED, what, table, name, deltas=found))
    for before in unmatched:
        changes.append(Change(Action.DROPPED, what, table, getattr(before, "name", None), detail=detail(before)))
    return changes


def _partner(item: T, candidates: list[T], identity: Callable[[T], Any] | None) -> T | None:
    name = getattr(item, "name", None)
    if name is not None:
        for other in candidates:
            if (getattr(other, "name", None) or "").lower() == name.lower():
                return other
    if identity is None:
        return None
    wanted = identity(item)
    for other in candidates:
        other_name = getattr(other, "name", None)
        if (name is None or other_name is None) and identity(other) == wanted:
            return other
    return None


def _fk_identity(fk: ForeignKey) -> Any:
    return (fk.columns, fk.target.table.lower(), fk.target_columns)


def _columns_identity(item: Index | UniqueConstraint) -> Any:
    return tuple(c.lower() for c in item.columns)


def _fk_deltas(a: ForeignKey, b: ForeignKey) -> tuple[Delta, ...]:
    return _deltas(
        ("columns", ", ".join(a.columns), ", ".join(b.columns)),
        (
            "references",
            f"{a.target.key}({', '.join(a.target_columns)})",
            f"{b.target.key}({', '.join(b.target_columns)})",
            lambda x, y: (x or "").lower() == (y or "").lower(),
        ),
        ("on delete", _rule(a.on_delete), _rule(b.on_delete)),
        ("on update", _rule(a.on_update), _rule(b.on_update)),
    )


def _index_deltas(a: Index, b: Index) -> tuple[Delta, ...]:
    return _deltas(
        ("columns", ", ".join(a.columns), ", ".join(b.columns), _same_sql),
        ("unique", _yesno(a.unique), _yesno(b.unique)),
        ("method", (a.method or "btree").lower(), (b.method or "btree").lower()),
        ("where", a.predicate, b.predicate, _same_sql),
    )


def _check_deltas(a: CheckConstraint, b: CheckConstraint) -> tuple[Delta, ...]:
    return _deltas(("expression", a.expression, b.expression, _same_sql))


def _unique_detail(item: UniqueConstraint) -> str:
    return ", ".join(item.columns)


def _trigger_detail(trigger: Trigger) -> str:
    return " ".join(p for p in (trigger.timing, " OR ".join(trigger.events)) if p)


def _trigger_deltas(a: Trigger, b: Trigger) -> tuple[Delta, ...]:
    return _deltas(
        ("timing", a.timing, b.timing),
        ("events", ", ".join(a.events), ", ".join(b.events)),
        ("definition", a.definition, b.definition, _same_sql),
    )


def _enum_detail(item: EnumType) -> str:
    return ", ".join(item.values)


def _enum_deltas(a: EnumType, b: EnumType) -> tuple[Delta, ...]:
    return _deltas(("values", ", ".join(a.values), ", ".join(b.values)))


def _deltas(*items: tuple[Any, ...]) -> tuple[Delta, ...]:
    """A Delta for each (attribute, before, after[, same]) whose values differ."""
    found = []
    for item in items:
        attribute, a, b = item[0], item[1], item[2]
        same: Callable[[Any, Any], bool] = item[3] if len(item) > 3 else (lambda x, y: x == y)
        if a == b or (a is not None and b is not None and same(a, b)):
            continue
        found.append(Delta(attribute, a, b))
    return tuple(found)


def _stated(*items: tuple[Any, ...]) -> tuple[tuple[Any, ...], ...]:
    """The items both sides state a value for."""
    return tuple(item for item in items if item[1] is not None and item[2] is not None)


def _same_type(a: str, b: str) -> bool:
    return same_type(a, b)


def _same_default(a: str, b: str) -> bool:
    """`'pending'` as people write it is PostgreSQL's `'pending'::character varying`."""
    if _norm(a) == _norm(b):
        return True
    bare_a, bare_b = _uncast(a), _uncast(b)
    return bare_a is not None and bare_a == bare_b


def _uncast(default: str) -> str | None:
    """A default with the casts around its literal taken off, or None when it does not parse."""
    try:
        expression = sqlglot.parse_one(default, read="postgres")
    except sqlglot.errors.SqlglotError:
        return None
    while isinstance(expression, exp.Cast) and isinstance(expression.this, (exp.Literal, exp.Cast)):
        expression = expression.this
    return expression.sql(dialect="postgres")


def _same_sql(a: str, b: str) -> bool:
    return _norm_sql(a) == _norm_sql(b)


def _norm(text: str) -> str:
    return " ".join(text.split()).lower()


def _norm_sql(text: str | None) -> str | None:
    if text is None:
        return None
    return " ".join(text.replace("(", " ( ").replace(")", " ) ").replace(",", " , ").split()).rstrip(";").lower()


def _comment(item: Column | Table) -> str | None:
    """The database's comment; a catalog file writes it as the description (as `snapshot` does)."""
    if item.comment is not None:
        return item.comment
    return item.description if isinstance(item, Column) else item.purpose


def _yesno(value: bool | None) -> str | None:
    return None if value is None else ("yes" if value else "no")


def _rule(value: str | None) -> str:
    return (value or "NO ACTION").upper()


def _folded(columns: Mapping[str, Column], name: str) -> Column | None:
    lowered = name.lower()
    return next((c for n, c in columns.items() if n.lower() == lowered), None)


__all__ = ["column_deltas", "column_detail", "diff_databases", "diff_table", "diff_tables", "fk_detail", "index_detail"]
