"""The YAML file's nodes: model objects as entries, and edits of a round-trip document in place.

Every edit keeps what ruamel.yaml attached to the document (comments, key order, quoting): a key
that exists keeps its place, a new one goes where the file format lists it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString
from ruamel.yaml.util import load_yaml_guess_indent

from ..catalog.model import (
    CheckConstraint,
    Column,
    Domain,
    ExclusionConstraint,
    ForeignKey,
    Index,
    Partition,
    Policy,
    Trigger,
    UniqueConstraint,
)
from ..render import filters


def indentation(text: str) -> dict[str, int]:
    """The file's own indentation, so that a rewrite does not re-indent what people wrote."""
    mapping = next((len(m.group(1)) for m in re.finditer(r"^( +)[^\s#-]", text, re.MULTILINE)), 2)
    _, sequence, offset = load_yaml_guess_indent(text)
    if offset is None or sequence is None:
        return {"mapping": mapping, "sequence": mapping + 2, "offset": 2}
    return {"mapping": mapping, "sequence": sequence, "offset": offset}


def text(value: str | None) -> Any:
    """A string as the YAML reader gives it back: `$` doubled (values expand `${VAR}`), multi-line as a block."""
    if value is None:
        return None
    value = value.replace("$", "$$")
    if "\n" in value and all(c.isprintable() or c in "\n\t" for c in value):
        return LiteralScalarString(value)
    return value


def unescaped(value: Any) -> str | None:
    return str(value).replace("$$", "$") if value not in (None, "") else None


def flow(items: Iterable[tuple[str, Any]]) -> CommentedMap:
    mapping = CommentedMap((k, v) for k, v in items if v is not None)
    mapping.fa.set_flow_style()
    return mapping


def names(values: Sequence[str]) -> CommentedSeq:
    seq = CommentedSeq(text(v) for v in values)
    seq.fa.set_flow_style()
    return seq


def put(mapping: CommentedMap, key: str, value: Any, order: Sequence[str]) -> bool:
    """Set a key, keeping its place; a new key goes where the format lists it. True if it changed."""
    if key in mapping:
        if same(mapping[key], value):
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


def drop(mapping: CommentedMap, key: str) -> bool:
    if key in mapping:
        del mapping[key]
        return True
    return False


def same(old: Any, new: Any) -> bool:
    if isinstance(old, Mapping) and isinstance(new, Mapping):
        return list(old.keys()) == list(new.keys()) and all(same(old[k], new[k]) for k in old)
    if isinstance(old, list) and isinstance(new, list):
        return len(old) == len(new) and all(same(a, b) for a, b in zip(old, new, strict=True))
    if isinstance(old, (bool, int)) or isinstance(new, (bool, int)):
        return type(old) is type(new) and old == new
    return (None if old in (None, "") else str(old)) == (None if new in (None, "") else str(new))


def as_mapping(value: Any, shorthand: str) -> CommentedMap:
    """A hand-written shorthand (`id: Primary key`, `orders: One row per order`) as a full mapping."""
    if isinstance(value, CommentedMap):
        return value
    mapping = CommentedMap()
    if value not in (None, ""):
        mapping[shorthand] = value
    return mapping


SHORTHANDS = {"unique": "columns", "checks": "expression", "exclusions": "definition"}
"""What a bare item of a list stands for, as in the file format."""


def insert_after(mapping: CommentedMap, previous: str | None, key: str, value: Any) -> None:
    position = list(mapping).index(previous) + 1 if previous in mapping else 0
    mapping.insert(position, key, value)


def column_structure(column: Column) -> list[tuple[str, Any]]:
    return [
        ("type", text(column.type)),
        ("nullable", column.nullable),
        ("default", text(column.default)),
        ("identity", text(column.identity)),
        ("generated", text(column.generated)),
        ("generation", column.generation),
        ("on_update", text(column.on_update)),
        ("charset", text(column.charset)),
        ("collation", text(column.collation)),
        ("invisible", True if column.invisible else None),
    ]


def index_entry(index: Index) -> CommentedMap:
    return flow(
        [
            ("name", text(index.name)),
            ("columns", names(index.columns)),
            ("type", text(index.method)),
            ("unique", True if index.unique else None),
            ("where", text(index.predicate)),
            ("options", flow((c, text(o)) for c, o in zip(index.columns, index.options, strict=False) if o) or None),
            ("include", names(index.include) if index.include else None),
        ]
    )


def foreign_key_entry(fk: ForeignKey) -> CommentedMap:
    target = f"{fk.target.key}({', '.join(fk.target_columns)})"
    return flow(
        [
            ("name", text(fk.name)),
            ("columns", names(fk.columns)),
            ("references", text(target)),
            ("on_delete", fk.on_delete),
            ("on_update", fk.on_update),
            ("match", fk.match),
            ("deferrable", fk.deferrable),
            ("on_delete_columns", names(fk.on_delete_columns) if fk.on_delete_columns else None),
        ]
    )


def unique_entry(unique: UniqueConstraint) -> CommentedMap:
    return flow([("name", text(unique.name)), ("columns", names(unique.columns))])


def check_entry(check: CheckConstraint) -> CommentedMap:
    return flow([("name", text(check.name)), ("expression", text(check.expression))])


def exclusion_entry(exclusion: ExclusionConstraint) -> CommentedMap:
    return flow([("name", text(exclusion.name)), ("definition", text(exclusion.definition))])


def policy_entry(policy: Policy) -> CommentedMap:
    return flow(
        [
            ("name", text(policy.name)),
            ("command", policy.command),
            ("permissive", None if policy.permissive else False),
            ("roles", names(policy.roles) if policy.roles else None),
            ("using", text(policy.using)),
            ("check", text(policy.check)),
        ]
    )


def domain_entry(domain: Domain) -> CommentedMap:
    mapping = CommentedMap()
    mapping["type"] = text(domain.type)
    if not domain.nullable:
        mapping["nullable"] = False
    if domain.default is not None:
        mapping["default"] = text(domain.default)
    if domain.checks:
        checks = CommentedSeq(check_entry(c) for c in domain.checks)
        mapping["checks"] = checks
    return mapping


def trigger_entry(trigger: Trigger) -> CommentedMap:
    return flow(
        [
            ("name", text(trigger.name)),
            ("timing", text(trigger.timing)),
            ("events", names(trigger.events) if trigger.events else None),
            ("definition", text(trigger.definition)),
        ]
    )


def size(value: int | None) -> str | None:
    """A size as people write it in the file (`7.5 MB`), as the pages show it; the YAML reads it back."""
    return str(filters.size(value)) if value is not None else None


def partition_entry(partition: Partition, statistics: bool) -> CommentedMap:
    return flow(
        [
            ("name", text(partition.name)),
            ("bound", text(partition.bound)),
            ("row_estimate", partition.row_estimate if statistics else None),
            ("size", size(partition.size_bytes) if statistics else None),
        ]
    )


def partition_indexes(partition: Partition) -> CommentedSeq | None:
    if not partition.indexes:
        return None
    return CommentedSeq(index_entry(i) for i in partition.indexes)


def identity(item: Mapping[str, Any]) -> tuple[str, ...]:
    """What makes two entries of a list the same entry: the name, else the columns or the expression."""
    if item.get("name"):
        return ("name", str(item["name"]))
    if item.get("columns"):
        return ("columns", *(str(c) for c in item["columns"]))
    return ("expression", str(item.get("expression")))


def label(item: Any) -> str:
    if isinstance(item, Mapping):
        if item.get("name"):
            return str(item["name"])
        if item.get("columns"):
            return "(" + ", ".join(str(c) for c in item["columns"]) + ")"
        if item.get("expression"):
            return str(item["expression"])
    return str(item)


def what(key: str) -> str:
    return {"indexes": "index", "foreign_keys": "foreign key", "unique": "unique constraint", "checks": "check",
            "triggers": "trigger", "partitions": "partition", "exclusions": "exclusion constraint",
            "policies": "policy"}[key]  # fmt: skip


def lost(entry: Any, key: str | None) -> str:
    """The text people wrote on an entry that is being removed, so the report can show it."""
    if key and isinstance(entry, Mapping) and entry.get(key) not in (None, ""):
        return f" (its {key} was: {unescaped(entry[key])!r})"
    return ""


def lost_table(entry: CommentedMap) -> str:
    written = lost(entry, "purpose")
    columns = as_mapping(entry.get("columns"), "")
    described = [
        str(name)
        for name, column in columns.items()
        if as_mapping(column, "description").get("description") not in (None, "")
    ]
    if described:
        written += f" (descriptions of {len(described)} column(s): {', '.join(described)})"
    return written
