"""What sqlglot parses only as an opaque Command, read from its words; and triggers.

sqlglot keeps some statements as `exp.Command` (a keyword and the rest as text): PostgreSQL's
CREATE EXTENSION, ALTER TYPE ... ADD VALUE, ALTER TABLE ... ATTACH PARTITION, SET search_path,
DuckDB's CREATE TYPE ... AS ENUM, MySQL's RENAME TABLE, SQL Server's XML and spatial indexes. Their
few words are read here from sqlglot's own tokens. A trigger's body is procedural code in every
engine, so only its header (name, timing, events, table) is read, the same way.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from sqlglot import exp

from ...catalog.model import EnumType, Extension, Index, Trigger
from .alter import rename_table
from .applied import Applied, Change, Draft, Status
from .comments import index_owner
from .create import add_partition
from .statements import Statement, parse_statement, tokenize
from .translate import name_of
from .words import table_named
from .words import words as read_words

if TYPE_CHECKING:
    from .state import SchemaState

_CREATE_TABLE = re.compile(
    r"(?is)^CREATE\s+(?:OR\s+REPLACE\s+)?(?:(?:GLOBAL|LOCAL|TEMP|TEMPORARY|TRANSIENT|UNLOGGED|EXTERNAL|FOREIGN)\s+)*"
    r"TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?"
)
_WITH_DATA = re.compile(r"(?is)\s+WITH\s+(?:NO\s+)?DATA\s*$")


def apply_command(state: SchemaState, statement: Statement, command: exp.Command) -> Applied:
    head = " ".join(statement.text.split()[:4]).upper()
    if head.startswith("CREATE MATERIALIZED VIEW") and _WITH_DATA.search(statement.text):
        text = _WITH_DATA.sub("", statement.text)
        reparsed = parse_statement(text, state.dialect, statement.line, statement.file)
        if reparsed and isinstance(reparsed[0].expression, exp.Create):
            return state.apply(reparsed[0])
    words = read_words(statement, state.dialect)
    upper = [w for w, _ in words]
    if head.startswith("CREATE EXTENSION"):
        return _create_extension(state, statement, words)
    if head.startswith("COMMENT ON EXTENSION") and "IS" in upper:
        name = words[3][1]
        found = state.extensions.get(name)
        comment = words[upper.index("IS") + 1][1] if upper.index("IS") + 1 < len(words) else None
        if found is not None:
            state.extensions[name] = replace(found, purpose=None if comment == "NULL" else comment)
        return state.done(statement, [Change("comment", name)])
    if head.startswith("ALTER TYPE") and "ADD" in upper and "VALUE" in upper:
        return _add_enum_value(state, statement, words)
    if head.startswith("ALTER TABLE") and "ATTACH" in upper and "PARTITION" in upper:
        return _attach_partition(state, statement, words)
    if head.startswith("RENAME TABLE"):
        return _rename_tables(state, statement)
    if head.startswith("SET SEARCH_PATH") or head.startswith("SET SCHEMA"):
        names = [text for word, text in words[2:] if word not in ("=", "TO", ",", "DEFAULT")]
        if names:
            state.current_schema = state.dialect.fold(names[0].strip("'\""), False)
        return Applied(statement, Status.NO_EFFECT)
    if head.startswith("CREATE SCHEMA"):
        name = words[2][1] if len(words) > 2 else ""
        if name and name not in state.schemas:
            state.schemas.append(name)
        return state.done(statement, [Change("create schema", name)])
    if re.match(
        r"CREATE (?:PRIMARY |SELECTIVE )?(?:XML|SPATIAL|COLUMNSTORE|CLUSTERED COLUMNSTORE|NONCLUSTERED COLUMNSTORE) ",
        head,
    ):
        return _index_fromread_words(state, statement, words)
    if head.startswith("CREATE TYPE") and "ENUM" in upper:
        return _create_enum(state, statement, words)
    if head.startswith("CREATE TYPE"):
        return Applied(statement, Status.NO_EFFECT)  # alias, composite and range types are not catalogued
    return state.skip(statement, f"sqlglot reads {' '.join(statement.text.split()[:2])} only as an opaque command")


def _index_fromread_words(state: SchemaState, statement: Statement, words: list[tuple[str, str]]) -> Applied:
    """SQL Server's XML, spatial and columnstore indexes: `CREATE [PRIMARY] XML INDEX name ON table (column)`."""
    upper = [w for w, _ in words]
    if "INDEX" not in upper or "ON" not in upper:
        return state.skip(statement, "cannot read the index")
    at, on = upper.index("INDEX"), upper.index("ON")
    method = " ".join(w.lower() for w in upper[1:at] if w not in ("PRIMARY", "SELECTIVE", "NONCLUSTERED"))
    paren = upper.index("(", on) if "(" in upper[on:] else len(upper)
    table = table_named(state, "".join(t for _, t in words[on + 1 : paren]))
    draft = state.draft(table) if table is not None else None
    if draft is None:
        return state.skip(statement, "an index on a table no earlier statement creates")
    close = upper.index(")", paren) if ")" in upper[paren:] else len(upper)
    columns = tuple(
        name_of(exp.to_identifier(t), state.dialect)
        for w, t in words[paren + 1 : close]
        if w not in (",", "ASC", "DESC")
    )
    name = name_of(exp.to_identifier(words[at + 1][1]), state.dialect)
    draft.indexes = [i for i in draft.indexes if i.name != name] + [Index(columns, name, False, method or None)]
    return state.done(statement, [Change("create index", state.label(draft.schema, draft.name), name)])


def _create_enum(state: SchemaState, statement: Statement, words: list[tuple[str, str]]) -> Applied:
    """`CREATE TYPE mood AS ENUM ('sad', 'ok')` where sqlglot keeps it as a Command (DuckDB)."""
    upper = [w for w, _ in words]
    table = table_named(state, "".join(t for _, t in words[2 : upper.index("AS")])) if "AS" in upper else None
    if table is None:
        return state.skip(statement, "cannot read the enum type's name")
    tokens = tokenize(statement.text, state.dialect)
    at = next(i for i, t in enumerate(tokens) if t.text.upper() == "ENUM")
    values = tuple(t.text for t in tokens[at + 1 :] if t.token_type.name in ("STRING", "NATIONAL_STRING"))
    schema, name = state.place(table)
    state.enums[state.key(schema, name)] = EnumType(name, values, state.shown(schema))
    return state.done(statement, [Change("create type", state.label(schema, name))])


def _create_extension(state: SchemaState, statement: Statement, words: list[tuple[str, str]]) -> Applied:
    upper = [w for w, _ in words]
    at = 2 + (3 if upper[2:5] == ["IF", "NOT", "EXISTS"] else 0)
    if at >= len(words):
        return state.skip(statement, "CREATE EXTENSION without a name")
    name = words[at][1]
    schema = (
        words[upper.index("SCHEMA") + 1][1]
        if "SCHEMA" in upper[at:] and upper.index("SCHEMA") + 1 < len(words)
        else None
    )
    version = (
        words[upper.index("VERSION") + 1][1]
        if "VERSION" in upper[at:] and upper.index("VERSION") + 1 < len(words)
        else None
    )
    state.extensions[name] = Extension(name, None, version, schema)
    return state.done(statement, [Change("create extension", name)])


def _add_enum_value(state: SchemaState, statement: Statement, words: list[tuple[str, str]]) -> Applied:
    upper = [w for w, _ in words]
    value_at = upper.index("VALUE") + 1
    if upper[value_at : value_at + 3] == ["IF", "NOT", "EXISTS"]:
        value_at += 3
    table = table_named(state, "".join(text if word != "ADD" else "" for word, text in words[2 : upper.index("ADD")]))
    if table is None or value_at >= len(words):
        return state.skip(statement, "cannot read the type's name or value")
    schema, name = state.place(table)
    found = state.enums.get(state.key(schema, name))
    if found is None:
        return state.skip(statement, f"ALTER of type {state.label(schema, name)}, which no earlier statement creates")
    value = words[value_at][1]
    values = list(found.values)
    if value in values:
        return state.done(statement, [])
    position = len(values)
    if value_at + 2 < len(words) and upper[value_at + 1] in ("BEFORE", "AFTER") and words[value_at + 2][1] in values:
        anchor = values.index(words[value_at + 2][1])
        position = anchor if upper[value_at + 1] == "BEFORE" else anchor + 1
    values.insert(position, value)
    state.enums[state.key(schema, name)] = replace(found, values=tuple(values))
    return state.done(statement, [Change("alter type", state.label(schema, name), value)])


def _attach_partition(state: SchemaState, statement: Statement, words: list[tuple[str, str]]) -> Applied:
    """`ALTER TABLE [ONLY] parent ATTACH PARTITION child FOR VALUES ...` (how pg_dump writes partitions)."""
    upper = [w for w, _ in words]
    start = 3 if upper[2] == "ONLY" else 2
    attach = upper.index("ATTACH")
    parent = table_named(state, "".join(t for _, t in words[start:attach]))
    bound_at = next((i for i in range(attach + 2, len(upper)) if upper[i] in ("FOR", "DEFAULT")), len(upper))
    child = table_named(state, "".join(t for _, t in words[attach + 2 : bound_at]))
    if parent is None or child is None:
        return state.skip(statement, "cannot read the partition's tables")
    bound_match = re.search(r"(?is)\b(FOR\s+VALUES\b.*|DEFAULT)\s*$", statement.text)
    schema, name = state.place(child)
    return add_partition(state, statement, parent, schema, name, bound_match.group(1) if bound_match else None)


def _rename_tables(state: SchemaState, statement: Statement) -> Applied:
    """MySQL's `RENAME TABLE a TO b, c TO d`."""
    body = re.sub(r"(?is)^RENAME\s+TABLES?\s+", "", statement.text)
    changes = []
    for pair in body.split(","):
        parts = re.split(r"(?i)\s+TO\s+", pair.strip(), maxsplit=1)
        old, new = (parts[0], parts[1]) if len(parts) == 2 else (pair, "")
        source, target = table_named(state, old), table_named(state, new) if new else None
        draft = state.draft(source) if source is not None else None
        if draft is None or target is None:
            return state.skip(statement, f"no table {old.strip()} to rename")
        changes.append(rename_table(state, draft, target))
    return state.done(statement, changes)


def trigger(state: SchemaState, statement: Statement) -> Applied:
    return _trigger_fromread_words(state, statement, read_words(statement, state.dialect))


def _trigger_fromread_words(state: SchemaState, statement: Statement, words: list[tuple[str, str]]) -> Applied:
    """A trigger's header, `CREATE [TEMP] TRIGGER name {BEFORE|AFTER|INSTEAD OF} events ON table`
    (or T-SQL's `CREATE TRIGGER name ON table {AFTER|FOR|INSTEAD OF} events AS ...`), when sqlglot
    reads no more of it: its body is kept as written."""
    upper = [w for w, _ in words]
    if "TRIGGER" not in upper or "ON" not in upper:
        return state.skip(statement, "cannot read the trigger's header")
    at = upper.index("TRIGGER") + 1
    if upper[at : at + 3] == ["IF", "NOT", "EXISTS"]:
        at += 3
    on = upper.index("ON", at)
    name = table_named(state, "".join(t for _, t in words[at:on]) if upper[at + 1 : at + 2] == ["."] else words[at][1])
    stops = ("FOR", "AFTER", "BEFORE", "INSTEAD", "WITH", "AS", "WHEN", "BEGIN", "REFERENCING", "EXECUTE")
    end = next((i for i in range(on + 1, len(upper)) if upper[i] in stops), len(upper))
    table = table_named(state, "".join(t for _, t in words[on + 1 : end]))
    draft = state.draft(table) if table is not None else None
    if draft is None or name is None:
        return state.skip(statement, "a trigger on a table no earlier statement creates")
    header = upper[at:end]
    rest = upper[end:]
    stop = next((i for i, w in enumerate(rest) if w in ("AS", "BEGIN", "WHEN", "EXECUTE", "REFERENCING")), len(rest))
    clause = header + rest[:stop]
    timing = next((t for t in ("BEFORE", "AFTER", "INSTEAD") if t in clause), None)
    if timing is None:
        timing = "AFTER" if rest[:1] == ["FOR"] else "BEFORE"  # T-SQL's FOR is AFTER; SQLite's default is BEFORE
    events = tuple(e for e in ("INSERT", "UPDATE", "DELETE", "TRUNCATE") if e in clause)
    return _add_trigger(
        state,
        statement,
        draft,
        name_of(name.this, state.dialect),
        "INSTEAD OF" if timing == "INSTEAD" else timing,
        events,
    )


def _add_trigger(
    state: SchemaState, statement: Statement, draft: Draft, name: str, timing: str | None, events: tuple[str, ...]
) -> Applied:
    draft.triggers = [t for t in draft.triggers if t.name != name]
    draft.triggers.append(Trigger(name, timing, events, statement.text.strip()))
    return state.done(statement, [Change("create trigger", state.label(draft.schema, draft.name), name)])


def alter_index(state: SchemaState, statement: Statement, alter: exp.Alter) -> Applied:
    actions = alter.args.get("actions") or []
    rename = next((a for a in actions if isinstance(a, exp.AlterRename)), None)
    if rename is None:
        return Applied(statement, Status.NO_EFFECT)
    owner = index_owner(state, alter.this)
    if owner is None:
        return state.skip(statement, f"no index {state.label(*state.place(alter.this))} to rename")
    draft, index = owner
    new = name_of(rename.this.this if isinstance(rename.this, exp.Table) else rename.this, state.dialect)
    draft.indexes[draft.indexes.index(index)] = replace(index, name=new)
    if draft.primary_key is not None and draft.primary_key.name == index.name:
        draft.primary_key = replace(draft.primary_key, name=new)
    return state.done(
        statement, [Change("rename index", state.label(draft.schema, draft.name), f"{index.name} → {new}")]
    )


__all__ = ["alter_index", "apply_command", "trigger"]
