"""Public schema scripts in the dialects with no server here, read into golden catalogs checked by hand.

The golden files (`golden/<dialect>.txt`, one line per table, column, key, index and constraint) were
checked against the scripts once; `UPDATE_GOLDEN=1 pytest tests/ddl/test_dialect_files.py` writes
them again, and the diff is what a change did. Whatever the golden says, every CREATE TABLE of a
script must be a table of its catalog, and nothing may be skipped but the Snowflake script's
`use schema &{var}` lines, whose variables snowsql takes from its command line.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from mkdocs_dbcatalog.catalog.model import Database, TableKind
from mkdocs_dbcatalog.sources.ddl import SchemaFileSettings, read_schema_files

from ..conftest import DATASETS

GOLDEN = Path(__file__).parent / "golden"
FILES = {
    "tsql": "ddl/tsql/adventureworks_oltp_schema.sql",
    "oracle": "ddl/oracle/hr_create.sql",
    "snowflake": "ddl/snowflake/dcdf_tpch_derived_tables.sql",
    "bigquery": "ddl/bigquery/agentic_beans_raw_tables.sql",
    "redshift": "ddl/redshift/tpch_derived_10gb_ddl.sql",
    "clickhouse": "ddl/clickhouse/hits_visits_create.sql",
}
CREATE_TABLE = re.compile(
    r"(?im)^[ \t]*create\s+(?:or\s+replace\s+)?(?:transient\s+)?table\s+(?:if\s+not\s+exists\s+)?([^\s(]+)"
)
SKIPPED = {"snowflake": 17}
"""`use schema &{l_raw_schema};`: snowsql substitutes it from its command line; the script never defines it."""


def render(database: Database) -> str:
    lines = []
    for table in database.tables:
        head = f"{table.key} [{table.kind.value}]"
        if table.comment:
            head += f" -- {' '.join(table.comment.split())}"
        lines.append(head)
        if table.incomplete:
            lines.append(f"  ! incomplete: {table.incomplete}")
        for c in table.columns:
            parts = [f"  {c.name}", c.type or "?", "NULL" if c.nullable else "NOT NULL" if c.nullable is False else ""]
            parts += [f"DEFAULT {c.default}" if c.default else "", c.identity or ""]
            parts += [
                f"AS ({c.generated})" if c.generated else "",
                f"-- {' '.join(c.comment.split())}" if c.comment else "",
            ]
            lines.append(" ".join(p for p in parts if p))
        if table.primary_key:
            lines.append(f"  PK {table.primary_key.name or ''} ({', '.join(table.primary_key.columns)})")
        for fk in table.foreign_keys:
            lines.append(
                f"  FK {fk.name or ''} ({', '.join(fk.columns)}) -> {fk.target.key}({', '.join(fk.target_columns)})"
                f" ON DELETE {fk.on_delete} ON UPDATE {fk.on_update}"
            )
        for u in table.unique_constraints:
            lines.append(f"  UNIQUE {u.name or ''} ({', '.join(u.columns)})")
        for check in table.check_constraints:
            lines.append(f"  CHECK {check.name or ''} ({' '.join(check.expression.split())})")
        for index in table.indexes:
            kind = "UNIQUE INDEX" if index.unique else "INDEX"
            lines.append(f"  {kind} {index.name} ({', '.join(index.columns)}) {index.method or ''}".rstrip())
        for trigger in table.triggers:
            lines.append(f"  TRIGGER {trigger.name} {trigger.timing} {' OR '.join(trigger.events)}")
        if table.partition_key:
            lines.append(f"  PARTITION BY {' '.join(table.partition_key.split())}")
        if table.definition:
            lines.append(f"  AS {' '.join(table.definition.split())[:160]}")
    for file in database.schema_files:
        for skipped in file.skipped:
            lines.append(f"skipped line {skipped.line}: {skipped.reason}")
    return "\n".join(lines) + "\n"


def bare(name: str) -> str:
    """A table name as the file writes it, without quotes and without its schema or dataset."""
    return re.sub(r"[`\"\[\]]", "", name).split(".")[-1].lower()


@pytest.mark.parametrize("dialect", list(FILES))
def test_public_schema_script_reads_into_its_golden_catalog(dialect: str) -> None:
    path = DATASETS / FILES[dialect]
    database = read_schema_files("sample", SchemaFileSettings(path.name, dialect, path.parent), path.parent, "t.yml")
    text = render(database)
    golden = GOLDEN / f"{dialect}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")

    created = sorted(bare(name) for name in CREATE_TABLE.findall(path.read_text(encoding="utf-8-sig")))
    tables = sorted(t.name.lower() for t in database.tables if t.kind is not TableKind.VIEW)
    assert tables == created and created
    assert len(database.schema_files[0].skipped) == SKIPPED.get(dialect, 0)
