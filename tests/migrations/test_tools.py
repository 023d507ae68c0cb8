# ruff: noqa: E501  (fixture files are written out in full, one per line)
"""Flyway, golang-migrate, Prisma, Rails, dbmate, goose and Liquibase: folders laid out as each tool's
documentation shows, bookkeeping tables with the columns each tool creates, in the real servers."""

from __future__ import annotations

import hashlib
import html
import textwrap
import zlib
from pathlib import Path

import pytest
import sqlalchemy as sa

from mkdocs_dbcatalog.catalog.model import MigrationHistory, MigrationStatus

from .helpers import history, page, table_rows


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return root


def execute(url: str, *statements: str) -> None:
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        for statement in statements:
            conn.exec_driver_sql(statement)
    engine.dispose()


def statuses(result: MigrationHistory) -> dict[str, MigrationStatus]:
    return {m.version: m.status for m in result.migrations}


def flyway_crc(text: str) -> int:
    """Flyway's checksum computed independently: CRC32 over the lines, signed."""
    crc = zlib.crc32("".join(textwrap.dedent(text).lstrip().splitlines()).encode())
    return crc - 2**32 if crc >= 2**31 else crc


FLYWAY = {
    "V1__init.sql": "-- Products and categories\nCREATE TABLE product (id int);\n",
    "V1_1__add_price.sql": "ALTER TABLE product ADD price int;\n",
    "V1_12_2__add_sku.sql": "ALTER TABLE product ADD sku text;\n",
    "V1_12_10__add_colour.sql": "ALTER TABLE product ADD colour text;\n",
    "V2__warehouses.sql": "CREATE TABLE warehouse (id int);\n",
    "V3__stock.sql": "CREATE TABLE stock (id int);\n",
    "R__product_view.sql": "CREATE OR REPLACE VIEW product_view AS SELECT * FROM product;\n",
}


@pytest.mark.postgres
def test_flyway_states_versions_and_checksums(tmp_path: Path, pg_url: str) -> None:
    folder = write(tmp_path / "db" / "migration", FLYWAY)
    history_rows = [
        (1, "1", "init", "SQL", "V1__init.sql", flyway_crc(FLYWAY["V1__init.sql"]), True),
        (2, "1.1", "add price", "SQL", "V1_1__add_price.sql", 12345, True),  # edited afterwards
        (
            3,
            "1.12.10",
            "add colour",
            "SQL",
            "V1_12_10__add_colour.sql",
            flyway_crc(FLYWAY["V1_12_10__add_colour.sql"]),
            True,
        ),
        (4, "2", "warehouses", "SQL", "V2__warehouses.sql", flyway_crc(FLYWAY["V2__warehouses.sql"]), False),
        (5, None, "product view", "SQL", "R__product_view.sql", flyway_crc(FLYWAY["R__product_view.sql"]), True),
        (6, "2.5", "hotfix", "SQL", "V2_5__hotfix.sql", 99, True),  # file deleted since
    ]
    execute(
        pg_url,
        """CREATE TABLE flyway_schema_history (installed_rank INT NOT NULL PRIMARY KEY, version VARCHAR(50),
        description VARCHAR(200) NOT NULL, type VARCHAR(20) NOT NULL, script VARCHAR(1000) NOT NULL, checksum INTEGER,
        installed_by VARCHAR(100) NOT NULL, installed_on TIMESTAMP NOT NULL DEFAULT now(),
        execution_time INTEGER NOT NULL, success BOOLEAN NOT NULL)""",
        "INSERT INTO flyway_schema_history VALUES (0, NULL, '<< Flyway Schema Creation >>', 'SCHEMA', '\"public\"', NULL,"
        " 'deploy', '2024-01-01 10:00', 0, true)",
        *(
            f"INSERT INTO flyway_schema_history VALUES ({rank}, {f'{v!r}' if v else 'NULL'}, '{d}', '{t}', '{s}', {c},"
            f" 'deploy', '2024-01-0{rank + 1} 10:00', 5, {str(ok).lower()})"
            for rank, v, d, t, s, c, ok in history_rows
        ),
    )
    result = history(folder, pg_url, tool="flyway")
    # Flyway's order: 1.12.2 before 1.12.10 (numeric parts), repeatables last.
    assert [m.version for m in result.migrations] == ["1", "1.1", "1.12.2", "1.12.10", "2", "2.5", "3", "R"]
    assert statuses(result) == {
        "1": MigrationStatus.APPLIED,
        "1.1": MigrationStatus.MODIFIED,
        "1.12.2": MigrationStatus.IGNORED,
        "1.12.10": MigrationStatus.APPLIED,
        "2": MigrationStatus.FAILED,
        "2.5": MigrationStatus.MISSING_FILE,
        "3": MigrationStatus.PENDING,
        "R": MigrationStatus.APPLIED,
    }
    first = result.migrations[0]
    assert first.name == "init" and first.description == "Products and categories"
    assert first.applied_by == "deploy" and first.applied_at is not None and first.applied_at.day == 2
    problems = " ".join(result.problems)
    assert "migration 2 failed" in problems
    assert "outOfOrder" in problems and "1.12.2" in problems
    assert "checksum differs" in problems and "1.1" in problems
    assert "2.5" in problems and "have no file" in problems
    assert result.current == "2.5"
    markdown = html.unescape(page(result))
    assert (
        '-url="jdbc:postgresql://db.internal:5432/orders" -user=app -locations=filesystem:migration migrate' in markdown
    )
    assert "S3cret" not in markdown


@pytest.mark.mariadb
def test_golang_migrate_dirty_version_on_mariadb(tmp_path: Path, mariadb_url: str) -> None:
    folder = write(
        tmp_path / "migrations",
        {
            "1_create_users.up.sql": "-- Users and their logins\nCREATE TABLE users (id int);\n",
            "1_create_users.down.sql": "DROP TABLE users;\n",
            "2_add_email.up.sql": "ALTER TABLE users ADD email text;\n",
            "2_add_email.down.sql": "ALTER TABLE users DROP email;\n",
            "10_add_index.up.sql": "CREATE INDEX users_email ON users (email);\n",
            "20240105120000_add_orders.up.sql": "CREATE TABLE orders (id int);\n",
            "README.md": "not a migration",
        },
    )
    execute(
        mariadb_url,
        "CREATE TABLE schema_migrations (version bigint not null primary key, dirty boolean not null)",
        "INSERT INTO schema_migrations VALUES (10, true)",
    )
    result = history(folder, mariadb_url)  # detected from the file names
    assert result.tool == "golang-migrate"
    assert [m.version for m in result.migrations] == ["1", "2", "10", "20240105120000"]
    assert statuses(result) == {
        "1": MigrationStatus.APPLIED,
        "2": MigrationStatus.APPLIED,
        "10": MigrationStatus.FAILED,
        "20240105120000": MigrationStatus.PENDING,
    }
    assert result.migrations[3].date is not None and result.migrations[3].date.year == 2024
    assert result.migrations[0].description == "Users and their logins"
    assert any("dirty at version 10" in p and "migrate force 2" in p for p in result.problems)
    markdown = html.unescape(page(result, "mysql+pymysql://app:S3cret-pw@db.internal:5432/orders"))
    assert 'migrate -path migrations -database "mysql://app:****@tcp(db.internal:5432)/orders" up' in markdown


PRISMA_LOCK = '# Please do not edit this file manually\nprovider = "postgresql"\n'


@pytest.mark.postgres
def test_prisma_checksums_failures_and_rolled_back_rows(tmp_path: Path, pg_url: str) -> None:
    sqls = {
        "20240110093000_init": "-- CreateTable\nCREATE TABLE a (id int);\n\n-- CreateTable\nCREATE TABLE b (id int);\n",
        "20240402120000_refunds": "-- AlterTable\nALTER TABLE a ADD refunded int;\n",
        "20240501080000_ledger": "-- CreateTable\nCREATE TABLE ledger (id int);\n",
        "20240601080000_fees": "-- AlterTable\nALTER TABLE a ADD fee int;\n",
        "20240701080000_payouts": "-- CreateTable\nCREATE TABLE payouts (id int);\n",
    }
    folder = tmp_path / "prisma" / "migrations"
    write(folder, {"migration_lock.toml": PRISMA_LOCK, **{f"{k}/migration.sql": v for k, v in sqls.items()}})

    def sha(name: str) -> str:
        return hashlib.sha256(sqls[name].encode()).hexdigest()

    execute(
        pg_url,
        """CREATE TABLE _prisma_migrations (id VARCHAR(36) PRIMARY KEY NOT NULL, checksum VARCHAR(64) NOT NULL,
        finished_at TIMESTAMPTZ, migration_name VARCHAR(255) NOT NULL, logs TEXT, rolled_back_at TIMESTAMPTZ,
        started_at TIMESTAMPTZ NOT NULL DEFAULT now(), applied_steps_count INTEGER NOT NULL DEFAULT 0)""",
        f"INSERT INTO _prisma_migrations VALUES ('1', '{sha('20240110093000_init')}', '2024-01-10 09:31+00',"
        " '20240110093000_init', NULL, NULL, '2024-01-10 09:30+00', 1)",
        f"INSERT INTO _prisma_migrations VALUES ('2', '{'0' * 64}', '2024-04-02 12:01+00',"
        " '20240402120000_refunds', NULL, NULL, '2024-04-02 12:00+00', 1)",
        f"INSERT INTO _prisma_migrations VALUES ('3', '{sha('20240501080000_ledger')}', NULL,"
        " '20240501080000_ledger', 'db error: relation \"ledger\" already exists', NULL, '2024-05-01 08:00+00', 0)",
        f"INSERT INTO _prisma_migrations VALUES ('4', '{sha('20240601080000_fees')}', NULL,"
        " '20240601080000_fees', 'boom', '2024-06-02 00:00+00', '2024-06-01 08:00+00', 0)",
        "INSERT INTO _prisma_migrations VALUES ('5', 'x', '2023-12-01 00:00+00', '20231201000000_removed', NULL, NULL,"
        " '2023-12-01 00:00+00', 1)",
    )
    result = history(tmp_path, pg_url)  # detected: migration_lock.toml under prisma/migrations
    assert result.tool == "prisma"
    assert statuses(result) == {
        "20231201000000_removed": MigrationStatus.MISSING_FILE,
        "20240110093000": MigrationStatus.APPLIED,
        "20240402120000": MigrationStatus.MODIFIED,
        "20240501080000": MigrationStatus.FAILED,
        "20240601080000": MigrationStatus.PENDING,  # rolled back: to be applied again
        "20240701080000": MigrationStatus.PENDING,
    }
    init = result.migrations[1]
    assert init.name == "init" and init.description == "CreateTable ×2"
    problems = " ".join(result.problems)
    assert "migrate resolve --rolled-back 20240501080000_ledger" in problems
    assert 'relation "ledger" already exists' in problems
    assert "edited afterwards (20240402120000_refunds)" in problems


RAILS = {
    "db/migrate/20240101120000_create_users.rb": "class CreateUsers < ActiveRecord::Migration[7.1]\nend\n",
    "db/migrate/20240215093000_add_email_to_users.rb": "# Logins by email\nclass AddEmailToUsers < ActiveRecord::Migration[7.1]\nend\n",
    "db/migrate/20140929103760_odd_second.rb": "class OddSecond < ActiveRecord::Migration[4.2]\nend\n",
    "db/migrate/20240301000000_create_orders.rb": "class CreateOrders < ActiveRecord::Migration[7.1]\nend\n",
}


@pytest.mark.postgres
def test_rails_no_file_rows_and_invalid_timestamps(tmp_path: Path, pg_url: str) -> None:
    folder = write(tmp_path / "app", RAILS)
    execute(
        pg_url,
        "CREATE TABLE schema_migrations (version character varying NOT NULL PRIMARY KEY)",
        "CREATE TABLE ar_internal_metadata (key varchar PRIMARY KEY, value varchar, created_at timestamp, updated_at timestamp)",
        "INSERT INTO schema_migrations VALUES ('20140929103760'), ('20240101120000'), ('20231231000000')",
    )
    result = history(folder, pg_url)
    assert result.tool == "rails"
    assert [m.version for m in result.migrations] == [
        "20140929103760",
        "20231231000000",
        "20240101120000",
        "20240215093000",
        "20240301000000",
    ]
    assert statuses(result)["20231231000000"] is MigrationStatus.MISSING_FILE
    assert statuses(result)["20240215093000"] is MigrationStatus.PENDING
    odd = result.migrations[0]
    assert odd.date is None and odd.status is MigrationStatus.APPLIED  # second 60: no date, no crash
    assert result.migrations[3].description == "Logins by email"
    # The same table read as golang-migrate's is refused, naming the real owner.
    wrong = history(folder / "db" / "migrate", pg_url, tool="golang-migrate")
    assert not wrong.state_known
    assert any("looks like Rails'" in p for p in wrong.problems)


@pytest.mark.mariadb
def test_dbmate_string_versions_on_mariadb(tmp_path: Path, mariadb_url: str) -> None:
    folder = write(
        tmp_path / "svc",
        {
            "db/migrations/20240101000000_create_users.sql": "-- migrate:up\n-- Accounts\ncreate table users (id int);\n\n-- migrate:down\ndrop table users;\n",
            "db/migrations/20240102000000_add_email.sql": "-- migrate:up\nalter table users add email text;\n-- migrate:down\n",
            "db/migrations/20240103000000_broken.sql": "alter table users add x int;\n",
        },
    )
    execute(
        mariadb_url,
        "CREATE TABLE schema_migrations (version varchar(128) primary key)",
        "INSERT INTO schema_migrations VALUES ('20240101000000')",
    )
    result = history(folder, mariadb_url)
    assert result.tool == "dbmate"
    assert statuses(result) == {
        "20240101000000": MigrationStatus.APPLIED,
        "20240102000000": MigrationStatus.PENDING,
        "20240103000000": MigrationStatus.PENDING,
    }
    assert result.migrations[0].description == "Accounts"
    assert any("20240103000000_broken.sql has no `-- migrate:up`" in p for p in result.problems)
    # A golang-migrate table under the same name is not dbmate's.
    execute(mariadb_url, "DROP TABLE schema_migrations", "CREATE TABLE schema_migrations (version bigint, dirty bool)")
    wrong = history(folder, mariadb_url)
    assert not wrong.state_known and any("looks like golang-migrate's" in p for p in wrong.problems)


@pytest.mark.postgres
def test_goose_version_zero_and_old_down_rows(tmp_path: Path, pg_url: str) -> None:
    folder = write(
        tmp_path / "migrations",
        {
            "00001_create_users.sql": "-- +goose Up\n-- +goose StatementBegin\nCREATE TABLE users (id int);\n-- +goose StatementEnd\n",
            "00002_add_email.sql": "-- Email logins\n-- +goose Up\nALTER TABLE users ADD email text;\n",
            "00003_backfill.go": "package migrations\n\n// Backfill emails\nfunc init() {\n\tgoose.AddMigrationContext(up, down)\n}\n",
            "00004_helpers.go": "package migrations\n\nfunc helper() {}\n",
            "00010_add_orders.sql": "-- +goose Up\nCREATE TABLE orders (id int);\n",
        },
    )
    execute(
        pg_url,
        """CREATE TABLE goose_db_version (id integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY,
        version_id bigint NOT NULL, is_applied boolean NOT NULL, tstamp timestamp NOT NULL DEFAULT now())""",
        "INSERT INTO goose_db_version (version_id, is_applied, tstamp) VALUES (0, true, '2024-01-01'),"
        " (1, true, '2024-01-02'), (2, true, '2024-01-03'), (3, true, '2024-01-04'), (3, false, '2024-01-05')",
    )
    result = history(folder, pg_url)
    assert result.tool == "goose"
    assert statuses(result) == {
        "1": MigrationStatus.APPLIED,
        "2": MigrationStatus.APPLIED,
        "3": MigrationStatus.PENDING,  # rolled back by an older goose: its latest row says not applied
        "10": MigrationStatus.PENDING,
    }
    assert "0" not in statuses(result)
    assert result.migrations[1].description == "Email logins"
    assert result.migrations[2].description == "Backfill emails" and result.migrations[2].labels == ("go",)
    assert result.migrations[0].applied_at is not None and result.migrations[0].applied_at.day == 2
    assert result.current == "2"


LIQUIBASE = {
    "changelog/db.changelog-master.xml": """
        <?xml version="1.0" encoding="UTF-8"?>
        <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
            <changeSet id="1" author="ana">
                <comment>Accounts</comment>
                <createTable tableName="person"><column name="id" type="int"/></createTable>
            </changeSet>
            <include file="changes/002-orders.yaml" relativeToChangelogFile="true"/>
            <include file="changes/003-views.sql" relativeToChangelogFile="true"/>
        </databaseChangeLog>
    """,
    "changelog/changes/002-orders.yaml": """
        databaseChangeLog:
          - changeSet:
              id: 2
              author: bo
              comment: Orders
              changes:
                - createTable:
                    tableName: orders
                    columns: [{column: {name: id, type: int}}]
    """,
    "changelog/changes/003-views.sql": """
        --liquibase formatted sql

        --changeset ana:3 context:prod
        --comment: Reporting view
        CREATE VIEW order_totals AS SELECT 1;

        --changeset "cy":4
        CREATE INDEX orders_id ON orders (id);
    """,
}


@pytest.mark.mariadb
def test_liquibase_changelogs_against_upper_case_table(tmp_path: Path, mariadb_url: str) -> None:
    folder = write(tmp_path / "src" / "main" / "resources" / "db", LIQUIBASE)
    execute(
        mariadb_url,
        """CREATE TABLE DATABASECHANGELOG (ID VARCHAR(255) NOT NULL, AUTHOR VARCHAR(255) NOT NULL,
        FILENAME VARCHAR(255) NOT NULL, DATEEXECUTED datetime NOT NULL, ORDEREXECUTED INT NOT NULL,
        EXECTYPE VARCHAR(10) NOT NULL, MD5SUM VARCHAR(35), DESCRIPTION VARCHAR(255), COMMENTS VARCHAR(255),
        TAG VARCHAR(255), LIQUIBASE VARCHAR(20), CONTEXTS VARCHAR(255), LABELS VARCHAR(255), DEPLOYMENT_ID VARCHAR(10))""",
        "INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE, MD5SUM) VALUES"
        " ('1', 'ana', 'classpath:/db/changelog/db.changelog-master.xml', '2024-01-01 10:00', 1, 'EXECUTED', '9:aa'),"
        " ('2', 'bo', 'db/changelog/changes/002-orders.yaml', '2024-01-02 10:00', 2, 'EXECUTED', '9:bb'),"
        " ('3', 'ana', 'changelog/changes/003-views.sql', '2024-01-03 10:00', 3, 'FAILED', NULL),"
        " ('0', 'old', 'changelog/legacy.xml', '2023-01-01 10:00', 0, 'EXECUTED', '9:cc')",
    )
    result = history(folder, mariadb_url)
    assert result.tool == "liquibase"
    assert [(m.version, m.author) for m in result.migrations] == [
        ("1", "ana"),
        ("2", "bo"),
        ("3", "ana"),
        ("4", "cy"),
        ("0", "old"),
    ]
    assert [m.status for m in result.migrations] == [
        MigrationStatus.APPLIED,
        MigrationStatus.APPLIED,
        MigrationStatus.FAILED,
        MigrationStatus.PENDING,
        MigrationStatus.MISSING_FILE,
    ]
    first, second, third = result.migrations[:3]
    assert (first.name, first.description) == ("createTable person", "Accounts")
    assert (second.name, second.description) == ("createTable orders", "Orders")
    assert third.description == "Reporting view" and third.labels == ("context:prod",)
    markdown = page(result)
    assert "<th>Author</th>" in markdown
    assert [v for v, _ in table_rows(markdown)] == ["0", "4", "3", "2", "1"]


JHIPSTER = {
    "pom.xml": "<project/>\n",
    "src/main/resources/config/liquibase/master.xml": """
        <?xml version="1.0" encoding="utf-8"?>
        <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
            <include file="config/liquibase/changelog/00000000000000_initial_schema.xml" relativeToChangelogFile="false"/>
            <include file="config/liquibase/changelog/20240101000000_added_entity_Order.xml" relativeToChangelogFile="false"/>
            <includeAll path="config/liquibase/fake-data/" relativeToChangelogFile="false"/>
        </databaseChangeLog>
    """,
    "src/main/resources/config/liquibase/changelog/00000000000000_initial_schema.xml": """
        <?xml version="1.0" encoding="utf-8"?>
        <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
            <changeSet id="00000000000001" author="jhipster"><createTable tableName="jhi_user"/></changeSet>
        </databaseChangeLog>
    """,
    "src/main/resources/config/liquibase/changelog/20240101000000_added_entity_Order.xml": """
        <?xml version="1.0" encoding="utf-8"?>
        <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
            <changeSet id="20240101000000-1" author="jhipster"><createTable tableName="jhi_order"/></changeSet>
        </databaseChangeLog>
    """,
    "src/main/resources/config/liquibase/fake-data/order.xml": """
        <?xml version="1.0" encoding="utf-8"?>
        <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
            <changeSet id="20240101000000-1-data" author="jhipster" context="faker"><sql>select 1</sql></changeSet>
        </databaseChangeLog>
    """,
}


def test_liquibase_includes_relative_to_the_resources_root(tmp_path: Path) -> None:
    """JHipster's layout: master.xml includes `config/liquibase/changelog/...` from the classpath root."""
    project = write(tmp_path / "shop", JHIPSTER)
    database = tmp_path / "shop.db"
    execute(
        f"sqlite:///{database}",
        "CREATE TABLE DATABASECHANGELOG (ID VARCHAR(255) NOT NULL, AUTHOR VARCHAR(255) NOT NULL, FILENAME VARCHAR(255) NOT NULL,"
        " DATEEXECUTED TIMESTAMP NOT NULL, ORDEREXECUTED INT NOT NULL, EXECTYPE VARCHAR(10) NOT NULL, MD5SUM VARCHAR(35))",
        "INSERT INTO DATABASECHANGELOG VALUES ('00000000000001', 'jhipster', 'config/liquibase/changelog/00000000000000_initial_schema.xml',"
        " '2024-01-01 10:00:00', 1, 'EXECUTED', '9:aa')",
    )
    for path in (project / "src/main/resources/config/liquibase/master.xml", project / "src/main/resources/config/liquibase"):
        result = history(path, f"sqlite:///{database}", tool="liquibase")
        assert result.problems == ()
        assert [(m.version, m.path, m.status) for m in result.migrations] == [
            ("00000000000001", "config/liquibase/changelog/00000000000000_initial_schema.xml", MigrationStatus.APPLIED),
            ("20240101000000-1", "config/liquibase/changelog/20240101000000_added_entity_Order.xml", MigrationStatus.PENDING),
            ("20240101000000-1-data", "config/liquibase/fake-data/order.xml", MigrationStatus.PENDING),
        ]


def test_golang_migrate_dates_only_real_timestamps(tmp_path: Path) -> None:
    """`migrate create` makes 20240102030405 (default), unix seconds, unixNano, or -seq counters."""
    folder = write(
        tmp_path / "migrations",
        {
            "000001_init.up.sql": "",
            "2019120401_dated_counter.up.sql": "",
            "1704164645_unix.up.sql": "",
            "1704164645123456789_unix_nano.up.sql": "",
            "20240102030405_timestamp.up.sql": "",
            "99991231235959_far_future.up.sql": "",
        },
    )
    dates = {m.name: m.date.isoformat() if m.date else None for m in history(folder, tool="golang-migrate").migrations}
    assert dates == {
        "init": None,
        "dated_counter": None,  # 2019120401 seconds is in 2033: a counter written as a date, not a time
        "unix": "2024-01-02T03:04:05+00:00",
        "unix_nano": "2024-01-02T03:04:05.123456+00:00",
        "timestamp": "2024-01-02T03:04:05+00:00",
        "far_future": None,
    }


@pytest.mark.postgres
def test_unreadable_table_is_a_problem_not_a_crash(tmp_path: Path, pg_url: str) -> None:
    """A role without SELECT on the table: the page says so, the build goes on."""
    folder = write(tmp_path / "migrations", {"1_init.up.sql": "CREATE TABLE t (id int);\n"})
    role = "dbc_reader_" + pg_url.rsplit("_", 1)[1]
    execute(
        pg_url,
        "CREATE TABLE schema_migrations (version bigint not null primary key, dirty boolean not null)",
        "INSERT INTO schema_migrations VALUES (1, false)",
        f"DROP ROLE IF EXISTS {role}",
        f"CREATE ROLE {role} LOGIN",
        f"REVOKE ALL ON schema_migrations FROM {role}",
    )
    try:
        url = pg_url.replace("postgres@", f"{role}@")
        result = history(folder, url)
        assert not result.state_known
        assert any("schema_migrations could not be read: permission denied" in p for p in result.problems)
    finally:
        engine = sa.create_engine(pg_url)
        with engine.begin() as conn:
            conn.exec_driver_sql(f"DROP OWNED BY {role}")
            conn.exec_driver_sql(f"DROP ROLE {role}")
        engine.dispose()
