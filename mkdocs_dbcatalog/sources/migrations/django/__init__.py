"""Django migrations: files (`files`), the project's settings (`settings`), the loader's plan
(`loader`), and the reader the tool registry calls (`reader`)."""

from .reader import COLUMNS, FORMS, TABLE, TOOL, read, resolve, rows

__all__ = ["COLUMNS", "FORMS", "TABLE", "TOOL", "read", "resolve", "rows"]
