"""Alembic: what `upgrade()` does, read from its syntax tree.

Every `op.*` directive Alembic documents for schemas is read (`create_table` with its columns and
constraints, `add_column`, `alter_column`, `drop_column`, indexes, keys and constraints, renames,
comments, `batch_alter_table` blocks), with SQLAlchemy types compiled for the database's engine.
`op.execute()` with SQL text goes to the SQL analyser; data statements (`bulk_insert`, `UPDATE`)
change no structure. A statement whose effect depends on the run (a condition, a loop over a
query, a project's helper function, SQL built from variables) is listed as not analysed, and the
rest of the migration is still read.
"""

from __future__ import annotations

import ast
from pathlib import Path

from ...operations import Analysed
from ..pyast import Scope, function, imports
from ..pymodules import ProjectModules
from ..sqlreader import SqlReader
from .walk import Walk


def analyse(file: Path, engine: str | None, sql: SqlReader) -> Analysed:
    """The operations of one revision file's `upgrade()`."""
    try:
        text = file.read_bytes().decode("utf-8-sig", errors="replace")
        tree = ast.parse(text, filename=str(file))
    except (OSError, SyntaxError, ValueError) as problem:
        return Analysed(unread=[f"the file cannot be read as Python ({problem})"], failed=True)
    upgrade = function(tree, "upgrade")
    if upgrade is None:
        return Analysed(unread=["the file has no upgrade() function"], failed=True)
    scope = Scope(
        imports(tree),
        dialect=_SA_DIALECTS.get(engine or ""),
        transparent=_TRANSPARENT,
        binds=_BINDS,
        outside=ProjectModules(file).lookup,
    )
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            scope.bind(node.targets[0], node.value)
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            scope.bind(node.target, node.value)
    reader = Walk(engine, sql, {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)})
    reader.block(upgrade.body, scope, None)
    return reader.result


_SA_DIALECTS = {"postgresql": "postgresql", "mysql": "mysql", "mariadb": "mysql", "sqlite": "sqlite", "mssql": "mssql"}
_TRANSPARENT = frozenset({"alembic.op.f", "alembic.batch.f", "op.f", "sqlalchemy.sql.elements.conv"})
_BINDS = frozenset(
    {"alembic.op.get_bind", "alembic.op.get_context", "alembic.context.get_context", "alembic.batch.get_bind"}
)

__all__ = ["analyse"]
