"""SQLAlchemy: a declarative base imported in a subprocess, against what `create_all` makes.

The reference is real: tests/data/models/sqlalchemy_shop's models (foreign keys with rules, an
unnamed one without an index, a composite key, an index, unique constraints, a check, an enum,
comments, `doc=` and docstrings) are created with `metadata.create_all` on a fresh PostgreSQL,
MariaDB and SQLite database, each read live and compared with the catalog the reader makes of the
models for that engine (tests/models/compare.py says what is compared).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mkdocs_dbcatalog.errors import CatalogError
from mkdocs_dbcatalog.sources.live import read_database
from mkdocs_dbcatalog.sources.models import ModelSettings, read_models

from ..sitebuilder import SiteBuilder, text_of
from .compare import differences

PROJECT = Path(__file__).resolve().parents[1] / "data" / "models" / "sqlalchemy_shop"
SETTINGS = ModelSettings("sqlalchemy", "shop.models:Base", PROJECT.parent, path=(PROJECT.name,))


def _create_all(url: str, project: Path = PROJECT, module: str = "shop.models", base: str = "Base") -> None:
    """`metadata.create_all` as the application runs it, in its own interpreter."""
    script = (
        f"import sys; sys.path.insert(0, sys.argv[1]); import sqlalchemy as sa; from {module} import {base}; "
        f"engine = sa.create_engine(sys.argv[2]); {base}.metadata.create_all(engine); engine.dispose()"
    )
    subprocess.run([sys.executable, "-c", script, str(project), url], check=True, capture_output=True, timeout=60)


@pytest.mark.parametrize(
    "engine",
    [
        pytest.param("postgresql", marks=pytest.mark.postgres),
        pytest.param("mariadb", marks=pytest.mark.mariadb),
        "sqlite",
    ],
)
def test_the_models_read_as_the_database_create_all_makes(engine: str, request: pytest.FixtureRequest) -> None:
    url = f"sqlite:///{request.getfixturevalue('tmp_path') / 'shop.db'}" if engine == "sqlite" else None
    url = url or request.getfixturevalue("pg_url" if engine == "postgresql" else "mariadb_url")
    _create_all(url)
    live = read_database("shop", url)
    read = read_models("shop", SETTINGS, PROJECT.parent, "catalog/shop.yml", 3, import_code=True, engine=engine)
    models = read.database
    assert differences(live, models, defaults=True) == []
    assert len(models.tables) == 4
    orders = models.table("orders")
    assert orders is not None
    gift = next(fk for fk in orders.foreign_keys if fk.columns == ("gift_from_id",))
    assert gift.on_delete == "SET NULL"
    assert [(c.name, c.expression) for c in orders.check_constraints] == [("orders_total_positive", "total >= 0")]
    assert read.location("orders") == "sqlalchemy_shop/shop/models.py:47"  # class Order
    assert read.location("orders", "note") == "sqlalchemy_shop/shop/models.py:60"
    if engine == "postgresql":  # the enum is a type of its own, as create_all made it
        assert live.enums == models.enums and [e.name for e in models.enums] == ["status"]


LONG_NAMES = """
import sqlalchemy as sa

class Tables:
    metadata = sa.MetaData()

parent = sa.Table(
    "a_table_whose_name_is_long_enough_for_postgresql_to_shorten_it",
    Tables.metadata,
    sa.Column("id", sa.Integer, primary_key=True),
)
sa.Table(
    "another_table_with_a_name_postgresql_shortens_in_its_key_names",
    Tables.metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("the_parent_row_this_one_belongs_to_identified_by_its_key", sa.ForeignKey(parent.c.id)),
    sa.Column("a_code_that_is_unique_across_every_row_of_this_table", sa.String(20), unique=True),
)
"""


@pytest.mark.postgres
def test_postgresql_shortens_its_own_names_as_the_reader_does(pg_url: str, tmp_path: Path) -> None:
    (tmp_path / "longnames.py").write_text(LONG_NAMES, encoding="utf-8")
    _create_all(pg_url, tmp_path, "longnames", "Tables")
    settings = ModelSettings("sqlalchemy", "longnames:Tables", tmp_path, path=(".",))
    models = read_models("x", settings, tmp_path, "x.yml", 1, import_code=True, engine="postgresql").database
    live = read_database("x", pg_url)
    assert differences(live, models, defaults=True) == []
    names = [fk.name for t in models.tables for fk in t.foreign_keys]
    assert names == ["another_table_with_a_name_pos_the_parent_row_this_one_belo_fkey"]  # as the live read


def test_comments_doc_and_docstrings_are_the_descriptions() -> None:
    models = read_models("shop", SETTINGS, PROJECT.parent, "catalog/shop.yml", 3, import_code=True, engine="sqlite")
    customers = models.database.table("customers")
    assert customers is not None
    assert (customers.purpose, customers.comment) == ("People who buy.", "One row per customer")
    email, name = customers.column("email"), customers.column("name")
    assert email is not None and name is not None
    assert (email.comment, email.description) == ("Login address", None)
    assert (name.comment, name.description) == (None, "Shown on invoices")


def test_importing_code_is_opt_in() -> None:
    with pytest.raises(CatalogError) as caught:
        read_models("shop", SETTINGS, PROJECT.parent, "catalog/shop.yml", 3, engine="sqlite")
    assert str(caught.value) == (
        "catalog/shop.yml:3: models: reading sqlalchemy models imports the application's code, which the plugin "
        "does only when allowed (set import_models: true in the dbcatalog plugin options of mkdocs.yml)"
    )


@pytest.mark.parametrize(
    ("module", "said"),
    [
        (
            "raise RuntimeError('DATABASE_URL is not set\\nsee the docs')\n",
            "importing broken failed: RuntimeError: DATABASE_URL is not set",
        ),
        ("import no_such_package\n", "importing broken failed: ModuleNotFoundError: No module named 'no_such_package'"),
        ("Base = 3\n", "broken:Base is a int, not a declarative base or MetaData"),
        ("import os\nos._exit(3)\n", "importing broken stopped the subprocess (exit status 3)"),
    ],
)
def test_a_module_that_cannot_be_imported_is_one_clear_error(tmp_path: Path, module: str, said: str) -> None:
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "broken.py").write_text(module, encoding="utf-8")
    settings = ModelSettings("sqlalchemy", "broken:Base", tmp_path, path=("app",))
    with pytest.raises(CatalogError) as caught:
        read_models("shop", settings, tmp_path, "catalog/shop.yml", 4, import_code=True, engine="sqlite")
    assert str(caught.value) == f"catalog/shop.yml:4: models: {said}"


def test_a_site_documents_a_database_from_its_sqlalchemy_models(site: SiteBuilder) -> None:
    site.write("app/shop/__init__.py", "")
    site.write("app/shop/models.py", (PROJECT / "shop" / "models.py").read_text(encoding="utf-8"))
    site.catalog(
        "shop",
        """
        database: shop
        engine: postgresql
        models:
          sqlalchemy: shop.models:Base
          path: [../app]
        tables:
          orders:
            purpose: One row per order.
        """,
    )
    site.mkdocs_yml({"diagrams": {"enabled": False}})
    refused = site.build()
    assert refused.error is not None
    assert "catalog/shop.yml:4: models: reading sqlalchemy models imports" in refused.error
    site.mkdocs_yml({"import_models": True, "diagrams": {"enabled": False}})
    result = site.build()
    assert result.error is None, result.error
    page = text_of(result.html("databases/shop/customers/"))
    assert "People who buy." in page and "Shown on invoices" in page and "Login address" in page
    assert "VARCHAR(120)" in page  # as the PostgreSQL dialect compiles String(120)
    database = text_of(result.html("databases/shop/"))
    assert "Read from the application's SQLAlchemy models in shop.models:Base" in database
    assert "One row per order." in text_of(result.html("databases/shop/orders/"))


def test_an_import_that_hangs_is_stopped_at_the_timeout(tmp_path: Path) -> None:
    (tmp_path / "slow.py").write_text("import time\ntime.sleep(60)\n", encoding="utf-8")
    settings = ModelSettings("sqlalchemy", "slow:Base", tmp_path, path=(".",))
    with pytest.raises(CatalogError, match=r"models: importing slow took longer than 1 s, so it was stopped$"):
        read_models("shop", settings, tmp_path, "catalog/shop.yml", 4, import_code=True, engine="sqlite", timeout=1)
