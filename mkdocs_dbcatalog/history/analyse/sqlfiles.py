"""Migrations written in SQL: Flyway, golang-migrate, goose, dbmate, Prisma, and Liquibase changesets.

Each file's forward part (goose's `-- +goose Up` section, dbmate's `-- migrate:up`, golang-migrate's
`.up.sql`) goes to the DDL reader's statement applier with its own line numbers. Migrations written in
a programming language (Flyway Java, goose Go) are not analysed. Liquibase's own change types
(`createTable`, `addColumn`, ...) are read as the operations they name; `sql` and `sqlFile` changes
as SQL; data changes (`insert`, `loadData`) change no structure.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ...catalog.model import CheckConstraint, Column, ForeignKey, Index, PrimaryKey, Table, TableRef, UniqueConstraint
from ...sources.migrations import FileSet, Found
from ..operations import (
    AddColumn,
    AddConstraint,
    AlterColumn,
    Analysed,
    CreateTable,
    DropColumn,
    DropConstraint,
    DropTable,
    Operation,
    RenameColumn,
    RenameTable,
    SetComment,
)
from .sqlreader import SqlReader

_SECTIONS = {
    "goose": (
        re.compile(r"^\s*--\s*\+goose\s+up\b.*$", re.I | re.M),
        re.compile(r"^\s*--\s*\+goose\s+down\b", re.I | re.M),
    ),
    "dbmate": (re.compile(r"^--\s*migrate:up\b.*$", re.M), re.compile(r"^--\s*migrate:down\b", re.M)),
}
_CODE = {".java": "a Java migration", ".kt": "a Kotlin migration", ".go": "a Go migration"}
_NO_STRUCTURE = {
    "insert",
    "update",
    "delete",
    "loadData",
    "loadUpdateData",
    "tagDatabase",
    "output",
    "empty",
    "stop",
    "createSequence",
    "dropSequence",
    "alterSequence",
    "createProcedure",
    "dropProcedure",
    "executeCommand",
}


def analyse(files: FileSet, sql: SqlReader) -> dict[str, Analysed]:
    if files.tool == "liquibase":
        return {f.key: _liquibase(f, sql) for f in files.found}
    return {f.key: _file(files.tool, f, sql) for f in files.found}


def _file(tool: str, found: Found, sql: SqlReader) -> Analysed:
    source = found.source
    if source is None:
        return Analysed(unread=["no forward (up) file: nothing to read"], failed=True)
    kind = _CODE.get(source.suffix.lower())
    if kind is not None:
        return Analysed(unread=[f"{kind}: code, whose effect is not analysed"], failed=True)
    try:
        text = source.read_bytes().decode("utf-8-sig", errors="replace")
    except OSError as problem:
        return Analysed(unread=[f"the file cannot be read ({problem.strerror or problem})"], failed=True)
    if tool in _SECTIONS:
        text = _forward(text, *_SECTIONS[tool])
    return sql.read(text, file=found.migration.path)


def _forward(text: str, start: re.Pattern[str], end: re.Pattern[str]) -> str:
    """The forward section of a file with both directions, on its own lines (the rest blanked)."""
    up = start.search(text)
    if up is None:
        return ""
    down = end.search(text, up.end())
    body = text[up.end() : down.start() if down else len(text)]
    return "\n" * text.count("\n", 0, up.end()) + body


# ------------------------------------------------------------------------------------------- Liquibase


def _liquibase(found: Found, sql: SqlReader) -> Analysed:
    result = Analysed()
    for change in found.extra.get("changes") or ():
        kind = str(change.get("kind"))
        try:
            if kind == "sql":
                _merge(result, sql.read(str(change.get("sql") or change.get("text") or "")))
            elif kind == "sqlFile":
                _merge(result, _sql_file(found, change, sql))
            elif kind in ("createView", "dropView"):
                _merge(result, sql.read(_view_sql(kind, change)))
            elif kind in _NO_STRUCTURE:
                continue
            elif kind in _CHANGES:
                result.operations += _CHANGES[kind](change["attrs"], change.get("columns") or [])
            else:
                result.unread.append(f"the {kind} change is not read")
        except (KeyError, TypeError, ValueError):
            result.unread.append(f"the {kind} change lacks what it needs (a table or column name)")
    return result


def _view_sql(kind: str, change: Mapping[str, Any]) -> str:
    attrs = change["attrs"]
    name = f"{attrs['schemaName']}.{attrs['viewName']}" if attrs.get("schemaName") else str(attrs["viewName"])
    if kind == "dropView":
        return f"DROP VIEW {name}"
    return f"CREATE VIEW {name} AS {change.get('text') or attrs.get('selectQuery') or ''}"


def _merge(into: Analysed, other: Analysed) -> None:
    into.operations += other.operations
    into.unread += other.unread


def _sql_file(found: Found, change: Mapping[str, Any], sql: SqlReader) -> Analysed:
    path = str(change["attrs"].get("path") or "").removeprefix("classpath:").lstrip("/")
    candidates = [found.source.parent / path] if found.source else []
    candidates += [Path(path)]
    for candidate in candidates:
        if candidate.is_file():
            return sql.read(candidate.read_text(encoding="utf-8", errors="replace"), file=path)
    return Analysed(unread=[f"the sqlFile {path} is not found"])


def _ref(attrs: Mapping[str, Any], name: str = "tableName") -> TableRef:
    return TableRef(str(attrs[name]), str(attrs["schemaName"]) if attrs.get("schemaName") else None)


def _true(value: Any) -> bool:
    return str(value).strip().lower() == "true"


def _column(attrs: Mapping[str, Any]) -> tuple[Column, list[Any]]:
    """A Liquibase `<column>`: the column, and the constraints written on it."""
    constraints = attrs.get("constraints") or {}
    default = next(
        (
            attrs[k]
            for k in ("defaultValue", "defaultValueNumeric", "defaultValueBoolean", "defaultValueComputed")
            if attrs.get(k) is not None
        ),
        None,
    )
    if default is not None and attrs.get("defaultValue") is not None:
        default = "'" + str(default).replace("'", "''") + "'"
    primary = _true(constraints.get("primaryKey"))
    nullable = False if primary else (_true(constraints["nullable"]) if "nullable" in constraints else True)
    column = Column(
        str(attrs["name"]),
        type=str(attrs["type"]) if attrs.get("type") else None,
        nullable=nullable,
        default=str(default) if default is not None else None,
        comment=str(attrs["remarks"]) if attrs.get("remarks") else None,
        identity="auto_increment" if _true(attrs.get("autoIncrement")) else None,
    )
    extra: list[Any] = []
    name = column.name
    if _true(constraints.get("primaryKey")):
        extra.append(PrimaryKey((name,), constraints.get("primaryKeyName")))
    if _true(constraints.get("unique")):
        extra.append(UniqueConstraint((name,), constraints.get("uniqueConstraintName")))
    target = constraints.get("references") or (
        f"{constraints['referencedTableName']}({constraints.get('referencedColumnNames', 'id')})"
        if constraints.get("referencedTableName")
        else None
    )
    if target:
        match = re.match(r"\s*([\w.\"]+)\s*\(([^)]*)\)", str(target))
        if match:
            schema, _, table = match.group(1).replace('"', "").rpartition(".")
            extra.append(
                ForeignKey(
                    (name,),
                    TableRef(table, schema or None),
                    tuple(c.strip() for c in match.group(2).split(",")),
                    name=constraints.get("foreignKeyName"),
                    on_delete="CASCADE" if _true(constraints.get("deleteCascade")) else None,
                )
            )
    return column, extra


def _create_table(attrs: Mapping[str, Any], columns: list[Mapping[str, Any]]) -> list[Operation]:
    ref = _ref(attrs)
    table = Table(ref.table, ref.schema, comment=attrs.get("remarks"))
    made, keys = [], []
    for item in columns:
        column, extra = _column(item)
        made.append(column)
        keys += extra
    pk_columns = tuple(k.columns[0] for k in keys if isinstance(k, PrimaryKey))
    table = Table(
        ref.table,
        ref.schema,
        comment=table.comment,
        columns=tuple(made),
        primary_key=PrimaryKey(pk_columns, next((k.name for k in keys if isinstance(k, PrimaryKey) and k.name), None))
        if pk_columns
        else None,
        foreign_keys=tuple(k for k in keys if isinstance(k, ForeignKey)),
        unique_constraints=tuple(k for k in keys if isinstance(k, UniqueConstraint)),
    )
    return [CreateTable(table)]


def _add_column(attrs: Mapping[str, Any], columns: list[Mapping[str, Any]]) -> list[Operation]:
    ref = _ref(attrs)
    operations: list[Operation] = []
    for item in columns:
        column, extra = _column(item)
        operations.append(AddColumn(ref, column))
        operations += [AddConstraint(ref, k) for k in extra]
    return operations


def _drop_column(attrs: Mapping[str, Any], columns: list[Mapping[str, Any]]) -> list[Operation]:
    ref = _ref(attrs)
    names = [str(attrs["columnName"])] if attrs.get("columnName") else [str(c["name"]) for c in columns]
    return [DropColumn(ref, name) for name in names]


def _names(text: Any) -> tuple[str, ...]:
    return tuple(n.strip() for n in str(text).split(",") if n.strip())


def _foreign_key(attrs: Mapping[str, Any], columns: list[Mapping[str, Any]]) -> list[Operation]:
    target = TableRef(str(attrs["referencedTableName"]), attrs.get("referencedTableSchemaName"))
    fk = ForeignKey(
        _names(attrs["baseColumnNames"]),
        target,
        _names(attrs["referencedColumnNames"]),
        name=attrs.get("constraintName"),
        on_delete=str(attrs["onDelete"]).upper() if attrs.get("onDelete") else None,
        on_update=str(attrs["onUpdate"]).upper() if attrs.get("onUpdate") else None,
    )
    return [AddConstraint(_ref(attrs, "baseTableName"), fk)]


def _index(attrs: Mapping[str, Any], columns: list[Mapping[str, Any]]) -> list[Operation]:
    index = Index(
        tuple(str(c["name"]) for c in columns), name=attrs.get("indexName"), unique=_true(attrs.get("unique"))
    )
    return [AddConstraint(_ref(attrs), index)]


_CHANGES: dict[str, Any] = {
    "createTable": _create_table,
    "dropTable": lambda a, c: [DropTable(_ref(a))],
    "renameTable": lambda a, c: [
        RenameTable(_ref(a, "oldTableName"), TableRef(str(a["newTableName"]), a.get("schemaName")))
    ],
    "addColumn": _add_column,
    "dropColumn": _drop_column,
    "renameColumn": lambda a, c: [RenameColumn(_ref(a), str(a["oldColumnName"]), str(a["newColumnName"]))],
    "modifyDataType": lambda a, c: [AlterColumn(_ref(a), str(a["columnName"]), type=str(a["newDataType"]))],
    "addNotNullConstraint": lambda a, c: [AlterColumn(_ref(a), str(a["columnName"]), nullable=False)],
    "dropNotNullConstraint": lambda a, c: [AlterColumn(_ref(a), str(a["columnName"]), nullable=True)],
    "addDefaultValue": lambda a, c: [
        AlterColumn(
            _ref(a),
            str(a["columnName"]),
            default=("'" + str(a["defaultValue"]).replace("'", "''") + "'")
            if a.get("defaultValue") is not None
            else str(a.get("defaultValueNumeric") or a.get("defaultValueBoolean") or a.get("defaultValueComputed")),
        )
    ],
    "dropDefaultValue": lambda a, c: [AlterColumn(_ref(a), str(a["columnName"]), default=None)],
    "addPrimaryKey": lambda a, c: [
        AddConstraint(_ref(a), PrimaryKey(_names(a["columnNames"]), a.get("constraintName")))
    ],
    "dropPrimaryKey": lambda a, c: [DropConstraint(_ref(a), str(a.get("constraintName") or ""), "primary key")],
    "addForeignKeyConstraint": _foreign_key,
    "dropForeignKeyConstraint": lambda a, c: [
        DropConstraint(_ref(a, "baseTableName"), str(a["constraintName"]), "foreign key")
    ],
    "addUniqueConstraint": lambda a, c: [
        AddConstraint(_ref(a), UniqueConstraint(_names(a["columnNames"]), a.get("constraintName")))
    ],
    "dropUniqueConstraint": lambda a, c: [DropConstraint(_ref(a), str(a["constraintName"]), "unique")],
    "createIndex": _index,
    "dropIndex": lambda a, c: [DropConstraint(_ref(a) if a.get("tableName") else None, str(a["indexName"]), "index")],
    "setTableRemarks": lambda a, c: [SetComment(_ref(a), None, a.get("remarks"))],
    "setColumnRemarks": lambda a, c: [SetComment(_ref(a), str(a["columnName"]), a.get("remarks"))],
    "addCheckConstraint": lambda a, c: [
        AddConstraint(_ref(a), CheckConstraint(str(a.get("constraintBody") or ""), a.get("constraintName")))
    ],
}
__all__ = ["analyse"]
