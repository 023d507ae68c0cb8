"""Relationships no foreign key enforces: declared by people, or proposed from column names.

Rails and many service schemas declare almost no foreign keys, so their catalogs would show no
relationship at all. A relation declared in YAML (`relations`) whose tables and columns exist
becomes an unenforced `ForeignKey` on its table: every page, summary, cardinality and diagram then
treats it as a key, marked as declared, and it is never drift (the database is not expected to
have it). With `infer_relations`, a column named like another table's key (`user_id` → `users.id`,
`UserId` → `User.Id`) is proposed as an inferred relation, shown apart until it is declared.
"""

from __future__ import annotations

from dataclasses import replace
from typing import NamedTuple

from .inference import normalize, singular, stem
from .model import Database, ForeignKey, Relation, Table, TableRef

DECLARED_IN_YAML = "YAML"


def target_columns(database: Database, relation: Relation) -> tuple[str, ...]:
    """The referenced columns: as written, or the target's primary key."""
    if relation.target_columns:
        return relation.target_columns
    target = database.table(relation.target.key)
    return target.primary_key.columns if target is not None and target.primary_key else ()


class Problem(NamedTuple):
    """What a declared relation names that the database lacks."""

    where: str
    """`from` or `to`: the YAML key to point at."""
    sentence: str
    name: str
    """The missing name, and the names it could have meant."""
    choices: list[str]


def problem(database: Database, relation: Relation) -> Problem | None:
    source = database.table(relation.source.key)
    tables = [t.key for t in database.tables]
    if source is None:
        return Problem("from", f"no table {relation.source.key!r}", relation.source.key, tables)
    missing = [c for c in relation.columns if source.column(c) is None] if source.columns else []
    if missing:
        names = [c.name for c in source.columns]
        return Problem("from", f"{source.key!r} has no column {missing[0]!r}", missing[0], names)
    target = database.table(relation.target.key)
    if target is None:
        return Problem("to", f"no table {relation.target.key!r}", relation.target.key, tables)
    columns = target_columns(database, relation)
    if not columns:
        return Problem("to", f"{target.key!r} has no primary key: name the column", target.key, [])
    missing = [c for c in columns if target.column(c) is None] if target.columns else []
    if missing:
        names = [c.name for c in target.columns]
        return Problem("to", f"{target.key!r} has no column {missing[0]!r}", missing[0], names)
    if len(columns) != len(relation.columns):
        sentence = f"{len(relation.columns)} column(s) relate to {len(columns)} in {target.key!r}"
        return Problem("to", sentence, target.key, [])
    return None


def as_foreign_key(database: Database, relation: Relation, declared_in: str | None = DECLARED_IN_YAML) -> ForeignKey:
    return ForeignKey(
        columns=relation.columns,
        target=relation.target,
        target_columns=target_columns(database, relation),
        description=relation.description,
        enforced=False,
        declared_in=declared_in,
    )


def with_relations(database: Database, *, infer: bool = False) -> Database:
    """The database with its declared relations on their tables, and (by option) inferred ones listed.

    A declared relation the database already enforces adds nothing; one naming a missing table or
    column is left out here and reported by the lint rule `relation-missing-column`.
    """
    declared = [r for r in database.relations if not r.inferred]
    added: dict[str, list[ForeignKey]] = {}
    for relation in declared:
        if problem(database, relation) is not None:
            continue
        key = as_foreign_key(database, relation)
        table = database.table(relation.source.key)
        assert table is not None
        if any(_same(fk, key) for fk in (*table.foreign_keys, *added.get(table.key, ()))):
            continue
        added.setdefault(table.key, []).append(key)
    tables = tuple(
        replace(t, foreign_keys=t.foreign_keys + tuple(added[t.key])) if t.key in added else t
        for t in database.tables
    )
    result = replace(database, tables=tables, relations=tuple(declared))
    if infer:
        result = replace(result, relations=result.relations + tuple(inferred_relations(result)))
    return result


def _same(a: ForeignKey, b: ForeignKey) -> bool:
    return a.columns == b.columns and a.target.key == b.target.key and a.target_columns == b.target_columns


def _single_key(table: Table) -> str | None:
    if table.kind.is_view or not table.primary_key or len(table.primary_key.columns) != 1:
        return None
    return table.primary_key.columns[0]


def inferred_relations(database: Database) -> list[Relation]:
    """Relations proposed from naming inside one database, sorted; none where a key already exists.

    A column `<name>_id` / `<Name>Id` with no foreign key names the table whose singular is `<name>`
    (`users`, `user`, `User`) and whose primary key is one column. When several schemas have such a
    table, the column's own schema wins; otherwise it is ambiguous and nothing is proposed.
    """
    targets: dict[str, list[tuple[Table, str]]] = {}
    for table in database.tables:
        key = _single_key(table)
        if key:
            targets.setdefault(singular(normalize(table.name)), []).append((table, key))
    found = []
    for table in database.tables:
        if table.kind.is_view:
            continue
        keyed = {fk.columns[0] for fk in table.foreign_keys if len(fk.columns) == 1}
        own_key = _single_key(table)
        for column in table.columns:
            entity = stem(column.name)
            if entity is None or column.name in keyed or column.name == own_key:
                continue
            choices = [(t, k) for t, k in targets.get(singular(entity), []) if t.key != table.key]
            if len(choices) > 1:
                choices = [(t, k) for t, k in choices if t.schema == table.schema]
            if len(choices) != 1:
                continue
            target, key = choices[0]
            target_ref = TableRef(target.name, target.schema)
            found.append(Relation(table.ref, (column.name,), target_ref, (key,), inferred=True))
    return sorted(found, key=lambda r: (r.source.key, r.columns, r.target.key))


__all__ = [
    "DECLARED_IN_YAML",
    "Problem",
    "as_foreign_key",
    "inferred_relations",
    "problem",
    "target_columns",
    "with_relations",
]
