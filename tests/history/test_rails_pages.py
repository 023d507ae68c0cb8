"""A database file with a Rails app's migrations and nothing else: its pages are built from them."""

from __future__ import annotations

import html
import re
from pathlib import Path

from ..sitebuilder import SiteBuilder, main_content, text_of
from .test_rails import MIGRATIONS


def test_a_rails_apps_migrations_give_the_structure_and_each_tables_history(tmp_path: Path) -> None:
    site = SiteBuilder(tmp_path)
    migrate = tmp_path / "services" / "books" / "db" / "migrate"
    migrate.mkdir(parents=True)
    for name, text in MIGRATIONS.items():
        (migrate / name).write_text(text)
    site.catalog(
        "books",
        """
        database: books
        engine: postgresql
        migrations:
          tool: rails
          path: ../services/books
        """,
    )
    site.mkdocs_yml({"lint": {"table-without-description": "off", "foreign-key-without-index": "off"}})
    built = site.build()
    assert built.error is None, built.error
    page = text_of(main_content(built.html("databases/books/")))
    assert "Derived from the migrations in services/books, as of 20240101000005" in page
    assert "1 migration not fully analysed: the structure may be incomplete" in page
    raw = main_content(built.html("databases/books/books/"))
    start = raw.index('id="history"')
    items = [
        text_of(li).strip()
        for li in re.findall(r"<li>(.*?)</li>", html.unescape(raw[start : raw.find("<h2", start + 1)]), re.S)
    ]
    assert any(i.startswith("added column editor_id (bigint)") and "migration 20240101000003" in i for i in items)
    assert any(i.startswith("dropped column pages (integer)") for i in items)
    assert any(i.startswith("changed column price: nullable yes → no") for i in items)
    assert items[-1].startswith("created the table with id (bigint, not null, default nextval('books_id_seq'")
    assert "migration 20240101000002 create_books" in items[-1]
    authors = text_of(main_content(built.html("databases/books/authors/")))
    assert "full_name" in authors and "renamed column name to full_name" in authors
