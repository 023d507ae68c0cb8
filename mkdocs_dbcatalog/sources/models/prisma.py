"""`schema.prisma` read with a grammar (prisma.lark) into the tables Prisma Migrate creates.

What Prisma does with a schema is followed to the letter, because the page should show what the
database has: `@map`/`@@map` names, Prisma's default constraint and index names
(`User_pkey`, `User_email_key`, `Post_authorId_idx`, `Post_authorId_fkey`), its default
referential actions (a required relation restricts deletes, an optional one sets null; updates
cascade), implicit many-to-many tables (`_CategoryToPost`), enums as PostgreSQL types or MySQL
`enum(...)` columns, and InnoDB's index for a foreign key no index starts with. With
`relationMode = "prisma"` (and on MongoDB) relations are declared but not enforced by the
database. On MongoDB models are collections and composite types nest: `address.city`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...catalog.model import (
    Column,
    Database,
    EnumType,
    ForeignKey,
    Index,
    Origin,
    PrimaryKey,
    Table,
    TableKind,
    TableRef,
)
from .. import grammars
from .base import ModelsError, ModelsRead
from .prismatypes import native_type, provider_family, scalar_type

DECLARED_IN = "Prisma schema"
_ENGINES = {
    "postgresql": "postgresql",
    "mysql": "mysql",
    "sqlite": "sqlite",
    "sqlserver": "mssql",
    "mongodb": "mongodb",
}
_RULES = {
    "Cascade": "CASCADE",
    "Restrict": "RESTRICT",
    "NoAction": "NO ACTION",
    "SetNull": "SET NULL",
    "SetDefault": "SET DEFAULT",
}
_MAX_NAME = {"postgresql": 63, "mysql": 64, "sqlserver": 128}


# --- the syntax tree, as plain values ------------------------------------------------------------


@dataclass(frozen=True)
class Call:
    name: str
    args: tuple[Arg, ...] = ()


@dataclass(frozen=True)
class Ref:
    """A bare name: a field (`[authorId]`), an enum value, a constant (`Cascade`, `true`)."""

    name: str


@dataclass(frozen=True)
class Arg:
    name: str | None
    value: Any
    """str (a string literal), float or int, Ref, Call, or a list of those."""


@dataclass(frozen=True)
class Attribute:
    name: str
    args: tuple[Arg, ...] = ()

    def arg(self, name: str, position: int | None = 0) -> Any:
        """The argument named `name`, else the positional one at `position`."""
        for arg in self.args:
            if arg.name == name:
                return arg.value
        unnamed = [a.value for a in self.args if a.name is None]
        return unnamed[position] if position is not None and position < len(unnamed) else None


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    line: int
    list: bool = False
    optional: bool = False
    unsupported: str | None = None
    attributes: tuple[Attribute, ...] = ()
    doc: str | None = None

    def attribute(self, name: str) -> Attribute | None:
        return next((a for a in self.attributes if a.name == name), None)


@dataclass(frozen=True)
class Block:
    kind: str
    """model, view, composite (a `type` block), enum, datasource or generator."""
    name: str
    line: int
    fields: tuple[Field, ...] = ()
    attributes: tuple[Attribute, ...] = ()
    settings: dict[str, Any] = field(default_factory=dict)
    doc: str | None = None

    def attribute(self, name: str) -> Attribute | None:
        return next((a for a in self.attributes if a.name == name), None)

    def all(self, name: str) -> list[Attribute]:
        return [a for a in self.attributes if a.name == name]


def parse(text: str) -> list[Block]:
    """The schema's blocks. Raises ModelsError naming the line of a syntax error."""
    import lark

    try:
        tree = grammars.parser(__package__, "prisma.lark").parse(text)
    except lark.exceptions.UnexpectedInput as problem:
        raise ModelsError(
            f"line {problem.line}: not Prisma schema syntax ({grammars.unexpected(problem, text)})"
        ) from None
    return [_block(node) for node in tree.children]


def _text(token: Any) -> str:
    return str(token)


def _doc(children: Sequence[Any]) -> str | None:
    lines = [_text(c.children[0])[3:].strip() for c in children if getattr(c, "data", None) == "doc"]
    return "\n".join(lines).strip() or None


def _block(node: Any) -> Block:
    kind = node.data
    parts = [c for c in node.children if getattr(c, "data", None) != "doc"]
    name = _text(parts[0])
    fields: list[Field] = []
    attributes: list[Attribute] = []
    settings: dict[str, Any] = {}
    for member in parts[1:]:
        if member.data in ("field", "enum_value"):
            fields.append(_field(member))
        elif member.data == "block_attribute":
            attributes.append(_attribute(member))
        elif member.data == "setting":
            items = [c for c in member.children if getattr(c, "data", None) != "doc"]
            settings[_text(items[0])] = _value(items[1])
    return Block(kind, name, parts[0].line, tuple(fields), tuple(attributes), settings, _doc(node.children))


def _field(node: Any) -> Field:
    parts = [c for c in node.children if getattr(c, "data", None) != "doc"]
    name = _text(parts[0])
    if node.data == "enum_value":
        attrs = tuple(_attribute(a) for a in parts[1:])
        return Field(name, "", parts[0].line, attributes=attrs, doc=_doc(node.children))
    type_node, *attr_nodes = parts[1:]
    type_name = type_node.children[0]
    unsupported = None
    inner = type_name.children[0]
    if getattr(inner, "data", None) == "unsupported":
        unsupported = _string(_text(inner.children[0]))
        type_text = "Unsupported"
    else:
        type_text = _text(inner)
    marks = {_text(t) for t in type_node.children[1:]}
    return Field(
        name,
        type_text,
        parts[0].line,  # the name's line, after any `///` lines
        list="[]" in marks,
        optional="?" in marks,
        unsupported=unsupported,
        attributes=tuple(_attribute(a) for a in attr_nodes),
        doc=_doc(node.children),
    )


def _attribute(node: Any) -> Attribute:
    parts = [c for c in node.children if getattr(c, "data", None) != "doc"]
    name = ".".join(_text(t) for t in parts[0].children)
    args = _arguments(parts[1]) if len(parts) > 1 else ()
    return Attribute(name, args)


def _arguments(node: Any) -> tuple[Arg, ...]:
    args = []
    for arg in node.children:
        if len(arg.children) == 2:
            args.append(Arg(_text(arg.children[0]), _value(arg.children[1])))
        else:
            args.append(Arg(None, _value(arg.children[0])))
    return tuple(args)


def _value(node: Any) -> Any:
    kind = node.data
    if kind == "string":
        return _string(_text(node.children[0]))
    if kind == "number":
        text = _text(node.children[0])
        return float(text) if "." in text else int(text)
    if kind == "array":
        return [_value(c) for c in node.children]
    if kind == "call":
        return Call(".".join(_text(t) for t in node.children[0].children), _arguments(node.children[1]))
    return Ref(".".join(_text(t) for t in node.children))


def _string(literal: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), literal[1:-1])


# --- the schema as tables ------------------------------------------------------------------------


@dataclass
class _Schema:
    blocks: list[Block]
    provider: str
    family: str
    enforced: bool
    shown: str

    def __post_init__(self) -> None:
        self.models = {b.name: b for b in self.blocks if b.kind in ("model", "view")}
        self.enums = {b.name: b for b in self.blocks if b.kind == "enum"}
        self.composites = {b.name: b for b in self.blocks if b.kind == "composite"}

    def table_name(self, model: Block) -> str:
        mapped = model.attribute("map")
        return str(mapped.arg("name")) if mapped else model.name

    def schema_of(self, block: Block) -> str | None:
        found = block.attribute("schema")
        if found is None or self.family != "postgresql":
            return None
        named = str(found.arg("name"))
        return None if named == "public" else named  # the default schema: tables are keyed without it

    def column_name(self, item: Field) -> str:
        mapped = item.attribute("map")
        return str(mapped.arg("name")) if mapped else item.name

    def scalar_fields(self, model: Block) -> list[Field]:
        return [f for f in model.fields if f.type not in self.models]

    def column_of(self, model: Block, name: str) -> str:
        found = next((f for f in model.fields if f.name == name), None)
        return self.column_name(found) if found else name

    def name(self, text: str) -> str:
        """A name the database keeps whole: PostgreSQL truncates past 63 bytes."""
        limit = _MAX_NAME.get(self.family)
        return text[:limit] if limit else text

    def default_name(self, stem: str, suffix: str) -> str:
        """Prisma's default name of a key or index: `stem_suffix`, the stem cut to fit the limit."""
        limit = _MAX_NAME.get(self.family)
        if limit and len(stem) + len(suffix) + 1 > limit:
            stem = stem[: limit - len(suffix) - 1]
        return f"{stem}_{suffix}"

    @property
    def btree(self) -> str | None:
        """The method PostgreSQL and MySQL report for a plain index."""
        return "btree" if self.family in ("postgresql", "mysql") else None


def read_prisma(path: Path, shown: str, database_name: str) -> ModelsRead:
    """The database `path` (a schema.prisma) declares; `shown` is its name in messages."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as problem:
        raise ModelsError(f"{shown} cannot be read: {problem.strerror or problem}") from None
    except UnicodeDecodeError:
        raise ModelsError(f"{shown} is not UTF-8 text") from None
    try:
        blocks = parse(text)
    except ModelsError as problem:
        raise ModelsError(f"{shown}: {problem}") from None
    source = next((b for b in blocks if b.kind == "datasource"), None)
    if source is None:
        raise ModelsError(f"{shown} has no datasource block, so its database is not known")
    provider = str(source.settings.get("provider", ""))
    family = provider_family(provider)
    if family not in _ENGINES:
        raise ModelsError(f"{shown}: datasource provider {provider!r} is not one Prisma supports")
    relation_mode = str(source.settings.get("relationMode", "foreignKeys"))
    schema = _Schema(blocks, provider, family, relation_mode != "prisma" and family != "mongodb", shown)
    where: dict[tuple[str, ...], str] = {}
    tables = [_table(schema, model, where) for model in schema.models.values()]
    tables += list(_implicit_many_to_many(schema, where))
    enums = tuple(
        sorted(
            (
                EnumType(schema.table_name(e), tuple(_enum_values(schema, e)), schema.schema_of(e))
                for e in schema.enums.values()
            ),
            key=lambda e: (e.schema or "", e.name),
        )
        if family == "postgresql"
        else ()
    )
    database = Database(
        name=database_name,
        engine=_ENGINES[family],
        tables=tuple(sorted(tables, key=lambda t: t.key)),
        enums=enums,
        origin=Origin.MODELS,
    )
    return ModelsRead(database, where)


def _enum_values(schema: _Schema, enum: Block) -> Iterator[str]:
    for value in enum.fields:
        yield schema.column_name(value)


def _table(schema: _Schema, model: Block, where: dict[tuple[str, ...], str]) -> Table:
    name, db_schema = schema.table_name(model), schema.schema_of(model)
    key = f"{db_schema}.{name}" if db_schema else name
    where[(key,)] = f"{schema.shown}:{model.line}"
    view = model.kind == "view"
    columns: list[Column] = []
    for item in schema.scalar_fields(model):
        for column in _columns(schema, model, item, prefix=""):
            columns.append(column)
            where[(key, column.name)] = f"{schema.shown}:{item.line}"
    table = Table(
        name=name,
        schema=db_schema,
        kind=TableKind.VIEW if view else TableKind.TABLE,
        purpose=model.doc,
        columns=tuple(columns),
    )
    if view:
        return table
    primary = _primary_key(schema, model, name)
    indexes = list(_indexes(schema, model, name))
    foreign_keys = list(_foreign_keys(schema, model, name))
    if schema.family == "mysql":
        indexes += _innodb_indexes(foreign_keys, indexes, primary)
    return Table(
        name=name,
        schema=db_schema,
        purpose=model.doc,
        columns=table.columns,
        primary_key=primary,
        indexes=tuple(indexes),
        foreign_keys=tuple(foreign_keys),
    )


def _columns(schema: _Schema, model: Block, item: Field, prefix: str) -> Iterator[Column]:
    """The column of a scalar or enum field; on MongoDB a composite field and its nested fields."""
    name = prefix + schema.column_name(item)
    composite = schema.composites.get(item.type)
    if composite is not None:
        yield Column(name, composite.name + ("[]" if item.list else ""), item.optional, description=item.doc)
        for inner in composite.fields:
            yield from _columns(schema, composite, inner, f"{name}.")
        return
    yield Column(
        name=name,
        type=_column_type(schema, item),
        nullable=item.optional or (item.list and schema.family != "mongodb"),
        default=_default(schema, model, item),
        description=item.doc,
        identity=_identity(schema, item),
    )


def _column_type(schema: _Schema, item: Field) -> str | None:
    native = next((a for a in item.attributes if a.name.startswith("db.")), None)
    if item.unsupported is not None:
        spelled: str | None = item.unsupported
    elif item.type in schema.enums:
        spelled = _enum_type(schema, schema.enums[item.type])
    elif native is not None:
        arguments = [_literal(a.value) for a in native.args]
        spelled = native_type(schema.provider, native.name[3:], arguments) or native.name[3:].lower()
    else:
        spelled = scalar_type(schema.provider, item.type)
    if spelled and item.list:
        return spelled + "[]" if schema.family != "mongodb" else f"{spelled}[]"
    return spelled


def _enum_type(schema: _Schema, enum: Block) -> str:
    name = schema.table_name(enum)
    if schema.family == "postgresql":
        quoted = name if re.fullmatch(r"[a-z_][a-z0-9_$]*", name) else '"' + name.replace('"', '""') + '"'
        enum_schema = schema.schema_of(enum)
        return f"{enum_schema}.{quoted}" if enum_schema and enum_schema != "public" else quoted
    if schema.family == "mysql":
        values = ",".join("'" + v.replace("'", "''") + "'" for v in _enum_values(schema, enum))
        return f"enum({values})"
    return {"sqlite": "TEXT", "sqlserver": "nvarchar(1000)"}.get(schema.family, "String")


def _literal(value: Any) -> str:
    if isinstance(value, Ref):
        return value.name
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _identity(schema: _Schema, item: Field) -> str | None:
    default = item.attribute("default")
    value = default.arg("value") if default else None
    if isinstance(value, Call) and value.name == "autoincrement":
        return {"postgresql": "serial", "mysql": "auto_increment", "sqlite": "autoincrement"}.get(schema.family)
    return None


def _default(schema: _Schema, model: Block, item: Field) -> str | None:
    """The column default the database keeps; Prisma's client-side ones (uuid(), cuid()) are none."""
    default = item.attribute("default")
    if default is None:
        return None
    value = default.arg("value")
    family = schema.family
    if isinstance(value, Call):
        if value.name == "dbgenerated":
            return str(value.args[0].value) if value.args else None
        if value.name == "now":
            precision = _precision(item)
            if family == "mysql":
                return f"CURRENT_TIMESTAMP({precision})" if precision else "CURRENT_TIMESTAMP"
            return "CURRENT_TIMESTAMP"
        if value.name == "autoincrement" and family == "postgresql":
            sequence = schema.name(f"{schema.table_name(model)}_{schema.column_name(item)}_seq")
            return f"nextval('{_pg_identifier(sequence)}'::regclass)"
        return None
    if isinstance(value, bool) or (isinstance(value, Ref) and value.name in ("true", "false")):
        truth = value is True or (isinstance(value, Ref) and value.name == "true")
        return ("1" if truth else "0") if family == "mysql" else ("true" if truth else "false")
    if isinstance(value, (int, float)):
        return _literal(value)
    if isinstance(value, list):
        return None
    if isinstance(value, Ref) and item.type in schema.enums:
        enum = schema.enums[item.type]
        stored = next((schema.column_name(v) for v in enum.fields if v.name == value.name), value.name)
        return _quoted(stored, _enum_type(schema, enum), family)
    if isinstance(value, str):
        return _quoted(value, _column_type(schema, item) or "text", family)
    return None


def _quoted(text: str, type_: str, family: str) -> str:
    literal = "'" + text.replace("'", "''") + "'"
    if family != "postgresql":
        return literal
    cast = re.sub(r"\(.*?\)", "", type_).replace(" without time zone", "")
    return f"{literal}::{cast}"


def _pg_identifier(name: str) -> str:
    return name if re.fullmatch(r"[a-z_][a-z0-9_$]*", name) else '"' + name.replace('"', '""') + '"'


def _precision(item: Field) -> str | None:
    native = next((a for a in item.attributes if a.name.startswith("db.")), None)
    if native is not None:
        return _literal(native.args[0].value) if native.args else None
    return "3" if item.type == "DateTime" else None


def _fields(schema: _Schema, model: Block, value: Any) -> tuple[str, ...]:
    """Column names of a list of field references (`[a, b(sort: Desc)]`)."""
    items = value if isinstance(value, list) else [value]
    names = []
    for entry in items:
        ref = entry.name if isinstance(entry, (Ref, Call)) else str(entry)
        names.append(schema.column_of(model, ref))
    return tuple(names)


def _options(value: Any) -> tuple[str, ...]:
    """What follows each indexed column: `sort: Desc` is DESC, `ops: raw("gin_trgm_ops")` its text."""
    options = []
    for entry in value if isinstance(value, list) else [value]:
        said = []
        if isinstance(entry, Call):
            for arg in entry.args:
                if arg.name == "ops":
                    ops = arg.value
                    said.append(str(ops.args[0].value) if isinstance(ops, Call) and ops.args else _literal(ops))
                elif arg.name == "sort" and _literal(arg.value) == "Desc":
                    said.append("DESC")
        options.append(" ".join(said))
    return tuple(options) if any(options) else ()


def _primary_key(schema: _Schema, model: Block, table: str) -> PrimaryKey | None:
    columns: tuple[str, ...] = ()
    mapped = None
    for item in model.fields:
        found = item.attribute("id")
        if found is not None:
            columns, mapped = (schema.column_name(item),), found.arg("map", None)
    block = model.attribute("id")
    if block is not None:
        columns, mapped = _fields(schema, model, block.arg("fields")), block.arg("map", None)
    if not columns:
        return None
    if schema.family == "mysql":
        return PrimaryKey(columns, "PRIMARY")
    if schema.family in ("sqlite", "mongodb"):
        return PrimaryKey(columns)
    return PrimaryKey(columns, str(mapped) if mapped else schema.default_name(table, "pkey"))


def _indexes(schema: _Schema, model: Block, table: str) -> Iterator[Index]:
    for item in model.fields:
        unique = item.attribute("unique")
        if unique is not None and item.type not in schema.models:
            column = schema.column_name(item)
            mapped = unique.arg("map", None)
            name = str(mapped) if mapped else schema.default_name(f"{table}_{column}", "key")
            yield Index((column,), name, unique=True, method=schema.btree)
    for attribute in model.attributes:
        if attribute.name not in ("unique", "index", "fulltext"):
            continue
        value = attribute.arg("fields")
        columns = _fields(schema, model, value)
        suffix = "key" if attribute.name == "unique" else "idx"
        mapped = attribute.arg("map", None)
        kind = attribute.arg("type", None)
        method = _literal(kind).lower() if kind is not None else schema.btree
        if attribute.name == "fulltext":
            method = "fulltext"
        predicate = attribute.arg("where", None)
        yield Index(
            columns,
            str(mapped) if mapped else schema.default_name(f"{table}_{'_'.join(columns)}", suffix),
            unique=attribute.name == "unique",
            method=method,
            predicate=str(predicate) if isinstance(predicate, str) else None,
            options=_options(value),
        )


def _foreign_keys(schema: _Schema, model: Block, table: str) -> Iterator[ForeignKey]:
    for item in model.fields:
        relation = item.attribute("relation")
        target = schema.models.get(item.type)
        if relation is None or target is None or relation.arg("fields", None) is None:
            continue
        columns = _fields(schema, model, relation.arg("fields", None))
        target_columns = _fields(schema, target, relation.arg("references", None))
        scalar = {f.name: f for f in model.fields}
        refs = relation.arg("fields", None)
        optional = any(
            scalar[r.name].optional for r in (refs if isinstance(refs, list) else [refs]) if r.name in scalar
        )
        on_delete = relation.arg("onDelete", None)
        on_update = relation.arg("onUpdate", None)
        mapped = relation.arg("map", None)
        yield ForeignKey(
            columns=columns,
            target=target_ref(schema, target),
            target_columns=target_columns,
            name=(str(mapped) if mapped else schema.default_name(f"{table}_{'_'.join(columns)}", "fkey"))
            if schema.enforced
            else None,
            on_delete=_RULES.get(_literal(on_delete)) if on_delete else ("SET NULL" if optional else "RESTRICT"),
            on_update=_RULES.get(_literal(on_update)) if on_update else "CASCADE",
            enforced=schema.enforced,
            declared_in=None if schema.enforced else DECLARED_IN,
        )


def target_ref(schema: _Schema, model: Block) -> TableRef:
    return TableRef(schema.table_name(model), schema.schema_of(model))


def _innodb_indexes(fks: list[ForeignKey], indexes: list[Index], primary: PrimaryKey | None) -> list[Index]:
    """InnoDB indexes a foreign key's columns under the key's name when no index starts with them."""
    made: list[Index] = []
    for fk in fks:
        if not fk.enforced:
            continue
        covered = [i.columns for i in indexes + made] + ([primary.columns] if primary else [])
        if not any(c[: len(fk.columns)] == fk.columns for c in covered):
            made.append(Index(fk.columns, fk.name, method="btree"))
    return made


def _implicit_many_to_many(schema: _Schema, where: dict[tuple[str, ...], str]) -> Iterator[Table]:
    """`posts Post[]` against `categories Category[]`, with no `fields:`: Prisma's `_CategoryToPost`."""
    seen: set[str] = set()
    for model in schema.models.values():
        for item in model.fields:
            other = schema.models.get(item.type)
            if other is None or not item.list or model.kind != "model":
                continue
            relation = item.attribute("relation")
            if relation is not None and relation.arg("fields", None) is not None:
                continue
            relation_name = relation.arg("name") if relation is not None else None
            if not any(f.type == model.name and f.list and _relation_name(f) == relation_name for f in other.fields):
                continue
            first, second = sorted((model, other), key=lambda b: b.name)
            name = f"_{relation_name}" if relation_name else f"_{first.name}To{second.name}"
            if name in seen:
                continue
            seen.add(name)
            yield _join_table(schema, name, first, second)
            where[(name,)] = f"{schema.shown}:{item.line}"


def _relation_name(item: Field) -> Any:
    relation = item.attribute("relation")
    return relation.arg("name") if relation is not None else None


def _join_table(schema: _Schema, name: str, first: Block, second: Block) -> Table:
    def id_column(model: Block, label: str) -> tuple[Column, str]:
        key = _primary_key(schema, model, schema.table_name(model))
        column = key.columns[0] if key else "id"
        item = next((f for f in model.fields if schema.column_name(f) == column), None)
        type_ = _column_type(schema, item) if item else None
        return Column(label, type_, False), column

    a, a_target = id_column(first, "A")
    b, b_target = id_column(second, "B")
    enforced = schema.enforced
    keys = tuple(
        ForeignKey(
            (label,),
            target_ref(schema, model),
            (target,),
            schema.default_name(f"{name}_{label}", "fkey") if enforced else None,
            "CASCADE",
            "CASCADE",
            enforced=enforced,
            declared_in=None if enforced else DECLARED_IN,
        )
        for label, model, target in (("A", first, a_target), ("B", second, b_target))
    )
    indexes = [Index(("B",), schema.default_name(f"{name}_B", "index"), method=schema.btree)]
    primary = None
    if schema.family == "postgresql":
        primary = PrimaryKey(("A", "B"), schema.default_name(f"{name}_AB", "pkey"))
    else:
        unique = Index(("A", "B"), schema.default_name(f"{name}_AB", "unique"), unique=True, method=schema.btree)
        indexes.insert(0, unique)
    return Table(name, columns=(a, b), primary_key=primary, indexes=tuple(indexes), foreign_keys=keys)


__all__ = ["DECLARED_IN", "parse", "read_prisma"]
