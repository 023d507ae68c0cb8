"""sqlglot's trees → catalog model pieces: columns, keys, constraints and indexes.

The tree says what a definition means (NOT NULL, REFERENCES, a check); names are folded as the
engine stores them; types, defaults and expressions keep the file's own text (see `spans`). What
each engine adds on its own is added here too, so a schema file reads like the engine's catalog:
MySQL names its primary key PRIMARY, PostgreSQL and MySQL back a unique constraint with an index,
an identity or primary key column is NOT NULL.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlglot import exp

from ...catalog.model import CheckConstraint, Column, ForeignKey, Index, PrimaryKey, TableRef, UniqueConstraint
from .dialects import Dialect
from .spans import Spans, unwrap

Resolve = Callable[[exp.Table], TableRef]
"""A table named in a statement → the reference the catalog shows (schema folded, default schema left out)."""

_RULES = ("CASCADE", "SET NULL", "SET DEFAULT", "RESTRICT", "NO ACTION")
_NOT_NULL_IDENTITIES = frozenset({"identity always", "identity by default", "identity", "rowid", "autoincrement"})
_SERIAL = {
    "serial": "integer",
    "bigserial": "bigint",
    "smallserial": "smallint",
    "serial4": "integer",
    "serial8": "bigint",
    "serial2": "smallint",
}


_QUOTED_OR_QUALIFIED = re.compile(
    r"""'(?:[^']|'')*'(?=::regclass)|'(?:[^']|'')*'|"(?:[^"]|"")*"|(?<![\w.$"])(\w+)\.(?=[\w"])"""
)


def unqualified(text: str, schema: str | None) -> str:
    """`public.year` as `year`, `'public.t_id_seq'::regclass` as `'t_id_seq'::regclass`: names in the
    default schema as the engine prints them with its default search path (pg_dump qualifies every
    name because it empties the search path)."""
    if not schema or f"{schema}." not in text:
        return text

    def plain(match: re.Match[str]) -> str:
        whole = match.group()
        if match.group(1) is not None:
            return "" if match.group(1) == schema else whole
        if whole.startswith("'") and match.end() < len(text) and text.startswith("::regclass", match.end()):
            return whole.replace(f"'{schema}.", "'", 1)
        return whole

    return _QUOTED_OR_QUALIFIED.sub(plain, text)


def name_of(node: exp.Expression | None, dialect: Dialect) -> str:
    """An identifier (or a column, a table) as the engine stores its name."""
    if node is None:
        return ""
    if type(node) is exp.Identifier:  # the common case first: this runs for every name of a file
        return dialect.fold(node.this, bool(node.args.get("quoted")))
    if isinstance(node, (exp.Column, exp.Table)):
        node = node.this
    if isinstance(node, exp.Identifier):
        return dialect.fold(node.this, bool(node.args.get("quoted")))
    if isinstance(node, exp.Literal):
        return str(node.this)
    return dialect.fold(node.name, False) if node.name else node.sql()


def default_rule(dialect: Dialect) -> str:
    """What an engine reports for a foreign key rule left unsaid."""
    return "RESTRICT" if dialect.name == "mysql" else "NO ACTION"


@dataclass
class Pieces:
    """What one column or table definition adds to its table."""

    columns: list[Column] = field(default_factory=list)
    primary_key: PrimaryKey | None = None
    uniques: list[UniqueConstraint] = field(default_factory=list)
    foreign_keys: list[ForeignKey] = field(default_factory=list)
    checks: list[CheckConstraint] = field(default_factory=list)
    indexes: list[Index] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


class Translator:
    """Turns the definitions of one statement into model pieces."""

    def __init__(self, dialect: Dialect, spans: Spans | None, resolve: Resolve, table: str) -> None:
        self.dialect = dialect
        self.spans = spans
        self.resolve = resolve
        self.table = table
        """The table's name, for the names engines give unnamed constraints."""

    def name(self, node: exp.Expression | None) -> str:
        return name_of(node, self.dialect)

    def text(self, node: exp.Expression | None) -> str | None:
        """An expression as written, else as sqlglot prints it in the dialect."""
        if node is None:
            return None
        found = self.spans.expression_text(node) if self.spans else None
        return self.written(found or node.sql(dialect=self.dialect.sqlglot))

    def written(self, text: str) -> str:
        """Text of the file as the engine reports it (PostgreSQL: without the default schema's `public.`)."""
        if self.dialect.name in ("postgres", "redshift"):
            return unqualified(text, self.dialect.default_schema)
        return text

    # ------------------------------------------------------------------------------------ columns

    def column(self, definition: exp.ColumnDef, pieces: Pieces) -> Column:
        """The column, with its inline keys and checks added to `pieces`."""
        name = self.name(definition.this)
        written = self.spans.column(definition.this) if self.spans else None
        kind = definition.args.get("kind")
        type_text = (
            written.type if written and written.type else (kind.sql(dialect=self.dialect.sqlglot) if kind else None)
        )
        type_text = self.written(type_text) if type_text else None
        nullable: bool | None = None
        default = self.written(written.default) if written and written.default else None
        identity = generated = comment = charset = collation = generation = None
        invisible = primary = False
        for constraint in definition.constraints:
            item = constraint.args.get("kind")
            constraint_name = self.name(constraint.this) if constraint.this else None
            if isinstance(item, exp.NotNullColumnConstraint):
                nullable = bool(item.args.get("allow_null"))
            elif isinstance(item, exp.PrimaryKeyColumnConstraint):
                primary = True
                pieces.primary_key = PrimaryKey((name,), constraint_name or self._primary_name())
            elif isinstance(item, exp.UniqueColumnConstraint):
                self._unique((name,), constraint_name, pieces)
            elif isinstance(item, exp.Reference):
                pieces.foreign_keys.append(self._foreign_key((name,), item, constraint_name))
            elif isinstance(item, exp.CheckColumnConstraint):
                pieces.checks.append(self._check(item, constraint_name))
            elif isinstance(item, exp.DefaultColumnConstraint) and default is None:
                default = self.text(item.this)
            elif isinstance(item, exp.GeneratedAsIdentityColumnConstraint) and item.args.get("expression"):
                # GENERATED ALWAYS AS (expr): a generated column, as some dialects' parsers read it
                generated = self.written(written.generated) if written and written.generated else None
                generated = generated or self.text(item.args["expression"])
                generation = "virtual" if self.dialect.name == "duckdb" else "stored"
            elif isinstance(item, exp.GeneratedAsIdentityColumnConstraint):
                flag = item.args.get("this")
                if self.dialect.name not in ("postgres", "oracle"):  # IDENTITY (1, 1), AUTOINCREMENT
                    identity = "identity"
                else:
                    identity = "identity always" if flag is True else "identity by default"
            elif isinstance(item, exp.AutoIncrementColumnConstraint):
                identity = "autoincrement" if self.dialect.name in ("sqlite", "snowflake") else "auto_increment"
            elif isinstance(item, exp.ComputedColumnConstraint):
                generated = self.written(written.generated) if written and written.generated else self.text(item.this)
                if item.args.get("persisted"):
                    generation = "stored"
                elif self.dialect.name in ("mysql", "sqlite"):
                    generation = "virtual"  # their default; PostgreSQL's generated columns are all stored
                else:
                    generation = "stored" if self.dialect.name == "postgres" else None
            elif isinstance(item, exp.CharacterSetColumnConstraint):
                charset = item.this.name or None
            elif isinstance(item, exp.CollateColumnConstraint):
                collation = item.this.name or None
            elif isinstance(item, exp.InvisibleColumnConstraint):
                invisible = True
            elif isinstance(item, exp.CommentColumnConstraint):
                comment = _literal(item.this)
            elif isinstance(item, exp.Properties):  # BigQuery's OPTIONS(description = '...')
                comment = description(item) or comment
        if default is not None and _is_null(default) and self.dialect.name != "sqlite":
            default = None  # SQLite keeps DEFAULT NULL as written; the others report no default
        base = (type_text or "").lower()
        serial_type = base in _SERIAL and self.dialect.name in ("postgres", "redshift")
        if serial_type or (default and default.lower().startswith("nextval(")):
            identity = "serial"
        if self.dialect.name == "sqlite" and primary and base == "integer":
            identity = identity or "rowid"  # the rowid's alias: SQLite assigns it and it is never NULL
        implied = (primary and self.dialect.name != "sqlite") or identity in _NOT_NULL_IDENTITIES
        implied = implied or (identity == "serial" and base in _SERIAL)
        if implied:
            nullable = False
        elif self.dialect.name == "clickhouse":  # NOT NULL unless the type is Nullable(...)
            nullable = "nullable(" in base
        elif nullable is None and not (generated is not None and type_text is None):
            nullable = True  # (a T-SQL computed column without a type: the engine derives both)
        if generated is not None:
            default = None
        return Column(
            name,
            type_text,
            nullable,
            default,
            comment=comment,
            identity=identity,
            generated=generated,
            generation=generation,
            on_update=written.on_update if written else None,
            charset=charset,
            collation=collation,
            invisible=invisible,
        )

    # --------------------------------------------------------------------------- table constraints

    def constraint(self, node: exp.Expression, pieces: Pieces) -> None:
        """A table-level constraint or index of CREATE TABLE, or one added by ALTER TABLE."""
        if isinstance(node, exp.Constraint):
            name = self.name(node.this) if node.this else None
            parts = list(node.expressions)
            columns = next(
                (p for p in parts if isinstance(p, exp.ClusteredColumnConstraint | exp.NonClusteredColumnConstraint)),
                None,
            )
            for part in parts:
                if isinstance(part, exp.PrimaryKeyColumnConstraint) and columns is not None:
                    pieces.primary_key = PrimaryKey(self._names(columns.this), name or self._primary_name())
                elif isinstance(part, exp.UniqueColumnConstraint) and columns is not None and part.this is None:
                    self._unique(self._names(columns.this), name, pieces)
                elif not isinstance(part, exp.ClusteredColumnConstraint | exp.NonClusteredColumnConstraint):
                    self._one(part, name, pieces)
            return
        self._one(node, None, pieces)

    def _one(self, node: exp.Expression, name: str | None, pieces: Pieces) -> None:
        if isinstance(node, exp.PrimaryKey):
            pieces.primary_key = PrimaryKey(self._names(node.expressions), name or self._primary_name())
        elif isinstance(node, exp.ForeignKey):
            reference = node.args.get("reference")
            if isinstance(reference, exp.Reference):
                pieces.foreign_keys.append(self._foreign_key(self._names(node.expressions), reference, name, node))
        elif isinstance(node, exp.UniqueColumnConstraint):
            target = node.this
            columns = self._names(target.expressions) if isinstance(target, exp.Schema) else ()
            own = self.name(target.this) if isinstance(target, exp.Schema) and target.this else None
            self._unique(columns, name or own, pieces)
        elif isinstance(node, exp.CheckColumnConstraint):
            pieces.checks.append(self._check(node, name))
        elif isinstance(node, exp.IndexColumnConstraint):
            kind = str(node.args.get("kind") or "").lower()
            method = (
                {"fulltext": "fulltext", "spatial": "spatial"}.get(kind) or self._using(node) or self._default_method()
            )
            columns = tuple(self._key(c) for c in node.expressions)
            index_name = self.name(node.this) if node.this else name
            pieces.indexes.append(
                Index(columns, index_name or (columns[0] if columns else None), kind == "unique", method)
            )
        elif isinstance(node, exp.PrimaryKeyColumnConstraint):
            pieces.problems.append("a primary key without columns")
        elif isinstance(node, (exp.Property, exp.Properties, exp.IndexParameters)):
            return  # storage options: ON [PRIMARY], WITH (FILLFACTOR = 80), USING INDEX TABLESPACE...
        else:
            pieces.problems.append(f"{type(node).__name__} is not read")

    def _using(self, node: exp.Expression) -> str | None:
        index_type = node.args.get("index_type")
        return str(index_type).lower() if index_type and index_type is not True else None

    def _default_method(self) -> str | None:
        return "btree" if self.dialect.name in ("postgres", "mysql", "sqlite") else None

    def _primary_name(self) -> str | None:
        if self.dialect.name == "mysql":
            return "PRIMARY"
        if self.dialect.name == "postgres":
            return f"{self.table}_pkey"
        return None

    def _unique(self, columns: tuple[str, ...], name: str | None, pieces: Pieces) -> None:
        if self.dialect.name == "postgres" and name is None:
            name = f"{self.table}_{'_'.join(columns)}_key"
        if self.dialect.name == "mysql" and name is None and columns:
            name = columns[0]
        pieces.uniques.append(UniqueConstraint(columns, name))
        if self.dialect.name in ("postgres", "mysql"):  # backed by an index, which the catalog lists
            pieces.indexes.append(Index(columns, name, True, "btree"))

    def _foreign_key(
        self, columns: tuple[str, ...], reference: exp.Reference, name: str | None, key: exp.Expression | None = None
    ) -> ForeignKey:
        target = reference.this
        table = target.this if isinstance(target, exp.Schema) else target
        target_columns = self._names(target.expressions) if isinstance(target, exp.Schema) else ()
        on_delete = on_update = None
        options = [str(o).upper() for o in reference.args.get("options") or []]
        if key is not None:
            options += [f"ON DELETE {key.args['delete']}".upper()] if key.args.get("delete") else []
            options += [f"ON UPDATE {key.args['update']}".upper()] if key.args.get("update") else []
        for option in options:
            words = " ".join(option.split())
            for rule in _RULES:
                if words == f"ON DELETE {rule}":
                    on_delete = rule
                elif words == f"ON UPDATE {rule}":
                    on_update = rule
        fallback = default_rule(self.dialect)
        return ForeignKey(
            columns,
            self.resolve(table) if isinstance(table, exp.Table) else TableRef(self.name(table)),
            target_columns,
            name,
            on_delete or fallback,
            on_update or fallback,
        )

    def _check(self, node: exp.CheckColumnConstraint, name: str | None) -> CheckConstraint:
        expression = node.this
        text = self.spans.check_text(expression) if self.spans and expression is not None else None
        written = self.written(text) if text else self.text(expression) or ""
        if self.dialect.name in ("postgres", "redshift"):
            written = unwrap(written)  # pg_dump writes CHECK ((...)); the catalog shows one pair less
        return CheckConstraint(written, name)

    def _names(self, nodes: list[exp.Expression] | exp.Expression | None) -> tuple[str, ...]:
        if nodes is None:
            return ()
        items = nodes if isinstance(nodes, list) else [nodes]
        return tuple(self._key(n) for n in items)

    def _key(self, node: exp.Expression) -> str:
        """A key column: its name, `col(10)` for a MySQL prefix, or an expression as written."""
        if isinstance(node, exp.Ordered):
            node = node.this
        if isinstance(node, (exp.Identifier, exp.Column)):
            return self.name(node)
        if isinstance(node, exp.ColumnPrefix):
            return f"{self.name(node.this)}({node.expression.name})"
        return self.text(node) or node.sql()


def _literal(node: exp.Expression | None) -> str | None:
    if node is None or isinstance(node, exp.Null):
        return None
    if isinstance(node, exp.Literal):
        return str(node.this)
    if isinstance(node, exp.National):
        return str(node.this)
    return node.name or None


def description(properties: exp.Properties) -> str | None:
    """`description` of BigQuery's `OPTIONS(description = '...')`."""
    for prop in properties.expressions:
        if isinstance(prop, exp.Property) and prop.name.lower() == "description":
            return _literal(prop.args.get("value"))
    return None


def literal_text(node: exp.Expression | None) -> str | None:
    """The value of a string literal (N'...' too)."""
    return _literal(node)


def _is_null(text: str) -> bool:
    return text.strip().upper() == "NULL"


__all__ = ["Pieces", "Resolve", "Translator", "default_rule", "description", "literal_text", "name_of"]
