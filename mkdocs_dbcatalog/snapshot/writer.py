"""A database's YAML file written from its live structure, or an existing one brought up to date.

The file has two owners. The snapshot owns the structure: types, nullability, defaults, keys,
indexes, constraints, triggers, view definitions, statistics. People own the rest: purposes,
descriptions, references, policies, connection settings, comments, key order. A re-run rewrites
the first and never touches the second; it fills an empty description with the database's comment
and leaves a written one alone. The file is edited in place with ruamel.yaml's round trip, so
comments and order survive; what the database dropped is removed and reported, with any text
people had written on it, never silently.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..catalog.model import (
    Column,
    Database,
    Table,
    TableKind,
)
from ..sources.yamlformat import DATABASE_FILE, TABLE
from . import nodes

HEADER = (
    "Written by `mkdocs-dbcatalog snapshot`. Run it again to update the structure (types, keys, indexes,\n"
    "statistics); what you write here (purposes, descriptions, references, policies, comments) is kept."
)

_COLUMN_STRUCTURE = (
    "type",
    "nullable",
    "default",
    "identity",
    "generated",
    "generation",
    "on_update",
    "charset",
    "collation",
    "invisible",
)
_COLUMN_ORDER = (*_COLUMN_STRUCTURE, "description")
_COLUMN_FLAGS = ("primary_key", "unique", "references")
"""Keys a hand-written file may put on a column; the snapshot states them on the table instead."""


@dataclass
class Changes:
    """What a snapshot changed in the file, in words, for the person who runs it."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    """Tables, columns and other entries removed because the database no longer has them."""

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.dropped)


@dataclass(frozen=True)
class Options:
    statistics: bool = True
    """Write row estimates and sizes (they change all the time: leave them out for quieter diffs)."""
    connection_url: str | None = None
    """Text for `connection.url` in a new file, e.g. `${ORDERS_DATABASE_URL:-}`; never a real URL."""
    connection: Mapping[str, Sequence[str]] = field(default_factory=dict)
    """schemas / include / exclude to record with it."""
    connection_ddl: Mapping[str, str] = field(default_factory=dict)
    """`ddl` and `dialect` for a new file read from schema files (the path relative to the file)."""


def snapshot(
    live: Database,
    existing: str | None = None,
    options: Options | None = None,
    in_scope: Callable[[str], bool] = lambda key: True,
) -> tuple[str, Changes]:
    """The text of the database's YAML file, and what changed compared with `existing`.

    Args:
        live: The database as read live.
        existing: The current file's text, or None to write a new one.
        options: What to write besides the structure.
        in_scope: Whether a table key of the file is one the live read looked at: a table outside
            the schemas or patterns read is left as it is, not reported as dropped.
    """
    options = options or Options()
    yaml = YAML()
    yaml.width = 4096  # never fold long SQL or descriptions
    yaml.preserve_quotes = True
    if existing is not None and existing.strip():
        yaml.indent(**nodes.indentation(existing))
        document = yaml.load(existing)
        if not isinstance(document, CommentedMap):
            raise ValueError("the file is not a mapping")
    else:
        yaml.indent(mapping=2, sequence=4, offset=2)
        document = CommentedMap()
        document.yaml_set_start_comment(HEADER)
    changes = Changes()
    _Writer(options, changes, in_scope).database(document, live)
    out = io.StringIO()
    yaml.dump(document, out)
    return out.getvalue(), changes


class _Writer:
    def __init__(self, options: Options, changes: Changes, in_scope: Callable[[str], bool]) -> None:
        self.options = options
        self.changes = changes
        self.in_scope = in_scope

    # --- database ---------------------------------------------------------------------------------

    def database(self, doc: CommentedMap, live: Database) -> None:
        order = list(DATABASE_FILE.fields)
        if "database" not in doc:
            nodes.put(doc, "database", nodes.text(live.name), order)
        self._fill(doc, "description", live.comment, order)
        nodes.put(doc, "engine", live.engine, order)
        if live.version:
            nodes.put(doc, "version", nodes.text(live.version), order)
        for key, value in (("host", live.host), ("port", live.port)):
            if value is not None and key not in doc:  # where the team's database runs may differ from here
                nodes.put(doc, key, value if isinstance(value, int) else nodes.text(value), order)
        self._statistic(doc, "size", nodes.size(live.size_bytes), order)
        options = self.options
        if "connection" not in doc and (
            options.connection_url or options.connection_ddl or any(options.connection.values())
        ):
            connection = CommentedMap()
            if self.options.connection_url:
                connection["url"] = self.options.connection_url
            for key, value in self.options.connection_ddl.items():
                connection[key] = nodes.text(value)
            for key, values in self.options.connection.items():
                if values:
                    connection[key] = nodes.names(values)
            nodes.put(doc, "connection", connection, order)
        self._extensions(doc, live, order)
        tables = nodes.as_mapping(doc.get("tables"), "")
        nodes.put(doc, "tables", tables, order)
        self._tables(tables, live)
        self._references(doc, live)
        enums = nodes.as_mapping(doc.get("enums"), "")
        keys = [f"{e.schema}.{e.name}" if e.schema else e.name for e in live.enums]
        for key in [k for k in enums if k not in keys]:
            self.changes.dropped.append(f"enum {key}")
            del enums[key]
        for key, enum in zip(keys, live.enums, strict=True):
            nodes.put(enums, key, nodes.names(enum.values), keys)
        if enums:
            nodes.put(doc, "enums", enums, order)
        else:
            nodes.drop(doc, "enums")
        self._domains(doc, live, order)

    def _domains(self, doc: CommentedMap, live: Database, order: list[str]) -> None:
        if live.engine != "postgresql":
            return
        domains = nodes.as_mapping(doc.get("domains"), "type")
        keys = [f"{d.schema}.{d.name}" if d.schema else d.name for d in live.domains]
        for key in [k for k in domains if k not in keys]:
            self.changes.dropped.append(f"domain {key}")
            del domains[key]
        fields = ["type", "nullable", "default", "checks", "description"]
        for key, domain in zip(keys, live.domains, strict=True):
            entry = nodes.as_mapping(domains.get(key), "type")
            fresh = nodes.domain_entry(domain)
            for name in [n for n in fields[:-1] if n in entry and n not in fresh]:
                del entry[name]
            for name, value in fresh.items():
                nodes.put(entry, name, value, fields)
            self._fill(entry, "description", domain.comment, fields)
            domains[key] = entry
        if domains:
            nodes.put(doc, "domains", domains, order)
        else:
            nodes.drop(doc, "domains")

    def _extensions(self, doc: CommentedMap, live: Database, order: list[str]) -> None:
        if live.engine != "postgresql":
            return  # other engines have no extensions to read: what people listed stays theirs
        existing = nodes.as_mapping(doc.get("extensions"), "")
        for name in [n for n in existing if n not in {e.name for e in live.extensions}]:
            written = nodes.lost(nodes.as_mapping(existing[name], "purpose"), "purpose")
            self.changes.dropped.append(f"extension {name}{written}")
            del existing[name]
        for extension in live.extensions:
            entry = nodes.as_mapping(existing.get(extension.name), "purpose")
            if extension.name not in existing:
                self.changes.added.append(f"extension {extension.name}")
            self._fill(entry, "purpose", extension.purpose, ["purpose", "version", "schema"])
            for key, value in (("version", extension.version), ("schema", extension.schema)):
                if value:
                    nodes.put(entry, key, nodes.text(value), ["purpose", "version", "schema"])
            existing[extension.name] = entry
        if existing:
            nodes.put(doc, "extensions", existing, order)
        else:
            nodes.drop(doc, "extensions")

    def _references(self, doc: CommentedMap, live: Database) -> None:
        """A cross-service reference from a table or column the database dropped goes with it (the
        build stops at a reference that starts nowhere)."""
        references = doc.get("references")
        if not isinstance(references, list):
            return
        tables = {t.key: t for t in live.tables}
        for i in reversed(range(len(references))):
            item = references[i]
            source = item.get("from") if isinstance(item, Mapping) else None
            if not isinstance(source, str) or "." not in source:
                continue  # the reader says what is wrong with it
            key, _, column = source.rpartition(".")
            table = tables.get(key)
            if table is None and not self.in_scope(key):
                continue
            if table is None or (table.columns and table.column(column) is None):
                self.changes.dropped.append(f"reference {source} → {item.get('to')}" + nodes.lost(item, "description"))
                del references[i]
        if not references:
            nodes.drop(doc, "references")

    # --- tables -----------------------------------------------------------------------------------

    def _tables(self, tables: CommentedMap, live: Database) -> None:
        keys = {t.key for t in live.tables}
        for key in [k for k in tables if k not in keys and self.in_scope(str(k))]:
            entry = nodes.as_mapping(tables[key], "purpose")
            self.changes.dropped.append(f"table {key}" + nodes.lost_table(entry))
            del tables[key]
        previous: str | None = None
        for table in live.tables:
            if table.key not in tables:
                self.changes.added.append(f"table {table.key}")
                entry = CommentedMap()
                nodes.insert_after(tables, previous, table.key, entry)
                if not table.text:
                    entry["purpose"] = None  # for people to complete
            entry = nodes.as_mapping(tables[table.key], "purpose")
            tables[table.key] = entry
            self._table(entry, table)
            previous = table.key

    def _table(self, entry: CommentedMap, table: Table) -> None:
        order = list(TABLE.fields)
        self._fill(entry, "purpose", table.comment, order)
        if table.kind is TableKind.TABLE:
            nodes.drop(entry, "kind")
        else:
            nodes.put(entry, "kind", table.kind.value, order)
        self._statistic(entry, "row_estimate", table.row_estimate, order)
        self._statistic(entry, "size", nodes.size(table.size_bytes), order)
        columns = nodes.as_mapping(entry.get("columns"), "")
        nodes.put(entry, "columns", columns, order)
        self._columns(columns, table)
        pk = table.primary_key
        if pk is None:
            nodes.drop(entry, "primary_key")
        elif pk.name or pk.method:
            named = nodes.flow(
                [("name", nodes.text(pk.name)), ("columns", nodes.names(pk.columns)), ("type", pk.method)]
            )
            nodes.put(entry, "primary_key", named, order)
        else:
            nodes.put(entry, "primary_key", nodes.names(pk.columns), order)
        self._list(entry, "indexes", table, [(nodes.index_entry(i), i.comment) for i in table.indexes], "purpose")
        foreign_keys = [(nodes.foreign_key_entry(fk), fk.description or fk.comment) for fk in table.foreign_keys]
        self._list(entry, "foreign_keys", table, foreign_keys, "description")
        described = "description"
        uniques = [(nodes.unique_entry(u), u.comment) for u in table.unique_constraints]
        self._list(entry, "unique", table, uniques, described)
        checks = [(nodes.check_entry(c), c.comment) for c in table.check_constraints]
        self._list(entry, "checks", table, checks, described)
        exclusions = [(nodes.exclusion_entry(x), x.comment) for x in table.exclusion_constraints]
        self._list(entry, "exclusions", table, exclusions, described)
        self._list(entry, "triggers", table, [(nodes.trigger_entry(t), t.comment) for t in table.triggers], described)
        for key, value in (
            ("engine", table.engine),
            ("charset", table.charset),
            ("collation", table.collation),
            ("row_format", table.row_format),
            ("persistence", table.persistence),
            ("row_security", table.row_security),
        ):
            if value:
                nodes.put(entry, key, nodes.text(value), order)
            else:
                nodes.drop(entry, key)
        self._statistic(entry, "auto_increment", table.auto_increment, order)
        self._list(entry, "policies", table, [(nodes.policy_entry(p), None) for p in table.policies])
        for key, value in (("definition", table.definition), ("partition_key", table.partition_key)):
            if value:
                nodes.put(entry, key, nodes.text(value), order)
            else:
                nodes.drop(entry, key)
        statistics = self.options.statistics
        partitions: list[tuple[CommentedMap, str | None]] = [
            (nodes.partition_entry(p, statistics), None) for p in table.partitions
        ]
        for (item, _), partition in zip(partitions, table.partitions, strict=True):
            if partition.indexes:
                item["indexes"] = nodes.partition_indexes(partition)
        self._list(entry, "partitions", table, partitions)

    def _columns(self, columns: CommentedMap, table: Table) -> None:
        names = {c.name for c in table.columns}
        for name in [n for n in columns if n not in names]:
            entry = nodes.as_mapping(columns[name], "description")
            self.changes.dropped.append(f"column {table.key}.{name}" + nodes.lost(entry, "description"))
            del columns[name]
        previous: str | None = None
        order = list(_COLUMN_ORDER)
        for column in table.columns:
            new = column.name not in columns
            if new:
                self.changes.added.append(f"column {table.key}.{column.name}")
                nodes.insert_after(columns, previous, column.name, CommentedMap())
            entry = nodes.as_mapping(columns[column.name], "description")
            columns[column.name] = entry
            if not new:
                self._report_change(table, column, entry)
            for key, value in nodes.column_structure(column):
                if value is None:
                    nodes.drop(entry, key)
                else:
                    nodes.put(entry, key, value, order)
            for key in _COLUMN_FLAGS:
                nodes.drop(entry, key)
            if new and not column.text:
                entry["description"] = None  # for people to complete
            self._fill(entry, "description", column.comment, order)
            previous = column.name

    def _report_change(self, table: Table, column: Column, entry: CommentedMap) -> None:
        old_type, old_nullable = nodes.unescaped(entry.get("type")), entry.get("nullable")
        if old_type is not None and column.type is not None and old_type != column.type:
            self.changes.changed.append(f"column {table.key}.{column.name}: type {old_type} → {column.type}")
        if isinstance(old_nullable, bool) and column.nullable is not None and old_nullable != column.nullable:
            now = "nullable" if column.nullable else "NOT NULL"
            self.changes.changed.append(f"column {table.key}.{column.name}: now {now}")

    def _list(
        self,
        entry: CommentedMap,
        key: str,
        table: Table,
        fresh: list[tuple[CommentedMap, str | None]],
        human: str | None = None,
    ) -> None:
        """Bring a list of entries (indexes, keys, checks) in line with the live ones.

        `fresh` pairs each live entry with the database's comment on it. An existing entry that
        matches a live one (by name, else by columns or expression) keeps its place, its comments
        and its `human` key; its structure keys are rewritten. Live entries the file lacks are
        appended; entries the database no longer has are removed and reported.
        """
        existing = entry.get(key)
        seq = existing if isinstance(existing, CommentedSeq) else CommentedSeq()
        for position, item in enumerate(seq):
            seq[position] = nodes.as_mapping(item, nodes.SHORTHANDS.get(key, ""))
        unmatched = list(range(len(fresh)))
        matched: list[tuple[CommentedMap, int]] = []
        for item in list(seq):
            found = next((i for i in unmatched if nodes.identity(item) == nodes.identity(fresh[i][0])), None)
            if found is None:
                what = f"{nodes.what(key)} {nodes.label(item)} of {table.key}"
                self.changes.dropped.append(what + nodes.lost(item, human))
                del seq[next(i for i, x in enumerate(seq) if x is item)]
            else:
                unmatched.remove(found)
                matched.append((item, found))
        for item, i in matched:
            new = fresh[i][0]
            for k in [k for k in item if k != human and k not in new]:
                del item[k]
            for k, v in new.items():
                nodes.put(item, k, v, [*new, human or ""])
        for i in unmatched:
            if existing is not None:
                self.changes.added.append(f"{nodes.what(key)} {nodes.label(fresh[i][0])} of {table.key}")
            seq.append(fresh[i][0])
        if human:
            comments = {id(item): fresh[i][1] for item, i in matched}
            comments.update({id(fresh[i][0]): fresh[i][1] for i in unmatched})
            for item in seq:
                self._fill(item, human, comments.get(id(item)), [*item, human])
        if seq:
            nodes.put(entry, key, seq, list(TABLE.fields))
        else:
            nodes.drop(entry, key)

    # --- helpers ----------------------------------------------------------------------------------

    def _fill(self, entry: CommentedMap, key: str, comment: str | None, order: Sequence[str]) -> None:
        """People's text wins; an empty one is filled with the database's comment."""
        if comment and entry.get(key) in (None, ""):
            nodes.put(entry, key, nodes.text(comment), order)

    def _statistic(self, entry: CommentedMap, key: str, value: int | str | None, order: Sequence[str]) -> None:
        if self.options.statistics and value is not None:
            nodes.put(entry, key, value, order)
        else:
            nodes.drop(entry, key)


__all__ = ["Changes", "Options", "snapshot"]
