"""Ahead of the peer: our build of a 500-table SQLite database against mkdocs-sqlalchemy-plugin's.

    python bench/peer.py [--runs 5] [--tables 500]

The peer, mkdocs-sqlalchemy-plugin (pinned below), documents the tables of a SQLAlchemy declarative
base; the bench installs it into its own virtual environment under bench/out/ (gitignored) with the
same MkDocs and Material versions as ours, and gives it a `models.py` whose base reflects the SQLite
file (`MetaData.reflect`, the way a project without models would use it). Both sites are Material
with search, one page per table of the same SQLite file (bench/schemas.py): ours reads it live
(`databases: - url: sqlite:///...`), the peer's pages each hold `{% sqlalchemy table="..." %}`.

Each build is `python -m mkdocs build` in its own interpreter (start-up and imports included), timed
in CPU seconds of that process; runs alternate between the two, and each figure is a median.

Target (issue 14 item 2): our build takes at most 0.7x the peer's.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import venv
from importlib.metadata import version
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_scale import missed
from schemas import ddl, generate

PEER = "mkdocs-sqlalchemy-plugin==0.1.0"
TARGET = 0.7
OUT = Path(__file__).resolve().parent / "out"
QUIET = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
"""Material's end-of-life notice off: the builds print nothing."""


def peer_python() -> Path:
    """The peer's own interpreter, its environment made once (the same MkDocs and Material as ours)."""
    home = OUT / "peer-venv"
    python = home / "bin" / "python"
    pins = [PEER, f"mkdocs=={version('mkdocs')}", f"mkdocs-material=={version('mkdocs-material')}"]
    stamp = home / "pins.txt"
    if not stamp.exists() or stamp.read_text() != "\n".join(pins):
        shutil.rmtree(home, ignore_errors=True)
        venv.create(home, with_pip=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", *pins], check=True)
        stamp.write_text("\n".join(pins))
    return python


def write_database(path: Path, tables: int) -> list[str]:
    with sqlite3.connect(path) as connection:
        connection.executescript(";\n".join(ddl(generate(tables), "sqlite")) + ";")
    return [t.name for t in generate(tables)]


def site_config(plugins: list[object], **extra: object) -> str:
    config = {"site_name": "Bench", "theme": {"name": "material"}, "plugins": ["search", *plugins], **extra}
    return yaml.safe_dump(config, sort_keys=False)


def write_ours(root: Path, database: Path) -> None:
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Home\n")
    plugin = {"dbcatalog": {"databases": [{"name": "bench", "url": f"sqlite:///{database}"}]}}
    (root / "mkdocs.yml").write_text(site_config([plugin]))


def write_peer(root: Path, database: Path, names: list[str]) -> None:
    (root / "docs" / "tables").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Home\n")
    for name in names:
        (root / "docs" / "tables" / f"{name}.md").write_text(f'# {name}\n\n{{% sqlalchemy table="{name}" %}}\n')
    (root / "models.py").write_text(
        "from sqlalchemy import create_engine\n"
        "from sqlalchemy.orm import DeclarativeBase\n\n\n"
        "class Base(DeclarativeBase):\n    pass\n\n\n"
        f"Base.metadata.reflect(create_engine({f'sqlite:///{database}'!r}))\n"
    )
    plugin = {"sqlalchemy": {"base_class": "models.Base", "app_path": str(root)}}
    (root / "mkdocs.yml").write_text(site_config([plugin], not_in_nav="/tables/*.md"))


def timed_build(python: Path | str, root: Path) -> float:
    """CPU seconds (user + system) of one `mkdocs build` process: on a shared machine, waiting for a
    core is not the build's."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([str(python), "-m", "mkdocs", "build", "--quiet"], cwd=root, check=True, env=QUIET)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def pages(root: Path, under: str) -> int:
    return sum(1 for _ in (root / "site" / under).glob("*/index.html"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tables", type=int, default=500)
    args = parser.parse_args()
    peer = peer_python()
    with tempfile.TemporaryDirectory() as tmp:
        database = Path(tmp) / "bench.sqlite"
        names = write_database(database, args.tables)
        ours_root, peer_root = Path(tmp) / "ours", Path(tmp) / "peer"
        write_ours(ours_root, database)
        write_peer(peer_root, database, names)
        timed_build(sys.executable, ours_root)  # warm the file cache on both sides
        timed_build(peer, peer_root)
        ours, theirs = [], []
        for _ in range(args.runs):
            ours.append(timed_build(sys.executable, ours_root))
            theirs.append(timed_build(peer, peer_root))
        mine, peers = statistics.median(ours), statistics.median(theirs)
        print(f"{'site':<32} {'table pages':>11} {'CPU s':>8}")
        print(f"{'mkdocs-dbcatalog':<32} {pages(ours_root, 'databases/bench'):>11} {mine:>8.2f}")
        print(f"{PEER:<32} {pages(peer_root, 'tables'):>11} {peers:>8.2f}")
    ratio = mine / peers
    print(f"\n{args.tables} tables: ours vs {PEER} {ratio:.2f}x (target <= {TARGET}x){missed(ratio <= TARGET)}")


if __name__ == "__main__":
    main()
