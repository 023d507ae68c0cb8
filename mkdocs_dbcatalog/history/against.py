"""`check --against git:REF`: the findings a change introduces, for CI on pull requests.

The catalog is assembled twice with the same options: from the working tree, and from the files as
`REF` has them (the catalog files, their migration folders, schema files and model files, written by
`git archive` into a scratch folder: nothing is checked out). Live databases are read once and shared by both.
A finding is new when the baseline has none with the same rule, database, table, column and words.
"""

from __future__ import annotations

import copy
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..assemble import Assembled, assemble, read_yaml
from ..cache import LiveCache, LiveReads
from ..catalog.model import Catalog
from ..config import PluginConfig
from ..errors import CatalogError
from ..health import Located
from ..sources.live import LiveRequest
from . import git


@dataclass(frozen=True)
class Baseline:
    revision: str
    assembled: Assembled

    def new(self, findings: Iterable[Located]) -> list[Located]:
        """The findings the baseline does not have (lines may move: they are not compared)."""
        known = {_identity(f) for f in self.assembled.health.findings} if self.assembled.health else set()
        return [f for f in findings if _identity(f) not in known]


def _identity(located: Located) -> tuple[object, ...]:
    f = located.finding
    return (f.rule, f.database, f.table, f.column, f.message)


def baseline(spec: str, options: PluginConfig, base: Path, live: LiveCache) -> Baseline:
    """The catalog as `spec` (`git:REF`) has it; CatalogError when it cannot be read."""
    revision = spec[4:] if spec.startswith("git:") else spec
    if not revision:
        raise CatalogError(f"{spec!r} names no revision", hint="for example --against git:origin/main")
    top = git.root(base)
    if top is None:
        raise CatalogError(f"{base} is not in a git checkout", hint="--against compares with a git revision")
    if not git.revision_exists(top, revision):
        raise CatalogError(
            f"git has no revision {revision!r}", hint="fetch it first (`git fetch origin main`), or name a commit"
        )
    site = git.relative(base, top)
    assert site is not None
    options = copy.copy(options)
    # Cached reads stay where the site keeps them, not in the scratch folder.
    options.cache_dir = str((base / options.cache_dir).resolve())
    with tempfile.TemporaryDirectory(prefix="dbcatalog-against-") as scratch:
        root = Path(scratch)
        other = root / site if site != "." else root
        other.mkdir(parents=True, exist_ok=True)
        _extract(top, revision, [_folder_of(site, options.catalog)], root)
        try:
            described, _ = read_yaml(options, other, os.environ)
        except CatalogError as problem:
            if "no database files found" in problem.message:
                described = []
            else:
                raise
        needed = []
        for item in described:
            models = item.models
            read_by_models = ([models.file] if models.file else models.folders()) if models else []
            for path in (item.migrations_dir, item.schema_files.root if item.schema_files else None, *read_by_models):
                relative = git.relative(path, root) if path is not None else None
                if relative is not None:
                    needed.append(relative)
        _extract(top, revision, needed, root)
        if not described and not options.databases:  # the catalog is new in this change
            return Baseline(revision, Assembled(Catalog()))
        return Baseline(revision, assemble(options, other, os.environ, live=_WorkingTreeFiles(live, other, base)))


class _WorkingTreeFiles(LiveCache):
    """The baseline's live reads: a database file named relative to the site (`sqlite:///shop.db`)
    is the working tree's, as every live database is shared by both sides, and is read once."""

    def __init__(self, live: LiveCache, scratch: Path, base: Path) -> None:
        super().__init__()
        self._live, self._scratch, self._base = live, scratch, base

    def read(self, requests: Sequence[LiveRequest], **settings: Any) -> LiveReads:
        here = [
            replace(r, options=replace(r.options, base=self._base)) if r.options.base == self._scratch else r
            for r in requests
        ]
        return self._live.read(here, **settings)


def _folder_of(site: str, pattern: str) -> str:
    """The folder a `catalog` option (a folder or a glob) lives in, relative to the repository."""
    parts = []
    for part in Path(pattern).parts:
        if any(ch in part for ch in "*?["):
            break
        parts.append(part)
    folder = Path(site, *parts)
    return folder.as_posix()


def _extract(top: Path, revision: str, paths: list[str], target: Path) -> None:
    existing = [p for p in dict.fromkeys(paths) if git.exists(top, revision, p)]
    if existing:
        git.archive(top, revision, existing, target)


__all__ = ["Baseline", "baseline"]
