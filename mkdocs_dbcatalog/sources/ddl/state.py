"""The statement applier: DDL statements applied in order to a schema state that yields catalog tables.

    state = SchemaState("postgres")
    for applied in state.apply_all(parse_script(text, "postgres", file="V1__init.sql")):
        ...  # applied.status, applied.changes, applied.reason
    state.tables()  # -> tuple[Table, ...]

CREATE / ALTER (columns, types, nullability, defaults, constraints, renames) / DROP / RENAME /
COMMENT / CREATE INDEX / DROP INDEX change the state; each statement comes back as an `Applied`
saying what it changed (`Change`: "add column" on "orders", "status"), or why it was skipped. The
schema-file source folds a whole file this way; migration histories fold migration after migration.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from sqlglot import exp

from ...catalog.model import Column, EnumType, Extension, ForeignKey, Index, Table, TableKind, TableRef
from . import alter as alter_table
from . import commands
from .applied import Applied, Change, Draft, Key, Status
from .dialects import Dialect, dialect_named
from .statements import Statement
from .translate import Pieces, Translator, literal_text, name_of


class SchemaState:
    """The structure built so far by applied statements, in one dialect."""

    def __init__(
        self,
        dialect: Dialect | str,
        tables: Iterable[Table] = (),
        enums: Iterable[EnumType] = (),
        extensions: Iterable[Extension] = (),
    ) -> None:
        found = dialect if isinstance(dialect, Dialect) else dialect_named(dialect)
        if found is None:
            raise ValueError(f"unknown SQL dialect {dialect!r}")
        self.dialect = found
        self.default_schema = found.default_schema
        self.current_schema = found.default_schema
        self.drafts: dict[Key, Draft] = {}
        self.enums: dict[Key, EnumType] = {}
        self.extensions: dict[str, Extension] = {e.name: e for e in extensions}
        self.schemas: list[str] = []
        for table in tables:
            schema = table.schema or self.default_schema
            self.drafts[self.key(schema, table.name)] = Draft.of(table, schema)
        for enum_type in enums:
            self.enums[self.key(enum_type.schema or self.default_schema, enum_type.name)] = enum_type

    # ------------------------------------------------------------------------------------- names

    def key(self, schema: str | None, name: str) -> Key:
        if self.dialect.case_sensitive:
            return (schema or "", name)
        return ((schema or "").casefold(), name.casefold())

    def shown(self, schema: str | None) -> str | None:
        """The schema as the catalog shows it: None for the default schema."""
        if schema is None or self.key(schema, "") == self.key(self.default_schema, ""):
            return None
        return schema

    def place(self, table: exp.Table | exp.Expression) -> tuple[str | None, str]:
        """(schema, name) of a table named in a statement; unqualified names go to the current schema."""
        if isinstance(table, exp.Table):
            name = name_of(table.this, self.dialect)
            db = table.args.get("db")
            schema = name_of(db, self.dialect) if db is not None else self.current_schema
            return schema or None, name
        return self.current_schema, name_of(table, self.dialect)

    def label(self, schema: str | None, name: str) -> str:
        shown = self.shown(schema)
        return f"{shown}.{name}" if shown else name

    def ref(self, table: exp.Table) -> TableRef:
        schema, name = self.place(table)
        existing = self.drafts.get(self.key(schema, name))
        if existing is not None:  # the spelling it was created with
            return TableRef(existing.name, self.shown(existing.schema))
        return TableRef(name, self.shown(schema))

    def draft(self, table: exp.Expression) -> Draft | None:
        schema, name = self.place(table)
        return self.drafts.get(self.key(schema, name))

    def translator(self, statement: Statement, table: str) -> Translator:
        return Translator(self.dialect, statement.spans, self.ref, table)

    # ------------------------------------------------------------------------------------ output

    def tables(self) -> tuple[Table, ...]:
        """Every table and view, sorted by schema and name, as the live readers return them."""
        partitions: dict[Key, list[Draft]] = {}
        for draft in self.drafts.values():
            if draft.parent is not None:
                partitions.setdefault(draft.parent, []).append(draft)
        out = [
            self._finish(draft, partitions.get(key, [])) for key, draft in self.drafts.items() if draft.parent is None
        ]
        return tuple(sorted(out, key=lambda t: (t.schema or "", t.name)))

    def enum_types(self) -> tuple[EnumType, ...]:
        return tuple(sorted(self.enums.values(), key=lambda e: (e.schema or "", e.name)))

    def extension_list(self) -> tuple[Extension, ...]:
        return tuple(sorted(self.extensions.values(), key=lambda e: e.name))

    def schema_names(self) -> tuple[str, ...]:
        names = dict.fromkeys([*([self.default_schema] if self.default_schema else []), *self.schemas])
        for draft in self.drafts.values():
            if draft.schema:
                names.setdefault(draft.schema)
        return tuple(names)

    def _finish(self, draft: Draft, partitions: list[Draft]) -> Table:
        by_key = {self.key(None, c.name)[1]: c for c in draft.columns}
        columns = list(draft.columns)
        if draft.primary_key is not None and self.dialect.name != "sqlite":  # a key column is never NULL
            keyed = {self.key(None, name)[1] for name in draft.primary_key.columns}
            columns = [replace(c, nullable=False) if self.key(None, c.name)[1] in keyed else c for c in columns]
        if self.dialect.name == "sqlite" and draft.primary_key and len(draft.primary_key.columns) == 1:
            column = by_key.get(self.key(None, draft.primary_key.columns[0])[1])
            if column is not None and (column.type or "").upper() == "INTEGER":
                rowid = replace(column, nullable=False, identity=column.identity or "rowid")
                columns = [rowid if c is column else c for c in columns]
        fks = []
        for fk in draft.foreign_keys:
            if not fk.target_columns:  # REFERENCES t: the target's primary key
                target = self.drafts.get(self.key(fk.target.schema or self.default_schema, fk.target.table))
                if target is not None and target.primary_key is not None:
                    fk = replace(fk, target_columns=target.primary_key.columns)
            fks.append(fk)
        fks += _partition_foreign_keys(fks, partitions)
        primary_key = draft.primary_key if draft.kind is not TableKind.VIEW else None
        uniques = draft.uniques
        if self.dialect.name == "sqlite":  # SQLite keeps no names of keys: its catalog reports none
            primary_key = replace(primary_key, name=None) if primary_key else None
            fks = [replace(f, name=None) for f in fks]
            uniques = [replace(u, name=None) for u in uniques]
        return Table(
            name=draft.name,
            schema=self.shown(draft.schema),
            kind=draft.kind,
            comment=draft.comment or None,
            columns=tuple(columns),
            primary_key=primary_key,
            indexes=tuple(sorted(draft.indexes, key=lambda i: (i.name or "", i.columns))),
            foreign_keys=tuple(sorted(fks, key=lambda f: (f.name or "", f.columns))),
            unique_constraints=tuple(sorted(uniques, key=lambda u: (u.name or "", u.columns))),
            check_constraints=tuple(sorted(draft.checks, key=lambda c: (c.name or "", c.expression))),
            triggers=tuple(sorted(draft.triggers, key=lambda t: t.name)),
            definition=draft.definition,
            partition_key=draft.partition_key,
            partitions=tuple(sorted(draft.partitions, key=lambda p: p.name)),
            incomplete="; ".join(dict.fromkeys(draft.incomplete)) or None,
            engine=draft.engine,
            charset=draft.charset,
            collation=draft.collation,
            auto_increment=self._auto_increment(draft, columns),
        )

    def _auto_increment(self, draft: Draft, columns: list[Column]) -> int | None:
        """MySQL's next AUTO_INCREMENT value: as written, else 1 for a table that has such a column."""
        if draft.auto_increment is not None or self.dialect.name != "mysql" or draft.kind is not TableKind.TABLE:
            return draft.auto_increment
        return 1 if any(c.identity == "auto_increment" for c in columns) else None

    # ------------------------------------------------------------------------------------- apply

    def apply_all(self, statements: Iterable[Statement]) -> list[Applied]:
        return [self.apply(statement) for statement in statements]

    def apply(self, statement: Statement) -> Applied:
        """Apply one statement; never raises for what a statement says."""
        if statement.no_effect:
            return Applied(statement, Status.NO_EFFECT)
        if statement.header_only:
            return commands.trigger(self, statement)
        expression = statement.expression
        if expression is None:
            recovered = commands.failed_create_table(self, statement)
            if recovered is not None:
                return recovered
            return self.skip(statement, statement.error or "cannot be parsed")
        handler = _HANDLERS.get(type(expression))
        if handler is not None:
            return handler(self, statement, expression)
        if isinstance(expression, exp.Command):
            return commands.apply_command(self, statement, expression)
        if isinstance(expression, (exp.Query, exp.DML, exp.Transaction, exp.Commit, exp.Rollback, exp.Set)):
            return Applied(statement, Status.NO_EFFECT)
        return self.skip(statement, f"{type(expression).__name__} statements are not read")

    def skip(self, statement: Statement, reason: str) -> Applied:
        if statement.unresolved:  # what a missing variable breaks is that variable's fault, not sqlglot's
            reason = f"it uses {', '.join(statement.unresolved)}, which the script never defines"
        return Applied(statement, Status.SKIPPED, reason=reason)

    def done(self, statement: Statement, changes: list[Change], problems: list[str] | None = None) -> Applied:
        reason = "; ".join(problems) if problems else None
        return Applied(statement, Status.APPLIED, tuple(changes), reason)

    def new_table(self, schema: str | None, name: str, kind: TableKind) -> Draft:
        draft = Draft(name, schema, kind)
        self.drafts[self.key(schema, name)] = draft
        return draft


def _partition_foreign_keys(own: list[ForeignKey], partitions: list[Draft]) -> list[ForeignKey]:
    """Foreign keys its partitions declare, shown on the partitioned table (as the live reader does)."""
    declared: dict[ForeignKey, int] = {}
    for partition in partitions:
        for fk in {replace(f, name=None) for f in partition.foreign_keys}:
            declared[fk] = declared.get(fk, 0) + 1
    mine = {(f.columns, f.target, f.target_columns) for f in own}
    found = []
    for fk, count in sorted(declared.items(), key=lambda item: (item[0].columns, item[0].target.key)):
        if (fk.columns, fk.target, fk.target_columns) in mine:
            continue
        note = None if count == len(partitions) else f"Declared on {count} of {len(partitions)} partitions."
        found.append(replace(fk, description=note))
    return found


def _create(state: SchemaState, statement: Statement, create: exp.Create) -> Applied:
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
        return commands.partition_of(state, statement, name, schema, parent)
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
            draft.partition_key = commands.partition_key(statement, prop)
    query = create.args.get("expression")
    if kind == "VIEW" or query is not None:
        draft.definition = commands.view_body(statement, table)
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
            statement, f"index on {_label(state, index.args['table'])}, which no earlier statement creates"
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
            predicate = commands.unwrap(translator.text(where.this) or "")
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


def _create_type(state: SchemaState, statement: Statement, create: exp.Create) -> Applied:
    definition = create.args.get("expression")
    if not (isinstance(definition, exp.DataType) and definition.this == exp.DataType.Type.ENUM):
        return Applied(statement, Status.NO_EFFECT)  # composite and range types are not catalogued
    schema, name = state.place(create.this)
    values = tuple(literal_text(v) or "" for v in definition.expressions)
    state.enums[state.key(schema, name)] = EnumType(name, values, state.shown(schema))
    return state.done(statement, [Change("create type", state.label(schema, name))])


def _label(state: SchemaState, table: exp.Expression) -> str:
    return state.label(*state.place(table))


def _alter(state: SchemaState, statement: Statement, alter: exp.Alter) -> Applied:
    kind = str(alter.args.get("kind") or "").upper()
    if kind == "INDEX":
        return commands.alter_index(state, statement, alter)
    if kind not in ("TABLE", "VIEW", "MATERIALIZED VIEW"):
        return Applied(statement, Status.NO_EFFECT)
    draft = state.draft(alter.this)
    if draft is None:
        if alter.args.get("exists"):
            return state.done(statement, [])
        return state.skip(statement, f"ALTER of {_label(state, alter.this)}, which no earlier statement creates")
    return alter_table.apply_actions(state, statement, alter, draft)


def _drop(state: SchemaState, statement: Statement, drop: exp.Drop) -> Applied:
    kind = str(drop.args.get("kind") or "").upper()
    changes: list[Change] = []
    problems: list[str] = []
    for target in drop.args.get("tables") or drop.expressions:
        schema, name = state.place(target)
        label = state.label(schema, name)
        if kind in ("TABLE", "VIEW", "MATERIALIZED VIEW", "FOREIGN TABLE"):
            if state.drafts.pop(state.key(schema, name), None) is not None:
                changes.append(Change(f"drop {kind.lower()}", label))
            elif not drop.args.get("exists"):
                problems.append(f"{label} does not exist")
        elif kind == "INDEX":
            owner = commands.index_owner(state, target)
            if owner is not None:
                draft, index = owner
                draft.indexes.remove(index)
                changes.append(Change("drop index", state.label(draft.schema, draft.name), index.name))
            elif not drop.args.get("exists"):
                problems.append(f"index {label} does not exist")
        elif kind == "TYPE":
            if state.enums.pop(state.key(schema, name), None) is not None:
                changes.append(Change("drop type", label))
        elif kind == "SCHEMA":
            dropped = state.key(name, "")[0]
            for key in [k for k in state.drafts if k[0] == dropped]:
                del state.drafts[key]
            changes.append(Change("drop schema", name))
        else:
            return Applied(statement, Status.NO_EFFECT)
    if problems and not changes:
        return state.skip(statement, "; ".join(problems))
    return state.done(statement, changes, problems)


def _comment(state: SchemaState, statement: Statement, comment: exp.Comment) -> Applied:
    kind = str(comment.args.get("kind") or "").upper()
    text = (
        literal_text(comment.args.get("expression"))
        if isinstance(comment.args.get("expression"), exp.Literal)
        else None
    )
    target = comment.this
    if kind == "COLUMN" and isinstance(target, exp.Column):
        table = exp.Table(this=target.args.get("table"), db=target.args.get("db"))
        draft = state.draft(table)
        if draft is None:
            return state.skip(
                statement, f"comment on a column of {_label(state, table)}, which no earlier statement creates"
            )
        column = name_of(target.this, state.dialect)
        found = commands.set_column_comment(state, draft, column, text)
        if not found:
            return state.skip(statement, f"comment on {column!r}, which is not a column of {draft.name}")
        return state.done(statement, [Change("comment", state.label(draft.schema, draft.name), column)])
    if kind in ("TABLE", "VIEW", "MATERIALIZED VIEW", "FOREIGN TABLE"):
        draft = state.draft(target)
        if draft is None:
            return state.skip(statement, f"comment on {_label(state, target)}, which no earlier statement creates")
        draft.comment = text
        return state.done(statement, [Change("comment", state.label(draft.schema, draft.name))])
    if kind == "INDEX":
        owner = commands.index_owner(state, target)
        if owner is None:
            return state.skip(
                statement, f"comment on index {_label(state, target)}, which no earlier statement creates"
            )
        draft, index = owner
        draft.indexes[draft.indexes.index(index)] = replace(index, comment=text)
        return state.done(statement, [Change("comment", state.label(draft.schema, draft.name), index.name)])
    return Applied(statement, Status.NO_EFFECT)  # comments on schemas, types, functions...


def _use(state: SchemaState, statement: Statement, use: exp.Use) -> Applied:
    kind = str(use.args.get("kind") or "").upper()
    if statement.unresolved:
        return state.skip(statement, "the schema it switches to is a script variable")
    name = name_of(use.this.this if isinstance(use.this, exp.Table) else use.this, state.dialect)
    if state.dialect.name == "mysql" or kind == "SCHEMA":
        if state.dialect.name == "mysql" and state.default_schema is None and not state.drafts:
            state.default_schema = name
        state.current_schema = name
    return Applied(statement, Status.NO_EFFECT)


_HANDLERS: dict[type[exp.Expr], Callable[[SchemaState, Statement, Any], Applied]] = {
    exp.Create: _create,
    exp.Alter: _alter,
    exp.Drop: _drop,
    exp.Comment: _comment,
    exp.Use: _use,
    exp.Execute: commands.execute,
}

__all__ = ["Applied", "Change", "Draft", "SchemaState", "Status"]
