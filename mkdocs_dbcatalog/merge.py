"""Live structure + YAML knowledge → one Database, and the drift between the two.

The live database is the truth for structure; the YAML adds what people know: purpose,
descriptions, owners, references and policies. A database comment fills in where the YAML says
nothing, and both are kept when both exist (the model's `description`/`purpose` and `comment`).
Anything the YAML says about a table, column, index or extension that the live database lacks is
drift, reported with the `file:line` it was written at; so is a column type or nullability the YAML
writes differently, and, in a file that writes the structure out (a snapshot), a table or column the
database has and the file lacks. The lint rules drift-dropped, drift-changed and drift-added report it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import replace
from fnmatch import fnmatchcase
from typing import Protocol

from .catalog.model import Column, Database, Drift, ForeignKey, Index, Origin, Table
from .sources.models.base import BOOKKEEPING, ModelsRead
from .sources.yamlfile import YamlDatabase

_FROM_FILES = (
    ("the database has", "the schema files have"),
    ("the database says", "the schema files say"),
    ("in the database but", "in the schema files but"),
)
_FROM_MODELS = (
    ("the database has", "the models have"),
    ("the database says", "the models say"),
    ("in the database but", "in the models but"),
)
_BY_MODELS = (
    ("is described as", "is declared in the models as"),
    ("is described but", "is declared in the models but"),
    (" (for a reference with no key, use 'references')", ""),
    ("not in the file (mkdocs-dbcatalog snapshot adds it)", "not in the models"),
)
"""How drift reads when the models, not a YAML file, say what the database contradicts."""

Located = tuple[Drift, str]
"""A drift item and the `file:line` (or file) it was written at."""


class _Note(Protocol):
    def __call__(self, kind: str, table: str, name: str | None, message: str, *path: str | int) -> None: ...


def merge_database(described: YamlDatabase, live: Database | None) -> tuple[Database, list[Located]]:
    """The merged database, and each drift item with the `file:line` it was written at."""
    if live is None:
        return described.database, []
    yaml = described.database
    drift: list[Located] = []

    def note(kind: str, table: str, name: str | None, message: str, *path: str | int) -> None:
        # Say where the structure came from when it is not a database.
        for said, meant in {Origin.DDL: _FROM_FILES, Origin.MODELS: _FROM_MODELS}.get(live.origin, ()):
            message = message.replace(said, meant)
        line = described.line_of(*path)
        drift.append((Drift(kind, table, name, message), f"{described.file}:{line}" if line else described.file))

    live_tables = {t.key: t for t in live.tables}
    written = {t.key: t for t in yaml.tables}
    tables = []
    for table in live.tables:
        own = written.get(table.key)
        tables.append(_merge_table(table, own, note) if own else table)
    for key, table in written.items():
        if key not in live_tables:
            why = _excluded(described, table)
            # A rename is a live table of the same kind that the file does not describe yet.
            view = table.kind.is_view
            unmatched = {k: t for k, t in live_tables.items() if k not in written and t.kind.is_view == view}
            hint = why or _did_you_mean(key, unmatched)
            what = table.kind.value
            note(
                "table",
                key,
                None,
                f"{what} {key!r} is described but the database has no such {what}{hint}",
                "tables",
                key,
            )
    if any(c.type for t in yaml.tables for c in t.columns):  # the file writes the structure out
        for table in live.tables:
            if table.key not in written:
                note(
                    "added_table",
                    table.key,
                    None,
                    f"{table.kind.value} {table.key} is in the database but not in the file "
                    "(mkdocs-dbcatalog snapshot adds it)",
                    "tables",
                )

    extensions = []
    written_extensions = {e.name: e for e in yaml.extensions}
    live_extensions = {e.name for e in live.extensions}
    for extension in live.extensions:
        own_extension = written_extensions.get(extension.name)
        extensions.append(
            replace(extension, purpose=own_extension.purpose or extension.purpose) if own_extension else extension
        )
    if live.engine == "postgresql":  # only PostgreSQL lists its extensions
        for name in written_extensions:
            if name not in live_extensions:
                note("extension", "—", name, f"extension {name!r} is described but not installed", "extensions", name)
    else:
        extensions = list(yaml.extensions)

    merged = replace(
        live,
        name=yaml.name,
        service=yaml.service,
        description=yaml.description,
        comment=live.comment,
        # What people wrote about where the database lives wins over the URL (which may be a tunnel).
        host=yaml.host or live.host,
        port=yaml.port or live.port,
        orm=yaml.orm,
        extensions=tuple(extensions),
        tables=tuple(tables),
        references=yaml.references,
        migrations=yaml.migrations,
        seed=yaml.seed,
        backup=yaml.backup,
        drift=live.drift + tuple(d for d, _ in drift),
        source_file=yaml.source_file,
        relations=yaml.relations,
        viewpoints=yaml.viewpoints,
        tags=yaml.tags,
        owner=yaml.owner,
    )
    return merged, drift


def _merge_table(table: Table, own: Table, note: _Note) -> Table:
    key = table.key
    columns = []
    live_columns = {c.name: c for c in table.columns}
    written = {c.name: c for c in own.columns}
    for column in table.columns:
        described = written.get(column.name)
        columns.append(_merge_column(column, described) if described else column)
    for name, column in written.items():
        path = ("tables", key, "columns", name)
        live_column = live_columns.get(name)
        if live_column is None:
            note(
                "column",
                key,
                name,
                f"column {key}.{name} is described but the {table.kind.value} has no such column"
                + _did_you_mean(name, {n: c for n, c in live_columns.items() if n not in written}),
                *path,
            )
            continue
        if column.type and live_column.type and not same_type(column.type, live_column.type):
            note(
                "type",
                key,
                name,
                f"column {key}.{name} is described as {column.type} but the database has {live_column.type}",
                *path,
                "type",
            )
        if column.nullable is not None and live_column.nullable is not None and column.nullable != live_column.nullable:
            says = "nullable" if column.nullable else "NOT NULL"
            note(
                "nullable",
                key,
                name,
                f"column {key}.{name} is described as {says} but the database says otherwise",
                *path,
                "nullable",
            )
    if any(c.type for c in own.columns):  # the file writes this table's structure out: it should be complete
        for column in table.columns:
            if column.name not in written:
                note(
                    "added_column",
                    key,
                    column.name,
                    f"column {key}.{column.name} ({column.type}) is in the database but not in the file "
                    "(mkdocs-dbcatalog snapshot adds it)",
                    "tables",
                    key,
                    "columns",
                )
    indexes = list(table.indexes)
    for i, index in enumerate(own.indexes):
        match = _find_index(indexes, index)
        if match is None:
            what = index.name or ", ".join(index.columns)
            note(
                "index",
                key,
                what,
                f"index {what!r} on {key} is described but the table has no such index",
                "tables",
                key,
                "indexes",
                i,
            )
        elif index.purpose:
            indexes[match] = replace(indexes[match], purpose=index.purpose)
    foreign_keys = list(table.foreign_keys)
    for i, fk in enumerate(own.foreign_keys):
        found = _find_foreign_key(foreign_keys, fk)
        if found is None:
            note(
                "foreign_key",
                key,
                ", ".join(fk.columns),
                f"foreign key ({', '.join(fk.columns)}) → {fk.target.key} on {key} is described but not declared "
                "in the database (for a reference with no key, use 'references')",
                "tables",
                key,
                "foreign_keys",
                i,
            )
        elif fk.description:
            foreign_keys[found] = replace(foreign_keys[found], description=fk.description)
    return replace(
        table,
        purpose=own.purpose or table.purpose,
        # Statistics the engine does not keep (SQLite without ANALYZE) may come from people.
        row_estimate=table.row_estimate if table.row_estimate is not None else own.row_estimate,
        size_bytes=table.size_bytes if table.size_bytes is not None else own.size_bytes,
        columns=tuple(columns),
        indexes=tuple(indexes),
        foreign_keys=tuple(foreign_keys),
        tags=own.tags,
        owner=own.owner,
    )


_TYPE_NAMES = {
    "int": "integer",
    "int4": "integer",
    "int8": "bigint",
    "int2": "smallint",
    "bool": "boolean",
    "varchar": "character varying",
    "char": "character",
    "bpchar": "character",
    "decimal": "numeric",
    "float8": "double precision",
    "float4": "real",
    "timestamptz": "timestamp with time zone",
    "timetz": "time with time zone",
}
"""Spellings of one type that engines and people use interchangeably."""


def same_type(written: str, live: str) -> bool:
    """Whether a type written in YAML names the database's type: case, spaces and aliases aside.

    MySQL's integer display widths (`int(11)`) are ignored: they change nothing stored.
    """
    return canonical_type(written) == canonical_type(live)


def canonical_type(text: str) -> str:
    """One spelling per type (`VARCHAR(40)` and `character varying(40)` alike), for comparisons."""
    text = re.sub(r"\s+", " ", text.strip().lower())
    text = re.sub(r"\s*([(),])\s*", r"\1", text)
    base, paren, rest = text.partition("(")
    base = _TYPE_NAMES.get(base, base)
    if base in ("integer", "bigint", "smallint", "tinyint", "mediumint") and paren:
        paren, rest = "", rest.partition(")")[2]
        return f"{base} {rest}" if rest else base  # bigint(20) unsigned: bigint unsigned
    return f"{base}{paren}{rest}"


def _merge_column(column: Column, described: Column) -> Column:
    return replace(column, description=described.description or column.description, tags=described.tags)


def _find_index(indexes: list[Index], wanted: Index) -> int | None:
    for i, index in enumerate(indexes):
        if wanted.name and index.name == wanted.name:
            return i
    if wanted.name:
        return None
    return next((i for i, index in enumerate(indexes) if index.columns == wanted.columns), None)


def _find_foreign_key(keys: list[ForeignKey], wanted: ForeignKey) -> int | None:
    return next(
        (
            i
            for i, fk in enumerate(keys)
            if fk.columns == wanted.columns
            and fk.target.table == wanted.target.table
            and (wanted.target.schema is None or fk.target.schema == wanted.target.schema)
        ),
        None,
    )


def _excluded(described: YamlDatabase, table: Table) -> str:
    """Why a described table was not read, when the connection's patterns left it out."""
    connection = described.connection
    if connection is None:
        return ""
    names = (table.name, table.key)
    if connection.include and not any(fnmatchcase(n, p) for n in names for p in connection.include):
        return " (it matches none of the connection's include patterns)"
    if any(fnmatchcase(n, p) for n in names for p in connection.exclude):
        return " (the connection's exclude patterns leave it out)"
    return ""


def _did_you_mean(name: str, known: Mapping[str, object]) -> str:
    close = difflib.get_close_matches(name, list(known), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def merge_models(structure: Database, read: ModelsRead) -> Database:
    """A live (or schema-file) structure with what the models add: descriptions, relationships the
    database does not enforce, and drift wherever the models and the database disagree.

    Goes through `merge_database` as a YAML file would, so the comparison is the same one; each
    drift item says where in the code the table or column is declared (`schema.prisma:14`).
    """
    models = read.database
    unenforced = {t.key: [fk for fk in t.foreign_keys if not fk.enforced] for t in models.tables}
    declared = replace(
        models,
        tables=tuple(replace(t, foreign_keys=tuple(fk for fk in t.foreign_keys if fk.enforced)) for t in models.tables),
    )
    file = models.models.source if models.models else "the models"
    merged, located = merge_database(
        YamlDatabase(declared, file, {}, None, None, None), replace(structure, drift=())
    )
    drift = []
    for item, _ in located:
        if item.kind == "added_table" and (not read.complete or item.table.rpartition(".")[2] in BOOKKEEPING):
            continue
        message = item.message
        for said, meant in _BY_MODELS:
            message = message.replace(said, meant)
        where = read.location(item.table, item.name if item.kind not in ("index", "foreign_key") else None)
        drift.append(replace(item, kind=f"models_{item.kind}", message=f"{message} ({where})" if where else message))
    tables = []
    for table in merged.tables:
        extra = [fk for fk in unenforced.get(table.key, ()) if _relates(merged, table, fk)]
        tables.append(replace(table, foreign_keys=table.foreign_keys + tuple(extra)) if extra else table)
    return replace(structure, tables=tuple(tables), drift=structure.drift + tuple(drift), models=models.models)


def _relates(database: Database, table: Table, fk: ForeignKey) -> bool:
    """Whether an unenforced relationship's columns exist on both sides, and no key already says it."""
    target = database.table(fk.target.key)
    if target is None or any(table.column(c) is None for c in fk.columns):
        return False
    if any(target.column(c) is None for c in fk.target_columns):
        return False
    return _find_foreign_key(list(table.foreign_keys), fk) is None


def merge_url_only(name: str, service: str | None, description: str | None, live: Database) -> Database:
    """A database given only by URL in mkdocs.yml: the live read, with the name and words given there."""
    return replace(live, name=name, service=service, description=description)


__all__ = ["Located", "canonical_type", "merge_database", "merge_models", "merge_url_only", "same_type"]
