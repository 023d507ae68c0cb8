"""Governance rules, all opt-in: personal data left untagged, required columns, table width, tables
related to nothing, naming conventions, tables nobody owns.

Each rule's own options (patterns, columns, limits) are parsed here, so `mkdocs.yml` errors name the
rule and the option; a finding on a column can be excluded as `table.column` (`*.email_verified`).
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterator

from ..model import Catalog, Database, Table, TableKind
from ..tags import is_pii
from .base import LintSettings, Problem, RuleOption, structure_known, table_path

# --- option parsers ------------------------------------------------------------------------------


def _names(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError("expected a list of names or patterns")
    return tuple(v.strip() for v in value)


def _regexes(value: object) -> tuple[re.Pattern[str], ...]:
    found = []
    for text in _names(value):
        try:
            found.append(re.compile(text, re.IGNORECASE))
        except re.error as problem:
            raise ValueError(f"{text!r} is not a regular expression ({problem})") from None
    return tuple(found)


def _regex(value: object) -> re.Pattern[str]:
    if not isinstance(value, str):
        raise ValueError("expected a regular expression")
    try:
        return re.compile(value)
    except re.error as problem:
        raise ValueError(f"{value!r} is not a regular expression ({problem})") from None


def _positive(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError("expected a whole number of at least 1")
    return value


# --- pii-untagged --------------------------------------------------------------------------------

PII_PATTERNS = (
    r"e_?mail",
    r"phone",
    r"mobile",
    r"(^|_)ssn($|_)",
    r"social_?security",
    r"birth",
    r"(^|_)dob($|_)",
    r"address",
    r"ip_?addr",
    r"(first|last|given|family|full|sur)_?name",
    r"passport",
    r"national_?id",
    r"tax_?id",
    r"iban",
)
"""Column names that usually hold personal data, searched case-insensitively (`EmailAddress` too)."""

PII_OPTIONS = {
    "patterns": RuleOption(_regexes, "regular expressions searched in column names (case-insensitive)"),
}


def pii_untagged(catalog: Catalog, database: Database, settings: LintSettings) -> Iterator[Problem]:
    patterns = settings.option("pii-untagged", "patterns", None) or tuple(re.compile(p, re.I) for p in PII_PATTERNS)
    for table in database.tables:
        for column in table.columns:
            if is_pii(column.tags):
                continue
            found = next((p for p in patterns if p.search(column.name)), None)
            if found is not None:
                yield (
                    f"column {table.key}.{column.name} looks like personal data (its name matches "
                    f"{found.pattern!r}) but has no pii tag: tag it pii or pii:<kind>, or exclude "
                    f"{table.key}.{column.name}",
                    table.key,
                    column.name,
                    table_path(table, "columns", column.name),
                )


# --- required-columns ----------------------------------------------------------------------------

REQUIRED_OPTIONS = {
    "columns": RuleOption(_names, "column name patterns each table must have one of (fnmatch)", required=True),
}


def _is_table(table: Table) -> bool:
    return not table.kind.is_view


def required_columns(catalog: Catalog, database: Database, settings: LintSettings) -> Iterator[Problem]:
    wanted: tuple[str, ...] = settings.option("required-columns", "columns", ())
    for table in database.tables:
        if not _is_table(table) or not table.columns or not structure_known(database, table):
            continue
        missing = [p for p in wanted if not any(fnmatch.fnmatchcase(c.name, p) for c in table.columns)]
        if missing:
            yield (
                f"table {table.key} has no column {' and no column '.join(missing)}, which every table must have",
                table.key,
                None,
                table_path(table),
            )


# --- column-count-max ----------------------------------------------------------------------------

COLUMN_COUNT_MAX = 50
COUNT_OPTIONS = {"max": RuleOption(_positive, f"most columns a table may have (default {COLUMN_COUNT_MAX})")}


def column_count_max(catalog: Catalog, database: Database, settings: LintSettings) -> Iterator[Problem]:
    limit: int = settings.option("column-count-max", "max", COLUMN_COUNT_MAX)
    for table in database.tables:
        if _is_table(table) and len(table.columns) > limit:
            yield (
                f"table {table.key} has {len(table.columns)} columns, more than {limit}: consider splitting it",
                table.key,
                None,
                table_path(table),
            )


# --- unrelated-table -----------------------------------------------------------------------------


def _related(catalog: Catalog, database: Database) -> set[str]:
    """Keys of the tables with a foreign key or cross-service reference in or out."""
    related: set[str] = set()
    for table in database.tables:
        for fk in table.foreign_keys:
            related.update((table.key, fk.target.key))
    related.update(ref.source.key for ref in database.references)
    for other in catalog.databases:
        for ref in other.references:
            if catalog.find_database(ref.target_database) is database:
                related.add(ref.target.key)
    return related


def unrelated_table(catalog: Catalog, database: Database, settings: LintSettings) -> Iterator[Problem]:
    related = _related(catalog, database)
    for table in database.tables:
        if _is_table(table) and table.key not in related and structure_known(database, table):
            yield (
                f"table {table.key} has no foreign key or reference in or out: declare how it relates to the "
                "rest (a foreign key, a relation, a cross-service reference), or exclude it",
                table.key,
                None,
                table_path(table),
            )


# --- naming-convention ---------------------------------------------------------------------------

SNAKE_CASE = r"[a-z][a-z0-9_]*"
NAMING_KINDS = ("tables", "views", "columns", "indexes", "foreign_keys", "constraints", "triggers")
NAMING_DEFAULTS = {"tables": SNAKE_CASE, "views": SNAKE_CASE, "columns": SNAKE_CASE}
_ONE = {"indexes": "index", "foreign_keys": "foreign key", "constraints": "constraint", "triggers": "trigger"}
NAMING_OPTIONS = {
    kind: RuleOption(_regex, f"regular expression every name of the {kind.replace('_', ' ')} must match in full")
    for kind in NAMING_KINDS
}


def _convention(settings: LintSettings, kind: str) -> re.Pattern[str] | None:
    configured = settings.option("naming-convention", kind, None)
    if configured is not None:
        return configured  # type: ignore[no-any-return]
    return re.compile(NAMING_DEFAULTS[kind]) if kind in NAMING_DEFAULTS else None


def naming_convention(catalog: Catalog, database: Database, settings: LintSettings) -> Iterator[Problem]:
    rules = {kind: _convention(settings, kind) for kind in NAMING_KINDS}

    def bad(kind: str, name: str | None) -> str | None:
        rule = rules[kind]
        if name is None or rule is None or rule.fullmatch(name):
            return None
        return f"does not match the naming convention for {kind.replace('_', ' ')} ({rule.pattern})"

    for table in database.tables:
        kind = "views" if table.kind in (TableKind.VIEW, TableKind.MATERIALIZED_VIEW) else "tables"
        if problem := bad(kind, table.name):
            yield f"{table.kind.value} {table.key} {problem}", table.key, None, table_path(table)
        for column in table.columns:
            if problem := bad("columns", column.name):
                yield (
                    f"column {table.key}.{column.name} {problem}",
                    table.key,
                    column.name,
                    table_path(table, "columns", column.name),
                )
        named = [
            *(("indexes", i.name, ("indexes",)) for i in table.indexes),
            *(("foreign_keys", fk.name, ("foreign_keys",)) for fk in table.foreign_keys),
            *(("constraints", u.name, ("unique",)) for u in table.unique_constraints),
            *(("constraints", c.name, ("checks",)) for c in table.check_constraints),
            *(("triggers", t.name, ("triggers",)) for t in table.triggers),
        ]
        for kind, name, where in named:
            if problem := bad(kind, name):
                yield f"{_ONE[kind]} {name} on {table.key} {problem}", table.key, None, table_path(table, *where)


# --- table-without-owner -------------------------------------------------------------------------


def table_without_owner(catalog: Catalog, database: Database, settings: LintSettings) -> Iterator[Problem]:
    if database.owner is not None:
        return
    for table in database.tables:
        if table.owner is None:
            yield (
                f"{table.kind.value} {table.key} has no owner: set owner on it, or on the database {database.name}",
                table.key,
                None,
                table_path(table),
            )


__all__ = [
    "COUNT_OPTIONS",
    "NAMING_OPTIONS",
    "PII_OPTIONS",
    "PII_PATTERNS",
    "REQUIRED_OPTIONS",
    "column_count_max",
    "naming_convention",
    "pii_untagged",
    "required_columns",
    "table_without_owner",
    "unrelated_table",
]
