"""The `mkdocs-dbcatalog` command line: the catalog's checks outside `mkdocs build`.

It reads the same `mkdocs.yml` with MkDocs' own `load_config`, takes the `dbcatalog` plugin's
options from it and runs the same `assemble()` as the plugin, so the command and the build
always see the same catalog.
"""

from __future__ import annotations

import contextlib
import difflib
import logging
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import click

from .assemble import Assembled, assemble
from .catalog.lint import RULES, RuleSetting
from .config import PluginConfig
from .errors import CatalogError
from .report import FORMATS, Scope

EXIT_FINDINGS = 1
"""Exit code when an error-level finding (or, with --strict, any finding) was reported."""
EXIT_UNUSABLE = 2
"""Exit code when the configuration or a catalog file cannot be read: nothing was checked."""


class Unusable(click.ClickException):
    exit_code = EXIT_UNUSABLE


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="mkdocs-dbcatalog", message="%(prog)s %(version)s")
def main() -> None:
    """Write a database catalog's YAML files from live databases, and check the catalog in CI.

    The commands read the site's mkdocs.yml and the dbcatalog plugin's options in it, and the same
    YAML files and databases as `mkdocs build`, so what they report is what the next build shows.
    """


_CONFIG_OPTION = click.option(
    "-f",
    "--config-file",
    type=click.Path(dir_okay=False, path_type=Path),
    default="mkdocs.yml",
    show_default=True,
    help="The MkDocs configuration whose dbcatalog plugin to use.",
)


@main.command()
@_CONFIG_OPTION
@click.option(
    "--format",
    "output",
    type=click.Choice(sorted(FORMATS)),
    default="text",
    show_default=True,
    help="text: one line per finding, then coverage. json: one document for scripts. "
    "github: workflow annotations shown on the pull request's diff.",
)
@click.option(
    "--coverage-threshold",
    type=click.FloatRange(0, 100),
    metavar="PERCENT",
    help="Fail a database whose tables and columns are less described than this "
    "(overrides the coverage_threshold option).",
)
@click.option(
    "-d",
    "--database",
    "only",
    multiple=True,
    metavar="NAME",
    help="Report on this database only; repeat for several. Default: all.",
)
@click.option("--strict", is_flag=True, help="Exit non-zero on warning-level findings too.")
def check(
    config_file: Path, output: str, coverage_threshold: float | None, only: tuple[str, ...], strict: bool
) -> None:
    """Check the catalog: drift from the live databases, lint rules, documentation coverage.

    Databases with a connection URL are read live (read-only, with the plugin's timeouts) and
    compared with their YAML files: tables or columns added, dropped, or changed in type or
    nullability. Every finding (see `mkdocs-dbcatalog rules`) comes with the file and line to fix;
    each database's coverage is shown. Exits with 1 when an error-level finding is reported (a
    warning-level one too with --strict), 2 when the site or a database cannot be read, else 0.

    \b
    Examples:
      mkdocs-dbcatalog check
      mkdocs-dbcatalog check --format github --coverage-threshold 80
      mkdocs-dbcatalog check -f docs/mkdocs.yml -d orders --format json
    """
    options, base = load_plugin_config(config_file)
    if coverage_threshold is not None:
        options.coverage_threshold = coverage_threshold
    assembled = _assemble(options, base)
    assert assembled.health is not None
    health = assembled.health
    names = [d.name for d in assembled.catalog.databases]
    for name in only:
        if name not in names:
            close = difflib.get_close_matches(name, names, n=1)
            hint = f"did you mean {close[0]!r}?" if close else "databases: " + ", ".join(names)
            raise click.BadParameter(f"no database {name!r} in the catalog ({hint})", param_hint="--database")
    wanted = set(only or names)
    scope = Scope(
        health,
        [d for d in health.databases if d.database.name in wanted],
        [f for f in health.findings if f.finding.database in wanted],
        _path_resolver(base, config_file),
    )
    for warning in assembled.warnings:  # a stale cached read, for example: what the build warns about too
        click.echo(f"warning: {warning}", err=True)
    click.echo(FORMATS[output](scope), nl=False)
    if scope.errors or (strict and (scope.warnings or assembled.warnings)):
        click.get_current_context().exit(EXIT_FINDINGS)


@main.command()
@click.option("-f", "--config-file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Show the severities this mkdocs.yml sets instead of the defaults.")
def rules(config_file: Path | None) -> None:
    """List the lint rules with their severity and what each finds."""
    configured: dict[str, RuleSetting] = load_plugin_config(config_file)[0].lint if config_file else {}
    width = max(len(name) for name in RULES)
    for name, rule in RULES.items():
        setting = configured.get(name)
        severity = setting.severity if setting else rule.default
        click.echo(f"{name:<{width}}  {severity.value:<7}  {rule.summary}")


@main.command()
@click.argument("url", required=False)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The YAML file to write or update. Default: the catalog's file of this database (found through "
    "mkdocs.yml), else <name>.yml in the catalog folder.",
)
@click.option("-n", "--name", help="The database's name in the catalog. Default: the file's, else the URL's.")
@click.option(
    "--url-env",
    metavar="VAR",
    help="Take the URL from this environment variable, and write `url: ${VAR:-}` into a new file: builds "
    "read the database live where VAR is set and use the snapshot where it is not.",
)
@click.option("-s", "--schema", "schemas", multiple=True, metavar="NAME", help="Schema to read (repeatable). "
              "Default: the file's connection.schemas, else the database's default schema.")
@click.option("--include", multiple=True, metavar="PATTERN", help="Only tables matching this pattern (repeatable).")
@click.option("--exclude", multiple=True, metavar="PATTERN", help="Leave out tables matching this (repeatable).")
@click.option("--connect-timeout", type=click.FloatRange(min=0, min_open=True), metavar="SECONDS",
              help="Default: the plugin's connect_timeout, else 10.")
@click.option("--statement-timeout", type=click.FloatRange(min=0, min_open=True), metavar="SECONDS",
              help="Default: the plugin's statement_timeout, else 30.")
@click.option("--no-stats", is_flag=True, help="Leave out row estimates and sizes (quieter diffs).")
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
    """
    from .snapshot import run_snapshot

    if url is None and url_env is None:
        raise click.UsageError("give the database URL, or --url-env with the variable that holds it")
    if url is None:
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
        )
    except CatalogError as problem:
        raise Unusable(str(problem)) from None
    click.echo(report.text(_relative(report.file)), nl=False)


def load_plugin_config(config_file: Path) -> tuple[PluginConfig, Path]:
    """The dbcatalog plugin's validated options from a mkdocs.yml, and the folder paths are relative to."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    from .plugin import DbCatalogPlugin

    if not config_file.is_file():
        raise Unusable(f"{config_file}: no such file (give the site's configuration with -f)")
    try:
        with _mkdocs_messages():
            config = load_config(str(config_file))
    except (Abort, ConfigurationError) as problem:
        raise Unusable(f"{config_file}: {problem}") from None
    plugin = next((p for p in config.plugins.values() if isinstance(p, DbCatalogPlugin)), None)
    if plugin is None:
        raise Unusable(f"{config_file} does not use the dbcatalog plugin (add it under 'plugins:')")
    return plugin.config, Path(config.config_file_path or config_file).resolve().parent


def _assemble(options: PluginConfig, base: Path) -> Assembled:
    try:
        return assemble(options, base)
    except CatalogError as problem:
        raise Unusable(str(problem)) from None


def _relative(path: Path) -> str:
    """A path relative to the working directory where possible: what editors and GitHub open."""
    try:
        return Path(os.path.relpath(path.resolve(), Path.cwd())).as_posix()
    except ValueError:  # another drive on Windows
        return path.as_posix()


def _path_resolver(base: Path, config_file: Path) -> Callable[[str | None], str]:
    def path_of(file: str | None) -> str:
        return _relative(base / file) if file else _relative(config_file)

    return path_of


@contextlib.contextmanager
def _mkdocs_messages() -> Iterator[None]:
    """Show MkDocs' own warnings and errors (config problems) on stderr while it loads the config."""

    class Echo(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            click.echo(f"{record.levelname}: {record.getMessage()}", err=True)

    handler = Echo(logging.WARNING)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)


__all__ = ["EXIT_FINDINGS", "EXIT_UNUSABLE", "load_plugin_config", "main"]
