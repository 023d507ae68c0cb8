"""Every engine on the pages: names and versions, default ports, the connection string its users
recognise (always masked), and its own connect, backup and restore commands. Real MkDocs builds.
"""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest

from .conftest import DATASETS
from .sitebuilder import SiteBuilder

duckdb = pytest.importorskip("duckdb")

DATA = Path(__file__).parent / "data" / "duckdb"

# name: (url, what the Connection line shows, the connect command, words of the backup and restore commands)
ENGINES = {
    "erp": (
        "mssql+pyodbc://erp_reader:hunter2@sql.internal:1433/erp?driver=ODBC+Driver+18+for+SQL+Server",
        "Server=sql.internal,1433;Database=erp;User Id=erp_reader;Password=****;",
        "sqlcmd -S sql.internal,1433 -U erp_reader -d erp",
        ["BACKUP DATABASE [erp] TO DISK", "bcp erp.dbo.TABLE out", "RESTORE DATABASE [erp] FROM DISK"],
    ),
    "hr": (
        "oracle+oracledb://hr:hunter2@ora.internal/XEPDB1",
        "hr/****@//ora.internal:1521/XEPDB1",
        "sqlplus hr@//ora.internal:1521/XEPDB1",
        ["expdp hr@//ora.internal:1521/XEPDB1 schemas=hr", "impdp hr@//ora.internal:1521/XEPDB1"],
    ),
    "analytics": (
        "snowflake://etl:hunter2@acme-eu/ANALYTICS?warehouse=REPORTING",
        "snowflake://etl:****@acme-eu/ANALYTICS?warehouse=REPORTING",
        "snowsql -a acme-eu -u etl -d ANALYTICS",
        ["CREATE OR REPLACE DATABASE ANALYTICS_BACKUP CLONE ANALYTICS", "DATABASE ANALYTICS CLONE ANALYTICS_BACKUP"],
    ),
    "events": (
        "clickhouse+native://default:hunter2@ch.internal/events",
        "clickhouse://default:****@ch.internal:9000/events",
        "clickhouse-client --host ch.internal --port 9000 --user default --password --database events",
        ["BACKUP DATABASE events TO Disk", "RESTORE DATABASE events FROM Disk"],
    ),
    "marts": (
        "bigquery://acme-prod/marts",
        "bigquery://acme-prod/marts",
        "bq --project_id=acme-prod ls marts",
        ["bq extract --destination_format=AVRO 'acme-prod:marts.TABLE'", "bq load --source_format=AVRO"],
    ),
    "ledger": (
        "postgresql+psycopg://ledger:hunter2@ledger-db.internal/ledger?sslmode=require",
        "postgresql://ledger:****@ledger-db.internal:5432/ledger?sslmode=require",
        "psql -h ledger-db.internal -p 5432 -U ledger -d ledger",
        ["pg_dump -h ledger-db.internal -p 5432 -U ledger -d ledger", "pg_restore -h ledger-db.internal"],
    ),
}


def page_text(site_html: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", site_html))


def test_each_engine_shows_its_own_url_form_commands_and_default_port(site: SiteBuilder) -> None:
    for name, (url, *_) in ENGINES.items():
        site.catalog(name, f"database: {name}\nconnection:\n  url: {url}\n  introspect: false\n")
    path = site.root / "warehouse.duckdb"
    with duckdb.connect(str(path)) as conn:
        conn.execute((DATA / "chinook.sql").read_text(encoding="utf-8"))
    site.catalog("warehouse", "database: warehouse\nconnection: duckdb:///warehouse.duckdb\n")
    site.mkdocs_yml()
    result = site.build()
    assert result.error is None, result.error
    everything = result.all_text()
    assert "hunter2" not in everything
    for name, (_, shown, connect, commands) in ENGINES.items():
        text = page_text(result.html(f"databases/{name}/"))
        assert f"Connection: {shown}" in text, name
        assert f"Connect: {connect}" in text, name
        for words in commands:
            assert words in text, (name, words)
    warehouse = page_text(result.html("databases/warehouse/"))
    assert f"Engine: DuckDB {duckdb.__version__}" in warehouse
    assert "Connection: duckdb:///warehouse.duckdb" in warehouse
    assert "Connect: duckdb -readonly warehouse.duckdb" in warehouse
    assert "EXPORT DATABASE 'warehouse-backup' (FORMAT parquet)" in warehouse and "IMPORT DATABASE" in warehouse
    assert "Port: 1521 (default)" in page_text(result.html("databases/hr/"))
    catalog = page_text(result.html("databases/"))
    for title in ("SQL Server", "Oracle", "Snowflake", "ClickHouse", "BigQuery", "PostgreSQL", "DuckDB"):
        assert title in catalog
    patterns = catalog[catalog.index("# Pattern") : catalog.index("# Service-specific")]
    for pattern in (
        "Server=HOST,PORT;Database=DB_NAME;User Id=USER;Password=PASSWORD;",
        "USER/PASSWORD@//HOST:PORT/DB_NAME",
        "duckdb:///PATH/TO/DB_NAME.duckdb",
        "postgresql://USER:PASSWORD@HOST:PORT/DB_NAME?sslmode=MODE",
    ):
        assert pattern in patterns
    services = catalog[catalog.index("# Service-specific") :]
    assert "Server=sql.internal,1433;Database=erp;User Id=erp_reader;Password=****;" in services
    assert "postgresql+psycopg" not in services and "clickhouse+native" not in services
    ports = re.search(r"Port: ([^\n]*)", catalog)
    assert ports is not None and {"1433", "1521", "5432", "9000"} <= set(ports.group(1).replace(",", " ").split())


@pytest.mark.postgres
def test_a_site_mixing_live_postgresql_a_duckdb_file_and_a_sql_server_ddl_folder_builds_strict(
    site: SiteBuilder, pg_url: str
) -> None:
    import sqlalchemy as sa

    engine = sa.create_engine(pg_url)
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL UNIQUE);"
            "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id));"
            "CREATE INDEX orders_customer ON orders (customer_id);"
            "COMMENT ON TABLE orders IS 'One row per order'"
        )
    engine.dispose()
    site.catalog("orders", f"database: orders\nservice: order-service\nconnection: {pg_url}\n")
    with duckdb.connect(str(site.root / "warehouse.duckdb")) as conn:
        conn.execute((DATA / "sakila.sql").read_text(encoding="utf-8"))
    site.catalog("warehouse", "database: warehouse\nservice: bi\nconnection: duckdb:///warehouse.duckdb\n")
    folder = site.root / "db" / "erp"
    folder.mkdir(parents=True)
    shutil.copy(DATASETS / "ddl" / "tsql" / "adventureworks_oltp_schema.sql", folder / "001_schema.sql")
    site.catalog(
        "erp",
        "database: erp\nservice: erp\nengine: mssql\nhost: sql.internal\n"
        "connection:\n  ddl: ../db/erp\n  dialect: tsql\n",
    )
    site.mkdocs_yml()
    result = site.build(strict=True)
    assert result.error is None, result.error
    catalog = page_text(result.html("databases/"))
    assert "PostgreSQL" in catalog and "DuckDB" in catalog and "SQL Server" in catalog
    assert "Read live from the database" in page_text(result.html("databases/warehouse/"))
    assert "Read from the schema file" in page_text(result.html("databases/erp/"))
    film = page_text(result.html("databases/warehouse/film/"))
    assert "language(language_id)" in film.replace(" ", "")
    assert "Port: 1433 (default)" in page_text(result.html("databases/erp/"))
