"""Catalog-wide figures for the overview: engines, versions, hosts, tools, extensions."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from . import engines
from .model import Catalog, Database, Extension


@dataclass(frozen=True)
class Overview:
    engines: tuple[tuple[str, int], ...]
    """(engine title, number of databases), most used first."""
    versions: tuple[str, ...]
    hosts: tuple[str, ...]
    ports: tuple[str, ...]
    orms: tuple[str, ...]
    migration_tools: tuple[str, ...]
    databases: int
    tables: int

    @property
    def primary_engine(self) -> str | None:
        return self.engines[0][0] if self.engines else None


def _distinct(values: list[str | None]) -> tuple[str, ...]:
    return tuple(sorted({v for v in values if v}, key=str.lower))


def overview(catalog: Catalog) -> Overview:
    counts = Counter(engines.title(d.engine) for d in catalog.databases if d.engine)
    return Overview(
        engines=tuple(sorted(((e, n) for e, n in counts.items() if e), key=lambda item: (-item[1], item[0]))),
        versions=_distinct(
            [
                f"{engines.title(d.engine)} {d.version}" if d.engine else d.version
                for d in catalog.databases
                if d.version
            ]
        ),
        hosts=_distinct([d.host for d in catalog.databases]),
        ports=_distinct([(port_text(d) or "").split(" ")[0] or None for d in catalog.databases]),
        orms=_distinct([d.orm for d in catalog.databases]),
        migration_tools=_distinct([d.migration_tool for d in catalog.databases]),
        databases=len(catalog.databases),
        tables=sum(len(d.tables) for d in catalog.databases),
    )


def extensions(catalog: Catalog) -> list[tuple[str, list[tuple[Database, Extension]], str | None]]:
    """Each extension with the databases that have it and its purpose (the first one written)."""
    found: dict[str, list[tuple[Database, Extension]]] = defaultdict(list)
    for database in catalog.databases:
        for extension in database.extensions:
            found[extension.name].append((database, extension))
    return [
        (name, users, next((e.purpose for _, e in users if e.purpose), None)) for name, users in sorted(found.items())
    ]


def connection_pattern(engine_id: str | None) -> str | None:
    """The generic URL shape for an engine, in the form its users recognise."""
    engine = engines.engine_for(engine_id)
    if engine is None or engine.url_form is None:
        return None
    suffix = {"sqlite": ".db", "duckdb": ".duckdb"}.get(engine.id)
    return engines.fill(
        engine.url_form,
        user="USER",
        password="PASSWORD",
        host="HOST",
        port="PORT",
        database="DB_NAME",
        database_path=f"PATH/TO/DB_NAME{suffix}" if suffix else None,
        query=engine.pattern_query,
    )


def connection_lines(catalog: Catalog, shown: Callable[[Database], str | None] | None = None) -> str:
    """The "Connection Strings" block: patterns per engine, then each service's masked URL
    (`shown` gives it in the engine's own form; by default the URL as written, masked)."""
    url_of = shown or (lambda d: d.url or assumed_url(d))
    lines = ["# Pattern"]
    patterns = _distinct([connection_pattern(d.engine) for d in catalog.databases])
    lines += patterns or ["ENGINE://USER:PASSWORD@HOST:PORT/DB_NAME"]
    lines += ["", "# Service-specific"]
    width = max((len(d.service or d.name) for d in catalog.databases), default=0)
    for database in catalog.databases:
        owner = (database.service or database.name) + ":"
        lines.append(f"{owner:<{width + 1}} {url_of(database) or '(no URL documented)'}")
    return "\n".join(lines)


def assumed_url(database: Database) -> str | None:
    """A URL built from what the YAML says (host, port), with the password masked by construction;
    None for an engine the catalog does not know."""
    engine = engines.engine_for(database.engine)
    if engine is None:
        return None
    if engine.id in ("sqlite", "duckdb"):
        return f"{engine.scheme}:///{database.name}.{'db' if engine.id == 'sqlite' else 'duckdb'}"
    host = database.host or "HOST"
    port = database.port or engine.default_port or "PORT"
    return f"{engine.scheme}://USER:****@{host}:{port}/{database.name}"


def port_text(database: Database) -> str | None:
    """The port, or the engine's default one (said so) for a database whose host is known."""
    if database.port:
        return str(database.port)
    engine = engines.engine_for(database.engine)
    if engine is not None and engine.default_port and (database.host or database.url):
        return f"{engine.default_port} (default)"
    return None
