"""Generate the benchmark schema: N tables of 8-15 columns with foreign keys, indexes and comments.

Deterministic (seeded), so every run and every engine measures the same shape.
"""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class GenTable:
    name: str
    columns: list[tuple[str, str]]
    """(name, generic type): int, text, varchar, numeric, bool, timestamp."""
    parents: list[tuple[str, str]]
    """(column, parent table) foreign keys to the parent's `id`."""
    unique: list[str]


def generate(count: int, seed: int = 42) -> list[GenTable]:
    rng = random.Random(seed)
    kinds = ["int", "text", "varchar", "numeric", "bool", "timestamp"]
    tables = []
    for i in range(count):
        name = f"t{i:04d}"
        parents: list[tuple[str, str]] = []
        for j in range(rng.randint(0, 3) if i else 0):
            parents.append((f"ref{j}_id", f"t{rng.randrange(i):04d}"))
        width = rng.randint(8, 15)
        columns = [(f"c{k:02d}", rng.choice(kinds)) for k in range(width - 1 - len(parents))]
        unique = [columns[0][0]] if rng.random() < 0.3 and columns[0][1] in ("int", "varchar") else []
        tables.append(GenTable(name, columns, parents, unique))
    return tables


_TYPES = {
    "postgresql": {
        "int": "integer",
        "text": "text",
        "varchar": "varchar(80)",
        "numeric": "numeric(12,2)",
        "bool": "boolean",
        "timestamp": "timestamp",
    },
    "mysql": {
        "int": "int",
        "text": "text",
        "varchar": "varchar(80)",
        "numeric": "decimal(12,2)",
        "bool": "tinyint(1)",
        "timestamp": "datetime",
    },
    "sqlite": {
        "int": "INTEGER",
        "text": "TEXT",
        "varchar": "VARCHAR(80)",
        "numeric": "NUMERIC(12,2)",
        "bool": "BOOLEAN",
        "timestamp": "TIMESTAMP",
    },
}


def ddl(tables: list[GenTable], engine: str) -> list[str]:
    """CREATE statements (and COMMENT ON for PostgreSQL) for one engine."""
    types = _TYPES[engine]
    out: list[str] = []
    for t in tables:
        lines = []
        if engine == "postgresql":
            lines.append("id bigserial PRIMARY KEY")
        elif engine == "mysql":
            lines.append("id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY COMMENT 'Primary key'")
        else:
            lines.append("id INTEGER PRIMARY KEY")
        for col, parent in t.parents:
            ref_type = "INTEGER" if engine == "sqlite" else "bigint"
            comment = f" COMMENT 'Points at {parent}'" if engine == "mysql" else ""
            lines.append(f"{col} {ref_type} NOT NULL{comment}")
        for k, (col, kind) in enumerate(t.columns):
            null = " NOT NULL" if k % 3 == 0 else ""
            default = " DEFAULT 0" if kind == "int" and k % 2 else ""
            comment = f" COMMENT 'Column {col} of {t.name}'" if engine == "mysql" else ""
            lines.append(f"{col} {types[kind]}{null}{default}{comment}")
        for col, parent in t.parents:
            lines.append(f"FOREIGN KEY ({col}) REFERENCES {parent} (id) ON DELETE CASCADE")
        for col in t.unique:
            lines.append(f"UNIQUE ({col})")
        tail = f" COMMENT='Generated table {t.name}'" if engine == "mysql" else ""
        out.append(f"CREATE TABLE {t.name} (\n  " + ",\n  ".join(lines) + f"\n){tail}")
        for col, _ in t.parents:
            out.append(f"CREATE INDEX ix_{t.name}_{col} ON {t.name} ({col})")
        if engine == "postgresql":
            out.append(f"COMMENT ON TABLE {t.name} IS 'Generated table {t.name}'")
            out.append(f"COMMENT ON COLUMN {t.name}.id IS 'Primary key'")
            for col, _ in t.columns[:3]:
                out.append(f"COMMENT ON COLUMN {t.name}.{col} IS 'Column {col} of {t.name}'")
    return out
