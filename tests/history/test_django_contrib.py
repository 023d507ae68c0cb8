"""A real public Django history: the migrations of Django's own contrib apps (admin, auth,
contenttypes, flatpages, redirects, sessions, sites), as installed with Django, written by Django's
developers over fifteen years (squash-free, AlterField-heavy, swappable user model).

Every one is analysed, on every engine; and replayed with Django's `migrate` on PostgreSQL, one at a
time, each changes what the analysis says it changes, and the folded structure at the head is the
database's (tables, columns, types, nullability, primary keys and foreign keys).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import django
import pytest
import sqlalchemy as sa

from mkdocs_dbcatalog.catalog.changes import Analysis
from mkdocs_dbcatalog.catalog.codec import from_data
from mkdocs_dbcatalog.catalog.model import Database
from mkdocs_dbcatalog.history import analyse_migrations
from mkdocs_dbcatalog.merge import canonical_type
from mkdocs_dbcatalog.sources.migrations import MigrationSource, read_files

from ..conftest import PG_ADMIN_URL, _server_or_skip, unique_name
from .replay import Fact, Replay, analysed_steps, compare

CONTRIB = Path(django.__path__[0]) / "contrib"
APPS = ["admin", "auth", "contenttypes", "flatpages", "redirects", "sessions", "sites"]
FILES = read_files(MigrationSource(CONTRIB, "contrib", "django"))
ORDER = [f.key for f in FILES.found]
SETTINGS = f"""
import os
SECRET_KEY = "replay-only"
USE_TZ = True
SITE_ID = 1
INSTALLED_APPS = {["django.contrib." + app for app in APPS]!r}
DATABASES = {{"default": {{"ENGINE": "django.db.backends.postgresql", "NAME": os.environ["REPLAY_DB_NAME"],
    "USER": "postgres", "HOST": "127.0.0.1", "PORT": "5432"}}}}
"""


@pytest.mark.parametrize("engine", ["postgresql", "sqlite", "mysql"])
def test_every_contrib_migration_is_analysed(engine: str) -> None:
    assert sorted({key.partition(".")[0] for key in ORDER}) == APPS
    assert len(ORDER) >= 23  # Django 5.2 ships 23
    analysis = analyse_migrations(FILES, engine)
    assert analysis is not None
    assert {k: s.unread for k, s in analysis.folded.steps.items() if s.analysis is not Analysis.ANALYSED} == {}


@pytest.fixture(scope="module")
def replayed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Replay]:
    _server_or_skip("127.0.0.1", 5432, "PostgreSQL")
    project = tmp_path_factory.mktemp("contrib")
    (project / "config").mkdir()
    (project / "config" / "__init__.py").write_text("")
    (project / "config" / "settings.py").write_text(SETTINGS)
    name = unique_name("hist")
    admin = sa.create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    out = project / "reads.json"
    try:
        subprocess.run(
            [sys.executable, str(Path(__file__).with_name("django_replay.py")), str(project), url, str(out), *ORDER],
            check=True,
            capture_output=True,
            timeout=300,
            env={"REPLAY_DB_NAME": name, "PYTHONDONTWRITEBYTECODE": "1", "PATH": "/usr/bin:/bin"},
        )
        reads = [from_data(Database, r) for r in json.loads(out.read_text())]
        replay = Replay(reads=[reads[0]])
        for key, database in zip(ORDER, reads[1:], strict=True):
            replay.record(key, database)
        yield replay
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _shown(facts: set[Fact]) -> set[Fact]:
    """django_content_type is bookkeeping to the replay (as in every Django project); left out alike."""
    return {f for f in facts if f[1] != "django_content_type"}


@pytest.mark.postgres
def test_each_contrib_migration_changes_what_the_database_shows(replayed: Replay) -> None:
    analysis = analyse_migrations(FILES, "postgresql")
    assert analysis is not None
    analysed = analysed_steps(ORDER, analysis.analyses)
    wrong = {k: compare(t, _shown(analysed[k])) for k, t in replayed.steps.items() if t != _shown(analysed[k])}
    assert wrong == {}
    assert sum(len(t) for t in replayed.steps.values()) > 60  # the comparison has something to compare


@pytest.mark.postgres
def test_the_folded_head_is_the_database_after_migrate(replayed: Replay) -> None:
    analysis = analyse_migrations(FILES, "postgresql")
    assert analysis is not None
    live = {t.name: t for t in replayed.reads[-1].tables if t.name != "django_migrations"}
    folded = {t.name: t for t in analysis.folded.tables}
    assert sorted(folded) == sorted(live)
    for name, table in live.items():
        mine = folded[name]
        assert sorted((c.name, canonical_type(c.type or ""), c.nullable) for c in mine.columns) == sorted(
            (c.name, canonical_type(c.type or ""), c.nullable) for c in table.columns
        ), name
        assert (mine.primary_key.columns if mine.primary_key else None) == (
            table.primary_key.columns if table.primary_key else None
        ), name
        assert sorted((k.columns, k.target.table, k.target_columns) for k in mine.foreign_keys) == sorted(
            (k.columns, k.target.table, k.target_columns) for k in table.foreign_keys
        ), name
