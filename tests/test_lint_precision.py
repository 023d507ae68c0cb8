"""Each structural lint rule's precision on real schemas (issue 9, item 33).

Every finding on Pagila, Sakila, Chinook (three engines) and a real application's PostgreSQL schema
(Wagtail's, tests/data/real_schemas/wagtail) was checked by hand once, against the schema, and is
pinned in tests/data/lint_precision/<schema>.txt with the reason it is right. A new finding (a false
positive until someone checks it) or a lost one fails here. After a deliberate rule change, rewrite the
files with `UPDATE_PINNED=1` and check every changed line by hand before committing it.

`table-without-description` is left out: on these undocumented schemas it is true of every table.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mkdocs_dbcatalog.catalog.lint import lint
from mkdocs_dbcatalog.catalog.model import Catalog
from mkdocs_dbcatalog.sources.live import read_database

from .livedata import dataset, load_mariadb, load_pg, sqlite_file

PINNED = Path(__file__).parent / "data" / "lint_precision"
WAGTAIL = Path(__file__).parent / "data" / "real_schemas" / "wagtail" / "schema.sql"
_LEFT_OUT = {"table-without-description"}

SCHEMAS = {
    "pagila-postgresql": ("pg", "pagila/pagila-schema.sql"),
    "sakila-postgresql": ("pg", "sakila/postgres-sakila-schema.sql"),
    "chinook-postgresql": ("pg", "chinook/Chinook_PostgreSql.sql"),
    "wagtail-postgresql": ("pg", None),
    "sakila-mariadb": ("mariadb", "sakila/mysql-sakila-schema.sql"),
    "chinook-mariadb": ("mariadb", "chinook/Chinook_MySql.sql"),
    "sakila-sqlite": ("sqlite", "sakila/sqlite-sakila-schema.sql"),
    "chinook-sqlite": ("sqlite", None),
}
MARKS = {"pg": [pytest.mark.postgres], "mariadb": [pytest.mark.mariadb], "sqlite": []}


def _url(name: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    engine, script = SCHEMAS[name]
    if engine == "sqlite":
        source = {"script": script} if script else {"copy": "chinook/Chinook_Sqlite.sqlite"}
        return f"sqlite:///{sqlite_file(tmp_path, **source)}"
    url: str = request.getfixturevalue("pg_url" if engine == "pg" else "mariadb_url")
    path = dataset(script, tmp_path) if script else WAGTAIL
    (load_pg if engine == "pg" else load_mariadb)(url, path)
    return url


def _lines(name: str, url: str) -> list[str]:
    database = read_database(name.split("-")[0], url)
    findings = [f for f in lint(Catalog((database,))) if f.rule not in _LEFT_OUT]
    return sorted(f"{f.rule} | {f.severity.value} | {f.message}" for f in findings)


def _pinned(path: Path) -> tuple[list[str], dict[str, str]]:
    """The pinned findings, and the reason written under each (`  why: ...`)."""
    findings: list[str] = []
    reasons: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("  why: ") and findings:
            reasons[findings[-1]] = line[len("  why: ") :]
        elif line.strip() and not line.startswith("#"):
            findings.append(line)
    return sorted(findings), reasons


@pytest.mark.parametrize("name", [pytest.param(n, marks=MARKS[SCHEMAS[n][0]]) for n in SCHEMAS])
def test_every_finding_on_a_real_schema_is_one_checked_by_hand(
    name: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    found = _lines(name, _url(name, request, tmp_path))
    path = PINNED / f"{name}.txt"
    if os.environ.get("UPDATE_PINNED"):
        _, reasons = _pinned(path) if path.exists() else ([], {})
        body = "".join(f"{line}\n  why: {reasons.get(line, 'UNCHECKED')}\n" for line in found)
        path.write_text(f"# Lint findings on {name}, each checked by hand (see test_lint_precision.py).\n{body}")
    pinned, reasons = _pinned(path)
    assert found == pinned, "a finding appeared or went away: check it by hand, then pin it (UPDATE_PINNED=1)"
    unchecked = [line for line in pinned if reasons.get(line, "UNCHECKED") == "UNCHECKED"]
    assert not unchecked, f"pinned but never checked by hand: {unchecked}"
