"""The drift the merge finds beyond what the YAML lacks: types and nullability that changed, and
tables and columns the database gained since a file that writes the structure out was written."""

from __future__ import annotations

from pathlib import Path

from mkdocs_dbcatalog.catalog.model import Column, Database, Origin, PrimaryKey, Table
from mkdocs_dbcatalog.merge import merge_database, same_type
from mkdocs_dbcatalog.sources.yamlfile import load_file

LIVE = Database(
    name="shop",
    engine="postgresql",
    origin=Origin.LIVE,
    tables=(
        Table(
            "orders",
            columns=(
                Column("id", "bigint", False),
                Column("total", "numeric(12,2)", True),
                Column("status", "character varying(20)", False),
                Column("note", "text", True),
            ),
            primary_key=PrimaryKey(("id",)),
        ),
        Table("refunds", columns=(Column("id", "bigint", False),)),
    ),
)


def drift(tmp_path: Path, text: str) -> list[tuple[str, str, str | None, str]]:
    path = tmp_path / "shop.yml"
    path.write_text(text, encoding="utf-8")
    item = load_file(path, "shop.yml", {"URL": "postgresql://u@h/shop"})
    _, found = merge_database(item, LIVE)
    return [(d.kind, d.table, d.name, where) for d, where in found]


def test_changed_type_and_nullability_and_what_the_database_gained(tmp_path: Path) -> None:
    found = drift(
        tmp_path,
        """\
database: shop
connection: ${URL}
tables:
  orders:
    columns:
      id: {type: int8, nullable: false}
      total: {type: "numeric(10, 2)", nullable: false}
      status: {type: VARCHAR(20)}
""",
    )
    assert found == [
        ("type", "orders", "total", "shop.yml:7"),
        ("nullable", "orders", "total", "shop.yml:7"),
        ("added_column", "orders", "note", "shop.yml:6"),
        ("added_table", "refunds", None, "shop.yml:4"),
    ]


def test_a_file_that_only_describes_gains_nothing(tmp_path: Path) -> None:
    """Without types the file does not claim to list the structure: new tables are not drift."""
    found = drift(
        tmp_path,
        """\
database: shop
connection: ${URL}
tables:
  orders:
    purpose: One row per order.
    columns:
      total: The sum.
""",
    )
    assert found == []


def test_same_type_ignores_spelling_not_meaning() -> None:
    assert same_type("int", "integer") and same_type("INT(11)", "int") and same_type("int8", "bigint")
    assert same_type("varchar(20)", "character varying(20)") and same_type("decimal(10, 2)", "numeric(10,2)")
    assert same_type("timestamptz", "timestamp with time zone") and same_type("Text", "text")
    assert not same_type("numeric(10,2)", "numeric(12,2)")
    assert not same_type("varchar(20)", "varchar(40)")
    assert not same_type("text", "character varying")
    assert not same_type("timestamp", "timestamp with time zone")
