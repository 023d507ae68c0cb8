"""DBML (dbdiagram.io, dbdocs, pydbml): one database's tables, columns, keys, indexes, enums and notes.

Every name is double-quoted and every text a single-quoted string with `\\`, `'` and line breaks
escaped, so any name or description reads back as written (tests parse the output with pydbml).
DBML has no way to write `"` or a line break inside a name: those become `'` and a space, and the
note says the real name. Types DBML's grammar cannot take bare (`timestamp with time zone`,
`integer[]`) are quoted; defaults are SQL expressions in backticks.
"""

from __future__ import annotations

import re

from ..catalog.engines import title as engine_title
from ..catalog.model import Catalog, Column, Database, ForeignKey, Index, Table

_BARE_TYPE = re.compile(r"[A-Za-z0-9_]+(\([^()\"]*\))?")
_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")
_INDEX_TYPES = {"btree", "hash", "gin", "gist", "brin", "spgist"}
_ACTIONS = {"CASCADE", "RESTRICT", "SET NULL", "SET DEFAULT", "NO ACTION"}


def name(text: str) -> str:
    """A quoted DBML identifier (DBML quoted names allow anything but `"` and line breaks)."""
    return '"' + re.sub(r"[\r\n]+", " ", text).replace('"', "'") + '"'


def _renamed(text: str) -> bool:
    return name(text)[1:-1] != text


def string(text: str) -> str:
    """A DBML string literal that reads back as `text`."""
    escaped = text.replace("\\", "\\\\").replace("'", "\\'")
    return "'" + escaped.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t") + "'"


def _note(*parts: str | None) -> str | None:
    found = [p for p in parts if p]
    return "\n\n".join(found) if found else None


def _table_name(table: Table) -> str:
    return f"{name(table.schema)}.{name(table.name)}" if table.schema else name(table.name)


def _type(text: str | None) -> str:
    if not text:
        return name("unknown")
    return text if _BARE_TYPE.fullmatch(text) else name(text.replace('"', ""))


def _default(text: str) -> str:
    if _NUMBER.fullmatch(text.strip()):
        return text.strip()
    return f"`{text}`" if "`" not in text else string(text)


def _column(column: Column, table: Table, references: list[str]) -> str:
    settings = []
    pk = table.primary_key.columns if table.primary_key else ()
    if pk == (column.name,):
        settings.append("pk")
    if column.nullable is False:
        settings.append("not null")
    if any(u.columns == (column.name,) for u in table.unique_constraints):
        settings.append("unique")
    if column.identity:
        settings.append("increment")
    if column.default is not None:
        settings.append(f"default: {_default(column.default)}")
    real_name = f"Name in the database: {column.name}" if _renamed(column.name) else None
    tags = f"Tags: {', '.join(column.tags)}" if column.tags else None
    note = _note(column.text, real_name, tags, *references)
    if note:
        settings.append(f"note: {string(note)}")
    line = f"  {name(column.name)} {_type(column.type)}"
    return line + (f" [{', '.join(settings)}]" if settings else "")


def _subject(column: str, table: Table) -> str:
    if table.column(column) is not None or "`" in column:
        return name(column)
    return f"`{column}`"  # an expression index


def _index(index: Index, table: Table) -> str:
    subjects = [_subject(c, table) for c in index.column_texts()]
    settings = []
    if index.unique:
        settings.append("unique")
    if index.name:
        settings.append(f"name: {string(index.name)}")
    if index.method in _INDEX_TYPES:
        settings.append(f"type: {index.method}")
    note = _note(index.text, f"WHERE {index.predicate}" if index.predicate else None)
    if note:
        settings.append(f"note: {string(note)}")
    line = "    " + (subjects[0] if len(subjects) == 1 else f"({', '.join(subjects)})")
    return line + (f" [{', '.join(settings)}]" if settings else "")


def _table(database: Database, table: Table) -> list[str]:
    lines = [f"Table {_table_name(table)} {{"]
    references: dict[str, list[str]] = {}
    for ref in database.references:
        if ref.source == table.ref:
            target = f"{ref.target_database}/{ref.target.key}.{ref.target_column}"
            said = f"References {target} (another service, no foreign key)"
            references.setdefault(ref.source_column, []).append(said)
    lines += [_column(c, table, references.get(c.name, [])) for c in table.columns]
    pk = table.primary_key.columns if table.primary_key else ()
    indexes = [_index(i, table) for i in table.indexes]
    if len(pk) > 1:
        indexes.insert(0, f"    ({', '.join(name(c) for c in pk)}) [pk]")
    for unique in table.unique_constraints:
        if len(unique.columns) > 1:
            indexes.append(f"    ({', '.join(name(c) for c in unique.columns)}) [unique]")
    if indexes:
        lines += ["", "  indexes {", *indexes, "  }"]
    owner = database.owner_of(table)
    extra = [
        f"Kind: {table.kind.value}" if table.kind.value != "table" else None,
        f"Name in the database: {table.key}" if _renamed(table.key) else None,
        f"Owner: {owner}" if owner else None,
        f"Tags: {', '.join(table.tags)}" if table.tags else None,
        f"Definition:\n{table.definition}" if table.definition else None,
    ]
    note = _note(table.text, *extra)
    if note:
        lines += ["", f"  Note: {string(note)}"]
    return [*lines, "}"]


def _ref(table: Table, fk: ForeignKey) -> str:
    source = f"{_table_name(table)}.({', '.join(name(c) for c in fk.columns)})"
    target_table = f"{name(fk.target.schema)}.{name(fk.target.table)}" if fk.target.schema else name(fk.target.table)
    target = f"{target_table}.({', '.join(name(c) for c in fk.target_columns)})"
    settings = [
        f"{what}: {rule.lower()}"
        for what, rule in (("delete", fk.on_delete), ("update", fk.on_update))
        if rule and rule.upper() in _ACTIONS
    ]
    head = f"Ref {name(fk.name)}:" if fk.name else "Ref:"
    return f"{head} {source} > {target}" + (f" [{', '.join(settings)}]" if settings else "")


def write(catalog: Catalog, databases: list[Database]) -> str:
    """DBML describes one database: `databases` must hold one (exports write a file per database)."""
    if len(databases) != 1:
        raise ValueError("DBML describes one database at a time")
    (database,) = databases
    known = {t.key for t in database.tables}
    project_note = _note(database.text, f"Owner: {database.owner}" if database.owner else None,
                         f"Tags: {', '.join(database.tags)}" if database.tags else None)
    lines = [f"Project {name(database.name)} {{"]
    if database.engine:
        lines.append(f"  database_type: {string(engine_title(database.engine) or database.engine)}")
    if project_note:
        lines.append(f"  Note: {string(project_note)}")
    lines += ["}", ""]
    for enum in database.enums:
        enum_name = f"{name(enum.schema)}.{name(enum.name)}" if enum.schema else name(enum.name)
        lines += [f"Enum {enum_name} {{", *(f"  {name(v)}" for v in enum.values), "}", ""]
    for table in database.tables:
        lines += [*_table(database, table), ""]
    refs = [_ref(t, fk) for t in database.tables for fk in t.foreign_keys if fk.target.key in known]
    lines += refs
    return "\n".join(lines).rstrip("\n") + "\n"
