"""SQL inside migrations (`op.execute`, `RunSQL`, `execute <<~SQL`) and SQL migration files.

The script is split and parsed by the DDL reader (`sources/ddl`: the engine's client rules, sqlglot)
and applied to the schema state by its statement applier, the same one that reads schema files, so
a migration's SQL and a `structure.sql` mean the same thing. A statement the applier skips (it
cannot be parsed, or changes a table the state does not have) is listed as not analysed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...catalog.model import Table
from ...sources.ddl import Dialect, SchemaState, Statement, Status, dialect_for_engine, dialect_named, parse_script
from ..operations import Analysed
from ..schema import Schema

_RENAMED = re.compile(r"^(?P<old>.+?) → (?P<new>.+)$")


@dataclass
class SqlText:
    """Reads SQL text for one database engine (PostgreSQL's dialect when the engine is not known)."""

    engine: str | None = None
    dialect: Dialect = field(init=False)

    def __post_init__(self) -> None:
        found = dialect_for_engine(self.engine) or dialect_named("postgres")
        assert found is not None
        self.dialect = found

    def read(self, text: str, line: int | None = None, file: str | None = None) -> Analysed:
        """What a piece of SQL does; `line` is where it starts in its file (for a string in Python code)."""
        statements = parse_script(text, self.dialect, file)
        result = Analysed()
        if any(not s.no_effect for s in statements):
            result.operations.append(ApplySql(tuple(statements), self.dialect, line))
        return result

    def data_only(self, text: str) -> bool:
        """Whether every statement of the SQL reads or changes rows only (SELECT, INSERT, UPDATE,
        DELETE, MERGE, with their CTEs): a loop running it many times changes no structure."""
        kinds = _data_statements()
        statements = [s for s in parse_script(text, self.dialect, None) if not s.no_effect]
        return all(isinstance(s.expression, kinds) for s in statements)


@dataclass(frozen=True)
class ApplySql:
    """Statements applied by the DDL reader's applier to the migration state."""

    statements: tuple[Statement, ...]
    dialect: Dialect
    line: int | None = None
    """Where the SQL starts in a Python or Ruby file; None when the statements' lines are the file's."""

    def apply(self, schema: Schema) -> None:
        state = SchemaState(self.dialect, tables=list(schema))
        for statement in self.statements:
            applied = state.apply(statement)
            if applied.status is Status.SKIPPED:
                schema.problems.append(f"{self._where(statement)}: `{_first_line(statement.text)}`: {applied.reason}")
                continue
            for change in applied.changes:
                if change.action == "rename table" and change.name:
                    schema.renamed[change.name] = schema.renamed.pop(change.target, change.target)
                elif change.action == "rename column" and change.name and (match := _RENAMED.match(change.name)):
                    key = change.target
                    earlier = schema.renamed_columns.pop((key, match.group("old")), match.group("old"))
                    schema.renamed_columns[(key, match.group("new"))] = earlier
        _sync(schema, state.tables())

    def _where(self, statement: Statement) -> str:
        return f"line {self.line}" if self.line is not None else f"line {statement.line}"


def _sync(schema: Schema, tables: tuple[Table, ...]) -> None:
    """Take the applier's tables, keeping the objects (and places) of those it did not change."""
    after = {t.key: t for t in tables}
    for key in [k for k in schema.tables if k not in after]:
        schema.remove(key)
    for key, table in after.items():
        if schema.tables.get(key) != table:
            schema.put(table)


def _data_statements() -> tuple[type, ...]:
    from sqlglot import exp

    return (exp.Select, exp.Insert, exp.Update, exp.Delete, exp.Merge, exp.Union)


def _first_line(text: str, limit: int = 80) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


__all__ = ["ApplySql", "SqlText"]
