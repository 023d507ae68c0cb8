"""Schema files as a source: SQL scripts in ten dialects, parsed with sqlglot, folded into catalog tables.

The public API:

- `parse_script(text, dialect, file)` → `list[Statement]`: the script split as its client does
  (psql, sqlcmd, SQL*Plus, snowsql, mysql, sqlite3), each statement parsed, with its line.
- `SchemaState(dialect, tables=())`: apply statements in order (`apply`, `apply_all` → `Applied`
  per statement: status, the `Change`s it made, the reason it was skipped); `tables()`,
  `enum_types()`, `extension_list()` read the result back as catalog model objects.
- `read_schema_files(...)` (reader): a database's `connection.ddl` files → a `Database`.
"""

from __future__ import annotations

from .applied import Applied, Change, Status
from .dialects import DIALECTS, NAMES, Dialect, dialect_for_engine, dialect_named
from .state import SchemaState
from .statements import Statement, parse_script

__all__ = [
    "DIALECTS",
    "NAMES",
    "Applied",
    "Change",
    "Dialect",
    "SchemaState",
    "Statement",
    "Status",
    "dialect_for_engine",
    "dialect_named",
    "parse_script",
]
