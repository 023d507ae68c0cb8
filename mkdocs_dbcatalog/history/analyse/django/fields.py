"""Django fields as columns: Django's column names (`<field>_id`), types (a relation takes its
target's key type), constraints a field implies (unique, db_index, foreign keys), and the
indexes and constraints of a model's `Meta`."""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from typing import Any

from ....catalog.model import (
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    PrimaryKey,
    TableRef,
    UniqueConstraint,
)
from ..pyast import Scope, Unreadable, keywords, short
from . import fieldtypes
from .state import Field, Model, State, default_table, last, literal, optional

_NEEDED = {
    "max_length",
    "max_digits",
    "decimal_places",
    "null",
    "unique",
    "db_index",
    "primary_key",
    "db_column",
    "to",
    "through",
    "db_table",
    "db_comment",
    "base_field",
    "to_field",
    "db_constraint",
    "db_default",
    "size",
}


class Fields(State):
    def field(self, app: str, name: str, node: ast.expr, scope: Scope) -> Field:
        if not isinstance(node, ast.Call):
            raise Unreadable(node, f"field {name} is computed at run time")
        kind = last(scope, node.func)
        options: dict[str, Any] = {}
        for key, value in keywords(node).items():
            if key not in _NEEDED:
                continue
            if key == "to":
                options["to"] = self.target(app, value, scope)
            elif key == "base_field" and isinstance(value, ast.Call):
                inner = self.field(app, name, value, scope)
                options["base_field"] = (inner.kind, inner.options)
            elif key == "through":
                options["through"] = True
            else:
                options[key] = scope.value(value)
        if kind in fieldtypes.RELATIONS and "to" not in options and node.args:
            options["to"] = self.target(app, node.args[0], scope)
        if kind in fieldtypes.AUTO_FIELDS:
            options.setdefault("primary_key", True)
        column = (
            None
            if kind == "ManyToManyField" or options.get("through")
            else (options.get("db_column") or self.column_name(name, kind, options))
        )
        return Field(name, kind, options, column)

    def column_name(self, name: str, kind: str, options: Mapping[str, Any] | None = None) -> str:
        relation = kind in ("ForeignKey", "OneToOneField") or (options is not None and "to" in options)
        return f"{name}_id" if relation else name

    def target(self, app: str, node: ast.expr, scope: Scope) -> tuple[str, str]:
        """(app, model) of a relation's `to`: "app.Model", "Model" (same app), AUTH_USER_MODEL."""
        name = scope.qualified(node) if isinstance(node, (ast.Name, ast.Attribute)) else None
        called = (
            scope.qualified(node.func)
            if isinstance(node, ast.Call) and isinstance(node.func, (ast.Name, ast.Attribute))
            else None
        )
        setting = name.rpartition(".")[2] if name is not None and name.startswith("django.conf.settings.") else None
        if setting is not None and setting in self.settings:
            value: Any = self.settings[setting]
        elif called == "swapper.get_model_name" and len(node.args) == 2:  # type: ignore[attr-defined]
            # swapper's default when the project does not swap the model (as AUTH_USER_MODEL's)
            value = ".".join(str(scope.value(a)) for a in node.args)  # type: ignore[attr-defined]
        else:
            value = scope.value(node)
        if not isinstance(value, str):
            raise Unreadable(node, "a relation whose target is not a model name")
        if value == "self":
            raise Unreadable(node, "a relation to 'self' in a field read outside its model")
        target_app, _, model = value.rpartition(".")
        return (target_app or app, model.lower())

    def column(self, f: Field) -> Column:
        assert f.column is not None
        type_ = self.relation_type(f) if "to" in f.options else fieldtypes.column_type(f.kind, f.options, self.engine)
        identity = fieldtypes.AUTO_IDENTITY[self.vendor] if f.kind in fieldtypes.AUTO_FIELDS else None
        default = f.options.get("db_default")
        return Column(
            f.column,
            type=type_,
            nullable=bool(f.options.get("null")) and not f.options.get("primary_key"),
            default=literal(default) if default is not None else None,
            comment=optional(f.options.get("db_comment")),
            identity=identity,
        )

    def relation_type(self, f: Field) -> str | None:
        """The column type of a foreign key: its target's primary key (or `to_field`) type, as Django's rel_db_type."""
        target = self.models.get(f.options["to"])
        if target is None:
            return None
        to = target.fields.get(f.options["to_field"]) if f.options.get("to_field") else target.pk
        if to is None:
            return None
        if to.kind in fieldtypes.AUTO_FIELDS:
            return fieldtypes.column_type(
                {"AutoField": "IntegerField", "BigAutoField": "BigIntegerField", "SmallAutoField": "SmallIntegerField"}[
                    to.kind
                ],
                {},
                self.engine,
            )
        if "to" in to.options:
            return self.relation_type(to)
        return fieldtypes.column_type(to.kind, to.options, self.engine)

    def target_ref(self, f: Field) -> tuple[TableRef, tuple[str, ...]]:
        app, name = f.options["to"]
        target = self.models.get((app, name))
        table = target.table if target else default_table(app, name)
        if target is not None:
            to = target.fields.get(f.options["to_field"]) if f.options.get("to_field") else target.pk
            column = to.column if to and to.column else "id"
        else:
            column = str(f.options.get("to_field") or "id")
        return TableRef(table), (column,)

    def foreign_key(self, f: Field) -> ForeignKey | None:
        if "to" not in f.options or f.column is None or f.options.get("db_constraint") is False:
            return None
        target, columns = self.target_ref(f)
        return ForeignKey((f.column,), target, columns)

    def column_constraints(self, f: Field) -> list[Any]:
        items: list[Any] = []
        fk = self.foreign_key(f)
        if f.options.get("primary_key"):
            items.append(PrimaryKey((f.column or f.name,)))
        elif f.options.get("unique") or f.kind == "OneToOneField":
            items.append(UniqueConstraint((f.column or f.name,)))
        elif f.options.get("db_index") or (fk is not None and f.options.get("db_index") is not False):
            items.append(Index((f.column or f.name,)))
        if fk is not None:
            items.append(fk)
        return items

    def columns_of(self, model: Model, names: Iterable[str]) -> list[str]:
        found = []
        for name in names:
            descending = name.startswith("-")
            f = model.fields.get(name.lstrip("-"))
            column = f.column if f and f.column else name.lstrip("-")
            found.append(column + (" DESC" if descending else ""))
        return found

    def together(self, model: Model, value: Any) -> list[tuple[str, ...]]:
        if not value:
            return []
        groups = value if isinstance(value, list) and value and isinstance(value[0], list) else [value]
        return [tuple(self.columns_of(model, [str(n) for n in group])) for group in groups]

    def index(self, model: Model, node: Any, scope: Scope) -> Index:
        if not isinstance(node, ast.Call):
            raise Unreadable(node if isinstance(node, ast.AST) else ast.Constant(None), "an index computed at run time")
        args = keywords(node)
        names = scope.value(args["fields"]) if "fields" in args else None
        if names is None and node.args:
            raise Unreadable(node, "an index on expressions is not read")
        method = {
            "GinIndex": "gin",
            "GistIndex": "gist",
            "BrinIndex": "brin",
            "HashIndex": "hash",
            "BTreeIndex": "btree",
            "SpGistIndex": "spgist",
            "BloomIndex": "bloom",
        }.get(last(scope, node.func))
        where = args.get("condition")
        return Index(
            tuple(self.columns_of(model, [str(n) for n in names or []])),
            name=optional(scope.value(args.get("name"))),
            method=method,
            predicate=short(where, 200) if where is not None else None,
        )

    def constraint(self, model: Model, node: ast.expr, scope: Scope) -> Any:
        if not isinstance(node, ast.Call):
            raise Unreadable(node, "a constraint computed at run time")
        kind = last(scope, node.func)
        args = keywords(node)
        name = optional(scope.value(args.get("name")))
        if kind == "UniqueConstraint":
            names = scope.value(args["fields"]) if "fields" in args else None
            if names is None:
                raise Unreadable(node, "a unique constraint on expressions is not read")
            columns = tuple(self.columns_of(model, [str(n) for n in names]))
            if "condition" in args:  # a partial unique constraint is a unique index
                return Index(columns, name=name, unique=True, predicate=short(args["condition"], 200))
            return UniqueConstraint(columns, name)
        if kind == "CheckConstraint":
            condition = args.get("check") or args.get("condition")
            return CheckConstraint(short(condition, 200) if condition is not None else "", name)
        raise Unreadable(node, f"`{kind}` constraints are not read")
