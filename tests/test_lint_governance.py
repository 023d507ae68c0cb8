"""The opt-in governance rules: what each finds with its options as written in mkdocs.yml, what its
`exclude` leaves out, and the clear errors for options it cannot use."""

from __future__ import annotations

import pytest
from mkdocs.config.base import ValidationError

from mkdocs_dbcatalog.catalog.lint import RULES, LintSettings, Severity, lint
from mkdocs_dbcatalog.catalog.model import (
    Catalog,
    Column,
    CrossReference,
    Database,
    ForeignKey,
    Index,
    Owner,
    PrimaryKey,
    Table,
    TableKind,
    TableRef,
)
from mkdocs_dbcatalog.config import LintRules

GOVERNANCE = ("pii-untagged", "required-columns", "column-count-max", "unrelated-table", "naming-convention",
              "table-without-owner")


def columns(*names: str, tags: dict[str, tuple[str, ...]] | None = None) -> tuple[Column, ...]:
    return tuple(Column(n, "bigint", False, description="x", tags=(tags or {}).get(n, ())) for n in names)


def keyed(name: str, *names: str, **kw: object) -> Table:
    return Table(name, columns=columns("id", *names, **kw.pop("col_kw", {})), primary_key=PrimaryKey(("id",)),  # type: ignore[arg-type]
                 purpose="x", **kw)  # type: ignore[arg-type]


USERS = keyed(
    "users", "email", "email_verified", "phone_number", "EmailAddress", "created_at",
    col_kw={"tags": {"email": ("pii", "pii:email"), "phone_number": ("PII:phone",)}},
)
ORDERS = keyed(
    "Orders", "user_id", "created_at",
    foreign_keys=(ForeignKey(("user_id",), TableRef("users"), ("id",), name="FK_orders_users"),),
    indexes=(Index(("user_id",), name="IX_Orders_User"),),
    owner=Owner("team-orders"),
)
LONELY = keyed("lonely", "created_at")
WIDE = keyed("wide", *(f"c{i}" for i in range(50)), "created_at")  # 52 columns
AUDIT = keyed("audit_log")  # referenced from another service: related
VIEW = Table("open_orders", kind=TableKind.VIEW, columns=columns("id"), purpose="x")
CATALOG = Catalog(
    (
        Database("app", tables=(USERS, ORDERS, LONELY, WIDE, AUDIT, VIEW)),
        Database(
            "ops",
            owner=Owner("team-ops"),
            tables=(keyed("runs", "app_audit_id"),),
            references=(CrossReference(TableRef("runs"), "app_audit_id", "app", TableRef("audit_log"), "id"),),
        ),
    )
)


def configured(**rules: object) -> LintSettings:
    return LintSettings(LintRules().validate(rules))


def found(settings: LintSettings, rule: str) -> list[tuple[str, str | None, str | None]]:
    return [(f.database, f.table, f.column) for f in lint(CATALOG, settings) if f.rule == rule]


def test_governance_rules_are_off_until_turned_on() -> None:
    assert all(RULES[name].default is Severity.OFF for name in GOVERNANCE)
    assert not [f for f in lint(CATALOG) if f.rule in GOVERNANCE]
    settings = configured(**{name: True for name in GOVERNANCE if name != "required-columns"})
    assert {f.severity for f in lint(CATALOG, settings) if f.rule in GOVERNANCE} == {Severity.WARNING}


def test_pii_untagged_finds_personal_data_names_and_lets_look_alikes_be_excluded() -> None:
    assert found(configured(**{"pii-untagged": "error"}), "pii-untagged") == [
        ("app", "users", "email_verified"),
        ("app", "users", "EmailAddress"),  # case does not hide it
    ]  # email and PII:phone are tagged; user_id, created_at are not personal data by name
    settings = configured(**{"pii-untagged": {"severity": "error", "exclude": ["*.email_verified"]}})
    assert found(settings, "pii-untagged") == [("app", "users", "EmailAddress")]
    settings = configured(**{"pii-untagged": {"patterns": ["created"], "exclude": ["users"]}})
    assert found(settings, "pii-untagged") == [("app", "Orders", "created_at"), ("app", "lonely", "created_at"),
                                                ("app", "wide", "created_at")]


def test_required_columns_names_what_each_table_lacks() -> None:
    settings = configured(**{"required-columns": {"columns": ["created_at", "updated_*"]}})
    findings = [f for f in lint(CATALOG, settings) if f.rule == "required-columns"]
    assert [f.table for f in findings] == ["users", "Orders", "lonely", "wide", "audit_log", "runs"]  # no view
    assert findings[0].message == "table users has no column updated_*, which every table must have"
    assert "no column created_at and no column updated_*" in findings[-2].message
    with pytest.raises(ValidationError, match="'required-columns' needs 'columns'"):
        configured(**{"required-columns": "warning"})


def test_column_count_max_and_unrelated_table() -> None:
    assert found(configured(**{"column-count-max": True}), "column-count-max") == [("app", "wide", None)]
    assert found(configured(**{"column-count-max": {"max": 5}}), "column-count-max") == [
        ("app", "users", None),
        ("app", "wide", None),
    ]
    assert found(configured(**{"unrelated-table": True}), "unrelated-table") == [
        ("app", "lonely", None),
        ("app", "wide", None),
    ]  # users/Orders by a key, audit_log and runs by a cross-service reference, views not judged
    assert found(configured(**{"unrelated-table": {"exclude": ["app/w*"]}}), "unrelated-table") == [
        ("app", "lonely", None)
    ]


def test_naming_convention_per_kind_with_snake_case_by_default() -> None:
    assert found(configured(**{"naming-convention": True}), "naming-convention") == [
        ("app", "users", "EmailAddress"),
        ("app", "Orders", None),
    ]
    settings = configured(**{"naming-convention": {"indexes": "ix_[a-z_]+", "foreign_keys": "fk_[a-z_]+",
                                                   "columns": "[a-zA-Z_]+|c[0-9]+"}})
    messages = [f.message for f in lint(CATALOG, settings) if f.rule == "naming-convention"]
    assert messages == [
        "table Orders does not match the naming convention for tables ([a-z][a-z0-9_]*)",
        "index IX_Orders_User on Orders does not match the naming convention for indexes (ix_[a-z_]+)",
        "foreign key FK_orders_users on Orders does not match the naming convention for foreign keys (fk_[a-z_]+)",
    ]
    with pytest.raises(ValidationError, match=r"'naming-convention': tables: '\[a-' is not a regular expression"):
        configured(**{"naming-convention": {"tables": "[a-"}})
    with pytest.raises(ValidationError, match=r"unknown key 'table' \(known: severity, exclude, tables, views"):
        configured(**{"naming-convention": {"table": "x"}})


def test_table_without_owner_counts_the_database_owner() -> None:
    assert found(configured(**{"table-without-owner": True}), "table-without-owner") == [
        ("app", "users", None),
        ("app", "lonely", None),
        ("app", "wide", None),
        ("app", "audit_log", None),
        ("app", "open_orders", None),
    ]  # Orders has its own owner; ops' tables have the database's


def test_each_finding_points_at_its_yaml_line(site) -> None:  # type: ignore[no-untyped-def]
    site.catalog(
        "app",
        """
        database: app
        tables:
          users:
            columns:
              id: {type: bigint, primary_key: true}
              email_verified: {type: boolean}
              home_address: {type: text}
        """,
    )
    site.mkdocs_yml({"lint": {"pii-untagged": {"severity": "error", "exclude": ["*.email_verified"]},
                              "table-without-owner": "warning"}})
    result = site.build()
    assert result.error is not None  # an error-level finding fails --strict
    assert (
        "catalog/app.yml:7: column users.home_address looks like personal data (its name matches 'address') "
        "but has no pii tag: tag it pii or pii:<kind>, or exclude users.home_address [pii-untagged]"
    ) in result.log_text
    assert "catalog/app.yml:3: table users has no owner" in result.log_text
    assert "email_verified" not in result.log_text


@pytest.mark.parametrize(
    ("rule", "options"),
    [
        ("pii-untagged", {"patterns": ["e_?mail", "created"]}),
        ("required-columns", {"columns": ["updated_at"]}),
        ("column-count-max", {"max": 5}),
        ("unrelated-table", {}),
        ("naming-convention", {"indexes": "ix_[a-z_]+"}),
        ("table-without-owner", {}),
    ],
)
def test_every_governance_rule_takes_exclude(rule: str, options: dict[str, object]) -> None:
    everything = found(configured(**{rule: {"severity": "error", **options}}), rule)
    first = everything[0][1]
    assert first is not None and any(table != first for _, table, _ in everything), everything
    for pattern in (first, f"app/{first}", f"{first[:-1]}?"):  # table, database/table, a pattern
        left = found(configured(**{rule: {"severity": "error", "exclude": [pattern], **options}}), rule)
        assert left == [f for f in everything if f[1] != first], pattern
