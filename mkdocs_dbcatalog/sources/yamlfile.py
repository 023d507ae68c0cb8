"""Per-database YAML files: the format, and its reading into the catalog model.

One file describes one database. What only people know (purpose, descriptions, references,
policies) is always read from here; the structure (columns, keys, indexes) is read from here only
for databases the build does not introspect.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path as FsPath
from typing import Any

import yaml

from ..catalog import engines
from ..catalog.model import (
    Backup,
    CheckConstraint,
    Column,
    CrossReference,
    Database,
    Domain,
    EnumType,
    ExclusionConstraint,
    Extension,
    ForeignKey,
    Index,
    Migration,
    MigrationCommands,
    MigrationHistory,
    MigrationStatus,
    Owner,
    Partition,
    Policy,
    PrimaryKey,
    Relation,
    SeedData,
    SeedTable,
    Table,
    TableKind,
    TableRef,
    Trigger,
    UniqueConstraint,
    Viewpoint,
    ViewpointGroup,
)
from ..errors import CatalogError
from ..urls import ConnectionUrl
from ..urls import parse as parse_url
from .ddl.dialects import NAMES as DDL_DIALECTS
from .ddl.dialects import dialect_for_engine, dialect_named
from .ddl.settings import SchemaFileSettings
from .models.settings import ORMS, ModelSettings
from .yamlformat import DATABASE_FILE, DOCS_FILE, REFERENCE_FROM, REFERENCE_TO, RELATION_FROM
from .yamlspec import Context, Path, compose, format_path, read_text


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
    read = [_table(key, spec, ctx, live=live) for key, spec in values["tables"].items()]
    tables = _resolve_foreign_keys(read, ctx, check=not live)

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
            migrations=tuple(_migration(entry) for entry in migrations["history"]),
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
                    hint=_did_you_mean(entry["table"], dict.fromkeys(known)),
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
                checks=_checks(domain["checks"]),
                comment=domain["description"],
            )
            for ref, domain in ((split_table_key(key), domain) for key, domain in values["domains"].items())
        ),
        enums=tuple(
            EnumType(ref.table, tuple(labels), ref.schema)
            for ref, labels in ((split_table_key(key), labels) for key, labels in values["enums"].items())
        ),
        references=tuple(_reference(ref, ctx, ("references", i)) for i, ref in enumerate(values["references"])),
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
        relations=tuple(_relation(item, ctx, ("relations", i)) for i, item in enumerate(values["relations"])),
        viewpoints=tuple(_viewpoint(item) for item in values["viewpoints"]),
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


def tags(values: tuple[str | None, ...]) -> tuple[str, ...]:
    """Tags as written, stripped, each once."""
    return tuple(dict.fromkeys(t.strip() for t in values if t and t.strip()))


def owner(values: Mapping[str, Any] | None) -> Owner | None:
    if not values or not values.get("team"):
        return None
    return Owner(values["team"].strip(), (values.get("contact") or "").strip() or None)


def split_table_key(key: str) -> TableRef:
    """`schema.table` or `table`."""
    schema, dot, name = key.rpartition(".")
    return TableRef(name, schema or None) if dot else TableRef(key)


_TARGET = re.compile(r"^\s*(?P<table>[^()]+?)\s*(?:\((?P<columns>[^()]*)\))?\s*$")


def parse_target(text: str) -> tuple[TableRef, tuple[str, ...]]:
    """`users(id)`, `users(a, b)`, `billing.users(id)`, `users.id`, `billing.users.id` or `users`."""
    match = _TARGET.match(text)
    if not match or not match.group("table"):
        raise ValueError(text)
    table, columns = match.group("table"), match.group("columns")
    if columns is not None:
        names = tuple(c.strip() for c in columns.split(",") if c.strip())
        return split_table_key(table), names
    parts = table.split(".")
    if len(parts) == 1:
        return TableRef(parts[0]), ()
    if len(parts) == 2:
        return TableRef(parts[0]), (parts[1],)
    return TableRef(parts[-2], ".".join(parts[:-2])), (parts[-1],)


def _table(key: str, spec: dict[str, Any], ctx: Context, *, live: bool) -> tuple[Table, list[Path]]:
    """The table, and the key path each of its foreign keys was written at (for later errors)."""
    path: Path = ("tables", key)
    fk_paths: list[Path] = []
    ref = split_table_key(key)
    columns: list[Column] = []
    pk_columns: list[str] = []
    uniques = [UniqueConstraint(tuple(u["columns"]), u["name"], u["description"]) for u in spec["unique"]]
    foreign_keys: list[ForeignKey] = []
    for name, col in spec["columns"].items():
        columns.append(
            Column(
                name=name,
                type=col["type"],
                nullable=col["nullable"],
                default=col["default"],
                description=col["description"],
                identity=col["identity"],
                generated=col["generated"],
                generation=col["generation"],
                on_update=col["on_update"],
                charset=col["charset"],
                collation=col["collation"],
                invisible=bool(col["invisible"]),
                tags=tags(col["tags"]),
            )
        )
        if col["primary_key"]:
            pk_columns.append(name)
        if col["unique"]:
            uniques.append(UniqueConstraint((name,)))
        if col["references"]:
            fk_paths.append(path + ("columns", name, "references"))
            target, target_columns = _target(col["references"], ctx, fk_paths[-1])
            foreign_keys.append(ForeignKey((name,), target, target_columns))
    declared_pk = spec["primary_key"] or {"name": None, "columns": (), "type": None, "description": None}
    if pk_columns and declared_pk["columns"] and tuple(pk_columns) != tuple(declared_pk["columns"]):
        raise ctx.fail_at(
            path + ("primary_key",),
            f"says {list(declared_pk['columns'])} but columns mark {pk_columns} as primary key",
            hint="keep one of the two",
        )
    primary = declared_pk["columns"] or tuple(pk_columns)
    primary_name = declared_pk["name"]
    indexes: list[Index] = []
    for i, idx in enumerate(spec["indexes"]):
        # For a live database an index may be named only, to give it a purpose; its columns come live.
        if not idx["columns"] and not (live and idx["name"]):
            needs = "a name or columns" if live else "columns"
            raise ctx.fail_at(path + ("indexes", i), f"an index needs {needs}", hint="write columns: [...]")
        if (idx["type"] or "").strip().lower() == "primary":
            if primary and tuple(primary) != tuple(idx["columns"]):
                raise ctx.fail_at(path + ("indexes", i), "a second primary key", hint="a table has one")
            primary, primary_name = idx["columns"], idx["name"] or primary_name
            continue
        indexes.append(_index(idx, ctx, path + ("indexes", i)))
    for i, fk in enumerate(spec["foreign_keys"]):
        fk_paths.append(path + ("foreign_keys", i, "references"))
        target, target_columns = _target(fk["references"], ctx, fk_paths[-1])
        foreign_keys.append(
            ForeignKey(
                columns=tuple(fk["columns"]),
                target=target,
                target_columns=target_columns,
                name=fk["name"],
                on_delete=fk["on_delete"],
                on_update=fk["on_update"],
                description=fk["description"],
                match=None if fk["match"] == "SIMPLE" else fk["match"],
                deferrable=fk["deferrable"],
                on_delete_columns=tuple(fk["on_delete_columns"]),
            )
        )
    declared = {c.name for c in columns}
    if declared and not live:  # a live table's columns come from the database, not from this file
        for fk_index, fk in enumerate(foreign_keys):
            for name in fk.columns:
                if name not in declared:
                    raise ctx.fail_at(
                        fk_paths[fk_index],
                        f"foreign key column {name!r} is not a column of {key!r}",
                        hint="known columns: " + ", ".join(sorted(declared)),
                    )
        for name in primary:
            if name not in declared:
                raise ctx.fail_at(path + ("primary_key",), f"primary key column {name!r} is not a column of {key!r}")
    table = Table(
        name=ref.table,
        schema=ref.schema,
        kind=TableKind(spec["kind"]) if spec["kind"] else TableKind.TABLE,
        purpose=spec["purpose"],
        row_estimate=spec["row_estimate"],
        size_bytes=spec["size"],
        columns=tuple(columns),
        primary_key=PrimaryKey(
            tuple(primary),
            primary_name,
            None if (declared_pk["type"] or "btree").lower() == "btree" else declared_pk["type"].lower(),
            declared_pk["description"],
        )
        if primary
        else None,
        indexes=tuple(indexes),
        foreign_keys=tuple(foreign_keys),
        unique_constraints=tuple(uniques),
        check_constraints=_checks(spec["checks"]),
        triggers=tuple(
            Trigger(t["name"], t["timing"], tuple(t["events"]), t["definition"], t["description"])
            for t in spec["triggers"]
        ),
        definition=spec["definition"],
        partition_key=spec["partition_key"],
        partitions=tuple(
            Partition(
                p["name"],
                p["bound"],
                p["row_estimate"],
                p["size"],
                tuple(_index(idx, ctx, path + ("partitions", n, "indexes", i)) for i, idx in enumerate(p["indexes"])),
            )
            for n, p in enumerate(spec["partitions"])
        ),
        exclusion_constraints=tuple(
            ExclusionConstraint(x["definition"], x["name"], x["description"])
            for x in spec["exclusions"]
            if x["definition"]
        ),
        engine=spec["engine"],
        charset=spec["charset"],
        collation=spec["collation"],
        row_format=spec["row_format"],
        auto_increment=spec["auto_increment"],
        persistence=spec["persistence"],
        row_security=None if spec["row_security"] == "disabled" else spec["row_security"],
        policies=tuple(
            Policy(
                p["name"],
                p["command"] or "ALL",
                p["permissive"] is not False,
                tuple(p["roles"]),
                p["using"],
                p["check"],
            )
            for p in spec["policies"]
        ),
        tags=tags(spec["tags"]),
        owner=owner(spec["owner"]),
    )
    return table, fk_paths


def _checks(specs: tuple[dict[str, Any], ...]) -> tuple[CheckConstraint, ...]:
    return tuple(CheckConstraint(c["expression"], c["name"], c["description"]) for c in specs if c["expression"])


def _index(idx: dict[str, Any], ctx: Context, where: Path) -> Index:
    """An index entry; `options` maps its columns to what follows them (`name: text_pattern_ops`)."""
    method = (idx["type"] or "").strip()
    columns = tuple(idx["columns"])
    stray = [name for name in idx["options"] if name not in columns]
    if stray:
        raise ctx.fail_at(
            where + ("options",),
            f"options for {stray[0]!r}, which is not one of the index's columns",
            hint="columns: " + ", ".join(columns) if columns else "list the index's columns",
        )
    options = tuple(idx["options"].get(name) or "" for name in columns)
    return Index(
        columns=columns,
        name=idx["name"],
        unique=bool(idx["unique"]) or method.lower() == "unique",
        method=None if method.lower() in ("", "unique") else method.lower(),
        predicate=idx["where"],
        purpose=idx["purpose"],
        options=options if any(options) else (),
        include=tuple(idx["include"]),
    )


def _target(text: str, ctx: Context, path: Path) -> tuple[TableRef, tuple[str, ...]]:
    try:
        return parse_target(text)
    except ValueError:
        raise ctx.fail_at(
            path, f"cannot read the target {text!r}", hint="write table(column), e.g. users(id)"
        ) from None


def _resolve_foreign_keys(read: list[tuple[Table, list[Path]]], ctx: Context, *, check: bool) -> tuple[Table, ...]:
    """Fill target columns left out (`references: users` means users' primary key) and check targets.

    Targets are checked only for databases described by YAML alone; for a live database a missing
    target is drift, found when the live structure is merged.
    """
    by_key = {t.key: t for t, _ in read}
    resolved = []
    for table, fk_paths in read:
        fks = []
        for fk, where in zip(table.foreign_keys, fk_paths, strict=True):
            target = by_key.get(fk.target.key)
            if target is None:
                if check:
                    raise ctx.fail_at(
                        where,
                        f"foreign key to table {fk.target.key!r}, which this file does not describe",
                        hint=_did_you_mean(fk.target.key, by_key) or "add the table, or fix the name",
                    )
                fks.append(fk)
                continue
            columns = fk.target_columns or (target.primary_key.columns if target.primary_key else ())
            if not columns:
                raise ctx.fail_at(
                    where,
                    f"foreign key to {fk.target.key!r} names no column, and that table has no primary key",
                    hint=f"write {fk.target.key}(column)",
                )
            if check and target.columns:
                missing = [c for c in columns if target.column(c) is None]
                if missing:
                    raise ctx.fail_at(
                        where,
                        f"foreign key to {fk.target.key}({', '.join(columns)}): "
                        f"{fk.target.key!r} has no column {missing[0]!r}",
                        hint=_did_you_mean(missing[0], {c.name: c for c in target.columns}),
                    )
            if len(columns) != len(fk.columns):
                raise ctx.fail_at(
                    where, f"foreign key has {len(fk.columns)} column(s) but its target has {len(columns)}"
                )
            fks.append(replace(fk, target_columns=tuple(columns)))
        resolved.append(replace(table, foreign_keys=tuple(fks)))
    return tuple(resolved)


def _did_you_mean(name: str, known: Mapping[str, object]) -> str | None:
    close = difflib.get_close_matches(name, list(known), n=1)
    return f"did you mean {close[0]!r}?" if close else None


def _reference(ref: dict[str, Any], ctx: Context, path: Path) -> CrossReference:
    source_text, target_text = ref["from"], ref["to"]
    if not REFERENCE_FROM.matches(source_text):
        raise ctx.fail_at(
            path + ("from",), f"cannot read {source_text!r}", hint="write table.column, e.g. orders.user_id"
        )
    source_table, _, source_column = source_text.rpartition(".")
    database, _, rest = target_text.partition("/")
    target_table, _, target_column = rest.rpartition(".")
    if not REFERENCE_TO.matches(target_text):
        raise ctx.fail_at(
            path + ("to",),
            f"cannot read {target_text!r}",
            hint="write database-or-service/table.column, e.g. users-service/users.id",
        )
    return CrossReference(
        source=split_table_key(source_table),
        source_column=source_column,
        target_database=database,
        target=split_table_key(target_table),
        target_column=target_column,
        description=ref["description"],
    )


def _relation(item: dict[str, Any], ctx: Context, path: Path) -> Relation:
    """`from: orders.user_id` (or `orders(a, b)`), `to: users.id`, `users(id)` or `users` (its primary key).

    Whether the tables and columns exist is checked after the live read, by the lint rule
    `relation-missing-column`: for a live database only the database knows.
    """
    source, columns = _target(item["from"], ctx, path + ("from",))
    if not RELATION_FROM.matches(item["from"]):  # once read as a target: exactly when it names no column
        raise ctx.fail_at(
            path + ("from",), f"{item['from']!r} names no column", hint="write table.column, e.g. orders.user_id"
        )
    target, target_columns = _target(item["to"], ctx, path + ("to",))
    if target_columns and len(target_columns) != len(columns):
        raise ctx.fail_at(
            path + ("to",), f"the relation has {len(columns)} column(s) but its target has {len(target_columns)}"
        )
    return Relation(source, columns, target, target_columns, item["description"])


def _viewpoint(item: dict[str, Any]) -> Viewpoint:
    return Viewpoint(
        name=item["name"],
        description=item["description"],
        tables=tuple(item["tables"]),
        distance=item["distance"] or 0,
        groups=tuple(ViewpointGroup(group["name"], tuple(group["tables"])) for group in item["groups"]),
    )


def _migration(entry: dict[str, Any]) -> Migration:
    status = {
        "applied": MigrationStatus.APPLIED,
        "pending": MigrationStatus.PENDING,
        "failed": MigrationStatus.FAILED,
    }.get(entry["status"] or "", MigrationStatus.UNKNOWN)
    return Migration(
        version=entry["version"],
        name=entry["name"],
        date=entry["date"],
        date_source="yaml" if entry["date"] else None,
        description=entry["description"],
        author=entry["author"],
        status=status,
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
