"""Alembic: a real project made with `alembic init` / `revision` / `merge` / `upgrade`, and the
pitfalls real repositories have (docstring after imports, expressions, stale headers)."""

from __future__ import annotations

import random
import re
import textwrap
from pathlib import Path

import pytest

from mkdocs_dbcatalog.catalog.model import MigrationStatus
from mkdocs_dbcatalog.sources.migrations import read_files
from mkdocs_dbcatalog.sources.migrations.history import MigrationSource

from .helpers import history, page, python, table_rows


def alembic(project: Path, *args: str) -> str:
    return python("-m", "alembic", *args, cwd=project)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """`alembic init` plus a branch and a merge: a1 -> b2 -> (c3 | d4) -> e5 (merge) -> f6."""
    root = tmp_path / "orders"
    root.mkdir()
    alembic(root, "init", "migrations")
    alembic(root, "revision", "-m", "create users", "--rev-id", "a1")
    alembic(root, "revision", "-m", "add email", "--rev-id", "b2")
    alembic(root, "revision", "-m", "branch one", "--rev-id", "c3", "--head", "b2")
    alembic(root, "revision", "-m", "branch two", "--rev-id", "d4", "--head", "b2", "--splice")
    alembic(root, "merge", "heads", "-m", "merge heads", "--rev-id", "e5")
    alembic(root, "revision", "-m", "after merge", "--rev-id", "f6")
    return root


def history_order(output: str) -> list[str]:
    """Revision ids in the order `alembic history` prints them (newest first)."""
    return [m.group(1) for m in re.finditer(r"^.*?-> (\w+)", output, re.MULTILINE)]


@pytest.mark.postgres
def test_page_shows_applied_and_pending_in_alembic_history_order(project: Path, pg_url: str) -> None:
    ini = project / "alembic.ini"
    ini.write_text(re.sub(r"(?m)^sqlalchemy\.url = .*$", f"sqlalchemy.url = {pg_url}", ini.read_text()))
    alembic(project, "upgrade", "c3")  # one branch of the fork applied, the other not
    assert "c3" in alembic(project, "current")
    expected = history_order(alembic(project, "history"))
    assert sorted(expected) == ["a1", "b2", "c3", "d4", "e5", "f6"]

    result = history(project, pg_url)
    markdown = page(result)
    rows = table_rows(markdown)
    assert [version for version, _ in rows] == expected
    statuses = {version: status for version, status in rows}
    assert {v for v, s in statuses.items() if s == "applied"} == {"a1", "b2", "c3"}
    assert {v for v, s in statuses.items() if s == "pending"} == {"d4", "e5", "f6"}
    assert "**3 applied, 3 pending**; current head: <code>c3</code>" in markdown
    assert "Applied state read from the <code>alembic&#95;version</code> table" in markdown
    # Graph roles: the fork, the merge (with both parents) and the head are marked.
    assert "<code>b2</code> <em>branch point</em>" in markdown
    assert "<code>e5</code> <em>merge</em></td> <td><code>c3</code>, <code>d4</code>" in markdown
    assert "<code>f6</code> <em>head</em>" in markdown
    assert "alembic -c orders/alembic.ini upgrade head" in markdown
    assert "S3cret" not in markdown


@pytest.mark.postgres
def test_missing_bookkeeping_table_means_nothing_applied_and_is_not_created(project: Path, pg_url: str) -> None:
    import sqlalchemy as sa

    result = history(project, pg_url)
    assert {m.status for m in result.migrations} == {MigrationStatus.PENDING}
    assert result.current is None and result.problems == ()
    engine = sa.create_engine(pg_url)
    with engine.connect() as conn:
        assert not sa.inspect(conn).has_table("alembic_version")
    engine.dispose()


@pytest.mark.postgres
def test_unknown_revision_in_database_is_reported(project: Path, pg_url: str) -> None:
    import sqlalchemy as sa

    engine = sa.create_engine(pg_url)
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
        conn.exec_driver_sql("INSERT INTO alembic_version VALUES ('zz99')")
    engine.dispose()
    result = history(project, pg_url)
    missing = [m for m in result.migrations if m.status is MigrationStatus.MISSING_FILE]
    assert [m.version for m in missing] == ["zz99"]
    assert any("zz99, which no file defines" in p for p in result.problems)


def test_without_a_database_the_state_is_unknown_and_files_give_the_order(project: Path) -> None:
    result = history(project)
    assert not result.state_known
    assert [m.version for m in reversed(result.migrations)] == history_order(alembic(project, "history"))
    assert result.heads == ("f6",)
    markdown = page(result)
    assert "Applied state not read" in markdown
    assert "<th>Status</th>" not in markdown
    assert "**6 migrations**; head: f6." in markdown


def test_multiple_heads_are_a_warning_with_the_fix(project: Path) -> None:
    alembic(project, "revision", "-m", "second head", "--rev-id", "g7", "--head", "e5", "--splice")
    result = history(project)
    assert set(result.heads) == {"f6", "g7"}
    (problem,) = [p for p in result.problems if "heads" in p]
    assert "2 heads" in problem and "alembic merge heads" in problem
    markdown = page(result)
    assert '!!! warning "Migration problem"' in markdown
    assert "alembic -c orders/alembic.ini upgrade heads" in markdown


def write(path: Path, text: str) -> None:
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")


def test_pitfalls_docstring_after_imports_expressions_and_stale_headers(tmp_path: Path) -> None:
    versions = tmp_path / "versions"
    versions.mkdir()
    write(
        versions / "kilo_initial.py",
        '''
        # Copyright 2014 OpenStack Foundation
        # Licensed under the Apache License
        from alembic import op

        """kilo initial

        Revision ID: kilo
        Revises: None
        Create Date: 2015-04-01 12:00:00.000000

        """

        revision = 'kilo'
        down_revision = None
        ''',
    )
    write(
        versions / "0002_typed.py",
        '''
        """
        add accounts

        Spreads the accounts over
        two tables.

        The `releases` table is kept.

        Revision ID: 1f002cab0a7
        Revises: None
        Create Date: 2016-01-02 03:04:05.123456+02:00
        """
        from typing import Sequence, Union

        PREVIOUS = "ki" + "lo"
        revision: str = "1f002cab0a7"
        down_revision: Union[str, None] = PREVIOUS
        branch_labels = None
        ''',
    )
    write(
        versions / "0003_expression.py",
        '''
        """computed parent

        Revision ID: 3c
        Revises: 1f002cab0a7
        Create Date: 2017-01-01 00:00:00

        """
        import helpers

        revision = "3c"
        down_revision = helpers.previous("3c")
        ''',
    )
    write(versions / "helpers.py", "def previous(rev):\n    return None\n")
    result = history(versions, tool="alembic")
    by_version = {m.version: m for m in result.migrations}
    assert [m.version for m in result.migrations] == ["kilo", "1f002cab0a7", "3c"]
    # Docstring after a license comment and imports: Python sees no docstring, Alembic's text is still there.
    assert by_version["kilo"].description == "kilo initial"
    assert by_version["kilo"].date is not None and by_version["kilo"].date.year == 2015
    # A docstring starting with a newline; a typed assignment; a parent given through a constant;
    # the `Revises: None` header is stale and ignored.
    assert by_version["1f002cab0a7"].parents == ("kilo",)
    # The title and the body's paragraphs stay apart (a wrapped line is not a paragraph).
    assert by_version["1f002cab0a7"].description == (
        "add accounts\n\nSpreads the accounts over two tables.\n\nThe `releases` table is kept."
    )
    cell = "<td>add accounts<br><br>Spreads the accounts over two tables.<br><br>The `releases` table"
    assert cell in page(result)
    assert by_version["1f002cab0a7"].date is not None and by_version["1f002cab0a7"].date.utcoffset() is not None
    # A parent only running the file could compute: the header is used, and the page says so.
    assert by_version["3c"].parents == ("1f002cab0a7",)
    assert any("0003_expression.py line 11" in p and "`Revises:` header" in p for p in result.problems)
    assert result.heads == ("3c",)


def test_order_matches_alembic_script_directory_on_a_branchy_graph(tmp_path: Path) -> None:
    """A generated history with forks, merges and depends_on: our order is Alembic's own walk."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    rng = random.Random(7)
    versions = tmp_path / "migrations" / "versions"
    versions.mkdir(parents=True)
    (tmp_path / "migrations" / "env.py").write_text("")
    (tmp_path / "migrations" / "script.py.mako").write_text("")
    heads: list[str] = []
    made: list[str] = []
    for i in range(80):
        rev = f"r{i:03d}{rng.randrange(16**4):04x}"
        roll = rng.random()
        if not heads:
            down: str | tuple[str, ...] | None = None
        elif roll < 0.15 and len(heads) > 1:
            down = tuple(rng.sample(heads, 2))
        elif roll < 0.3:
            down = rng.choice(made)
        else:
            down = rng.choice(heads)
        depends = rng.choice(made) if made and rng.random() < 0.1 else None
        parents = [] if down is None else [down] if isinstance(down, str) else list(down)
        heads = [h for h in heads if h not in parents] + [rev]
        made.append(rev)
        # File names sort differently from the graph on purpose.
        name = f"{rng.randrange(10**6):06d}_{rev}.py"
        (versions / name).write_text(
            f'"""rev {rev}\n\nRevision ID: {rev}\n"""\n'
            f"revision = {rev!r}\ndown_revision = {down!r}\nbranch_labels = None\ndepends_on = {depends!r}\n"
        )
    config = Config()
    config.set_main_option("script_location", str(tmp_path / "migrations"))
    expected = [s.revision for s in ScriptDirectory.from_config(config).walk_revisions()]
    files = read_files(MigrationSource(tmp_path / "migrations", "migrations", "alembic"))
    assert [f.key for f in reversed(files.found)] == expected
