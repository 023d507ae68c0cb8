"""What every migration reader shares: the shapes it returns, and the text helpers it needs.

Readers never import or execute a migration file: Python is parsed with `ast`, everything else is
read as text. A reader returns a `FileSet` (the migrations in the tool's own order); the applied
state is read separately (`bookkeeping.py`) and joined by each tool's `resolve`.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from ...catalog.model import AppliedMigration, AppliedState, Migration, MigrationStatus
from ...errors import CatalogError

SKIPPED_DIRS = frozenset(
    {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox", "site-packages"}
)


@dataclass(frozen=True)
class Found:
    """One migration read from the files, with the key its bookkeeping table knows it by."""

    key: str
    migration: Migration
    extra: Mapping[str, Any] = field(default_factory=dict)
    source: Path | None = None
    """The file the migration was read from, for the analysers of what it does (history/)."""


@dataclass(frozen=True)
class FileSet:
    """The migrations of one folder, in the tool's own order (oldest first)."""

    tool: str
    root: Path
    found: tuple[Found, ...]
    problems: tuple[str, ...] = ()
    heads: tuple[str, ...] = ()
    context: Mapping[str, Any] = field(default_factory=dict)
    """What the reader learned besides the list, for its `resolve`: a config file, the full graph."""


# A bookkeeping row and table are part of the model: a live read (and its cache) holds them.
Row = AppliedMigration
Applied = AppliedState


@dataclass(frozen=True)
class Resolved:
    """Files joined with the applied state: what `MigrationHistory` is built from."""

    migrations: tuple[Migration, ...]
    problems: tuple[str, ...] = ()
    applied_heads: tuple[str, ...] = ()


def fail(message: str, path: Path | str, hint: str | None = None, line: int | None = None) -> CatalogError:
    return CatalogError(message, where=str(path), line=line, hint=hint)


def read_text(path: Path) -> str:
    """A migration file as text; a file that is not UTF-8 is read as Latin-1 rather than refused."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def files_in(root: Path, *, recursive: bool = False) -> list[Path]:
    """Files of a folder in sorted order, skipping VCS, virtualenv and cache folders."""
    if not recursive:
        return sorted(p for p in root.iterdir() if p.is_file())
    found: list[Path] = []
    for directory, dirs, names in _walk(root):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS and not d.startswith("."))
        found += [directory / n for n in sorted(names)]
    return found


def _walk(root: Path) -> Iterable[tuple[Path, list[str], list[str]]]:
    import os

    for directory, dirs, names in os.walk(root):
        yield Path(directory), dirs, names


def timestamp(text: str | None) -> datetime | None:
    """A `YYYYMMDDHHMMSS` version as a UTC datetime, or None when it is not one (second 60 exists)."""
    if not text or len(text) < 14 or not text[:14].isdigit():
        return None
    try:
        return datetime.strptime(text[:14], "%Y%m%d%H%M%S").replace(tzinfo=timezone.utc)
    except ValueError:
        return None


_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def version_date(version: str, *, now: datetime | None = None) -> datetime | None:
    """The date a numeric version encodes, when it is one `migrate create` / `goose create` write:
    14-digit `YYYYMMDDHHMMSS`, Unix seconds (10 digits) or nanoseconds (19), from 2000 up to a day
    from now. A counter (`000042`, or `2019120401` that only looks like a date) has none."""
    if not version.isdigit():
        return None
    if len(version) == 14:
        date = timestamp(version)
    elif len(version) in (10, 19):
        micros = int(version) * 1_000_000 if len(version) == 10 else int(version) // 1000
        date = _EPOCH + timedelta(microseconds=micros) if micros >= 946_684_800_000_000 else None
    else:
        return None
    latest = (now or datetime.now(timezone.utc)) + timedelta(days=1)
    return date if date is not None and date <= latest else None


_SQL_COMMENT = re.compile(r"^\s*--\s?(.*)$")


def leading_comment(text: str, *, marker: str = "--", skip: Iterable[str] = ()) -> str | None:
    """The first comment lines of a script (its description), leaving out the tool's own markers."""
    prefixes = tuple(skip)
    lines: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            if lines:
                break
            continue
        if not line.startswith(marker):
            break
        body = line[len(marker) :].strip()
        if any(body.lower().startswith(p) for p in prefixes) or not body.strip("-=*# "):
            if lines:
                break
            continue
        lines.append(body)
    return " ".join(lines) or None


def flyway_checksum(data: bytes) -> int:
    """Flyway's CRC32: each line's UTF-8 bytes as Java's readLine() returns them (no line breaks,
    no BOM, no empty line after a final break), as a signed 32-bit int like the stored column."""
    text = data.decode("utf-8-sig", errors="replace")
    lines = re.split(r"\r\n|\r|\n", text)
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()
    crc = 0
    for line in lines:
        crc = zlib.crc32(line.encode("utf-8"), crc)
    return crc - (1 << 32) if crc >= 1 << 31 else crc


def prisma_checksums(data: bytes) -> set[str]:
    """SHA-256 forms Prisma accepts for a migration.sql: as is, LF, CRLF; padded and old unpadded hex."""
    variants = {data, data.replace(b"\r\n", b"\n"), data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")}
    sums = set()
    for variant in variants:
        digest = hashlib.sha256(variant).digest()
        sums.add(digest.hex())
        sums.add("".join(f"{b:x}" for b in digest))
    return sums


def join_rows(
    found: Iterable[Found],
    applied: Applied,
    *,
    sort_key: Callable[[str], Any] | None = None,
) -> list[Migration]:
    """Status per migration for tools whose table has one row per applied version.

    Rows without a file become "applied, file missing" entries, placed in the tool's order when
    there is a `sort_key`, else after the files.
    """
    rows = {row.key: row for row in applied.rows}
    out: list[tuple[Any, Migration]] = []
    for index, item in enumerate(found):
        row = rows.pop(item.key, None)
        if row is None:
            migration = with_row(item.migration, MigrationStatus.PENDING)
        else:
            migration = with_row(
                item.migration, MigrationStatus.APPLIED if row.success else MigrationStatus.FAILED, row
            )
        out.append((sort_key(item.key) if sort_key else index, migration))
    for row in applied.rows:
        if row.key in rows:
            missing = Migration(
                version=row.key,
                status=MigrationStatus.MISSING_FILE if row.success else MigrationStatus.FAILED,
                applied_at=row.applied_at,
                applied_by=row.applied_by,
                checksum=row.checksum,
            )
            out.append((sort_key(row.key) if sort_key else len(out), missing))
    if sort_key:
        out.sort(key=lambda pair: pair[0])
    return [m for _, m in out]


def simple_resolve(
    found: Iterable[Found], applied: Applied | None, *, sort_key: Callable[[str], Any] | None = None
) -> Resolved:
    """`join_rows` plus the usual problems; the current version is the newest applied one."""
    if applied is None:
        return Resolved(tuple(f.migration for f in found))
    migrations = tuple(join_rows(found, applied, sort_key=sort_key))
    problems = missing_and_failed(migrations, applied.table) + out_of_order(migrations)
    done = [m.version for m in migrations if m.status in (MigrationStatus.APPLIED, MigrationStatus.MISSING_FILE)]
    return Resolved(migrations, tuple(problems), tuple(done[-1:]))


def with_row(migration: Migration, status: MigrationStatus, row: Row | None = None) -> Migration:
    """The migration with its status and, when the database recorded them, when and by whom."""
    if row is None:
        return replace(migration, status=status)
    date = migration.date
    source = migration.date_source
    if date is None and row.applied_at is not None:
        date, source = row.applied_at, "database"
    return replace(
        migration,
        status=status,
        applied_at=row.applied_at,
        applied_by=row.applied_by,
        date=date,
        date_source=source,
    )


def missing_and_failed(
    migrations: Iterable[Migration], table: str, fix: Callable[[Migration], str] | None = None
) -> list[str]:
    """One sentence per failed migration and one for all those applied without a file."""
    problems = []
    missing = []
    for m in migrations:
        if m.status is MigrationStatus.FAILED:
            how = fix(m) if fix else "fix it and run it again"
            problems.append(f"migration {m.version} failed: {table} records it as not completed; {how}")
        elif m.status is MigrationStatus.MISSING_FILE:
            missing.append(m.version)
    if missing:
        listed = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
        problems.append(
            f"{len(missing)} applied migration(s) have no file: {listed} "
            f"({table} lists them; were files deleted, or is this the wrong folder?)"
        )
    return problems


def out_of_order(migrations: tuple[Migration, ...]) -> list[str]:
    """Pending migrations older than the newest applied one: the files and the database diverged."""
    applied_at = [i for i, m in enumerate(migrations) if m.status in (MigrationStatus.APPLIED, MigrationStatus.FAILED)]
    if not applied_at:
        return []
    last = applied_at[-1]
    behind = [m.version for m in migrations[:last] if m.status is MigrationStatus.PENDING]
    if not behind:
        return []
    listed = ", ".join(behind[:5]) + (f" and {len(behind) - 5} more" if len(behind) > 5 else "")
    return [
        f"{len(behind)} pending migration(s) are older than the newest applied one "
        f"({migrations[last].version}): {listed}; they were probably merged from another branch"
    ]


def numeric_key(version: str) -> tuple[int, str]:
    """Numeric order for integer versions (`2` before `10`, `0010` equal to `10`)."""
    return (int(version), version) if version.isdigit() else (-1, version)
