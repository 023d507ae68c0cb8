"""Rails' `db/schema.rb` read statically, through the Ruby grammar of `sources/ruby`, never run.

The DSL is replayed as Active Record would run it on the database's adapter: `create_table` with
its `id:` / `primary_key:` options (a `bigserial` id by default, `users_pkey`), `t.<type>` columns
with `limit:`, `precision:`, `scale:`, `null:`, `default:`, `array:` and `comment:`, `t.timestamps`,
`t.references`, `t.index` and `add_index` (Rails' `index_<table>_on_<columns>` names),
`t.check_constraint`, `add_foreign_key` (`fk_rails_<hash>` names, `on_delete:`/`on_update:`),
`create_enum` and `t.enum`, table and column comments (stored in the database, so they are its
comments). A statement the reader does not know is listed, never guessed at.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ...catalog.model import (
    CheckConstraint,
    Column,
    Database,
    EnumType,
    Extension,
    ForeignKey,
    Index,
    Origin,
    PrimaryKey,
    Table,
    TableKind,
    TableRef,
)
from ..ruby import Call, Lambda, RubySyntaxError, Symbol, parse
from .base import ModelsError, ModelsRead
from .railstypes import column_type

_RULES = {"cascade": "CASCADE", "nullify": "SET NULL", "restrict": "RESTRICT", "no_action": "NO ACTION"}
_IGNORED = {"enable_extension", "execute", "create_function", "create_trigger", "create_schema", "define"}
_ENGINES = {
    "postgresql": "postgresql",
    "postgres": "postgresql",
    "mysql": "mysql",
    "mariadb": "mariadb",
    "sqlite": "sqlite",
}


@dataclass
class _Draft:
    table: Table
    columns: list[Column] = field(default_factory=list)
    indexes: list[Index] = field(default_factory=list)
    checks: list[CheckConstraint] = field(default_factory=list)


def read_schema_rb(path: Path, shown: str, database_name: str, engine: str | None) -> ModelsRead:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as problem:
        raise ModelsError(f"{shown} cannot be read: {problem.strerror or problem}") from None
    except UnicodeDecodeError:
        raise ModelsError(f"{shown} is not UTF-8 text") from None
    try:
        calls = parse(text)
    except RubySyntaxError as problem:
        raise ModelsError(f"{shown}: {problem}: not the Ruby of a schema.rb") from None
    statements = [c for top in calls for c in (top.block if top.name == "define" else (top,))]
    postgres = any(c.name in ("enable_extension", "create_enum") for c in statements)
    family = _ENGINES.get(engine or "", "postgresql" if postgres else "")
    if not family:
        raise ModelsError(
            f"{shown} does not say which database it is for (no enable_extension): add engine: to the database file"
        )
    version = next((str(top.receiver) for top in calls if top.name == "define" and top.receiver), "")
    reader = SchemaDsl(family, shown, datetime_precision(version))
    for call in statements:
        reader.statement(call)
    tables = [reader.finish(d) for d in reader.drafts.values()]
    database = Database(
        name=database_name,
        engine=engine or family,
        tables=tuple(sorted(tables, key=lambda t: t.key)),
        enums=tuple(reader.enums),
        extensions=tuple(Extension(name) for name in reader.extensions),
        origin=Origin.MODELS,
    )
    if reader.unknown:
        first = reader.unknown[0]
        more = f" and {len(reader.unknown) - 1} more" if len(reader.unknown) > 1 else ""
        raise ModelsError(f"{shown}:{first[0]}: {first[1]} is not a schema.rb statement this reader knows{more}")
    return ModelsRead(database, reader.where)


def datetime_precision(receiver: str) -> int | None:
    """Rails 7 made `t.datetime` precision 6 unless `precision: nil`; `Schema[6.1]` and plain
    `Schema.define` files predate it."""
    match = re.search(r"\[(\d+)\.(\d+)\]", receiver)
    return 6 if match and int(match.group(1)) >= 7 else None


class SchemaDsl:
    """The DSL's statements as Active Record runs them on one adapter; migrations share it
    (history/analyse/rails) through the public methods below."""

    def __init__(self, family: str, shown: str, datetime_precision: int | None) -> None:
        self.family, self.shown, self.precision = family, shown, datetime_precision
        self.drafts: dict[str, _Draft] = {}
        self.foreign_keys: dict[str, list[ForeignKey]] = {}
        self.enums: list[EnumType] = []
        self.extensions: list[str] = []
        self.where: dict[tuple[str, ...], str] = {}
        self.unknown: list[tuple[int, str]] = []

    def statement(self, call: Call) -> None:
        handler = getattr(self, f"_{call.name}", None)
        if handler is not None:
            handler(call)
        elif call.name not in _IGNORED:
            self.unknown.append((call.line, call.name))

    # --- for migrations: one statement's result, nothing kept -------------------------------------

    def table(self, call: Call) -> Table:
        """The table a `create_table` makes, with the foreign keys its `t.references` declare."""
        self._create_table(call)
        key = _key(call.arg(0))
        table = self.finish(self.drafts.pop(key))
        self.foreign_keys.pop(key, None)
        return table

    def column(self, name: str, rails: str, options: dict[str, Any]) -> Column:
        draft = _Draft(Table("_"))
        self._column(draft, "_", name, rails, options, 0)
        return draft.columns[0]

    def index(self, table: str, columns: Any, options: dict[str, Any]) -> Index:
        return self._index(_split(table)[1], columns, options)

    def foreign_key(self, call: Call) -> ForeignKey:
        """`add_foreign_key :from, :to, ...` (or the same arguments built by a reader)."""
        self._add_foreign_key(call)
        return self.foreign_keys.pop(_key(call.arg(0)))[-1]

    def default(self, value: Any, type_: str) -> str | None:
        return self._default(value, type_, "")

    # --- top-level statements -----------------------------------------------------------------

    def _enable_extension(self, call: Call) -> None:  # listed as the database's extensions
        self.extensions.append(str(call.arg(0)))

    def _create_enum(self, call: Call) -> None:
        schema, name = _split(str(call.arg(0)))
        self.enums.append(EnumType(name, tuple(str(v) for v in call.arg(1, [])), schema))

    def _create_table(self, call: Call) -> None:
        schema, name = _split(str(call.arg(0)))
        key = f"{schema}.{name}" if schema else name
        self.where[(key,)] = f"{self.shown}:{call.line}"
        draft = _Draft(Table(name, schema, comment=_text(call.kwargs.get("comment"))))
        self.drafts[key] = draft
        self._primary_key(draft, call.kwargs, key)
        for inner in call.block:
            self._table_statement(draft, key, inner)

    def _create_view(self, call: Call) -> None:  # the scenic gem's
        schema, name = _split(str(call.arg(0)))
        key = f"{schema}.{name}" if schema else name
        self.where[(key,)] = f"{self.shown}:{call.line}"
        kind = TableKind.MATERIALIZED_VIEW if call.kwargs.get("materialized") else TableKind.VIEW
        definition = _text(call.kwargs.get("sql_definition"))
        self.drafts[key] = _Draft(Table(name, schema, kind, definition=definition.strip() if definition else None))

    def _add_index(self, call: Call) -> None:
        draft = self.drafts.get(_key(call.arg(0)))
        if draft is None:
            self.unknown.append((call.line, f"add_index on {call.arg(0)}, a table not created before it,"))
            return
        draft.indexes.append(self._index(draft.table.name, call.arg(1), call.kwargs))

    def _add_foreign_key(self, call: Call) -> None:
        source, target = str(call.arg(0)), str(call.arg(1))
        schema, target_name = _split(target)
        column = call.kwargs.get("column") or f"{singular(target_name)}_id"
        columns = tuple(str(c) for c in column) if isinstance(column, list) else (str(column),)
        primary = call.kwargs.get("primary_key") or "id"
        target_columns = tuple(str(c) for c in primary) if isinstance(primary, list) else (str(primary),)
        name = call.kwargs.get("name") or foreign_key_name(source, columns[0])
        on_delete = _RULES.get(str(call.kwargs.get("on_delete") or ""))
        on_update = _RULES.get(str(call.kwargs.get("on_update") or ""))
        default_rule = "RESTRICT" if self.family == "mariadb" else "NO ACTION"  # as each reports a rule not given
        self.foreign_keys.setdefault(_key(source), []).append(
            ForeignKey(
                columns,
                TableRef(target_name, schema),
                target_columns,
                str(name) if self.family != "sqlite" else None,
                on_delete or default_rule,
                on_update or default_rule,
            )
        )

    def _add_check_constraint(self, call: Call) -> None:
        draft = self.drafts.get(_key(call.arg(0)))
        if draft is not None:
            draft.checks.append(CheckConstraint(str(call.arg(1)), _text(call.kwargs.get("name"))))

    # --- inside create_table ------------------------------------------------------------------

    def _table_statement(self, draft: _Draft, key: str, call: Call) -> None:
        name = call.name
        if name == "index":
            draft.indexes.append(self._index(draft.table.name, call.arg(0), call.kwargs))
        elif name == "check_constraint":
            draft.checks.append(CheckConstraint(str(call.arg(0)), _text(call.kwargs.get("name"))))
        elif name == "timestamps":
            options = {"null": False, **call.kwargs}
            for column in ("created_at", "updated_at"):
                self._column(draft, key, column, "datetime", options, call.line)
        elif name in ("references", "belongs_to"):
            self._references(draft, key, call)
        elif name == "column":
            self._column(draft, key, str(call.arg(0)), str(call.arg(1)), call.kwargs, call.line)
        elif call.args:
            for column in call.args:
                self._column(draft, key, str(column), name, call.kwargs, call.line)
        else:
            self.unknown.append((call.line, f"t.{name}"))

    def _column(self, draft: _Draft, key: str, name: str, rails: str, options: dict[str, Any], line: int) -> None:
        if rails == "enum":
            type_ = str(options.get("enum_type") or name)
        elif rails == "virtual":
            type_ = column_type(self.family, str(options.get("type", "string")), options, self.precision)
        else:
            type_ = column_type(self.family, rails, options, self.precision)
        if options.get("array"):
            type_ += "[]"
        generated = _text(options.get("as")) if rails == "virtual" else None
        draft.columns.append(
            Column(
                name=name,
                type=type_,
                nullable=options.get("null", True) is not False,
                default=self._default(options.get("default"), type_, rails),
                comment=_text(options.get("comment")),
                generated=generated,
                generation=("stored" if options.get("stored") else "virtual") if generated else None,
            )
        )
        self.where[(key, name)] = f"{self.shown}:{line}"

    def _references(self, draft: _Draft, key: str, call: Call) -> None:
        options = dict(call.kwargs)
        for ref in call.args:
            ref_name = str(ref)
            rails = str(options.get("type") or "bigint")
            self._column(draft, key, f"{ref_name}_id", rails, options, call.line)
            columns: tuple[str, ...] = (f"{ref_name}_id",)
            if options.get("polymorphic"):
                self._column(draft, key, f"{ref_name}_type", "string", options, call.line)
                columns = (f"{ref_name}_type", f"{ref_name}_id")
            index = options.get("index", True)
            if index is not False:
                settings = index if isinstance(index, dict) else {}
                draft.indexes.append(self._index(draft.table.name, list(columns), settings))
            foreign_key = options.get("foreign_key")
            if foreign_key:
                settings = foreign_key if isinstance(foreign_key, dict) else {}
                target = str(settings.get("to_table") or plural(ref_name))
                self._add_foreign_key(Call("add_foreign_key", None, (key, target), {"column": columns[-1], **settings}))

    def _primary_key(self, draft: _Draft, options: dict[str, Any], key: str) -> None:
        kind = options.get("id", "bigint")
        primary = options.get("primary_key")
        if kind is False and not isinstance(primary, list):
            return
        if isinstance(primary, list):
            draft.table = replace(
                draft.table, primary_key=self._key_of(draft.table.name, tuple(str(c) for c in primary))
            )
            return
        column = str(primary or "id")
        rails = str(kind) if not isinstance(kind, bool) else "bigint"
        identity = None
        default = _text(options.get("default")) if isinstance(options.get("default"), str) else None
        if isinstance(options.get("default"), Lambda):
            default = str(options["default"].value)
        if rails in ("bigint", "integer", "serial", "bigserial", "primary_key"):
            integer = "integer" if rails in ("integer", "serial") else "bigint"
            type_ = column_type(self.family, integer, {}, None)
            if self.family == "postgresql":
                default, identity = f"nextval('{_sequence(draft.table, column)}'::regclass)", "serial"
            elif self.family in ("mysql", "mariadb"):
                identity = "auto_increment"
            else:
                type_ = "integer"
        else:
            type_ = column_type(self.family, rails, options, self.precision)
            if rails == "uuid" and default is None and self.family == "postgresql":
                default = "gen_random_uuid()"
        draft.columns.append(Column(column, type_, False, default, identity=identity))
        self.where[(key, column)] = self.where[(key,)]
        draft.table = replace(draft.table, primary_key=self._key_of(draft.table.name, (column,)))

    def _key_of(self, table: str, columns: tuple[str, ...]) -> PrimaryKey:
        name = {"postgresql": f"{table}_pkey", "mysql": "PRIMARY", "mariadb": "PRIMARY"}.get(self.family)
        return PrimaryKey(columns, name)

    def _index(self, table: str, columns: Any, options: dict[str, Any]) -> Index:
        names = tuple(str(c) for c in columns) if isinstance(columns, list) else (str(columns),)
        name = options.get("name") or f"index_{table}_on_{'_and_'.join(names)}"
        order = options.get("order") or {}
        opclass = options.get("opclass") or {}
        said = []
        for column in names:
            words = []
            if isinstance(opclass, dict) and opclass.get(column):
                words.append(str(opclass[column]))
            elif isinstance(opclass, (str, Symbol)):
                words.append(str(opclass))
            direction = order.get(column) if isinstance(order, dict) else order
            if direction is not None and str(direction).lower() == "desc":
                words.append("DESC")
            said.append(" ".join(words))
        using = options.get("using")
        method = str(using).lower() if using else ("btree" if self.family != "sqlite" else None)
        if options.get("type") and self.family in ("mysql", "mariadb"):
            method = str(options["type"]).lower()  # fulltext, spatial
        return Index(
            names,
            str(name),
            unique=bool(options.get("unique")),
            method=method,
            predicate=_text(options.get("where")),
            options=tuple(said) if any(said) else (),
            include=tuple(str(c) for c in options.get("include") or ()),
        )

    def _default(self, value: Any, type_: str, rails: str) -> str | None:
        """The default as the database reports it: PostgreSQL casts its literals (`''::character varying`)."""
        if value is None:
            return None
        if isinstance(value, Lambda):
            return str(value.value)
        if isinstance(value, bool):
            if self.family in ("mysql", "mariadb"):
                return "1" if value else "0"
            return "true" if value else "false"
        if isinstance(value, (int, float)):
            return str(value)
        if isinstance(value, (dict, list)):
            import json

            value = json.dumps(value, separators=(", ", ": "))
        text = str(value)
        literal = "'" + text.replace("'", "''") + "'"
        if self.family != "postgresql":
            return literal
        cast = re.sub(r"\(\d+(,\d+)?\)", "", type_)
        if cast in ("integer", "bigint", "smallint", "numeric", "double precision", "boolean"):
            return text
        return f"{literal}::{cast}"

    def finish(self, draft: _Draft) -> Table:
        key = draft.table.key
        return replace(
            draft.table,
            columns=tuple(draft.columns),
            indexes=tuple(draft.indexes),
            check_constraints=tuple(draft.checks),
            foreign_keys=tuple(self.foreign_keys.get(key, ())),
        )


def _split(name: str) -> tuple[str | None, str]:
    schema, dot, table = name.rpartition(".")
    return (schema, table) if dot and schema != "public" else (None, table if dot else name)


def _key(name: Any) -> str:
    schema, table = _split(str(name))
    return f"{schema}.{table}" if schema else table


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _sequence(table: Table, column: str) -> str:
    return f"{table.schema}.{table.name}_{column}_seq" if table.schema else f"{table.name}_{column}_seq"


def foreign_key_name(table: str, column: str) -> str:
    """Active Record's default: `fk_rails_` and ten hex digits of SHA-256 of `<table>_<column>_fk`."""
    return "fk_rails_" + hashlib.sha256(f"{table}_{column}_fk".encode()).hexdigest()[:10]


def singular(word: str) -> str:
    """The common English plurals Rails' inflector undoes for a foreign key's default column."""
    for plural, singular in (("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("xes", "x"), ("s", "")):
        if word.endswith(plural) and len(word) > len(plural):
            return word[: -len(plural)] + singular
    return word


def plural(word: str) -> str:
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


__all__ = ["SchemaDsl", "datetime_precision", "foreign_key_name", "plural", "read_schema_rb", "singular"]
