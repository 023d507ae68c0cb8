"""A database's schema files (`connection.ddl`: a file, a folder or a glob) read into a `Database`.

Files are read in name order into one schema state, so a folder of one file per table (an SSDT
project, `db/schema/*.sql`) reads like one script. The structure merges with the YAML exactly like
a live read; what could not be read is kept per file (`Database.schema_files`) for the lint rule
`schema-file-statement-skipped` and the database page.
"""

from __future__ import annotations

import threading
from pathlib import Path

from ...catalog.model import Database, Origin, SchemaFile, SkippedStatement, Table
from ...catalog.rewrite import map_text
from ...errors import CatalogError
from ...memory import collector_paused
from ...urls import mask_text, may_mask
from ..live.common import Scope
from . import kept as on_disk
from .applied import Status
from .dialects import Dialect, dialect_named
from .settings import SchemaFileSettings
from .state import SchemaState
from .statements import parse_script

SUFFIXES = (".sql", ".ddl")


def discover(pattern: str, base: Path) -> list[Path]:
    target = base / pattern
    if any(ch in pattern for ch in "*?["):
        found = [p for p in base.glob(pattern) if p.is_file()]
    elif target.is_dir():
        found = [p for p in target.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES]
    else:
        found = [target] if target.is_file() else []
    return sorted(found, key=lambda p: p.as_posix())


@collector_paused()  # a parse allocates millions of short-lived nodes: the collector took 2/3 of the time
def read_schema_files(
    name: str, settings: SchemaFileSettings, base: Path, where: str, cache_dir: Path | None = None
) -> Database:
    """The structure the schema files create; paths are shown relative to `base` (the site's folder).

    With `cache_dir`, the result is kept there by what the files hold (see `kept.py`), its texts
    masked, and files that did not change are not parsed again.

    Raises CatalogError (naming `where`, the database file) when no file matches or one cannot be read.
    """
    dialect = dialect_named(settings.dialect)
    if dialect is None:
        raise CatalogError(f"unknown SQL dialect {settings.dialect!r}", where=where)
    files = discover(settings.pattern, settings.root)
    if not files:
        raise CatalogError(
            f"connection.ddl {settings.pattern!r} matches no file",
            where=where,
            hint="give a .sql file, a folder of .sql files or a glob, relative to the database file",
        )
    versions = tuple(_version(path) for path in files)
    key = (name, settings, base, versions)
    with _lock:
        kept = _read.get(key)
    if kept is not None:
        return kept
    if cache_dir is None:
        database = _read_files(name, files, dialect, settings, base)
    else:
        shown = [_display(path, base) for path in files]
        found = on_disk.key(name, settings, [(s, _bytes(p, s)) for p, s in zip(files, shown, strict=True)])
        database_or_none = on_disk.load(cache_dir, name, found)
        if database_or_none is None:
            database = map_text(_read_files(name, files, dialect, settings, base), mask_text, may_mask)
            on_disk.save(cache_dir, name, found, database)
        else:
            database = database_or_none
    with _lock:
        if len(_read) >= _KEEP:
            _read.pop(next(iter(_read)))
        _read[key] = database
    return database


def _read_files(name: str, files: list[Path], dialect: Dialect, settings: SchemaFileSettings, base: Path) -> Database:
    state = SchemaState(dialect)
    read: list[SchemaFile] = []
    for path in files:
        shown = _display(path, base)
        statements = parse_script(_text(path, shown), dialect, shown)
        skipped = tuple(
            SkippedStatement(applied.statement.line, applied.reason or "could not be read")
            for applied in state.apply_all(statements)
            if applied.status is Status.SKIPPED
        )
        read.append(SchemaFile(shown, dialect.name, sum(1 for s in statements if not s.no_effect), skipped))
    scope = Scope(settings.schemas, settings.include, settings.exclude)
    tables = tuple(t for t in state.tables() if _kept(t, scope, state))
    return Database(
        name=name,
        engine=dialect.engine,
        schemas=settings.schemas or state.schema_names(),
        extensions=state.extension_list(),
        tables=tables,
        enums=state.enum_types(),
        origin=Origin.DDL,
        schema_files=tuple(read),
    )


def _kept(table: Table, scope: Scope, state: SchemaState) -> bool:
    if scope.schemas and (table.schema or state.default_schema or "") not in scope.schemas:
        return False
    return scope.keeps(table.schema, table.name)


_read: dict[tuple[object, ...], Database] = {}
"""Reads by their files' versions: `mkdocs serve` reads a schema file again only when it changes."""
_lock = threading.Lock()
_KEEP = 16


def _version(path: Path) -> tuple[str, int, int]:
    try:
        stat = path.stat()
    except OSError:
        return (str(path), 0, 0)
    return (str(path.resolve()), stat.st_mtime_ns, stat.st_size)


def _bytes(path: Path, shown: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as problem:
        raise CatalogError(f"cannot be read: {problem.strerror or problem}", where=shown) from None


def _text(path: Path, shown: str) -> str:
    try:
        return decode(_bytes(path, shown))
    except UnicodeDecodeError:
        raise CatalogError("is not UTF-8 or UTF-16 text", where=shown, hint="save the schema file as UTF-8") from None


def decode(data: bytes) -> str:
    """Text of a schema file: UTF-8 (with or without BOM), or UTF-16 with its BOM (as SSMS saves scripts)."""
    text = data.decode("utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else data.decode("utf-8-sig")
    return text.replace("\r\n", "\n").replace("\r", "\n")  # Windows line ends: GO and / are alone on a line


def _display(path: Path, base: Path) -> str:
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


__all__ = ["SUFFIXES", "SchemaFileSettings", "decode", "discover", "read_schema_files"]
