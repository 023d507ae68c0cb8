"""`check`, the CI gate, and `rules`, the list of what it checks."""

from __future__ import annotations

from pathlib import Path

import click

from ..cache import LiveCache
from ..catalog.lint import RULES, RuleSetting
from ..output import printable
from ..report import ERRORS, FORMATS, Scope
from .common import (
    CONFIG_OPTION,
    EXIT_FINDINGS,
    EXIT_UNUSABLE,
    Unusable,
    assemble_or_exit,
    baseline_or_exit,
    known_databases,
    load_plugin_config,
    path_resolver,
)


@click.command()
@CONFIG_OPTION
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
@click.option(
    "--against",
    metavar="git:REF",
    help="Report only what the change introduces: findings (and drift) that the catalog as REF has it "
    "does not have. For pull requests: --against git:origin/main. Read with git, nothing is checked out.",
)
@click.option(
    "--allow-cached",
    is_flag=True,
    help="Accept the cached read of a database that cannot be reached (on_error: cached) instead of exiting "
    "with 2; the output still names it and how old it is.",
)
def check(
    config_file: Path,
    output: str,
    coverage_threshold: float | None,
    only: tuple[str, ...],
    strict: bool,
    against: str | None,
    allow_cached: bool,
) -> None:
    """Check the catalog: drift from the live databases, lint rules, documentation coverage.

    Databases with a connection URL are read live (read-only, with the plugin's timeouts) and
    compared with their YAML files: tables or columns added, dropped, or changed in type or
    nullability. Every finding (see `mkdocs-dbcatalog rules`) comes with the file and line to fix;
    each database's coverage is shown. Exits with 1 when an error-level finding is reported (a
    warning-level one too with --strict), 2 when the site or a database cannot be read, else 0. A
    database that could not be read but has a cached read (on_error: cached) is checked against that
    read and named with its age in every format; it exits with 2 unless --allow-cached is given. With
    --format json (or github), an error that stops the check is printed on stdout as a document (an
    annotation) too.

    \b
    Examples:
      mkdocs-dbcatalog check
      mkdocs-dbcatalog check --format github --coverage-threshold 80
      mkdocs-dbcatalog check -f docs/mkdocs.yml -d orders --format json
      mkdocs-dbcatalog check --against git:origin/main --format github
    """
    base: Path | None = None
    try:
        options, base = load_plugin_config(config_file)
        if coverage_threshold is not None:
            options.coverage_threshold = coverage_threshold
        live = LiveCache()
        assembled = assemble_or_exit(options, base, live=live)
        earlier = baseline_or_exit(against, options, base, live) if against else None
    except Unusable as unusable:
        if output in ERRORS:  # scripts read stdout: say there what stopped the check
            path_of = path_resolver(base, config_file) if base else None
            click.echo(ERRORS[output](unusable.problem, path_of), nl=False)
        raise
    assert assembled.health is not None
    health = assembled.health
    known_databases(assembled.catalog, only)
    wanted = set(only or [d.name for d in assembled.catalog.databases])
    findings = [f for f in health.findings if f.finding.database in wanted]
    scope = Scope(
        health,
        [d for d in health.databases if d.database.name in wanted],
        earlier.new(findings) if earlier else findings,
        path_resolver(base, config_file),
        allow_cached=allow_cached,
    )
    for warning in assembled.warnings:  # a stale cached read, for example: what the build warns about too
        click.echo(f"warning: {printable(warning)}", err=True)
    click.echo(FORMATS[output](scope), nl=False)
    if earlier is not None:
        known = len(findings) - len(scope.findings)
        click.echo(printable(f"note: only what {against} does not have: {known} known finding(s) left out"), err=True)
    if scope.cached and not allow_cached:  # a gate never passes on stale data unless told to
        stale = ", ".join(item.database.name for item in scope.cached)
        click.echo(
            printable(f"error: checked against cached reads ({stale}): exiting with 2 (--allow-cached accepts them)"),
            err=True,
        )
        click.get_current_context().exit(EXIT_UNUSABLE)
    if scope.errors or (strict and (scope.warnings or assembled.warnings)):
        click.get_current_context().exit(EXIT_FINDINGS)


@click.command()
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
