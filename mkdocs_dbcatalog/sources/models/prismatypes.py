"""Prisma's scalar and native (`@db.*`) types as each provider's database spells the column.

The defaults are Prisma's own mapping (the Prisma ORM reference, "Model field scalar types"):
`String` is `text` on PostgreSQL and `varchar(191)` on MySQL, `DateTime` is `timestamp(3)` and
`datetime(3)`. The spelling is the one the database reports back (PostgreSQL's `format_type`,
MySQL 8's `COLUMN_TYPE`, without the integer display widths MariaDB adds), so a catalog read
from the schema reads like the live one.
"""

from __future__ import annotations

from collections.abc import Sequence

_DEFAULTS = {
    "postgresql": {
        "String": "text",
        "Boolean": "boolean",
        "Int": "integer",
        "BigInt": "bigint",
        "Float": "double precision",
        "Decimal": "numeric(65,30)",
        "DateTime": "timestamp(3) without time zone",
        "Json": "jsonb",
        "Bytes": "bytea",
    },
    "mysql": {
        "String": "varchar(191)",
        "Boolean": "tinyint(1)",
        "Int": "int",
        "BigInt": "bigint",
        "Float": "double",
        "Decimal": "decimal(65,30)",
        "DateTime": "datetime(3)",
        "Json": "json",
        "Bytes": "longblob",
    },
    "sqlite": {
        "String": "TEXT",
        "Boolean": "BOOLEAN",
        "Int": "INTEGER",
        "BigInt": "BIGINT",
        "Float": "REAL",
        "Decimal": "DECIMAL",
        "DateTime": "DATETIME",
        "Json": "JSONB",
        "Bytes": "BLOB",
    },
    "sqlserver": {
        "String": "nvarchar(1000)",
        "Boolean": "bit",
        "Int": "int",
        "BigInt": "bigint",
        "Float": "float(53)",
        "Decimal": "decimal(32,16)",
        "DateTime": "datetime2",
        "Json": "nvarchar(1000)",
        "Bytes": "varbinary(max)",
    },
    "mongodb": {
        "String": "String",
        "Boolean": "Boolean",
        "Int": "Int",
        "BigInt": "Long",
        "Float": "Double",
        "Decimal": "Decimal128",
        "DateTime": "Date",
        "Json": "Object",
        "Bytes": "BinData",
    },
}

# Native types: the attribute's name, lower-cased, to the spelling; `{}` takes the arguments.
_NATIVE = {
    "postgresql": {
        "text": "text",
        "char": "character({})",
        "varchar": "character varying{}",
        "bit": "bit({})",
        "varbit": "bit varying{}",
        "uuid": "uuid",
        "xml": "xml",
        "inet": "inet",
        "citext": "citext",
        "boolean": "boolean",
        "integer": "integer",
        "smallint": "smallint",
        "oid": "oid",
        "bigint": "bigint",
        "doubleprecision": "double precision",
        "real": "real",
        "decimal": "numeric{}",
        "money": "money",
        "timestamp": "timestamp{} without time zone",
        "timestamptz": "timestamp{} with time zone",
        "date": "date",
        "time": "time{} without time zone",
        "timetz": "time{} with time zone",
        "json": "json",
        "jsonb": "jsonb",
        "bytea": "bytea",
    },
    "mysql": {
        "varchar": "varchar{}",
        "text": "text",
        "char": "char{}",
        "tinytext": "tinytext",
        "mediumtext": "mediumtext",
        "longtext": "longtext",
        "bit": "bit{}",
        "tinyint": "tinyint{}",
        "unsignedtinyint": "tinyint{} unsigned",
        "smallint": "smallint{}",
        "unsignedsmallint": "smallint{} unsigned",
        "mediumint": "mediumint{}",
        "unsignedmediumint": "mediumint{} unsigned",
        "int": "int{}",
        "unsignedint": "int{} unsigned",
        "bigint": "bigint{}",
        "unsignedbigint": "bigint{} unsigned",
        "float": "float",
        "double": "double",
        "decimal": "decimal{}",
        "datetime": "datetime{}",
        "date": "date",
        "time": "time{}",
        "timestamp": "timestamp{}",
        "year": "year(4)",
        "json": "json",
        "binary": "binary{}",
        "varbinary": "varbinary{}",
        "tinyblob": "tinyblob",
        "blob": "blob",
        "mediumblob": "mediumblob",
        "longblob": "longblob",
    },
    "mongodb": {"objectid": "ObjectId", "string": "String", "long": "Long", "int": "Int", "double": "Double"},
}


def provider_family(provider: str) -> str:
    """The mapping a provider uses: CockroachDB is PostgreSQL's."""
    return {"cockroachdb": "postgresql", "postgres": "postgresql"}.get(provider, provider)


def scalar_type(provider: str, scalar: str) -> str | None:
    return _DEFAULTS.get(provider_family(provider), {}).get(scalar)


def native_type(provider: str, name: str, arguments: Sequence[str]) -> str | None:
    """`@db.VarChar(255)` on `provider`, as the database spells it; None for a type not known here."""
    family = provider_family(provider)
    pattern = _NATIVE.get(family, {}).get(name.lower())
    if pattern is None:
        return None
    args = f"({','.join(arguments)})" if arguments else ""
    if pattern.endswith("({})") and not arguments:
        return pattern[:-4]
    return pattern.replace("{}", args)


__all__ = ["native_type", "provider_family", "scalar_type"]
