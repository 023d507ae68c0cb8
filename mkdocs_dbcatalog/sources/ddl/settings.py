"""What a database file says about its schema files; kept apart so that reading YAML never imports sqlglot."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class SchemaFileSettings:
    """What `connection.ddl` and `connection.dialect` say, with the connection's table patterns."""

    pattern: str
    """A file, a folder (searched recursively for *.sql and *.ddl) or a glob, relative to `root`."""
    dialect: str
    """Ours (dialects.DIALECTS)."""
    root: Path = Path()
    """The database file's folder, as for `migrations.path`."""
    schemas: tuple[str, ...] = ()
    """Schemas to keep; empty keeps every schema the files create."""
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()


__all__ = ["SchemaFileSettings"]
