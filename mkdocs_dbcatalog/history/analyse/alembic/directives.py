"""Alembic's schema directives (`op.create_table`, `op.add_column`, ... and their `batch_op` forms)
as table operations. `Directives` holds what one revision's reading has found so far."""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from ....catalog.model import (
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    PrimaryKey,
    Table,
    TableRef,
    UniqueConstraint,
)
from ...operations import (
    KEEP,
    AddColumn,
    AddConstraint,
    AlterColumn,
    Analysed,
    CreateTable,
    DropColumn,
    DropConstraint,
    DropTable,
    Keep,
    Operation,
    RenameColumn,
    RenameTable,
    SetComment,
)
from .. import satypes
from ..pyast import Scope, Unreadable, keywords, short
from ..sqlreader import SqlReader
from .arguments import (
    argument_of,
    column_names,
    optional_text,
    rule,
    sa_name,
    server_default,
    table_ref,
    text_of,
)
from .columns import autoincrement, read_column, read_constraint, with_item
from .execute import sql_text

DATA_ONLY = {"bulk_insert", "get_bind", "get_context", "inline_literal", "f", "run_async", "invoke"}
NO_TABLE_CHANGE = {"create_sequence", "drop_sequence"}
_CONSTRAINT_KINDS = {"foreignkey": "foreign key", "unique": "unique", "check": "check", "primary": "primary key"}


class Directives:
    def __init__(self, engine: str | None, sql: SqlReader) -> None:
        self.engine = engine
        self.sql = sql
        self.result = Analysed()

    def unread(self, line: int | None, why: str) -> None:
        self.result.unread.append(f"line {line}: {why}" if line else why)

    def add(self, *operations: Operation) -> None:
        self.result.operations.extend(operations)

    def create_table(self, call: ast.Call, scope: Scope) -> None:
        args = keywords(call)
        ref = table_ref(scope.value(argument_of(call, 0, "table_name")), scope.value(args.get("schema")))
        table = Table(ref.table, ref.schema, comment=optional_text(scope, args.get("comment")))
        columns: list[Column] = []
        pk: list[str] = []
        auto: dict[str, Any] = {}
        extra: list[Any] = []
        for item in call.args[1:]:
            if isinstance(item, ast.Starred):
                raise Unreadable(item, "columns passed as a list computed at run time")
            kind = sa_name(item, scope)
            if kind == "Column":
                assert isinstance(item, ast.Call)
                column, parts = read_column(item, scope, ref, self.engine)
                columns.append(column)
                if parts.pop("primary_key", False):
                    pk.append(column.name)
                auto[column.name] = parts["autoincrement"]
                extra.extend(parts.get("constraints", []))
            elif kind in (
                "PrimaryKeyConstraint",
                "ForeignKeyConstraint",
                "UniqueConstraint",
                "CheckConstraint",
                "Index",
            ):
                assert isinstance(item, ast.Call)
                extra.append(read_constraint(kind, item, scope, ref))
            else:
                raise Unreadable(item, f"`{short(item)}` in create_table is not read")
        table = replace(table, columns=tuple(columns))
        if pk:
            table = replace(table, primary_key=PrimaryKey(tuple(pk)))
        table = autoincrement(table, auto, self.engine)
        for item in extra:
            table = with_item(table, item)
        self.add(CreateTable(table))

    def drop_table(self, call: ast.Call, scope: Scope) -> None:
        args = keywords(call)
        self.add(DropTable(table_ref(scope.value(argument_of(call, 0, "table_name")), scope.value(args.get("schema")))))

    def rename_table(self, call: ast.Call, scope: Scope) -> None:
        args = keywords(call)
        schema = scope.value(args.get("schema"))
        old = table_ref(scope.value(argument_of(call, 0, "old_table_name")), schema)
        new = table_ref(scope.value(argument_of(call, 1, "new_table_name")), schema)
        self.add(RenameTable(old, new))

    def add_column(self, call: ast.Call, scope: Scope, table: TableRef | None = None) -> None:
        args = keywords(call)
        offset = 0 if table is not None else 1
        if table is None:
            table = table_ref(scope.value(argument_of(call, 0, "table_name")), scope.value(args.get("schema")))
        node = argument_of(call, offset, "column")
        if sa_name(node, scope) != "Column" or not isinstance(node, ast.Call):
            raise Unreadable(node, f"`{short(node)}` is not a Column")
        column, parts = read_column(node, scope, table, self.engine)
        self.add(AddColumn(table, column))
        if parts["primary_key"]:
            self.add(AddConstraint(table, PrimaryKey((column.name,))))
        for item in parts["constraints"]:
            if isinstance(item, ForeignKey):  # add_column honours foreign keys, not unique or index
                self.add(AddConstraint(table, item))

    def drop_column(self, call: ast.Call, scope: Scope, table: TableRef | None = None) -> None:
        args = keywords(call)
        offset = 0 if table is not None else 1
        if table is None:
            table = table_ref(scope.value(argument_of(call, 0, "table_name")), scope.value(args.get("schema")))
        self.add(DropColumn(table, str(scope.value(argument_of(call, offset, "column_name")))))

    def alter_column(self, call: ast.Call, scope: Scope, table: TableRef | None = None) -> None:
        args = keywords(call)
        offset = 0 if table is not None else 1
        if table is None:
            table = table_ref(scope.value(argument_of(call, 0, "table_name")), scope.value(args.get("schema")))
        name = str(scope.value(argument_of(call, offset, "column_name")))
        type_: str | Keep | None = KEEP
        if "type_" in args:
            type_ = satypes.spelled(args["type_"], scope, self.engine)
        nullable: bool | Keep | None = KEEP
        if "nullable" in args and scope.value(args["nullable"]) is not None:
            nullable = bool(scope.value(args["nullable"]))
        default: str | Keep | None = KEEP
        if "server_default" in args:
            value = args["server_default"]
            if not (isinstance(value, ast.Constant) and value.value is False):
                default = server_default(scope, value)
        comment: str | Keep | None = KEEP
        if "comment" in args:
            value = args["comment"]
            if not (isinstance(value, ast.Constant) and value.value is False):
                comment = optional_text(scope, value)
        if any(v is not KEEP for v in (type_, nullable, default, comment)):
            self.add(AlterColumn(table, name, type_, nullable, default, comment))
        new_name = scope.value(args.get("new_column_name"))
        if isinstance(new_name, str) and new_name != name:
            self.add(RenameColumn(table, name, new_name))

    def create_index(self, call: ast.Call, scope: Scope, table: TableRef | None = None) -> None:
        args = keywords(call)
        name = optional_text(scope, argument_of(call, 0, "index_name"))
        offset = 1 if table is not None else 2
        if table is None:
            table = table_ref(scope.value(argument_of(call, 1, "table_name")), scope.value(args.get("schema")))
        columns = column_names(scope, [argument_of(call, offset, "columns")])
        where = args.get("postgresql_where") or args.get("sqlite_where")
        using = args.get("postgresql_using") or args.get("mysql_using")
        index = Index(
            tuple(columns),
            name=name,
            unique=bool(scope.value(args.get("unique"))),
            method=str(scope.value(using)) if using is not None else None,
            predicate=text_of(scope, where) if where is not None else None,
        )
        self.add(AddConstraint(table, index))

    def drop_index(self, call: ast.Call, scope: Scope, table: TableRef | None = None) -> None:
        args = keywords(call)
        name = str(scope.value(argument_of(call, 0, "index_name")))
        if table is None:
            written = args.get("table_name") or (call.args[1] if len(call.args) > 1 else None)
            table = table_ref(scope.value(written), scope.value(args.get("schema"))) if written is not None else None
        self.add(DropConstraint(table, name, "index"))

    def create_foreign_key(self, call: ast.Call, scope: Scope, table: TableRef | None = None) -> None:
        args = keywords(call)
        name = optional_text(scope, argument_of(call, 0, "constraint_name"))
        offset = 1 if table is not None else 2
        if table is None:
            table = table_ref(scope.value(argument_of(call, 1, "source_table")), scope.value(args.get("source_schema")))
        target = table_ref(
            scope.value(argument_of(call, offset, "referent_table")), scope.value(args.get("referent_schema"))
        )
        fk = ForeignKey(
            tuple(column_names(scope, [argument_of(call, offset + 1, "local_cols")])),
            target,
            tuple(column_names(scope, [argument_of(call, offset + 2, "remote_cols")])),
            name=name,
            on_delete=rule(scope, args.get("ondelete")),
            on_update=rule(scope, args.get("onupdate")),
        )
        self.add(AddConstraint(table, fk))

    def create_named(self, kind: str, call: ast.Call, scope: Scope, table: TableRef | None = None) -> None:
        """create_unique_constraint, create_primary_key, create_check_constraint (op and batch forms)."""
        args = keywords(call)
        name = optional_text(scope, argument_of(call, 0, "constraint_name"))
        offset = 1 if table is not None else 2
        if table is None:
            table = table_ref(scope.value(argument_of(call, 1, "table_name")), scope.value(args.get("schema")))
        item: Any
        if kind == "check":
            item = CheckConstraint(str(text_of(scope, argument_of(call, offset, "condition"))), name)
        else:
            columns = tuple(column_names(scope, [argument_of(call, offset, "columns")]))
            item = PrimaryKey(columns, name) if kind == "primary" else UniqueConstraint(columns, name)
        self.add(AddConstraint(table, item))

    def drop_constraint(self, call: ast.Call, scope: Scope, table: TableRef | None = None) -> None:
        args = keywords(call)
        name = str(scope.value(argument_of(call, 0, "constraint_name")))
        offset = 0 if table is not None else 1
        if table is None:
            table = table_ref(scope.value(argument_of(call, 1, "table_name")), scope.value(args.get("schema")))
        kind_node = args.get("type_") or (call.args[offset + 1] if len(call.args) > offset + 1 else None)
        kind = scope.value(kind_node) if kind_node is not None else None
        self.add(DropConstraint(table, name, _CONSTRAINT_KINDS.get(str(kind)) if kind else None))

    def table_comment(self, call: ast.Call, scope: Scope, table: TableRef | None = None, drop: bool = False) -> None:
        args = keywords(call)
        offset = 0 if table is not None else 1
        if table is None:
            table = table_ref(scope.value(argument_of(call, 0, "table_name")), scope.value(args.get("schema")))
        text = None if drop else optional_text(scope, argument_of(call, offset, "comment"))
        self.add(SetComment(table, None, text))

    def execute(self, call: ast.Call, scope: Scope) -> None:
        text = sql_text(call, scope)
        if text is None:
            return  # a SQLAlchemy data statement: changes rows, not structure
        read = self.sql.read(text, call.lineno)
        self.add(*read.operations)
        self.result.unread.extend(read.unread)


OP_HANDLERS: dict[str, Callable[[Directives, ast.Call, Scope], None]] = {
    "create_table": Directives.create_table,
    "drop_table": Directives.drop_table,
    "rename_table": Directives.rename_table,
    "add_column": lambda r, c, s: r.add_column(c, s),
    "drop_column": lambda r, c, s: r.drop_column(c, s),
    "alter_column": lambda r, c, s: r.alter_column(c, s),
    "create_index": lambda r, c, s: r.create_index(c, s),
    "drop_index": lambda r, c, s: r.drop_index(c, s),
    "create_foreign_key": lambda r, c, s: r.create_foreign_key(c, s),
    "create_unique_constraint": lambda r, c, s: r.create_named("unique", c, s),
    "create_primary_key": lambda r, c, s: r.create_named("primary", c, s),
    "create_check_constraint": lambda r, c, s: r.create_named("check", c, s),
    "drop_constraint": lambda r, c, s: r.drop_constraint(c, s),
    "create_table_comment": lambda r, c, s: r.table_comment(c, s),
    "drop_table_comment": lambda r, c, s: r.table_comment(c, s, drop=True),
    "execute": Directives.execute,
}
BATCH_HANDLERS: dict[str, Callable[[Directives, ast.Call, Scope, TableRef], None]] = {
    "add_column": Directives.add_column,
    "drop_column": Directives.drop_column,
    "alter_column": Directives.alter_column,
    "create_index": Directives.create_index,
    "drop_index": Directives.drop_index,
    "create_foreign_key": Directives.create_foreign_key,
    "create_unique_constraint": lambda r, c, s, t: r.create_named("unique", c, s, t),
    "create_primary_key": lambda r, c, s, t: r.create_named("primary", c, s, t),
    "create_check_constraint": lambda r, c, s, t: r.create_named("check", c, s, t),
    "drop_constraint": Directives.drop_constraint,
    "create_table_comment": lambda r, c, s, t: r.table_comment(c, s, t),
    "drop_table_comment": lambda r, c, s, t: r.table_comment(c, s, t, drop=True),
    "execute": lambda r, c, s, t: r.execute(c, s),
}
