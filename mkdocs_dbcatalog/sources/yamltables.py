"""What a database file says of each table (columns, keys, indexes, checks) and of the references,
relations, viewpoints and migrations between them: the table-level half of reading a database file."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from ..catalog.model import (
    CheckConstraint,
    Column,
    CrossReference,
    ExclusionConstraint,
    ForeignKey,
    Index,
    Migration,
    MigrationStatus,
    Owner,
    Partition,
    Policy,
    PrimaryKey,
    Relation,
    Table,
    TableKind,
    TableRef,
    Trigger,
    UniqueConstraint,
    Viewpoint,
    ViewpointGroup,
)
from .yamlformat import REFERENCE_FROM, REFERENCE_TO, RELATION_FROM
from .yamlspec import Context, Path


def tags(values: tuple[str | None, ...]) -> tuple[str, ...]:
    """Tags as written, stripped, each once."""
    return tuple(dict.fromkeys(t.strip() for t in values if t and t.strip()))


def owner(values: Mapping[str, Any] | None) -> Owner | None:
    if not values or not values.get("team"):
        return None
    return Owner(values["team"].strip(), (values.get("contact") or "").strip() or None)


def split_table_key(key: str) -> TableRef:
    """`schema.table` or `table`."""
    schema, dot, name = key.rpartition(".")
    return TableRef(name, schema or None) if dot else TableRef(key)


_TARGET = re.compile(r"^\s*(?P<table>[^()]+?)\s*(?:\((?P<columns>[^()]*)\))?\s*$")


def parse_target(text: str) -> tuple[TableRef, tuple[str, ...]]:
    """`users(id)`, `users(a, b)`, `billing.users(id)`, `users.id`, `billing.users.id` or `users`."""
    match = _TARGET.match(text)
    if not match or not match.group("table"):
        raise ValueError(text)
    table, columns = match.group("table"), match.group("columns")
    if columns is not None:
        names = tuple(c.strip() for c in columns.split(",") if c.strip())
        return split_table_key(table), names
    parts = table.split(".")
    if len(parts) == 1:
        return TableRef(parts[0]), ()
    if len(parts) == 2:
        return TableRef(parts[0]), (parts[1],)
    return TableRef(parts[-2], ".".join(parts[:-2])), (parts[-1],)


def read_table(key: str, spec: dict[str, Any], ctx: Context, *, live: bool) -> tuple[Table, list[Path]]:
    """The table, and the key path each of its foreign keys was written at (for later errors)."""
    path: Path = ("tables", key)
    fk_paths: list[Path] = []
    ref = split_table_key(key)
    columns: list[Column] = []
    pk_columns: list[str] = []
    uniques = [UniqueConstraint(tuple(u["columns"]), u["name"], u["description"]) for u in spec["unique"]]
    foreign_keys: list[ForeignKey] = []
    for name, col in spec["columns"].items():
        columns.append(
            Column(
                name=name,
                type=col["type"],
                nullable=col["nullable"],
                default=col["default"],
                description=col["description"],
                identity=col["identity"],
                generated=col["generated"],
                generation=col["generation"],
                on_update=col["on_update"],
                charset=col["charset"],
                collation=col["collation"],
                invisible=bool(col["invisible"]),
                tags=tags(col["tags"]),
            )
        )
        if col["primary_key"]:
            pk_columns.append(name)
        if col["unique"]:
            uniques.append(UniqueConstraint((name,)))
        if col["references"]:
            fk_paths.append(path + ("columns", name, "references"))
            target, target_columns = _target(col["references"], ctx, fk_paths[-1])
            foreign_keys.append(ForeignKey((name,), target, target_columns))
    declared_pk = spec["primary_key"] or {"name": None, "columns": (), "type": None, "description": None}
    if pk_columns and declared_pk["columns"] and tuple(pk_columns) != tuple(declared_pk["columns"]):
        raise ctx.fail_at(
            path + ("primary_key",),
            f"says {list(declared_pk['columns'])} but columns mark {pk_columns} as primary key",
            hint="keep one of the two",
        )
    primary = declared_pk["columns"] or tuple(pk_columns)
    primary_name = declared_pk["name"]
    indexes: list[Index] = []
    for i, idx in enumerate(spec["indexes"]):
        # For a live database an index may be named only, to give it a purpose; its columns come live.
        if not idx["columns"] and not (live and idx["name"]):
            needs = "a name or columns" if live else "columns"
            raise ctx.fail_at(path + ("indexes", i), f"an index needs {needs}", hint="write columns: [...]")
        if (idx["type"] or "").strip().lower() == "primary":
            if primary and tuple(primary) != tuple(idx["columns"]):
                raise ctx.fail_at(path + ("indexes", i), "a second primary key", hint="a table has one")
            primary, primary_name = idx["columns"], idx["name"] or primary_name
            continue
        indexes.append(_index(idx, ctx, path + ("indexes", i)))
    for i, fk in enumerate(spec["foreign_keys"]):
        fk_paths.append(path + ("foreign_keys", i, "references"))
        target, target_columns = _target(fk["references"], ctx, fk_paths[-1])
        foreign_keys.append(
            ForeignKey(
                columns=tuple(fk["columns"]),
                target=target,
                target_columns=target_columns,
                name=fk["name"],
                on_delete=fk["on_delete"],
                on_update=fk["on_update"],
                description=fk["description"],
                match=None if fk["match"] == "SIMPLE" else fk["match"],
                deferrable=fk["deferrable"],
                on_delete_columns=tuple(fk["on_delete_columns"]),
            )
        )
    declared = {c.name for c in columns}
    if declared and not live:  # a live table's columns come from the database, not from this file
        for fk_index, fk in enumerate(foreign_keys):
            for name in fk.columns:
                if name not in declared:
                    raise ctx.fail_at(
                        fk_paths[fk_index],
                        f"foreign key column {name!r} is not a column of {key!r}",
                        hint="known columns: " + ", ".join(sorted(declared)),
                    )
        for name in primary:
            if name not in declared:
                raise ctx.fail_at(path + ("primary_key",), f"primary key column {name!r} is not a column of {key!r}")
    table = Table(
        name=ref.table,
        schema=ref.schema,
        kind=TableKind(spec["kind"]) if spec["kind"] else TableKind.TABLE,
        purpose=spec["purpose"],
        row_estimate=spec["row_estimate"],
        size_bytes=spec["size"],
        columns=tuple(columns),
        primary_key=PrimaryKey(
            tuple(primary),
            primary_name,
            None if (declared_pk["type"] or "btree").lower() == "btree" else declared_pk["type"].lower(),
            declared_pk["description"],
        )
        if primary
        else None,
        indexes=tuple(indexes),
        foreign_keys=tuple(foreign_keys),
        unique_constraints=tuple(uniques),
        check_constraints=read_checks(spec["checks"]),
        triggers=tuple(
            Trigger(t["name"], t["timing"], tuple(t["events"]), t["definition"], t["description"])
            for t in spec["triggers"]
        ),
        definition=spec["definition"],
        partition_key=spec["partition_key"],
        partitions=tuple(
            Partition(
                p["name"],
                p["bound"],
                p["row_estimate"],
                p["size"],
                tuple(_index(idx, ctx, path + ("partitions", n, "indexes", i)) for i, idx in enumerate(p["indexes"])),
            )
            for n, p in enumerate(spec["partitions"])
        ),
        exclusion_constraints=tuple(
            ExclusionConstraint(x["definition"], x["name"], x["description"])
            for x in spec["exclusions"]
            if x["definition"]
        ),
        engine=spec["engine"],
        charset=spec["charset"],
        collation=spec["collation"],
        row_format=spec["row_format"],
        auto_increment=spec["auto_increment"],
        persistence=spec["persistence"],
        row_security=None if spec["row_security"] == "disabled" else spec["row_security"],
        policies=tuple(
            Policy(
                p["name"],
                p["command"] or "ALL",
                p["permissive"] is not False,
                tuple(p["roles"]),
                p["using"],
                p["check"],
            )
            for p in spec["policies"]
        ),
        tags=tags(spec["tags"]),
        owner=owner(spec["owner"]),
    )
    return table, fk_paths


def read_checks(specs: tuple[dict[str, Any], ...]) -> tuple[CheckConstraint, ...]:
    return tuple(CheckConstraint(c["expression"], c["name"], c["description"]) for c in specs if c["expression"])


def _index(idx: dict[str, Any], ctx: Context, where: Path) -> Index:
    """An index entry; `options` maps its columns to what follows them (`name: text_pattern_ops`)."""
    method = (idx["type"] or "").strip()
    columns = tuple(idx["columns"])
    stray = [name for name in idx["options"] if name not in columns]
    if stray:
        raise ctx.fail_at(
            where + ("options",),
            f"options for {stray[0]!r}, which is not one of the index's columns",
            hint="columns: " + ", ".join(columns) if columns else "list the index's columns",
        )
    options = tuple(idx["options"].get(name) or "" for name in columns)
    return Index(
        columns=columns,
        name=idx["name"],
        unique=bool(idx["unique"]) or method.lower() == "unique",
        method=None if method.lower() in ("", "unique") else method.lower(),
        predicate=idx["where"],
        purpose=idx["purpose"],
        options=options if any(options) else (),
        include=tuple(idx["include"]),
    )


def _target(text: str, ctx: Context, path: Path) -> tuple[TableRef, tuple[str, ...]]:
    try:
        return parse_target(text)
    except ValueError:
        raise ctx.fail_at(
            path, f"cannot read the target {text!r}", hint="write read_table(column), e.g. users(id)"
        ) from None


def resolve_foreign_keys(read: list[tuple[Table, list[Path]]], ctx: Context, *, check: bool) -> tuple[Table, ...]:
    """Fill target columns left out (`references: users` means users' primary key) and check targets.

    Targets are checked only for databases described by YAML alone; for a live database a missing
    target is drift, found when the live structure is merged.
    """
    by_key = {t.key: t for t, _ in read}
    resolved = []
    for table, fk_paths in read:
        fks = []
        for fk, where in zip(table.foreign_keys, fk_paths, strict=True):
            target = by_key.get(fk.target.key)
            if target is None:
                if check:
                    raise ctx.fail_at(
                        where,
                        f"foreign key to table {fk.target.key!r}, which this file does not describe",
                        hint=did_you_mean(fk.target.key, by_key) or "add the table, or fix the name",
                    )
                fks.append(fk)
                continue
            columns = fk.target_columns or (target.primary_key.columns if target.primary_key else ())
            if not columns:
                raise ctx.fail_at(
                    where,
                    f"foreign key to {fk.target.key!r} names no column, and that table has no primary key",
                    hint=f"write {fk.target.key}(column)",
                )
            if check and target.columns:
                missing = [c for c in columns if target.column(c) is None]
                if missing:
                    raise ctx.fail_at(
                        where,
                        f"foreign key to {fk.target.key}({', '.join(columns)}): "
                        f"{fk.target.key!r} has no column {missing[0]!r}",
                        hint=did_you_mean(missing[0], {c.name: c for c in target.columns}),
                    )
            if len(columns) != len(fk.columns):
                raise ctx.fail_at(
                    where, f"foreign key has {len(fk.columns)} column(s) but its target has {len(columns)}"
                )
            fks.append(replace(fk, target_columns=tuple(columns)))
        resolved.append(replace(table, foreign_keys=tuple(fks)))
    return tuple(resolved)


def did_you_mean(name: str, known: Mapping[str, object]) -> str | None:
    close = difflib.get_close_matches(name, list(known), n=1)
    return f"did you mean {close[0]!r}?" if close else None


def read_reference(ref: dict[str, Any], ctx: Context, path: Path) -> CrossReference:
    source_text, target_text = ref["from"], ref["to"]
    if not REFERENCE_FROM.matches(source_text):
        raise ctx.fail_at(
            path + ("from",), f"cannot read {source_text!r}", hint="write table.column, e.g. orders.user_id"
        )
    source_table, _, source_column = source_text.rpartition(".")
    database, _, rest = target_text.partition("/")
    target_table, _, target_column = rest.rpartition(".")
    if not REFERENCE_TO.matches(target_text):
        raise ctx.fail_at(
            path + ("to",),
            f"cannot read {target_text!r}",
            hint="write database-or-service/table.column, e.g. users-service/users.id",
        )
    return CrossReference(
        source=split_table_key(source_table),
        source_column=source_column,
        target_database=database,
        target=split_table_key(target_table),
        target_column=target_column,
        description=ref["description"],
    )


def read_relation(item: dict[str, Any], ctx: Context, path: Path) -> Relation:
    """`from: orders.user_id` (or `orders(a, b)`), `to: users.id`, `users(id)` or `users` (its primary key).

    Whether the tables and columns exist is checked after the live read, by the lint rule
    `relation-missing-column`: for a live database only the database knows.
    """
    source, columns = _target(item["from"], ctx, path + ("from",))
    if not RELATION_FROM.matches(item["from"]):  # once read as a target: exactly when it names no column
        raise ctx.fail_at(
            path + ("from",), f"{item['from']!r} names no column", hint="write table.column, e.g. orders.user_id"
        )
    target, target_columns = _target(item["to"], ctx, path + ("to",))
    if target_columns and len(target_columns) != len(columns):
        raise ctx.fail_at(
            path + ("to",), f"the relation has {len(columns)} column(s) but its target has {len(target_columns)}"
        )
    return Relation(source, columns, target, target_columns, item["description"])


def read_viewpoint(item: dict[str, Any]) -> Viewpoint:
    return Viewpoint(
        name=item["name"],
        description=item["description"],
        tables=tuple(item["tables"]),
        distance=item["distance"] or 0,
        groups=tuple(ViewpointGroup(group["name"], tuple(group["tables"])) for group in item["groups"]),
    )


def read_migration(entry: dict[str, Any]) -> Migration:
    status = {
        "applied": MigrationStatus.APPLIED,
        "pending": MigrationStatus.PENDING,
        "failed": MigrationStatus.FAILED,
    }.get(entry["status"] or "", MigrationStatus.UNKNOWN)
    return Migration(
        version=entry["version"],
        name=entry["name"],
        date=entry["date"],
        date_source="yaml" if entry["date"] else None,
        description=entry["description"],
        author=entry["author"],
        status=status,
    )
