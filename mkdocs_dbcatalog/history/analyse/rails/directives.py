"""Active Record's schema statements (`create_table`, `add_column`, `add_reference`, `change_table`
blocks...) as table operations, with the names, types and defaults of the migration's Rails version."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from ....catalog.model import CheckConstraint, TableRef
from ....sources.models.rails import SchemaDsl, foreign_key_name, plural, singular
from ....sources.ruby import Call, Symbol
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
from ..sqlreader import SqlReader
from .edits import RenameIndex, RenameNamedAfter, SetDefault

_NO_TABLE_CHANGE = {
    "say",
    "puts",
    "enable_extension",
    "disable_extension",
    "create_enum",
    "drop_enum",
    "add_enum_value",
    "rename_enum_value",
    "disable_ddl_transaction!",
    "raise",
    "def",
    "class",
}
_READ_BLOCK = {"up_only", "say_with_time", "transaction", "suppress_messages", "safety_assured"}


class Unread(Exception):
    """A statement whose arguments are not literal, or that the reader does not know."""


class Directives:
    def __init__(self, family: str, sql: SqlReader, version: tuple[int, int]) -> None:
        self.family = family
        self.sql = sql
        self.version = version
        self.dsl = SchemaDsl(family, "", 6 if version >= (7, 0) else None)
        self.result = Analysed()

    def add(self, *operations: Operation) -> None:
        self.result.operations.extend(operations)

    def block(self, statements: Iterable[Call]) -> None:
        for call in statements:
            try:
                self.statement(call)
            except Unread as problem:
                self.result.unread.append(f"line {call.line}: {problem}")
            except (TypeError, ValueError, KeyError, IndexError, AttributeError):
                self.result.unread.append(f"line {call.line}: `{call.name}` with arguments this reader cannot read")

    def statement(self, call: Call) -> None:
        if call.name == "=":
            raise Unread(f"Ruby code (`{call.arg(0)} = ...`) whose effect is not analysed")
        if call.name == "if" and call.receiver is not None:
            raise Unread("`if` / `unless`: what runs depends on the run")
        if call.receiver is not None:
            if call.name == "reset_column_information":
                return  # a model forgets its columns: nothing in the database
            raise Unread(f"`{call.receiver}.{call.name}` is Ruby code whose effect is not analysed")
        if call.name in _NO_TABLE_CHANGE:
            return
        if call.name in _READ_BLOCK:
            self.block(call.block)
            return
        if call.name == "reversible":
            self.reversible(call)
            return
        handler = getattr(self, f"do_{call.name.rstrip('!')}", None)
        if handler is None:
            raise Unread(f"`{call.name}` is not a migration statement this reader knows")
        handler(call)

    def reversible(self, call: Call) -> None:
        """`reversible do |dir| dir.up do ... end end`: the `up` part runs on the way up."""
        param = call.params[0] if call.params else None
        for inner in call.block:
            if inner.receiver == param and inner.name == "up":
                self.block(inner.block)
            elif inner.receiver == param and inner.name == "down":
                continue
            else:
                self.result.unread.append(f"line {inner.line}: `{inner.name}` in reversible is not analysed")

    # --- tables -----------------------------------------------------------------------------------

    def do_create_table(self, call: Call) -> None:
        options = dict(call.kwargs)
        if self.version < (5, 1) and "id" not in options and "primary_key" not in options:
            options["id"] = Symbol("integer")
        inner = tuple(self.compatible(c) for c in call.block)
        table = self.dsl.table(replace(call, args=(name(call.arg(0)),), kwargs=options, block=inner))
        if self.dsl.unknown:
            line, what = self.dsl.unknown.pop()
            self.dsl.unknown.clear()
            raise Unread(f"{what} in create_table is not read (line {line})")
        self.add(CreateTable(table, if_not_exists=bool(options.get("if_not_exists"))))

    def compatible(self, call: Call) -> Call:
        """A `t.` statement as an older migration version meant it (integer references, no index;
        nullable timestamps before 5.0)."""
        options = dict(call.kwargs)
        if call.name in ("references", "belongs_to"):
            if self.version < (5, 1):
                options.setdefault("type", Symbol("integer"))
            if self.version < (5, 0):
                options.setdefault("index", False)
        elif call.name == "timestamps" and self.version < (5, 0):
            options.setdefault("null", True)
        return replace(call, kwargs=options)

    def do_create_join_table(self, call: Call) -> None:
        first, second = name(call.arg(0)), name(call.arg(1))
        table = str(call.kwargs.get("table_name") or _join_table(first, second))
        kind = "bigint" if self.version >= (5, 1) else "integer"
        column_options = {"null": False, **(call.kwargs.get("column_options") or {})}
        columns = tuple(Call(kind, "t", (f"{singular(n)}_id",), column_options) for n in (first, second))
        self.add(CreateTable(self.dsl.table(Call("create_table", None, (table,), {"id": False}, columns))))
        for inner in call.block:
            if inner.name != "index":
                raise Unread(f"`t.{inner.name}` in create_join_table is not read")
            self.add(AddConstraint(TableRef(table), self.dsl.index(table, inner.arg(0), inner.kwargs)))

    def do_drop_table(self, call: Call) -> None:
        for table in call.args:
            self.add(DropTable(ref(table)))

    def do_drop_join_table(self, call: Call) -> None:
        first, second = name(call.arg(0)), name(call.arg(1))
        self.add(DropTable(TableRef(str(call.kwargs.get("table_name") or _join_table(first, second)))))

    def do_rename_table(self, call: Call) -> None:
        old, new = ref(call.arg(0)), ref(call.arg(1))
        self.add(RenameTable(old, new), RenameNamedAfter(new, old.table, new.table, None, self.family))

    def do_change_table_comment(self, call: Call) -> None:
        self.add(SetComment(ref(call.arg(0)), None, _text(_to(call, 1))))

    def do_change_table(self, call: Call) -> None:
        """`change_table :users do |t| t.string ...; t.remove ...; t.rename ... end`."""
        table = name(call.arg(0))
        for inner in call.block:
            try:
                self.table_statement(table, inner)
            except Unread as problem:
                self.result.unread.append(f"line {inner.line}: {problem}")

    def table_statement(self, table: str, call: Call) -> None:
        verb = {
            "remove": "remove_columns",
            "rename": "rename_column",
            "change": "change_column",
            "change_default": "change_column_default",
            "change_null": "change_column_null",
            "index": "add_index",
            "remove_index": "remove_index",
            "rename_index": "rename_index",
            "references": "add_reference",
            "belongs_to": "add_reference",
            "remove_references": "remove_reference",
            "remove_belongs_to": "remove_reference",
            "timestamps": "add_timestamps",
            "remove_timestamps": "remove_timestamps",
            "foreign_key": "add_foreign_key",
            "remove_foreign_key": "remove_foreign_key",
            "check_constraint": "add_check_constraint",
            "remove_check_constraint": "remove_check_constraint",
            "column": "add_column",
        }.get(call.name)
        if verb in ("add_reference", "remove_reference"):
            for item in call.args:
                self.statement(Call(verb, None, (table, item), call.kwargs, line=call.line))
        elif verb is not None:
            self.statement(Call(verb, None, (table, *call.args), call.kwargs, line=call.line))
        elif call.args and not call.block:  # t.string :a, :b
            for column in call.args:
                self.do_add_column(Call("add_column", None, (table, column, Symbol(call.name)), call.kwargs))
        else:
            raise Unread(f"`t.{call.name}` in change_table is not read")

    # --- columns ----------------------------------------------------------------------------------

    def do_add_column(self, call: Call) -> None:
        column = self.dsl.column(name(call.arg(1)), name(call.arg(2)), call.kwargs)
        self.add(AddColumn(ref(call.arg(0)), column))

    def do_add_timestamps(self, call: Call) -> None:
        options = {"null": self.version < (5, 0), **call.kwargs}
        for column in ("created_at", "updated_at"):
            self.add(AddColumn(ref(call.arg(0)), self.dsl.column(column, "datetime", options)))

    def do_remove_timestamps(self, call: Call) -> None:
        self.add(DropColumn(ref(call.arg(0)), "created_at"), DropColumn(ref(call.arg(0)), "updated_at"))

    def do_remove_column(self, call: Call) -> None:
        self.add(DropColumn(ref(call.arg(0)), name(call.arg(1))))

    def do_remove_columns(self, call: Call) -> None:
        for column in call.args[1:]:
            self.add(DropColumn(ref(call.arg(0)), name(column)))

    def do_rename_column(self, call: Call) -> None:
        table, old, new = ref(call.arg(0)), name(call.arg(1)), name(call.arg(2))
        self.add(RenameColumn(table, old, new), RenameNamedAfter(table, old, new, table.table, self.family))

    def do_change_column(self, call: Call) -> None:
        options = call.kwargs
        changed = self.dsl.column(name(call.arg(1)), name(call.arg(2)), options)
        nullable: bool | Keep | None = changed.nullable if "null" in options else KEEP
        default: str | Keep | None = changed.default if "default" in options else KEEP
        comment: str | Keep | None = changed.comment if "comment" in options else KEEP
        self.add(AlterColumn(ref(call.arg(0)), changed.name, changed.type, nullable, default, comment))

    def do_change_column_null(self, call: Call) -> None:
        self.add(AlterColumn(ref(call.arg(0)), name(call.arg(1)), nullable=call.arg(2) is not False))

    def do_change_column_default(self, call: Call) -> None:
        self.add(SetDefault(ref(call.arg(0)), name(call.arg(1)), _to(call, 2), self.dsl))

    def do_change_column_comment(self, call: Call) -> None:
        self.add(SetComment(ref(call.arg(0)), name(call.arg(1)), _text(_to(call, 2))))

    # --- indexes, references, keys ------------------------------------------------------------------

    def do_add_index(self, call: Call) -> None:
        table = name(call.arg(0))
        self.add(AddConstraint(ref(table), self.dsl.index(table, _names(call.arg(1)), call.kwargs)))

    def do_remove_index(self, call: Call) -> None:
        table = name(call.arg(0))
        given = call.kwargs.get("name")
        columns = call.kwargs.get("column", call.arg(1))
        if given is None and columns is None:
            raise Unread("remove_index without a column or a name")
        index = str(given) if given is not None else self.dsl.index(table, _names(columns), {}).name
        self.add(DropConstraint(ref(table), str(index), "index"))

    def do_rename_index(self, call: Call) -> None:
        self.add(RenameIndex(ref(call.arg(0)), name(call.arg(1)), name(call.arg(2))))

    def do_add_reference(self, call: Call) -> None:
        table, reference = name(call.arg(0)), name(call.arg(1))
        options = dict(call.kwargs)
        kind = str(options.get("type") or ("bigint" if self.version >= (5, 1) else "integer"))
        columns = [f"{reference}_id"]
        self.add(AddColumn(ref(table), self.dsl.column(columns[0], kind, options)))
        if options.get("polymorphic"):
            self.add(AddColumn(ref(table), self.dsl.column(f"{reference}_type", "string", options)))
            columns.insert(0, f"{reference}_type")
        index = options.get("index", self.version >= (5, 0))
        if index:
            settings = index if isinstance(index, dict) else {}
            self.add(AddConstraint(ref(table), self.dsl.index(table, columns, settings)))
        foreign_key = options.get("foreign_key")
        if foreign_key:
            settings = foreign_key if isinstance(foreign_key, dict) else {}
            target = str(settings.pop("to_table", None) or plural(reference))
            fk = self.dsl.foreign_key(
                Call("add_foreign_key", None, (table, target), {"column": columns[-1], **settings})
            )
            self.add(AddConstraint(ref(table), fk))

    do_add_belongs_to = do_add_reference

    def do_remove_reference(self, call: Call) -> None:
        table, reference = ref(call.arg(0)), name(call.arg(1))
        self.add(DropColumn(table, f"{reference}_id"))
        if call.kwargs.get("polymorphic"):
            self.add(DropColumn(table, f"{reference}_type"))

    do_remove_belongs_to = do_remove_reference

    def do_add_foreign_key(self, call: Call) -> None:
        source, target = name(call.arg(0)), name(call.arg(1))
        self.add(AddConstraint(ref(source), self.dsl.foreign_key(replace(call, args=(source, target)))))

    def do_remove_foreign_key(self, call: Call) -> None:
        source = name(call.arg(0))
        given = call.kwargs.get("name")
        if given is None:
            target = call.arg(1) if call.arg(1) is not None else call.kwargs.get("to_table")
            column = call.kwargs.get("column") or (f"{singular(name(target))}_id" if target is not None else None)
            if column is None:
                raise Unread("remove_foreign_key without a target, a column or a name")
            given = foreign_key_name(source, str(column))
        self.add(DropConstraint(ref(source), str(given), "foreign key"))

    def do_add_check_constraint(self, call: Call) -> None:
        table, expression = name(call.arg(0)), str(call.arg(1))
        given = call.kwargs.get("name")
        digest = hashlib.sha256(f"{table}_{expression}_chk".encode()).hexdigest()[:10]
        self.add(AddConstraint(ref(table), CheckConstraint(expression, str(given or f"chk_rails_{digest}"))))

    def do_remove_check_constraint(self, call: Call) -> None:
        table = name(call.arg(0))
        given = call.kwargs.get("name")
        if given is None:
            expression = str(call.arg(1))
            given = "chk_rails_" + hashlib.sha256(f"{table}_{expression}_chk".encode()).hexdigest()[:10]
        self.add(DropConstraint(ref(table), str(given), "check"))

    # --- SQL ----------------------------------------------------------------------------------------

    def do_execute(self, call: Call) -> None:
        text = call.arg(0)
        if not isinstance(text, str):
            raise Unread("execute with SQL built at run time")
        read = self.sql.read(text, call.line)
        self.add(*read.operations)
        self.result.unread.extend(read.unread)


def name(value: Any) -> str:
    """A table or column name written as a string or symbol; anything computed is not read."""
    if isinstance(value, (str, Symbol)) and str(value):
        return str(value)
    raise Unread("a name computed at run time")


def ref(value: Any) -> TableRef:
    schema, _, table = name(value).rpartition(".")
    return TableRef(table, schema or None)


def _names(value: Any) -> list[str] | str:
    if isinstance(value, list):
        return [name(v) for v in value]
    if isinstance(value, str) and not isinstance(value, Symbol) and ("(" in value or " " in value):
        return value  # an expression index, `"lower(email)"`
    return name(value)


def _to(call: Call, position: int) -> Any:
    """The new value of `change_column_default` / `..._comment`: positional, or `from:` / `to:`."""
    if "to" in call.kwargs:
        return call.kwargs["to"]
    if len(call.args) <= position:
        raise Unread(f"`{call.name}` without its new value")
    return call.args[position]


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _join_table(first: str, second: str) -> str:
    """Active Record's join table name: the two names sorted, a shared prefix written once."""
    a, b = sorted((first, second))
    prefix = ""
    for i in range(len(a)):
        if a[i] == "_" and b.startswith(a[: i + 1]) and len(b) > i + 1:
            prefix = a[: i + 1]
    if prefix and len(a) > len(prefix):
        return f"{prefix}{a[len(prefix) :]}_{b[len(prefix) :]}"
    return f"{a}_{b}"


__all__ = ["Directives", "Unread"]
