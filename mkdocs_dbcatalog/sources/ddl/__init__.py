"""Schema files as a source: SQL scripts in ten dialects, parsed with sqlglot, folded into catalog tables.

The public API:

- `parse_script(text, dialect, file)` → `list[Statement]`: the script split as its client does
  (psql, sqlcmd, SQL*Plus, snowsql, mysql, sqlite3), each statement parsed, with its line.
- `SchemaState(dialect, tables=())`: apply statements in order (`apply`, `apply_all` → `Applied`
  per statement: status, the `Change`s it made, the reason it was skipped); `tables()`,
  `enum_types()`, `extension_list()` read the result back as catalog model objects.
- `read_schema_files(name, settings, base)` (reader): a database's `connection.ddl` files → a `Database`.

sqlglot is imported on first use, so sites without schema files do not pay for it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .dialects import DIALECTS, NAMES, Dialect, dialect_for_engine, dialect_named
from .settings import SchemaFileSettings

if TYPE_CHECKING:
    from .applied import Applied, Change, Status
    from .reader import read_schema_files
    from .state import SchemaState
    from .statements import Statement, parse_script

_LAZY = {
    "Applied": "applied",
    "Change": "applied",
    "Status": "applied",
    "SchemaState": "state",
    "Statement": "statements",
    "parse_script": "statements",
    "read_schema_files": "reader",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(name)
    return getattr(importlib.import_module(f".{module}", __name__), name)


__all__ = [
    "DIALECTS",
    "NAMES",
    "Applied",
    "Change",
    "Dialect",
    "SchemaFileSettings",
    "SchemaState",
    "Statement",
    "Status",
    "dialect_for_engine",
    "dialect_named",
    "parse_script",
    "read_schema_files",
]
