"""dbmate: `db/migrations/<version>_<name>.sql` with `-- migrate:up` / `-- migrate:down` sections,
ordered by file name (dbmate sorts the names, not the numbers); versions are compared as strings."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ...catalog.model import Migration
from .base import Applied, FileSet, Found, Resolved, Row, leading_comment, read_text, simple_resolve, timestamp

TOOL = "dbmate"
TABLE = "schema_migrations"
COLUMNS = ("version",)
REQUIRED = ("version",)
FILE = re.compile(r"^(?P<version>\d+)(?P<rest>.*)\.sql$")
UP = re.compile(r"^--\s*migrate:up(\s*$|\s+\S+)", re.MULTILINE)


def folder(path: Path) -> Path:
    return path / "db" / "migrations" if (path / "db" / "migrations").is_dir() else path


def read(path: Path) -> FileSet:
    problems: list[str] = []
    found = []
    seen: dict[str, str] = {}
    root = folder(path)
    for file in sorted(p for p in root.iterdir() if p.is_file()):
        match = FILE.match(file.name)
        if not match:
            continue
        version = match.group("version")
        if version in seen:
            problems.append(f"version {version} is used by {seen[version]} and {file.name}")
            continue
        seen[version] = file.name
        text = read_text(file)
        if not UP.search(text):
            problems.append(f"{file.name} has no `-- migrate:up` section; dbmate will refuse to apply it")
        date = timestamp(version) if len(version) == 14 else None
        migration = Migration(
            version=version,
            name=match.group("rest").lstrip("_-") or None,
            date=date,
            date_source="filename" if date else None,
            description=leading_comment(text, skip=("migrate:",)),
            path=file.name,
        )
        found.append(Found(version, migration, source=file))
    return FileSet(TOOL, path, tuple(found), tuple(problems))


def rows(records: Iterable[Mapping[str, Any]]) -> list[Row]:
    return [Row(str(r["version"]).strip(), applied_at=r.get("ts")) for r in records if r.get("version") is not None]


def resolve(files: FileSet, applied: Applied | None) -> Resolved:
    return simple_resolve(files.found, applied, sort_key=lambda key: key)
