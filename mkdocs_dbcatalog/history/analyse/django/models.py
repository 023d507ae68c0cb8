"""Model operations on the state and as tables: a model created (with its many-to-many tables),
renamed (and the tables and columns named after it), a field added or altered."""

from __future__ import annotations

import ast
from dataclasses import replace
from typing import Any

from ....catalog.model import (
    CheckConstraint,
    Index,
    PrimaryKey,
    Table,
    TableRef,
    UniqueConstraint,
)
from ...operations import (
    AddColumn,
    AddConstraint,
    AlterColumn,
    CreateTable,
    DropColumn,
    DropTable,
    RenameColumn,
    RenameTable,
)
from ..pyast import Scope, Unreadable
from . import fieldtypes
from .edits import DropUnnamed, same_constraint
from .fields import Fields
from .state import Field, Model, default_table, optional


class Models(Fields):
    def create_model(
        self, app: str, name: str, fields_node: ast.expr, options_node: ast.expr | None, scope: Scope, emit: Any
    ) -> None:
        options = _options(scope, options_node)
        model = Model(app, name.lower(), str(options.get("db_table") or default_table(app, name)))
        model.managed = options.get("managed", True) is not False and not options.get("proxy")
        if not isinstance(fields_node, (ast.List, ast.Tuple)):
            raise Unreadable(fields_node, "the model's fields are computed at run time")
        for pair in fields_node.elts:
            try:
                if not isinstance(pair, (ast.Tuple, ast.List)) or len(pair.elts) != 2:
                    raise Unreadable(pair, "a field that is not a (name, field) pair")
                made = self.field(app, str(scope.value(pair.elts[0])), pair.elts[1], scope)
            except Unreadable as problem:  # the model and its other fields are still known
                self.result.unread.append(f"line {problem.line or pair.lineno}: {problem.why}")
                continue
            model.fields[made.name] = made
        self.models[(app, model.name)] = model
        if not model.managed:
            return
        table = Table(model.table, comment=optional(options.get("db_table_comment")))
        columns, fks, uniques, indexes = [], [], [], []
        for f in model.fields.values():
            if f.column is None:
                continue
            columns.append(self.column(f))
            fk = self.foreign_key(f)
            if fk is not None:
                fks.append(fk)
            if (f.options.get("unique") and not f.options.get("primary_key")) or (
                f.kind == "OneToOneField" and not f.options.get("primary_key")
            ):
                uniques.append(UniqueConstraint((f.column,)))
            elif f.options.get("db_index") or (
                fk is not None and f.options.get("db_index") is not False and not f.options.get("primary_key")
            ):
                indexes.append(Index((f.column,)))
        pk = model.pk
        table = replace(
            table,
            columns=tuple(columns),
            primary_key=PrimaryKey((pk.column,)) if pk and pk.column else None,
            foreign_keys=tuple(fks),
            unique_constraints=tuple(uniques)
            + tuple(UniqueConstraint(c) for c in self.together(model, options.get("unique_together"))),
            indexes=tuple(indexes) + tuple(Index(c) for c in self.together(model, options.get("index_together"))),
        )
        for item in options.get("_indexes", ()):
            table = replace(table, indexes=(*table.indexes, self.index(model, item, scope)))
        for item in options.get("_constraints", ()):
            made = self.constraint(model, item, scope)
            if isinstance(made, CheckConstraint):
                table = replace(table, check_constraints=(*table.check_constraints, made))
            elif isinstance(made, UniqueConstraint):
                table = replace(table, unique_constraints=(*table.unique_constraints, made))
            else:
                table = replace(table, indexes=(*table.indexes, made))
        emit(CreateTable(table))
        for f in model.fields.values():
            if f.kind == "ManyToManyField" and not f.options.get("through"):
                emit(CreateTable(self.m2m(model, f)))

    def rename_model(self, app: str, old: str, new: str, node: ast.AST, emit: Any) -> None:
        model = self.model(app, old, node)
        del self.models[(model.app, model.name)]
        default = model.table == default_table(model.app, model.name)
        renamed = replace(model, name=new.lower())
        if default:
            renamed.table = default_table(model.app, new)
            if model.managed:
                emit(RenameTable(TableRef(model.table), TableRef(renamed.table)))
        self.models[(renamed.app, renamed.name)] = renamed
        old_key, new_key = (model.app, model.name), (renamed.app, renamed.name)
        for other in self.models.values():
            for f in other.fields.values():
                if f.options.get("to") != old_key:
                    continue
                f.options["to"] = new_key
                if (
                    f.kind == "ManyToManyField"
                    and not f.options.get("through")
                    and model.managed
                    and other is not renamed
                ):
                    # Django renames the many-to-many table's column named after the model.
                    junction = TableRef(self.m2m_table(other, f))
                    emit(RenameColumn(junction, f"{model.name}_id", f"{renamed.name}_id"))
        if default and model.managed:
            for f in renamed.fields.values():
                if f.kind == "ManyToManyField" and not f.options.get("through") and not f.options.get("db_table"):
                    if f.options.get("to") == new_key:
                        continue  # a self-reference keeps from_/to_ columns
                    emit(RenameTable(TableRef(f"{model.table}_{f.name}"), TableRef(self.m2m_table(renamed, f))))
                    emit(RenameColumn(TableRef(self.m2m_table(renamed, f)), f"{model.name}_id", f"{renamed.name}_id"))

    def add_field(self, model: Model, f: Field, emit: Any) -> None:
        table = TableRef(model.table)
        if f.kind == "ManyToManyField":
            if not f.options.get("through"):
                emit(CreateTable(self.m2m(model, f)))
            return
        if f.column is None:
            return
        emit(AddColumn(table, self.column(f)))
        for item in self.column_constraints(f):
            emit(AddConstraint(table, item))

    def alter_field(self, model: Model, old: Field, new: Field, emit: Any) -> None:
        table = TableRef(model.table)
        if (old.kind == "ManyToManyField") != (new.kind == "ManyToManyField"):
            if old.kind == "ManyToManyField":
                if not old.options.get("through"):
                    emit(DropTable(TableRef(self.m2m_table(model, old))))
                self.add_field(model, new, emit)
            else:
                if old.column:
                    emit(DropColumn(table, old.column))
                self.add_field(model, new, emit)
            return
        if new.column is None or old.column is None:
            return
        if old.column != new.column:
            emit(RenameColumn(table, old.column, new.column))
        before, after = self.column(old), self.column(new)
        changes: dict[str, Any] = {}
        if before.type != after.type and after.type is not None:
            changes["type"] = after.type
        if before.nullable != after.nullable:
            changes["nullable"] = after.nullable
        if before.default != after.default:
            changes["default"] = after.default
        if before.comment != after.comment:
            changes["comment"] = after.comment
        if changes:
            emit(AlterColumn(table, new.column, **changes))
        old_items, new_items = self.column_constraints(old), self.column_constraints(new)
        for item in old_items:
            if not any(same_constraint(item, other) for other in new_items):
                emit(DropUnnamed(table, item, new.column))
        for item in new_items:
            if not any(same_constraint(other, item) for other in old_items):
                emit(AddConstraint(table, item))

    def m2m_table(self, model: Model, f: Field) -> str:
        return str(f.options.get("db_table") or f"{model.table}_{f.name}")

    def m2m(self, model: Model, f: Field) -> Table:
        """The table Django creates for a ManyToManyField without `through`: id, <model>_id, <target>_id."""
        target_app, target_name = f.options["to"]
        target = self.models.get((target_app, target_name))
        self_ref = (target_app, target_name) == (model.app, model.name)
        source_column = f"from_{model.name}_id" if self_ref else f"{model.name}_id"
        target_column = f"to_{target_name}_id" if self_ref else f"{target_name}_id"
        pk = model.pk
        id_kind = pk.kind if pk is not None and pk.kind in fieldtypes.AUTO_FIELDS else "AutoField"
        id_field = Field("id", id_kind, {"primary_key": True}, "id")
        source = Field(source_column, "ForeignKey", {"to": (model.app, model.name)}, source_column)
        target_field = Field(target_column, "ForeignKey", {"to": (target_app, target_name)}, target_column)
        target_table = target.table if target else default_table(target_app, target_name)
        source_fk = self.foreign_key(source)
        target_fk = self.foreign_key(target_field)
        return (
            Table(
                self.m2m_table(model, f),
                columns=(self.column(id_field), self.column(source), self.column(target_field)),
                primary_key=PrimaryKey(("id",)),
                foreign_keys=tuple(k for k in (source_fk, target_fk) if k is not None),
                unique_constraints=(UniqueConstraint((source_column, target_column)),),
                indexes=(Index((source_column,)), Index((target_column,))),
            )
            if target_table
            else Table(self.m2m_table(model, f))
        )


def _options(scope: Scope, node: ast.expr | None) -> dict[str, Any]:
    """A CreateModel's options: literal values, with `indexes` and `constraints` kept as nodes."""
    if node is None:
        return {}
    if not isinstance(node, ast.Dict):
        raise Unreadable(node, "the model's options are computed at run time")
    options: dict[str, Any] = {}
    for key_node, value in zip(node.keys, node.values, strict=True):
        key = scope.value(key_node) if key_node is not None else None
        if key in ("indexes", "constraints"):
            if not isinstance(value, (ast.List, ast.Tuple)):
                raise Unreadable(value, f"the model's {key} are computed at run time")
            options[f"_{key}"] = list(value.elts)
        elif key in ("db_table", "managed", "proxy", "unique_together", "index_together", "db_table_comment"):
            options[str(key)] = scope.value(value)
    return options
