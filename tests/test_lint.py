"""Lint rules on model objects: what each finds, and the look-alikes it must leave alone."""

from __future__ import annotations

from dataclasses import replace

from mkdocs_dbcatalog.catalog.lint import RULES, LintSettings, RuleSetting, Severity, lint
from mkdocs_dbcatalog.catalog.model import (
    Catalog,
    Column,
    CrossReference,
    Database,
    Drift,
    ForeignKey,
    Index,
    Migration,
    MigrationHistory,
    MigrationStatus,
    Origin,
    PrimaryKey,
    Table,
    TableKind,
    TableRef,
    UniqueConstraint,
)


def col(name: str, nullable: bool | None = False, text: str | None = "described") -> Column:
    return Column(name, "bigint", nullable, description=text)


def table(name: str, *columns: Column, pk: tuple[str, ...] | None = ("id",), **kw: object) -> Table:
    cols = columns or (col("id"),)
    return Table(name, columns=cols, primary_key=PrimaryKey(pk) if pk else None, purpose="A table.", **kw)  # type: ignore[arg-type]


def fk(columns: tuple[str, ...], target: str, on_delete: str | None = None) -> ForeignKey:
    return ForeignKey(columns, TableRef(target), ("id",) * len(columns), on_delete=on_delete)


def findings(*tables: Table, rule: str, settings: LintSettings | None = None, **db: object) -> list[str]:
    catalog = Catalog((Database("db", tables=tables, **db),))  # type: ignore[arg-type]
    return [f.message for f in lint(catalog, settings) if f.rule == rule]


PARENT = table("parent")


def test_every_rule_has_a_stable_kebab_case_name_and_a_summary() -> None:
    for name, rule in RULES.items():
        assert rule.name == name and name == name.lower() and " " not in name
        assert rule.summary.endswith(".")


def test_primary_key_rule_skips_views_and_virtual_tables() -> None:
    view = Table("v", kind=TableKind.VIEW, columns=(col("a"),), purpose="x")
    fts = Table("search", kind=TableKind.VIRTUAL, columns=(col("a"),), purpose="x")
    heap = table("heap", col("a"), pk=None)
    partitioned = table("events", col("a"), pk=None, kind=TableKind.PARTITIONED)
    assert findings(view, fts, heap, partitioned, rule="table-without-primary-key") == [
        "table heap has no primary key: rows cannot be told apart, updated or replicated safely",
        "table events has no primary key: rows cannot be told apart, updated or replicated safely",
    ]


def test_foreign_key_is_supported_by_a_leading_index_or_key_in_any_column_order() -> None:
    by_pk = table(
        "a", col("parent_id"), col("tag"), pk=("parent_id", "tag"), foreign_keys=(fk(("parent_id",), "parent"),)
    )
    by_index = table(
        "b",
        col("id"),
        col("x"),
        col("y"),
        foreign_keys=(ForeignKey(("x", "y"), TableRef("parent"), ("a", "b")),),
        indexes=(Index(("y", "x", "id")),),
    )
    by_unique = table(
        "c",
        col("id"),
        col("parent_id"),
        foreign_keys=(fk(("parent_id",), "parent"),),
        unique_constraints=(UniqueConstraint(("parent_id",)),),
    )
    second_column = table(
        "d",
        col("id"),
        col("parent_id"),
        col("at"),
        foreign_keys=(fk(("parent_id",), "parent"),),
        indexes=(Index(("at", "parent_id")),),
    )
    partial = table(
        "e",
        col("id"),
        col("parent_id"),
        foreign_keys=(fk(("parent_id",), "parent"),),
        indexes=(Index(("parent_id",), predicate="parent_id IS NOT NULL"),),
    )
    gin = table(
        "f",
        col("id"),
        col("parent_id"),
        foreign_keys=(fk(("parent_id",), "parent"),),
        indexes=(Index(("parent_id",), method="gin"),),
    )
    found = findings(PARENT, by_pk, by_index, by_unique, second_column, partial, gin, rule="foreign-key-without-index")
    # e's partial index requires only parent_id IS NOT NULL, which every lookup by the key implies.
    assert [m.split(" → ")[0] for m in found] == [
        "foreign key d(parent_id)",
        "foreign key f(parent_id)",
    ]


def test_nullable_foreign_key_to_required_parent() -> None:
    cascade = table(
        "a",
        col("id"),
        col("parent_id", nullable=True),
        foreign_keys=(fk(("parent_id",), "parent", "CASCADE"),),
        indexes=(Index(("parent_id",)),),
    )
    set_null = table(
        "b",
        col("id"),
        col("parent_id", nullable=True),
        foreign_keys=(fk(("parent_id",), "parent", "SET NULL"),),
        indexes=(Index(("parent_id",)),),
    )
    # SQLite lets primary key columns hold NULL unless they say NOT NULL.
    in_pk = table(
        "c",
        col("parent_id", nullable=True),
        col("n"),
        pk=("parent_id", "n"),
        foreign_keys=(fk(("parent_id",), "parent"),),
    )
    unknown = table(
        "d",
        col("id"),
        col("parent_id", nullable=None),
        foreign_keys=(fk(("parent_id",), "parent", "CASCADE"),),
        indexes=(Index(("parent_id",)),),
    )
    found = findings(PARENT, cascade, set_null, in_pk, unknown, rule="nullable-foreign-key-to-required-parent")
    # ON DELETE CASCADE says what happens to rows that have a parent, not that every row has one.
    assert found == [
        "c.parent_id may be NULL, but rows of c belong to their parent row "
        "(the foreign key is part of the primary key): make it NOT NULL",
    ]


def test_redundant_index_cases() -> None:
    t = table(
        "t",
        col("id"),
        col("a"),
        col("b"),
        col("c"),
        unique_constraints=(UniqueConstraint(("a", "b"), "t_a_b_key"),),
        indexes=(
            Index(("a", "b"), name="t_a_b_key", unique=True),  # the index behind the constraint: not a copy
            Index(("a",), name="t_a_idx"),  # leading part of the unique key
            Index(("c",), name="t_c_1"),
            Index(("c",), name="t_c_2"),  # exact copy of t_c_1: only this one is reported
            Index(("id",), name="t_id_idx", unique=True),  # duplicates the primary key
            Index(("b",), name="t_b_partial", predicate="b > 0"),  # partial: not comparable
            Index(("b",), name="t_b_hash", method="hash"),
            Index(("b", "c"), name="t_b_c_unique", unique=True),  # unique on more columns than a plain one: keeps
            Index(("b",), name="t_b_idx"),  # a leading part of t_b_c_unique (btree)
        ),
    )
    assert findings(t, rule="redundant-index") == [
        "index t_a_idx on t(a) is a leading part of unique constraint t_a_b_key (a, b): "
        "drop it, it only slows down writes",
        "index t_c_2 on t(c) duplicates index t_c_1: drop it, it only slows down writes",
        "index t_id_idx on t(id) duplicates the primary key: drop it, it only slows down writes",
        "index t_b_idx on t(b) is a leading part of index t_b_c_unique (b, c): drop it, it only slows down writes",
    ]


def test_unique_index_is_not_made_redundant_by_a_wider_one() -> None:
    t = table(
        "t",
        col("id"),
        col("a"),
        col("b"),
        indexes=(Index(("a",), name="a_unique", unique=True), Index(("a", "b"), name="a_b")),
    )
    assert findings(t, rule="redundant-index") == []


def test_table_without_description_names_views_as_views() -> None:
    t = Table("t", columns=(col("id"),), primary_key=PrimaryKey(("id",)))
    v = Table("v", kind=TableKind.VIEW, columns=(col("id"),))
    commented = Table("c", columns=(col("id"),), primary_key=PrimaryKey(("id",)), comment="From the database")
    assert [m.split(":")[0] for m in findings(t, v, commented, rule="table-without-description")] == [
        "table t has no description",
        "view v has no description",
    ]


def test_junction_without_unique_pair() -> None:
    keyed = table(
        "film_actor",
        col("film_id"),
        col("actor_id"),
        pk=("film_id", "actor_id"),
        foreign_keys=(fk(("film_id",), "film"), fk(("actor_id",), "actor")),
    )
    surrogate_unique = table(
        "a",
        col("id"),
        col("x_id"),
        col("y_id"),
        foreign_keys=(fk(("x_id",), "x"), fk(("y_id",), "y")),
        unique_constraints=(UniqueConstraint(("y_id", "x_id")),),
    )
    surrogate_only = table(
        "b", col("id"), col("x_id"), col("y_id"), foreign_keys=(fk(("x_id",), "x"), fk(("y_id",), "y"))
    )
    no_key = table(
        "c", col("x_id"), col("y_id"), col("created_at"), pk=None, foreign_keys=(fk(("x_id",), "x"), fk(("y_id",), "y"))
    )
    # Its own composite key (order_id, line_no): an order line, not a junction.
    order_lines = table(
        "order_lines",
        col("order_id"),
        col("line_no"),
        col("product_id"),
        col("qty"),
        pk=("order_id", "line_no"),
        foreign_keys=(fk(("order_id",), "o"), fk(("product_id",), "p")),
    )
    # Copies of a film in a store (Pagila's inventory): a surrogate id and more than the pair.
    inventory = table(
        "inventory",
        col("id"),
        col("film_id"),
        col("store_id"),
        col("last_update"),
        foreign_keys=(fk(("film_id",), "film"), fk(("store_id",), "store")),
    )
    # An invoice line: a track on an invoice, with a price and a quantity.
    wide = table(
        "d",
        col("x_id"),
        col("y_id"),
        col("unit_price"),
        col("quantity"),
        pk=None,
        foreign_keys=(fk(("x_id",), "x"), fk(("y_id",), "y")),
    )
    found = findings(
        keyed,
        surrogate_unique,
        surrogate_only,
        no_key,
        order_lines,
        inventory,
        wide,
        rule="junction-without-unique-pair",
    )
    assert [m.split(" pairs ")[0] for m in found] == ["b", "c"]


def test_cross_service_reference_targets() -> None:
    users = Database("users", service="users-service", tables=(table("users", col("id"), col("email")),))
    unknown_structure = Database("ledger")
    refs = (
        CrossReference(TableRef("orders"), "user_id", "users-service", TableRef("users"), "id"),  # fine, by service
        CrossReference(TableRef("orders"), "user_id", "user", TableRef("users"), "id"),
        CrossReference(TableRef("orders"), "user_id", "users", TableRef("user"), "id"),
        CrossReference(TableRef("orders"), "user_id", "users", TableRef("users"), "mail"),
        CrossReference(TableRef("orders"), "entry_id", "ledger", TableRef("entries"), "id"),  # nothing to contradict
    )
    orders = Database("orders", tables=(table("orders", col("id"), col("user_id"), col("entry_id")),), references=refs)
    catalog = Catalog((orders, users, unknown_structure))
    found = [(f.message, f.path) for f in lint(catalog) if f.rule == "cross-service-reference-missing-target"]
    assert found == [
        (
            "reference orders.user_id → user/users.id: no database or service 'user' in the catalog "
            "(did you mean 'users'?)",
            ("references", 1, "to"),
        ),
        (
            "reference orders.user_id → users/user.id: users has no table 'user' (did you mean 'users'?)",
            ("references", 2, "to"),
        ),
        (
            "reference orders.user_id → users/users.mail: users/users has no column 'mail' (did you mean 'email'?)",
            ("references", 3, "to"),
        ),
    ]


def test_coverage_threshold_compares_rounded_down_percent() -> None:
    # 2 of 3 described: 66.66...% must not pass a 66.7% threshold.
    t = Table("t", columns=(col("a"), col("b", text=None)), purpose="x", primary_key=PrimaryKey(("a",)))
    assert findings(t, rule="coverage-below-threshold", settings=LintSettings(coverage_threshold=66.6)) == []
    assert findings(t, rule="coverage-below-threshold", settings=LintSettings(coverage_threshold=66.7)) == [
        "documentation coverage of db is 66.6% (2 of 3 tables and columns described), below the threshold of 66.7%"
    ]
    assert findings(t, rule="coverage-below-threshold") == [], "no threshold, no finding"


def test_settings_change_severity_turn_off_and_exclude() -> None:
    heap = table("audit_2024", col("a"), pk=None)
    other = table("log", col("a"), pk=None)
    catalog = Catalog((Database("db", tables=(heap, other)),))
    assert {f.severity for f in lint(catalog) if f.rule == "table-without-primary-key"} == {Severity.ERROR}
    settings = LintSettings({"table-without-primary-key": RuleSetting(Severity.WARNING, ("audit_*",))})
    found = [f for f in lint(catalog, settings) if f.rule == "table-without-primary-key"]
    assert [(f.table, f.severity) for f in found] == [("log", Severity.WARNING)]
    settings = LintSettings({"table-without-primary-key": RuleSetting(Severity.OFF)})
    assert not [f for f in lint(catalog, settings) if f.rule == "table-without-primary-key"]
    by_database = LintSettings({"table-without-primary-key": RuleSetting(Severity.ERROR, ("db/log",))})
    assert [f.table for f in lint(catalog, by_database) if f.rule == "table-without-primary-key"] == ["audit_2024"]


def test_key_rules_wait_for_a_known_structure() -> None:
    """A YAML file that only describes columns says nothing about keys; a live read does."""
    described = Table(
        "notes",
        columns=(Column("order_id", description="The order"),),
        purpose="x",
        foreign_keys=(fk(("order_id",), "orders"),),
    )
    for rule in ("table-without-primary-key", "foreign-key-without-index"):
        assert findings(described, rule=rule) == []
        assert len(findings(described, rule=rule, origin=Origin.LIVE)) == 1


def test_drift_items_become_findings_of_three_rules() -> None:
    drift = (
        Drift("table", "legacy", None, "table 'legacy' is described but the database has no such table"),
        Drift("column", "orders", "old_code", "column orders.old_code is described but the table has no such column"),
        Drift("extension", "—", "postgis", "extension 'postgis' is described but not installed"),
        Drift("added_table", "audit", None, "table audit is in the database but not in the file"),
        Drift("added_column", "orders", "note", "column orders.note is in the database but not in the file"),
        Drift("type", "orders", "total", "column orders.total is numeric(10,2) in the file, numeric(12,2) live"),
        Drift("nullable", "orders", "id", "column orders.id is described as nullable but the database says otherwise"),
    )
    catalog = Catalog((Database("db", drift=drift),))
    found = [(f.rule, f.table, f.column, f.path) for f in lint(catalog) if f.rule.startswith("drift-")]
    assert found == [
        ("drift-dropped", "legacy", None, ("tables", "legacy")),
        ("drift-dropped", "orders", "old_code", ("tables", "orders", "columns", "old_code")),
        ("drift-dropped", None, None, ("extensions", "postgis")),
        ("drift-added", "audit", None, ("tables",)),
        ("drift-added", "orders", "note", ("tables", "orders", "columns")),
        ("drift-changed", "orders", "total", ("tables", "orders", "columns", "total", "type")),
        ("drift-changed", "orders", "id", ("tables", "orders", "columns", "id", "nullable")),
    ]
    settings = LintSettings({"drift-added": RuleSetting(Severity.WARNING)})
    assert {f.severity for f in lint(catalog, settings) if f.rule == "drift-added"} == {Severity.WARNING}


def test_the_index_an_engine_keeps_for_a_key_is_not_a_copy_of_it() -> None:
    sqlite = table(
        "templates",
        col("id"),
        col("kind"),
        col("language"),
        unique_constraints=(UniqueConstraint(("kind", "language")),),
        indexes=(Index(("kind", "language"), "sqlite_autoindex_templates_1", unique=True),),
    )
    mysql = table(
        "users",
        col("id"),
        col("email"),
        unique_constraints=(UniqueConstraint(("email",), "users_email"),),
        indexes=(Index(("email",), "users_email", unique=True),),
    )
    postgres_copy = table(
        "people",
        col("id"),
        col("email"),
        unique_constraints=(UniqueConstraint(("email",), "people_email_key"),),
        indexes=(Index(("email",), "people_email_idx", unique=True),),
    )
    assert findings(sqlite, mysql, postgres_copy, rule="redundant-index") == [
        "index people_email_idx on people(email) duplicates unique constraint people_email_key: "
        "drop it, it only slows down writes"
    ]


def history(*migrations: tuple[str, MigrationStatus], heads: tuple[str, ...] = ()) -> MigrationHistory:
    return MigrationHistory(
        tool="alembic", migrations=tuple(Migration(v, status=s) for v, s in migrations), heads=heads
    )


def test_django_heads_are_counted_per_app() -> None:
    """One leaf per app is a normal Django project; two leaves in one app is what `migrate` refuses."""
    leaves = ("blog.0002_post", "shop.0004_colour", "users.0001_initial")
    apps = MigrationHistory(tool="django", migrations=tuple(Migration(v) for v in leaves), heads=leaves)
    assert findings(rule="migration-multiple-heads", migrations=apps) == []
    forked = replace(apps, heads=(*leaves, "shop.0004_size"))
    assert findings(rule="migration-multiple-heads", migrations=forked) == [
        "app shop in the django history of db has 2 heads (shop.0004_colour, shop.0004_size): branches that were "
        "never merged; merge them with `python manage.py makemigrations --merge shop` before the next release"
    ]


def test_migration_rules_report_failed_missing_edited_and_unmerged_histories() -> None:
    failing = history(("1", MigrationStatus.APPLIED), ("2", MigrationStatus.FAILED), ("3", MigrationStatus.PENDING))
    assert findings(rule="migration-failed", migrations=failing) == [
        "migration 2 of db failed or left the database dirty: it may be half-applied; fix it, then repair or rerun it"
    ]
    gone = history(("1", MigrationStatus.MISSING_FILE), ("2", MigrationStatus.MODIFIED))
    assert len(findings(rule="migration-missing-file", migrations=gone)) == 1
    assert findings(rule="migration-checksum-mismatch", migrations=gone) == [
        "migration 2 of db was edited after it was applied: the database does not have what the file says; "
        "revert the edit and write a new migration"
    ]
    forked = history(("a", MigrationStatus.UNKNOWN), ("b", MigrationStatus.UNKNOWN), heads=("a", "b"))
    assert findings(rule="migration-multiple-heads", migrations=forked) == [
        "the alembic history of db has 2 heads (a, b): branches that were never merged; "
        "merge them with `alembic merge heads` before the next release"
    ]
    merged = history(("a", MigrationStatus.APPLIED), ("b", MigrationStatus.PENDING), heads=("b",))
    for rule in (
        "migration-failed",
        "migration-missing-file",
        "migration-checksum-mismatch",
        "migration-multiple-heads",
    ):
        assert findings(rule=rule, migrations=merged) == []
    catalog = Catalog((Database("db", migrations=failing),))
    assert [(f.severity, f.path) for f in lint(catalog) if f.rule == "migration-failed"] == [
        (Severity.ERROR, ("migrations", "path"))
    ]
