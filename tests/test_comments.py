"""`mkdocs-dbcatalog comments`: the SQL it prints, applied by the test (never by the tool) with the
engines' own clients to scratch databases, then read back live: every description round-trips byte
for byte, and nothing else about the tables changes. Names and texts are hostile on purpose."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest
import sqlalchemy as sa
import sqlglot
from click.testing import CliRunner, Result

from mkdocs_dbcatalog.assemble import assemble
from mkdocs_dbcatalog.catalog.codec import to_data
from mkdocs_dbcatalog.catalog.model import Database
from mkdocs_dbcatalog.cli import main
from mkdocs_dbcatalog.cli.common import load_plugin_config
from mkdocs_dbcatalog.sources.live import LiveOptions, read_database

from .livedata import load_mariadb, load_pg
from .sitebuilder import SiteBuilder

GOLDEN_SQL = Path(__file__).parent / "golden" / "comments"

# Texts SQL quoting gets wrong: quotes, backslashes (E'' and NO_BACKSLASH_ESCAPES), comment and
# statement ends, dollar quotes, line breaks, tabs, a NUL-free control character, unicode.
TEXTS = [
    "it's a 'quoted' word",
    "back\\slash \\n not a newline \\\\ two",
    "first line\nsecond line\r\nthird\tcolumn",
    "'; DROP TABLE victims; -- */ /* $$ $tag$ `tick` \"dq\"",
    "ünïcödé — ✓ 中文 \x07 bell",
    "x" * 900,
]


def yaml_text(value: str) -> str:
    return json.dumps(value.replace("$", "$$"))  # a YAML double-quoted scalar; $$ is a literal $


def run(site: SiteBuilder, *args: str) -> Result:
    return CliRunner().invoke(main, ["comments", "-f", str(site.root / "mkdocs.yml"), *args])


def without_comments(database: Database) -> dict[str, object]:
    """Everything a live read says about the tables except their comments (and statistics)."""
    tables = [
        replace(t, comment=None, row_estimate=None, size_bytes=None, auto_increment=None,
                columns=tuple(replace(c, comment=None) for c in t.columns))
        for t in database.tables
    ]
    return to_data(tables)  # type: ignore[no-any-return]


def comments_of(database: Database) -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    for table in database.tables:
        found[table.key] = table.comment
        for column in table.columns:
            found[f"{table.key}.{column.name}"] = column.comment
    return found


# --- PostgreSQL ----------------------------------------------------------------------------------

PG_SCHEMA = '''
CREATE SCHEMA "Sales ""EU""";
CREATE TABLE "Sales ""EU"""."Order;--" (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  "quote""d" text NOT NULL DEFAULT 'it''s',
  "Mixed Case" numeric(10,2) CHECK ("Mixed Case" >= 0),
  total numeric GENERATED ALWAYS AS ("Mixed Case" * 2) STORED
);
COMMENT ON TABLE "Sales ""EU"""."Order;--" IS 'old comment';
CREATE TABLE plain (id int PRIMARY KEY, note varchar(40) COLLATE "C");
CREATE VIEW recent AS SELECT id FROM plain;
CREATE MATERIALIZED VIEW totals AS SELECT count(*) AS n FROM plain;
'''


@pytest.mark.postgres
def test_postgresql_descriptions_round_trip_byte_for_byte(pg_url: str, tmp_path: Path) -> None:
    script = tmp_path / "schema.sql"
    script.write_text(PG_SCHEMA, encoding="utf-8")
    load_pg(pg_url, script)
    url = pg_url.replace("+psycopg", "")
    site = SiteBuilder(tmp_path / "site")
    order = 'Sales "EU".Order;--'
    site.catalog(
        "shop",
        f"""
        database: shop
        connection: {{url: "{url}", schemas: [public, 'Sales "EU"']}}
        docs:
          id: {yaml_text(TEXTS[4])}
        tables:
          {json.dumps(order)}:
            purpose: {yaml_text(TEXTS[0])}
            columns:
              id: {{doc: id}}
              'quote"d': {yaml_text(TEXTS[1])}
              Mixed Case: {yaml_text(TEXTS[2])}
              total: {yaml_text(TEXTS[3])}
          plain:
            purpose: {yaml_text(TEXTS[5])}
            columns: {{note: {yaml_text(TEXTS[3])}}}
          recent: {{purpose: A view, columns: {{id: {yaml_text(TEXTS[0])}}}}}
          totals: {{purpose: A materialized view, columns: {{n: How many}}}}
        """,
    )
    site.mkdocs_yml()
    before = read_database("shop", url, _options(site))
    result = run(site, "--sql", str(site.root / "catalog" / "shop.yml"))
    assert result.exit_code == 0, result.output
    assert "-- 4 table and 7 column comments differ from what the database has now." in result.stdout
    sql = tmp_path / "comments.sql"
    sql.write_text(result.stdout, encoding="utf-8")
    load_pg(pg_url, sql)  # the test applies it; the tool never writes to a database
    after = read_database("shop", url, _options(site))
    assert comments_of(after) == {
        order: TEXTS[0],
        f"{order}.id": TEXTS[4],
        f'{order}.quote"d': TEXTS[1],
        f"{order}.Mixed Case": TEXTS[2],
        f"{order}.total": TEXTS[3],
        "plain": TEXTS[5],
        "plain.id": None,
        "plain.note": TEXTS[3],
        "recent": "A view",
        "recent.id": TEXTS[0],
        "totals": "A materialized view",
        "totals.n": "How many",
    }
    assert without_comments(after) == without_comments(before)
    again = run(site, "--check", "-d", "shop")
    assert again.exit_code == 0 and "Every comment matches." in again.output


def _options(site: SiteBuilder) -> LiveOptions:
    return LiveOptions(schemas=("public", 'Sales "EU"'), base=site.root)


# --- MariaDB -------------------------------------------------------------------------------------

MARIADB_SCHEMA = r"""
CREATE TABLE `we``ird "t";--` (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  `a b` VARCHAR(20) CHARACTER SET latin1 COLLATE latin1_german1_ci NOT NULL DEFAULT 'x''y\\z COMMENT' COMMENT 'old',
  upd TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  n INT NOT NULL DEFAULT 0,
  g INT AS (n * 2) VIRTUAL,
  s INT AS (n + 1) PERSISTENT INVISIBLE,
  j JSON,
  e ENUM('a','b''c','COMMENT') DEFAULT 'a',
  z INT(5) ZEROFILL NULL,
  d DECIMAL(10,2) NOT NULL DEFAULT 1.50,
  txt TEXT COMMENT 'has COMMENT inside',
  `comment` INT DEFAULT NULL,
  `check` INT CHECK (`check` > 0),
  PRIMARY KEY (id),
  UNIQUE KEY uq_n (n),
  CONSTRAINT positive CHECK (d >= 0)
) ENGINE=InnoDB COMMENT='table old';
CREATE TABLE child (
  id BIGINT PRIMARY KEY,
  parent_id INT UNSIGNED,
  emoji VARCHAR(10),
  FOREIGN KEY (parent_id) REFERENCES `we``ird "t";--` (id) ON DELETE CASCADE
) ENGINE=InnoDB;
CREATE VIEW v AS SELECT id FROM child;
"""


def without_comment_clauses(create: str) -> str:
    """SHOW CREATE TABLE less its COMMENT '...' clauses (column and table), found by sqlglot's tokens."""
    tokens = sqlglot.tokenize(create, read="mysql")
    cut, out = [], create
    for i, token in enumerate(tokens):
        if token.token_type.name == "COMMENT":
            j = i + 1 + (tokens[i + 1].token_type.name == "EQ")
            assert tokens[j].token_type.name == "STRING"
            cut.append((token.start, tokens[j].end + 1))
    for start, end in reversed(cut):
        out = out[:start].rstrip(" ") + out[end:]
    return out


def show_create(url: str, tables: list[str]) -> list[str]:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return [without_comment_clauses(conn.exec_driver_sql(f"SHOW CREATE TABLE {t}").one()[1]) for t in tables]
    finally:
        engine.dispose()


@pytest.mark.mariadb
def test_mariadb_descriptions_round_trip_and_column_definitions_stay_the_same(
    mariadb_url: str, tmp_path: Path
) -> None:
    script = tmp_path / "schema.sql"
    script.write_text(MARIADB_SCHEMA, encoding="utf-8")
    load_mariadb(mariadb_url, script)
    tables = ["`we``ird \"t\";--`", "child"]
    before = show_create(mariadb_url, tables)
    assert "COMMENT" in before[0]  # the default's text and the enum's value: not clauses
    url = mariadb_url.replace("+pymysql", "")
    weird = 'we`ird "t";--'
    described = {"id": TEXTS[4], "a b": TEXTS[0], "upd": TEXTS[1], "g": TEXTS[2], "s": TEXTS[3],
                 "j": "JSON " + TEXTS[0], "e": "an enum", "z": "zerofill", "d": "decimal", "comment": TEXTS[3],
                 "check": "a checked column", "txt": "has COMMENT inside"}
    columns = "\n".join(f"{' ' * 14}{json.dumps(k)}: {yaml_text(v)}" for k, v in described.items())
    site = SiteBuilder(tmp_path / "site")
    site.catalog(
        "shop",
        f"""
        database: shop
        connection: {url}
        tables:
          {json.dumps(weird)}:
            purpose: {yaml_text(TEXTS[2])}
            columns:
{columns}
          child:
            purpose: {yaml_text(TEXTS[5] + "y" * 1200)}
            columns:
              parent_id: {yaml_text(TEXTS[1])}
              emoji: "smile 😀"
          v: {{purpose: A view, columns: {{id: The id}}}}
        """,
    )
    site.mkdocs_yml()
    result = run(site, "--sql", str(site.root / "catalog" / "shop.yml"))
    assert result.exit_code == 0, result.output
    assert "child: the description has 2100 characters and the server keeps at most 2048" in result.stderr
    assert "child.emoji: the description has characters outside the Basic Multilingual Plane" in result.stderr
    assert "view v: MariaDB and MySQL keep no comments on views" in result.stderr
    assert "-- 1 table and 12 column comments differ from what the database has now." in result.stdout  # written
    sql = tmp_path / "comments.sql"
    sql.write_text(result.stdout, encoding="utf-8")
    load_mariadb(mariadb_url, sql)
    after = read_database("shop", url)
    found = comments_of(after)
    assert found[weird] == TEXTS[2]
    assert {k: found[f"{weird}.{k}"] for k in described} == described
    assert found["child.parent_id"] == TEXTS[1] and found["child.emoji"] is None and found["child"] is None
    assert show_create(mariadb_url, tables) == before  # nothing but comments changed, byte for byte


# --- SQL Server (no server here: the SQL is parsed, and its literals decoded) --------------------


def test_sql_server_extended_properties_for_every_name_and_text(tmp_path: Path) -> None:
    site = SiteBuilder(tmp_path)
    site.catalog(
        "crm",
        f"""
        database: crm
        engine: mssql
        tables:
          "sales.Order]s'":
            purpose: {yaml_text(TEXTS[0])}
            columns:
              "Na]me'": {yaml_text(TEXTS[3])}
              id: {yaml_text(TEXTS[2])}
          report: {{kind: view, purpose: {yaml_text(TEXTS[4])}}}
        """,
    )
    site.mkdocs_yml()
    result = run(site, "-d", "crm")
    assert result.exit_code == 0, result.output
    assert all(statement is not None for statement in sqlglot.parse(result.stdout, read="tsql"))
    values = {}
    def strings(sql: str) -> list[str]:
        return [t.text for t in sqlglot.tokenize(sql, read="tsql") if t.token_type.name == "NATIONAL_STRING"]

    def value(sql: str) -> str:
        """The text an expression of N'...' pieces and NCHAR(n) calls stands for."""
        tokens = sqlglot.tokenize(sql, read="tsql")
        text = ""
        for i, token in enumerate(tokens):
            if token.token_type.name == "NATIONAL_STRING":
                text += token.text
            elif token.text.upper() == "NCHAR":
                text += chr(int(tokens[i + 2].text))
        return text

    for block in result.stdout.split("SET @dbcatalog_description = ")[1:]:
        assigned, rest = block.split(";\nIF EXISTS ", 1)
        test, update, add = (strings(part) for part in rest.split(" EXEC "))
        assert update == add and update[0] == test[0] == "MS_Description" and "@value = @dbcatalog_description" in rest
        assert test[1:] == update[1:]  # the object tested is the object set
        values[tuple(update[1:])] = value(assigned)
    assert values == {
        ("SCHEMA", "sales", "TABLE", "Order]s'"): TEXTS[0],
        ("SCHEMA", "sales", "TABLE", "Order]s'", "COLUMN", "Na]me'"): TEXTS[3],
        ("SCHEMA", "sales", "TABLE", "Order]s'", "COLUMN", "id"): TEXTS[2],
        ("SCHEMA", "dbo", "VIEW", "report"): TEXTS[4],
    }
    assert result.stdout.count("sp_updateextendedproperty") == result.stdout.count("sp_addextendedproperty") == 4


def test_sql_server_script_is_exactly_the_reviewed_one_and_safe_for_sqlcmd(tmp_path: Path) -> None:
    """Golden: the whole script for a file of another engine (`--dialect sqlserver`). sqlcmd reads
    `$(NAME)` as a variable even inside a literal and a line starting `:!!` as a shell command, so no
    text starts a line and no `$(` is left whole; a name holding one is left out and said."""
    site = SiteBuilder(tmp_path)
    site.catalog(
        "crm",
        r"""
        database: crm
        engine: oracle
        tables:
          "sales.Order]s'":
            purpose: "it's $$(SQLCMDPASSWORD)\n:!! calc"
            columns:
              "Na]me": "\tGO"
              "$(HOME)": "a column whose name sqlcmd would read as a variable"
          report: {kind: view, purpose: "ünïcödé — ✓"}
        """,
    )
    site.mkdocs_yml()
    result = run(site, "-d", "crm", "--dialect", "sqlserver")
    assert result.exit_code == 0, result.output
    golden = GOLDEN_SQL / "sqlserver.sql"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")
    assert "$(" not in result.stdout.replace("N'$' + N'('", "")
    assert "note: sales.Order]s'.$(HOME): a name with a line break" in result.stderr
    assert run(site, "-d", "crm", "--dialect", "postgresql").stdout.startswith(
        "-- Comments from the descriptions in catalog/crm.yml (database crm), for PostgreSQL."
    )


def test_what_cannot_be_written_is_refused_clearly(tmp_path: Path) -> None:
    site = SiteBuilder(tmp_path)
    site.catalog("m", "database: m\nengine: mariadb\ntables:\n  t: {purpose: x}\n")
    site.catalog("o", "database: o\nengine: oracle\ntables:\n  t: {purpose: x}\n")
    site.mkdocs_yml()
    result = run(site, "-d", "m")
    assert result.exit_code == 2 and "restating each column needs its definition, read live" in result.output
    result = run(site, "-d", "o")
    assert result.exit_code == 2
    assert "comments are written for PostgreSQL, MariaDB/MySQL and SQL Server" in result.output
    result = run(site, str(tmp_path / "elsewhere.yml"))
    assert result.exit_code == 2 and "is not a database file of the catalog" in result.output
    pg = run(site, "-d", "o", "--dialect", "postgresql")
    assert pg.exit_code == 0 and 'COMMENT ON TABLE "t" IS \'x\';' in pg.stdout
    assert "the database was not read" in pg.stdout



def test_a_mysql_8_definition_keeps_its_versioned_comments() -> None:
    from mkdocs_dbcatalog.comments.mysql import column_texts

    create = (
        "CREATE TABLE `t` (\n"
        "  `a` int DEFAULT NULL /*!80023 INVISIBLE */,\n"
        "  `b` varchar(5) COLLATE utf8mb4_bin NOT NULL COMMENT 'old' /*!80023 INVISIBLE */,\n"
        "  `c` json DEFAULT NULL,\n"
        "  PRIMARY KEY (`b`)\n"
        ") ENGINE=InnoDB"
    )
    columns = column_texts(create)
    assert columns["a"].with_comment("new") == "`a` int DEFAULT NULL /*!80023 INVISIBLE */ COMMENT 'new'"
    assert columns["b"].with_comment("it's") == (
        "`b` varchar(5) COLLATE utf8mb4_bin NOT NULL COMMENT 'it''s' /*!80023 INVISIBLE */"
    )
    assert list(columns) == ["a", "b", "c"]


def test_inherited_descriptions_are_shown_but_never_written_back(tmp_path: Path) -> None:
    site = SiteBuilder(tmp_path)
    site.catalog(
        "shop",
        """
        database: shop
        engine: postgresql
        docs: {customer: The customer who buys}
        tables:
          customers:
            columns: {id: {type: bigint, primary_key: true, description: {doc: customer}}}
          orders:
            columns:
              id: {type: bigint, primary_key: true}
              customer_id: {type: bigint, references: customers.id}
        """,
    )
    site.mkdocs_yml({"inherit_descriptions": "same_name"})
    options, base = load_plugin_config(site.root / "mkdocs.yml")
    orders = assemble(options, base, {}).catalog.database("shop").table("orders")  # type: ignore[union-attr]
    assert orders.column("customer_id").inherited_from == "customers.id"  # type: ignore[union-attr]
    result = run(site, "-d", "shop")
    assert result.exit_code == 0, result.output
    assert [line for line in result.stdout.splitlines() if line.startswith("COMMENT")] == [
        "COMMENT ON COLUMN \"customers\".\"id\" IS 'The customer who buys';"  # the {doc:} block, resolved
    ]  # orders.customer_id shows it on the site "(from customers.id)", and stays without a comment
