"""`diff`: what differs between two states of a schema (files, cached reads, git revisions, live databases)."""

from __future__ import annotations

import os
from pathlib import Path

import click

from ..errors import CatalogError
from .common import EXIT_FINDINGS, Unusable


@click.command()
@click.argument("before")
@click.argument("after", required=False)
@click.option(
    "--url-env",
    metavar="VAR",
    help="Compare BEFORE with the live database whose URL is in this environment variable (read-only). "
    "Prefer it to a URL with a password on the command line.",
)
@click.option(
    "--format",
    "output",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
    help="text: one line per change. json: one document for scripts. markdown: a comment for a pull request.",
)
@click.option(
    "--dialect", metavar="NAME", help="SQL dialect of .sql files (postgres, mysql, sqlite, tsql...). Default: postgres."
)
@click.option("--exit-code", is_flag=True, help="Exit with 1 when there is a difference, as `git diff --exit-code`.")
def diff(
    before: str, after: str | None, url_env: str | None, output: str, dialect: str | None, exit_code: bool
) -> None:
    """Show what was added, dropped and changed from BEFORE to AFTER.

    Each side is a catalog file (`catalog/orders.yml`, as `snapshot` writes it), a cached read
    (`.cache/plugin/dbcatalog/orders.json`), a schema file (`db/structure.sql`), a file as a git
    revision has it (`git:origin/main:catalog/orders.yml`, read with `git cat-file`: nothing is
    checked out), or a live database (`env:VAR`, or `--url-env VAR` for AFTER). Tables, views,
    columns (type, nullability, default, comment), primary keys, foreign keys, indexes, unique and
    check constraints, triggers, view definitions, enum types and extensions are compared.

    \b
    Examples:
      mkdocs-dbcatalog diff git:origin/main:catalog/orders.yml catalog/orders.yml --format markdown
      mkdocs-dbcatalog diff catalog/orders.yml --url-env ORDERS_DATABASE_URL
      mkdocs-dbcatalog diff before.sql after.sql --dialect mysql --format json
    """
    from ..history import diff_databases
    from ..history.formats import FORMATS, Comparison
    from ..history.sides import live_side, load_side

    if after is None and url_env is None:
        raise click.UsageError("give AFTER, or --url-env VAR to compare with a live database")
    if after is not None and url_env is not None:
        raise click.UsageError("give AFTER or --url-env, not both")
    cwd = Path.cwd()
    try:
        first = load_side(before, cwd=cwd, dialect=dialect)
        second = live_side(url_env, os.environ) if url_env else load_side(str(after), cwd=cwd, dialect=dialect)
    except CatalogError as problem:
        raise Unusable(str(problem)) from None
    comparison = Comparison(first.label, second.label, diff_databases(first.database, second.database))
    click.echo(FORMATS[output](comparison), nl=False)
    if exit_code and comparison.changes:
        click.get_current_context().exit(EXIT_FINDINGS)
