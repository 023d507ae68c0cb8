"""Benchmark: schema history at scale (issue 12's targets).

    python bench/history.py [--revisions 1000] [--tables 1000] [--runs 5]

1. A 1,000-revision Alembic history analysed: read the folder, analyse every `upgrade()` (tables
   created, columns added and altered, indexes, foreign keys, `op.execute` SQL, batch blocks) and
   fold it to the structure at the head (target <= 2 s). Baseline in the same run: Alembic's own
   `ScriptDirectory.walk_revisions`, which only imports the files.
2. `diff` of two 1,000-table snapshot files (as `snapshot` writes them; the second with scripted
   changes): both files read as the command reads them, then compared (target <= 1 s). Baseline in
   the same run: parsing the two files with PyYAML's C loader, nothing else.

Runs alternate between a measurement and its baseline. Each line prints the median of the runs,
the ratio to its baseline and to its target, and MISSED when the target is missed.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from schemas import GenTable, ddl, generate

HEADER = '''"""{message}

Revision ID: {rev}
Revises: {down}
Create Date: 2024-01-01 10:00:00.000000
"""
import sqlalchemy as sa
from alembic import op

revision = {rev!r}
down_revision = {down_value!r}
branch_labels = None
depends_on = None


def upgrade() -> None:
{body}


def downgrade() -> None:
    pass
'''


def _body(i: int, rng: random.Random) -> str:
    """What revision i does: a new table every tenth revision, else changes to earlier tables."""
    table = f"t{i // 10:04d}"
    if i % 10 == 0:
        parent = f"t{rng.randrange(i // 10):04d}" if i >= 10 else None
        fk = f',\n        sa.Column("parent_id", sa.BigInteger(), sa.ForeignKey("{parent}.id"))' if parent else ""
        return (
            f'    op.create_table(\n        "{table}",\n'
            '        sa.Column("id", sa.BigInteger(), primary_key=True),\n'
            '        sa.Column("name", sa.String(80), nullable=False),\n'
            '        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"))'
            f"{fk},\n    )\n"
            f'    op.create_index("ix_{table}_name", "{table}", ["name"], unique=True)'
        )
    kind = i % 10
    if kind in (1, 4, 7):
        return f'    op.add_column("{table}", sa.Column("c{i}", sa.Numeric(12, 2), nullable=True, comment="c{i}"))'
    if kind in (2, 5):
        return f'    op.alter_column("{table}", "name", type_=sa.String({80 + i % 50}), existing_nullable=False)'
    if kind == 3:
        return f"    op.execute(\"ALTER TABLE {table} ADD COLUMN s{i} text DEFAULT 'x'\")"
    if kind == 6:
        return (
            f'    with op.batch_alter_table("{table}") as batch_op:\n'
            f'        batch_op.add_column(sa.Column("b{i}", sa.Boolean(), server_default=sa.false()))\n'
            f'        batch_op.create_index("ix_{table}_b{i}", ["b{i}"])'
        )
    if kind == 8:
        return f'    op.drop_column("{table}", "c{i - 7}")'
    return f'    op.create_unique_constraint("uq_{table}_{i}", "{table}", ["name", "created_at"])'


def alembic_history(root: Path, count: int) -> Path:
    rng = random.Random(12)
    versions = root / "migrations" / "versions"
    versions.mkdir(parents=True)
    (root / "migrations" / "env.py").write_text("")
    (root / "migrations" / "script.py.mako").write_text("")
    down: str | None = None
    for i in range(count):
        rev = f"{rng.randrange(16**12):012x}"
        text = HEADER.format(message=f"change {i}", rev=rev, down=down or "", down_value=down, body=_body(i, rng))
        (versions / f"{rev}_change_{i}.py").write_text(text)
        down = rev
    return root / "migrations"


def changed(tables: list[GenTable]) -> list[GenTable]:
    """The scripted changes of the second snapshot: tables dropped and added, columns added,
    dropped and retyped, foreign keys and unique constraints gone."""
    out = []
    for i, t in enumerate(tables):
        if i % 97 == 5:
            continue  # dropped (nothing points at a table dropped here: only earlier tables are parents)
        columns = list(t.columns)
        if i % 23 == 0:
            columns.append(("added", "text"))
        if i % 31 == 0 and len(columns) > 2:
            columns.pop(1)
        if i % 41 == 0:
            columns[0] = (columns[0][0], "text" if columns[0][1] != "text" else "int")
        parents = [p for p in t.parents if int(p[1][1:]) % 97 != 5]
        if i % 53 == 0:
            parents = parents[:-1]
        out.append(GenTable(t.name, columns, parents, [] if i % 59 == 0 else t.unique))
    out += [GenTable(f"new{i:02d}", [("c00", "int"), ("c01", "varchar")], [], []) for i in range(10)]
    return out


def medians(runs: int, *actions: Callable[[], object]) -> list[float]:
    """Median seconds of each action, the runs alternating so that all see the same machine load."""
    times: list[list[float]] = [[] for _ in actions]
    for _ in range(runs):
        for action, spent in zip(actions, times, strict=True):
            start = time.perf_counter()
            action()
            spent.append(time.perf_counter() - start)
    return [statistics.median(spent) for spent in times]


def line(label: str, seconds: float, baseline: float, target: float) -> bool:
    met = seconds <= target
    print(
        f"  {label:<44} {seconds * 1000:8.1f} ms  {seconds / baseline:6.2f}x baseline  "
        f"{seconds / target:5.2f} of target {target:g} s{'' if met else '  MISSED'}"
    )
    return met


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--revisions", type=int, default=1000)
    parser.add_argument("--tables", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    import yaml
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from mkdocs_dbcatalog.history import analyse_migrations, diff_databases
    from mkdocs_dbcatalog.history.sides import from_text, load_side
    from mkdocs_dbcatalog.snapshot.writer import snapshot
    from mkdocs_dbcatalog.sources.migrations import MigrationSource, read_files

    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        location = alembic_history(root / "alembic", args.revisions)
        source = MigrationSource(location, "migrations", "alembic")

        def analysed() -> None:
            analysis = analyse_migrations(read_files(source), "postgresql")
            assert analysis is not None and len(analysis.analyses) == args.revisions
            assert not any(a.unread for a in analysis.analyses.values()), "every revision is meant to be read"

        config = Config()
        config.set_main_option("script_location", str(location))

        def alembic_walk() -> None:
            assert len(list(ScriptDirectory.from_config(config).walk_revisions())) == args.revisions

        baseline, ours = medians(args.runs, alembic_walk, analysed)
        print(f"{args.revisions} Alembic revisions, median of {args.runs} runs")
        print(f"  {'baseline: alembic walk_revisions (imports)':<44} {baseline * 1000:8.1f} ms")
        ok &= line("read, analyse every upgrade(), fold", ours, baseline, 2.0)

        tables = generate(args.tables)
        files = []
        for name, shape in (("before", tables), ("after", changed(tables))):
            sql = (";\n".join(ddl(shape, "postgresql")) + ";\n").encode()
            database = from_text(sql, f"{name}.sql", f"{name}.sql", "postgres")
            path = root / f"{name}.yml"
            path.write_text(snapshot(database)[0], encoding="utf-8")
            files.append(path)
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

        def parse_only() -> None:
            for path in files:
                yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # a safe loader

        def compared() -> None:
            before, after = (load_side(str(p), cwd=root).database for p in files)
            assert diff_databases(before, after)

        before, after = (load_side(str(p), cwd=root).database for p in files)
        count = len(diff_databases(before, after))
        baseline, both, alone = medians(args.runs, parse_only, compared, lambda: diff_databases(before, after))
        size = sum(p.stat().st_size for p in files) / 2 / 1e6
        print(f"diff of two {args.tables}-table snapshot files ({size:.1f} MB each, {count} changes), median")
        print(f"  {'baseline: PyYAML C loader, both files':<44} {baseline * 1000:8.1f} ms")
        ok &= line("diff command: read both files, compare", both, baseline, 1.0)
        line("compare only (diff_databases)", alone, baseline, 1.0)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
