"""The registry of migration tools: for each, how to read its files and its bookkeeping table."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from . import alembic, dbmate, django, flyway, golang_migrate, goose, liquibase, prisma, rails
from .base import Applied, FileSet, Resolved, Row


@dataclass(frozen=True)
class Tool:
    name: str
    table: str
    """Default name of the bookkeeping table."""
    columns: tuple[str, ...]
    """Columns read when present (lower case; matched case-insensitively)."""
    required: tuple[str, ...]
    """Columns without which the table is not this tool's."""
    read: Callable[[Path], FileSet]
    rows: Callable[[Iterable[Mapping[str, Any]]], list[Row]]
    resolve: Callable[[FileSet, Applied | None], Resolved]


def _tool(module: ModuleType) -> Tool:
    return Tool(
        name=module.TOOL,
        table=module.TABLE,
        columns=module.COLUMNS,
        required=getattr(module, "REQUIRED", module.COLUMNS[:1]),
        read=module.read,
        rows=module.rows,
        resolve=module.resolve,
    )


TOOLS: dict[str, Tool] = {
    t.name: t for t in map(_tool, (alembic, django, flyway, golang_migrate, prisma, rails, dbmate, goose, liquibase))
}
