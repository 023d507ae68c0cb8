"""Merging a live read with its YAML file, and the JSON form of a read kept on disk."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from mkdocs_dbcatalog.cache import DamagedCache, load, save
from mkdocs_dbcatalog.catalog.codec import from_data, to_data
from mkdocs_dbcatalog.catalog.model import (
    Column,
    Database,
    EnumType,
    Extension,
    ForeignKey,
    Index,
    Origin,
    Partition,
    PrimaryKey,
    Table,
    TableKind,
    TableRef,
)
from mkdocs_dbcatalog.merge import merge_database
from mkdocs_dbcatalog.sources.yamlfile import load_file

LIVE = Database(
    name="",
    comment="The shop database",
    engine="postgresql",
    version="15.4",
    host="10.0.0.5",
    port=5432,
    url="postgresql://app:****@10.0.0.5:5432/shop",
    schemas=("public",),
    size_bytes=123456,
    extensions=(Extension("pg_trgm", "text similarity", "1.6", "public"),),
    enums=(EnumType("state", ("new", "paid")),),
    origin=Origin.LIVE,
    read_at=datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc),
    tables=(
        Table(
            "orders",
            comment="Orders table",
            row_estimate=10,
            columns=(
                Column("id", "integer", False, identity="identity always"),
                Column("state", "state", True, "'new'::state", comment="Order state"),
            ),
            primary_key=PrimaryKey(("id",), "orders_pkey"),
            indexes=(Index(("state",), "orders_state", method="btree"),),
            foreign_keys=(ForeignKey(("id",), TableRef("customers", "crm"), ("id",), "fk", "CASCADE", "NO ACTION"),),
        ),
        Table(
            "events",
            kind=TableKind.PARTITIONED,
            partition_key="RANGE (at)",
            partitions=(Partition("events_2026", "FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')", 5, 8192),),
        ),
    ),
)


def described(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "shop.yml"
    path.write_text(text, encoding="utf-8")
    return load_file(path, "catalog/shop.yml", {"URL": "postgresql://app:pw@10.0.0.5/shop"})


def test_yaml_adds_words_and_live_keeps_structure(tmp_path: Path) -> None:
    item = described(
        tmp_path,
        """\
database: shop
service: shop-service
description: Orders.
host: db.internal
connection:
  url: ${URL}
extensions:
  pg_trgm: Fuzzy search on names
tables:
  orders:
    purpose: One row per order.
    columns:
      state:
        description: Where the order is.
        type: varchar
""",
    )
    merged, drift = merge_database(item, LIVE)
    # The live type wins; a file that writes types claims the structure, so what differs or is missing is drift.
    assert [(d.kind, d.table, d.name) for d, _ in drift] == [
        ("type", "orders", "state"),
        ("added_column", "orders", "id"),
        ("added_table", "events", None),
    ]
    assert (merged.name, merged.service, merged.description, merged.comment) == (
        "shop",
        "shop-service",
        "Orders.",
        "The shop database",
    )
    assert merged.host == "db.internal" and merged.port == 5432 and merged.version == "15.4"
    assert merged.origin is Origin.LIVE and merged.read_at == LIVE.read_at
    orders = merged.table("orders")
    assert orders is not None and orders.purpose == "One row per order." and orders.comment == "Orders table"
    state = orders.column("state")
    assert state is not None
    assert (state.type, state.description, state.comment) == ("state", "Where the order is.", "Order state")
    assert merged.extensions[0].purpose == "Fuzzy search on names" and merged.extensions[0].version == "1.6"
    assert merged.table("events") == LIVE.table("events")


def test_what_the_database_lacks_is_drift_at_its_line(tmp_path: Path) -> None:
    item = described(
        tmp_path,
        """\
database: shop
connection:
  url: ${URL}
  exclude: ["tmp_*"]
extensions:
  postgis: Maps
tables:
  orders:
    columns:
      id: {nullable: true}
      stat: Typo of state.
    indexes:
      - {name: orders_gone, columns: [state]}
    foreign_keys:
      - {columns: [id], references: "crm.customers(id)", description: Owner}
      - {columns: [id], references: states}
  tmp_scratch: Left out on purpose.
  ordres: Another typo.
""",
    )
    merged, drift = merge_database(item, LIVE)
    found = {(d.kind, d.table, d.name): where for d, where in drift}
    assert found == {
        ("column", "orders", "stat"): "catalog/shop.yml:11",
        ("nullable", "orders", "id"): "catalog/shop.yml:10",
        ("index", "orders", "orders_gone"): "catalog/shop.yml:13",
        ("foreign_key", "orders", "id"): "catalog/shop.yml:16",
        ("table", "tmp_scratch", None): "catalog/shop.yml:17",
        ("table", "ordres", None): "catalog/shop.yml:18",
        ("extension", "—", "postgis"): "catalog/shop.yml:6",
    }
    messages = {d.name or d.table: d.message for d, _ in drift}
    assert "did you mean 'state'?" in messages["stat"]
    assert "did you mean" not in messages["ordres"]  # orders is described already: not the table meant
    assert "exclude patterns leave it out" in messages["tmp_scratch"]
    assert merged.drift == tuple(d for d, _ in drift)
    assert merged.table("orders").foreign_keys[0].description == "Owner"  # type: ignore[union-attr]


def test_a_read_survives_the_disk_cache_exactly(tmp_path: Path) -> None:
    assert from_data(Database, to_data(LIVE)) == LIVE
    save(tmp_path, LIVE.__class__(**{**{f: getattr(LIVE, f) for f in LIVE.__dataclass_fields__}, "name": "shop"}))
    cached = load(tmp_path, "shop")
    assert cached is not None and cached.origin is Origin.CACHED
    assert cached.tables == LIVE.tables and cached.read_at == LIVE.read_at
    assert load(tmp_path, "other") is None
    (tmp_path / "shop.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(DamagedCache, match="is not valid JSON"):
        load(tmp_path, "shop")


def test_a_live_tables_index_and_key_can_be_described_by_name_only(tmp_path: Path) -> None:
    item = described(
        tmp_path,
        """\
database: shop
connection: ${URL}
tables:
  orders:
    columns:
      state: Where the order is.
    indexes:
      - {name: orders_state, purpose: Open orders by state}
    foreign_keys:
      - {columns: [id], references: crm.customers(id), description: The customer}
""",
    )
    merged, drift = merge_database(item, LIVE)
    assert drift == []
    orders = merged.table("orders")
    assert orders is not None
    assert [(i.name, i.columns, i.purpose) for i in orders.indexes] == [
        ("orders_state", ("state",), "Open orders by state")
    ]
    assert [fk.description for fk in orders.foreign_keys] == ["The customer"]


def test_an_index_without_columns_needs_a_live_database(tmp_path: Path) -> None:
    import pytest

    from mkdocs_dbcatalog.errors import CatalogError

    path = tmp_path / "shop.yml"
    path.write_text("database: shop\ntables:\n  orders:\n    indexes:\n      - {name: orders_state}\n")
    with pytest.raises(CatalogError) as caught:
        load_file(path, "catalog/shop.yml", {})
    assert str(caught.value) == (
        "catalog/shop.yml:5: tables.orders.indexes[0]: an index needs columns (write columns: [...])"
    )
