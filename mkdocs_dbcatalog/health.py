"""The catalog's health: lint findings placed at their file and line, and coverage per database.

One report serves the three places findings appear: build log lines (plugin), the "Catalog health"
page (templates) and `mkdocs-dbcatalog check` (CLI), so the three cannot disagree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .catalog.coverage import Coverage, columns_described, database_coverage, tables_described
from .catalog.lint import RULES, Finding, KeyPath, LintSettings, Severity, coverage_percent, lint
from .catalog.model import Catalog, Database
from .sources.yamlfile import YamlDatabase


@dataclass(frozen=True)
class Located:
    """A finding and where a reader goes to fix it."""

    finding: Finding
    file: str | None
    """The database's YAML file, relative to mkdocs.yml's folder; None for a database given in mkdocs.yml."""
    line: int | None

    @property
    def where(self) -> str:
        if self.file is None:
            return f"mkdocs.yml (database {self.finding.database})"
        return f"{self.file}:{self.line}" if self.line else self.file

    def __str__(self) -> str:
        return f"{self.where}: {self.finding.message} [{self.finding.rule}]"


def count(findings: Iterable[Located], severity: Severity) -> int:
    return sum(1 for f in findings if f.finding.severity is severity)


@dataclass(frozen=True)
class DatabaseHealth:
    database: Database
    tables: Coverage
    columns: Coverage
    overall: Coverage
    """Tables and columns together: what `coverage_threshold` is compared with."""

    @property
    def percent(self) -> float:
        return coverage_percent(self.overall)

    def below(self, threshold: float | None) -> bool:
        return threshold is not None and bool(self.database.tables) and self.percent < threshold


@dataclass(frozen=True)
class Health:
    findings: tuple[Located, ...]
    databases: tuple[DatabaseHealth, ...]
    settings: LintSettings

    @property
    def errors(self) -> int:
        return count(self.findings, Severity.ERROR)

    @property
    def warnings(self) -> int:
        return count(self.findings, Severity.WARNING)

    def of(self, database: Database | str) -> list[Located]:
        name = database if isinstance(database, str) else database.name
        return [f for f in self.findings if f.finding.database == name]

    def rules(self) -> list[tuple[str, Severity, str]]:
        """Every rule with its configured severity and summary, for the page's legend."""
        return [(name, self.settings.setting(rule).severity, rule.summary) for name, rule in RULES.items()]


def review(catalog: Catalog, described: Iterable[YamlDatabase], settings: LintSettings) -> Health:
    """Lint the catalog and place each finding in its database's YAML file."""
    files = {item.database.name: item for item in described}
    located = [_locate(finding, files.get(finding.database)) for finding in lint(catalog, settings)]
    order = {d.name: i for i, d in enumerate(catalog.databases)}
    rules = {name: i for i, name in enumerate(RULES)}
    # Per database, in file order, as a reader goes through the file fixing them.
    located.sort(key=lambda f: (order[f.finding.database], f.line or 0, rules[f.finding.rule]))
    databases = tuple(
        DatabaseHealth(d, tables_described(d), columns_described(d), database_coverage(d)) for d in catalog.databases
    )
    return Health(tuple(located), databases, settings)


def _locate(finding: Finding, item: YamlDatabase | None) -> Located:
    if item is None:
        return Located(finding, None, None)
    return Located(finding, item.file, line_of(item, finding.path))


def line_of(item: YamlDatabase, path: KeyPath) -> int | None:
    """The line of `path` (its key's line: `orders:`), or of the nearest entry above it that is
    specific to the finding.

    A table the YAML file does not mention (read live) falls back to the `database:` line rather
    than to the unrelated `tables:` line.
    """
    floor = min(2, len(path)) if path[:1] in (("tables",), ("references",)) else 1
    for n in range(len(path), floor - 1, -1):
        line = item.key_lines.get(path[:n]) or item.lines.get(path[:n])
        if line is not None:
            return line
    return item.key_lines.get(("database",)) or item.lines.get(("database",))


__all__ = ["DatabaseHealth", "Health", "Located", "line_of", "review"]
