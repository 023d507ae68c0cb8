"""Rails column types (`t.string`, `t.integer limit: 8`) as each adapter creates the column.

From Active Record's own `NATIVE_DATABASE_TYPES` of the PostgreSQL, MySQL and SQLite adapters,
spelled as the database reports the column back (PostgreSQL's `format_type`).
"""

from __future__ import annotations

from typing import Any

_POSTGRESQL = {
    "string": "character varying",
    "text": "text",
    "integer": "integer",
    "bigint": "bigint",
    "float": "double precision",
    "decimal": "numeric",
    "numeric": "numeric",
    "datetime": "timestamp without time zone",
    "timestamp": "timestamp without time zone",
    "timestamptz": "timestamp with time zone",
    "time": "time without time zone",
    "date": "date",
    "binary": "bytea",
    "boolean": "boolean",
    "json": "json",
    "jsonb": "jsonb",
    "uuid": "uuid",
    "inet": "inet",
    "cidr": "cidr",
    "macaddr": "macaddr",
    "hstore": "hstore",
    "citext": "citext",
    "ltree": "ltree",
    "tsvector": "tsvector",
    "interval": "interval",
    "money": "money",
    "point": "point",
    "xml": "xml",
    "bit": "bit",
    "bit_varying": "bit varying",
    "int4range": "int4range",
    "int8range": "int8range",
    "tsrange": "tsrange",
    "tstzrange": "tstzrange",
    "daterange": "daterange",
    "numrange": "numrange",
    "oid": "oid",
}
_MYSQL = {
    "string": "varchar",
    "text": "text",
    "integer": "int",
    "bigint": "bigint",
    "float": "float",
    "decimal": "decimal",
    "numeric": "decimal",
    "datetime": "datetime",
    "timestamp": "timestamp",
    "time": "time",
    "date": "date",
    "binary": "blob",
    "blob": "blob",
    "boolean": "tinyint(1)",
    "json": "json",
}
_SQLITE = {
    "string": "varchar",
    "text": "text",
    "integer": "integer",
    "bigint": "bigint",
    "float": "float",
    "decimal": "decimal",
    "numeric": "decimal",
    "datetime": "datetime",
    "timestamp": "datetime",
    "time": "time",
    "date": "date",
    "binary": "blob",
    "boolean": "boolean",
    "json": "json",
}
_TYPES = {"postgresql": _POSTGRESQL, "mysql": _MYSQL, "mariadb": _MYSQL, "sqlite": _SQLITE}
_MYSQL_INTEGERS = {
    1: "tinyint",
    2: "smallint",
    3: "mediumint",
    4: "int",
    5: "bigint",
    6: "bigint",
    7: "bigint",
    8: "bigint",
}
_MYSQL_TEXTS = [(255, "tinytext"), (65535, "text"), (16777215, "mediumtext")]
_MYSQL_BLOBS = [(255, "tinyblob"), (65535, "blob"), (16777215, "mediumblob")]


def column_type(engine: str, rails: str, options: dict[str, Any], datetime_precision: int | None) -> str:
    """The column type Active Record creates for `t.<rails> ..., <options>` on `engine`.

    `datetime_precision` is the precision a `t.datetime` without `precision:` gets: 6 from Rails 7
    on (`ActiveRecord::Schema[7.0]`), none before.
    """
    known = _TYPES.get(engine, _POSTGRESQL)
    limit, precision, scale = options.get("limit"), options.get("precision", "unset"), options.get("scale")
    if rails in ("datetime", "timestamp", "timestamptz", "time") and precision == "unset":
        precision = datetime_precision if rails != "time" else None
    precision = None if precision == "unset" else precision
    base = known.get(rails, rails)
    if engine in ("mysql", "mariadb"):
        base = _mysql(rails, base, limit)
        limit = None if rails in ("integer", "text", "binary", "blob") else limit
        if rails == "string":
            limit = limit or 255
    elif engine == "postgresql" and rails == "integer" and limit:
        base = {2: "smallint", 8: "bigint"}.get(int(limit), "integer")
        limit = None
    if rails in ("decimal", "numeric") and precision is not None:
        return (
            f"{base}({precision},{scale or 0})" if engine != "sqlite" or scale is not None else f"{base}({precision})"
        )
    if rails in ("datetime", "timestamp", "timestamptz", "time") and precision is not None:
        if engine == "postgresql":
            words = base.split(" ", 1)
            return f"{words[0]}({precision}) {words[1]}" if len(words) > 1 else f"{base}({precision})"
        return f"{base}({precision})"
    if limit is not None and rails in ("string", "bit", "bit_varying"):
        return f"{base}({limit})"
    return base


def _mysql(rails: str, base: str, limit: Any) -> str:
    if rails == "integer":
        return _MYSQL_INTEGERS.get(int(limit), "int") if limit else "int"
    if rails == "text" and limit:
        return next((name for size, name in _MYSQL_TEXTS if int(limit) <= size), "longtext")
    if rails in ("binary", "blob") and limit:
        return next((name for size, name in _MYSQL_BLOBS if int(limit) <= size), "longblob")
    return base


__all__ = ["column_type"]
