"""Benchmark: read a 1,000-revision Alembic folder (target: under a second).

    python bench/migrations_alembic.py [--revisions 1000] [--runs 7]

Prints the median time of our reader (parse with `ast`, build the graph, order it as
`alembic history` does) and, measured in the same run on the same folder, Alembic's own
ScriptDirectory walk (which imports every file), with the ratio between the two.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

TEMPLATE = '''"""{message}

Revision ID: {rev}
Revises: {down_text}
Create Date: 2024-01-01 10:{minute:02d}:00.000000

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = {rev!r}
down_revision: Union[str, Sequence[str], None] = {down!r}
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column("t{i}", sa.Column("c{i}", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.drop_column("t{i}", "c{i}")
'''


def generate(root: Path, count: int) -> Path:
    """A script location with `count` revisions: mostly a line, with forks merged back every so often."""
    rng = random.Random(1000)
    versions = root / "migrations" / "versions"
    versions.mkdir(parents=True)
    (root / "migrations" / "env.py").write_text("")
    (root / "migrations" / "script.py.mako").write_text("")
    heads: list[str] = []
    for i in range(count):
        rev = f"{rng.randrange(16**12):012x}"
        if not heads:
            down: str | tuple[str, ...] | None = None
        elif len(heads) > 1 and rng.random() < 0.5:
            down = tuple(heads)  # merge
        elif rng.random() < 0.05:
            down = heads[-1]
            heads = heads + [rev]  # fork: keep the old head open
        else:
            down = heads[-1]
        if isinstance(down, tuple):
            heads = [rev]
        elif down is not None and rev not in heads:
            heads = [h for h in heads if h != down] + [rev]
        elif down is None:
            heads = [rev]
        down_text = ", ".join(down) if isinstance(down, tuple) else (down or "")
        text = TEMPLATE.format(message=f"change {i}", rev=rev, down=down, down_text=down_text, minute=i % 60, i=i)
        (versions / f"{rev}_change_{i}.py").write_text(text)
    return root / "migrations"


def median_seconds(action, runs: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--revisions", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from mkdocs_dbcatalog.sources.migrations import MigrationSource, read_files

    with tempfile.TemporaryDirectory() as tmp:
        location = generate(Path(tmp), args.revisions)
        source = MigrationSource(location, "migrations", "alembic")
        files = read_files(source)
        assert len(files.found) == args.revisions

        config = Config()
        config.set_main_option("script_location", str(location))

        def alembic_walk() -> None:
            revisions = list(ScriptDirectory.from_config(config).walk_revisions())
            assert len(revisions) == args.revisions

        expected = [s.revision for s in ScriptDirectory.from_config(config).walk_revisions()]
        assert [f.key for f in reversed(files.found)] == expected, "order differs from alembic history"

        ours = median_seconds(lambda: read_files(source), args.runs)
        theirs = median_seconds(alembic_walk, args.runs)
    print(f"{args.revisions} Alembic revisions, median of {args.runs} runs (heads: {len(files.heads)})")
    print(f"  mkdocs-dbcatalog reader (ast, no import): {ours * 1000:8.1f} ms")
    print(f"  alembic ScriptDirectory.walk_revisions:   {theirs * 1000:8.1f} ms")
    print(f"  ratio (ours / alembic):                   {ours / theirs:8.2f}")
    print(f"  target under 1 s: {'met' if ours < 1 else 'MISSED'}")
    return 0 if ours < 1 else 1


if __name__ == "__main__":
    sys.exit(main())
