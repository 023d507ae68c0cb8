"""`on_error: cached` on a real PostgreSQL database that goes down: what the build, the pages and `check` say.

A cached read is never mistaken for today's structure: the page and the warning say how old it is,
`check` exits with 2 on it unless `--allow-cached` (and names it in every format), and a damaged
cache file is reported as damaged, where it is and what to do, never as a traceback or as "none yet".
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from mkdocs_dbcatalog.cli import EXIT_UNUSABLE, main

from .sitebuilder import SiteBuilder, text_of

pytestmark = pytest.mark.postgres

CACHE = Path(".cache/plugin/dbcatalog/shop.json")


def _closed_url(url: str) -> str:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return sa.make_url(url).set(port=port).render_as_string(hide_password=False)


@pytest.fixture
def down(pg_url: str, site: SiteBuilder, monkeypatch: pytest.MonkeyPatch) -> Iterator[SiteBuilder]:
    """A site whose database was read once (three days ago, as the cache says) and is now unreachable."""
    with sa.create_engine(pg_url).begin() as conn:
        conn.exec_driver_sql("CREATE TABLE orders (id int PRIMARY KEY, total numeric)")
    site.catalog("shop", "database: shop\nconnection:\n  url: ${SHOP_URL}\ntables:\n  orders: One row per order.\n")
    site.mkdocs_yml({"on_error": "cached", "refresh": 0, "connect_timeout": 2})
    monkeypatch.chdir(site.root)
    monkeypatch.setenv("SHOP_URL", pg_url)
    first = site.build()
    assert first.error is None, first.error
    data = json.loads(CACHE.read_text(encoding="utf-8"))
    read_at = datetime.now(timezone.utc).replace(microsecond=0) - timedelta(days=3, minutes=5)
    data["database"]["read_at"] = read_at.isoformat()
    CACHE.write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setenv("SHOP_URL", _closed_url(pg_url))
    yield site


def _cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_the_page_and_the_warning_say_how_old_the_cached_read_is(down: SiteBuilder) -> None:
    result = down.build(strict=False)
    assert result.error is None, result.error
    page = text_of(result.html("databases/shop/"))
    assert "From the last good read, read 3 days ago, on 20" in page and " UTC: the database was unreachable" in page
    warning = next(w for w in result.warnings if "cached read" in w)
    assert "cannot connect" in warning and "read 3 days ago, on 20" in warning
    assert "on_error" not in warning  # it is set already: no advice to set it


@pytest.mark.parametrize(
    ("damage", "says"),
    [
        (lambda p: p.write_text(p.read_text(encoding="utf-8")[:50], encoding="utf-8"), "is not valid JSON"),
        (lambda p: p.write_bytes(b"\xff\xfe\x00garbage"), "is not text"),
        (lambda p: p.write_text("[1, 2, 3]", encoding="utf-8"), "is JSON but not a cached read"),
        (lambda p: p.write_text('{"format": 1, "database": [1]}', encoding="utf-8"), "does not hold a whole database"),
        (lambda p: (p.unlink(), p.mkdir()), "cannot be read"),
    ],
    ids=["truncated", "garbage", "wrong-shape", "wrong-database", "directory"],
)
def test_a_damaged_cache_is_named_as_damaged_with_what_to_do(down: SiteBuilder, damage: object, says: str) -> None:
    damage(CACHE)  # type: ignore[operator]
    result = down.build(strict=False)
    assert result.error is not None
    message = next(line for line in result.error.splitlines() if "database 'shop'" in line)
    assert "cannot connect" in message
    assert f"the cached read {CACHE.as_posix()} cannot be used: it {says}" in message
    assert "delete it" in message and "no earlier read" not in message and "on_error" not in message
    assert "Traceback" not in result.error


def test_without_a_cache_the_error_says_none_is_cached_yet_and_where(down: SiteBuilder) -> None:
    CACHE.unlink()
    result = down.build(strict=False)
    assert result.error is not None
    assert f"no earlier read of it is cached yet (it would be {CACHE.as_posix()})" in result.error
    assert "set on_error" not in result.error
    down.mkdocs_yml({"connect_timeout": 2})  # on_error: fail, the default
    result = down.build(strict=False)
    assert result.error is not None and "or set on_error: cached to build from the last good read" in result.error


def test_check_exits_2_on_a_cached_read_and_every_format_names_it(down: SiteBuilder) -> None:
    code, out, err = _cli("check")
    assert code == EXIT_UNUSABLE, out + err
    assert "Cached reads (the database could not be read; what it shows may be out of date):" in out
    assert "  shop  read 3 days ago, on 20" in out and "in 1 database (1 from a cached read)." in out
    assert "--allow-cached" in err

    code, out, _ = _cli("check", "--format", "json")
    assert code == EXIT_UNUSABLE
    document = json.loads(out)
    assert document["summary"]["cached"] == 1
    read = document["databases"][0]["read"]
    assert read["origin"] == "cached" and 3 * 86400 <= read["age_seconds"] < 3 * 86400 + 3600
    assert read["read_at"].startswith(str((datetime.now(timezone.utc) - timedelta(days=3, minutes=5)).date()))

    code, out, _ = _cli("check", "--format", "github")
    assert code == EXIT_UNUSABLE
    assert "::error file=catalog/shop.yml,title=cached-read::database shop could not be read" in out

    code, out, _ = _cli("check", "--allow-cached", "--format", "github")
    assert code == 0, out
    assert "::warning file=catalog/shop.yml,title=cached-read::" in out and "read 3 days ago" in out


def test_check_json_prints_an_error_document_when_a_database_cannot_be_read(down: SiteBuilder) -> None:
    CACHE.unlink()
    code, out, err = _cli("check", "--format", "json")
    assert code == EXIT_UNUSABLE
    error = json.loads(out)["error"]
    assert error["database"] == "shop" and "cannot connect" in error["message"] and error["file"] is None
    assert "cannot connect" in err  # and the message on stderr, as in the other formats

    down.catalog("shop", "database: shop\ntables:\n  orders:\n    kind: tabel\n")
    code, out, _ = _cli("check", "--format", "json")
    assert code == EXIT_UNUSABLE
    error = json.loads(out)["error"]
    assert (error["file"], error["line"], error["database"]) == ("catalog/shop.yml", 4, None)
