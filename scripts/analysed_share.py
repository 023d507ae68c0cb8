"""How much of a real migration history the analyser reads: the share of migrations analysed.

    python scripts/analysed_share.py PATH [--tool alembic] [--engine postgresql] [--reasons 15]

PATH is what a database file's `migrations.path` would be (an Alembic script location, a Django
project, a Rails app...). Prints the migrations read fully, partly and not at all, the share
analysed (fully or partly: what the pages show as analysed or partly analysed) and the commonest
reasons a statement was not read. Nothing is run and nothing is downloaded: get the history first,
e.g. a wheel's migrations without installing it:

    pip download --no-deps --only-binary=:all: apache-airflow-core   # or mlflow
    unzip -q apache_airflow_core-*.whl 'airflow/migrations/*' -d /tmp/airflow
    python scripts/analysed_share.py /tmp/airflow/airflow/migrations --tool alembic
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mkdocs_dbcatalog.errors import CatalogError
from mkdocs_dbcatalog.history import analyse_migrations
from mkdocs_dbcatalog.sources.migrations import MigrationSource, read_files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--tool", default=None, help="the migration tool (default: detected)")
    parser.add_argument("--engine", default="postgresql")
    parser.add_argument("--reasons", type=int, default=15)
    args = parser.parse_args()
    try:
        files = read_files(MigrationSource(args.path, args.path.name, args.tool))
    except CatalogError as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    analysis = analyse_migrations(files, args.engine)
    if analysis is None:
        print(f"{files.tool}: migrations of this tool are not analysed")
        return 1
    analyses = analysis.analyses
    failed = [k for k, a in analyses.items() if a.failed]
    partly = [k for k, a in analyses.items() if a.unread and not a.failed]
    total = len(analyses)
    read = total - len(failed)
    print(f"{files.tool} history at {args.path} ({args.engine}): {total} migrations")
    print(f"  analysed fully {total - len(failed) - len(partly)}, partly {len(partly)}, not analysed {len(failed)}")
    print(f"  share analysed (fully or partly): {read / total:.1%}" if total else "  no migrations")
    reasons = Counter(re.sub(r"^line \d+: ", "", u)[:100] for a in analyses.values() for u in a.unread)
    for reason, count in reasons.most_common(args.reasons):
        print(f"  {count:4}  {reason}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
