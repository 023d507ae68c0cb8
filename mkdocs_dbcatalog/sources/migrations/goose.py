"""goose: `<version>_<name>.sql` (with `-- +goose Up`) or `.go` files registering a migration;
`goose_db_version` keeps a row per up (and, in old goose, per down) with when it ran."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ...catalog.model import Migration
from .base import Applied, FileSet, Found, Resolved, Row, leading_comment, read_text, simple_resolve, version_date

TOOL = "goose"
TABLE = "goose_db_version"
COLUMNS = ("id", "version_id", "is_applied", "tstamp")
FILE = re.compile(r"^(?P<version>\d+)_(?P<name>.+)\.(?P<ext>sql|go)$")
UP = re.compile(r"^\s*--\s*\+goose\s+up\b", re.IGNORECASE | re.MULTILINE)
GO_REGISTER = re.compile(r"\bgoose\.(?:Add|Register)\w*Migration\w*\s*\(")


def folder(path: Path) -> Path:
    for candidate in (path, path / "migrations", path / "db" / "migrations"):
        if candidate.is_dir() and any(FILE.match(p.name) for p in candidate.iterdir()):
            return candidate
    return path


def read(path: Path) -> FileSet:
    """Versions in numeric order; version 0 is goose's own marker, not a migration."""
    problems: list[str] = []
    found: dict[int, Found] = {}
    for file in sorted(p for p in folder(path).iterdir() if p.is_file()):
        match = FILE.match(file.name)
        if not match or file.name.endswith("_test.go"):
            continue
        text = read_text(file)
        if match.group("ext") == "go":
            if not GO_REGISTER.search(text):
                continue
            description = leading_comment(re.sub(r"^\s*package\s+\w+\s*", "", text), marker="//")
        else:
            if not UP.search(text):
                problems.append(f"{file.name} has no `-- +goose Up` annotation; goose will refuse to apply it")
            description = leading_comment(text, skip=("+goose",))
        version = int(match.group("version"))
        if version < 1:
            problems.append(f"{file.name}: goose versions start at 1")
            continue
        if version in found:
            problems.append(f"version {version} is used by {found[version].migration.path} and {file.name}")
            continue
        date = version_date(match.group("version"))
        migration = Migration(
            version=str(version),
            name=match.group("name"),
            date=date,
            date_source="filename" if date else None,
            description=description,
            path=file.name,
            labels=("go",) if match.group("ext") == "go" else (),
        )
        found[version] = Found(str(version), migration, source=file)
    return FileSet(TOOL, path, tuple(found[v] for v in sorted(found)), tuple(problems))


def rows(records: Iterable[Mapping[str, Any]]) -> list[Row]:
    """The latest row per version (highest id) decides; version 0 is written when the table is made."""
    latest: dict[int, Mapping[str, Any]] = {}
    for r in sorted(records, key=lambda r: r.get("id") or 0):
        if r.get("version_id") is not None:
            latest[int(r["version_id"])] = r
    return [
        Row(str(version), applied_at=r.get("tstamp"))
        for version, r in sorted(latest.items())
        if version != 0 and r.get("is_applied")
    ]


def resolve(files: FileSet, applied: Applied | None) -> Resolved:
    return simple_resolve(files.found, applied, sort_key=lambda key: int(key))
