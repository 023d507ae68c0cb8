"""`comments`: the SQL that stores a database file's descriptions as the database's own comments.

It prints the SQL and never runs it: the team reviews it and applies it with its usual tools and
rights. Reading the database (to leave alone what is already right, and for MariaDB/MySQL the
definitions to restate) is the same read-only, time-limited read as the build's.
"""

from __future__ import annotations

import os
from pathlib import Path

import click

from ..assemble import read_yaml
from ..catalog import engines
from ..comments import Plan, mysql, plan, postgresql, sqlserver
from ..errors import CatalogError
from ..output import printable
from ..sources.live import LiveOptions, read_database
from ..sources.live.session import Limits, Target
from ..sources.yamlfile import YamlDatabase
from .common import CONFIG_OPTION, EXIT_FINDINGS, Unusable, load_plugin_config, relative

DIALECTS = {
    "postgresql": "postgresql",
    "mysql": "mysql",
    "mariadb": "mysql",
    "mssql": "sqlserver",
    "sqlserver": "sqlserver",
}
"""Engine id (or `--dialect`) → the module that writes its comments."""
TITLES = {"postgresql": "PostgreSQL", "mysql": "MariaDB/MySQL", "sqlserver": "SQL Server"}
RUN = {
    "postgresql": 'psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -f comments.sql',
    "mysql": "mariadb --database=<database> < comments.sql      (or: mysql <database> < comments.sql)",
    "sqlserver": "sqlcmd -S <server> -d <database> -b -i comments.sql",
}


@click.command()
@CONFIG_OPTION
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path), required=False)
@click.option("-d", "--database", "name", metavar="NAME", help="The database, by name, instead of its FILE.")
@click.option("--sql", "mode", flag_value="sql", default=True, help="Print the SQL (the default).")
@click.option("--check", "mode", flag_value="check", help="Only say which comments differ; exit 1 if any do.")
@click.option(
    "--dialect",
    type=click.Choice(["postgresql", "mysql", "mariadb", "sqlserver"]),
    help="The SQL to write, when the file's engine does not say (default: its engine).",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the SQL to this file.")
def comments(
    config_file: Path, file: Path | None, name: str | None, mode: str, dialect: str | None, output: Path | None
) -> None:
    """Print the SQL that stores FILE's descriptions as database comments, to review and run yourself.

    Table purposes and column descriptions (with `{doc: ...}` blocks resolved; inherited descriptions
    are not written) become PostgreSQL `COMMENT ON`, MariaDB/MySQL `ALTER TABLE ... MODIFY COLUMN
    ... COMMENT` (each column restated exactly as SHOW CREATE TABLE prints it, read live), or SQL
    Server `sp_addextendedproperty`/`sp_updateextendedproperty` statements. With a connection URL
    the database is read first (read-only) and comments it already has are left out. Nothing is
    ever written to a database by this command.

    \b
    Examples:
      mkdocs-dbcatalog comments --sql catalog/orders.yml > orders-comments.sql
      mkdocs-dbcatalog comments -d orders --check
    """
    options, base = load_plugin_config(config_file)
    try:
        described, _ = read_yaml(options, base, os.environ)
    except CatalogError as problem:
        raise Unusable(str(problem), problem) from None
    item = _chosen(described, base, file, name)
    engine = DIALECTS.get(dialect or "") or DIALECTS.get(item.database.engine or "")
    if engine is None:
        raise Unusable(
            f"{item.file}: the engine of database {item.database.name!r} is "
            f"{engines.title(item.database.engine) or 'not given'}; comments are written for PostgreSQL, "
            "MariaDB/MySQL and SQL Server (set engine in the file, or --dialect)"
        )
    connection = item.connection
    live_url = connection.url if connection is not None and connection.introspect and engine != "sqlserver" else None
    if live_url is None and (engine == "mysql" or mode == "check"):
        why = "restating each column needs its definition" if engine == "mysql" else "--check compares with it"
        raise Unusable(
            f"{item.file}: {why}, read live from the database, and the file gives no connection to read "
            "(connection.url, with introspect left on)"
        )
    try:
        live = None
        if live_url is not None:
            settings = LiveOptions(
                schemas=connection.schemas if connection else (),
                connect_timeout=options.connect_timeout,
                statement_timeout=options.statement_timeout,
                base=base,
            )
            live = read_database(item.database.name, live_url, settings)
        found = plan(item.database, live)
        if mode == "check":
            _report(found)
            return
        if engine == "postgresql":
            body = postgresql.statements(found)
        elif engine == "sqlserver":
            body = sqlserver.statements(found)
        else:
            assert live_url is not None
            target = Target(item.database.name, live_url, base)
            limits = Limits(options.connect_timeout, options.statement_timeout)
            body = mysql.statements(found, mysql.read_creates(target, limits, found.tables()))
    except CatalogError as problem:
        raise Unusable(str(problem), problem) from None
    for note in found.notes:
        click.echo(f"note: {printable(note)}", err=True)
    script = "\n".join([*_header(item, engine, found), *body]) + "\n"
    if output is None:
        click.echo(script, nl=False)
    else:
        output.write_text(script, encoding="utf-8")
        click.echo(f"wrote {relative(output)}", err=True)


def _chosen(described: list[YamlDatabase], base: Path, file: Path | None, name: str | None) -> YamlDatabase:
    if (file is None) == (name is None):
        raise click.UsageError("name the database file (catalog/orders.yml) or the database (-d orders)")
    for item in described:
        if name is not None and item.database.name == name:
            return item
        if file is not None and (base / item.file).resolve() == file.resolve():
            return item
    known = ", ".join(relative(base / item.file) for item in described)
    wanted = f"database {name!r}" if name else f"{file}"
    raise click.BadParameter(f"{wanted} is not a database file of the catalog ({known})")


def _header(item: YamlDatabase, engine: str, found: Plan) -> list[str]:
    written = found.written
    tables = sum(1 for c in written if c.column is None)
    columns = len(written) - tables
    compared = "differ from what the database has now" if found.read_live else "are written (the database was not read)"
    lines = [
        f"-- Comments from the descriptions in {item.file} (database {item.database.name}), "
        f"for {TITLES[engine]}.",
        "-- Written by mkdocs-dbcatalog comments, never run by it: review this file, then run it yourself, e.g.",
        f"--   {RUN[engine]}",
        f"-- {tables} table and {columns} column comments {compared}.",
    ]
    lines += [f"-- Left out: {note}" for note in found.notes]
    if not found.comments:
        lines.append("-- Nothing to write: every description is already the database's comment.")
    elif not written:
        lines.append("-- Nothing to write: none of the differing descriptions can be stored (see above).")
    lines = [printable(line) for line in lines]
    if engine == "sqlserver":  # sqlcmd would read a $( in a name as one of its variables, even here
        lines = [line.replace("$(", "$ (") for line in lines]
    return lines


def _report(found: Plan) -> None:
    for comment in found.comments:
        where = f"{comment.table.key}.{comment.column}" if comment.column else comment.table.key
        state = "has no comment" if comment.current is None else "has a comment that differs from the description"
        click.echo(printable(f"{where}: the database {state}"))
    for note in found.notes:
        click.echo(f"note: {printable(note)}", err=True)
    click.echo(f"{len(found.comments)} comment(s) differ." if found.comments else "Every comment matches.")
    if found.comments:
        click.get_current_context().exit(EXIT_FINDINGS)
