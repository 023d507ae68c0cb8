"""`mkdocs-dbcatalog diff` of a catalog file against its PostgreSQL database: a default written as people
write it (`'pending'`) is the one PostgreSQL shows with its cast (`'pending'::character varying`)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from mkdocs_dbcatalog.cli import main

CATALOG = """\
database: shop
engine: postgresql
tables:
  orders:
    columns:
      id: {type: bigint, nullable: false}
      status: {type: varchar(20), nullable: false, default: "'pending'"}
      currency: {type: char(3), nullable: false, default: "'EUR'"}
      meta: {type: jsonb, nullable: true, default: "'{}'"}
      placed_on: {type: date, nullable: true, default: "'2024-01-01'"}
      kind: {type: text, nullable: true, default: "'web'"}
    primary_key: [id]
"""


@pytest.mark.postgres
def test_a_default_and_its_cast_are_the_same_default(pg_url: str, tmp_path: Path) -> None:
    engine = sa.create_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "CREATE TABLE orders (id bigint PRIMARY KEY, status varchar(20) NOT NULL DEFAULT 'pending',"
                " currency char(3) NOT NULL DEFAULT 'EUR', meta jsonb DEFAULT '{}',"
                " placed_on date DEFAULT '2024-01-01', kind text DEFAULT 'shop')"
            )
        )
    engine.dispose()
    (tmp_path / "shop.yml").write_text(CATALOG, encoding="utf-8")
    previous = Path.cwd()
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(
            main,
            ["diff", "shop.yml", "--url-env", "SHOP_URL", "--format", "json"],
            env={"SHOP_URL": pg_url},
            catch_exceptions=False,
        )
    finally:
        os.chdir(previous)
    changes = json.loads(result.output)["changes"]
    # Only the default that really differs ('web' in the file, 'shop' in the database) is listed.
    assert [(c["name"], c["deltas"]) for c in changes] == [
        ("kind", [{"attribute": "default", "before": "'web'", "after": "'shop'::text"}])
    ], changes
