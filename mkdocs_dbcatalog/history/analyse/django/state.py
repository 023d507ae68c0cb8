"""The model state `migrate` keeps while it plans: per model its app, table and fields, so that an
operation naming a model (`AddField(model_name="product")`) knows its table and a relation the
type of its target's key."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import Any

from ...operations import (
    Analysed,
    Operation,
)
from ..pyast import Scope, Unreadable, short
from ..sqlreader import SqlReader
from . import fieldtypes


@dataclass
class Field:
    name: str
    kind: str
    options: dict[str, Any]
    column: str | None


@dataclass
class Model:
    app: str
    name: str
    table: str
    fields: dict[str, Field] = field(default_factory=dict)
    managed: bool = True

    @property
    def pk(self) -> Field | None:
        return next((f for f in self.fields.values() if f.options.get("primary_key")), None)


class State:
    """The models read so far, and what the migration being read does."""

    def __init__(self, engine: str | None, sql: SqlReader, settings: dict[str, str]) -> None:
        self.engine = engine
        self.vendor = fieldtypes.backend(engine)
        self.sql = sql
        self.settings = settings
        self.models: dict[tuple[str, str], Model] = {}
        self.result = Analysed()
        self.functions: dict[str, ast.FunctionDef] = {}
        self.lists: dict[str, ast.expr] = {}

    def add(self, *operations: Operation) -> None:
        self.result.operations.extend(operations)

    def model(self, app: str, name: str, node: ast.AST) -> Model:
        model_app, _, model_name = name.rpartition(".")
        found = self.models.get((model_app or app, model_name.lower()))
        if found is None:
            raise Unreadable(node, f"model {name} is not created by any migration read before this one")
        return found


def pop_named(model: Model, name: str) -> Field | None:
    for key in list(model.fields):
        if key.lower() == name.lower():
            return model.fields.pop(key)
    return None


def default_table(app: str, model: str) -> str:
    return f"{app}_{model.lower()}"


def last(scope: Scope, node: ast.expr) -> str:
    name = scope.qualified(node) if isinstance(node, (ast.Name, ast.Attribute)) else None
    if name is None:
        raise Unreadable(node, f"`{short(node)}` is computed at run time")
    return name.rpartition(".")[2]


def optional(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


def literal(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"
