"""Reads of schema files kept on disk, under the plugin's `cache_dir`, by what the files hold.

Parsing a 1,000-table `pg_dump` file takes seconds of sqlglot; a build whose files did not change
(the next CI run with its cache restored, `mkdocs serve` started again) reads the result back in a
fraction of that. The key is a hash of everything the read depends on: each file's shown path and
bytes, the dialect and table patterns, the database's name, and the source of this package's DDL
reader (a new version never reads an old result). The texts are masked before they are written
(`urls.mask_text`), as the catalog shows them anyway: no secret a file holds reaches the cache.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from ...catalog.codec import from_data, to_data
from ...catalog.model import Database
from .settings import SchemaFileSettings

FORMAT = 1


def key(name: str, settings: SchemaFileSettings, files: Sequence[tuple[str, bytes]]) -> str:
    """A hash of what the read depends on; `files` are (shown path, bytes) in reading order."""
    digest = hashlib.sha256()
    header = [FORMAT, _reader_source(), name, settings.dialect, settings.schemas, settings.include, settings.exclude]
    digest.update(json.dumps(header).encode())
    for shown, data in files:
        digest.update(b"\0file\0" + shown.encode() + b"\0" + str(len(data)).encode() + b"\0")
        digest.update(data)
    return digest.hexdigest()


@lru_cache(maxsize=1)
def _reader_source() -> str:
    """A hash of this package's reader modules: results of another version of them are not reused."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def path_for(cache_dir: Path, name: str, found: str) -> Path:
    return cache_dir / "ddl" / f"{_safe(name)}-{found[:32]}.json"


def _safe(name: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in name)


def load(cache_dir: Path, name: str, found: str) -> Database | None:
    """The kept read, or None when there is none or it cannot be used (it is then read afresh)."""
    path = path_for(cache_dir, name, found)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            return None
        return from_data(Database, data["database"])
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def save(cache_dir: Path, name: str, found: str, database: Database) -> None:
    """Written atomically, replacing the database's earlier reads; a cache that cannot be written
    only costs the next build the parse."""
    path = path_for(cache_dir, name, found)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".dbcatalog-", suffix=".json")
    except OSError:
        return
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump({"format": FORMAT, "database": to_data(database)}, out, ensure_ascii=False)
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
        return
    for older in path.parent.glob(f"{_safe(name)}-*.json"):
        if older != path and len(older.stem) == len(path.stem):
            older.unlink(missing_ok=True)
