"""The sample site's notifications database is read live from a committed SQLite file."""

from __future__ import annotations

import html
import importlib.util
import re
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_dbcatalog.sources.live import read_database

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


def test_sample_site_builds_strict_with_a_live_database(tmp_path: Path) -> None:
    config = load_config(str(SAMPLE / "mkdocs.yml"), strict=True, site_dir=str(tmp_path / "site"))
    build(config)
    page = (tmp_path / "site" / "databases" / "notifications" / "index.html").read_text(encoding="utf-8")
    text = html.unescape(re.sub(r"<[^>]+>", "", page))
    assert "Read live from the database at build time" in text
    assert "SQLite 3." in text and "pending" in text
    outbox = (tmp_path / "site" / "databases" / "notifications" / "outbox" / "index.html").read_text(encoding="utf-8")
    assert "json_valid(payload)" in html.unescape(outbox)
