"""`RunSQL` and `RunPython`: SQL goes to the SQL analyser; a `RunPython` function counts as changing
rows only when it provably does (no `schema_editor`, no connection, nothing but Django's ORM and
Python's own modules)."""

from __future__ import annotations

import ast

from ..pyast import Scope, Unreadable, short
from .models import Models

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


class Code(Models):
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
                root = root_name(node.func)
                if root in scope.names and not (scope.qualified(node.func) or "").startswith(_SAFE_MODULES):
                    return False
            if isinstance(node, ast.Name) and node.id == "connection":
                return False
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


def root_name(node: ast.expr) -> str | None:
    while isinstance(node, ast.Attribute):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None
