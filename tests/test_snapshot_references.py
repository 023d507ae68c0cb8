"""`snapshot` after a table or column was dropped: a cross-service reference from it goes too (and is
reported with its description), so the file it writes still builds."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from mkdocs_dbcatalog.cli import main

from .sitebuilder import SiteBuilder

pytestmark = pytest.mark.postgres

WRITTEN = """\
database: shop
engine: postgresql
connection:
  url: ${SHOP_URL:-}
tables:
  orders:
    columns:
      id: {type: integer, nullable: false, primary_key: true}
      user_id: {type: integer}
      coupon_id: {type: integer}
  carts:
    columns:
      id: {type: integer, nullable: false, primary_key: true}
      user_id: {type: integer}
references:
  - {from: orders.user_id, to: users-service/users.id, description: The customer}
  - {from: orders.coupon_id, to: promo-service/coupons.id, description: The coupon used}
  - {from: carts.user_id, to: users-service/users.id, description: Owner of a cart}
"""


def test_a_reference_from_a_dropped_table_or_column_is_removed(
    pg_url: str, site: SiteBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = sa.create_engine(pg_url)
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE orders (id int PRIMARY KEY, user_id int)")  # carts, coupon_id dropped
    engine.dispose()
    site.catalog("shop", WRITTEN)
    site.mkdocs_yml()
    monkeypatch.chdir(site.root)
    monkeypatch.setenv("SHOP_URL", pg_url)
    result = CliRunner().invoke(main, ["snapshot", "--url-env", "SHOP_URL", "--name", "shop"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "dropped  reference carts.user_id → users-service/users.id (its description was: 'Owner of a cart')" in (
        result.output
    )
    assert "dropped  reference orders.coupon_id → promo-service/coupons.id" in result.output
    text = (site.root / "catalog" / "shop.yml").read_text(encoding="utf-8")
    assert "from: orders.user_id" in text and "carts" not in text and "coupon" not in text
    build = site.build(strict=False)  # the targets are in other sites: warnings
    assert build.error is None, build.error
