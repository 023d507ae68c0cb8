"""SQL migration histories of the sample site replayed on real databases, one migration at a time:
golang-migrate (notifications) on SQLite, Prisma (payments) and Flyway (inventory) on MariaDB.

Neither tool's command line installs here (a Go binary, a Node package that downloads engines); each
applies a migration by sending its forward SQL to the database, which is what the replay does, through
the database's own client (`sqlite3`, `mariadb`), in the tool's order.
"""

from __future__ import annotations

import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from mkdocs_dbcatalog.catalog.changes import Analysis
from mkdocs_dbcatalog.catalog.model import Database
from mkdocs_dbcatalog.history import analyse_migrations
from mkdocs_dbcatalog.sources.migrations import MigrationSource, read_files

from ..conftest import MARIADB_ADMIN_URL, _server_or_skip, unique_name
from .replay import Replay, analysed_steps, compare, head_facts, read

SERVICES = Path(__file__).resolve().parents[2] / "sample_site" / "services"
HISTORIES = {
    "notifications": (SERVICES / "notifications" / "migrations", "golang-migrate", "sqlite"),
    "payments": (SERVICES / "payments" / "prisma" / "migrations", "prisma", "mariadb"),
    "inventory": (SERVICES / "catalog" / "src" / "main" / "resources" / "db" / "migration", "flyway", "mariadb"),
}


def _files(name: str):  # type: ignore[no-untyped-def]
    folder, tool, _ = HISTORIES[name]
    return read_files(MigrationSource(folder, folder.name, tool))


CASES = [(name, f.key) for name in HISTORIES for f in _files(name).found]


def _mariadb(url: str, script: Path) -> None:
    parsed = sa.make_url(url)
    with script.open("rb") as source:
        subprocess.run(
            [
                "mariadb",
                "-h",
                parsed.host or "127.0.0.1",
                "-P",
                str(parsed.port or 3306),
                "-u",
                parsed.username or "root",
                parsed.database or "",
            ],
            stdin=source,
            check=True,
            capture_output=True,
        )


@pytest.fixture(scope="module")
def replayed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, tuple[Replay, dict[str, object]]]]:
    folder = tmp_path_factory.mktemp("replay")
    results: dict[str, tuple[Replay, dict[str, object]]] = {}
    created: list[str] = []
    admin = None
    try:
        for name, (_, _, engine) in HISTORIES.items():
            files = _files(name)
            analysis = analyse_migrations(files, engine)
            assert analysis is not None
            if engine == "sqlite":
                path = folder / f"{name}.db"
                sqlite3.connect(path).close()
                url = f"sqlite:///{path}"

                def apply(script: Path, path: Path = path) -> None:
                    with sqlite3.connect(path) as conn:
                        conn.executescript(script.read_text(encoding="utf-8"))
                    conn.close()
            else:
                _server_or_skip("127.0.0.1", 3306, "MariaDB")
                admin = admin or sa.create_engine(MARIADB_ADMIN_URL, isolation_level="AUTOCOMMIT")
                database = unique_name("hist")
                with admin.connect() as conn:
                    conn.execute(sa.text(f"CREATE DATABASE `{database}` CHARACTER SET utf8mb4"))
                created.append(database)
                url = MARIADB_ADMIN_URL.rsplit("/", 1)[0] + f"/{database}"

                def apply(script: Path, url: str = url) -> None:
                    _mariadb(url, script)

            replay = Replay()
            replay.reads.append(read(url))
            for item in files.found:
                assert item.source is not None
                apply(item.source)
                replay.record(item.key, read(url))
            order = [f.key for f in files.found]
            results[name] = (replay, {"analysis": analysis, "steps": analysed_steps(order, analysis.analyses)})
        yield results
    finally:
        if admin is not None:
            with admin.connect() as conn:
                for database in created:
                    conn.execute(sa.text(f"DROP DATABASE IF EXISTS `{database}`"))
            admin.dispose()


@pytest.mark.mariadb
@pytest.mark.parametrize(("history", "migration"), CASES, ids=[f"{h}-{k}" for h, k in CASES])
def test_each_migration_changes_what_the_database_shows(replayed: dict, history: str, migration: str) -> None:
    replay, context = replayed[history]
    step = context["analysis"].folded.steps[migration]
    truth, analysed = replay.steps[migration], context["steps"][migration]
    assert step.analysis is Analysis.ANALYSED, step.unread
    assert analysed == truth, f"{history} {migration}:\n{compare(truth, analysed)}"


@pytest.mark.mariadb
@pytest.mark.parametrize("history", list(HISTORIES))
def test_the_folded_structure_is_the_database_after_the_last_migration(replayed: dict, history: str) -> None:
    replay, context = replayed[history]
    analysis = context["analysis"]
    folded = Database("x", tables=analysis.folded.tables)
    assert any(f[0] == "column is" for f in head_facts(folded))  # columns with their types: not an empty match
    assert head_facts(folded) == head_facts(replay.reads[-1]), compare(head_facts(replay.reads[-1]), head_facts(folded))
