"""mkdocs-dbcatalog: a living Database Catalog inside your MkDocs site."""

from __future__ import annotations

from .assemble import Assembled, assemble
from .catalog.model import Catalog, Column, Database, ForeignKey, Index, Table
from .errors import CatalogError, DatabaseError

__all__ = [
    "Assembled",
    "Catalog",
    "CatalogError",
    "Column",
    "Database",
    "DatabaseError",
    "ForeignKey",
    "Index",
    "Table",
    "assemble",
]
