"""`mkdocs-dbcatalog snapshot`: read a database live and write (or update) its YAML file.

Which file, which name, which schemas and timeouts come from the command line first, then the
existing file and the site's mkdocs.yml. The database is read by the same live source as the
build; the file is written by `writer` and checked with the same YAML reader the build uses, as a
build without a connection would read it, before it replaces anything.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import yaml

from ..catalog import engines
from ..catalog.model import Database
from ..config import PluginConfig
from ..errors import CatalogError
from ..output import printable
from ..sources import envvars
from ..sources.live import LiveOptions, read_database
from ..sources.live.common import Scope
from ..sources.yamlfile import discover, load_file
from ..sources.yamlspec import read_text
from ..sources.yamltables import split_table_key
from ..urls import ConnectionUrl
from ..urls import parse as parse_url
from .writer import Changes, Options, snapshot

__all__ = ["Report", "run_snapshot"]


@dataclass
class Report:
    """What one run did, said for the person who ran it."""

    file: Path
    url: str
    """Masked."""
    created: bool
    written: bool
    changes: Changes
    database: Database
    notes: list[str] = field(default_factory=list)

    def text(self, shown: str) -> str:
        tables = len(self.database.tables)
        columns = sum(len(t.columns) for t in self.database.tables)
        verb = "Would write" if not self.written else "Wrote"
        if self.created:
            lines = [f"{verb} {shown}: {tables} table(s) and view(s), {columns} column(s) from {self.url}."]
        elif not self.changes:
            lines = [f"{shown} is up to date with {self.url} ({tables} table(s), {columns} column(s))."]
        else:
            lines = [f"{'Would update' if not self.written else 'Updated'} {shown} from {self.url}:"]
            lines += [f"  added    {item}" for item in self.changes.added]
            lines += [f"  changed  {item}" for item in self.changes.changed]
            lines += [f"  dropped  {item}" for item in self.changes.dropped]
            added, changed, dropped = (len(self.changes.added), len(self.changes.changed), len(self.changes.dropped))
            lines.append(f"{added} added, {changed} changed, {dropped} dropped (removed from the file).")
        lines += self.notes
        return "".join(printable(line) + "\n" for line in lines)  # names in it: one line each


def run_snapshot(
    url: str | None,
    *,
    options: PluginConfig | None,
    base: Path,
    output: Path | None = None,
    name: str | None = None,
    url_env: str | None = None,
    scope: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]] = ((), (), ()),
    timeouts: tuple[float | None, float | None] = (None, None),
    statistics: bool = True,
    dry_run: bool = False,
    ddl: tuple[str, str] | None = None,
) -> Report:
    """Read the database at `url` (or the schema files `ddl`: pattern and dialect) and write its YAML
    file. Raises CatalogError (DatabaseError)."""
    parsed = parse_url(url) if url is not None else None
    existing_text: str | None = None
    if output is None and options is not None and parsed is not None and not name:
        output = _file_reading(options, base, parsed, url_env)  # run again: the file of this database
    if output is None:
        name = name or (_name_from_url(parsed) if parsed is not None else _name_from_files(ddl))
        output = _catalog_file(options, base, name) if options else None
        output = output or _new_file(options, base, name)
    if output.exists():
        existing_text = read_text(output, str(output))
    written_down = _top_level(existing_text, output)
    name = name or _text(written_down.get("database"))
    name = name or (_name_from_url(parsed) if parsed is not None else _name_from_files(ddl))
    found = written_down.get("connection")
    connection: dict[str, object] = found if isinstance(found, dict) else {}
    schemas, include, exclude = (
        given or tuple(str(v) for v in _listed(connection.get(key)))
        for given, key in zip(scope, ("schemas", "include", "exclude"), strict=True)
    )
    connect_timeout = timeouts[0] or (options.connect_timeout if options else 10)
    statement_timeout = timeouts[1] or (options.statement_timeout if options else 30)
    connection_ddl: dict[str, str] = {}
    if parsed is not None:
        live = read_database(
            name,
            parsed,
            LiveOptions(schemas, include, exclude, connect_timeout, statement_timeout, base=base),
        )
        source = parsed.masked
    else:
        assert ddl is not None
        from ..sources.ddl import SchemaFileSettings, read_schema_files  # sqlglot only when asked for

        pattern, dialect = ddl
        settings = SchemaFileSettings(pattern, dialect, Path.cwd(), schemas, include, exclude)
        live = read_schema_files(name, settings, base, pattern)
        source = ", ".join(f.path for f in live.schema_files)
        target = (Path.cwd() / pattern).resolve()
        connection_ddl = {"ddl": Path(os.path.relpath(target, output.resolve().parent)).as_posix(), "dialect": dialect}
    new_file_settings = Options(
        statistics=statistics,
        connection_url=f"${{{url_env}:-}}" if url_env else None,
        connection={"schemas": scope[0], "include": scope[1], "exclude": scope[2]},
        connection_ddl=connection_ddl,
    )
    text, changes = snapshot(live, existing_text, new_file_settings, _in_scope(live, Scope(schemas, include, exclude)))
    _check(text, output, base)
    if not dry_run:
        _write(output, text)
    report = Report(output, source, existing_text is None, not dry_run, changes, live)
    for file in live.schema_files:
        for skipped in file.skipped:
            report.notes.append(f"{file.path}:{skipped.line}: skipped: {skipped.reason}")
    if existing_text is None and not url_env and parsed is not None:
        report.notes.append(
            "The file has no connection URL: builds use this snapshot. Add connection.url (e.g. "
            "${VAR:-}, or rerun with --url-env VAR on a new file) to read the database live where it is reachable."
        )
    return report


def _name_from_files(ddl: tuple[str, str] | None) -> str:
    """`orders` for `db/orders.sql`; the folder's name for a folder or a glob."""
    pattern = PurePosixPath((ddl or ("database", ""))[0].replace("\\", "/"))
    while pattern.parts and any(ch in pattern.name for ch in "*?["):
        pattern = pattern.parent
    return (pattern.stem if pattern.suffix else pattern.name) or "database"


def _name_from_url(url: ConnectionUrl) -> str:
    if not url.database:
        raise CatalogError(f"the URL {url.masked} names no database", hint="give the catalog's name for it with --name")
    path = PurePosixPath(url.database)
    return path.stem if url.engine == "sqlite" else path.name


def _top_level(text: str | None, where: Path) -> dict[str, object]:
    """The file's top-level keys (name, connection), read leniently: the writer reads it properly."""
    if not text:
        return {}
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as problem:
        raise CatalogError(f"not valid YAML: {problem}", where=str(where)) from None
    if not isinstance(data, dict):
        raise CatalogError("is not a database file (a mapping with 'database: <name>')", where=str(where))
    return data


def _listed(value: object) -> list[object]:
    if isinstance(value, list):
        return value
    return [value] if value not in (None, "") else []


def _text(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


def _file_reading(options: PluginConfig, base: Path, url: ConnectionUrl, url_env: str | None) -> Path | None:
    """The catalog file whose `connection.url` reads this database, whatever its name: one naming
    `${url_env}`, or one whose URL (expanded from the environment) is the same engine, host, port and
    database. Several such files are an error: the name to pass says which."""
    found: list[tuple[Path, str]] = []
    for file in discover(options.catalog, base):
        data = _lenient(file)
        connection = data.get("connection")
        text = connection.get("url") if isinstance(connection, dict) else connection
        if not isinstance(text, str) or not text.strip():
            continue
        named = url_env is not None and re.search(r"\$\{" + re.escape(url_env) + r"(?::?-[^}]*)?\}", text)
        try:
            expanded = envvars.expand(text, os.environ)
        except envvars.MissingVariable:
            expanded = ""
        if named or (expanded.strip() and _same_database(parse_url(expanded), url, base)):
            found.append((file, str(data.get("database"))))
    if len(found) > 1:
        files = ", ".join(f"{_display(file, base)} (database {name})" for file, name in found)
        raise CatalogError(
            f"several catalog files read the database at {url.masked}: {files}",
            hint="say which with --name <database> or -o <file>",
        )
    return found[0][0] if found else None


def _same_database(one: ConnectionUrl, other: ConnectionUrl, base: Path) -> bool:
    """The same database: engine, host, port (or its default) and database; SQLite and DuckDB by file."""
    if one.problem or other.problem or _family(one) != _family(other):
        return False
    if one.engine in ("sqlite", "duckdb"):
        return bool(one.database and other.database) and (base / str(one.database)).resolve() == (
            base / str(other.database)
        ).resolve()
    known = engines.engine_for(one.engine)
    default = known.default_port if known else None
    return (
        (one.host or "").lower() == (other.host or "").lower()
        and (one.port or default) == (other.port or default)
        and one.database == other.database
    )


def _family(url: ConnectionUrl) -> str | None:
    return "mysql" if url.engine == "mariadb" else url.engine


def _lenient(file: Path) -> dict[str, object]:
    """A catalog file's top level, or nothing when it cannot be read (the build reports those)."""
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


def _catalog_file(options: PluginConfig, base: Path, name: str) -> Path | None:
    """The file of the catalog that describes database `name`, if there is one."""
    return next((file for file in discover(options.catalog, base) if str(_lenient(file).get("database")) == name), None)


def _new_file(options: PluginConfig | None, base: Path, name: str) -> Path:
    if options is None:
        return base / f"{name}.yml"
    if any(ch in options.catalog for ch in "*?["):
        raise CatalogError(
            f"the catalog option {options.catalog!r} is a pattern, not a folder",
            where="mkdocs.yml",
            hint="say where to write the file with --output",
        )
    return base / options.catalog / f"{name}.yml"


def _in_scope(live: Database, scope: Scope) -> Callable[[str], bool]:
    """Whether a table key of the file is one the live read looked at (else it is not 'dropped')."""
    default_read = not scope.schemas or any(t.schema is None for t in live.tables)

    def in_scope(key: str) -> bool:
        ref = split_table_key(key)
        if ref.schema is None and not default_read:
            return False
        if ref.schema is not None and ref.schema not in live.schemas:
            return False
        return scope.keeps(ref.schema, ref.table)

    return in_scope




def _check(text: str, output: Path, base: Path) -> None:
    """Read the new text as the build would, without a connection, before it replaces anything."""
    with tempfile.TemporaryDirectory() as folder:
        probe = Path(folder) / output.name
        probe.write_text(text, encoding="utf-8")
        try:
            load_file(probe, _display(output, base), envvars.Blank())
        except CatalogError as problem:
            raise CatalogError(
                f"the snapshot would not be a valid catalog file, so nothing was written: {problem}",
                where=_display(output, base),
                hint="fix the file by hand, or report this as a bug of mkdocs-dbcatalog",
            ) from None


def _display(file: Path, base: Path) -> str:
    try:
        return file.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return file.as_posix()


def _write(output: Path, text: str) -> None:
    """Replace the file in one step, so an interrupted run never leaves half a file."""
    output.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{output.name}.", dir=output.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, output)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
