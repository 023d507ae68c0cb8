# ruff: noqa: E501  (fixture files are written out in full, one per line)
"""Detection from a folder's contents, and whole MkDocs builds whose pages show migration histories."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mkdocs_dbcatalog.assemble import assemble
from mkdocs_dbcatalog.config import PluginConfig
from mkdocs_dbcatalog.errors import CatalogError
from mkdocs_dbcatalog.sources.migrations import detect

from ..sitebuilder import SiteBuilder, main_content
from .test_tools import FLYWAY, LIQUIBASE, RAILS, write

ALEMBIC_REVISION = '''
"""{message}

Revision ID: {rev}
Revises: {down}
Create Date: 2024-0{month}-01 10:00:00.000000

"""
revision = {rev!r}
down_revision = {down_value}
'''


def alembic_folder(root: Path, revisions: list[tuple[str, str | None, str]]) -> Path:
    """A script location laid out as `alembic init` makes it, with the given revisions."""
    (root / "versions").mkdir(parents=True, exist_ok=True)
    (root / "env.py").write_text("# env\n")
    (root / "script.py.mako").write_text("")
    for month, (rev, down, message) in enumerate(revisions, start=1):
        text = ALEMBIC_REVISION.format(message=message, rev=rev, down=down or "", month=month, down_value=repr(down))
        slug = "_".join(re.findall(r"\w+", message)).lower()
        (root / "versions" / f"{rev}_{slug}.py").write_text(text.lstrip())
    return root


@pytest.mark.parametrize(
    ("tool", "files"),
    [
        ("flyway", {f"db/migration/{k}": v for k, v in FLYWAY.items()}),
        ("golang-migrate", {"1_init.up.sql": "CREATE TABLE t (id int);", "1_init.down.sql": "DROP TABLE t;"}),
        (
            "prisma",
            {
                "prisma/migrations/migration_lock.toml": 'provider = "postgresql"\n',
                "prisma/migrations/20240101000000_init/migration.sql": "-- CreateTable\n",
            },
        ),
        ("rails", RAILS),
        ("dbmate", {"db/migrations/20240101000000_init.sql": "-- migrate:up\nselect 1;\n-- migrate:down\n"}),
        ("goose", {"00001_init.sql": "-- +goose Up\nselect 1;\n"}),
        ("liquibase", LIQUIBASE),
        (
            "django",
            {
                "shop/migrations/__init__.py": "",
                "shop/migrations/0001_initial.py": "from django.db import migrations\n\nclass Migration(migrations.Migration):\n    dependencies = []\n",
            },
        ),
    ],
)
def test_each_tool_is_detected_from_its_folder(tmp_path: Path, tool: str, files: dict[str, str]) -> None:
    assert detect(write(tmp_path / "service", files)) == tool


def test_alembic_is_detected_from_its_script_location(tmp_path: Path) -> None:
    assert detect(alembic_folder(tmp_path / "migrations", [("a1", None, "init")])) == "alembic"


def test_ambiguous_and_unknown_folders_list_what_was_found(tmp_path: Path) -> None:
    mixed = write(tmp_path / "mixed", {"V1__init.sql": "select 1;", "00001_init.sql": "-- +goose Up\nselect 1;\n"})
    with pytest.raises(CatalogError) as ambiguous:
        detect(mixed)
    message = str(ambiguous.value)
    assert "several migration tools" in message
    assert "flyway: Flyway file names (V<version>__<name>.sql) (V1__init.sql)" in message
    assert "goose: goose annotations (-- +goose Up) (00001_init.sql)" in message
    assert "set migrations.tool" in message

    unknown = write(tmp_path / "plain", {"001_init.sql": "create table t (id int);", "knexfile.js": ""})
    with pytest.raises(CatalogError) as nothing:
        detect(unknown)
    assert "cannot tell which migration tool" in str(nothing.value)
    assert "knexfile.js (Knex is not supported)" in str(nothing.value)
    assert "alembic, django, flyway" in str(nothing.value)


def test_site_shows_histories_newest_first_and_watches_the_folders(site: SiteBuilder) -> None:
    alembic_folder(
        site.root / "services" / "orders" / "migrations",
        [
            ("a1", None, "create orders"),
            ("b2", "a1", "add <script>alert(1)</script> status"),
            ("c3", "b2", "add totals"),
        ],
    )
    write(site.root / "services" / "catalog" / "db" / "migration", FLYWAY)
    site.catalog(
        "orders",
        """
        database: orders
        service: order-service
        connection:
          url: postgresql://orders_app:Hunter2-secret@db.internal:5432/orders
          introspect: false
        migrations:
          path: ../services/orders/migrations
          history:
            - {version: b2, description: Status column for the order state machine, status: applied}
        """,
    )
    site.catalog(
        "inventory",
        """
        database: inventory
        service: catalog-service
        engine: mariadb
        migrations:
          tool: flyway
          path: ../services/catalog/db/migration
        """,
    )
    # The inventory's structure is derived from its migrations, whose tables have no primary key.
    site.mkdocs_yml({"lint": {"table-without-primary-key": "off"}}, theme="material")
    result = site.build()
    assert result.error is None, result.error
    orders = main_content(result.html("databases/orders/"))
    rows = [orders.index(f"<td><code>{rev}</code>") for rev in ("c3", "b2", "a1")]
    assert rows == sorted(rows), "newest first"
    assert "Status column for the order state machine" in orders  # the YAML's words win
    assert re.search(r"<code>b2</code>.*?<td>applied</td>", orders, re.S)  # and its status, with no database
    assert "add totals" in orders and "2024-03-01 10:00" in orders
    assert "<script>alert" not in result.all_text().replace("&lt;script&gt;", "")
    assert "Hunter2" not in result.all_text()
    assert "alembic upgrade head" in orders
    inventory = main_content(result.html("databases/inventory/"))
    for earlier, later in (("1.12.10", "1.12.2"), ("1.12.2", "1.1")):
        assert inventory.index(f"<td><code>{earlier}</code>") < inventory.index(f"<td><code>{later}</code>")
    overview = main_content(result.html("databases/"))
    assert "flyway" in overview and "not read" in overview

    config = PluginConfig()
    config.load_dict({})
    assert not config.validate()[0]
    watched = assemble(config, site.root).watch
    assert site.root / "services" / "orders" / "migrations" in watched
    assert (site.root / "services" / "catalog" / "db" / "migration").resolve() in [p.resolve() for p in watched]


def test_missing_folder_and_detection_errors_point_at_the_yaml_line(site: SiteBuilder) -> None:
    site.catalog("orders", "database: orders\nmigrations:\n  path: ../nowhere\n")
    site.mkdocs_yml()
    result = site.build()
    assert result.error is not None
    assert "catalog/orders.yml:3: migrations.path: migration folder '../nowhere' does not exist" in result.error

    write(site.root / "mixed", {"V1__init.sql": "select 1;", "00001_init.sql": "-- +goose Up\nselect 1;\n"})
    site.catalog("orders", "database: orders\nmigrations:\n  path: ../mixed\n")
    result = site.build()
    assert result.error is not None
    assert (
        "catalog/orders.yml:3: migrations.path: mixed: mixed holds the marks of several migration tools" in result.error
    )
    assert "Traceback" not in result.error


def test_a_changed_migration_folder_changes_the_page(site: SiteBuilder) -> None:
    folder = alembic_folder(site.root / "migrations", [("a1", None, "init")])
    site.catalog("orders", "database: orders\nmigrations: ../migrations\n")
    site.mkdocs_yml()
    assert "<code>b2</code>" not in site.build().html("databases/orders/")
    alembic_folder(folder, [("a1", None, "init"), ("b2", "a1", "second")])
    assert "<code>b2</code>" in site.build().html("databases/orders/")


def test_catalog_summary_counts_every_problem_the_database_page_shows(tmp_path: Path) -> None:
    """A failed migration written in the YAML history: a problem on the database page and on the catalog line."""
    from ..test_golden import rendered

    pages = rendered(tmp_path)
    summary = {}
    for line in pages["databases/index.md"].split("Migration History\n", 1)[1].split("\n#", 1)[0].splitlines():
        match = re.match(r"^<tr><td>[^<]+</td> <td><a [^>]*>(?P<db>[^<]+)</a></td> .*<td>(?P<problems>[^<]+)</td></tr>$", line)
        if match:
            summary[match.group("db")] = match.group("problems").strip()
    assert set(summary) == {"identity", "inventory", "orders", "payments"}
    for database, problems in summary.items():
        page = pages[f"databases/{database}/index.md"]
        shown = page.count('!!! warning "Migration problem"')
        failed = re.search(r"(\d+) failed", page.split("Migration History", 1)[1].split("<table", 1)[0])
        assert problems == (str(shown) if shown else "—"), database
        assert shown >= int(failed.group(1) if failed else 0), database
    assert summary["inventory"] == "1"
