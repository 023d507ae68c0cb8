"""One side of a comparison, as users name it: a catalog file, a cached read, a DDL file, a live URL,
or any of those files as a git revision has it (`git:origin/main:catalog/orders.yml`).

Every side becomes a catalog `Database`, so comparing two of them is one `diff_databases`. Files
are read as the build reads them: catalog files with the YAML reader (environment variables left
empty, as in a build without credentials), cached reads with the cache's own codec, DDL with the
schema-file reader's statement applier. A live database is read once, read-only.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..catalog.codec import from_data
from ..catalog.model import Database
from ..errors import CatalogError
from ..memory import collector_paused
from ..sources.envvars import Blank
from . import git

_YAML = (".yml", ".yaml")
_SQL = (".sql", ".ddl")


@dataclass(frozen=True)
class Side:
    label: str
    """How the side is shown: the file, `git:REF:path`, or the masked URL."""
    database: Database




def load_side(spec: str, *, cwd: Path, dialect: str | None = None, environ: Mapping[str, str] | None = None) -> Side:
    """The database a side names; CatalogError with what to do when it cannot be read."""
    environ = os.environ if environ is None else environ
    if spec.startswith("git:"):
        revision, _, path = spec[4:].rpartition(":")
        if not revision or not path:
            raise CatalogError(
                f"{spec!r} is not git:REVISION:PATH", hint="for example git:origin/main:catalog/orders.yml"
            )
        top = git.root(cwd)
        if top is None:
            raise CatalogError(
                f"{cwd} is not in a git checkout", where=spec, hint="run the command inside the repository"
            )
        relative = _in_repository(path, cwd, top)
        text = git.show(top, revision, relative)
        return Side(spec, from_text(text, Path(relative).name, spec, dialect))
    if spec.startswith("env:"):
        return live_side(spec[4:], environ)
    if "://" in spec:
        return _live(spec, spec)
    file = (cwd / spec) if not Path(spec).is_absolute() else Path(spec)
    try:
        data = file.read_bytes()
    except OSError as problem:
        raise CatalogError(f"cannot be read: {problem.strerror or problem}", where=spec) from None
    return Side(spec, from_text(data, file.name, spec, dialect))


def live_side(variable: str, environ: Mapping[str, str]) -> Side:
    url = environ.get(variable)
    if not url:
        raise CatalogError(f"the environment variable {variable} is not set", hint="export it, or name a file instead")
    return _live(url, f"${variable}")


def _live(url: str, shown: str) -> Side:
    from ..sources.live import read_database
    from ..urls import parse

    parsed = parse(url)
    database = read_database(parsed.database or "database", parsed)
    return Side(database.url or shown, database)


@collector_paused()
def from_text(data: bytes, name: str, where: str, dialect: str | None = None) -> Database:
    """A database from a file's bytes, by what the file is: catalog YAML, a cached read (JSON), DDL.

    Read with the cyclic collector paused, as the build reads: a 1,000-table catalog is millions
    of small objects, and the collector walking them made reading two such files 2-3x slower.
    """
    lowered = name.lower()
    text = data.decode("utf-8-sig", errors="replace")
    if lowered.endswith(".json"):
        return _cached(text, where)
    if lowered.endswith(_SQL):
        return _ddl(text, where, dialect)
    if lowered.endswith(_YAML):
        return _catalog(text, name, where)
    raise CatalogError(
        "is not a catalog file (.yml), a cached read (.json) or a schema file (.sql)",
        where=where,
        hint="name one of those, git:REVISION:PATH, env:VARIABLE for a live database, or use --url-env",
    )


def _catalog(text: str, name: str, where: str) -> Database:
    from ..sources.yamlfile import YamlDatabase, load_catalog_text

    loaded = load_catalog_text(text, Path(name), where, Blank(), docs_file=False)
    assert isinstance(loaded, YamlDatabase)
    return loaded.database


def _cached(text: str, where: str) -> Database:
    from ..cache import FORMAT

    try:
        data = json.loads(text)
    except ValueError as problem:
        raise CatalogError(f"is not JSON: {problem}", where=where) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or "database" not in data:
        raise CatalogError(
            "is not a cached read of mkdocs-dbcatalog", where=where, hint="cached reads are in cache_dir"
        )
    try:
        return from_data(Database, data["database"])
    except (TypeError, ValueError) as problem:
        raise CatalogError(f"cannot be read as a cached read: {problem}", where=where) from None


def _ddl(text: str, where: str, dialect: str | None) -> Database:
    from ..sources.ddl import SchemaState, dialect_named, parse_script

    chosen = dialect_named(dialect or "postgres")
    if chosen is None:
        raise CatalogError(f"unknown SQL dialect {dialect!r}", hint="postgres, mysql, sqlite, tsql, oracle, ...")
    state = SchemaState(chosen)
    state.apply_all(parse_script(text, chosen, where))
    return Database(name=Path(where).stem, engine=chosen.engine, tables=state.tables(), enums=state.enum_types())


def _in_repository(path: str, cwd: Path, top: Path) -> str:
    """A path as typed (relative to here, or to the repository's root) as git names it."""
    candidate = git.relative(cwd / path, top)
    if candidate is not None and (top / candidate).exists():
        return candidate
    if (top / path).exists():
        return path.lstrip("/")
    return candidate or path.lstrip("/")


__all__ = ["Side", "from_text", "live_side", "load_side"]
