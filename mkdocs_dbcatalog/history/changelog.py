"""The What changed page's data: the last commits that changed a database's catalog file, and what each
one changed in the structure it writes.

Read with `git log --follow` (renames followed) and one `git cat-file --batch` for every version
needed; each version is read with the YAML reader as a build without credentials would (so a
`${VAR}` never fails) and compared with the one before it. Versions are kept in memory by content,
so `mkdocs serve` reads each only once. Outside a git checkout, or without git, there is nothing.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from pathlib import Path

from ..catalog.changes import Commit
from ..catalog.model import Database
from ..errors import CatalogError
from . import git
from .diff import diff_databases
from .sides import from_text

_PARSED: OrderedDict[str, Database | str] = OrderedDict()
"""Content hash → the database a version describes, or why it cannot be read."""
_KEPT = 512


def changelog(file: Path, commits: int) -> tuple[Commit, ...]:
    """The last `commits` commits that changed `file`, newest first, each with its structural changes."""
    if commits <= 0:
        return ()
    top = git.root(file.parent)
    if top is None:
        return ()
    path = git.relative(file, top)
    if path is None:
        return ()
    entries = git.log(top, path, commits)
    specs = [f"{e.sha}:{e.path}" for e in entries] + [f"{e.sha}^:{e.before}" for e in entries if e.before]
    try:
        blobs = git.contents(top, specs)
    except CatalogError:
        return ()
    found = []
    for entry in entries:
        after = _read(blobs.get(f"{entry.sha}:{entry.path}"), entry.path)
        before = _read(blobs.get(f"{entry.sha}^:{entry.before}"), entry.before) if entry.before else None
        commit = Commit(entry.sha, entry.date, entry.author, entry.subject, entry.path)
        if isinstance(after, str):
            found.append(_with_note(commit, f"the file cannot be read at this commit: {after}"))
        elif entry.before is None or before is None:
            tables = len(after.tables) if after else 0
            found.append(_with_note(commit, f"the file was created, with {tables} table{'s' if tables != 1 else ''}"))
        elif isinstance(before, str):
            found.append(_with_note(commit, f"the version before it cannot be read: {before}"))
        elif after is not None:
            found.append(
                Commit(
                    commit.sha, commit.date, commit.author, commit.subject, commit.path, diff_databases(before, after)
                )
            )
    return tuple(found)


def _read(data: bytes | None, path: str | None) -> Database | str | None:
    if data is None or path is None:
        return None
    key = hashlib.sha256(data).hexdigest()
    kept = _PARSED.get(key)
    if kept is None:
        try:
            kept = from_text(data, Path(path).name, path)
        except CatalogError as problem:
            kept = problem.message
        _PARSED[key] = kept
        while len(_PARSED) > _KEPT:
            _PARSED.popitem(last=False)
    return kept


def _with_note(commit: Commit, note: str) -> Commit:
    return Commit(commit.sha, commit.date, commit.author, commit.subject, commit.path, (), note)


__all__ = ["changelog"]
