"""`snapshot` run again finds the file it wrote by the database's URL, whatever the file's name.

And sizes are written as people write them (`7.5 MB`), which the YAML reads back.
"""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa
import yaml
from click.testing import CliRunner

from mkdocs_dbcatalog.cli import EXIT_UNUSABLE, main

from .sitebuilder import SiteBuilder

pytestmark = pytest.mark.postgres


def cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout + result.stderr


@pytest.fixture
def shop(pg_url: str, site: SiteBuilder, monkeypatch: pytest.MonkeyPatch) -> str:
    with sa.create_engine(pg_url).begin() as conn:
        conn.exec_driver_sql("CREATE TABLE orders (id int PRIMARY KEY, note text)")
        conn.exec_driver_sql("INSERT INTO orders SELECT i, repeat('x', 500) FROM generate_series(1, 3000) i")
        conn.exec_driver_sql("ANALYZE orders")
    site.write("catalog/.keep", "")
    site.mkdocs_yml()
    monkeypatch.chdir(site.root)
    monkeypatch.setenv("SHOP_URL", pg_url)
    return pg_url


def test_run_again_without_name_updates_the_file_that_reads_the_url(shop: str, site: SiteBuilder) -> None:
    code, out = cli("snapshot", "--url-env", "SHOP_URL", "--name", "shop")
    assert code == 0, out
    written = site.root / "catalog" / "shop.yml"
    assert written.is_file() and "${SHOP_URL:-}" in written.read_text(encoding="utf-8")

    code, out = cli("snapshot", "--url-env", "SHOP_URL")  # the URL's own name is the test database's
    assert code == 0, out
    code, out = cli("snapshot", shop)  # the URL itself: matched through the file's ${SHOP_URL:-}
    assert code == 0, out
    assert sorted(p.name for p in (site.root / "catalog").glob("*.yml")) == ["shop.yml"], out

    site.catalog("copy", written.read_text(encoding="utf-8").replace("database: shop", "database: copy"))
    code, out = cli("snapshot", shop)
    assert code == EXIT_UNUSABLE
    assert "several catalog files read the database at" in out and "--name" in out
    assert "catalog/copy.yml (database copy)" in out and "catalog/shop.yml (database shop)" in out


def test_sizes_are_written_as_people_write_them(shop: str, site: SiteBuilder) -> None:
    code, out = cli("snapshot", "--url-env", "SHOP_URL", "--name", "shop")
    assert code == 0, out
    data = yaml.safe_load((site.root / "catalog" / "shop.yml").read_text(encoding="utf-8"))
    size = data["tables"]["orders"]["size"]
    assert isinstance(size, str) and re.fullmatch(r"\d+(\.\d)? (kB|MB)", size), size
    assert isinstance(data["size"], str) and data["size"].endswith("MB")
    result = site.build()  # the file reads back, and the page shows what the file says
    assert result.error is None, result.error
