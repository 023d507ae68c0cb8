"""Live reads kept across `mkdocs serve` rebuilds (memory) and across builds (disk).

In memory: a read is reused until it is `refresh` seconds old, so editing a Markdown page never
reconnects to a database. On disk, under `cache_dir`: the last successful read of each database,
for `on_error: cached`; it holds only what a page shows (the URL masked), never a secret.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from .catalog.codec import from_data, to_data
from .catalog.model import Database, Origin
from .errors import DatabaseError
from .sources.live import LiveRequest, read_databases

FORMAT = 1


@dataclass
class LiveReads:
    """What `LiveCache.read` found: a database per name, and warnings for reads that fell back."""

    databases: dict[str, Database] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


class LiveCache:
    """Reads of live databases, kept by the plugin instance for as long as `mkdocs serve` runs."""

    def __init__(self) -> None:
        self._memory: dict[str, tuple[float, Database]] = {}

    def read(
        self,
        requests: Sequence[LiveRequest],
        *,
        refresh: float,
        on_error: str = "fail",
        cache_dir: Path | None = None,
    ) -> LiveReads:
        """Every requested database: from memory when fresh enough, else read live (concurrently).

        Raises DatabaseError for a database that cannot be read, unless `on_error` is "cached" and
        a previous read of it is on disk; that one is used and a warning says how old it is.
        """
        found = LiveReads()
        now = time.monotonic()
        missing: list[LiveRequest] = []
        for request in requests:
            kept = self._memory.get(_key(request))
            if kept is not None and now - kept[0] < refresh:
                found.databases[request.name] = kept[1]
            else:
                missing.append(request)
        for request, result in zip(missing, read_databases(missing), strict=True):
            if isinstance(result, Database):
                self._memory[_key(request)] = (time.monotonic(), result)
                found.databases[request.name] = result
                if on_error == "cached" and cache_dir is not None:
                    save(cache_dir, result)
                continue
            cached = load(cache_dir, request.name) if on_error == "cached" and cache_dir is not None else None
            if cached is None:
                if on_error == "cached":
                    result = DatabaseError(
                        result.message, where=result.where, hint="no earlier read of it is cached yet under cache_dir"
                    )
                raise result
            when = cached.read_at.strftime("%Y-%m-%d %H:%M UTC") if cached.read_at else "an unknown time"
            found.databases[request.name] = cached
            found.warnings.append(f"{result}; the catalog uses the cached read from {when} instead")
        return found


def _key(request: LiveRequest) -> str:
    """Identity of a read: name, URL and options. Hashed, so the password is not kept as text."""
    text = repr((request.name, request.url.secret_value(), request.options))
    return hashlib.sha256(text.encode()).hexdigest()


def cache_file(cache_dir: Path, name: str) -> Path:
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in name)
    return cache_dir / f"{safe}.json"


def save(cache_dir: Path, database: Database) -> None:
    """Write the read atomically, so an interrupted build never leaves half a file."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    data = {"format": FORMAT, "database": to_data(database)}
    fd, temporary = tempfile.mkstemp(dir=cache_dir, prefix=".dbcatalog-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False, indent=1, sort_keys=True)
        os.replace(temporary, cache_file(cache_dir, database.name))
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def load(cache_dir: Path, name: str) -> Database | None:
    """The last good read of `name`, marked as cached; None when there is none (or it is unreadable)."""
    path = cache_file(cache_dir, name)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            return None
        database = from_data(Database, data["database"])
    except (OSError, ValueError, TypeError, KeyError):
        return None
    return replace(database, origin=Origin.CACHED)
