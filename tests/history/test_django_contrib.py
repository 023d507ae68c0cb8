"""A real public Django history: the migrations of Django's own contrib apps (admin, auth,
contenttypes, flatpages, redirects, sessions, sites), as installed with Django, written by Django's
developers over fifteen years (squash-free, AlterField-heavy, swappable user model).

Every one is analysed, on every engine; and replayed with Django's `migrate` on PostgreSQL, one at a
time, each changes what the analysis says it changes, and the folded structure at the head is the
database's (tables, columns, types, nullability, primary keys and foreign keys).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import django
import pytest

from mkdocs_dbcatalog.catalog.changes import Analysis
from mkdocs_dbcatalog.history import analyse_migrations
from mkdocs_dbcatalog.merge import canonical_type
from mkdocs_dbcatalog.sources.migrations import MigrationSource, read_files

from ..conftest import _server_or_skip
from .replay import Fact, Replay, analysed_steps, compare, django_replayed

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
    with django_replayed(project, ORDER, project / "reads.json") as replay:
        yield replay


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
