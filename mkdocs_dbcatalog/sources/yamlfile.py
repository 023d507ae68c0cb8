"""Per-database YAML files: the format, and its reading into the catalog model.

One file describes one database. What only people know (purpose, descriptions, references,
policies) is always read from here; the structure (columns, keys, indexes) is read from here only
for databases the build does not introspect.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

import yaml

from ..catalog import engines
from ..catalog.model import (
    Backup,
    Database,
    Domain,
    EnumType,
    Extension,
    MigrationCommands,
    MigrationHistory,
    SeedData,
    SeedTable,
)
from ..errors import CatalogError
from ..urls import ConnectionUrl
from ..urls import parse as parse_url
from .ddl.dialects import NAMES as DDL_DIALECTS
from .ddl.dialects import dialect_for_engine, dialect_named
from .ddl.settings import SchemaFileSettings
from .models.settings import ORMS, ModelSettings
from .yamlformat import DATABASE_FILE, DOCS_FILE
from .yamlspec import Context, Path, compose, format_path, read_text
from .yamltables import (
    did_you_mean,
    owner,
    read_checks,
    read_migration,
    read_reference,
    read_relation,
    read_table,
    read_viewpoint,
    resolve_foreign_keys,
    split_table_key,
    tags,
)


@dataclass(frozen=True)
class ConnectionSettings:
    """How to reach a database live. Holds the real URL, so it never enters the catalog model."""

    url: ConnectionUrl
    introspect: bool = True
    schemas: tuple[str, ...] = ()
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True)
class YamlDatabase:
    """One file read: the model it describes, plus what later steps need to point at its lines."""

    database: Database
    file: str
    lines: Mapping[Path, int]
    connection: ConnectionSettings | None
    migrations_dir: FsPath | None
    migrations_table: str | None
    key_lines: Mapping[Path, int] = field(default_factory=dict)
    """Line of the key of each mapping entry (`orders:`), for messages about a whole entry."""
    infer_relations: bool = False
    """`infer_relations: true`: propose relationships inside the database from column names."""
    docs: Mapping[str, str] = field(default_factory=dict)
    """The reusable descriptions this file defines (`docs:`), shared by the whole catalog."""
    doc_references: Mapping[Path, str] = field(default_factory=dict)
    """Each `{doc: name}` the file uses, by key path; sources/docblocks.py replaces them."""
    schema_files: SchemaFileSettings | None = None
    """`connection.ddl`: the structure is read from these SQL files instead of a live database."""
    models: ModelSettings | None = None
    """`models:`: the application's models, for the structure (nothing else gives it) or descriptions."""

    def line_of(self, *path: str | int) -> int | None:
        key: Path = tuple(path)
        while key and key not in self.lines:
            key = key[:-1]
        return self.lines.get(key)

    def error(self, message: str, *path: str | int, hint: str | None = None) -> CatalogError:
        return CatalogError(
            message, where=self.file, line=self.line_of(*path), path=format_path(tuple(path)) or None, hint=hint
        )

    @property
    def is_live(self) -> bool:
        return self.connection is not None and self.connection.introspect

    @property
    def has_structure_source(self) -> bool:
        """Whether the structure comes from elsewhere (a live read, schema files, models), not from this file."""
        return self.is_live or self.schema_files is not None or self.models is not None


@dataclass(frozen=True)
class DocsFile:
    """A file of the catalog with no `database:`, only reusable descriptions (`docs:`)."""

    file: str
    docs: Mapping[str, str]
    lines: Mapping[Path, int]


def load_file(path: FsPath, display: str, environ: Mapping[str, str] | None = None) -> YamlDatabase:
    """Read and validate one database file. Raises CatalogError naming the file and line."""
    loaded = load_catalog_file(path, display, environ, docs_file=False)
    assert isinstance(loaded, YamlDatabase)
    return loaded


def load_catalog_file(
    path: FsPath, display: str, environ: Mapping[str, str] | None = None, *, docs_file: bool = True
) -> YamlDatabase | DocsFile:
    """Read and validate one file of the catalog: a database file, or (with `docs_file`) a file
    of reusable descriptions. Raises CatalogError naming the file and line."""
    return load_catalog_text(read_text(path, display), path, display, environ, docs_file=docs_file)


def load_catalog_text(
    text: str, path: FsPath, display: str, environ: Mapping[str, str] | None = None, *, docs_file: bool = True
) -> YamlDatabase | DocsFile:
    """`load_catalog_file` of a file's text already in hand (from git, say); `path` places the
    folders the file names (migrations, schema files, models), and is never read."""
    node = compose(text, display)
    if node is None:
        raise CatalogError("is empty", where=display, hint="a database file needs at least 'database: <name>'")
    ctx = Context(display, os.environ if environ is None else environ)
    if docs_file and _is_docs_file(node):
        values = DOCS_FILE.read(node, ctx, ())
        return DocsFile(display, dict(values["docs"]), dict(ctx.lines))
    values = DATABASE_FILE.read(node, ctx, ())
    return _build(values, ctx, path)


def _is_docs_file(node: yaml.Node) -> bool:
    """A mapping with `docs:` and no `database:` (anything else is read, and checked, as a database file)."""
    if not isinstance(node, yaml.MappingNode):
        return False
    keys = {k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode)}
    return "docs" in keys and "database" not in keys


def _build(values: dict[str, Any], ctx: Context, path: FsPath) -> YamlDatabase:
    connection = None
    schema_files = _schema_files(values, ctx, path)
    url_text = values["connection"]["url"] if values["connection"] else None
    if url_text:
        conn = values["connection"]
        connection = ConnectionSettings(
            url=parse_url(url_text),
            introspect=conn["introspect"] is not False,
            schemas=conn["schemas"],
            include=conn["include"],
            exclude=conn["exclude"],
        )
    models = _models(values, ctx, path)
    live = (connection is not None and connection.introspect) or schema_files is not None or models is not None
    url = connection.url if connection else None
    read = [read_table(key, spec, ctx, live=live) for key, spec in values["tables"].items()]
    tables = resolve_foreign_keys(read, ctx, check=not live)

    migrations = values["migrations"]
    migrations_dir = None
    history = None
    if migrations:
        if migrations["path"]:
            migrations_dir = (path.parent / migrations["path"]).resolve()
        commands = migrations["commands"] or {}
        history = MigrationHistory(
            tool=migrations["tool"],
            path=migrations["path"],
            migrations=tuple(read_migration(entry) for entry in migrations["history"]),
            commands=MigrationCommands(commands.get("run"), commands.get("rollback"), commands.get("status")),
        )
    seed = values["seed_data"]
    if seed and tables and not live:
        known = {t.key for t in tables}
        for i, entry in enumerate(seed["tables"]):
            if entry["table"] not in known:
                raise ctx.fail_at(
                    ("seed_data", "tables", i, "table"),
                    f"seed data for table {entry['table']!r}, which this file does not describe",
                    hint=did_you_mean(entry["table"], dict.fromkeys(known)),
                )
    seen_viewpoints: dict[str, int] = {}
    for i, viewpoint in enumerate(values["viewpoints"]):
        if viewpoint["name"] in seen_viewpoints:
            first = ctx.lines.get(("viewpoints", seen_viewpoints[viewpoint["name"]], "name"))
            raise ctx.fail_at(
                ("viewpoints", i, "name"),
                f"a second viewpoint named {viewpoint['name']!r} (the first is on line {first})",
                hint="each viewpoint is a page: give it its own name",
            )
        seen_viewpoints[viewpoint["name"]] = i
    backup = values["backup"]
    engine = engines.normalize(values["engine"]) or (url.engine if url else None)
    database = Database(
        name=values["database"],
        service=values["service"],
        description=values["description"],
        engine=engine,
        version=values["version"],
        host=values["host"] or (url.host if url else None),
        port=values["port"] or (url.port if url else None),
        orm=values["orm"],
        url=url.masked if url else None,
        schemas=connection.schemas if connection else (),
        size_bytes=values["size"],
        extensions=tuple(
            Extension(name, ext["purpose"], ext["version"], ext["schema"]) for name, ext in values["extensions"].items()
        ),
        tables=tables,
        domains=tuple(
            Domain(
                ref.table,
                domain["type"],
                ref.schema,
                nullable=domain["nullable"] is not False,
                default=domain["default"],
                checks=read_checks(domain["checks"]),
                comment=domain["description"],
            )
            for ref, domain in ((split_table_key(key), domain) for key, domain in values["domains"].items())
        ),
        enums=tuple(
            EnumType(ref.table, tuple(labels), ref.schema)
            for ref, labels in ((split_table_key(key), labels) for key, labels in values["enums"].items())
        ),
        references=tuple(read_reference(ref, ctx, ("references", i)) for i, ref in enumerate(values["references"])),
        migrations=history,
        seed=SeedData(
            seed["location"],
            tuple(SeedTable(t["table"], t["purpose"], t["count"]) for t in seed["tables"]),
        )
        if seed
        else None,
        backup=Backup(
            backup["frequency"],
            backup["type"],
            backup["retention"],
            backup["storage"],
            (backup["commands"] or {}).get("backup"),
            (backup["commands"] or {}).get("restore"),
        )
        if backup
        else None,
        source_file=ctx.file,
        relations=tuple(read_relation(item, ctx, ("relations", i)) for i, item in enumerate(values["relations"])),
        viewpoints=tuple(read_viewpoint(item) for item in values["viewpoints"]),
        tags=tags(values["tags"]),
        owner=owner(values["owner"]),
    )
    return YamlDatabase(
        database=database,
        file=ctx.file,
        lines=dict(ctx.lines),
        key_lines=dict(ctx.key_lines),
        connection=connection,
        migrations_dir=migrations_dir,
        migrations_table=migrations["table"] if migrations else None,
        infer_relations=bool(values["infer_relations"]),
        docs=dict(values["docs"]),
        doc_references=dict(ctx.doc_references),
        schema_files=schema_files,
        models=models,
    )


def _models(values: dict[str, Any], ctx: Context, path: FsPath) -> ModelSettings | None:
    """`models:`: exactly one ORM, and `path` only for the ones whose code is imported."""
    spec = values["models"]
    if not spec:
        return None
    named = [orm for orm in ORMS if spec.get(orm)]
    if len(named) != 1:
        raise ctx.fail_at(
            ("models",),
            "models: name one of prisma, django, sqlalchemy or rails"
            + (f", not {' and '.join(named)}" if named else ""),
            hint="one database file reads one application's models",
        )
    orm = named[0]
    if spec.get("path") and orm not in ("django", "sqlalchemy"):
        raise ctx.fail_at(("models", "path"), f"path is for the models whose code is imported, not {orm}")
    if orm == "django":
        django = spec["django"]
        return ModelSettings(
            orm,
            django["settings"],
            path.parent,
            tuple(django["apps"] or ()),
            django["database"] or "default",
            tuple(spec["path"] or ()),
        )
    target = spec[orm]
    if orm == "sqlalchemy" and not re.fullmatch(r"[\w.]+:[\w.]+", target):
        raise ctx.fail_at(
            ("models", "sqlalchemy"),
            f"{target!r} is not module:attribute",
            hint="name the declarative base or MetaData, e.g. shop.models:Base",
        )
    return ModelSettings(orm, target, path.parent, path=tuple(spec.get("path") or ()))


def _schema_files(values: dict[str, Any], ctx: Context, path: FsPath) -> SchemaFileSettings | None:
    """`connection.ddl` and `connection.dialect`, checked against the rest of the connection."""
    conn = values["connection"]
    if not conn or not conn["ddl"]:
        if conn and conn["dialect"]:
            raise ctx.fail_at(
                ("connection", "dialect"), "a dialect without schema files", hint="add ddl: <file, folder or glob>"
            )
        return None
    if conn["url"] and conn["introspect"] is not False:
        raise ctx.fail_at(
            ("connection", "ddl"),
            "the structure is read either live from url or from the ddl files, not both",
            hint="set introspect: false to show the URL and read the structure from the files",
        )
    engine = engines.normalize(values["engine"])
    found = dialect_named(conn["dialect"]) if conn["dialect"] else dialect_for_engine(engine)
    if found is None:
        raise ctx.fail_at(
            ("connection", "ddl"),
            "which SQL dialect are the schema files written in?",
            hint="add dialect: one of " + ", ".join(DDL_DIALECTS),
        )
    return SchemaFileSettings(
        conn["ddl"], found.name, path.parent, tuple(conn["schemas"]), tuple(conn["include"]), tuple(conn["exclude"])
    )


def discover(pattern: str, base: FsPath) -> list[FsPath]:
    """The YAML files a `catalog` option names: a folder (searched recursively) or a glob."""
    target = base / pattern
    if target.is_dir():
        files = [p for p in target.rglob("*") if p.suffix in (".yml", ".yaml") and p.is_file()]
    elif any(ch in pattern for ch in "*?["):
        files = [p for p in base.glob(pattern) if p.is_file()]
    elif target.is_file():
        files = [target]
    else:
        files = []
    return sorted(files)
