"""Django model fields as the columns each database backend makes of them.

The types are Django's own `DatabaseWrapper.data_types` for PostgreSQL, SQLite and MySQL/MariaDB
(a test compares this table with the installed Django), so a history read without Django
installed names the types the database has. Fields from other packages (`StreamField`,
`ParentalKey`) keep their column with the type unknown.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

_POSTGRESQL = {
    "AutoField": "integer",
    "BigAutoField": "bigint",
    "BinaryField": "bytea",
    "BooleanField": "boolean",
    "CharField": "varchar(%(max_length)s)",
    "DateField": "date",
    "DateTimeField": "timestamp with time zone",
    "DecimalField": "numeric(%(max_digits)s, %(decimal_places)s)",
    "DurationField": "interval",
    "FileField": "varchar(%(max_length)s)",
    "FilePathField": "varchar(%(max_length)s)",
    "FloatField": "double precision",
    "IntegerField": "integer",
    "BigIntegerField": "bigint",
    "IPAddressField": "inet",
    "GenericIPAddressField": "inet",
    "JSONField": "jsonb",
    "OneToOneField": "integer",
    "PositiveBigIntegerField": "bigint",
    "PositiveIntegerField": "integer",
    "PositiveSmallIntegerField": "smallint",
    "SlugField": "varchar(%(max_length)s)",
    "SmallAutoField": "smallint",
    "SmallIntegerField": "smallint",
    "TextField": "text",
    "TimeField": "time",
    "UUIDField": "uuid",
}
_SQLITE = {
    "AutoField": "integer",
    "BigAutoField": "integer",
    "BinaryField": "BLOB",
    "BooleanField": "bool",
    "CharField": "varchar(%(max_length)s)",
    "DateField": "date",
    "DateTimeField": "datetime",
    "DecimalField": "decimal",
    "DurationField": "bigint",
    "FileField": "varchar(%(max_length)s)",
    "FilePathField": "varchar(%(max_length)s)",
    "FloatField": "real",
    "IntegerField": "integer",
    "BigIntegerField": "bigint",
    "IPAddressField": "char(15)",
    "GenericIPAddressField": "char(39)",
    "JSONField": "text",
    "OneToOneField": "integer",
    "PositiveBigIntegerField": "bigint unsigned",
    "PositiveIntegerField": "integer unsigned",
    "PositiveSmallIntegerField": "smallint unsigned",
    "SlugField": "varchar(%(max_length)s)",
    "SmallAutoField": "integer",
    "SmallIntegerField": "smallint",
    "TextField": "text",
    "TimeField": "time",
    "UUIDField": "char(32)",
}
_MYSQL = {
    "AutoField": "integer",
    "BigAutoField": "bigint",
    "BinaryField": "longblob",
    "BooleanField": "bool",
    "CharField": "varchar(%(max_length)s)",
    "DateField": "date",
    "DateTimeField": "datetime(6)",
    "DecimalField": "numeric(%(max_digits)s, %(decimal_places)s)",
    "DurationField": "bigint",
    "FileField": "varchar(%(max_length)s)",
    "FilePathField": "varchar(%(max_length)s)",
    "FloatField": "double precision",
    "IntegerField": "integer",
    "BigIntegerField": "bigint",
    "IPAddressField": "char(15)",
    "GenericIPAddressField": "char(39)",
    "JSONField": "json",
    "OneToOneField": "integer",
    "PositiveBigIntegerField": "bigint UNSIGNED",
    "PositiveIntegerField": "integer UNSIGNED",
    "PositiveSmallIntegerField": "smallint UNSIGNED",
    "SlugField": "varchar(%(max_length)s)",
    "SmallAutoField": "smallint",
    "SmallIntegerField": "smallint",
    "TextField": "longtext",
    "TimeField": "time(6)",
    "UUIDField": "char(32)",
}
DATA_TYPES: Mapping[str, Mapping[str, str]] = {"postgresql": _POSTGRESQL, "sqlite": _SQLITE, "mysql": _MYSQL}
"""Backend → Django field type → column type (`data_types` of each backend, auto-increment suffixes aside)."""

AUTO_FIELDS = {"AutoField", "BigAutoField", "SmallAutoField"}
AUTO_IDENTITY = {"postgresql": "identity by default", "sqlite": "autoincrement", "mysql": "auto_increment"}

# Field classes → the internal type whose column they use (Field.get_internal_type()).
_INTERNAL = {
    "EmailField": "CharField",
    "URLField": "CharField",
    "CommaSeparatedIntegerField": "CharField",
    "ImageField": "FileField",
    "NullBooleanField": "BooleanField",
    "ForeignKey": "ForeignKey",
    "OneToOneField": "OneToOneField",
    "ManyToManyField": "ManyToManyField",
}
_DEFAULT_LENGTHS = {
    "EmailField": 254,
    "URLField": 200,
    "SlugField": 50,
    "FileField": 100,
    "ImageField": 100,
    "FilePathField": 100,
    "IPAddressField": 15,
}
RELATIONS = {"ForeignKey", "OneToOneField", "ManyToManyField", "ForeignObject"}


def backend(engine: str | None) -> str:
    return {"sqlite": "sqlite", "mysql": "mysql", "mariadb": "mysql"}.get(engine or "", "postgresql")


def internal_type(kind: str) -> str:
    return _INTERNAL.get(kind, kind)


def column_type(kind: str, options: Mapping[str, Any], engine: str | None) -> str | None:
    """The column type of a (non-relation) field, or None for a class Django does not ship."""
    vendor = backend(engine)
    if kind == "ArrayField":
        base = options.get("base_field")
        inner = column_type(base[0], base[1], engine) if isinstance(base, tuple) else None
        return f"{inner}[]" if inner and vendor == "postgresql" else None
    if kind == "HStoreField":
        return "hstore"
    if kind in ("CICharField", "CIEmailField", "CITextField"):
        return "citext"
    internal = internal_type(kind)
    template = DATA_TYPES[vendor].get(internal)
    if template is None:
        return None
    values = dict(options)
    if "max_length" not in values and kind in _DEFAULT_LENGTHS:
        values["max_length"] = _DEFAULT_LENGTHS[kind]
    if internal == "CharField" and values.get("max_length") is None:
        return "varchar"
    try:
        return template % values
    except (KeyError, TypeError, ValueError):
        return None


__all__ = ["AUTO_FIELDS", "AUTO_IDENTITY", "DATA_TYPES", "RELATIONS", "backend", "column_type", "internal_type"]
