"""Django: each migration's `operations`, replayed on a model state the way `migrate` does, as tables.

Django names models, not tables: `AddField(model_name="product", ...)` needs to know the product
model's table, and a foreign key's column takes its type from the target model's primary key. So
the migrations are read in `migrate`'s plan order (the reader's order) across every app, keeping a
small model state: per model its table and fields. Each operation then becomes table operations
with Django's own naming (`<app>_<model>`, `<field>_id`, `<table>_<field>` for many-to-many).

`RunPython` is read only to prove it changes rows, not structure: a function of the file that uses
neither `schema_editor` nor a connection, and calls nothing but Django's ORM and Python's own
modules. Anything else is listed as not analysed.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ...catalog.model import (
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    PrimaryKey,
    Table,
    TableRef,
    UniqueConstraint,
)
from ...sources.migrations import FileSet
from ...sources.migrations.django.settings import DEFAULTS
from ..operations import (
    AddColumn,
    AddConstraint,
    AlterColumn,
    Analysed,
    CreateTable,
    DropColumn,
    DropConstraint,
    DropTable,
    Operation,
    RenameColumn,
    RenameTable,
    SetComment,
)
from . import djangofields as fields
from .pyast import Scope, Unreadable, imports, keywords, short
from .sqlreader import SqlReader

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
_NO_TABLE_CHANGE = {
    "AlterModelOptions",
    "AlterModelManagers",
    "CreateExtension",
    "HStoreExtension",
    "TrigramExtension",
    "BtreeGinExtension",
    "BtreeGistExtension",
    "CITextExtension",
    "CryptoExtension",
    "UnaccentExtension",
    "BloomExtension",
    "CreateCollation",
    "RemoveCollation",
}
_SAFE_MODULES = (
    "django.db.models",
    "django.utils",
    "django.conf",
    "django.db.migrations",
    "django.contrib.contenttypes",
    "json.",
    "datetime.",
    "uuid.",
    "re.",
    "logging.",
    "itertools.",
    "collections.",
    "decimal.",
    "hashlib.",
    "string.",
    "functools.",
    "operator.",
    "math.",
    "random.",
    "time.",
    "copy.",
    "unicodedata.",
    "base64.",
    "django.db.transaction",
    "django.core.management.color",
    "django.apps",
    "django.core.exceptions",
    "sys.",
    "django.core.serializers",
    "django.template.defaultfilters",
    "os.path",
    "secrets.",
    "swapper.get_model_name",
)
_MAY_CHANGE_SCHEMA = frozenset(
    {
        "execute",
        "executemany",
        "cursor",
        "create_model",
        "delete_model",
        "add_field",
        "remove_field",
        "alter_field",
        "alter_db_table",
        "executescript",
        "raw",
    }
)


@dataclass
class _Field:
    name: str
    kind: str
    options: dict[str, Any]
    column: str | None


@dataclass
class _Model:
    app: str
    name: str
    table: str
    fields: dict[str, _Field] = field(default_factory=dict)
    managed: bool = True

    @property
    def pk(self) -> _Field | None:
        return next((f for f in self.fields.values() if f.options.get("primary_key")), None)


def analyse(files: FileSet, engine: str | None, sql: SqlReader) -> dict[str, Analysed]:
    """Every migration of the plan, in order, against one model state shared by all apps."""
    state = _State(engine, sql, _swappable(files))
    result: dict[str, Analysed] = {}
    for item in files.found:
        if item.source is None:
            continue
        app = item.key.partition(".")[0]
        try:
            result[item.key] = state.migration(app, item.source)
        except RecursionError:
            result[item.key] = Analysed(unread=["the file is nested too deeply to be read"], failed=True)
    return result


def _swappable(files: FileSet) -> dict[str, str]:
    """Swappable-model settings (`AUTH_USER_MODEL`) as the reader found them in the project's settings."""
    found = files.context.get("settings")
    values = getattr(found, "values", {}) if found is not None else {}
    return {**DEFAULTS, **{k: v for k, v in values.items() if isinstance(v, str)}}


class _State:
    def __init__(self, engine: str | None, sql: SqlReader, settings: dict[str, str]) -> None:
        self.engine = engine
        self.vendor = fields.backend(engine)
        self.sql = sql
        self.settings = settings
        self.models: dict[tuple[str, str], _Model] = {}
        self.result = Analysed()
        self.functions: dict[str, ast.FunctionDef] = {}
        self.lists: dict[str, ast.expr] = {}

    # --------------------------------------------------------------- files

    def migration(self, app: str, file: Path) -> Analysed:
        self.result = Analysed()
        try:
            tree = ast.parse(file.read_bytes().decode("utf-8-sig", errors="replace"), filename=str(file))
        except (OSError, SyntaxError, ValueError) as problem:
            return Analysed(unread=[f"the file cannot be read as Python ({problem})"], failed=True)
        cls = next((n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Migration"), None)
        if cls is None:
            return Analysed(unread=["the file has no Migration class"], failed=True)
        scope = Scope(imports(tree))
        for node in tree.body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                scope.bind(node.targets[0], node.value)
        self.functions = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
        # Lists of operations named in the class or the module (`state_operations = [...]`).
        self.lists = {
            t.id: item.value
            for item in [*tree.body, *cls.body]
            if isinstance(item, ast.Assign) and isinstance(item.value, (ast.List, ast.Tuple))
            for t in item.targets
            if isinstance(t, ast.Name)
        }
        operations = self.lists.get("operations")
        if operations is None:
            operations = next(
                (
                    item.value
                    for item in cls.body
                    if isinstance(item, ast.Assign)
                    and any(isinstance(t, ast.Name) and t.id == "operations" for t in item.targets)
                ),
                None,
            )
        if operations is None:
            return self.result
        if not isinstance(operations, (ast.List, ast.Tuple)):
            return Analysed(unread=[f"line {operations.lineno}: operations are computed at run time"], failed=True)
        self.operations(app, operations.elts, scope)
        return self.result

    def operations(self, app: str, nodes: Iterable[ast.expr], scope: Scope, *, database: bool = True) -> None:
        for node in nodes:
            try:
                self.operation(app, node, scope, database)
            except Unreadable as problem:
                self.result.unread.append(f"line {problem.line or node.lineno}: {problem.why}")

    def add(self, *operations: Operation) -> None:
        self.result.operations.extend(operations)

    # --------------------------------------------------------------- operations

    def operation(self, app: str, node: ast.expr, scope: Scope, database: bool) -> None:
        if not isinstance(node, ast.Call):
            raise Unreadable(node, f"`{short(node)}` is not an operation")
        kind = _last(scope, node.func)
        args = keywords(node)
        emit = self.add if database else (lambda *ops: None)

        def arg(position: int, name: str) -> ast.expr:
            if name in args:
                return args[name]
            if position < len(node.args):
                return node.args[position]
            raise Unreadable(node, f"{kind} without {name}")

        def text(position: int, name: str) -> str:
            value = scope.value(arg(position, name))
            if not isinstance(value, str):
                raise Unreadable(node, f"{kind}: {name} is not a name")
            return value

        if kind in _NO_TABLE_CHANGE:
            return
        if kind == "CreateModel":
            self.create_model(app, text(0, "name"), arg(1, "fields"), args.get("options"), scope, emit)
        elif kind == "DeleteModel":
            model = self.model(app, text(0, "name"), node)
            for f in list(model.fields.values()):
                if f.kind == "ManyToManyField" and not f.options.get("through"):
                    emit(DropTable(TableRef(self.m2m_table(model, f))))
            del self.models[(model.app, model.name)]
            if model.managed:
                emit(DropTable(TableRef(model.table)))
        elif kind == "RenameModel":
            self.rename_model(app, text(0, "old_name"), text(1, "new_name"), node, emit)
        elif kind == "AlterModelTable":
            model = self.model(app, text(0, "name"), node)
            table = scope.value(arg(1, "table")) or _default_table(model.app, model.name)
            if table != model.table:
                emit(RenameTable(TableRef(model.table), TableRef(str(table))))
                for f in model.fields.values():  # many-to-many tables named after the table follow it
                    if f.kind == "ManyToManyField" and not f.options.get("through") and not f.options.get("db_table"):
                        emit(RenameTable(TableRef(f"{model.table}_{f.name}"), TableRef(f"{table}_{f.name}")))
                model.table = str(table)
        elif kind in ("AlterModelTableComment",):
            model = self.model(app, text(0, "name"), node)
            emit(SetComment(TableRef(model.table), None, _optional(scope.value(arg(1, "table_comment")))))
        elif kind == "AddField":
            model = self.model(app, text(0, "model_name"), node)
            made = self.field(app, text(1, "name"), arg(2, "field"), scope)
            model.fields[made.name] = made
            if model.managed:
                self.add_field(model, made, emit)
        elif kind == "RemoveField":
            model = self.model(app, text(0, "model_name"), node)
            gone = model.fields.pop(text(1, "name").lower(), None) or _pop_named(model, text(1, "name"))
            if gone is not None and model.managed:
                if gone.kind == "ManyToManyField":
                    if not gone.options.get("through"):
                        emit(DropTable(TableRef(self.m2m_table(model, gone))))
                elif gone.column:
                    emit(DropColumn(TableRef(model.table), gone.column))
        elif kind == "AlterField":
            model = self.model(app, text(0, "model_name"), node)
            name = text(1, "name")
            new = self.field(app, name, arg(2, "field"), scope)
            old = model.fields.get(name) or _pop_named(model, name)
            model.fields[new.name] = new
            if model.managed and old is not None:
                self.alter_field(model, old, new, emit)
            elif model.managed:
                self.add_field(model, new, emit)
        elif kind == "RenameField":
            model = self.model(app, text(0, "model_name"), node)
            old_name, new_name = text(1, "old_name"), text(2, "new_name")
            old = model.fields.pop(old_name, None) or _pop_named(model, old_name)
            if old is None:
                raise Unreadable(node, f"RenameField: {model.name} has no field {old_name} in the state read so far")
            renamed = replace(old, name=new_name)
            if old.column and "db_column" not in old.options:
                renamed.column = self.column_name(new_name, old.kind)
                if model.managed:
                    emit(RenameColumn(TableRef(model.table), old.column, renamed.column))
            model.fields[new_name] = renamed
        elif kind in ("AddIndex", "AddIndexConcurrently"):
            model = self.model(app, text(0, "model_name"), node)
            emit(AddConstraint(TableRef(model.table), self.index(model, arg(1, "index"), scope)))
        elif kind in ("RemoveIndex", "RemoveIndexConcurrently"):
            model = self.model(app, text(0, "model_name"), node)
            emit(DropConstraint(TableRef(model.table), text(1, "name"), "index"))
        elif kind == "RenameIndex":
            model = self.model(app, text(0, "model_name"), node)
            new_index = text(1, "new_name")
            old_index = scope.value(args["old_name"]) if "old_name" in args else None
            old_fields = scope.value(args["old_fields"]) if "old_fields" in args else None
            if old_index:
                emit(DropConstraint(TableRef(model.table), str(old_index), "index"))
            columns = tuple(self.columns_of(model, [str(f) for f in old_fields or []]))
            if columns or old_index:
                emit(_RenameIndex(TableRef(model.table), str(old_index) if old_index else None, columns, new_index))
        elif kind == "AddConstraint":
            model = self.model(app, text(0, "model_name"), node)
            emit(AddConstraint(TableRef(model.table), self.constraint(model, arg(1, "constraint"), scope)))
        elif kind == "RemoveConstraint":
            model = self.model(app, text(0, "model_name"), node)
            emit(DropConstraint(TableRef(model.table), text(1, "name")))
        elif kind in ("AlterUniqueTogether", "AlterIndexTogether"):
            model = self.model(app, text(0, "name"), node)
            together = scope.value(arg(1, "unique_together" if kind == "AlterUniqueTogether" else "index_together"))
            emit(_Together(TableRef(model.table), kind == "AlterUniqueTogether", self.together(model, together)))
        elif kind == "AlterOrderWithRespectTo":
            model = self.model(app, text(0, "name"), node)
            wanted = scope.value(arg(1, "order_with_respect_to"))
            if wanted and "_order" not in model.fields:
                made = _Field("_order", "IntegerField", {}, "_order")
                model.fields["_order"] = made
                emit(AddColumn(TableRef(model.table), self.column(made)))
            elif not wanted and "_order" in model.fields:
                del model.fields["_order"]
                emit(DropColumn(TableRef(model.table), "_order"))
        elif kind == "RunSQL":
            self.run_sql(arg(0, "sql"), scope)
            listed = self.listed(args.get("state_operations"))
            if listed is not None:
                self.operations(app, listed.elts, scope, database=False)
        elif kind == "RunPython":
            self.run_python(arg(0, "code"), scope)
        elif kind == "SeparateDatabaseAndState":
            for key, on_database in (("state_operations", False), ("database_operations", True)):
                found = self.listed(args.get(key))
                if found is not None:
                    self.operations(app, found.elts, scope, database=on_database and database)
        else:
            raise Unreadable(node, f"`{kind}` is not a Django operation this reader knows")

    def listed(self, node: ast.expr | None) -> ast.List | ast.Tuple | None:
        """A list of operations written in place, or named (`state_operations=state_operations`)."""
        if isinstance(node, ast.Name):
            node = self.lists.get(node.id)
        if node is None:
            return None
        if not isinstance(node, (ast.List, ast.Tuple)):
            raise Unreadable(node, "operations computed at run time")
        return node

    # --------------------------------------------------------------- models and fields

    def model(self, app: str, name: str, node: ast.AST) -> _Model:
        model_app, _, model_name = name.rpartition(".")
        found = self.models.get((model_app or app, model_name.lower()))
        if found is None:
            raise Unreadable(node, f"model {name} is not created by any migration read before this one")
        return found

    def create_model(
        self, app: str, name: str, fields_node: ast.expr, options_node: ast.expr | None, scope: Scope, emit: Any
    ) -> None:
        options = _options(scope, options_node)
        model = _Model(app, name.lower(), str(options.get("db_table") or _default_table(app, name)))
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
        table = Table(model.table, comment=_optional(options.get("db_table_comment")))
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
        default = model.table == _default_table(model.app, model.name)
        renamed = replace(model, name=new.lower())
        if default:
            renamed.table = _default_table(model.app, new)
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

    def field(self, app: str, name: str, node: ast.expr, scope: Scope) -> _Field:
        if not isinstance(node, ast.Call):
            raise Unreadable(node, f"field {name} is computed at run time")
        kind = _last(scope, node.func)
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
        if kind in fields.RELATIONS and "to" not in options and node.args:
            options["to"] = self.target(app, node.args[0], scope)
        if kind in fields.AUTO_FIELDS:
            options.setdefault("primary_key", True)
        column = (
            None
            if kind == "ManyToManyField" or options.get("through")
            else (options.get("db_column") or self.column_name(name, kind, options))
        )
        return _Field(name, kind, options, column)

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

    def column(self, f: _Field) -> Column:
        assert f.column is not None
        type_ = self.relation_type(f) if "to" in f.options else fields.column_type(f.kind, f.options, self.engine)
        identity = fields.AUTO_IDENTITY[self.vendor] if f.kind in fields.AUTO_FIELDS else None
        default = f.options.get("db_default")
        return Column(
            f.column,
            type=type_,
            nullable=bool(f.options.get("null")) and not f.options.get("primary_key"),
            default=_literal(default) if default is not None else None,
            comment=_optional(f.options.get("db_comment")),
            identity=identity,
        )

    def relation_type(self, f: _Field) -> str | None:
        """The column type of a foreign key: its target's primary key (or `to_field`) type, as Django's rel_db_type."""
        target = self.models.get(f.options["to"])
        if target is None:
            return None
        to = target.fields.get(f.options["to_field"]) if f.options.get("to_field") else target.pk
        if to is None:
            return None
        if to.kind in fields.AUTO_FIELDS:
            return fields.column_type(
                {"AutoField": "IntegerField", "BigAutoField": "BigIntegerField", "SmallAutoField": "SmallIntegerField"}[
                    to.kind
                ],
                {},
                self.engine,
            )
        if "to" in to.options:
            return self.relation_type(to)
        return fields.column_type(to.kind, to.options, self.engine)

    def target_ref(self, f: _Field) -> tuple[TableRef, tuple[str, ...]]:
        app, name = f.options["to"]
        target = self.models.get((app, name))
        table = target.table if target else _default_table(app, name)
        if target is not None:
            to = target.fields.get(f.options["to_field"]) if f.options.get("to_field") else target.pk
            column = to.column if to and to.column else "id"
        else:
            column = str(f.options.get("to_field") or "id")
        return TableRef(table), (column,)

    def foreign_key(self, f: _Field) -> ForeignKey | None:
        if "to" not in f.options or f.column is None or f.options.get("db_constraint") is False:
            return None
        target, columns = self.target_ref(f)
        return ForeignKey((f.column,), target, columns)

    def add_field(self, model: _Model, f: _Field, emit: Any) -> None:
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

    def column_constraints(self, f: _Field) -> list[Any]:
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

    def alter_field(self, model: _Model, old: _Field, new: _Field, emit: Any) -> None:
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
            if not any(_same_constraint(item, other) for other in new_items):
                emit(_DropUnnamed(table, item, new.column))
        for item in new_items:
            if not any(_same_constraint(other, item) for other in old_items):
                emit(AddConstraint(table, item))

    def m2m_table(self, model: _Model, f: _Field) -> str:
        return str(f.options.get("db_table") or f"{model.table}_{f.name}")

    def m2m(self, model: _Model, f: _Field) -> Table:
        """The table Django creates for a ManyToManyField without `through`: id, <model>_id, <target>_id."""
        target_app, target_name = f.options["to"]
        target = self.models.get((target_app, target_name))
        self_ref = (target_app, target_name) == (model.app, model.name)
        source_column = f"from_{model.name}_id" if self_ref else f"{model.name}_id"
        target_column = f"to_{target_name}_id" if self_ref else f"{target_name}_id"
        pk = model.pk
        id_kind = pk.kind if pk is not None and pk.kind in fields.AUTO_FIELDS else "AutoField"
        id_field = _Field("id", id_kind, {"primary_key": True}, "id")
        source = _Field(source_column, "ForeignKey", {"to": (model.app, model.name)}, source_column)
        target_field = _Field(target_column, "ForeignKey", {"to": (target_app, target_name)}, target_column)
        target_table = target.table if target else _default_table(target_app, target_name)
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

    def columns_of(self, model: _Model, names: Iterable[str]) -> list[str]:
        found = []
        for name in names:
            descending = name.startswith("-")
            f = model.fields.get(name.lstrip("-"))
            column = f.column if f and f.column else name.lstrip("-")
            found.append(column + (" DESC" if descending else ""))
        return found

    def together(self, model: _Model, value: Any) -> list[tuple[str, ...]]:
        if not value:
            return []
        groups = value if isinstance(value, list) and value and isinstance(value[0], list) else [value]
        return [tuple(self.columns_of(model, [str(n) for n in group])) for group in groups]

    def index(self, model: _Model, node: Any, scope: Scope) -> Index:
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
        }.get(_last(scope, node.func))
        where = args.get("condition")
        return Index(
            tuple(self.columns_of(model, [str(n) for n in names or []])),
            name=_optional(scope.value(args.get("name"))),
            method=method,
            predicate=short(where, 200) if where is not None else None,
        )

    def constraint(self, model: _Model, node: ast.expr, scope: Scope) -> Any:
        if not isinstance(node, ast.Call):
            raise Unreadable(node, "a constraint computed at run time")
        kind = _last(scope, node.func)
        args = keywords(node)
        name = _optional(scope.value(args.get("name")))
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

    def run_sql(self, node: ast.expr, scope: Scope) -> None:
        value = scope.value(node)
        statements = value if isinstance(value, list) else [value]
        for statement in statements:
            if isinstance(statement, list):  # (sql, params)
                statement = statement[0] if statement else ""
            if not isinstance(statement, str):
                raise Unreadable(node, "RunSQL with SQL that is not text")
            read = self.sql.read(statement, getattr(node, "lineno", None))
            self.add(*read.operations)
            self.result.unread.extend(read.unread)

    def run_python(self, node: ast.expr, scope: Scope) -> None:
        name = scope.qualified(node) if isinstance(node, (ast.Name, ast.Attribute)) else None
        if name is not None and name.endswith("RunPython.noop"):
            return
        function = self.functions.get(name or "")
        if function is None:
            raise Unreadable(node, f"RunPython({short(node)}): code from another module; its effect is not analysed")
        if not self.rows_only(function, scope, set()):
            raise Unreadable(node, f"RunPython({function.name}) may change the schema; its effect is not analysed")

    def rows_only(self, function: ast.FunctionDef, scope: Scope, seen: set[str]) -> bool:
        """Whether a RunPython function can only change rows (see the module docstring)."""
        params = [a.arg for a in function.args.args]
        editor = params[1] if len(params) > 1 else None
        # `schema_editor.connection.alias` (which database) is the one harmless use of the editor.
        if editor is not None and not _only_alias_use(function, editor):
            return False
        for node in ast.walk(function):
            if isinstance(node, ast.Attribute) and node.attr in _MAY_CHANGE_SCHEMA:
                return False
            if isinstance(node, ast.Call) and isinstance(node.func, (ast.Name, ast.Attribute)):
                called = scope.qualified(node.func) or ""
                if called in self.functions and called not in seen:
                    seen.add(called)
                    if not self.rows_only(self.functions[called], scope, seen):
                        return False
                    continue
                root = _root(node.func)
                if root in scope.names and not (scope.qualified(node.func) or "").startswith(_SAFE_MODULES):
                    return False
            if isinstance(node, ast.Name) and node.id == "connection":
                return False
        return True


@dataclass(frozen=True)
class _Together:
    """unique_together / index_together replaced: the unnamed constraints (or indexes) of the old set go."""

    table: TableRef
    unique: bool
    groups: list[tuple[str, ...]]

    def apply(self, schema: Any) -> None:
        table = schema.require(self.table)
        if self.unique:
            kept = tuple(u for u in table.unique_constraints if u.name is not None or len(u.columns) < 2)
            made = tuple(UniqueConstraint(g) for g in self.groups)
            schema.put(replace(table, unique_constraints=kept + made))
        else:
            kept_indexes = tuple(i for i in table.indexes if i.name is not None or len(i.columns) < 2)
            schema.put(replace(table, indexes=kept_indexes + tuple(Index(g) for g in self.groups)))


@dataclass(frozen=True)
class _RenameIndex:
    table: TableRef
    old: str | None
    columns: tuple[str, ...]
    new: str

    def apply(self, schema: Any) -> None:
        table = schema.require(self.table)
        indexes = list(table.indexes)
        for i, index in enumerate(indexes):
            if (self.old and index.name == self.old) or (not self.old and index.columns == self.columns):
                indexes[i] = replace(index, name=self.new)
                break
        else:
            indexes.append(Index(self.columns, name=self.new))
        schema.put(replace(table, indexes=tuple(indexes)))


@dataclass(frozen=True)
class _DropUnnamed:
    """A constraint Django names itself (with a hash we do not reproduce), dropped by what it is."""

    table: TableRef
    item: Any
    column: str

    def apply(self, schema: Any) -> None:
        table = schema.require(self.table)
        item = self.item
        if isinstance(item, PrimaryKey):
            schema.put(replace(table, primary_key=None))
        elif isinstance(item, ForeignKey):
            schema.put(
                replace(
                    table,
                    foreign_keys=tuple(
                        f for f in table.foreign_keys if self.column not in f.columns or len(f.columns) > 1
                    ),
                )
            )
        elif isinstance(item, UniqueConstraint):
            schema.put(
                replace(
                    table, unique_constraints=tuple(u for u in table.unique_constraints if u.columns != (self.column,))
                )
            )
        elif isinstance(item, Index):
            schema.put(replace(table, indexes=tuple(i for i in table.indexes if i.columns != (self.column,) or i.name)))


def _same_constraint(a: Any, b: Any) -> bool:
    """The same kind of constraint on a field before and after AlterField (a foreign key: same target)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, ForeignKey):
        return bool(a.target.table == b.target.table and a.target_columns == b.target_columns)
    return True


def _only_alias_use(function: ast.FunctionDef, editor: str) -> bool:
    for node in ast.walk(function):
        if isinstance(node, ast.Name) and node.id == editor:
            parent = _parent_chain(function, node)
            if parent != ["connection", "alias"]:
                return False
    return True


def _parent_chain(function: ast.FunctionDef, target: ast.Name) -> list[str]:
    for node in ast.walk(function):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute) and node.value.value is target:
            return [node.value.attr, node.attr]
        if isinstance(node, ast.Attribute) and node.value is target:
            return [node.attr]
    return []


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


def _pop_named(model: _Model, name: str) -> _Field | None:
    for key in list(model.fields):
        if key.lower() == name.lower():
            return model.fields.pop(key)
    return None


def _default_table(app: str, model: str) -> str:
    return f"{app}_{model.lower()}"


def _last(scope: Scope, node: ast.expr) -> str:
    name = scope.qualified(node) if isinstance(node, (ast.Name, ast.Attribute)) else None
    if name is None:
        raise Unreadable(node, f"`{short(node)}` is computed at run time")
    return name.rpartition(".")[2]


def _root(node: ast.expr) -> str | None:
    while isinstance(node, ast.Attribute):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _optional(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


def _literal(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


__all__ = ["analyse"]
