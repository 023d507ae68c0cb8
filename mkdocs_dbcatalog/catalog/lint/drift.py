"""Drift between a YAML file and the live database, as the merge found it, as lint findings."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..model import Catalog, Database
from .base import KeyPath, LintSettings, Problem

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

MODELS_RULE = "models-drift"
MODELS_PREFIX = "models_"
"""Drift between the application's models and the database: its kinds are `models_<kind>`, one rule."""


def rule_of(kind: str) -> str:
    return MODELS_RULE if kind.startswith(MODELS_PREFIX) else DRIFT_RULES.get(kind, "drift-dropped")


def _drift_path(kind: str, table: str, name: str | None) -> KeyPath:
    if kind.startswith(MODELS_PREFIX):
        return ("models",)
    if kind == "extension":
        return ("extensions", name or "")
    if kind == "table":
        return ("tables", table)
    if kind == "added_table":
        return ("tables",)
    if kind == "column" and name:
        return ("tables", table, "columns", name)
    if kind in ("type", "nullable") and name:
        return ("tables", table, "columns", name, kind)
    if kind == "index":
        return ("tables", table, "indexes")
    if kind == "foreign_key":
        return ("tables", table, "foreign_keys")
    return ("tables", table, "columns")


def drift(rule: str) -> Callable[[Catalog, Database, LintSettings], Iterator[Problem]]:
    def check(catalog: Catalog, database: Database, settings: LintSettings) -> Iterator[Problem]:
        for item in database.drift:
            if rule_of(item.kind) == rule:
                table = None if item.table in ("", "—") else item.table
                kind = item.kind.removeprefix(MODELS_PREFIX)
                column = item.name if kind in ("column", "added_column", "type", "nullable") else None
                yield item.message, table, column, _drift_path(item.kind, item.table, item.name)

    return check


