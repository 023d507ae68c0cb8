"""Django: the project's own app registry (`django.setup()` in a subprocess), against `migrate`.

The reference is real: tests/data/models/django_shop is a two-app project (foreign keys within and
across the apps, one with `db_constraint=False`, a many-to-many field, a one-to-one primary key,
`help_text`, `verbose_name`, `db_comment`, `Meta.indexes`, `unique_together`, unique and check
constraints) whose migrations (written by `makemigrations`) are applied by its own `manage.py
migrate` to a fresh PostgreSQL and MariaDB database. Each is read live and compared with the
catalog the reader makes of the models (tests/models/compare.py says what is compared).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from mkdocs_dbcatalog.catalog.model import Database
from mkdocs_dbcatalog.errors import CatalogError
from mkdocs_dbcatalog.sources.live import read_database
from mkdocs_dbcatalog.sources.models import ModelSettings, read_models

from ..sitebuilder import SiteBuilder, text_of
from .compare import differences

PROJECT = Path(__file__).resolve().parents[1] / "data" / "models" / "django_shop"
SETTINGS = ModelSettings("django", "config.settings", PROJECT.parent, path=(PROJECT.name,))
BACKENDS = {
    "postgresql": "django.db.backends.postgresql",
    "mysql": "django.db.backends.mysql",
    "sqlite": "django.db.backends.sqlite3",
}


def _point_at(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The project's settings read their database from the environment, as many projects' do."""
    parsed = sa.make_url(url)
    monkeypatch.setenv("SHOP_DB_ENGINE", BACKENDS[parsed.get_backend_name()])
    monkeypatch.setenv("SHOP_DB_NAME", str(parsed.database))
    monkeypatch.setenv("SHOP_DB_HOST", str(parsed.host))
    monkeypatch.setenv("SHOP_DB_PORT", str(parsed.port))
    monkeypatch.setenv("SHOP_DB_USER", str(parsed.username))


def _migrated(url: str, monkeypatch: pytest.MonkeyPatch) -> tuple[Database, Database]:
    _point_at(url, monkeypatch)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--verbosity", "0"],
        cwd=PROJECT,
        check=True,
        capture_output=True,
        timeout=120,
        env=dict(os.environ),
    )
    live = read_database("shop", url)
    models = read_models("shop", SETTINGS, PROJECT.parent, "catalog/shop.yml", 3, import_code=True).database
    return live, models


def _checked(live: Database, models: Database, rule: str) -> None:
    assert differences(live, models, defaults=True) == []
    assert sorted(t.key for t in models.tables) == [
        "customers_address",
        "customers_customer",
        "orders",
        "orders_products",  # the many-to-many field's table
        "sales_invoice",
        "sales_product",
    ]
    address = models.table("customers_address")
    assert address is not None
    customer_fk, legacy = sorted(address.foreign_keys, key=lambda fk: fk.columns)
    # CASCADE is Django's: it creates the key with no rule, so the database has its default
    assert (customer_fk.on_delete, customer_fk.on_update, customer_fk.enforced) == (rule, rule, True)
    assert customer_fk.description == "on_delete=CASCADE is done by Django, not by the database"
    assert (legacy.columns, legacy.target.key, legacy.enforced, legacy.declared_in) == (
        ("legacy_order_id",),
        "orders",
        False,
        "Django model",
    )
    products = models.table("orders_products")
    assert products is not None and products.purpose == "What was ordered"  # the field's help_text
    live_address = live.table("customers_address")
    assert live_address is not None and len(live_address.foreign_keys) == 1
    customer = models.table("customers_customer")
    assert customer is not None and (customer.purpose, customer.comment) == ("People who buy.", "One row per customer")
    assert [(c.name, c.description, c.comment) for c in customer.columns] == [
        ("id", None, None),
        ("email", "Login address", None),
        ("name", "full name", "As written on invoices"),
        ("region", None, None),
        ("active", None, None),
    ]


@pytest.mark.postgres
def test_the_models_read_as_the_database_migrate_makes_on_postgresql(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    live, models = _migrated(pg_url, monkeypatch)
    _checked(live, models, "NO ACTION")
    product = models.table("sales_product")
    assert product is not None
    # Django's own names: the pattern-ops index of a varchar key, the field check of a positive integer
    assert [i.name for i in product.indexes] == ["one_title_in_stock", "sales_product_sku_93e3f161_like"]
    partial = product.indexes[0]  # a UniqueConstraint with a condition is a partial unique index
    assert (partial.unique, partial.predicate) == (True, '"stock" > 0')  # as Django writes it (live: stock > 0)
    assert sorted(c.name or "" for c in product.check_constraints) == [
        "product_price_positive",
        "sales_product_stock_check",
    ]
    orders = models.table("orders")
    assert orders is not None and orders.column("id") is not None
    assert orders.column("id").identity == "identity by default"  # type: ignore[union-attr]
    assert {fk.deferrable for fk in orders.foreign_keys} == {"DEFERRABLE INITIALLY DEFERRED"}


@pytest.mark.mariadb
def test_the_models_read_as_the_database_migrate_makes_on_mariadb(
    mariadb_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    live, models = _migrated(mariadb_url, monkeypatch)
    _checked(live, models, "RESTRICT")
    assert models.engine == "mariadb"
    orders = models.table("orders")
    assert orders is not None
    assert [(c.name, c.type) for c in orders.columns if c.name in ("id", "uid")] == [("id", "bigint"), ("uid", "uuid")]
    # InnoDB's own index for a foreign key, under the key's name: Django leaves it to InnoDB
    assert "orders_customer_id_b7016332_fk_customers_customer_id" not in [i.name for i in orders.indexes]
    lines = models.table("orders_products")
    assert lines is not None
    assert "orders_products_product_id_d4de0017_fk_sales_product_sku" in [i.name for i in lines.indexes]


def test_the_models_read_as_the_database_migrate_makes_on_sqlite(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    live, models = _migrated(f"sqlite:///{tmp_path / 'shop.db'}", monkeypatch)
    _checked(live, models, "NO ACTION")
    orders = models.table("orders")
    assert orders is not None  # SQLite's own names for the keys CREATE TABLE declares, in their order
    assert [(i.name, i.columns) for i in orders.indexes if i.name and i.name.startswith("sqlite_")] == [
        ("sqlite_autoindex_orders_1", ("uid",)),
        ("sqlite_autoindex_orders_2", ("customer_id", "placed_at")),
    ]


def test_some_apps_only_and_no_database_needed_on_postgresql(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SHOP_DB_ENGINE", BACKENDS["postgresql"])
    monkeypatch.setenv("SHOP_DB_PORT", "1")  # nothing listens there: the types need no connection
    settings = ModelSettings("django", "config.settings", PROJECT.parent, ("customers",), path=(PROJECT.name,))
    read = read_models("shop", settings, PROJECT.parent, "catalog/shop.yml", 3, import_code=True)
    assert [t.key for t in read.database.tables] == ["customers_address", "customers_customer"]
    assert not read.complete  # the database has the other app's tables too: they are not drift
    assert read.location("customers_customer") == "django_shop/customers/models.py:7"
    assert read.location("customers_customer", "name") == "django_shop/customers/models.py:11"
    assert read.location("customers_address", "customer_id") == "django_shop/customers/models.py:21"


def test_mysql_types_need_the_server_and_say_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SHOP_DB_ENGINE", BACKENDS["mysql"])
    monkeypatch.setenv("SHOP_DB_PORT", "1")  # nothing listens there
    with pytest.raises(CatalogError) as caught:
        read_models("shop", SETTINGS, PROJECT.parent, "catalog/shop.yml", 3, import_code=True)
    assert str(caught.value).startswith(
        "catalog/shop.yml:3: models: Django's mysql backend needs the database of alias 'default' for the column "
        "types, and could not reach it: OperationalError: (2003,"
    )


@pytest.mark.parametrize(
    ("settings", "said"),
    [
        (
            ModelSettings("django", "nosuch.settings", PROJECT.parent, path=(PROJECT.name,)),
            "importing nosuch.settings failed: ModuleNotFoundError: No module named 'nosuch'",
        ),
        (
            ModelSettings("django", "config.settings", PROJECT.parent, ("billing",), path=(PROJECT.name,)),
            "config.settings installs no app labelled 'billing' (installed: customers, sales)",
        ),
        (
            ModelSettings("django", "config.settings", PROJECT.parent, (), "reporting", path=(PROJECT.name,)),
            "config.settings has no DATABASES alias 'reporting' (it has default)",
        ),
    ],
)
def test_a_project_that_cannot_be_set_up_is_one_clear_error(settings: ModelSettings, said: str) -> None:
    with pytest.raises(CatalogError) as caught:
        read_models("shop", settings, PROJECT.parent, "catalog/shop.yml", 3, import_code=True)
    assert str(caught.value) == f"catalog/shop.yml:3: models: {said}"


@pytest.mark.postgres
def test_a_site_takes_descriptions_from_the_models_and_reports_drift(
    pg_url: str, monkeypatch: pytest.MonkeyPatch, site: SiteBuilder
) -> None:
    _point_at(pg_url, monkeypatch)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--verbosity", "0"],
        cwd=PROJECT,
        check=True,
        capture_output=True,
        timeout=120,
        env=dict(os.environ),
    )
    with sa.create_engine(pg_url).begin() as conn:  # a column the models lack, and one the database lacks
        conn.execute(sa.text("ALTER TABLE sales_product ADD COLUMN legacy_code text"))
        conn.execute(sa.text("ALTER TABLE customers_customer DROP COLUMN active"))
    site.catalog(
        "shop",
        f"""
        database: shop
        connection: {pg_url}
        models:
          django: {{settings: config.settings}}
          path: [{PROJECT}]
        """,
    )
    site.mkdocs_yml({"import_models": True, "diagrams": {"enabled": False}})
    result = site.build()
    assert result.error is None, result.error
    findings = [line for line in result.log_text.splitlines() if "models-drift" in line]
    assert len(findings) == 2, result.log_text
    declared, extra = sorted(findings)
    assert declared.endswith(
        "column customers_customer.active is declared in the models but the table has no such column "
        f"({PROJECT}/customers/models.py:13) [models-drift]"
    )
    assert "sales_product.legacy_code" in extra
    page = text_of(result.html("databases/shop/customers_customer/"))
    assert "Login address" in page and "People who buy." in page
    address = text_of(result.html("databases/shop/customers_address/"))
    assert "declared in Django model" in address
