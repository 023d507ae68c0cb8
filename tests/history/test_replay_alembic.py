"""Alembic histories replayed on PostgreSQL with Alembic itself, one revision at a time: the changes read
from the files must be the changes the database shows after each revision.

Two histories: the sample site's identity service (a fork and a merge), and a shop history that uses
what real projects use (batch blocks, renames, a dialect condition, a helper function, a loop, data
statements, SQL). One database per history, reused across its revisions.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from mkdocs_dbcatalog.catalog.changes import Analysis
from mkdocs_dbcatalog.history import analyse_migrations
from mkdocs_dbcatalog.history.fold import fold
from mkdocs_dbcatalog.sources.migrations import MigrationSource, read_files

from ..conftest import PG_ADMIN_URL, _server_or_skip, unique_name
from .replay import Replay, analysed_steps, compare, facts, read

ROOT = Path(__file__).resolve().parents[2]
HISTORIES = {
    "identity": ROOT / "sample_site" / "services" / "identity" / "migrations",
    "shop": ROOT / "tests" / "data" / "history" / "alembic_shop",
}


def _order(folder: Path) -> list[str]:
    return [f.key for f in read_files(MigrationSource(folder, folder.name, "alembic")).found]


CASES = [(name, key) for name, folder in HISTORIES.items() for key in _order(folder)]


@pytest.fixture(scope="module")
def replayed() -> Iterator[dict[str, tuple[Replay, dict[str, object]]]]:
    """Each history upgraded revision by revision on its own new PostgreSQL database."""
    from alembic import command
    from alembic.config import Config

    _server_or_skip("127.0.0.1", 5432, "PostgreSQL")
    admin = sa.create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    names = []
    results: dict[str, tuple[Replay, dict[str, object]]] = {}
    try:
        for history, folder in HISTORIES.items():
            name = unique_name("hist")
            names.append(name)
            with admin.connect() as conn:
                conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
            url = PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
            config = Config()
            config.set_main_option("script_location", str(folder))
            config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
            files = read_files(MigrationSource(folder, folder.name, "alembic"))
            analysis = analyse_migrations(files, "postgresql")
            assert analysis is not None
            replay = Replay()
            replay.reads.append(read(url))
            for item in files.found:
                command.upgrade(config, item.key)
                replay.record(item.key, read(url))
            order = [f.key for f in files.found]
            results[history] = (replay, {"analysis": analysis, "steps": analysed_steps(order, analysis.analyses)})
        yield results
    finally:
        with admin.connect() as conn:
            for name in names:
                conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.mark.postgres
@pytest.mark.parametrize(("history", "revision"), CASES, ids=[f"{h}-{k}" for h, k in CASES])
def test_each_revision_changes_what_the_database_shows(replayed: dict, history: str, revision: str) -> None:
    replay, context = replayed[history]
    step = context["analysis"].folded.steps[revision]
    truth, analysed = replay.steps[revision], context["steps"][revision]
    if step.analysis is Analysis.ANALYSED:
        assert analysed == truth, f"{history} {revision}:\n{compare(truth, analysed)}"
    else:  # what could not be read is said, never guessed: nothing claimed beyond the truth
        assert step.unread
        assert analysed <= truth, f"{history} {revision}:\n{compare(truth, analysed)}"


@pytest.mark.postgres
def test_the_folded_structure_is_the_database_after_the_last_revision(replayed: dict) -> None:
    for history, (replay, context) in replayed.items():
        analysis = context["analysis"]
        complete = [k for k, s in analysis.folded.steps.items() if s.analysis is Analysis.ANALYSED]
        if len(complete) != len(analysis.folded.steps):
            continue  # compared revision by revision above
        final = {t.key: t for t in fold(list(analysis.folded.steps), analysis.analyses).tables}
        live = {t.key: t for t in replay.reads[-1].tables if t.name != "alembic_version"}
        from mkdocs_dbcatalog.catalog.model import Database
        from mkdocs_dbcatalog.history import diff_databases

        left = facts(diff_databases(Database("x"), Database("x", tables=tuple(final.values()))))
        right = facts(diff_databases(Database("x"), Database("x", tables=tuple(live.values()))))
        assert left == right, f"{history}:\n{compare(right, left)}"


def test_statements_that_cannot_be_read_are_listed_per_line() -> None:
    files = read_files(MigrationSource(HISTORIES["shop"], "shop", "alembic"))
    analysis = analyse_migrations(files, "postgresql")
    assert analysis is not None
    steps = analysis.folded.steps
    assert steps["a003"].analysis is Analysis.ANALYSED  # UPDATE and a table().update(): rows, not structure
    assert steps["a007"].analysis is Analysis.ANALYSED and steps["a007"].changes == ()
    renamed = [str(c) for c in steps["a006"].changes]
    assert renamed[0] == "renamed table orders to purchases"
    assert "renamed column customers.full_name" in " ".join(str(c) for c in steps["a005"].changes) or any(
        c.before == "name" for c in steps["a005"].changes
    )
