"""Schema-file reads kept in `cache_dir`: a rebuild with unchanged files parses nothing, a changed
file is parsed again, and the kept read holds no secret a file's comment carried."""

from __future__ import annotations

import pytest

from mkdocs_dbcatalog.sources.ddl import reader

from ..sitebuilder import SiteBuilder, text_of

SECRET = "Hunter2-s3cr3t"
SCHEMA = f"""
CREATE TABLE orders (id int PRIMARY KEY, total numeric NOT NULL);
COMMENT ON TABLE orders IS 'Copied to postgresql://etl:{SECRET}@warehouse/dw';
"""


def _site(site: SiteBuilder, schema: str) -> None:
    (site.root / "db").mkdir(exist_ok=True)
    (site.root / "db" / "structure.sql").write_text(schema, encoding="utf-8")
    site.catalog("shop", "database: shop\nconnection:\n  ddl: ../db/structure.sql\n  dialect: postgres\n")
    site.mkdocs_yml()


def _not_parsed(*_: object) -> object:
    raise AssertionError("the schema file was parsed again")


def test_unchanged_files_are_not_parsed_again_and_changed_ones_are(
    site: SiteBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    _site(site, SCHEMA)
    first = site.build()
    assert first.error is None, first.error
    kept = list((site.root / ".cache/plugin/dbcatalog/ddl").glob("shop-*.json"))
    assert len(kept) == 1
    assert SECRET not in kept[0].read_text(encoding="utf-8") and "etl:****@warehouse" in kept[0].read_text("utf-8")

    reader._read.clear()  # as a new process starts: only the disk remains
    with monkeypatch.context() as patched:
        patched.setattr(reader, "parse_script", _not_parsed)
        again = site.build()
    assert again.error is None, again.error
    assert text_of(again.html("databases/shop/orders/")) == text_of(first.html("databases/shop/orders/"))

    reader._read.clear()
    _site(site, SCHEMA.replace("total numeric NOT NULL", "total numeric NOT NULL, placed_at timestamptz"))
    changed = site.build()
    assert changed.error is None, changed.error
    assert "placed_at" in text_of(changed.html("databases/shop/orders/"))
    assert len(list((site.root / ".cache/plugin/dbcatalog/ddl").glob("shop-*.json"))) == 1  # the old one replaced
