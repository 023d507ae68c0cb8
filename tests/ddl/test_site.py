"""Schema files in a real MkDocs build, beside a live database; and the mistakes users make with them."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa

from mkdocs_dbcatalog.errors import CatalogError
from mkdocs_dbcatalog.sources.yamlfile import load_file

from ..conftest import DATASETS
from ..sitebuilder import SiteBuilder, main_content


def text_of(page: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", main_content(page)))


@pytest.mark.postgres
def test_a_live_postgresql_database_and_a_sql_server_folder_build_strict(pg_url: str, site: SiteBuilder) -> None:
    with sa.create_engine(pg_url).begin() as conn:
        conn.exec_driver_sql("CREATE TABLE customers (id int PRIMARY KEY, email text NOT NULL)")
        conn.exec_driver_sql("COMMENT ON TABLE customers IS 'People who buy'")
    folder = site.root / "db" / "adventureworks"
    folder.mkdir(parents=True)
    shutil.copy(DATASETS / "ddl/tsql/adventureworks_oltp_schema.sql", folder / "schema.sql")
    (folder / "zz_extra.sql").write_text(
        "CREATE TABLE [dbo].[Notes] ([NoteID] int NOT NULL PRIMARY KEY, [Body] nvarchar(max) NULL)\nGO\n"
        "ALTER TABLE [dbo].[Nowhere] ADD [x] int\nGO\n",
        encoding="utf-8",
    )
    site.catalog("shop", f"database: shop\nconnection:\n  url: {pg_url}\n")
    site.catalog(
        "adventureworks",
        """
        database: adventureworks
        engine: mssql
        description: The Adventure Works Cycles sample.
        connection:
          ddl: ../db/adventureworks
        tables:
          Person.Address:
            purpose: Postal addresses of customers, employees and vendors.
            columns:
              City: Town or city.
        """,
    )
    site.mkdocs_yml(theme="material", plugin={"lint": {"table-without-description": "off"}})
    result = site.build()
    assert result.error is None, result.log_text
    database = text_of(result.html("databases/adventureworks/"))
    assert "Read from the schema files db/adventureworks/schema.sql, db/adventureworks/zz_extra.sql" in database
    assert "SQL Server" in database and "Person.Address" in database
    assert 'class="dbcatalog-diagram' in result.html("databases/adventureworks/")  # diagrams, as for a live read
    address = text_of(result.html("databases/adventureworks/person.address/"))
    assert "Postal addresses of customers, employees and vendors." in address
    assert "Street address information for customers, employees, and vendors." in address  # MS_Description
    assert "Incomplete" in address and "ROWGUIDCOL (line 972) could not be read and was left out" in address
    assert "FK_Address_StateProvince_StateProvinceID" in address and "[nvarchar](60)" in address
    # What could not be read is said once per file, with its line, and never fails the build.
    assert (
        "db/adventureworks/zz_extra.sql: the statement at line 3 could not be read and was skipped "
        "(ALTER of Nowhere, which no earlier statement creates)" in result.log_text
    )
    assert "People who buy" in text_of(result.html("databases/shop/customers/"))


def test_drift_against_schema_files_says_so(site: SiteBuilder) -> None:
    site.write("db/structure.sql", "CREATE TABLE orders (id int PRIMARY KEY, status text DEFAULT 'new');\n")
    site.catalog(
        "orders",
        """
        database: orders
        connection: {ddl: ../db/structure.sql, dialect: postgres}
        tables:
          orders: {purpose: One row per order., columns: {state: Lifecycle state.}}
          invoices: Not there.
        """,
    )
    site.mkdocs_yml()
    result = site.build()
    assert result.error is not None
    assert "catalog/orders.yml:5: table 'invoices' is described but the schema files have no such table" in (
        result.log_text
    )
    assert "column orders.state is described but the table has no such column" in result.log_text


def load(tmp_path: Path, text: str) -> str:
    file = tmp_path / "db.yml"
    file.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogError) as caught:
        load_file(file, "catalog/db.yml", {})
    return str(caught.value)


def test_schema_file_settings_that_cannot_work_name_the_line(tmp_path: Path) -> None:
    assert load(tmp_path, "database: d\nconnection:\n  url: postgresql://h/d\n  ddl: s.sql\n  dialect: postgres\n") == (
        "catalog/db.yml:4: connection.ddl: the structure is read either live from url or from the ddl files, not "
        "both (set introspect: false to show the URL and read the structure from the files)"
    )
    assert load(tmp_path, "database: d\nengine: db2\nconnection:\n  ddl: s.sql\n").startswith(
        "catalog/db.yml:4: connection.ddl: which SQL dialect are the schema files written in? (add dialect: one of "
        "postgres, mysql, sqlite, duckdb, tsql,"
    )
    assert load(tmp_path, "database: d\nconnection:\n  url: sqlite:///x.db\n  dialect: sqlite\n") == (
        "catalog/db.yml:4: connection.dialect: a dialect without schema files (add ddl: <file, folder or glob>)"
    )
    assert "did you mean 'postgres'" in load(tmp_path, "database: d\nconnection:\n  ddl: s.sql\n  dialect: postgers\n")
    # The engine names the dialect when it is left out; the URL is kept, masked, for the page.
    file = tmp_path / "ok.yml"
    file.write_text(
        "database: d\nengine: mariadb\nconnection:\n  url: mysql://app:secret@db/d\n  introspect: false\n"
        "  ddl: s.sql\n",
        encoding="utf-8",
    )
    item = load_file(file, "catalog/ok.yml", {})
    assert item.schema_files is not None and item.schema_files.dialect == "mysql"
    assert item.schema_files.root == tmp_path and not item.is_live


def test_a_schema_file_that_is_not_there_stops_the_build(site: SiteBuilder) -> None:
    site.catalog("orders", "database: orders\nconnection: {ddl: ../db/missing.sql, dialect: postgres}\n")
    site.mkdocs_yml()
    result = site.build()
    assert result.error is not None
    assert "catalog/orders.yml: connection.ddl '../db/missing.sql' matches no file" in result.log_text + result.error


def test_snapshot_writes_the_database_file_from_schema_files(
    site: SiteBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from mkdocs_dbcatalog.cli import main

    site.write(
        "db/structure.sql",
        "CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL);\n"
        "COMMENT ON COLUMN customers.email IS 'Login';\n"
        "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers ON DELETE CASCADE);\n"
        "ALTER TABLE ghosts ADD COLUMN x int;\n",
    )
    site.mkdocs_yml()
    monkeypatch.chdir(site.root)
    runner = CliRunner()
    first = runner.invoke(main, ["snapshot", "--ddl", "db/structure.sql", "--dialect", "postgres"])
    assert first.exit_code == 0, first.output
    assert "Wrote catalog/structure.yml: 2 table(s) and view(s), 4 column(s) from db/structure.sql." in first.output
    assert "db/structure.sql:4: skipped: ALTER of ghosts, which no earlier statement creates" in first.output
    written = (site.root / "catalog/structure.yml").read_text(encoding="utf-8")
    assert "connection:\n  ddl: ../db/structure.sql\n  dialect: postgres\n" in written
    assert "description: Login" in written and "references: customers(id)" in written
    again = runner.invoke(main, ["snapshot", "--ddl", "db/structure.sql", "--dialect", "postgres"])
    assert "catalog/structure.yml is up to date with db/structure.sql" in again.output
    assert site.build(strict=True).error is None
    wrong = runner.invoke(main, ["snapshot", "--ddl", "db/structure.sql"])
    assert wrong.exit_code == 2 and "--ddl needs --dialect" in wrong.output
