"""What every lint rule shares: severities, findings, settings, and the shape of a rule.

A finding carries the key path of the place it concerns in the database's YAML file; the caller
turns that into a file and line.
"""

from __future__ import annotations

import enum
import fnmatch
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..changes import Analysis
from ..model import Catalog, Database, Origin, Table

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
    """How one rule is configured: its severity, the tables (or columns) it skips, its own options."""

    severity: Severity
    exclude: tuple[str, ...] = ()
    """`fnmatch` patterns matched against `table`, `schema.table` and `database/table`, and for a
    finding on a column also against those followed by `.column` (`*.email_verified`)."""
    options: Mapping[str, Any] = field(default_factory=dict)
    """The rule's own settings (`patterns`, `columns`, `max`...), parsed by its `Rule.options`."""

    def excludes(self, database: str, table: str | None, column: str | None = None) -> bool:
        if table is None:
            return False
        names = [table, f"{database}/{table}", table.rpartition(".")[2]]
        if column is not None:
            names += [f"{name}.{column}" for name in names]
        return any(fnmatch.fnmatchcase(name, pattern) for pattern in self.exclude for name in names)


@dataclass(frozen=True)
class LintSettings:
    """The rules' configuration: anything left out gets the rule's default severity."""

    rules: Mapping[str, RuleSetting] = field(default_factory=dict)
    coverage_threshold: float | None = None
    """Percent of tables and columns that must be described, per database; None: not checked."""

    def setting(self, rule: Rule) -> RuleSetting:
        return self.rules.get(rule.name) or RuleSetting(rule.default)

    def option(self, rule: str, key: str, default: Any) -> Any:
        """A rule's own option as configured, else `default`."""
        setting = self.rules.get(rule)
        return setting.options.get(key, default) if setting is not None else default


Problem = tuple[str, str | None, str | None, KeyPath] | tuple[str, str | None, str | None, KeyPath, Severity]
"""(message, table key, column, YAML key path), as a rule yields it before severity is applied; a fifth
item caps the severity of that one finding (a milder case of the rule), never raising the configured one."""


@dataclass(frozen=True)
class Rule:
    name: str
    default: Severity
    summary: str
    """What the rule finds and why it matters, one line, for `--help`, the README and the health page."""
    check: Callable[[Catalog, Database, LintSettings], Iterator[Problem]]
    options: Mapping[str, RuleOption] = field(default_factory=dict)
    """Settings of the rule's own, besides `severity` and `exclude`, by name."""

    @property
    def enabled_severity(self) -> Severity:
        """The severity a rule gets when turned on without one (`on`, or options only): opt-in rules warn."""
        return Severity.WARNING if self.default is Severity.OFF else self.default


@dataclass(frozen=True)
class RuleOption:
    """One option of a rule: how to read it from `mkdocs.yml` (raising ValueError with the reason)."""

    parse: Callable[[object], Any]
    meaning: str
    required: bool = False
    """The rule cannot do anything without it (`required-columns` needs `columns`)."""


def table_path(table: Table, *rest: str | int) -> KeyPath:
    return ("tables", table.key, *rest)


def structure_known(database: Database, table: Table) -> bool:
    """Whether the catalog knows the table's keys, so that a missing one is a fact and not a gap.

    A live read knows them. A YAML file that only describes a table (`columns: {id: Primary
    key}`) says nothing about its keys; one that writes column types writes its structure out. A
    structure derived from migrations knows them only when every migration could be read.
    """
    if database.origin is Origin.MIGRATIONS:
        history = database.migrations
        return history is not None and all(m.analysis in (None, Analysis.ANALYSED) for m in history.migrations)
    return database.origin is not Origin.YAML or any(c.type for c in table.columns)


def columns_text(columns: tuple[str, ...]) -> str:
    return ", ".join(columns)



__all__ = ["Finding", "KeyPath", "LintSettings", "Problem", "Rule", "RuleOption", "RuleSetting", "Severity",
           "columns_text", "structure_known", "table_path"]
