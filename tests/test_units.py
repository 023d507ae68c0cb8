"""Unit tests of the pure pieces: URL masking, variables, counts and sizes, slugs and links."""

from __future__ import annotations

import pytest

from mkdocs_dbcatalog.catalog.model import Catalog, Database, Table
from mkdocs_dbcatalog.render import filters
from mkdocs_dbcatalog.render.links import SiteMap, slugify
from mkdocs_dbcatalog.sources import envvars
from mkdocs_dbcatalog.sources.yamlspec import Count, Size
from mkdocs_dbcatalog.urls import parse


@pytest.mark.parametrize(
    ("url", "masked", "secrets"),
    [
        ("postgresql://app:s3cr3t@db:5432/orders", "postgresql://app:****@db:5432/orders", ["s3cr3t"]),
        ("postgresql+psycopg://app:p%40ss@db/orders", "postgresql+psycopg://app:****@db/orders", ["p%40ss", "p@ss"]),
        ("mysql://app:pa@ss@db:3306/x", "mysql://app:****@db:3306/x", ["pa@ss"]),
        ("postgresql://app@db/orders?sslmode=require", "postgresql://app@db/orders?sslmode=require", []),
        (
            "postgresql://db/orders?user=app&password=qp1&sslmode=require",
            "postgresql://db/orders?user=app&password=****&sslmode=require",
            ["qp1"],
        ),
        (
            "snowflake://u:pw@acct/db?token=tk&private_key=pk",
            "snowflake://u:****@acct/db?token=****&private_key=****",
            ["pw", "tk", "pk"],
        ),
        ("sqlite:///data/app.db", "sqlite:///data/app.db", []),
        ("host=db user=app password='a b' dbname=x", "host=db user=app password=**** dbname=x", ["a b"]),
    ],
)
def test_urls_are_masked(url: str, masked: str, secrets: list[str]) -> None:
    parsed = parse(url)
    assert parsed.masked == masked
    assert str(parsed) == masked
    for secret in secrets:
        assert secret not in str(parsed) and secret not in repr(parsed)
        assert secret not in parsed.scrub(f"failed for {url}: bad")


def test_url_parts() -> None:
    parsed = parse("postgresql+psycopg://app:x@[::1]:6543/orders")
    assert (parsed.engine, parsed.driver, parsed.user, parsed.host, parsed.port, parsed.database) == (
        "postgresql",
        "psycopg",
        "app",
        "::1",
        6543,
        "orders",
    )


@pytest.mark.parametrize(
    ("text", "environ", "expected"),
    [
        ("${A}", {"A": "1"}, "1"),
        ("x${A:-d}y", {}, "xdy"),
        ("${A:-d}", {"A": ""}, "d"),
        ("${A-d}", {"A": ""}, ""),
        ("${A-d}", {}, "d"),
        ("$${A}", {}, "${A}"),
        ("cost $5", {}, "cost $5"),
    ],
)
def test_environment_expansion(text: str, environ: dict[str, str], expected: str) -> None:
    assert envvars.expand(text, environ) == expected


def test_missing_variable_names_it() -> None:
    with pytest.raises(envvars.MissingVariable) as caught:
        envvars.expand("a ${NOPE} b", {})
    assert caught.value.name == "NOPE"


@pytest.mark.parametrize(
    ("text", "count"),
    [("1200", 1200), ("1_200", 1200), ("12,000", 12000), ("~1.2M", 1_200_000), ("500k", 500_000), ("1,5M", 1_500_000)],
)
def test_counts(text: str, count: int) -> None:
    assert Count().parse(text) == count


@pytest.mark.parametrize(
    ("text", "size"), [("2 GB", 2 * 1024**3), ("512MB", 512 * 1024**2), ("1.5 TiB", int(1.5 * 1024**4)), ("100", 100)]
)
def test_sizes(text: str, size: int) -> None:
    assert Size().parse(text) == size


@pytest.mark.parametrize(("value", "shown"), [(940, "940"), (12_300, "~12.3k"), (4_500_000, "~4.5M"), (None, "—")])
def test_row_estimates(value: int | None, shown: str) -> None:
    assert filters.rows(value) == shown


@pytest.mark.parametrize(
    ("value", "shown"), [(512, "512 bytes"), (8192, "8 kB"), (16 * 1024, "16 kB"), (2 * 1024**3, "2 GB"), (None, "—")]
)
def test_sizes_shown_like_pg_size_pretty(value: int | None, shown: str) -> None:
    assert filters.size(value) == shown


def test_slugs_are_unique_and_stable() -> None:
    database = Database(
        "shop", tables=(Table("Users"), Table("users"), Table("index"), Table("a b"), Table("x", schema="billing"))
    )
    site = SiteMap.build(Catalog((database,)), "databases", True)
    uris = {key: site.table_uri("shop", key) for key in ("Users", "users", "index", "a b", "billing.x")}
    assert uris == {
        "Users": "databases/shop/users.md",
        "users": "databases/shop/users-2.md",
        "index": "databases/shop/index-2.md",
        "a b": "databases/shop/a-b.md",
        "billing.x": "databases/shop/billing.x.md",
    }
    assert slugify("Ünïcode naïve") == "unicode-naive"


@pytest.mark.parametrize(
    ("start", "target", "link"),
    [
        ("databases/orders/orders.md", "databases/orders/index.md", "index.md"),
        ("databases/index.md", "databases/orders/x.md#a", "orders/x.md#a"),
        ("databases/orders/x.md", "databases/users/users.md", "../users/users.md"),
        ("ops.md", "databases/orders/c.md", "databases/orders/c.md"),
        ("guides/deep/ops.md", "databases/index.md", "../../databases/index.md"),
        ("databases/orders/index.md", "databases/orders/index.md#table-x", "#table-x"),
    ],
)
def test_relative_links(start: str, target: str, link: str) -> None:
    assert SiteMap("databases", {}, {}, True).relative(start, target) == link
