"""Flyway: `V<version>__<description>.sql` (and `R__`, `B`, `U`) files, versions compared as Flyway
compares them (`1.12.10` after `1.12.2`, `1` equal to `1.0`), states named as `flyway info` names them.

`path` is a migrations folder (scanned recursively, like a Flyway location) or a project folder
whose `flyway.conf` / `flyway.toml` names the locations and the history table.
"""

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
    files_in,
    flyway_checksum,
    leading_comment,
    missing_and_failed,
    read_text,
    with_row,
)

TOOL = "flyway"
TABLE = "flyway_schema_history"
LEGACY_TABLE = "schema_version"
COLUMNS = (
    "installed_rank",
    "version",
    "description",
    "type",
    "script",
    "checksum",
    "installed_by",
    "installed_on",
    "success",
)
FILE = re.compile(
    r"^(?P<prefix>[VUB])(?P<version>\d+(?:[._]\d+)*)__(?P<desc>.+?)\.(?P<ext>sql|java|kt)$", re.IGNORECASE
)
REPEATABLE = re.compile(r"^R__(?P<desc>.+?)\.sql$", re.IGNORECASE)
_SYNTHETIC = ("SCHEMA", "DELETE")


def version_key(text: str) -> tuple[int, ...]:
    """`1_12_10`, `1.12.10` → (1, 12, 10); trailing zeros dropped so `1` equals `1.0`."""
    parts = [int(p) for p in re.split(r"[._](?=\d)", text) if p.isdigit()]
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


def canonical(text: str) -> str:
    return ".".join(str(p) for p in version_key(text))


def config(path: Path) -> dict[str, Any]:
    """Locations and table from `flyway.conf` (`flyway.locations=filesystem:sql`) or `flyway.toml`."""
    options: dict[str, Any] = {}
    conf = path / "flyway.conf"
    if conf.is_file():
        for line in read_text(conf).splitlines():
            key, eq, value = line.partition("=")
            if eq and not line.lstrip().startswith("#"):
                options[key.strip().removeprefix("flyway.")] = value.strip()
    toml = path / "flyway.toml"
    if toml.is_file():
        try:
            import tomllib  # type: ignore[import-not-found,unused-ignore]

            data = tomllib.loads(read_text(toml))
            section = data.get("flyway", {})
            for env in data.get("environments", {}).values():
                section = {**env.get("flyway", {}), **section}
            options.update({k: ",".join(v) if isinstance(v, list) else v for k, v in section.items()})
        except (ImportError, ValueError):
            pass
    return options


def read(path: Path) -> FileSet:
    """Versioned migrations in version order, then repeatables by description (Flyway's order)."""
    options = config(path) if path.is_dir() else {}
    locations = [path]
    if options.get("locations"):
        locations = []
        for entry in str(options["locations"]).split(","):
            entry = entry.strip()
            if entry.startswith("classpath:"):
                continue
            candidate = path / entry.removeprefix("filesystem:")
            if candidate.is_dir():
                locations.append(candidate)
        locations = locations or [path]
    problems: list[str] = []
    versioned: dict[tuple[int, ...], Found] = {}
    repeatable: dict[str, Found] = {}
    undo: set[tuple[int, ...]] = set()
    for location in locations:
        for file in files_in(location, recursive=True):
            relative = file.relative_to(location).as_posix()
            match = FILE.match(file.name)
            if match:
                key = version_key(match.group("version"))
                if match.group("prefix").upper() == "U":
                    undo.add(key)
                    continue
                item = _found(
                    file, relative, match.group("version"), match.group("desc"), match.group("prefix").upper()
                )
                if key in versioned:
                    problems.append(
                        f"version {canonical(match.group('version'))} is defined twice: "
                        f"{versioned[key].migration.path} and {relative}; Flyway refuses to migrate"
                    )
                    continue
                versioned[key] = item
                continue
            match = REPEATABLE.match(file.name)
            if match:
                item = _found(file, relative, None, match.group("desc"), "R")
                repeatable[item.key] = item
    ordered = [versioned[k] for k in sorted(versioned)] + [repeatable[k] for k in sorted(repeatable)]
    context = {"table": options.get("table"), "undo": undo}
    return FileSet(TOOL, path, tuple(ordered), tuple(problems), (), context)


def _found(file: Path, relative: str, version: str | None, raw: str, prefix: str) -> Found:
    data = file.read_bytes()
    description = raw.replace("_", " ")
    sql = file.suffix.lower() == ".sql"
    text = data.decode("utf-8", errors="replace") if sql else ""
    labels = {"R": ("repeatable",), "B": ("baseline",)}.get(prefix, ())
    migration = Migration(
        version=version.replace("_", ".") if version else "R",
        name=description,
        description=leading_comment(text) if sql else None,
        path=relative,
        checksum=str(flyway_checksum(data)) if sql else None,
        labels=labels,
    )
    key = canonical(version) if version else f"R:{description}"
    return Found(key, migration, {"prefix": prefix}, source=file)


def rows(records: Iterable[Mapping[str, Any]]) -> list[Row]:
    """History rows in installed order; repeatables keyed by description like the files."""
    result = []
    for r in sorted(records, key=lambda r: r.get("installed_rank") or 0):
        kind = str(r.get("type") or "").upper()
        if kind in _SYNTHETIC:
            if kind == "DELETE" and r.get("version"):
                result.append(Row(canonical(str(r["version"])), success=False, extra={"type": kind}))
            continue
        version = r.get("version")
        key = canonical(str(version)) if version else f"R:{r.get('description')}"
        checksum = r.get("checksum")
        result.append(
            Row(
                key,
                applied_at=r.get("installed_on"),
                applied_by=r.get("installed_by"),
                success=bool(r.get("success")),
                checksum=None if checksum is None else str(checksum),
                extra={
                    "type": kind,
                    "version": version,
                    "description": r.get("description"),
                    "script": r.get("script"),
                },
            )
        )
    return result


def resolve(files: FileSet, applied: Applied | None) -> Resolved:
    """Success, Failed, Pending, Ignored (out of order), Below Baseline, Baseline, Undone, Missing,
    Outdated repeatables, and checksum mismatches (Flyway's CRC32, reproduced)."""
    if applied is None:
        return Resolved(tuple(f.migration for f in files.found))
    latest: dict[str, Row] = {}
    for row in applied.rows:
        latest[row.key] = row  # rows come in installed_rank order: the last one wins
    latest = {k: r for k, r in latest.items() if r.extra.get("type") != "DELETE"}
    baseline = max((_key(k) for k, r in latest.items() if "BASELINE" in str(r.extra.get("type"))), default=None)
    top = max((_key(k) for k, r in latest.items() if not k.startswith("R:") and r.success), default=None)
    out: list[tuple[tuple[int, tuple[int, ...], str], Migration]] = []
    problems: list[str] = []
    ignored: list[str] = []
    modified: list[str] = []
    for item in files.found:
        found_row = latest.pop(item.key, None)
        m = item.migration
        repeatable = item.key.startswith("R:")
        if found_row is None:
            if not repeatable and baseline is not None and _key(item.key) <= baseline:
                status = MigrationStatus.BELOW_BASELINE
            elif not repeatable and top is not None and _key(item.key) < top:
                status = MigrationStatus.IGNORED
                ignored.append(m.version)
            else:
                status = MigrationStatus.PENDING
            out.append((_order(item.key), with_row(m, status)))
            continue
        kind = str(found_row.extra.get("type"))
        if not found_row.success:
            status = MigrationStatus.FAILED
        elif kind.startswith("UNDO"):
            status = MigrationStatus.UNDONE
        elif "BASELINE" in kind and kind != "SQL_BASELINE":
            status = MigrationStatus.BASELINE
        elif m.checksum is not None and found_row.checksum is not None and m.checksum != found_row.checksum:
            status = MigrationStatus.OUTDATED if repeatable else MigrationStatus.MODIFIED
            if not repeatable:
                modified.append(m.version)
        else:
            status = MigrationStatus.APPLIED
        out.append((_order(item.key), with_row(m, status, found_row)))
    for key, row in latest.items():
        kind = str(row.extra.get("type"))
        status = (
            MigrationStatus.BASELINE
            if kind == "BASELINE"
            else MigrationStatus.MISSING_FILE
            if row.success
            else MigrationStatus.FAILED
        )
        version = str(row.extra.get("version") or "R")
        missing = Migration(
            version=version,
            name=str(row.extra.get("description") or "") or None,
            path=str(row.extra.get("script") or "") or None,
            status=status,
            applied_at=row.applied_at,
            applied_by=row.applied_by,
            date=row.applied_at,
            date_source="database" if row.applied_at else None,
            checksum=row.checksum,
        )
        out.append((_order(key), missing))
    out.sort(key=lambda pair: pair[0])
    migrations = tuple(m for _, m in out)
    problems += missing_and_failed(migrations, applied.table)
    if ignored:
        problems.append(
            f"{len(ignored)} migration(s) are older than the applied version {'.'.join(map(str, top or ()))} but "
            f"not applied ({', '.join(ignored[:5])}): Flyway ignores them unless outOfOrder is set"
        )
    if modified:
        problems.append(
            f"{len(modified)} applied migration(s) changed since they ran ({', '.join(modified[:5])}): "
            "their checksum differs from the one in the history table; `flyway validate` will fail"
        )
    done = (MigrationStatus.APPLIED, MigrationStatus.MODIFIED, MigrationStatus.MISSING_FILE)
    current = next((m.version for m in reversed(migrations) if m.status in done and "repeatable" not in m.labels), None)
    return Resolved(migrations, tuple(problems), (current,) if current else ())


def _key(key: str) -> tuple[int, ...]:
    return version_key(key)


def _order(key: str) -> tuple[int, tuple[int, ...], str]:
    return (1, (), key) if key.startswith("R:") else (0, version_key(key), key)
