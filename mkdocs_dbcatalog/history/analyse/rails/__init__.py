"""Rails (Active Record): what a migration's `change` (or `up`) does, read through the Ruby grammar.

The file is parsed with `sources/ruby` (the grammar the `db/schema.rb` reader uses), never run: the
migration class (`< ActiveRecord::Migration[7.1]`), its `change`, `up` or `self.up`, and each
statement in it. The common DSL calls (`create_table`, `add_column`, `remove_column`,
`rename_column`, `change_column`, `add_index`, `add_reference`, `add_foreign_key`, `change_table`
blocks...) become table operations with Active Record's own types, names and defaults for the
migration's version (`Migration[4.2]` keeps integer ids). A file that is not that subset of Ruby
(`if`, `{ }` blocks, arithmetic) is not analysed at all; a statement the reader does not know
(model code, `reversible` with code in it) is listed, and the rest of the migration is still read.
"""

from __future__ import annotations

import re
from pathlib import Path

from ....sources.migrations import FileSet
from ....sources.ruby import Call, RubySyntaxError, parse
from ...operations import Analysed
from ..sqlreader import SqlReader
from .directives import Directives

_FAMILIES = {"postgresql": "postgresql", "mysql": "mysql", "mariadb": "mariadb", "sqlite": "sqlite"}


def analyse(files: FileSet, engine: str | None, sql: SqlReader) -> dict[str, Analysed]:
    family = _FAMILIES.get(engine or "", "postgresql")
    return {f.key: migration(f.source, family, sql) for f in files.found if f.source is not None}


def migration(file: Path, family: str, sql: SqlReader) -> Analysed:
    """One migration file's forward statements."""
    try:
        text = file.read_bytes().decode("utf-8-sig", errors="replace")
        calls = parse(text)
    except OSError as problem:
        return Analysed(unread=[f"the file cannot be read ({problem.strerror or problem})"], failed=True)
    except RubySyntaxError as problem:
        return Analysed(unread=[f"{problem}: Ruby beyond the migration DSL; not analysed"], failed=True)
    found = _migration_class(calls)
    if found is None:
        return Analysed(unread=["no class < ActiveRecord::Migration in the file"], failed=True)
    methods = {m.args[0]: m for m in found.block if m.name == "def"}
    method = methods.get("change") or methods.get("up")
    if method is None:
        return Analysed(unread=["the migration has no change or up method"], failed=True)
    directives = Directives(family, sql, _version(str(found.arg(1) or "")))
    directives.block(method.block)
    return directives.result


def _migration_class(calls: list[Call]) -> Call | None:
    for call in calls:
        if call.name == "class" and "Migration" in str(call.arg(1) or ""):
            return call
        if call.name in ("class", "module"):
            inner = _migration_class(list(call.block))
            if inner is not None:
                return inner
    return None


def _version(parent: str) -> tuple[int, int]:
    """`ActiveRecord::Migration[5.2]` → (5, 2); an unversioned parent is Rails 4.2's or older."""
    match = re.search(r"\[(\d+)\.(\d+)\]", parent)
    return (int(match.group(1)), int(match.group(2))) if match else (4, 2)


__all__ = ["analyse"]
