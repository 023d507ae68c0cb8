"""Connection strings are shown in the engine's own URL form, which its tools take (not SQLAlchemy's)."""

from __future__ import annotations

import shutil
import subprocess

import pytest
import sqlalchemy as sa

from .sitebuilder import SiteBuilder, text_of


@pytest.mark.postgres
def test_the_shown_url_is_one_psql_connects_with(pg_url: str, site: SiteBuilder) -> None:
    assert pg_url.startswith("postgresql+psycopg://")
    with sa.create_engine(pg_url).begin() as conn:
        conn.exec_driver_sql("CREATE TABLE orders (id int PRIMARY KEY)")
    site.catalog("shop", "database: shop\nconnection:\n  url: " + pg_url + "\n")
    site.catalog("billing", "database: billing\nconnection:\n  url: mysql+pymysql://app:pw@db:3306/billing\n"
                 "  introspect: false\n")
    site.mkdocs_yml()
    result = site.build()
    assert result.error is None, result.error
    shown = pg_url.replace("postgresql+psycopg://", "postgresql://")
    page, catalog = text_of(result.html("databases/shop/")), text_of(result.html("databases/"))
    assert f"Connection: {shown}" in page
    assert f"shop:    {shown}" in catalog and "billing: mysql://app:****@db:3306/billing" in catalog
    assert "+psycopg" not in page + catalog and "+pymysql" not in catalog
    psql = shutil.which("psql")
    if psql is None:
        pytest.skip("psql is not installed")
    done = subprocess.run([psql, shown, "-Atc", "SELECT count(*) FROM orders"], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.strip() == "0", done.stderr
    refused = subprocess.run([psql, pg_url, "-Atc", "SELECT 1"], capture_output=True, text=True)
    assert refused.returncode != 0  # what the page used to show: psql cannot use it
