"""Cross-service references inferred from naming."""

from __future__ import annotations

from mkdocs_dbcatalog.catalog.inference import inferred_references, singular, stem, with_inferred_references
from mkdocs_dbcatalog.catalog.model import (
    Catalog,
    Column,
    CrossReference,
    Database,
    ForeignKey,
    PrimaryKey,
    Table,
    TableKind,
    TableRef,
)


def t(
    name: str, *columns: str, pk: str | None = "id", fks: tuple[ForeignKey, ...] = (), kind: TableKind = TableKind.TABLE
) -> Table:
    return Table(
        name,
        kind=kind,
        columns=tuple(Column(c, "bigint") for c in columns),
        primary_key=PrimaryKey((pk,)) if pk else None,
        foreign_keys=fks,
    )


USERS = Database("users", service="users-service", tables=(t("users", "id", "name"),))


def found(*databases: Database) -> list[tuple[str, str, str, str, str]]:
    result = inferred_references(Catalog(databases))
    return [
        (
            db,
            f"{r.source.key}.{r.source_column}",
            r.target_database,
            f"{r.target.key}.{r.target_column}",
            str(r.inferred),
        )
        for db, refs in sorted(result.items())
        for r in refs
    ]


def test_singular_and_stem() -> None:
    assert [singular(w) for w in ("users", "categories", "addresses", "statuses", "boxes", "status", "news_items")] == [
        "user",
        "category",
        "address",
        "status",
        "box",
        "status",
        "news_item",
    ]
    assert [
        stem(c) for c in ("user_id", "UserId", "billing_account_id", "BillingAccountID", "id", "paid", "user__id")
    ] == [
        "user",
        "user",
        "billing_account",
        "billing_account",
        None,
        None,
        None,
    ]


def test_user_id_column_points_at_another_databases_users_table() -> None:
    shop = Database("shop", tables=(t("orders", "id", "user_id"),))
    assert found(shop, USERS) == [("shop", "orders.user_id", "users", "users.id", "True")]


def test_camel_case_and_singular_table_names_match() -> None:
    billing = Database("billing", tables=(t("Invoice", "id", "CustomerId"),))
    crm = Database("crm", tables=(t("Customer", "id"),))
    assert found(billing, crm) == [("billing", "Invoice.CustomerId", "crm", "Customer.id", "True")]


def test_no_candidate_when_a_foreign_key_local_table_or_declaration_covers_the_column() -> None:
    with_fk = t("orders", "id", "user_id", fks=(ForeignKey(("user_id",), TableRef("accounts"), ("id",)),))
    local = Database("shop", tables=(with_fk,))
    assert found(local, USERS) == []
    has_own_users = Database("shop", tables=(t("orders", "id", "user_id"), t("users", "id")))
    assert found(has_own_users, USERS) == []
    declared = CrossReference(TableRef("orders"), "user_id", "users", TableRef("users"), "id")
    declares = Database("shop", tables=(t("orders", "id", "user_id"),), references=(declared,))
    assert found(declares, USERS) == []


def test_target_needs_a_single_id_primary_key() -> None:
    keyed_by_uuid = Database("users", tables=(t("users", "uuid", pk="uuid"),))
    view = Database("users", tables=(t("users", "id", kind=TableKind.VIEW),))
    shop = Database("shop", tables=(t("orders", "id", "user_id"),))
    assert found(shop, keyed_by_uuid) == []
    assert found(shop, view) == []


def test_a_column_that_is_its_tables_own_primary_key_is_not_a_reference() -> None:
    shop = Database("shop", tables=(t("user_settings", "user_id", pk="user_id"),))
    assert found(shop, USERS) == []


def test_every_matching_database_is_a_candidate() -> None:
    legacy = Database("legacy", tables=(t("users", "id"),))
    shop = Database("shop", tables=(t("orders", "id", "user_id"),))
    assert [row[2] for row in found(shop, USERS, legacy)] == ["legacy", "users"]


def test_with_inferred_references_appends_after_declared_ones() -> None:
    declared = CrossReference(TableRef("orders"), "user_id", "users", TableRef("users"), "id")
    shop = Database(
        "shop", tables=(t("orders", "id", "user_id"), t("reviews", "id", "user_id")), references=(declared,)
    )
    catalog = with_inferred_references(Catalog((shop, USERS)))
    refs = catalog.database("shop").references  # type: ignore[union-attr]
    assert refs[0] == declared
    assert [(r.source.key, r.inferred) for r in refs] == [("orders", False), ("reviews", True)]
    unchanged = Catalog((USERS,))
    assert with_inferred_references(unchanged) is unchanged
