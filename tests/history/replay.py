"""Ground truth for migration analysis: replay a history on a real database one migration at a time.

After each migration the database is read live (the plugin's own reader, checked elsewhere against
the databases' catalogs) and compared with the read before it: that difference is what the
migration really did. The analysis must say the same, reduced to what both sides can say: tables
and columns added and dropped (a rename is a drop and an add to the database), and columns whose
type or nullability changed.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa

from mkdocs_dbcatalog.catalog.changes import Action, Change
from mkdocs_dbcatalog.catalog.codec import from_data
from mkdocs_dbcatalog.catalog.model import Database
from mkdocs_dbcatalog.history import diff_databases
from mkdocs_dbcatalog.history.fold import fold
from mkdocs_dbcatalog.history.operations import Analysed
from mkdocs_dbcatalog.merge import canonical_type
from mkdocs_dbcatalog.sources.live import read_database

from ..conftest import PG_ADMIN_URL, unique_name

Fact = tuple[str, ...]
_TABLES = ("table", "view", "materialized view")


def facts(changes: Iterable[Change]) -> set[Fact]:
    """Changes as comparable facts: ("+table", t), ("-column", t, c, type, nullable), ("~column", t, c, attr)."""
    found: set[Fact] = set()
    for change in changes:
        if change.what in _TABLES and change.name is None:
            if change.action is Action.RENAMED:
                found.add(("-table", str(change.before)))
                found.add(("+table", str(change.table)))
            elif change.action in (Action.ADDED, Action.DROPPED):
                found.add(("+table" if change.action is Action.ADDED else "-table", str(change.table)))
            for part in change.parts:
                if change.what == "table" or part.what != "column":
                    found |= facts([part])
                else:  # a view's columns: their names (the types are the database's inference)
                    found.add(("+column", str(part.table), str(part.name)))
        elif change.what == "column":
            table, name = str(change.table), str(change.name)
            if change.action is Action.RENAMED:
                found.add(("-column", table, str(change.before)))
                found.add(("+column", table, name))
            elif change.action in (Action.ADDED, Action.DROPPED):
                sign = "+" if change.action is Action.ADDED else "-"
                found.add((f"{sign}column", table, name))
                if change.action is Action.ADDED and change.detail:
                    found.add(("column is", table, name, _detail(change.detail)))
            else:
                for delta in change.deltas:
                    if delta.attribute in ("type", "nullable"):
                        after = (
                            canonical_type(delta.after) if delta.attribute == "type" and delta.after else delta.after
                        )
                        found.add(("~column", table, name, delta.attribute, str(after)))
    return found


def _detail(detail: str) -> str:
    """`varchar(40), not null, default 'x'` → `character varying(40) not null` (type and nullability)."""
    parts = [p.strip() for p in re.split(r",\s*(?![^()]*\))", detail)]
    type_ = canonical_type(parts[0]) if parts and parts[0] != "type unknown" else "?"
    return f"{type_}{' not null' if 'not null' in parts else ''}"


@dataclass
class Replay:
    """What each migration did to a real database (keys in the order they were applied)."""

    steps: dict[str, set[Fact]] = field(default_factory=dict)
    reads: list[Database] = field(default_factory=list)

    def record(self, key: str, database: Database) -> None:
        before = self.reads[-1] if self.reads else Database(name=database.name)
        self.steps[key] = facts(diff_databases(_without(before), _without(database)))
        self.reads.append(database)


_BOOKKEEPING = re.compile(
    r"^(alembic_version|django_migrations|django_content_type|schema_migrations|_prisma_migrations|goose_db_version|"
    r"flyway_schema_history|databasechangelog(lock)?|ar_internal_metadata)$",
    re.IGNORECASE,
)


def _without(database: Database) -> Database:
    """The database without the tools' own bookkeeping tables."""
    from dataclasses import replace

    return replace(database, tables=tuple(t for t in database.tables if not _BOOKKEEPING.match(t.name)), enums=())


def read(url: str) -> Database:
    return read_database("replay", url)


def analysed_steps(order: list[str], analyses: dict[str, Analysed]) -> dict[str, set[Fact]]:
    """What the analysis says each migration changed, as the difference of the states before and after
    it (as the database can say it: a renamed table is one dropped and one added)."""
    steps: dict[str, set[Fact]] = {}
    before = Database("analysed")
    for i, key in enumerate(order):
        after = Database("analysed", tables=fold(order[: i + 1], analyses).tables)
        steps[key] = facts(diff_databases(before, after))
        before = after
    return steps


def compare(expected: set[Fact], analysed: set[Fact]) -> str:
    """A readable comparison for an assertion message: what only one side says."""
    missing = sorted(expected - analysed)
    extra = sorted(analysed - expected)
    lines = []
    if missing:
        lines.append("the database shows, the analysis does not say:")
        lines += [f"  {f}" for f in missing]
    if extra:
        lines.append("the analysis says, the database does not show:")
        lines += [f"  {f}" for f in extra]
    return "\n".join(lines)


def head_facts(database: Database) -> set[Fact]:
    """The whole structure as facts (every table and column with its type and nullability), the
    tools' bookkeeping left out: what folding all the migrations must give."""
    return facts(diff_databases(Database("x"), _without(database)))


__all__ = ["Fact", "Replay", "analysed_steps", "compare", "facts", "head_facts", "read"]


@contextmanager
def django_replayed(project: Path, order: list[str], out: Path) -> Iterator[Replay]:
    """`project`'s migrations applied with Django's own `migrate`, one at a time in `order`, on a
    fresh PostgreSQL database (dropped after), with the live read after each step."""
    name = unique_name("hist")
    admin = sa.create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    try:
        subprocess.run(
            [sys.executable, str(Path(__file__).with_name("django_replay.py")), str(project), url, str(out), *order],
            check=True,
            capture_output=True,
            timeout=300,
            env={"REPLAY_DB_NAME": name, "PYTHONDONTWRITEBYTECODE": "1", "PATH": "/usr/bin:/bin"},
        )
        reads = [from_data(Database, r) for r in json.loads(out.read_text())]
        replay = Replay(reads=[reads[0]])
        for key, database in zip(order, reads[1:], strict=True):
            replay.record(key, database)
        yield replay
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
