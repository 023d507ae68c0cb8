"""One migration file read: its `Migration.operations` (written in place or named), each operation
applied to the model state and emitted as table operations; what cannot be read is listed."""

from __future__ import annotations

import ast
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from ....catalog.model import (
    TableRef,
)
from ...operations import (
    AddColumn,
    AddConstraint,
    Analysed,
    DropColumn,
    DropConstraint,
    DropTable,
    RenameColumn,
    RenameTable,
    SetComment,
)
from ..pyast import Scope, Unreadable, imports, keywords, short
from .code import Code
from .edits import RenameIndex, Together
from .state import Field, default_table, last, optional, pop_named

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


class Reader(Code):
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

    def operation(self, app: str, node: ast.expr, scope: Scope, database: bool) -> None:
        if not isinstance(node, ast.Call):
            raise Unreadable(node, f"`{short(node)}` is not an operation")
        kind = last(scope, node.func)
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
            table = scope.value(arg(1, "table")) or default_table(model.app, model.name)
            if table != model.table:
                emit(RenameTable(TableRef(model.table), TableRef(str(table))))
                for f in model.fields.values():  # many-to-many tables named after the table follow it
                    if f.kind == "ManyToManyField" and not f.options.get("through") and not f.options.get("db_table"):
                        emit(RenameTable(TableRef(f"{model.table}_{f.name}"), TableRef(f"{table}_{f.name}")))
                model.table = str(table)
        elif kind in ("AlterModelTableComment",):
            model = self.model(app, text(0, "name"), node)
            emit(SetComment(TableRef(model.table), None, optional(scope.value(arg(1, "table_comment")))))
        elif kind == "AddField":
            model = self.model(app, text(0, "model_name"), node)
            made = self.field(app, text(1, "name"), arg(2, "field"), scope)
            model.fields[made.name] = made
            if model.managed:
                self.add_field(model, made, emit)
        elif kind == "RemoveField":
            model = self.model(app, text(0, "model_name"), node)
            gone = model.fields.pop(text(1, "name").lower(), None) or pop_named(model, text(1, "name"))
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
            old = model.fields.get(name) or pop_named(model, name)
            model.fields[new.name] = new
            if model.managed and old is not None:
                self.alter_field(model, old, new, emit)
            elif model.managed:
                self.add_field(model, new, emit)
        elif kind == "RenameField":
            model = self.model(app, text(0, "model_name"), node)
            old_name, new_name = text(1, "old_name"), text(2, "new_name")
            old = model.fields.pop(old_name, None) or pop_named(model, old_name)
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
                emit(RenameIndex(TableRef(model.table), str(old_index) if old_index else None, columns, new_index))
        elif kind == "AddConstraint":
            model = self.model(app, text(0, "model_name"), node)
            emit(AddConstraint(TableRef(model.table), self.constraint(model, arg(1, "constraint"), scope)))
        elif kind == "RemoveConstraint":
            model = self.model(app, text(0, "model_name"), node)
            emit(DropConstraint(TableRef(model.table), text(1, "name")))
        elif kind in ("AlterUniqueTogether", "AlterIndexTogether"):
            model = self.model(app, text(0, "name"), node)
            together = scope.value(arg(1, "unique_together" if kind == "AlterUniqueTogether" else "index_together"))
            emit(Together(TableRef(model.table), kind == "AlterUniqueTogether", self.together(model, together)))
        elif kind == "AlterOrderWithRespectTo":
            model = self.model(app, text(0, "name"), node)
            wanted = scope.value(arg(1, "order_with_respect_to"))
            if wanted and "_order" not in model.fields:
                made = Field("_order", "IntegerField", {}, "_order")
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
