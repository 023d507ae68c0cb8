"""Lint findings that were wrong (issue 9, items 28-32), on the real engines that produce the schemas."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa

from mkdocs_dbcatalog.catalog.lint import Finding, lint
from mkdocs_dbcatalog.catalog.model import Catalog
from mkdocs_dbcatalog.sources.live import read_database

SCHEMA = """
CREATE TABLE parent (id int PRIMARY KEY, name text NOT NULL, priority int, created_at timestamptz);
-- 28: each pair differs in what makes an index an index of its own
CREATE INDEX parent_name ON parent (name);
CREATE INDEX parent_name_pattern ON parent (name text_pattern_ops);
CREATE INDEX parent_name_c ON parent (name COLLATE "C");
CREATE INDEX parent_lower ON parent (lower(name));
CREATE INDEX parent_name_hash ON parent USING hash (name);
CREATE INDEX parent_prio ON parent (priority, created_at);
CREATE INDEX parent_prio_desc ON parent (priority DESC NULLS LAST, created_at);
CREATE INDEX parent_prio_partial ON parent (priority) WHERE priority IS NOT NULL;
CREATE INDEX parent_created_incl ON parent (created_at) INCLUDE (name);
CREATE INDEX parent_created ON parent (created_at, priority);
CREATE INDEX parent_name_copy ON parent (name);
-- 29: a partial index that serves the key, and one that does not
CREATE TABLE node (id int PRIMARY KEY, parent_id int REFERENCES parent (id), owner_id int REFERENCES parent (id));
CREATE INDEX node_parent ON node (parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX node_owner ON node (owner_id) WHERE owner_id > 10;
-- 30: nullable keys with ON DELETE CASCADE that NULL is right for
CREATE TABLE membership (id int PRIMARY KEY,
  user_id int REFERENCES parent (id) ON DELETE CASCADE, org_id int REFERENCES parent (id) ON DELETE CASCADE,
  CHECK ((user_id IS NULL) <> (org_id IS NULL)));
CREATE INDEX membership_user ON membership (user_id);
CREATE INDEX membership_org ON membership (org_id);
CREATE TABLE category (id int PRIMARY KEY, parent_id int REFERENCES category (id) ON DELETE CASCADE);
CREATE INDEX category_parent ON category (parent_id);
-- 31: keys on columns whose names need quoting, with their indexes
CREATE TABLE "Order" ("OrderId" int PRIMARY KEY);
CREATE TABLE line ("LineId" int PRIMARY KEY, "OrderId" int REFERENCES "Order" ("OrderId"),
                   "user" int REFERENCES parent (id));
CREATE INDEX line_order ON line ("OrderId");
CREATE INDEX line_user ON line ("user");
-- 32: no primary key, but a unique key on NOT NULL columns (and one on a nullable column)
CREATE TABLE keyed (code text NOT NULL UNIQUE, note text);
CREATE TABLE loose (code text UNIQUE, note text);
"""


def _findings(url: str) -> list[Finding]:
    return lint(Catalog((read_database("app", url),)))


@pytest.fixture
def findings(pg_url: str) -> list[Finding]:
    engine = sa.create_engine(pg_url)
    with engine.begin() as conn:
        conn.exec_driver_sql(SCHEMA)
    engine.dispose()
    return _findings(pg_url)


def _of(findings: list[Finding], rule: str) -> list[str]:
    return sorted(f.message for f in findings if f.rule == rule)


@pytest.mark.postgres
def test_redundant_index_respects_what_makes_indexes_differ(findings: list[Finding]) -> None:
    assert _of(findings, "redundant-index") == [
        "index parent_name_copy on parent(name) duplicates index parent_name: drop it, it only slows down writes",
    ]


@pytest.mark.postgres
def test_a_partial_index_on_not_null_key_columns_serves_the_foreign_key(findings: list[Finding]) -> None:
    tables = [(f.table, f.column) for f in findings if f.rule == "foreign-key-without-index"]
    assert ("node", "parent_id") not in tables
    assert ("node", "owner_id") in tables  # WHERE owner_id > 10 does not serve every lookup


@pytest.mark.postgres
def test_nullable_keys_that_checks_or_trees_make_optional_are_not_reported(findings: list[Finding]) -> None:
    assert _of(findings, "nullable-foreign-key-to-required-parent") == []


@pytest.mark.postgres
def test_indexes_on_quoted_columns_serve_their_foreign_keys(findings: list[Finding]) -> None:
    assert [f for f in findings if f.rule == "foreign-key-without-index" and f.table == "line"] == []


@pytest.mark.postgres
def test_a_unique_not_null_key_tells_rows_apart(findings: list[Finding]) -> None:
    no_pk = {f.table: f for f in findings if f.rule == "table-without-primary-key"}
    assert no_pk["keyed"].severity.value == "warning"
    assert "unique constraint keyed_code_key on NOT NULL (code) tells its rows apart" in no_pk["keyed"].message
    assert no_pk["loose"].severity.value == "error"
    assert "rows cannot be told apart" in no_pk["loose"].message


def test_a_nullable_primary_key_column_is_still_reported(tmp_path: Path) -> None:
    """SQLite lets a column of a composite primary key be NULL: that finding is right, and stays."""
    path = tmp_path / "app.db"
    with sqlite3.connect(path) as conn:
        conn.executescript(
            "CREATE TABLE parent (id INTEGER PRIMARY KEY);"
            "CREATE TABLE tag (parent_id INT REFERENCES parent (id), tag TEXT NOT NULL, PRIMARY KEY (parent_id, tag));"
        )
    conn.close()
    messages = _of(_findings(f"sqlite:///{path}"), "nullable-foreign-key-to-required-parent")
    assert messages == [
        "tag.parent_id may be NULL, but rows of tag belong to their parent row "
        "(the foreign key is part of the primary key): make it NOT NULL"
    ]
