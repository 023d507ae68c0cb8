"""Rails (Active Record): `db/migrate/<version>_<name>.rb`, versions compared as integers; the
`schema_migrations` table holds one string per applied version, and no dates."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ...catalog.model import Migration
from .base import Applied, FileSet, Found, Resolved, Row, leading_comment, read_text, simple_resolve, timestamp

TOOL = "rails"
TABLE = "schema_migrations"
COLUMNS = ("version",)
REQUIRED = ("version",)
FILE = re.compile(r"^(?P<version>[0-9]+)_(?P<name>[_a-z0-9]*)\.?(?P<scope>[_a-z0-9]*)?\.rb$")


def folders(path: Path) -> list[Path]:
    """`db/migrate` (plus `db/post_migrate` when present) of a Rails app, or `path` itself."""
    if (path / "db" / "migrate").is_dir():
        return [p for p in (path / "db" / "migrate", path / "db" / "post_migrate") if p.is_dir()]
    return [path]


def normalize(version: str) -> str:
    """Rails' own normalisation: `"%.3d" % version.to_i`."""
    return f"{int(version):03d}" if version.isdigit() else version


def read(path: Path) -> FileSet:
    problems: list[str] = []
    found: dict[str, Found] = {}
    for folder in folders(path):
        for file in sorted(folder.rglob("[0-9]*_*.rb")):
            match = FILE.match(file.name)
            if not match:
                continue
            version = normalize(match.group("version"))
            relative = file.relative_to(path).as_posix() if file.is_relative_to(path) else file.name
            if version in found:
                problems.append(
                    f"version {version} is used twice: {found[version].migration.path} and {relative}; "
                    "Rails refuses to migrate (DuplicateMigrationVersionError)"
                )
                continue
            date = timestamp(version) if len(version) == 14 else None
            name = match.group("name") + (f".{match.group('scope')}" if match.group("scope") else "")
            migration = Migration(
                version=version,
                name=name,
                date=date,
                date_source="filename" if date else None,
                description=leading_comment(read_text(file), marker="#", skip=("frozen_string_literal",)),
                path=relative,
            )
            found[version] = Found(version, migration, source=file)
    ordered = sorted(found.values(), key=lambda f: int(f.key))
    return FileSet(TOOL, path, tuple(ordered), tuple(problems))


def rows(records: Iterable[Mapping[str, Any]]) -> list[Row]:
    return [Row(normalize(str(r["version"]).strip())) for r in records if r.get("version") is not None]


def resolve(files: FileSet, applied: Applied | None) -> Resolved:
    """A row means up, no row means down; a row without a file is Rails' `NO FILE`."""
    return simple_resolve(files.found, applied, sort_key=lambda key: (int(key) if key.isdigit() else 0, key))
