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

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import Any

from sqlglot import exp

from ...catalog.model import Column, EnumType, Extension, ForeignKey, Table, TableKind, TableRef
from . import alter as alter_table
from . import commands, comments, create
from .applied import Applied, Change, Draft, Key, Status
from .dialects import Dialect, dialect_named
from .shapes import CommentOn, CreateIndex, SetDefault
from .statements import Statement
from .translate import Translator, name_of


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

    def place_names(self, names: Sequence[str]) -> tuple[str | None, str]:
        """`place` for a name read from tokens, already folded (`schema.table` or `table`)."""
        *schema, name = names
        return (schema[0] if schema else self.current_schema) or None, name

    def label(self, schema: str | None, name: str) -> str:
        shown = self.shown(schema)
        return f"{shown}.{name}" if shown else name

    def ref(self, table: exp.Table) -> TableRef:
        return self.ref_to(*self.place(table))

    def ref_to(self, schema: str | None, name: str) -> TableRef:
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
        uniques = draft.unique_constraints
        if self.dialect.name == "sqlite":  # SQLite keeps no names of keys: its catalog reports none
            primary_key = replace(primary_key, name=None) if primary_key else None
            fks = [replace(f, name=None) for f in fks]
            uniques = [replace(u, name=None) for u in uniques]
        return replace(
            draft.finish(),
            schema=self.shown(draft.schema),
            columns=tuple(columns),
            primary_key=primary_key,
            foreign_keys=tuple(sorted(fks, key=lambda f: (f.name or "", f.columns))),
            unique_constraints=tuple(sorted(uniques, key=lambda u: (u.name or "", u.columns))),
            incomplete="; ".join(dict.fromkeys(draft.incomplete)) or None,
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
        shape = statement.shape
        if shape is not None:
            if isinstance(shape, CommentOn):
                return comments.comment_on(self, statement, shape)
            if isinstance(shape, CreateIndex):
                return create.create_index(self, statement, shape)
            if isinstance(shape, SetDefault):
                return alter_table.set_default(self, statement, shape)
            return alter_table.add_constraint(self, statement, shape)
        expression = statement.expression
        if expression is None:
            recovered = create.failed_create_table(self, statement)
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
        return state.skip(
            statement, f"ALTER of {comments.label(state, alter.this)}, which no earlier statement creates"
        )
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
            owner = comments.index_owner(state, target)
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
    exp.Create: create.create,
    exp.Alter: _alter,
    exp.Drop: _drop,
    exp.Comment: comments.comment,
    exp.Use: _use,
    exp.Execute: comments.execute,
}

__all__ = ["Applied", "Change", "Draft", "SchemaState", "Status"]
