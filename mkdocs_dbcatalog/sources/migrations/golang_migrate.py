"""golang-migrate: `<version>_<name>.up.<ext>` / `.down.<ext>` pairs; the database keeps one row,
the current version and whether the migration to it failed midway (`dirty`)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ...catalog.model import Migration, MigrationStatus
from .base import (
    Applied,
    FileSet,
    Found,
    Resolved,
    Row,
    leading_comment,
    out_of_order,
    read_text,
    version_date,
    with_row,
)

TOOL = "golang-migrate"
TABLE = "schema_migrations"
COLUMNS = ("version", "dirty")
REQUIRED = ("version", "dirty")
FILE = re.compile(r"^(?P<version>[0-9]+)_(?P<name>.*)\.(?P<direction>down|up)\.(?P<ext>.*)$")


def read(path: Path) -> FileSet:
    """Versions in numeric order (`2` before `10`; `0010` and `10` are the same version)."""
    problems: list[str] = []
    ups: dict[int, tuple[str, Path]] = {}
    downs: dict[int, tuple[str, Path]] = {}
    for file in sorted(p for p in path.iterdir() if p.is_file()):
        match = FILE.match(file.name)
        if not match:
            continue
        version = int(match.group("version"))
        target = ups if match.group("direction") == "up" else downs
        if version in target and target[version][1] != file:
            problems.append(
                f"version {version} has two {match.group('direction')} files: {target[version][1].name} and "
                f"{file.name}; golang-migrate refuses to run"
            )
            continue
        target[version] = (match.group("version"), file)
    found = []
    for version in sorted(set(ups) | set(downs)):
        raw, file = ups.get(version) or downs[version]
        match = FILE.match(file.name)
        assert match is not None
        date = version_date(raw)
        text = read_text(file) if version in ups else ""
        migration = Migration(
            version=str(version),
            name=match.group("name") or None,
            date=date,
            date_source="filename" if date else None,
            description=leading_comment(text),
            path=file.name,
            labels=() if version in downs else ("no down file",),
        )
        found.append(Found(str(version), migration, source=ups[version][1] if version in ups else None))
        if version not in ups:
            problems.append(f"version {version} has a down file but no up file ({file.name})")
    return FileSet(TOOL, path, tuple(found), tuple(problems))


def rows(records: Iterable[Mapping[str, Any]]) -> list[Row]:
    return [
        Row(str(int(r["version"])), success=not bool(r.get("dirty")), extra={"dirty": bool(r.get("dirty"))})
        for r in records
        if r.get("version") is not None and int(r["version"]) >= 0
    ]


def resolve(files: FileSet, applied: Applied | None) -> Resolved:
    """Everything up to the current version is applied; the current one failed when dirty."""
    if applied is None:
        return Resolved(tuple(f.migration for f in files.found))
    if not applied.rows:
        return Resolved(tuple(with_row(f.migration, MigrationStatus.PENDING) for f in files.found))
    row = applied.rows[0]
    current = int(row.key)
    problems: list[str] = []
    if len(applied.rows) > 1:
        problems.append(f"{applied.table} has {len(applied.rows)} rows; golang-migrate keeps exactly one")
    migrations = []
    known = False
    for item in files.found:
        version = int(item.key)
        if version < current:
            status = MigrationStatus.APPLIED
        elif version == current:
            known = True
            status = MigrationStatus.APPLIED if row.success else MigrationStatus.FAILED
        else:
            status = MigrationStatus.PENDING
        migrations.append(with_row(item.migration, status))
    if not known:
        missing = Migration(
            version=str(current),
            status=MigrationStatus.MISSING_FILE if row.success else MigrationStatus.FAILED,
        )
        migrations.append(missing)
        migrations.sort(key=lambda m: int(m.version))
        problems.append(
            f"the database is at version {current}, which no file defines: "
            "its file was deleted, or this folder is behind the deployed code"
        )
    if not row.success:
        before = [m.version for m in migrations if int(m.version) < current]
        force = before[-1] if before else "-1"
        problems.append(
            f"the database is dirty at version {current}: that migration failed midway; repair the database by "
            f"hand, then mark the last good version with `migrate force {force}` and run it again"
        )
    problems += out_of_order(tuple(migrations))
    return Resolved(tuple(migrations), tuple(problems), (str(current),))
