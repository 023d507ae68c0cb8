"""CREATE TABLE, VIEW, INDEX and TYPE applied to the state: tables with their columns, keys and
constraints, partitions (PARTITION OF, INHERITS), views with their query as written, indexes, enum
types; and the table a CREATE sqlglot could not parse at all stands for."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from sqlglot import exp

from ...catalog.model import Column, EnumType, Index, Partition, TableKind
from .applied import Applied, Change, Status
from .comments import label
from .shapes import CreateIndex
from .spans import unwrap
from .statements import Statement
from .translate import Pieces, literal_text, name_of
from .words import table_named
from .words import words as read_words

if TYPE_CHECKING:
    from .state import SchemaState

_CREATE_TABLE = re.compile(
    r"(?is)^CREATE\s+(?:OR\s+REPLACE\s+)?(?:(?:GLOBAL|LOCAL|TEMP|TEMPORARY|TRANSIENT|UNLOGGED|EXTERNAL|FOREIGN)\s+)*"
    r"TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?"
)


def create(state: SchemaState, statement: Statement, create: exp.Create) -> Applied:
    kind = str(create.args.get("kind") or "").upper()
    if kind.endswith("INDEX"):
        return _create_index(state, statement, create)
    if kind in ("TABLE", "VIEW"):
        return _create_relation(state, statement, create, kind)
    if kind == "SCHEMA":
        schema = name_of(create.this.this if isinstance(create.this, exp.Table) else create.this, state.dialect)
        if schema not in state.schemas:
            state.schemas.append(schema)
        return state.done(statement, [Change("create schema", schema)])
    if kind == "TYPE":
        return _create_type(state, statement, create)
    return Applied(statement, Status.NO_EFFECT)


def _properties(create: exp.Create) -> list[exp.Expression]:
    properties = create.args.get("properties")
    return list(properties.expressions) if isinstance(properties, exp.Properties) else []


def _create_relation(state: SchemaState, statement: Statement, create: exp.Create, kind: str) -> Applied:
    target = create.this
    table = target.this if isinstance(target, exp.Schema) else target
    definitions = list(target.expressions) if isinstance(target, exp.Schema) else []
    properties = _properties(create)
    if any(isinstance(p, exp.TemporaryProperty) for p in properties):
        return Applied(statement, Status.NO_EFFECT)
    schema, name = state.place(table)
    label = state.label(schema, name)
    parent = next((p for p in properties if isinstance(p, exp.PartitionedOfProperty)), None)
    if parent is not None:
        return partition_of(state, statement, name, schema, parent)
    key = state.key(schema, name)
    existed = key in state.drafts
    if existed and create.args.get("exists"):
        return state.done(statement, [])
    materialized = any(isinstance(p, exp.MaterializedProperty) for p in properties)
    table_kind = TableKind.TABLE
    if kind == "VIEW":
        table_kind = TableKind.MATERIALIZED_VIEW if materialized else TableKind.VIEW
    elif any(isinstance(p, exp.ExternalProperty) for p in properties) or "FOREIGN TABLE" in statement.text[:60].upper():
        table_kind = TableKind.FOREIGN
    draft = state.new_table(schema, name, table_kind)
    translator = state.translator(statement, name)
    pieces = Pieces()
    for definition in definitions:
        if isinstance(definition, exp.ColumnDef):
            pieces.columns.append(translator.column(definition, pieces))
        elif isinstance(definition, (exp.Identifier, exp.Column)) and kind == "VIEW":
            pieces.columns.append(Column(translator.name(definition)))
        elif isinstance(definition, exp.LikeProperty):
            source = state.draft(definition.this)
            if source is not None:
                pieces.columns += source.columns
        else:
            translator.constraint(definition, pieces)
    inherited = [
        column
        for prop in properties
        if isinstance(prop, exp.InheritsProperty)
        for parent_table in prop.expressions
        if (found := state.draft(parent_table)) is not None
        for column in found.columns
    ]
    pieces.columns[:0] = [c for c in inherited if not any(c.name == own.name for own in pieces.columns)]
    for prop in properties:
        if isinstance(prop, exp.SchemaCommentProperty):
            draft.comment = literal_text(prop.this)
        elif type(prop) is exp.Property and prop.name.lower() == "description":  # BigQuery's OPTIONS(...)
            draft.comment = literal_text(prop.args.get("value"))
        elif isinstance(prop, exp.EngineProperty):
            draft.engine = prop.this.name or None
        elif isinstance(prop, exp.CharacterSetProperty):
            draft.charset = prop.this.name or None
        elif isinstance(prop, exp.CollateProperty):
            draft.collation = prop.this.name or None
        elif isinstance(prop, exp.AutoIncrementProperty):
            draft.auto_increment = int(prop.this.name) if prop.this.name.isdigit() else None
        elif isinstance(prop, exp.PartitionedByProperty):
            if state.dialect.name in ("postgres", "mysql"):  # partitions of their own, listed under it
                draft.kind = TableKind.PARTITIONED
            draft.partition_key = partition_key(statement, prop)
    query = create.args.get("expression")
    if kind == "VIEW" or query is not None:
        draft.definition = view_body(statement, table)
        if not definitions and isinstance(query, exp.Query):
            pieces.columns += [Column(n) for n in query.named_selects if n != "*"]
        if kind == "TABLE" and query is not None:
            pieces.problems.append("its columns come from a query: their types are not in the file")
    if statement.left_out:
        verb = "was" if len(statement.left_out) == 1 else "were"
        pieces.problems.append(f"{', '.join(statement.left_out)} could not be read and {verb} left out")
    draft.add(pieces)
    action = {TableKind.VIEW: "create view", TableKind.MATERIALIZED_VIEW: "create materialized view"}.get(
        table_kind, "create table"
    )
    changes = [Change("replace " + action.split(" ", 1)[1] if existed else action, label)]
    return state.done(statement, changes, pieces.problems)


def _create_index(state: SchemaState, statement: Statement, create: exp.Create) -> Applied:
    index = create.this
    if not isinstance(index, exp.Index) or index.args.get("table") is None:
        return state.skip(statement, "an index without a table")
    draft = state.draft(index.args["table"])
    if draft is None:
        return state.skip(
            statement, f"index on {label(state, index.args['table'])}, which no earlier statement creates"
        )
    translator = state.translator(statement, draft.name)
    params = index.args.get("params")
    columns: tuple[str, ...] = ()
    method = predicate = None
    if isinstance(params, exp.IndexParameters):
        columns = tuple(translator._key(c) for c in params.args.get("columns") or [])
        using = params.args.get("using")
        method = using.name.lower() if using is not None else None
        where = params.args.get("where")
        if where is not None:
            predicate = unwrap(translator.text(where.this) or "")
    kind = str(create.args.get("kind") or "").upper()
    if method is None and state.dialect.name == "tsql":
        method = "clustered" if kind.startswith("CLUSTERED") else "nonclustered"
    method = method or translator._default_method()
    name = translator.name(index.this) if index.this else None
    if create.args.get("exists") and any(i.name == name for i in draft.indexes):
        return state.done(statement, [])
    draft.indexes = [i for i in draft.indexes if name is None or i.name != name]
    draft.indexes.append(Index(columns, name, bool(create.args.get("unique")), method, predicate))
    return state.done(statement, [Change("create index", state.label(draft.schema, draft.name), name)])


def create_index(state: SchemaState, statement: Statement, found: CreateIndex) -> Applied:
    """A CREATE INDEX read from its tokens: the same as `_create_index` on sqlglot's tree of it."""
    place = state.place_names(found.table)
    draft = state.drafts.get(state.key(*place))
    if draft is None:
        return state.skip(statement, f"index on {state.label(*place)}, which no earlier statement creates")
    method = found.method
    if method is None and state.dialect.name == "tsql":
        method = "nonclustered"
    method = method or state.translator(statement, draft.name)._default_method()
    draft.indexes = [i for i in draft.indexes if i.name != found.name]
    draft.indexes.append(Index(found.columns, found.name, found.unique, method, None))
    return state.done(statement, [Change("create index", state.label(draft.schema, draft.name), found.name)])


def _create_type(state: SchemaState, statement: Statement, create: exp.Create) -> Applied:
    definition = create.args.get("expression")
    if not (isinstance(definition, exp.DataType) and definition.this == exp.DataType.Type.ENUM):
        return Applied(statement, Status.NO_EFFECT)  # composite and range types are not catalogued
    schema, name = state.place(create.this)
    values = tuple(literal_text(v) or "" for v in definition.expressions)
    state.enums[state.key(schema, name)] = EnumType(name, values, state.shown(schema))
    return state.done(statement, [Change("create type", state.label(schema, name))])


def partition_of(
    state: SchemaState, statement: Statement, name: str, schema: str | None, prop: exp.PartitionedOfProperty
) -> Applied:
    """`CREATE TABLE child PARTITION OF parent FOR VALUES ...`."""
    bound_match = re.search(r"(?is)\b(FOR\s+VALUES\b.*|DEFAULT)\s*$", statement.text)
    if state.drafts.get(state.key(schema, name)) is None:
        state.new_table(schema, name, TableKind.TABLE)
    return add_partition(state, statement, prop.this, schema, name, bound_match.group(1) if bound_match else None)


def add_partition(
    state: SchemaState,
    statement: Statement,
    parent_table: exp.Expression,
    schema: str | None,
    name: str,
    bound: str | None,
) -> Applied:
    parent = state.draft(parent_table)
    if parent is None:
        return state.skip(statement, "a partition of a table no earlier statement creates")
    child = state.drafts.get(state.key(schema, name))
    if child is not None:
        child.parent = state.key(parent.schema, parent.name)
    shown = name if state.key(schema, "") == state.key(parent.schema, "") else f"{schema}.{name}"
    parent.partitions = [p for p in parent.partitions if p.name != shown] + [Partition(shown, bound)]
    return state.done(statement, [Change("attach partition", state.label(parent.schema, parent.name), shown)])


def partition_key(statement: Statement, prop: exp.PartitionedByProperty) -> str | None:
    written = statement.spans.partition_key() if statement.spans else None
    return written or prop.this.sql(dialect="postgres")


def view_body(statement: Statement, table: exp.Expression) -> str | None:
    """The query of a view as written: everything after the `AS` that follows its name."""
    spans = statement.spans
    name = table.this if isinstance(table, exp.Table) else table
    at = spans.index_of(name) if spans is not None and name is not None else None
    if spans is None or at is None:
        return None
    first = spans.after_keyword("AS", at + 1)
    return spans.rest(first) or None if first is not None else None


def failed_create_table(state: SchemaState, statement: Statement) -> Applied | None:
    """A CREATE TABLE sqlglot could not parse at all: the table is still listed, by name, marked incomplete."""
    found = _CREATE_TABLE.match(statement.text)
    if not found:
        return None
    words = read_words(replace(statement, text=statement.text[found.end() :]), state.dialect)
    name_end = next((i for i, (w, _) in enumerate(words) if w in ("(", "AS", "LIKE", "PARTITION")), len(words))
    table = table_named(state, "".join(t for _, t in words[:name_end]))
    if table is None:
        return None
    schema, name = state.place(table)
    draft = state.new_table(schema, name, TableKind.TABLE)
    reason = f"its CREATE TABLE (line {statement.line}) could not be parsed: {statement.error}"
    draft.incomplete.append(reason)
    return Applied(statement, Status.APPLIED, (Change("create table", state.label(schema, name)),), reason)


__all__ = ["add_partition", "create", "failed_create_table", "partition_of"]
