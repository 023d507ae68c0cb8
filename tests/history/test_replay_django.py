"""A Django project with two apps replayed on PostgreSQL with Django's own `migrate`, one migration at a
time in `migrate`'s plan order: what the analysis says each migration changed is what the database shows.

The project's migrations use what real ones use: models with foreign keys across apps, a many-to-many
field, renamed fields and models, AlterField, a data migration (RunPython), RunSQL with state
operations, AlterModelTable, indexes and constraints.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mkdocs_dbcatalog.catalog.changes import Analysis
from mkdocs_dbcatalog.catalog.model import Database
from mkdocs_dbcatalog.history import analyse_migrations
from mkdocs_dbcatalog.sources.migrations import MigrationSource, read_files

from ..conftest import _server_or_skip
from .replay import Replay, analysed_steps, compare, django_replayed, head_facts

PROJECT = Path(__file__).resolve().parents[1] / "data" / "history" / "django_shop"
FILES = read_files(MigrationSource(PROJECT, PROJECT.name, "django"))
ORDER = [f.key for f in FILES.found]


@pytest.fixture(scope="module")
def replayed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Replay, dict[str, set[tuple[str, ...]]]]]:
    _server_or_skip("127.0.0.1", 5432, "PostgreSQL")
    with django_replayed(PROJECT, ORDER, tmp_path_factory.mktemp("django") / "reads.json") as replay:
        analysis = analyse_migrations(FILES, "postgresql")
        assert analysis is not None
        yield replay, analysed_steps(ORDER, analysis.analyses)


def test_the_plan_interleaves_the_apps_by_their_dependencies() -> None:
    assert ORDER.index("blog.0001_initial") > ORDER.index("shop.0003_order")
    assert ORDER.index("blog.0003_featured_item") > ORDER.index("shop.0006_product_is_item")


def test_every_migration_is_analysed() -> None:
    analysis = analyse_migrations(FILES, "postgresql")
    assert analysis is not None
    assert {k: s.unread for k, s in analysis.folded.steps.items() if s.analysis is not Analysis.ANALYSED} == {}


@pytest.mark.postgres
@pytest.mark.parametrize("migration", ORDER)
def test_each_migration_changes_what_the_database_shows(
    replayed: tuple[Replay, dict[str, set[tuple[str, ...]]]], migration: str
) -> None:
    replay, analysed = replayed
    truth = replay.steps[migration]
    assert analysed[migration] == truth, f"{migration}:\n{compare(truth, analysed[migration])}"


@pytest.mark.postgres
def test_the_folded_structure_is_the_database_after_the_last_migration(
    replayed: tuple[Replay, dict[str, set[tuple[str, ...]]]],
) -> None:
    replay, _ = replayed
    analysis = analyse_migrations(FILES, "postgresql")
    assert analysis is not None
    folded = Database("x", tables=analysis.folded.tables)
    assert any(f[0] == "column is" for f in head_facts(folded))  # columns with their types: not an empty match
    assert head_facts(folded) == head_facts(replay.reads[-1]), compare(head_facts(replay.reads[-1]), head_facts(folded))
