"""Lint rules: structural and documentation problems found in a catalog, each under a stable name.

Every rule is a pure function of the catalog. Its name is what users write in `mkdocs.yml` to turn
it off or change its severity, what `mkdocs-dbcatalog check` prints and what CI scripts match on,
so a name never changes once released.
"""

from __future__ import annotations

from ..model import Catalog
from .base import Finding, KeyPath, LintSettings, Rule, RuleOption, RuleSetting, Severity
from .declarations import relation_missing_column, viewpoint_pattern_unmatched
from .documentation import coverage_below_threshold, coverage_percent, missing_reference_target, no_description
from .drift import DRIFT_RULES, drift
from .governance import (
    COUNT_OPTIONS,
    NAMING_OPTIONS,
    PII_OPTIONS,
    REQUIRED_OPTIONS,
    column_count_max,
    naming_convention,
    pii_untagged,
    required_columns,
    table_without_owner,
    unrelated_table,
)
from .keys import (
    fk_without_index,
    junction_without_unique_pair,
    no_primary_key,
    nullable_fk_to_required_parent,
    redundant_index,
)
from .migrations import checksum_mismatch, failed, missing_file, multiple_heads
from .schema_files import incomplete_tables, skipped_statements

RULES: dict[str, Rule] = {
    rule.name: rule
    for rule in (
        Rule(
            "table-without-primary-key",
            Severity.ERROR,
            "A table (not a view) with no primary key; a warning where a unique key on NOT NULL columns tells "
            "its rows apart.",
            no_primary_key,
        ),
        Rule(
            "foreign-key-without-index",
            Severity.WARNING,
            "A foreign key whose columns do not lead any index or key (a partial index that only requires them "
            "NOT NULL counts; on a partitioned table, every partition's), so parent deletes and joins scan the table.",
            fk_without_index,
        ),
        Rule(
            "nullable-foreign-key-to-required-parent",
            Severity.WARNING,
            "A nullable foreign key column that is part of the primary key; not for self-references (a tree's "
            "roots) or columns a check constraint involves.",
            nullable_fk_to_required_parent,
        ),
        Rule(
            "redundant-index",
            Severity.WARNING,
            "An index that duplicates another index or key, or whose columns lead another one, with the same "
            "method, predicate, operator classes, collations and sort order, and storing its INCLUDE columns.",
            redundant_index,
        ),
        Rule(
            "table-without-description",
            Severity.WARNING,
            "A table or view with neither a purpose in the YAML file nor a comment in the database.",
            no_description,
        ),
        Rule(
            "junction-without-unique-pair",
            Severity.ERROR,
            "A table shaped like a many-to-many junction whose pair of foreign keys is not unique.",
            junction_without_unique_pair,
        ),
        Rule(
            "cross-service-reference-missing-target",
            Severity.ERROR,
            "A cross-service reference to a database, table or column the catalog does not have.",
            missing_reference_target,
        ),
        Rule(
            "relation-missing-column",
            Severity.ERROR,
            "A relation declared in YAML (`relations`) between tables or columns the database does not have.",
            relation_missing_column,
        ),
        Rule(
            "viewpoint-pattern-unmatched",
            Severity.WARNING,
            "A viewpoint's table name or pattern that matches no table.",
            viewpoint_pattern_unmatched,
        ),
        Rule(
            "drift-dropped",
            Severity.ERROR,
            "The YAML file describes a table, column, index, foreign key or extension the live database does not have.",
            drift("drift-dropped"),
        ),
        Rule(
            "drift-added",
            Severity.WARNING,
            "The live database has a table or column that a YAML file which writes out the structure does not list.",
            drift("drift-added"),
        ),
        Rule(
            "drift-changed",
            Severity.ERROR,
            "A column whose type or nullability in the YAML file differs from the live database.",
            drift("drift-changed"),
        ),
        Rule(
            "models-drift",
            Severity.WARNING,
            "The application's models (`models:`) and the database disagree on a table, column, type, "
            "nullability, index or foreign key.",
            drift("models-drift"),
        ),
        Rule(
            "migration-failed",
            Severity.ERROR,
            "A migration the bookkeeping table records as failed or dirty (Flyway, Prisma, golang-migrate, Liquibase).",
            failed,
        ),
        Rule(
            "migration-multiple-heads",
            Severity.WARNING,
            "An Alembic history, or one Django app, with more than one head: branches that were never merged.",
            multiple_heads,
        ),
        Rule(
            "migration-missing-file",
            Severity.WARNING,
            "A migration the database has applied but no migration file defines.",
            missing_file,
        ),
        Rule(
            "migration-checksum-mismatch",
            Severity.WARNING,
            "A migration file edited after it was applied (Flyway and Prisma checksums).",
            checksum_mismatch,
        ),
        Rule(
            "schema-file-statement-skipped",
            Severity.WARNING,
            "Statements of a schema file (connection.ddl) that could not be parsed or applied, per file.",
            skipped_statements,
        ),
        Rule(
            "schema-file-table-incomplete",
            Severity.WARNING,
            "A table whose CREATE in a schema file could only be read in part (what was left out is said).",
            incomplete_tables,
        ),
        Rule(
            "coverage-below-threshold",
            Severity.ERROR,
            "A database whose documentation coverage is below the coverage_threshold option.",
            coverage_below_threshold,
        ),
        Rule(
            "pii-untagged",
            Severity.OFF,
            "A column whose name looks like personal data (email, phone, birth date, address...) with no pii tag.",
            pii_untagged,
            PII_OPTIONS,
        ),
        Rule(
            "required-columns",
            Severity.OFF,
            "A table that lacks a column every table must have (the rule's columns, such as created_at).",
            required_columns,
            REQUIRED_OPTIONS,
        ),
        Rule(
            "column-count-max",
            Severity.OFF,
            "A table with more columns than the rule's max (50 by default).",
            column_count_max,
            COUNT_OPTIONS,
        ),
        Rule(
            "unrelated-table",
            Severity.OFF,
            "A table with no foreign key or cross-service reference in or out.",
            unrelated_table,
        ),
        Rule(
            "naming-convention",
            Severity.OFF,
            "A table, view, column, index, foreign key, constraint or trigger name that does not match its "
            "regular expression (tables, views and columns: snake_case by default).",
            naming_convention,
            NAMING_OPTIONS,
        ),
        Rule(
            "table-without-owner",
            Severity.OFF,
            "A table or view with no owner, of its own or through its database.",
            table_without_owner,
        ),
    )
}


def lint(catalog: Catalog, settings: LintSettings | None = None) -> list[Finding]:
    """Every finding of every rule that is not off, per database in catalog order, rules in RULES order."""
    settings = settings or LintSettings()
    findings = []
    for database in catalog.databases:
        for rule in RULES.values():
            setting = settings.setting(rule)
            if setting.severity is Severity.OFF:
                continue
            for problem in rule.check(catalog, database, settings):
                message, table, column, path = problem[:4]
                if setting.excludes(database.name, table, column):
                    continue
                severity: Severity = setting.severity
                if len(problem) > 4 and severity is Severity.ERROR:
                    severity = problem[4]
                findings.append(Finding(rule.name, severity, database.name, message, table, column, path))
    return findings


__all__ = [
    "DRIFT_RULES",
    "RULES",
    "Finding",
    "KeyPath",
    "LintSettings",
    "Rule",
    "RuleOption",
    "RuleSetting",
    "Severity",
    "coverage_percent",
    "lint",
]
