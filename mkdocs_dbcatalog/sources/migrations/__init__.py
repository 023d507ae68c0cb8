"""Migration histories: every common tool's files and bookkeeping table, as catalog model objects."""

from __future__ import annotations

from .base import Applied, FileSet, Found, Resolved, Row
from .detect import detect, evidence
from .history import (
    Bookkeeping,
    MigrationFiles,
    MigrationSource,
    build_history,
    migration_history,
    read_applied_state,
    read_bookkeeping,
    read_files,
    read_migrations,
    source_of,
)
from .tools import TOOLS, Tool

__all__ = [
    "TOOLS",
    "Applied",
    "Bookkeeping",
    "FileSet",
    "Found",
    "MigrationFiles",
    "MigrationSource",
    "Resolved",
    "Row",
    "Tool",
    "build_history",
    "detect",
    "evidence",
    "migration_history",
    "read_applied_state",
    "read_bookkeeping",
    "read_files",
    "read_migrations",
    "source_of",
]
