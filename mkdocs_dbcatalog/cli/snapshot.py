"""`snapshot`: write or update a database's YAML file from the live database."""

from __future__ import annotations

import os
from pathlib import Path

import click

from ..errors import CatalogError
from ..sources.ddl.dialects import NAMES as DDL_DIALECTS
from .common import Unusable, load_plugin_config, relative


@click.command()
@click.argument("url", required=False)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The YAML file to write or update. Default: the catalog's file of this database (found through "
    "mkdocs.yml), else <name>.yml in the catalog folder.",
)
@click.option("-n", "--name", help="The database's name in the catalog. Default: the name in the catalog file whose "
              "connection.url reads this database (run again, it updates that file), else the URL's database.")
@click.option(
    "--url-env",
    metavar="VAR",
    help="Take the URL from this environment variable, and write `url: ${VAR:-}` into a new file: builds "
    "read the database live where VAR is set and use the snapshot where it is not.",
)
@click.option(
    "-s",
    "--schema",
    "schemas",
    multiple=True,
    metavar="NAME",
    help="Schema to read (repeatable). Default: the file's connection.schemas, else the database's default schema.",
)
@click.option("--include", multiple=True, metavar="PATTERN", help="Only tables matching this pattern (repeatable).")
@click.option("--exclude", multiple=True, metavar="PATTERN", help="Leave out tables matching this (repeatable).")
@click.option(
    "--connect-timeout",
    type=click.FloatRange(min=0, min_open=True),
    metavar="SECONDS",
    help="Default: the plugin's connect_timeout, else 10.",
)
@click.option(
    "--statement-timeout",
    type=click.FloatRange(min=0, min_open=True),
    metavar="SECONDS",
    help="Default: the plugin's statement_timeout, else 30.",
)
@click.option("--no-stats", is_flag=True, help="Leave out row estimates and sizes (quieter diffs).")
@click.option(
    "--ddl",
    metavar="PATH",
    help="Read the structure from schema files instead of a database: a .sql file, a folder or a glob. A new "
    "file gets connection.ddl, so builds read the same files.",
)
@click.option("--dialect", type=click.Choice(DDL_DIALECTS), help="The SQL dialect of the --ddl files.")
@click.option("--dry-run", is_flag=True, help="Report what would change; write nothing.")
@click.option(
    "-f",
    "--config-file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The site's mkdocs.yml, for the catalog folder and timeouts. Default: mkdocs.yml if there is one.",
)
def snapshot(
    url: str | None,
    output: Path | None,
    name: str | None,
    url_env: str | None,
    schemas: tuple[str, ...],
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    connect_timeout: float | None,
    statement_timeout: float | None,
    no_stats: bool,
    ddl: str | None,
    dialect: str | None,
    dry_run: bool,
    config_file: Path | None,
) -> None:
    """Write a database's YAML file from the live database, or update it.

    Every table, view and column with its type, nullability and default, the keys, indexes,
    constraints and triggers go into the file, with empty descriptions (or the database's comments)
    for people to complete. Run again, it updates the structure and keeps everything people wrote:
    descriptions, purposes, references, policies, comments and key order. What the database dropped
    is removed from the file and listed, with any text that was written on it.

    The database is only read, in a read-only transaction; the URL's password is never written or
    printed. Prefer --url-env to a URL with a password on the command line, where other users of
    the machine can see it.

    \b
    Examples:
      mkdocs-dbcatalog snapshot "$ORDERS_DATABASE_URL" --name orders
      mkdocs-dbcatalog snapshot --url-env ORDERS_DATABASE_URL -o catalog/orders.yml
      mkdocs-dbcatalog snapshot sqlite:///data/app.db --no-stats --dry-run
      mkdocs-dbcatalog snapshot --ddl db/structure.sql --dialect postgres --name orders
    """
    from ..snapshot import run_snapshot

    if ddl is not None:
        if url is not None or url_env is not None:
            raise click.UsageError("give a database URL or --ddl schema files, not both")
        if dialect is None:
            raise click.UsageError("--ddl needs --dialect: " + ", ".join(DDL_DIALECTS))
    elif dialect is not None:
        raise click.UsageError("--dialect is for --ddl schema files")
    elif url is None and url_env is None:
        raise click.UsageError("give the database URL, or --url-env with the variable that holds it, or --ddl files")
    if url is None and url_env is not None:
        assert url_env is not None
        url = os.environ.get(url_env)
        if not url:
            raise Unusable(f"the environment variable {url_env} is not set")
    options, base = (None, Path.cwd())
    if config_file is not None or Path("mkdocs.yml").is_file():
        options, base = load_plugin_config(config_file or Path("mkdocs.yml"))
    try:
        report = run_snapshot(
            url,
            options=options,
            base=base,
            output=output,
            name=name,
            url_env=url_env,
            scope=(schemas, include, exclude),
            timeouts=(connect_timeout, statement_timeout),
            statistics=not no_stats,
            dry_run=dry_run,
            ddl=(ddl, dialect) if ddl is not None and dialect is not None else None,
        )
    except CatalogError as problem:
        raise Unusable(str(problem)) from None
    click.echo(report.text(relative(report.file)), nl=False)
