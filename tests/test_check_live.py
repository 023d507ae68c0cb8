"""`mkdocs-dbcatalog check` on a live PostgreSQL database: one instance of every default lint rule that
can fire there and of every kind of drift, each reported once at its file and line, in all three formats,
with the right exit code. (`nullable-foreign-key-to-required-parent` cannot: a PostgreSQL primary key
column is never nullable, and ON DELETE CASCADE does not make a parent required; `shipments` pins that.)"""

from __future__ import annotations

import json
import re

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from mkdocs_dbcatalog.cli import EXIT_FINDINGS, main

from .lintfixture import CRM
from .sitebuilder import SiteBuilder

SCHEMA = """
CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL);
CREATE TABLE orders (
    id bigint PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id),
    placed_at timestamptz NOT NULL,
    total numeric(12, 2),
    note text
);
CREATE INDEX orders_customer_placed_idx ON orders (customer_id, placed_at);
CREATE INDEX orders_customer_idx ON orders (customer_id);
CREATE TABLE audit_log (at timestamptz NOT NULL, what text NOT NULL);
CREATE TABLE order_notes (id bigint PRIMARY KEY, order_id bigint NOT NULL REFERENCES orders (id), note text NOT NULL);
CREATE TABLE shipments (id bigint PRIMARY KEY, order_id bigint REFERENCES orders (id) ON DELETE CASCADE);
CREATE INDEX shipments_order_idx ON shipments (order_id);
CREATE TABLE tags (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE order_tags (
    id bigint PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES orders (id),
    tag_id bigint NOT NULL REFERENCES tags (id)
);
CREATE INDEX order_tags_order_idx ON order_tags (order_id);
CREATE INDEX order_tags_tag_idx ON order_tags (tag_id);
CREATE TABLE refunds (id bigint PRIMARY KEY, amount numeric(12, 2) NOT NULL);
COMMENT ON TABLE refunds IS 'Money given back';
"""

# The file as a snapshot wrote it some time ago, since when the database changed; people described it.
SHOP = """\
database: shop
connection:
  url: ${SHOP_URL}
tables:
  customers:
    purpose: People who buy.
    columns:
      id: {type: bigint, nullable: false, description: Customer id}
      email: {type: text, nullable: true, description: Login}
      legacy_code: {type: text, description: Code from the old system}
  orders:
    purpose: One row per order.
    columns:
      id: {type: bigint, nullable: false, description: Order id}
      customer_id: {type: bigint, nullable: false, description: Buyer}
      placed_at: {type: timestamp with time zone, nullable: false, description: When}
      total: {type: 'numeric(10,2)', nullable: true, description: Sum}
  audit_log:
    purpose: What happened.
    columns:
      at: {type: timestamptz, nullable: false}
      what: {type: text, nullable: false}
  order_notes:
    purpose: Notes on orders.
    columns:
      id: {type: bigint}
      order_id: {type: bigint}
      note: {type: text}
  shipments:
    purpose: Parcels.
    columns:
      id: {type: bigint}
      order_id: {type: bigint}
  tags:
    columns:
      id: {type: bigint}
      name: {type: text}
  order_tags:
    purpose: Tags on orders.
    columns:
      id: {type: bigint}
      order_id: {type: bigint}
      tag_id: {type: bigint}
  invoices:
    purpose: Bills.
    columns:
      id: {type: bigint}
references:
  - from: orders.customer_id
    to: crm/contacts.id
"""



def line_of(text: str, pattern: str, after: str | None = None) -> int:
    """The number of the first line matching `pattern` (after the first line matching `after`)."""
    start = line_of(text, after) if after else 0
    return next(i for i, line in enumerate(text.splitlines(), 1) if i > start and re.search(pattern, line))


NOTES_FK = line_of(SHOP, r"^      order_id:", after=r"^  order_notes:")
EXPECTED = [
    # (rule, severity, line in SHOP, what the message says)
    ("drift-added", "warning", line_of(SHOP, r"^tables:"), "table refunds is in the database but not in the file"),
    ("drift-dropped", "error", line_of(SHOP, r"^      legacy_code:"), "column customers.legacy_code is described but"),
    ("drift-changed", "error", line_of(SHOP, r"^      email:"), "column customers.email is described as nullable"),
    ("drift-added", "warning", line_of(SHOP, r"^    columns:", after=r"^  orders:"), "column orders.note (text) is in"),
    ("drift-changed", "error", line_of(SHOP, r"^      total:"), "is described as numeric(10,2) but the database has"),
    ("drift-dropped", "error", line_of(SHOP, r"^  invoices:"), "table 'invoices' is described but the database has"),
    ("redundant-index", "warning", line_of(SHOP, r"^  orders:"), "index orders_customer_idx on orders(customer_id)"),
    ("table-without-primary-key", "error", line_of(SHOP, r"^  audit_log:"), "table audit_log has no primary key"),
    ("foreign-key-without-index", "warning", NOTES_FK, "foreign key order_notes(order_id)"),
    ("table-without-description", "warning", line_of(SHOP, r"^  tags:"), "table tags has no description"),
    ("junction-without-unique-pair", "error", line_of(SHOP, r"^  order_tags:"), "order_tags pairs orders with tags"),
    ("cross-service-reference-missing-target", "error", line_of(SHOP, r"to: crm/contacts.id"), "crm has no table"),
    ("coverage-below-threshold", "error", 1, "documentation coverage of shop is"),
]


@pytest.fixture
def shop(pg_url: str, site: SiteBuilder, monkeypatch: pytest.MonkeyPatch) -> SiteBuilder:
    engine = sa.create_engine(pg_url)
    with engine.begin() as connection:
        connection.exec_driver_sql(SCHEMA)
    engine.dispose()
    site.catalog("shop", SHOP)
    site.catalog("crm", CRM)
    site.mkdocs_yml({"coverage_threshold": 90})
    monkeypatch.setenv("SHOP_URL", pg_url)
    monkeypatch.chdir(site.root)
    return site


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout


@pytest.mark.postgres
def test_text(shop: SiteBuilder) -> None:
    code, out = run("check")
    assert code == EXIT_FINDINGS
    found = re.findall(r"^catalog/shop\.yml:(\d+): (error|warning): (.*) \[([a-z-]+)\]$", out, re.MULTILINE)
    assert len(found) == len(EXPECTED), out
    assert "nullable-foreign-key-to-required-parent" not in out  # shipments.order_id: CASCADE, nullable
    for rule, severity, line, says in EXPECTED:
        matching = [f for f in found if f[3] == rule and says in f[2]]
        assert len(matching) == 1, (rule, says, out)
        assert (int(matching[0][0]), matching[0][1]) == (line, severity), (rule, matching)
    assert out.rstrip().endswith("8 errors, 5 warnings in 2 databases.")


@pytest.mark.postgres
def test_json(shop: SiteBuilder) -> None:
    code, out = run("check", "--format", "json")
    assert code == EXIT_FINDINGS
    document = json.loads(out)
    assert document["summary"] == {"errors": 8, "warnings": 5, "databases": 2, "cached": 0}
    findings = document["findings"]
    assert len(findings) == len(EXPECTED)
    for rule, severity, line, says in EXPECTED:
        matching = [f for f in findings if f["rule"] == rule and says in f["message"]]
        assert len(matching) == 1, (rule, says)
        found = matching[0]
        assert (found["severity"], found["line"], found["file"]) == (severity, line, "catalog/shop.yml")


@pytest.mark.postgres
def test_github(shop: SiteBuilder) -> None:
    code, out = run("check", "--format", "github")
    assert code == EXIT_FINDINGS
    annotations = re.findall(r"^::(error|warning) file=catalog/shop\.yml,line=(\d+),title=([a-z-]+)::(.*)$", out, re.M)
    assert len(annotations) == len(EXPECTED)
    for rule, severity, line, says in EXPECTED:
        matching = [a for a in annotations if a[2] == rule and says.replace("%", "%25") in a[3]]
        assert len(matching) == 1, (rule, says)
        assert (matching[0][0], int(matching[0][1])) == (severity, line)


@pytest.mark.postgres
def test_exit_code_follows_the_severities(shop: SiteBuilder) -> None:
    errors = sorted({rule for rule, severity, _, _ in EXPECTED if severity == "error"})
    shop.mkdocs_yml({"coverage_threshold": 90, "lint": {rule: "warning" for rule in errors}})
    code, out = run("check")
    assert code == 0, out
    assert out.rstrip().endswith("0 errors, 13 warnings in 2 databases.")
    assert run("check", "--strict")[0] == EXIT_FINDINGS
    shop.mkdocs_yml({"lint": {rule: "off" for rule, *_ in EXPECTED}})
    code, out = run("check")
    assert code == 0 and "No problems found in 2 databases." in out


@pytest.mark.postgres
def test_the_build_shows_the_same_findings(shop: SiteBuilder) -> None:
    result = shop.build(strict=False)
    assert result.error is None, result.error
    ours = [r.getMessage() for r in result.records if r.name.startswith("mkdocs.plugins.mkdocs_dbcatalog")]
    for rule, _, line, says in EXPECTED:
        matching = [m for m in ours if m.endswith(f"[{rule}]") and says in m]
        assert len(matching) == 1, (rule, says)
        assert matching[0].startswith(f"mkdocs_dbcatalog: catalog/shop.yml:{line}: ")
    health = result.html("databases/health/")
    assert "8 errors and 5 warnings found by the lint rules" in health


def test_unreachable_database_stops_check_with_one_clear_error(
    site: SiteBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    import socket

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)  # accepts connections, never answers: only the connect timeout ends the wait
    port = server.getsockname()[1]
    try:
        site.catalog("shop", f"database: shop\nconnection:\n  url: postgresql://app:Pw-check-99@127.0.0.1:{port}/shop\n")
        site.mkdocs_yml({"connect_timeout": 1})
        monkeypatch.chdir(site.root)
        result = CliRunner().invoke(main, ["check"], catch_exceptions=False)
    finally:
        server.close()
    assert result.exit_code == 2
    assert f"database 'shop' (postgresql://app:****@127.0.0.1:{port}/shop)" in result.stderr
    assert "Pw-check-99" not in result.stdout + result.stderr
