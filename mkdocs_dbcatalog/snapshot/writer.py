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
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString
from ruamel.yaml.util import load_yaml_guess_indent

from ..catalog.model import (
    CheckConstraint,
    Column,
    Database,
    ForeignKey,
    Index,
    Partition,
    Table,
    TableKind,
    Trigger,
    UniqueConstraint,
)
from ..sources.yamlformat import DATABASE_FILE, TABLE

HEADER = (
    "Written by `mkdocs-dbcatalog snapshot`. Run it again to update the structure (types, keys, indexes,\n"
    "statistics); what you write here (purposes, descriptions, references, policies, comments) is kept."
)

_COLUMN_STRUCTURE = ("type", "nullable", "default", "identity", "generated")
_COLUMN_ORDER = (*_COLUMN_STRUCTURE, "description")
_COLUMN_FLAGS = ("primary_key", "unique", "references")
"""Keys a hand-written file may put on a column; the snapshot states them on the table instead."""
_TABLE_STRUCTURE = (
    "kind", "row_estimate", "size", "primary_key", "indexes", "foreign_keys", "unique", "checks", "triggers",
    "definition", "partition_key", "partitions",
)  # fmt: skip
_STATISTICS = ("row_estimate", "size")


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
        yaml.indent(**_indentation(existing))
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


def _indentation(text: str) -> dict[str, int]:
    """The file's own indentation, so that a rewrite does not re-indent what people wrote."""
    mapping = next(
        (len(m.group(1)) for m in re.finditer(r"^( +)[^\s#-]", text, re.MULTILINE)), 2
    )
    _, sequence, offset = load_yaml_guess_indent(text)
    if offset is None or sequence is None:
        return {"mapping": mapping, "sequence": mapping + 2, "offset": 2}
    return {"mapping": mapping, "sequence": sequence, "offset": offset}


def _text(value: str | None) -> Any:
    """A string as the YAML reader gives it back: `$` doubled (values expand `${VAR}`), multi-line as a block."""
    if value is None:
        return None
    value = value.replace("$", "$$")
    if "\n" in value and all(c.isprintable() or c in "\n\t" for c in value):
        return LiteralScalarString(value)
    return value


def _unescaped(value: Any) -> str | None:
    return str(value).replace("$$", "$") if value not in (None, "") else None


def _flow(items: Iterable[tuple[str, Any]]) -> CommentedMap:
    mapping = CommentedMap((k, v) for k, v in items if v is not None)
    mapping.fa.set_flow_style()
    return mapping


def _names(values: Sequence[str]) -> CommentedSeq:
    seq = CommentedSeq(_text(v) for v in values)
    seq.fa.set_flow_style()
    return seq


def _put(mapping: CommentedMap, key: str, value: Any, order: Sequence[str]) -> bool:
    """Set a key, keeping its place; a new key goes where the format lists it. True if it changed."""
    if key in mapping:
        if _same(mapping[key], value):
            return False
        mapping[key] = value
        return True
    rank = order.index(key) if key in order else len(order)
    position = 0
    for i, existing in enumerate(mapping):
        if (order.index(existing) if existing in order else len(order)) <= rank:
            position = i + 1
    mapping.insert(position, key, value)
    return True


def _drop(mapping: CommentedMap, key: str) -> bool:
    if key in mapping:
        del mapping[key]
        return True
    return False


def _same(old: Any, new: Any) -> bool:
    if isinstance(old, Mapping) and isinstance(new, Mapping):
        return list(old.keys()) == list(new.keys()) and all(_same(old[k], new[k]) for k in old)
    if isinstance(old, list) and isinstance(new, list):
        return len(old) == len(new) and all(_same(a, b) for a, b in zip(old, new, strict=True))
    if isinstance(old, (bool, int)) or isinstance(new, (bool, int)):
        return type(old) is type(new) and old == new
    return (None if old in (None, "") else str(old)) == (None if new in (None, "") else str(new))


def _as_mapping(value: Any, shorthand: str) -> CommentedMap:
    """A hand-written shorthand (`id: Primary key`, `orders: One row per order`) as a full mapping."""
    if isinstance(value, CommentedMap):
        return value
    mapping = CommentedMap()
    if value not in (None, ""):
        mapping[shorthand] = value
    return mapping


class _Writer:
    def __init__(self, options: Options, changes: Changes, in_scope: Callable[[str], bool]) -> None:
        self.options = options
        self.changes = changes
        self.in_scope = in_scope

    # --- database ---------------------------------------------------------------------------------

    def database(self, doc: CommentedMap, live: Database) -> None:
        order = list(DATABASE_FILE.fields)
        if "database" not in doc:
            _put(doc, "database", _text(live.name), order)
        self._fill(doc, "description", live.comment, order)
        _put(doc, "engine", live.engine, order)
        if live.version:
            _put(doc, "version", _text(live.version), order)
        for key, value in (("host", live.host), ("port", live.port)):
            if value is not None and key not in doc:  # where the team's database runs may differ from here
                _put(doc, key, value if isinstance(value, int) else _text(value), order)
        self._statistic(doc, "size", live.size_bytes, order)
        if "connection" not in doc and (self.options.connection_url or any(self.options.connection.values())):
            connection = CommentedMap()
            if self.options.connection_url:
                connection["url"] = self.options.connection_url
            for key, values in self.options.connection.items():
                if values:
                    connection[key] = _names(values)
            _put(doc, "connection", connection, order)
        self._extensions(doc, live, order)
        tables = _as_mapping(doc.get("tables"), "")
        _put(doc, "tables", tables, order)
        self._tables(tables, live)
        enums = _as_mapping(doc.get("enums"), "")
        keys = [f"{e.schema}.{e.name}" if e.schema else e.name for e in live.enums]
        for key in [k for k in enums if k not in keys]:
            self.changes.dropped.append(f"enum {key}")
            del enums[key]
        for key, enum in zip(keys, live.enums, strict=True):
            _put(enums, key, _names(enum.values), keys)
        if enums:
            _put(doc, "enums", enums, order)
        else:
            _drop(doc, "enums")

    def _extensions(self, doc: CommentedMap, live: Database, order: list[str]) -> None:
        if live.engine != "postgresql":
            return  # other engines have no extensions to read: what people listed stays theirs
        existing = _as_mapping(doc.get("extensions"), "")
        for name in [n for n in existing if n not in {e.name for e in live.extensions}]:
            self.changes.dropped.append(f"extension {name}" + _lost(_as_mapping(existing[name], "purpose"), "purpose"))
            del existing[name]
        for extension in live.extensions:
            entry = _as_mapping(existing.get(extension.name), "purpose")
            if extension.name not in existing:
                self.changes.added.append(f"extension {extension.name}")
            self._fill(entry, "purpose", extension.purpose, ["purpose", "version", "schema"])
            for key, value in (("version", extension.version), ("schema", extension.schema)):
                if value:
                    _put(entry, key, _text(value), ["purpose", "version", "schema"])
            existing[extension.name] = entry
        if existing:
            _put(doc, "extensions", existing, order)
        else:
            _drop(doc, "extensions")

    # --- tables -----------------------------------------------------------------------------------

    def _tables(self, tables: CommentedMap, live: Database) -> None:
        keys = {t.key for t in live.tables}
        for key in [k for k in tables if k not in keys and self.in_scope(str(k))]:
            entry = _as_mapping(tables[key], "purpose")
            self.changes.dropped.append(f"table {key}" + _lost_table(entry))
            del tables[key]
        previous: str | None = None
        for table in live.tables:
            if table.key not in tables:
                self.changes.added.append(f"table {table.key}")
                entry = CommentedMap()
                _insert_after(tables, previous, table.key, entry)
                if not table.text:
                    entry["purpose"] = None  # for people to complete
            entry = _as_mapping(tables[table.key], "purpose")
            tables[table.key] = entry
            self._table(entry, table)
            previous = table.key

    def _table(self, entry: CommentedMap, table: Table) -> None:
        order = list(TABLE.fields)
        self._fill(entry, "purpose", table.comment, order)
        if table.kind is TableKind.TABLE:
            _drop(entry, "kind")
        else:
            _put(entry, "kind", table.kind.value, order)
        self._statistic(entry, "row_estimate", table.row_estimate, order)
        self._statistic(entry, "size", table.size_bytes, order)
        columns = _as_mapping(entry.get("columns"), "")
        _put(entry, "columns", columns, order)
        self._columns(columns, table)
        pk = table.primary_key
        if pk is None:
            _drop(entry, "primary_key")
        elif pk.name:
            _put(entry, "primary_key", _flow([("name", _text(pk.name)), ("columns", _names(pk.columns))]), order)
        else:
            _put(entry, "primary_key", _names(pk.columns), order)
        self._list(entry, "indexes", table, [(_index(i), i.comment) for i in table.indexes], "purpose")
        foreign_keys = [(_foreign_key(fk), fk.description) for fk in table.foreign_keys]
        self._list(entry, "foreign_keys", table, foreign_keys, "description")
        self._list(entry, "unique", table, [(_unique(u), None) for u in table.unique_constraints])
        self._list(entry, "checks", table, [(_check(c), None) for c in table.check_constraints])
        self._list(entry, "triggers", table, [(_trigger(t), None) for t in table.triggers])
        for key, value in (("definition", table.definition), ("partition_key", table.partition_key)):
            if value:
                _put(entry, key, _text(value), order)
            else:
                _drop(entry, key)
        statistics = self.options.statistics
        self._list(entry, "partitions", table, [(_partition(p, statistics), None) for p in table.partitions])

    def _columns(self, columns: CommentedMap, table: Table) -> None:
        names = {c.name for c in table.columns}
        for name in [n for n in columns if n not in names]:
            entry = _as_mapping(columns[name], "description")
            self.changes.dropped.append(f"column {table.key}.{name}" + _lost(entry, "description"))
            del columns[name]
        previous: str | None = None
        order = list(_COLUMN_ORDER)
        for column in table.columns:
            new = column.name not in columns
            if new:
                self.changes.added.append(f"column {table.key}.{column.name}")
                _insert_after(columns, previous, column.name, CommentedMap())
            entry = _as_mapping(columns[column.name], "description")
            columns[column.name] = entry
            if not new:
                self._report_change(table, column, entry)
            for key, value in _column_structure(column):
                if value is None:
                    _drop(entry, key)
                else:
                    _put(entry, key, value, order)
            for key in _COLUMN_FLAGS:
                _drop(entry, key)
            if new and not column.text:
                entry["description"] = None  # for people to complete
            self._fill(entry, "description", column.comment, order)
            previous = column.name

    def _report_change(self, table: Table, column: Column, entry: CommentedMap) -> None:
        old_type, old_nullable = _unescaped(entry.get("type")), entry.get("nullable")
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
            seq[position] = _as_mapping(item, _SHORTHANDS.get(key, ""))
        unmatched = list(range(len(fresh)))
        matched: list[tuple[CommentedMap, int]] = []
        for item in list(seq):
            found = next((i for i in unmatched if _identity(item) == _identity(fresh[i][0])), None)
            if found is None:
                self.changes.dropped.append(f"{_what(key)} {_label(item)} of {table.key}" + _lost(item, human))
                del seq[next(i for i, x in enumerate(seq) if x is item)]
            else:
                unmatched.remove(found)
                matched.append((item, found))
        for item, i in matched:
            new = fresh[i][0]
            for k in [k for k in item if k != human and k not in new]:
                del item[k]
            for k, v in new.items():
                _put(item, k, v, [*new, human or ""])
        for i in unmatched:
            if existing is not None:
                self.changes.added.append(f"{_what(key)} {_label(fresh[i][0])} of {table.key}")
            seq.append(fresh[i][0])
        if human:
            comments = {id(item): fresh[i][1] for item, i in matched}
            comments.update({id(fresh[i][0]): fresh[i][1] for i in unmatched})
            for item in seq:
                self._fill(item, human, comments.get(id(item)), [*item, human])
        if seq:
            _put(entry, key, seq, list(TABLE.fields))
        else:
            _drop(entry, key)

    # --- helpers ----------------------------------------------------------------------------------

    def _fill(self, entry: CommentedMap, key: str, comment: str | None, order: Sequence[str]) -> None:
        """People's text wins; an empty one is filled with the database's comment."""
        if comment and entry.get(key) in (None, ""):
            _put(entry, key, _text(comment), order)

    def _statistic(self, entry: CommentedMap, key: str, value: int | None, order: Sequence[str]) -> None:
        if self.options.statistics and value is not None:
            _put(entry, key, value, order)
        else:
            _drop(entry, key)


_SHORTHANDS = {"unique": "columns", "checks": "expression"}
"""What a bare item of a list stands for, as in the file format."""


def _insert_after(mapping: CommentedMap, previous: str | None, key: str, value: Any) -> None:
    position = list(mapping).index(previous) + 1 if previous in mapping else 0
    mapping.insert(position, key, value)


def _column_structure(column: Column) -> list[tuple[str, Any]]:
    return [
        ("type", _text(column.type)),
        ("nullable", column.nullable),
        ("default", _text(column.default)),
        ("identity", _text(column.identity)),
        ("generated", _text(column.generated)),
    ]


def _index(index: Index) -> CommentedMap:
    return _flow(
        [
            ("name", _text(index.name)),
            ("columns", _names(index.columns)),
            ("type", _text(index.method)),
            ("unique", True if index.unique else None),
            ("where", _text(index.predicate)),
        ]
    )


def _foreign_key(fk: ForeignKey) -> CommentedMap:
    target = f"{fk.target.key}({', '.join(fk.target_columns)})"
    return _flow(
        [
            ("name", _text(fk.name)),
            ("columns", _names(fk.columns)),
            ("references", _text(target)),
            ("on_delete", fk.on_delete),
            ("on_update", fk.on_update),
        ]
    )


def _unique(unique: UniqueConstraint) -> CommentedMap:
    return _flow([("name", _text(unique.name)), ("columns", _names(unique.columns))])


def _check(check: CheckConstraint) -> CommentedMap:
    return _flow([("name", _text(check.name)), ("expression", _text(check.expression))])


def _trigger(trigger: Trigger) -> CommentedMap:
    return _flow(
        [
            ("name", _text(trigger.name)),
            ("timing", _text(trigger.timing)),
            ("events", _names(trigger.events) if trigger.events else None),
            ("definition", _text(trigger.definition)),
        ]
    )


def _partition(partition: Partition, statistics: bool) -> CommentedMap:
    return _flow(
        [
            ("name", _text(partition.name)),
            ("bound", _text(partition.bound)),
            ("row_estimate", partition.row_estimate if statistics else None),
            ("size", partition.size_bytes if statistics else None),
        ]
    )


def _identity(item: Mapping[str, Any]) -> tuple[str, ...]:
    """What makes two entries of a list the same entry: the name, else the columns or the expression."""
    if item.get("name"):
        return ("name", str(item["name"]))
    if item.get("columns"):
        return ("columns", *(str(c) for c in item["columns"]))
    return ("expression", str(item.get("expression")))


def _label(item: Any) -> str:
    if isinstance(item, Mapping):
        if item.get("name"):
            return str(item["name"])
        if item.get("columns"):
            return "(" + ", ".join(str(c) for c in item["columns"]) + ")"
        if item.get("expression"):
            return str(item["expression"])
    return str(item)


def _what(key: str) -> str:
    return {"indexes": "index", "foreign_keys": "foreign key", "unique": "unique constraint", "checks": "check",
            "triggers": "trigger", "partitions": "partition"}[key]  # fmt: skip


def _lost(entry: Any, key: str | None) -> str:
    """The text people wrote on an entry that is being removed, so the report can show it."""
    if key and isinstance(entry, Mapping) and entry.get(key) not in (None, ""):
        return f" (its {key} was: {_unescaped(entry[key])!r})"
    return ""


def _lost_table(entry: CommentedMap) -> str:
    written = _lost(entry, "purpose")
    columns = _as_mapping(entry.get("columns"), "")
    described = [
        str(name)
        for name, column in columns.items()
        if _as_mapping(column, "description").get("description") not in (None, "")
    ]
    if described:
        written += f" (descriptions of {len(described)} column(s): {', '.join(described)})"
    return written


__all__ = ["Changes", "Options", "snapshot"]
