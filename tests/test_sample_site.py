"""The sample site: built strict, it holds every section of the hand-written catalog for every database,
and its notifications database is read live from a committed SQLite file."""

from __future__ import annotations

import html
import importlib.util
import re
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_dbcatalog.sources.live import read_database

from .sitebuilder import CATALOG_SECTIONS, DATABASE_SECTIONS, headings

SAMPLE = Path(__file__).resolve().parents[1] / "sample_site"


def test_committed_database_is_what_the_sql_script_makes(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("make_notifications_db", SAMPLE / "make_notifications_db.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    fresh = module.make(tmp_path / "fresh.db")
    committed = read_database("notifications", f"sqlite:///{SAMPLE / 'notifications.db'}")
    made = read_database("notifications", f"sqlite:///{fresh}")
    assert committed.tables == made.tables


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site built strict (an Abort here means a warning or an error)."""
    site_dir = tmp_path_factory.mktemp("sample") / "site"
    build(load_config(str(SAMPLE / "mkdocs.yml"), strict=True, site_dir=str(site_dir)))
    return site_dir


def test_every_section_of_the_hand_written_catalog_for_every_database(site: Path) -> None:
    catalog = site / "databases" / "index.html"
    assert set(CATALOG_SECTIONS) <= set(headings(catalog.read_text(encoding="utf-8")))
    footer = html.unescape(re.sub(r"<[^>]+>", "", catalog.read_text(encoding="utf-8")))
    assert re.search(r"Version: Database Catalog v2\.3 ·\s+Last Updated: \d{4}-\d{2}-\d{2} ·\s+Status: ", footer)
    names = ["identity", "inventory", "notifications", "orders", "payments"]
    assert (
        sorted(p.parent.name for p in (site / "databases").glob("*/index.html") if p.parent.name != "health") == names
    )
    engines = set()
    for name in names:
        page = site / "databases" / name / "index.html"
        found = headings(page.read_text(encoding="utf-8"))
        assert set(DATABASE_SECTIONS) <= set(found), (name, set(DATABASE_SECTIONS) - set(found))
        text = html.unescape(re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8")))
        engines.add(re.search(r"Engine: (\w+)", text).group(1))  # type: ignore[union-attr]
        assert "****" in text or name == "notifications"  # connection string, password masked
        for table in (site / "databases" / name).glob("*/index.html"):
            if table.parent.name != "changes":  # the What changed page
                assert "Columns" in headings(table.read_text(encoding="utf-8")), table
    assert engines == {"PostgreSQL", "MariaDB", "MySQL", "SQLite"}


def test_sample_site_reads_its_sqlite_database_live(site: Path) -> None:
    page = (site / "databases" / "notifications" / "index.html").read_text(encoding="utf-8")
    text = html.unescape(re.sub(r"<[^>]+>", "", page))
    assert "Read live from the database at build time" in text
    assert "SQLite 3." in text and "pending" in text
    outbox = (site / "databases" / "notifications" / "outbox" / "index.html").read_text(encoding="utf-8")
    assert "json_valid(payload)" in html.unescape(outbox)
