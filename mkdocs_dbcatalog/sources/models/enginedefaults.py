"""A column default as the engine shows it after CREATE TABLE, from the text the ORM wrote there.

PostgreSQL keeps a default as an expression and shows it deparsed: a string literal becomes a
constant of the column's type (`'0'` on a numeric column is `'0'::numeric`, on an integer one `1`,
on a boolean one `true`); MariaDB shows literals normalised to the column (`0.00` for a
decimal(10,2)) and `current_timestamp()`. Only these well-known forms are rewritten: anything else is
kept as the ORM wrote it, which says the same to a reader.
"""

from __future__ import annotations

import re

_PG_LABELS = {"varchar": "character varying", "character varying": "character varying", "char": "bpchar"}
_TRUE = {"1", "t", "true", "y", "yes", "on"}
_FALSE = {"0", "f", "false", "n", "no", "off"}
_LITERAL = re.compile(r"'((?:[^']|'')*)'")
_NOW = {"now()", "current_timestamp", "current_timestamp()"}


def as_engine_shows(family: str, type_: str | None, default: str | None) -> str | None:
    if default is None or type_ is None:
        return default
    literal = _LITERAL.fullmatch(default.strip())
    if family == "postgresql":
        return _postgresql(type_, literal.group(1).replace("''", "'") if literal else None, default)
    if family == "mysql":
        return _mysql(type_, literal.group(1).replace("''", "'") if literal else None, default)
    return default


def _postgresql(type_: str, value: str | None, default: str) -> str:
    if value is None:
        return default
    base = type_.lower().split("(", 1)[0].strip()
    if base == "boolean" and value.lower() in _TRUE | _FALSE:
        return "true" if value.lower() in _TRUE else "false"
    if base == "integer" and value.isdigit():
        return str(int(value))
    if base == "numeric" and value[:1].isdigit() and any(c in value for c in ".eE"):
        return value
    quoted = value.replace("'", "''")
    return f"'{quoted}'::{_PG_LABELS.get(base, base)}"


def _mysql(type_: str, value: str | None, default: str) -> str:
    if default.strip().lower() in _NOW:
        return "current_timestamp()"
    if value is None:
        return default
    base, _, rest = type_.lower().partition("(")
    base = base.strip()
    if base in ("decimal", "numeric") and re.fullmatch(r"-?\d+(\.\d+)?", value):
        scale = int(rest.rstrip(")").split(",")[1]) if "," in rest else 0
        return f"{float(value):.{scale}f}" if scale else str(int(float(value)))
    if base in ("int", "integer", "bigint", "smallint", "tinyint", "mediumint") and re.fullmatch(r"-?\d+", value):
        return str(int(value))
    quoted = value.replace("'", "''")
    return f"'{quoted}'"


__all__ = ["as_engine_shows"]
