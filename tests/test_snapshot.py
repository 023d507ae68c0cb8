"""`mkdocs-dbcatalog snapshot` on the real servers with the public schemas of shared/datasets.

A snapshot must describe every table and column of the database, and a site built from it alone,
with no connection, must show the same catalog pages as the site built live.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from mkdocs_dbcatalog.cli import main
from mkdocs_dbcatalog.sources.live import read_database
from mkdocs_dbcatalog.sources.yamlfile import load_file

from .livedata import dataset, load_mariadb, load_pg, sqlite_file
from .sitebuilder import SiteBuilder, main_content

SECRET = "Pw-snap-4711"
"""PostgreSQL here trusts local connections and ignores the password: it only has to stay out of every output."""


def with_password(url: str) -> str:
    return re.sub(r"^(postgresql[^:]*)://(\w+)@", rf"\1://\2:{SECRET}@", url)


def cli(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)
    return result.exit_code, result.stdout + result.stderr


Loader = Callable[[pytest.FixtureRequest, Path], str]


def _pg(script: str) -> Loader:
    def load(request: pytest.FixtureRequest, tmp_path: Path) -> str:
        url: str = request.getfixturevalue("pg_url")
        load_pg(url, dataset(script, tmp_path))
        return url

    return load


def _mariadb(script: str) -> Loader:
    def load(request: pytest.FixtureRequest, tmp_path: Path) -> str:
        url: str = request.getfixturevalue("mariadb_url")
        load_mariadb(url, dataset(script, tmp_path))
        return url

    return load


def _sqlite(**source: str) -> Loader:
    def load(request: pytest.FixtureRequest, tmp_path: Path) -> str:
        return f"sqlite:///{sqlite_file(tmp_path, **source)}"

    return load


SCHEMAS = {
    "pagila-postgresql": _pg("pagila/pagila-schema.sql"),
    "sakila-postgresql": _pg("sakila/postgres-sakila-schema.sql"),
    "chinook-postgresql": _pg("chinook/Chinook_PostgreSql.sql"),
    "sakila-mariadb": _mariadb("sakila/mysql-sakila-schema.sql"),
    "chinook-mariadb": _mariadb("chinook/Chinook_MySql.sql"),
    "sakila-sqlite": _sqlite(script="sakila/sqlite-sakila-schema.sql"),
    "chinook-sqlite": _sqlite(copy="chinook/Chinook_Sqlite.sqlite"),
}
MARKS = {"postgresql": pytest.mark.postgres, "mariadb": pytest.mark.mariadb}


def _page_texts(result_dir: Path) -> dict[str, str]:
    pages = {}
    for page in sorted((result_dir / "databases").rglob("index.html")):
        pages[page.relative_to(result_dir).as_posix()] = main_content(page.read_text(encoding="utf-8"))
    return pages


# What only a live read can show: where the database is and how it was read. Everything else must match.
_FROM_THE_URL = re.compile(
    r"://|&#58;//|Connect|Schemas|Source|Status|pg_dump|pg_restore|mariadb-dump|mysqldump|mariadb -h|mysql -h|"
    r"sqlite3 |\.backup\b"
)


def _comparable(page: str) -> list[str]:
    return [line for line in page.splitlines() if line.strip() and not _FROM_THE_URL.search(line)]


@pytest.mark.parametrize(
    "dataset",
    [pytest.param(name, marks=[MARKS[e] for e in MARKS if e in name]) for name in SCHEMAS],
)
def test_snapshot_serves_a_build_without_connection(
    dataset: str, request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = SCHEMAS[dataset](request, tmp_path)
    name = dataset.split("-")[0]
    site = SiteBuilder(tmp_path / "site")
    site.mkdocs_yml()
    monkeypatch.chdir(site.root)
    variable = f"DBC_SNAPSHOT_URL_{dataset.replace('-', '_').upper()}"

    code, out = cli("snapshot", "--url-env", variable, "--name", name, env={variable: with_password(url)})
    assert code == 0, out
    written = site.root / "catalog" / f"{name}.yml"
    assert out.startswith(f"Wrote catalog/{name}.yml: ")
    text = written.read_text(encoding="utf-8")
    assert f"url: ${{{variable}:-}}" in text
    assert SECRET not in text + out

    # Every table and column of the database, with its type and nullability.
    live = read_database(name, url)
    described = load_file(written, f"catalog/{name}.yml", {}).database
    assert [t.key for t in described.tables] == [t.key for t in live.tables]
    for table in live.tables:
        mine = described.table(table.key)
        assert mine is not None
        assert [(c.name, c.type, c.nullable, c.default) for c in mine.columns] == [
            (c.name, c.type, c.nullable, c.default) for c in table.columns
        ], table.key
        assert mine.primary_key == table.primary_key, table.key
        assert mine.foreign_keys == table.foreign_keys, table.key
        assert [(i.name, i.columns, i.unique, i.method, i.predicate) for i in mine.indexes] == [
            (i.name, i.columns, i.unique, i.method, i.predicate) for i in table.indexes
        ], table.key

    # The same pages from the snapshot alone as from the live database.
    monkeypatch.delenv(variable, raising=False)
    offline = site.build(strict=False)
    assert offline.error is None, offline.error
    offline_pages = _page_texts(offline.site_dir)
    monkeypatch.setenv(variable, with_password(url))
    online = site.build(strict=False)
    assert online.error is None, online.error
    assert not [w for w in online.warnings if "drift" in w or "described but" in w], online.warnings
    online_pages = _page_texts(online.site_dir)
    assert sorted(offline_pages) == sorted(online_pages)
    assert len(online_pages) > len(live.tables)
    for page, html in online_pages.items():
        if page.count("/") > 3:  # databases/<db>/<table>/index.html: every byte the same
            assert offline_pages[page] == html, page
        else:
            assert _comparable(offline_pages[page]) == _comparable(html), page
    assert "Read live from the database" in online_pages[f"databases/{name}/index.html"]
    assert f"Described in catalog/{name}.yml" in offline_pages[f"databases/{name}/index.html"]
    assert SECRET not in online.all_text() + online.log_text


# --- the round trip ----------------------------------------------------------------------------------

ROUND_TRIP = {
    "postgresql": (
        "pg_url",
        [
            "CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL, legacy_code text)",
            "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers(id), "
            "total numeric(10,2))",
            "COMMENT ON TABLE orders IS 'Orders, from the database'",
        ],
        [
            "ALTER TABLE customers ADD COLUMN phone varchar(40)",
            "ALTER TABLE customers DROP COLUMN legacy_code",
            "ALTER TABLE orders ALTER COLUMN total TYPE numeric(12,2)",
        ],
        ("numeric(10,2)", "numeric(12,2)", "character varying(40)"),
    ),
    "mariadb": (
        "mariadb_url",
        [
            "CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL, legacy_code text)",
            "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL, total decimal(10,2), "
            "FOREIGN KEY (customer_id) REFERENCES customers(id)) COMMENT 'Orders, from the database'",
        ],
        [
            "ALTER TABLE customers ADD COLUMN phone varchar(40)",
            "ALTER TABLE customers DROP COLUMN legacy_code",
            "ALTER TABLE orders MODIFY total decimal(12,2)",
        ],
        ("decimal(10,2)", "decimal(12,2)", "varchar(40)"),
    ),
    "sqlite": (
        None,
        [
            "CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT NOT NULL, legacy_code TEXT)",
            "CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers(id), "
            "total NUMERIC(10,2))",
        ],
        [
            "ALTER TABLE customers ADD COLUMN phone VARCHAR(40)",
            "ALTER TABLE customers DROP COLUMN legacy_code",
            "CREATE TABLE orders_new (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers(id), "
            "total NUMERIC(12,2))",
            "DROP TABLE orders",
            "ALTER TABLE orders_new RENAME TO orders",
        ],
        ("NUMERIC(10,2)", "NUMERIC(12,2)", "VARCHAR(40)"),
    ),
}


def _run(url: str, statements: list[str]) -> None:
    if url.startswith("sqlite"):
        with sqlite3.connect(url.removeprefix("sqlite:///")) as connection:
            for statement in statements:
                connection.execute(statement)
        return
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            for statement in statements:
                connection.exec_driver_sql(statement)
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    "engine", [pytest.param(e, marks=[MARKS[e]] if e in MARKS else []) for e in ROUND_TRIP]
)
def test_round_trip_keeps_people_text_and_follows_the_database(
    engine: str, request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fixture, create, change, (old_type, new_type, added_type) = ROUND_TRIP[engine]
    url = request.getfixturevalue(fixture) if fixture else f"sqlite:///{tmp_path / 'shop.db'}"
    _run(url, create)
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "shop.yml"
    code, out = cli("snapshot", with_password(url), "--name", "shop", "-o", "shop.yml")
    assert code == 0, out

    # People describe things, add comments and reorder nothing.
    text = target.read_text(encoding="utf-8")
    text = text.replace("database: shop\n", "database: shop\nservice: shop-service   # owned by the shop team\n")
    text = re.sub(r"(  customers:\n    purpose:)\n", r"\1 People who buy.\n", text)
    text = re.sub(
        r"(      email:\n(?:        .*\n)*?        description:)\n", r"\1 Login, unique.  # checked by the app\n", text
    )
    text = re.sub(
        r"(      legacy_code:\n(?:        .*\n)*?        description:)\n", r"\1 Code from the old system\n", text
    )
    text = text.replace("tables:\n", "tables:\n  # Customers first: everything hangs off them.\n")
    text += "references:\n  - from: orders.customer_id\n    to: shop/customers.id\n"
    target.write_text(text, encoding="utf-8")

    _run(url, change)
    code, out = cli("snapshot", with_password(url), "-o", "shop.yml")
    assert code == 0, out
    again = target.read_text(encoding="utf-8")

    for kept in (
        "service: shop-service   # owned by the shop team\n",
        "  # Customers first: everything hangs off them.\n  customers:\n    purpose: People who buy.\n",
        "description: Login, unique.  # checked by the app\n",
        "references:\n  - from: orders.customer_id\n    to: shop/customers.id\n",
    ):
        assert kept in again, kept
    assert "legacy_code" not in again
    database = load_file(target, "shop.yml", {}).database
    customers, orders = database.table("customers"), database.table("orders")
    assert customers is not None and orders is not None
    assert [c.name for c in customers.columns] == ["id", "email", "phone"]
    assert (customers.column("phone").type or "").lower() == added_type.lower()  # type: ignore[union-attr]
    assert orders.column("total").type == new_type  # type: ignore[union-attr]
    if engine != "sqlite":
        assert orders.purpose == "Orders, from the database", "the database comment fills the purpose"
    assert "dropped  column customers.legacy_code (its description was: 'Code from the old system')" in out
    assert f"changed  column orders.total: type {old_type} → {new_type}" in out
    assert "added    column customers.phone" in out
    assert SECRET not in again + out


@pytest.mark.postgres
def test_snapshot_reads_a_database_that_refuses_every_write(pg_url: str, tmp_path: Path) -> None:
    _run(pg_url, ["CREATE TABLE t (id int PRIMARY KEY)"])
    database = sa.make_url(pg_url).database
    _run(pg_url, [f'ALTER DATABASE "{database}" SET default_transaction_read_only = on'])
    code, out = cli("snapshot", pg_url, "-o", str(tmp_path / "t.yml"), "-n", "t")
    assert code == 0, out
    assert "  t:\n" in (tmp_path / "t.yml").read_text()


def test_unreachable_database_is_one_clear_error_without_the_password(tmp_path: Path) -> None:
    with socket_that_never_answers() as port:
        url = f"postgresql://app:{SECRET}@127.0.0.1:{port}/orders"
        code, out = cli("snapshot", url, "-o", str(tmp_path / "o.yml"), "--connect-timeout", "1")
    assert code == 2
    assert "database 'orders' (postgresql://app:****@127.0.0.1:" in out
    assert SECRET not in out
    assert not (tmp_path / "o.yml").exists()


def test_missing_url_and_unset_variable_are_usage_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out = cli("snapshot")
    assert code == 2 and "give the database URL, or --url-env" in out
    monkeypatch.delenv("DBC_NOT_SET", raising=False)
    code, out = cli("snapshot", "--url-env", "DBC_NOT_SET")
    assert code == 2 and "DBC_NOT_SET is not set" in out


def test_snapshot_finds_the_catalog_file_through_mkdocs_yml(site: SiteBuilder, monkeypatch: pytest.MonkeyPatch) -> None:
    db = sqlite_file(site.root, copy="chinook/Chinook_Sqlite.sqlite")
    site.catalog("music", "database: music\ndescription: Our music shop.\n")
    site.mkdocs_yml()
    monkeypatch.chdir(site.root)
    code, out = cli("snapshot", f"sqlite:///{db}", "--name", "music", "--no-stats", "--dry-run")
    assert code == 0, out
    assert out.startswith("Would update catalog/music.yml from sqlite:///")
    assert (site.root / "catalog/music.yml").read_text() == "database: music\ndescription: Our music shop.\n"
    code, out = cli("snapshot", f"sqlite:///{db}", "--name", "music", "--no-stats")
    assert code == 0, out
    text = (site.root / "catalog/music.yml").read_text()
    assert text.startswith("database: music\ndescription: Our music shop.\nengine: sqlite\n")
    assert "row_estimate" not in text
    result = site.build(strict=False)
    assert result.error is None, result.error


class socket_that_never_answers:
    """A local port that accepts TCP connections and never speaks: only a connect timeout ends a wait."""

    def __enter__(self) -> int:
        import socket

        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(8)
        return int(self.server.getsockname()[1])

    def __exit__(self, *exc: object) -> None:
        self.server.close()


def test_snapshot_help_reads_well() -> None:
    code, out = cli("snapshot", "--help")
    assert code == 0
    for text in ("Write a database's YAML file from the live database", "--url-env VAR", "--dry-run",
                 "keeps everything people wrote", "Examples:"):
        assert text in out
