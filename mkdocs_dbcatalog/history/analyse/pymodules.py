"""Literal values a migration imports from its own project (`SqlTraceInfo.__tablename__`, a module's
`TABLE = "runs"`), read from that module's syntax tree, never imported.

The module is looked for under each folder above the migration file (the project's package root is
one of them); only a literal assigned at the module's top level, or in a class body there, is a
value. Anything else stays unreadable.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

_MISSING = object()


@dataclass
class ProjectModules:
    """Resolves `package.module.Name.attribute` for the migration at `origin`."""

    origin: Path

    def lookup(self, qualified: str) -> Any:
        """The literal a qualified name holds; KeyError when it is not one the project's files say."""
        parts = qualified.split(".")
        for split in (len(parts) - 1, len(parts) - 2):  # module.NAME, or module.Class.NAME
            if split < 1:
                continue
            tree = _module(str(self.origin.resolve().parent), ".".join(parts[:split]))
            if tree is None:
                continue
            found = _literal(tree.body, parts[split:])
            if found is not _MISSING:
                return found
        raise KeyError(qualified)


@lru_cache(maxsize=512)
def _module(folder: str, dotted: str) -> ast.Module | None:
    """The module's tree, found under `folder` or one of the folders above it (cached: every
    revision of a history asks for the same models module)."""
    relative = Path(*dotted.split("."))
    for parent in [Path(folder), *list(Path(folder).parents)[:7]]:
        for candidate in (parent / relative.with_suffix(".py"), parent / relative / "__init__.py"):
            if candidate.is_file():
                try:
                    return ast.parse(candidate.read_bytes().decode("utf-8-sig", errors="replace"))
                except (OSError, SyntaxError, ValueError, RecursionError):
                    return None
    return None


def _literal(body: list[ast.stmt], names: list[str]) -> Any:
    head, rest = names[0], names[1:]
    for node in body:
        if rest and isinstance(node, ast.ClassDef) and node.name == head:
            return _literal(node.body, rest)
        if not rest and isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id == head for t in targets) and node.value is not None:
                try:
                    return ast.literal_eval(node.value)
                except (ValueError, TypeError, SyntaxError, RecursionError):
                    return _MISSING
    return _MISSING


__all__ = ["ProjectModules"]
