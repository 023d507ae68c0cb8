"""The snapshot writer on model objects: what it writes reads back as the same structure, and a
re-run keeps people's text, comments and order while the structure follows the database."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from mkdocs_dbcatalog.catalog.model import (
    CheckConstraint,
    Column,
    Database,
    EnumType,
    Extension,
    ForeignKey,
    Index,
    Partition,
    PrimaryKey,
    Table,
    TableKind,
    TableRef,
    Trigger,
    UniqueConstraint,
)
from mkdocs_dbcatalog.snapshot.writer import Options, snapshot
from mkdocs_dbcatalog.sources.yamlfile import load_file

LIVE = Database(
    name="shop",
    comment="Orders and customers. Costs ${PRICE} in $ dollars.",
    engine="postgresql",
    version="15.4",
    host="db.internal",
    port=5432,
    size_bytes=123_456_789,
    extensions=(Extension("pg_trgm", "text similarity measurement", "1.6", "public"),),
    enums=(EnumType("order_state", ("new", "paid", "shipped")), EnumType("mood", ("ok", "no"), "billing")),
    tables=(
        Table(
            "customers",
            comment="People who buy.",
            row_estimate=1200,
            size_bytes=65536,
            columns=(
                Column("id", "bigint", False, identity="identity always"),
                Column("email", "character varying(320)", False, comment="Login, unique."),
                Column("note", "text", True, default="'n/a'::text"),
            ),
            primary_key=PrimaryKey(("id",), "customers_pkey"),
            indexes=(Index(("lower((email)::text)",), "customers_email_lower", True, "btree"),),
            unique_constraints=(UniqueConstraint(("email",), "customers_email_key"),),
        ),
        Table(
            "orders",
            columns=(
                Column("id", "bigint", False),
                Column("customer_id", "bigint", False),
                Column("state", "order_state", False, default="'new'::order_state"),
                Column("total", "numeric(10,2)", True, generated="price * qty"),
            ),
            primary_key=PrimaryKey(("id",)),
            indexes=(
                Index(("customer_id",), "orders_customer_idx", method="btree", comment="Orders of a customer"),
                Index(("state",), "orders_open_idx", method="btree", predicate="state <> 'shipped'::order_state"),
            ),
            foreign_keys=(
                ForeignKey(
                    ("customer_id",), TableRef("customers"), ("id",), "orders_customer_fk", "CASCADE", "NO ACTION"
                ),
            ),
            check_constraints=(CheckConstraint("total >= 0", "orders_total_check"),),
            triggers=(Trigger("orders_audit", "AFTER", ("INSERT", "UPDATE"), "EXECUTE FUNCTION audit()"),),
            partition_key="RANGE (id)",
            kind=TableKind.PARTITIONED,
            partitions=(Partition("orders_2024", "FOR VALUES FROM (1) TO (1000)", 10, 8192),),
        ),
        Table(
            "open_orders",
            schema="reporting",
            kind=TableKind.VIEW,
            columns=(Column("id", "bigint", True),),
            definition=" SELECT orders.id\n   FROM orders\n  WHERE orders.state <> 'shipped'::order_state;",
        ),
    ),
)


def write(path: Path, live: Database = LIVE, options: Options | None = None) -> tuple[str, list[str]]:
    existing = path.read_text() if path.exists() else None
    text, changes = snapshot(live, existing, options)
    path.write_text(text)
    return text, changes.added + changes.changed + changes.dropped


def described(table: Table) -> Table:
    """The table as a file written from it reads back: database comments become people's text."""
    return replace(
        table,
        purpose=table.purpose or table.comment,
        comment=None,
        columns=tuple(replace(c, description=c.description or c.comment, comment=None) for c in table.columns),
        indexes=tuple(replace(i, purpose=i.purpose or i.comment, comment=None) for i in table.indexes),
    )


def test_a_new_file_reads_back_as_the_same_structure(tmp_path: Path) -> None:
    path = tmp_path / "shop.yml"
    text, _ = write(path)
    assert text.startswith("# Written by `mkdocs-dbcatalog snapshot`.")
    database = load_file(path, "shop.yml", {}).database
    assert database.tables == tuple(described(t) for t in LIVE.tables)
    assert database.description == "Orders and customers. Costs ${PRICE} in $ dollars."
    assert (database.engine, database.version, database.host, database.port, database.size_bytes) == (
        "postgresql", "15.4", "db.internal", 5432, 118 * 1024**2,  # written as people write it: "118 MB"
    )
    assert database.enums == LIVE.enums
    assert database.extensions == LIVE.extensions
    assert "    purpose:\n" in text, "an undescribed table gets an empty purpose to fill in"
    assert "      id:\n        type: bigint\n        nullable: false\n        identity: identity always\n" \
        "        description:\n" in text


def test_rerun_on_an_unchanged_database_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "shop.yml"
    first, _ = write(path)
    second, changes = write(path)
    assert second == first
    assert changes == []


HAND_EDITED = """\
# Our shop database. Owned by the orders team.
database: shop
service: order-service           # who to call
description: Where orders live.
engine: postgresql
version: '15.4'
host: db.internal
port: 5432
size: 123456789
connection:
  url: ${SHOP_DATABASE_URL:-}
extensions:
  pg_trgm: {purpose: Fuzzy search on names, version: '1.6', schema: public}
tables:
  # Orders come first in this file, on purpose.
  orders:
    purpose: One row per order.   # see ops/orders.md
    kind: partitioned table
    columns:
      total: {type: 'numeric(10,2)', nullable: true, generated: price * qty, description: Sum of the lines}
      state: Lifecycle state     # shorthand kept as text
      customer_id: {type: bigint, nullable: false, references: customers(id)}
      id: {type: bigint, nullable: false}
      legacy_code: {type: text, description: Code from the old system}
    primary_key: [id]
    indexes:
      - {name: orders_customer_idx, columns: [customer_id], type: btree, purpose: Our own words}
      - {name: orders_legacy_idx, columns: [legacy_code], purpose: Lookups by old code}
    check_constraints_note: x
  customers: People who buy.
  reporting.open_orders:
    purpose: Orders not shipped yet.
  archive.old_orders:
    purpose: Outside what the snapshot reads.
references:
  - from: orders.customer_id
    to: crm/people.id
backup: {frequency: Hourly}
"""


def test_rerun_keeps_people_text_comments_and_order(tmp_path: Path) -> None:
    path = tmp_path / "shop.yml"
    path.write_text(HAND_EDITED.replace("    check_constraints_note: x\n", ""))
    orders = LIVE.tables[1]
    changed = replace(
        orders,
        columns=(
            *orders.columns[:3],
            replace(orders.columns[3], type="numeric(12,2)", nullable=False),
            Column("shipped_at", "timestamp with time zone", True, comment="When it left"),
        ),
    )
    live = replace(LIVE, tables=(LIVE.tables[0], changed, LIVE.tables[2]))
    text, changes = snapshot(live, path.read_text(), in_scope=lambda key: not key.startswith("archive."))
    path.write_text(text)

    for kept in (
        "# Our shop database. Owned by the orders team.\n",
        "service: order-service           # who to call\n",
        "description: Where orders live.\n",
        "  url: ${SHOP_DATABASE_URL:-}\n",
        "  pg_trgm: {purpose: Fuzzy search on names, version: '1.6', schema: public}\n",
        "  # Orders come first in this file, on purpose.\n  orders:\n"
        "    purpose: One row per order.   # see ops/orders.md\n",
        "      - {name: orders_customer_idx, columns: [customer_id], type: btree, purpose: Our own words}\n",
        "    purpose: Orders not shipped yet.\n",
        "  archive.old_orders:\n    purpose: Outside what the snapshot reads.\n",
        "references:\n  - from: orders.customer_id\n    to: crm/people.id\nbackup: {frequency: Hourly}\n",
    ):
        assert kept in text, kept
    # The order people chose: orders before customers, and their column order, new column after its neighbour.
    assert text.index("  orders:") < text.index("  customers:") < text.index("  reporting.open_orders:")
    block = text.split("    columns:\n")[1].split("    primary_key")[0]
    columns = [line.split(":")[0].strip() for line in block.splitlines() if re.match(r"^ {6}\w", line)]
    assert columns == ["total", "shipped_at", "state", "customer_id", "id"]
    assert (
        "total: {type: 'numeric(12,2)', nullable: false, generated: price * qty, description: Sum of the lines}"
    ) in text
    assert (
        "      state:                     # shorthand kept as text\n"
        "        type: order_state\n        nullable: false\n"
        "        default: \"'new'::order_state\"\n        description: Lifecycle state\n"
    ) in text
    assert "references: customers(id)}" not in text.split("    primary_key")[0], "the column flag became a table key"

    database = load_file(path, "shop.yml", {"SHOP_DATABASE_URL": ""}).database
    table = database.table("orders")
    assert table is not None
    assert table.column("legacy_code") is None
    shipped = Column("shipped_at", "timestamp with time zone", True, description="When it left")
    assert table.column("shipped_at") == shipped
    assert table.column("state") == Column("state", "order_state", False, "'new'::order_state", "Lifecycle state")
    assert [fk.target.key for fk in table.foreign_keys] == ["customers"], "one foreign key, not two"
    assert [(i.name, i.purpose) for i in table.indexes] == [
        ("orders_customer_idx", "Our own words"),
        ("orders_open_idx", None),
    ]
    assert database.table("customers").purpose == "People who buy."  # type: ignore[union-attr]
    assert database.table("archive.old_orders") is not None

    assert changes.changed == [
        "column orders.total: type numeric(10,2) → numeric(12,2)",
        "column orders.total: now NOT NULL",
    ]
    assert changes.dropped == [
        "column orders.legacy_code (its description was: 'Code from the old system')",
        "index orders_legacy_idx of orders (its purpose was: 'Lookups by old code')",
    ]
    assert "column orders.shipped_at" in changes.added
    assert "index orders_open_idx of orders" in changes.added


def test_dropped_table_is_reported_with_the_text_written_on_it(tmp_path: Path) -> None:
    path = tmp_path / "shop.yml"
    write(path)
    text = path.read_text().replace("    purpose: People who buy.\n", "    purpose: Buyers.\n")
    text = text.replace("        description: Login, unique.\n", "        description: Their login.\n")
    without = replace(LIVE, tables=LIVE.tables[1:])
    _, changes = snapshot(without, text)
    assert changes.dropped == [
        "table customers (its purpose was: 'Buyers.') (descriptions of 1 column(s): email)",
    ]


def test_statistics_can_be_left_out(tmp_path: Path) -> None:
    path = tmp_path / "shop.yml"
    write(path)
    text, _ = write(path, options=Options(statistics=False))
    assert "row_estimate" not in text and "size:" not in text
    assert "name: orders_2024, bound: FOR VALUES FROM (1) TO (1000)}" in text


def test_a_new_file_can_name_its_url_by_variable(tmp_path: Path) -> None:
    options = Options(connection_url="${SHOP_DATABASE_URL:-}", connection={"schemas": ["public", "reporting"]})
    text, _ = snapshot(LIVE, None, options)
    assert "connection:\n  url: ${SHOP_DATABASE_URL:-}\n  schemas: [public, reporting]\n" in text


def test_rerun_keeps_relations_and_viewpoints(tmp_path: Path) -> None:
    """What people declare on top of the structure survives a snapshot, comments and all."""
    path = tmp_path / "shop.yml"
    write(path)
    declared = (
        "relations:  # no foreign key in the database for these\n"
        "  - {from: orders.customer_id, to: customers.id, description: Who ordered}\n"
        "viewpoints:\n"
        "  - name: Sales\n"
        "    description: Customers and what they order.\n"
        "    tables: [customers, \"order*\"]\n"
        "    distance: 1\n"
        "    groups:\n"
        "      - {name: Orders, tables: [\"order*\"]}\n"
    )
    path.write_text(path.read_text() + declared)
    smaller = replace(LIVE, tables=LIVE.tables[:2])
    text, changes = write(path, smaller)
    assert declared in text
    assert changes  # the dropped tables were removed around them
    database = load_file(path, "shop.yml", {}).database
    assert [(r.source.key, r.columns, r.target.key, r.description) for r in database.relations] == [
        ("orders", ("customer_id",), "customers", "Who ordered")
    ]
    (sales,) = database.viewpoints
    assert (sales.name, sales.tables, sales.distance, sales.groups[0].name) == (
        "Sales", ("customers", "order*"), 1, "Orders"
    )
