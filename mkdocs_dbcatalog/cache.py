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
from .catalog.freshness import read_age
from .catalog.model import Database, Origin
from .errors import DatabaseError
from .sources.live import LiveRequest, read_databases

FORMAT = 1


@dataclass
class LiveReads:
    """What `LiveCache.read` found: a database per name, and warnings for reads that fell back."""

    databases: dict[str, Database] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


class DamagedCache(Exception):
    """A cached read that exists but cannot be used: truncated, not JSON, the wrong shape, a folder."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{shown(path)} {reason}")
        self.path = path
        self.reason = reason


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
        concurrency: int | None = None,
    ) -> LiveReads:
        """Every requested database: from memory when fresh enough, else read live (concurrently).

        Raises DatabaseError for a database that cannot be read, unless `on_error` is "cached" and
        a previous read of it is on disk; that one is used and a warning says how old it is. The
        error says what to do: set on_error, wait for a first read to be cached, or delete a
        damaged cache file.
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
        caching = on_error == "cached" and cache_dir is not None
        for request, result in zip(missing, read_databases(missing, concurrency), strict=True):
            if isinstance(result, Database):
                self._memory[_key(request)] = (time.monotonic(), result)
                found.databases[request.name] = result
                if caching:
                    assert cache_dir is not None
                    try:
                        save(cache_dir, result)
                    except OSError as problem:
                        found.warnings.append(
                            f"database {request.name!r}: the read cannot be cached at "
                            f"{shown(cache_file(cache_dir, request.name))} ({problem.strerror or problem}): "
                            "check cache_dir, or delete what is in the way"
                        )
                continue
            if not caching:
                if result.unreachable:
                    raise _advise(result, ", or set on_error: cached to build from the last good read")
                raise result
            assert cache_dir is not None
            path = cache_file(cache_dir, request.name)
            try:
                cached = load(cache_dir, request.name)
            except DamagedCache as damaged:
                raise _advise(
                    result,
                    f"; the cached read {shown(path)} cannot be used: it {damaged.reason}; delete it, "
                    "the next successful read writes it again",
                ) from None
            if cached is None:
                raise _advise(result, f"; no earlier read of it is cached yet (it would be {shown(path)})")
            found.databases[request.name] = cached
            found.warnings.append(f"{result}; the catalog uses the cached read instead ({read_age(cached.read_at)})")
        return found


def _advise(error: DatabaseError, more: str) -> DatabaseError:
    """The same error with more advice after its own."""
    hint = f"{error.hint}{more}" if error.hint else more.lstrip(",; ")
    return DatabaseError(
        error.message, where=error.where, hint=hint, database=error.database, unreachable=error.unreachable
    )


def shown(path: Path) -> str:
    """A path as a person would type it from here: relative to the working directory when below it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


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
    """The last good read of `name`, marked as cached; None when none was cached.

    Raises DamagedCache for a file that is there but cannot be used.
    """
    path = cache_file(cache_dir, name)
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise DamagedCache(path, "is not text (not UTF-8)") from None
    except ValueError as problem:
        raise DamagedCache(path, f"is not valid JSON ({problem})") from None
    except OSError as problem:
        raise DamagedCache(path, f"cannot be read ({problem.strerror or problem})") from None
    if not isinstance(data, dict) or "database" not in data:
        raise DamagedCache(path, "is JSON but not a cached read (no 'database' in it)")
    if data.get("format") != FORMAT:
        raise DamagedCache(path, f"was written in another format ({data.get('format')!r}, this version reads {FORMAT})")
    try:
        database = from_data(Database, data["database"])
    except (ValueError, TypeError, KeyError, AttributeError) as problem:
        raise DamagedCache(path, f"does not hold a whole database ({type(problem).__name__}: {problem})") from None
    return replace(database, origin=Origin.CACHED)
