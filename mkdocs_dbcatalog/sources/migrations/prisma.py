"""Prisma Migrate: one folder per migration (`<timestamp>_<name>/migration.sql`) beside
`migration_lock.toml`, ordered by folder name; the SHA-256 checksum is reproduced to catch edits."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ...catalog.model import Migration, MigrationStatus
from .base import (
    Applied,
    FileSet,
    Found,
    Resolved,
    Row,
    join_rows,
    missing_and_failed,
    out_of_order,
    prisma_checksums,
    read_text,
    timestamp,
)

TOOL = "prisma"
TABLE = "_prisma_migrations"
COLUMNS = ("id", "checksum", "finished_at", "migration_name", "logs", "rolled_back_at", "started_at")
_NAME = re.compile(r"^(?P<version>\d+)_(?P<name>.+)$")
_SECTION = re.compile(r"^--\s*(?P<what>[A-Z][A-Za-z]+)\s*$", re.MULTILINE)


def migrations_dir(path: Path) -> Path:
    """The folder holding the migration folders: `path`, or its `prisma/migrations` / `migrations`."""
    for candidate in (path, path / "migrations", path / "prisma" / "migrations"):
        if (candidate / "migration_lock.toml").is_file() or any(candidate.glob("*/migration.sql")):
            return candidate
    return path


def read(path: Path) -> FileSet:
    folder = migrations_dir(path)
    found = []
    for directory in sorted(p for p in folder.iterdir() if p.is_dir()):
        script = directory / "migration.sql"
        if not script.is_file():
            continue
        data = script.read_bytes()
        match = _NAME.match(directory.name)
        version = match.group("version") if match else directory.name
        date = timestamp(version) if len(version) == 14 else None
        migration = Migration(
            version=version,
            name=match.group("name") if match else None,
            date=date,
            date_source="filename" if date else None,
            description=summary(read_text(script)),
            path=f"{directory.name}/migration.sql",
            checksum=hashlib.sha256(data).hexdigest(),
        )
        found.append(Found(directory.name, migration, {"checksums": prisma_checksums(data)}, source=script))
    return FileSet(TOOL, path, tuple(found))


def summary(sql: str) -> str | None:
    """Prisma's section comments counted: "CreateTable ×3, AddForeignKey ×2"."""
    counts = Counter(m.group("what") for m in _SECTION.finditer(sql))
    return ", ".join(f"{what} ×{n}" if n > 1 else what for what, n in counts.items()) or None


def rows(records: Iterable[Mapping[str, Any]]) -> list[Row]:
    """The latest row per migration that was not rolled back (`migrate resolve` adds rows)."""
    epoch = datetime.min.replace(tzinfo=timezone.utc)
    latest: dict[str, Mapping[str, Any]] = {}
    for r in sorted(records, key=lambda r: _aware(r.get("started_at")) or epoch):
        if r.get("rolled_back_at") is None and r.get("migration_name"):
            latest[str(r["migration_name"])] = r
    return [
        Row(
            name,
            applied_at=r.get("finished_at") or r.get("started_at"),
            success=r.get("finished_at") is not None,
            checksum=r.get("checksum"),
            extra={"logs": r.get("logs")},
        )
        for name, r in latest.items()
    ]


def _aware(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    return None


def resolve(files: FileSet, applied: Applied | None) -> Resolved:
    """Finished rows are applied, unfinished ones failed; an edited migration.sql is a mismatch."""
    if applied is None:
        return Resolved(tuple(f.migration for f in files.found))
    rows_by_key = {row.key: row for row in applied.rows}
    by_path = {f.migration.path: f for f in files.found}
    migrations = []
    edited = []
    for m in join_rows(files.found, applied, sort_key=lambda key: key):
        item = by_path.get(m.path)
        row = rows_by_key.get(item.key) if item else None
        if (
            item is not None
            and row is not None
            and m.status is MigrationStatus.APPLIED
            and row.checksum
            and row.checksum not in item.extra["checksums"]
        ):
            m = replace(m, status=MigrationStatus.MODIFIED)
            edited.append(item.key)
        migrations.append(m)

    def fix(m: Migration) -> str:
        name = m.version if m.path is None else m.path.partition("/")[0]
        log = str((rows_by_key.get(name) or Row(name)).extra.get("logs") or "").strip().splitlines()
        said = f" (the log says: {log[0][:200]})" if log else ""
        return f"fix it, then run `npx prisma migrate resolve --rolled-back {name}`{said}"

    problems = missing_and_failed(migrations, applied.table, fix)
    if edited:
        problems.append(
            f"{len(edited)} applied migration(s) were edited afterwards ({', '.join(edited[:5])}): their SHA-256 "
            "differs from the checksum in _prisma_migrations; `prisma migrate dev` will ask to reset the database"
        )
    problems += out_of_order(tuple(migrations))
    done = [m.version for m in migrations if m.status in (MigrationStatus.APPLIED, MigrationStatus.MODIFIED)]
    return Resolved(tuple(migrations), tuple(problems), tuple(done[-1:]))
