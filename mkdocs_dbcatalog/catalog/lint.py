"""Lint rules: structural and documentation problems found in a catalog, each under a stable name.

Every rule is a pure function of the catalog. Its name is what users write in `mkdocs.yml` to turn
it off or change its severity, what `mkdocs-dbcatalog check` prints and what CI scripts match on,
so a name never changes once released. A finding carries the key path of the place it concerns in
the database's YAML file; the caller turns that into a file and line.
"""

from __future__ import annotations

import difflib
import enum
import fnmatch
import math
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

from .coverage import Coverage, database_coverage
from .model import Catalog, Database, ForeignKey, Index, Origin, Table, TableKind
from .relations import JUNCTION_EXTRA_COLUMNS, is_unique, junction_pair

KeyPath = tuple[str | int, ...]


class Severity(str, enum.Enum):
    """`error` fails `mkdocs-dbcatalog check` and `mkdocs build --strict`; `warning` is only shown."""

    ERROR = "error"
    WARNING = "warning"
    OFF = "off"


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    severity: Severity
    database: str
    message: str
    """One sentence that names the table (and column or index) and says what to do."""
    table: str | None = None
    """Table key (`schema.table` or `table`), for links and JSON output."""
    column: str | None = None
    path: KeyPath = ()
    """Where in the database's YAML file the problem is written, e.g. ('tables', 'orders')."""


@dataclass(frozen=True, slots=True)
class RuleSetting:
    """How one rule is configured: its severity, and the tables it skips."""

    severity: Severity
    exclude: tuple[str, ...] = ()
    """`fnmatch` patterns matched against `table`, `schema.table` and `database/table`."""

    def excludes(self, database: str, table: str | None) -> bool:
        if table is None:
            return False
        names = (table, f"{database}/{table}", table.rpartition(".")[2])
        return any(fnmatch.fnmatchcase(name, pattern) for pattern in self.exclude for name in names)


@dataclass(frozen=True)
class LintSettings:
    """The rules' configuration: anything left out gets the rule's default severity."""

    rules: Mapping[str, RuleSetting] = field(default_factory=dict)
    coverage_threshold: float | None = None
    """Percent of tables and columns that must be described, per database; None: not checked."""

    def setting(self, rule: str) -> RuleSetting:
        return self.rules.get(rule) or RuleSetting(RULES[rule].default)


Problem = tuple[str, str | None, str | None, KeyPath]
"""(message, table key, column, YAML key path), as a rule yields it before severity is applied."""


@dataclass(frozen=True)
class Rule:
    name: str
    default: Severity
    summary: str
    """What the rule finds and why it matters, one line, for `--help`, the README and the health page."""
    check: Callable[[Catalog, Database, LintSettings], Iterator[Problem]]


def _table_path(table: Table, *rest: str | int) -> KeyPath:
    return ("tables", table.key, *rest)


def _structure_known(database: Database, table: Table) -> bool:
    """Whether the catalog knows the table's keys, so that a missing one is a fact and not a gap.

    A live read knows them. A YAML file that only describes a table (`columns: {id: Primary
    key}`) says nothing about its keys; one that writes column types writes its structure out.
    """
    return database.origin is not Origin.YAML or any(c.type for c in table.columns)


def _columns(columns: tuple[str, ...]) -> str:
    return ", ".join(columns)


# --- table-without-primary-key -------------------------------------------------------------------

_KEYED_KINDS = (TableKind.TABLE, TableKind.PARTITIONED)


def _no_primary_key(catalog: Catalog, database: Database, settings: LintSettings) -> Iterator[Problem]:
    for table in database.tables:
        if table.kind in _KEYED_KINDS and table.primary_key is None and _structure_known(database, table):
            yield (
                f"table {table.key} has no primary key: rows cannot be told apart, updated or replicated safely",
                table.key,
                None,
                _table_path(table),
            )


# --- foreign-key-without-index -------------------------------------------------------------------


def _is_btree(index: Index) -> bool:
    return index.method in (None, "btree")


def _leading_columns(table: Table) -> list[tuple[str, ...]]:
    """Column lists whose leading columns an index can search: plain indexes and the keys behind them."""
    found = [i.columns for i in table.indexes if _is_btree(i) and not i.predicate]
    found += [u.columns for u in table.unique_constraints]
    if table.primary_key:
        found.append(table.primary_key.columns)
    return found


def _supported(table: Table, fk: ForeignKey) -> bool:
    wanted = set(fk.columns)
    return any(set(columns[: len(wanted)]) == wanted for columns in _leading_columns(table))


def _fk_without_index(catalog: Catalog, database: Database, settings: LintSettings) -> Iterator[Problem]:
    for table in database.tables:
        if table.kind.is_view or not _structure_known(database, table):
            continue
        for fk in table.foreign_keys:
            if not _supported(table, fk):
                yield (
                    f"foreign key {table.key}({_columns(fk.columns)}) → {fk.target.key} has no index starting with "
                    f"its column(s): each delete or key change in {fk.target.key} scans all of {table.key}; "
                    f"add an index on ({_columns(fk.columns)})",
                    table.key,
                    fk.columns[0],
                    _table_path(table, "columns", fk.columns[0]),
                )


# --- nullable-foreign-key-to-required-parent -----------------------------------------------------


def _required_parent(table: Table, fk: ForeignKey) -> str | None:
    """Why the row cannot exist without its parent, or None when nothing says so."""
    if (fk.on_delete or "").upper() == "CASCADE":
        return "ON DELETE CASCADE deletes them with it"
    if table.primary_key and set(fk.columns) <= set(table.primary_key.columns):
        return "the foreign key is part of the primary key"
    return None


def _nullable_fk_to_required_parent(catalog: Catalog, database: Database, settings: LintSettings) -> Iterator[Problem]:
    for table in database.tables:
        for fk in table.foreign_keys:
            nullable = [name for name in fk.columns if (c := table.column(name)) is not None and c.nullable is True]
            reason = _required_parent(table, fk) if nullable else None
            if reason:
                yield (
                    f"{table.key}.{nullable[0]} may be NULL, but rows of {table.key} belong to their {fk.target.key} "
                    f"row ({reason}): make it NOT NULL",
                    table.key,
                    nullable[0],
                    _table_path(table, "columns", nullable[0]),
                )


# --- redundant-index -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Key:
    """An index, or a key the engine keeps an index for, as far as redundancy is concerned."""

    label: str
    name: str | None
    columns: tuple[str, ...]
    unique: bool
    method: str
    predicate: str | None


def _key_structures(table: Table) -> list[_Key]:
    keys = []
    if table.primary_key:
        keys.append(_Key("the primary key", table.primary_key.name, table.primary_key.columns, True, "btree", None))
    for u in table.unique_constraints:
        label = f"unique constraint {u.name}" if u.name else f"the unique constraint on ({_columns(u.columns)})"
        keys.append(_Key(label, u.name, u.columns, True, "btree", None))
    return keys


def _index_key(index: Index) -> _Key:
    label = f"index {index.name}" if index.name else f"the index on ({_columns(index.columns)})"
    return _Key(label, index.name, index.columns, index.unique, index.method or "btree", index.predicate)


def _covers(other: _Key, index: _Key) -> bool:
    """True when `other` makes `index` unnecessary: it serves every lookup and enforces every rule it does."""
    if other.method != index.method or other.predicate != index.predicate:
        return False
    if index.unique:
        return other.unique and other.columns == index.columns
    if index.method != "btree":
        return other.columns == index.columns
    return other.columns[: len(index.columns)] == index.columns


def _redundant_index(catalog: Catalog, database: Database, settings: LintSettings) -> Iterator[Problem]:
    for table in database.tables:
        indexes = [_index_key(i) for i in table.indexes]
        keys = _key_structures(table)
        for position, index in enumerate(indexes):
            # An index named like a key is the one the engine keeps for it (MySQL and PostgreSQL
            # report those as indexes too): it is that key, not a copy of it.
            others = [k for k in keys if not (index.name and k.name == index.name)]
            others += [
                other
                for j, other in enumerate(indexes)
                if j != position
                # Two identical indexes: only the later one is reported, as a copy of the first.
                and not (other.columns == index.columns and other.unique == index.unique and j > position)
            ]
            cover = next((other for other in others if _covers(other, index)), None)
            if cover is None:
                continue
            same = cover.columns == index.columns
            relation = "duplicates" if same else "is a leading part of"
            yield (
                f"{index.label} on {table.key}({_columns(index.columns)}) {relation} {cover.label}"
                f"{'' if same else ' (' + _columns(cover.columns) + ')'}: drop it, it only slows down writes",
                table.key,
                None,
                _table_path(table, "indexes", position),
            )


# --- table-without-description -------------------------------------------------------------------


def _no_description(catalog: Catalog, database: Database, settings: LintSettings) -> Iterator[Problem]:
    for table in database.tables:
        if not table.text:
            yield (
                f"{table.kind.value} {table.key} has no description: write its purpose in the YAML file "
                "or a comment in the database",
                table.key,
                None,
                _table_path(table),
            )


# --- junction-without-unique-pair ----------------------------------------------------------------


def _junction_candidate(table: Table) -> tuple[ForeignKey, ForeignKey] | None:
    """Two foreign keys and little else: shaped like a junction table, whatever its keys say.

    The same shape `relations.junction_pair` accepts, minus its requirement that the pair be a key,
    which is what this rule checks.
    """
    if len(table.foreign_keys) != 2 or table.kind.is_view:
        return None
    first, second = table.foreign_keys
    pair = set(first.columns) | set(second.columns)
    if len(pair) != len(first.columns) + len(second.columns):
        return None
    pk = set(table.primary_key.columns) if table.primary_key else set()
    if pk and not pk <= pair and len(pk) > 1:
        return None  # a composite key of its own (order_id, line_no): a child table, not a junction
    others = [c for c in table.columns if c.name not in pair and c.name not in pk]
    return (first, second) if len(others) <= JUNCTION_EXTRA_COLUMNS else None


def _junction_without_unique_pair(catalog: Catalog, database: Database, settings: LintSettings) -> Iterator[Problem]:
    for table in database.tables:
        if junction_pair(table) is not None or not _structure_known(database, table):
            continue
        candidate = _junction_candidate(table)
        if candidate is None:
            continue
        first, second = candidate
        columns = first.columns + second.columns
        if is_unique(table, columns):
            continue
        yield (
            f"{table.key} pairs {first.target.key} with {second.target.key}, but nothing stops the same "
            f"({_columns(columns)}) pair from being stored twice: make the pair its primary key or a unique constraint",
            table.key,
            None,
            _table_path(table),
        )


# --- cross-service-reference-missing-target ------------------------------------------------------


def _missing_reference_target(catalog: Catalog, database: Database, settings: LintSettings) -> Iterator[Problem]:
    def hint(name: str, choices: list[str]) -> str:
        close = difflib.get_close_matches(name, choices, n=1)
        return f" (did you mean {close[0]!r}?)" if close else ""

    for i, ref in enumerate(database.references):
        source = f"{ref.source.key}.{ref.source_column}"
        target_text = f"{ref.target_database}/{ref.target.key}.{ref.target_column}"
        path: KeyPath = ("references", i, "to")
        target_db = catalog.find_database(ref.target_database)
        if target_db is None:
            names = [d.name for d in catalog.databases] + [d.service for d in catalog.databases if d.service]
            problem = f"no database or service {ref.target_database!r} in the catalog{hint(ref.target_database, names)}"
        elif not target_db.tables:
            continue  # nothing is known of its structure: nothing to contradict
        elif (target := target_db.table(ref.target.key)) is None:
            keys = [t.key for t in target_db.tables]
            problem = f"{target_db.name} has no table {ref.target.key!r}{hint(ref.target.key, keys)}"
        elif target.columns and target.column(ref.target_column) is None:
            names = [c.name for c in target.columns]
            problem = f"{target_db.name}/{target.key} has no column {ref.target_column!r}"
            problem += hint(ref.target_column, names)
        else:
            continue
        yield f"reference {source} → {target_text}: {problem}", ref.source.key, ref.source_column, path


# --- drift-dropped, drift-added, drift-changed ------------------------------------------------------

DRIFT_RULES = {
    "table": "drift-dropped",
    "column": "drift-dropped",
    "index": "drift-dropped",
    "foreign_key": "drift-dropped",
    "extension": "drift-dropped",
    "added_table": "drift-added",
    "added_column": "drift-added",
    "type": "drift-changed",
    "nullable": "drift-changed",
}
"""The rule of each kind of `Drift` the merge of YAML and live structure reports."""


def _drift_path(kind: str, table: str, name: str | None) -> KeyPath:
    if kind == "extension":
        return ("extensions", name or "")
    if kind in ("table", "added_table"):
        return ("tables", table)
    if kind == "column" and name:
        return ("tables", table, "columns", name)
    if kind in ("type", "nullable") and name:
        return ("tables", table, "columns", name, kind)
    if kind == "index":
        return ("tables", table, "indexes")
    if kind == "foreign_key":
        return ("tables", table, "foreign_keys")
    return ("tables", table, "columns")


def _drift(rule: str) -> Callable[[Catalog, Database, LintSettings], Iterator[Problem]]:
    def check(catalog: Catalog, database: Database, settings: LintSettings) -> Iterator[Problem]:
        for item in database.drift:
            if DRIFT_RULES.get(item.kind, "drift-dropped") == rule:
                table = None if item.table in ("", "—") else item.table
                column = item.name if item.kind in ("column", "added_column", "type", "nullable") else None
                yield item.message, table, column, _drift_path(item.kind, item.table, item.name)

    return check


# --- coverage-below-threshold --------------------------------------------------------------------


def _coverage_below_threshold(catalog: Catalog, database: Database, settings: LintSettings) -> Iterator[Problem]:
    threshold = settings.coverage_threshold
    if threshold is None or not database.tables:
        return
    found: Coverage = database_coverage(database)
    if coverage_percent(found) < threshold:
        yield (
            f"documentation coverage of {database.name} is {_percent(found)} ({found.documented} of {found.total} "
            f"tables and columns described), below the threshold of {threshold:g}%",
            None,
            None,
            ("database",),
        )


def coverage_percent(coverage: Coverage) -> float:
    """Coverage in percent, rounded down to one decimal: 99.96% must not read as 100%."""
    return math.floor(1000 * coverage.ratio) / 10


def _percent(coverage: Coverage) -> str:
    return f"{coverage_percent(coverage):g}%"


RULES: dict[str, Rule] = {
    rule.name: rule
    for rule in (
        Rule(
            "table-without-primary-key",
            Severity.ERROR,
            "A table (not a view) with no primary key.",
            _no_primary_key,
        ),
        Rule(
            "foreign-key-without-index",
            Severity.WARNING,
            "A foreign key whose columns do not lead any index or key, so parent deletes and joins scan the table.",
            _fk_without_index,
        ),
        Rule(
            "nullable-foreign-key-to-required-parent",
            Severity.WARNING,
            "A nullable foreign key column on a row that cannot outlive its parent "
            "(ON DELETE CASCADE, or the key is part of the primary key).",
            _nullable_fk_to_required_parent,
        ),
        Rule(
            "redundant-index",
            Severity.WARNING,
            "An index that duplicates another index or key, or whose columns lead another one.",
            _redundant_index,
        ),
        Rule(
            "table-without-description",
            Severity.WARNING,
            "A table or view with neither a purpose in the YAML file nor a comment in the database.",
            _no_description,
        ),
        Rule(
            "junction-without-unique-pair",
            Severity.ERROR,
            "A table shaped like a many-to-many junction whose pair of foreign keys is not unique.",
            _junction_without_unique_pair,
        ),
        Rule(
            "cross-service-reference-missing-target",
            Severity.ERROR,
            "A cross-service reference to a database, table or column the catalog does not have.",
            _missing_reference_target,
        ),
        Rule(
            "drift-dropped",
            Severity.ERROR,
            "The YAML file describes a table, column, index, foreign key or extension the live database does not have.",
            _drift("drift-dropped"),
        ),
        Rule(
            "drift-added",
            Severity.ERROR,
            "The live database has a table or column that a YAML file which writes out the structure does not list.",
            _drift("drift-added"),
        ),
        Rule(
            "drift-changed",
            Severity.ERROR,
            "A column whose type or nullability in the YAML file differs from the live database.",
            _drift("drift-changed"),
        ),
        Rule(
            "coverage-below-threshold",
            Severity.ERROR,
            "A database whose documentation coverage is below the coverage_threshold option.",
            _coverage_below_threshold,
        ),
    )
}


def lint(catalog: Catalog, settings: LintSettings | None = None) -> list[Finding]:
    """Every finding of every rule that is not off, per database in catalog order, rules in RULES order."""
    settings = settings or LintSettings()
    findings = []
    for database in catalog.databases:
        for rule in RULES.values():
            setting = settings.setting(rule.name)
            if setting.severity is Severity.OFF:
                continue
            for message, table, column, path in rule.check(catalog, database, settings):
                if setting.excludes(database.name, table):
                    continue
                findings.append(Finding(rule.name, setting.severity, database.name, message, table, column, path))
    return findings


__all__ = [
    "DRIFT_RULES",
    "RULES",
    "Finding",
    "LintSettings",
    "Rule",
    "RuleSetting",
    "Severity",
    "coverage_percent",
    "lint",
]
