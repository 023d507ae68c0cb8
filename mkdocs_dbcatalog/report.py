"""`mkdocs-dbcatalog check` output: readable text, JSON for scripts, GitHub workflow annotations.

Pure functions of a health report. File paths are given by the caller, relative to where the
command runs, so that editors, terminals and GitHub (which wants repository-relative paths) can
open them. Every name and message in the text and `github` formats is `printable` (one line,
secrets masked); JSON escapes control characters itself.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone

from .catalog.freshness import age_seconds, read_age
from .catalog.lint import Finding, Severity
from .catalog.model import Catalog, Origin
from .catalog.tags import TagIndex
from .errors import CatalogError, DatabaseError
from .health import DatabaseHealth, Health, Located, count
from .output import printable


@dataclass(frozen=True)
class Scope:
    """What one run of `check` reports on: the databases asked for, and how to print file paths."""

    health: Health
    databases: Sequence[DatabaseHealth]
    findings: Sequence[Located]
    path_of: Callable[[str | None], str]
    """A catalog file (relative to mkdocs.yml) as the reader should see it: relative to the working
    directory. None stands for mkdocs.yml itself (databases given there by URL)."""
    allow_cached: bool = False
    """Cached reads (`on_error: cached`, database unreachable) are accepted: said, but not a failure."""
    now: datetime = field(default_factory=lambda: datetime.now(timezone.utc))

    @property
    def cached(self) -> list[DatabaseHealth]:
        """The databases checked against a cached read because they could not be read now."""
        return [item for item in self.databases if item.database.origin is Origin.CACHED]

    @property
    def errors(self) -> int:
        return count(self.findings, Severity.ERROR)

    @property
    def warnings(self) -> int:
        return count(self.findings, Severity.WARNING)


def _below(scope: Scope, item: DatabaseHealth) -> bool:
    return item.below(scope.health.settings.coverage_threshold)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def text(scope: Scope) -> str:
    """`file:line: severity: message [rule]` per finding (as compilers print), then coverage, then totals."""
    lines = []
    for item in scope.findings:
        place = printable(scope.path_of(item.file)) + (f":{item.line}" if item.line else "")
        message = printable(item.finding.message)
        lines.append(f"{place}: {item.finding.severity.value}: {message} [{item.finding.rule}]")
    if lines:
        lines.append("")
    if scope.cached:
        lines.append("Cached reads (the database could not be read; what it shows may be out of date):")
        lines += [f"  {printable(item.database.name)}  {_age(scope, item)}" for item in scope.cached]
        lines.append("")
    return "\n".join([*lines, *_coverage(scope), "", _summary(scope)]) + "\n"


def _age(scope: Scope, item: DatabaseHealth) -> str:
    return read_age(item.database.read_at, scope.now)


def _coverage(scope: Scope) -> list[str]:
    threshold = scope.health.settings.coverage_threshold
    lines = ["Documentation coverage" + (f" (threshold {threshold:g}%):" if threshold is not None else ":")]
    names = {item.database.name: printable(item.database.name) for item in scope.databases}
    width = max(map(len, names.values()), default=0)
    for item in scope.databases:
        flag = "  below threshold" if _below(scope, item) else ""
        inherited = f" ({item.columns.inherited} inherited)" if item.columns.inherited else ""
        lines.append(
            f"  {names[item.database.name]:<{width}}  {item.percent:5g}%  tables {item.tables.documented}/"
            f"{item.tables.total}, columns {item.columns.documented}/{item.columns.total}{inherited}{flag}"
        )
    return lines


def _summary(scope: Scope) -> str:
    count = _plural(len(scope.databases), "database")
    if scope.cached:
        count += f" ({len(scope.cached)} from a cached read)"
    if scope.findings:
        return f"{_plural(scope.errors, 'error')}, {_plural(scope.warnings, 'warning')} in {count}."
    return f"No problems found in {count}."


def _tags_of(scope: Scope, finding: Finding) -> list[str]:
    """The tags of what a finding is about (its column, else its table, else its database)."""
    database = next((d.database for d in scope.health.databases if d.database.name == finding.database), None)
    if database is None:
        return []
    if finding.table is None:
        return list(database.tags)
    table = database.table(finding.table)
    column = table.column(finding.column) if table is not None and finding.column else None
    return list((column or table).tags) if table is not None else []


def as_json(scope: Scope) -> str:
    """A stable document for scripts: summary, per-database coverage and tags, findings."""
    threshold = scope.health.settings.coverage_threshold
    index = TagIndex(Catalog(tuple(item.database for item in scope.databases)))
    document = {
        "summary": {
            "errors": scope.errors,
            "warnings": scope.warnings,
            "databases": len(scope.databases),
            "cached": len(scope.cached),
        },
        "coverage_threshold": threshold,
        "databases": [
            {
                "name": item.database.name,
                "file": scope.path_of(item.database.source_file),
                "read": _read(scope, item),
                "coverage": {
                    "percent": item.percent,
                    "tables": {"documented": item.tables.documented, "total": item.tables.total},
                    "columns": {
                        "documented": item.columns.documented,
                        "total": item.columns.total,
                        "inherited": item.columns.inherited,
                    },
                    "below_threshold": _below(scope, item),
                },
                "tags": {
                    tag: count
                    for tag in index.tags()
                    for database, count in index.per_database(tag)
                    if database.name == item.database.name
                },
            }
            for item in scope.databases
        ],
        "findings": [
            {
                "rule": item.finding.rule,
                "severity": item.finding.severity.value,
                "database": item.finding.database,
                "table": item.finding.table,
                "column": item.finding.column,
                "message": item.finding.message,
                "tags": _tags_of(scope, item.finding),
                "file": scope.path_of(item.file),
                "line": item.line,
            }
            for item in scope.findings
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _read(scope: Scope, item: DatabaseHealth) -> dict[str, object]:
    """Where the structure checked came from, and when it was read (`cached`: the database was unreachable)."""
    read_at = item.database.read_at
    return {
        "origin": item.database.origin.value,
        "read_at": read_at.isoformat() if read_at else None,
        "age_seconds": age_seconds(read_at, scope.now) if read_at else None,
    }


def _escape_data(value: str) -> str:
    """GitHub's own encoding of a workflow command's text, on top of `printable` (which leaves no line break)."""
    return printable(value).replace("%", "%25")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(scope: Scope) -> str:
    """Workflow commands (`::error file=...,line=...,title=...::message`) that GitHub shows on the diff."""
    lines = []
    for item in scope.findings:
        properties = [f"file={_escape_property(scope.path_of(item.file))}"]
        if item.line:
            properties.append(f"line={item.line}")
        properties.append(f"title={_escape_property(item.finding.rule)}")
        lines.append(f"::{item.finding.severity.value} {','.join(properties)}::{_escape_data(item.finding.message)}")
    for cached in scope.cached:
        level = "warning" if scope.allow_cached else "error"
        file = _escape_property(scope.path_of(cached.database.source_file))
        message = (
            f"database {cached.database.name} could not be read: checked against its last good read, "
            f"{_age(scope, cached)}"
        )
        lines.append(f"::{level} file={file},title=cached-read::{_escape_data(message)}")
    return "\n".join([*lines, *_coverage(scope), _summary(scope)]) + "\n"


FORMATS: dict[str, Callable[[Scope], str]] = {"text": text, "json": as_json, "github": github}


def _error_file(problem: CatalogError, path_of: Callable[[str | None], str] | None) -> str | None:
    """The file an error points at (a catalog file), as the reader opens it; None for a database."""
    if isinstance(problem, DatabaseError) or not problem.where or problem.line is None:
        return None
    return path_of(problem.where) if path_of else problem.where


def error_json(problem: CatalogError, path_of: Callable[[str | None], str] | None = None) -> str:
    """The document `check --format json` prints when nothing could be checked: a database or file unreadable."""
    document = {
        "error": {
            "message": str(problem),
            "database": problem.database if isinstance(problem, DatabaseError) else None,
            "file": _error_file(problem, path_of),
            "line": problem.line,
        }
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def error_github(problem: CatalogError, path_of: Callable[[str | None], str] | None = None) -> str:
    """A workflow error annotation for the same case, at the file and line when there is one."""
    properties = ["title=dbcatalog"]
    file = _error_file(problem, path_of)
    if file:
        properties[:0] = [f"file={_escape_property(file)}", f"line={problem.line}"]
    return f"::error {','.join(properties)}::{_escape_data(str(problem))}\n"


ERRORS: dict[str, Callable[[CatalogError, Callable[[str | None], str] | None], str]] = {
    "json": error_json,
    "github": error_github,
}

__all__ = ["ERRORS", "FORMATS", "Scope", "as_json", "error_github", "error_json", "github", "text"]
