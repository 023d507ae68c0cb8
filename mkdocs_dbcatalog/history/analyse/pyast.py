"""Reading Python migrations without running them: names, literal values, calls.

A migration is code, but the part that says what it does to the schema is nearly always literal:
`op.add_column("users", sa.Column("email", sa.String(255), nullable=False))`. This module resolves
what names mean (imports, module and local constants) and evaluates literals; anything else raises
`Unreadable`, and the analyser marks that statement "not analysed" instead of guessing.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any


class Unreadable(Exception):
    """A value that only running the code could tell."""

    def __init__(self, node: ast.AST, why: str) -> None:
        super().__init__(why)
        self.line = getattr(node, "lineno", None)
        self.why = why


def imports(tree: ast.Module) -> dict[str, str]:
    """Local name → qualified name for the module's imports (`sa` → `sqlalchemy`)."""
    names: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    names[alias.asname] = alias.name
                else:
                    top = alias.name.partition(".")[0]
                    names[top] = top
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                names[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return names


@dataclass
class Scope:
    """What names mean where a statement runs: imports, then module constants, then locals."""

    names: Mapping[str, str]
    constants: dict[str, Any] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    """Local names bound to a qualified name (`Column = sa.Column`, `batch_op` of a `with`)."""
    dialect: str | None = None
    """SQLAlchemy's name for the database's dialect, which `bind.dialect.name` evaluates to."""
    transparent: frozenset[str] = frozenset()
    """Calls whose value is their first argument (`op.f("ix_name")`, naming-convention markers)."""
    binds: frozenset[str] = frozenset()
    """Calls that give the connection (`op.get_bind`), whose `.dialect.name` is `dialect`."""
    outside: Callable[[str], Any] | None = None
    """Literals of imported names (`models.SqlRun.__tablename__`) from the project's files; KeyError if none."""

    def child(self) -> Scope:
        return Scope(
            self.names,
            dict(self.constants),
            dict(self.aliases),
            self.dialect,
            self.transparent,
            self.binds,
            self.outside,
        )

    def is_bind(self, node: ast.expr) -> bool:
        """`op.get_bind()`, `op.get_context()`, or a name bound to one of them."""
        if isinstance(node, ast.Call) and isinstance(node.func, (ast.Name, ast.Attribute)):
            return (self.qualified(node.func) or "") in self.binds
        if isinstance(node, ast.Attribute) and node.attr in ("bind", "connection", "engine"):
            return self.is_bind(node.value)
        return isinstance(node, ast.Name) and self.aliases.get(node.id) == "<bind>"

    def qualified(self, node: ast.expr) -> str | None:
        """`sa.Column` → `sqlalchemy.Column`; None for anything but a chain of names."""
        parts: list[str] = []
        while isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        if not isinstance(node, ast.Name):
            return None
        base = self.aliases.get(node.id) or self.names.get(node.id)
        if base is None:
            if node.id in self.constants:
                return None
            base = node.id
        return ".".join([base, *reversed(parts)])

    def value(self, node: ast.expr | None) -> Any:
        """A literal (string, number, bool, None, tuple, list, dict), a constant bound to one, or
        strings joined with `+`, `%` or an f-string of constants. Raises Unreadable otherwise."""
        if node is None:
            return None
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            return [self.value(e) for e in node.elts]
        if isinstance(node, ast.Dict):
            try:
                return {
                    _hashable(self.value(k)): self.value(v)
                    for k, v in zip(node.keys, node.values, strict=True)
                    if k is not None
                }
            except TypeError:
                raise Unreadable(node, "a mapping with keys that are not plain values") from None
        if isinstance(node, ast.Name):
            if node.id in self.constants:
                return self.constants[node.id]
            if node.id in self.names and self.outside is not None:
                try:
                    return self.outside(self.names[node.id])
                except KeyError:
                    pass
            raise Unreadable(node, f"`{node.id}` is set at run time")
        if isinstance(node, ast.Attribute) and self.outside is not None:
            name = self.qualified(node)
            root: ast.expr = node
            while isinstance(root, ast.Attribute):
                root = root.value
            if name is not None and isinstance(root, ast.Name) and root.id in self.names:
                try:
                    return self.outside(name)
                except KeyError:
                    pass
        if (
            isinstance(node, ast.Attribute)
            and node.attr == "name"
            and isinstance(node.value, ast.Attribute)
            and node.value.attr == "dialect"
            and self.is_bind(node.value.value)
        ):
            if self.dialect is None:
                raise Unreadable(node, "the database's dialect is not known (set the database's engine)")
            return self.dialect
        if (
            isinstance(node, ast.Call)
            and node.args
            and isinstance(node.func, (ast.Name, ast.Attribute))
            and (self.qualified(node.func) or "") in self.transparent
        ):
            return self.value(node.args[0])
        if isinstance(node, ast.Subscript):
            container, index = self.value(node.value), self.value(node.slice)
            try:
                return container[index]
            except (KeyError, IndexError, TypeError):
                raise Unreadable(node, f"`{short(node)}` has no such item") from None
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            operand = self.value(node.operand)
            if isinstance(operand, (int, float)):
                return -operand
        if isinstance(node, ast.BinOp):
            left, right = self.value(node.left), self.value(node.right)
            if isinstance(node.op, ast.Add) and type(left) is type(right) and isinstance(left, (str, list, int)):
                return left + right
            if isinstance(node.op, ast.Mod) and isinstance(left, str):
                try:
                    return left % (tuple(right) if isinstance(right, list) else right)
                except (TypeError, ValueError, KeyError):
                    pass
        if isinstance(node, ast.JoinedStr):
            pieces = []
            for part in node.values:
                if isinstance(part, ast.Constant):
                    pieces.append(str(part.value))
                elif isinstance(part, ast.FormattedValue) and part.format_spec is None:
                    pieces.append(str(self.value(part.value)))
                else:
                    raise Unreadable(node, "an f-string with a format")
            return "".join(pieces)
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("set", "frozenset", "tuple", "list")
            and node.func.id not in self.constants
            and len(node.args) <= 1
            and not node.keywords
        ):
            items = self.value(node.args[0]) if node.args else []
            return list(items) if isinstance(items, (list, str, dict)) else items
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
            template = self.value(node.func.value)
            if isinstance(template, str):
                args = [self.value(a) for a in node.args]
                kwargs = {k.arg: self.value(k.value) for k in node.keywords if k.arg}
                try:
                    return template.format(*args, **kwargs)
                except (IndexError, KeyError, ValueError):
                    pass
        raise Unreadable(node, f"`{short(node)}` is computed at run time")

    def bind(self, target: ast.expr, value: ast.expr) -> None:
        """Remember `name = <literal>` (or an alias of a qualified name) for the statements after it."""
        if not isinstance(target, ast.Name):
            return
        self.constants.pop(target.id, None)
        self.aliases.pop(target.id, None)
        if self.is_bind(value):
            self.aliases[target.id] = "<bind>"
            return
        try:
            self.constants[target.id] = self.value(value)
        except Unreadable:
            name = self.qualified(value) if isinstance(value, (ast.Name, ast.Attribute)) else None
            if name is not None and "." in name:
                self.aliases[target.id] = name


def _hashable(value: Any) -> Any:
    return tuple(_hashable(v) for v in value) if isinstance(value, list) else value


def keywords(call: ast.Call) -> dict[str, ast.expr]:
    return {k.arg: k.value for k in call.keywords if k.arg is not None}


def short(node: ast.AST, limit: int = 60) -> str:
    try:
        text = " ".join(ast.unparse(node).split())
    except Exception:
        text = type(node).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


def function(tree: ast.Module, name: str) -> ast.FunctionDef | None:
    return next((n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == name), None)


__all__ = ["Scope", "Unreadable", "function", "imports", "keywords", "short"]
