"""Reusable descriptions: `docs:` blocks written once, used as `description: {doc: name}` anywhere.

Blocks come from every file of the catalog (a database file's `docs:`, or a file that holds only
`docs:`), so they are resolved after all files are read: one name space for the whole catalog, as
dbt's docs blocks are one per project. A name defined twice, or used but never defined, is an
error at the line that says it.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import replace

from ..catalog.model import Database, Table
from ..errors import CatalogError
from .yamlfile import DocsFile, YamlDatabase
from .yamlspec import DocReference


def resolve(files: Iterable[YamlDatabase | DocsFile]) -> list[YamlDatabase]:
    """The database files with every `{doc: name}` replaced by the block's text."""
    files = list(files)
    blocks: dict[str, str | None] = {}
    defined_in: dict[str, str] = {}
    for item in files:
        for name, text in item.docs.items():
            where = _where(item, ("docs", name))
            if name in blocks:
                raise CatalogError(
                    f"reusable description {name!r} is already defined in {defined_in[name]}",
                    where=item.file,
                    line=item.lines.get(("docs", name)),
                    path=f"docs.{name}",
                    hint="each docs block name is shared by the whole catalog; rename one",
                )
            blocks[name] = text
            defined_in[name] = where
    resolved = []
    for item in files:
        if not isinstance(item, YamlDatabase):
            continue
        for path, name in item.doc_references.items():
            if name not in blocks:
                close = difflib.get_close_matches(name, list(blocks), n=1)
                raise item.error(
                    f"no reusable description {name!r}",
                    *path,
                    hint=f"did you mean {close[0]!r}?" if close else "define it under 'docs:' in a file of the catalog",
                )
        resolved.append(replace(item, database=_database(item.database, blocks)) if item.doc_references else item)
    return resolved


def _where(item: YamlDatabase | DocsFile, path: tuple[str, ...]) -> str:
    line = item.lines.get(path)
    return f"{item.file}:{line}" if line else item.file


def _text(value: str | None, blocks: Mapping[str, str | None]) -> str | None:
    return blocks[value] if isinstance(value, DocReference) else value


def _database(database: Database, blocks: Mapping[str, str | None]) -> Database:
    def table(t: Table) -> Table:
        return replace(
            t,
            purpose=_text(t.purpose, blocks),
            columns=tuple(replace(c, description=_text(c.description, blocks)) for c in t.columns),
            indexes=tuple(replace(i, purpose=_text(i.purpose, blocks)) for i in t.indexes),
            foreign_keys=tuple(replace(f, description=_text(f.description, blocks)) for f in t.foreign_keys),
        )

    return replace(
        database,
        description=_text(database.description, blocks),
        tables=tuple(table(t) for t in database.tables),
        references=tuple(replace(r, description=_text(r.description, blocks)) for r in database.references),
    )


__all__ = ["resolve"]
