"""Relationship inference rules, one hand-built catalog per rule."""

from __future__ import annotations

from mkdocs_dbcatalog.catalog.model import (
    Catalog,
    Column,
    CrossReference,
    Database,
    ForeignKey,
    Index,
    PrimaryKey,
    Table,
    TableKind,
    TableRef,
    UniqueConstraint,
)
from mkdocs_dbcatalog.catalog.relations import Kind, Relations, junction_pair, relationships


def col(name: str, nullable: bool | None = False, type: str = "bigint") -> Column:
    return Column(name, type, nullable)


def fk(columns: str, target: str, target_columns: str = "id", schema: str | None = None) -> ForeignKey:
    return ForeignKey(tuple(columns.split(",")), TableRef(target, schema), tuple(target_columns.split(",")))


def table(
    name: str, *columns: Column, pk: str | None = "id", fks: tuple[ForeignKey, ...] = (), **extra: object
) -> Table:
    return Table(
        name,
        columns=columns,
        primary_key=PrimaryKey(tuple(pk.split(","))) if pk else None,
        foreign_keys=fks,
        **extra,  # type: ignore[arg-type]
    )


def only(database: Database) -> object:
    found = relationships(database)
    assert len(found) == 1, found
    return found[0]


def test_mandatory_foreign_key_is_one_to_many_and_not_optional() -> None:
    db = Database(
        "d",
        tables=(table("users", col("id")), table("orders", col("id"), col("user_id"), fks=(fk("user_id", "users"),))),
    )
    (r,) = relationships(db)
    assert (r.kind, r.parent.key, r.child.key, r.columns) == (Kind.ONE_TO_MANY, "users", "orders", ("user_id",))
    assert r.optional is False
    assert r.identifying is False
    assert r.notation == "1---*"


def test_nullable_foreign_key_is_optional() -> None:
    db = Database(
        "d",
        tables=(
            table("coupons", col("id")),
            table("orders", col("id"), col("coupon_id", True), fks=(fk("coupon_id", "coupons"),)),
        ),
    )
    (r,) = relationships(db)
    assert r.optional is True


def test_unknown_nullability_is_not_claimed_optional() -> None:
    db = Database("d", tables=(table("a", col("id")), table("b", col("id"), col("a_id", None), fks=(fk("a_id", "a"),))))
    (r,) = relationships(db)
    assert r.optional is False


def test_foreign_key_that_is_the_primary_key_is_one_to_one_and_identifying() -> None:
    db = Database(
        "d",
        tables=(
            table("users", col("id")),
            table("profiles", col("user_id"), col("bio", True, "text"), pk="user_id", fks=(fk("user_id", "users"),)),
        ),
    )
    (r,) = relationships(db)
    assert r.kind is Kind.ONE_TO_ONE
    assert r.identifying is True
    assert r.notation == "1---1"


def test_foreign_key_with_unique_constraint_or_unique_index_is_one_to_one() -> None:
    by_constraint = table(
        "passports",
        col("id"),
        col("person_id"),
        fks=(fk("person_id", "people"),),
        unique_constraints=(UniqueConstraint(("person_id",)),),
    )
    by_index = table(
        "badges",
        col("id"),
        col("person_id"),
        fks=(fk("person_id", "people"),),
        indexes=(Index(("person_id",), unique=True),),
    )
    partial = table(
        "cards",
        col("id"),
        col("person_id"),
        fks=(fk("person_id", "people"),),
        indexes=(Index(("person_id",), unique=True, predicate="active"),),
    )
    db = Database("d", tables=(table("people", col("id")), by_constraint, by_index, partial))
    kinds = {r.child.key: r.kind for r in relationships(db)}
    assert kinds == {"passports": Kind.ONE_TO_ONE, "badges": Kind.ONE_TO_ONE, "cards": Kind.ONE_TO_MANY}


def test_self_reference() -> None:
    db = Database(
        "d", tables=(table("employees", col("id"), col("manager_id", True), fks=(fk("manager_id", "employees"),)),)
    )
    (r,) = relationships(db)
    assert r.self_reference is True
    assert (r.parent.key, r.child.key, r.optional) == ("employees", "employees", True)


def test_composite_foreign_key_is_one_relationship_optional_if_any_column_is_nullable() -> None:
    lines = table("lines", col("order_id"), col("line_no", type="int"), pk="order_id,line_no")
    shipments = table(
        "shipments",
        col("id"),
        col("order_id", True),
        col("line_no", False, "int"),
        fks=(fk("order_id,line_no", "lines", "order_id,line_no"),),
    )
    db = Database("d", tables=(lines, shipments))
    (r,) = relationships(db)
    assert r.columns == ("order_id", "line_no")
    assert r.parent_columns == ("order_id", "line_no")
    assert r.composite is True
    assert r.optional is True
    assert r.kind is Kind.ONE_TO_MANY


def test_composite_foreign_key_covering_a_composite_unique_key_is_one_to_one() -> None:
    child = table(
        "extras",
        col("id"),
        col("a"),
        col("b"),
        fks=(fk("a,b", "pairs", "a,b"),),
        unique_constraints=(UniqueConstraint(("a", "b")),),
    )
    db = Database("d", tables=(table("pairs", col("a"), col("b"), pk="a,b"), child))
    assert relationships(db)[0].kind is Kind.ONE_TO_ONE


def test_part_of_a_composite_key_is_not_unique() -> None:
    child = table("lines", col("order_id"), col("line_no"), pk="order_id,line_no", fks=(fk("order_id", "orders"),))
    db = Database("d", tables=(table("orders", col("id")), child))
    (r,) = relationships(db)
    assert r.kind is Kind.ONE_TO_MANY
    assert r.identifying is True


def film_actor(*extra: Column, pk: str | None = "actor_id,film_id", **more: object) -> Table:
    return table(
        "film_actor",
        col("actor_id"),
        col("film_id"),
        *extra,
        pk=pk,
        fks=more.pop("fks", (fk("actor_id", "actor", "actor_id"), fk("film_id", "film", "film_id"))),  # type: ignore[arg-type]
        **more,
    )


FILM = table("film", col("film_id"), pk="film_id")
ACTOR = table("actor", col("actor_id"), pk="actor_id")


def test_junction_is_one_many_to_many_relation_via_it() -> None:
    db = Database("d", tables=(ACTOR, FILM, film_actor(col("last_update", type="timestamp"))))
    (r,) = relationships(db)
    assert r.kind is Kind.MANY_TO_MANY
    assert (r.parent.key, r.child.key, r.via.key if r.via else None) == ("actor", "film", "film_actor")
    assert r.notation == "*---*"
    assert [f.target.key for f in r.foreign_keys] == ["actor", "film"]


def test_junction_by_unique_key_with_surrogate_id() -> None:
    junction = film_actor(col("id"), pk="id", unique_constraints=(UniqueConstraint(("actor_id", "film_id")),))
    db = Database("d", tables=(ACTOR, FILM, junction))
    assert only(db).kind is Kind.MANY_TO_MANY  # type: ignore[attr-defined]


def test_table_with_many_data_columns_is_not_a_junction() -> None:
    data = [col(n, True, "int") for n in ("quantity", "price", "discount", "tax")]
    db = Database("d", tables=(ACTOR, FILM, film_actor(*data)))
    kinds = sorted(r.kind.value for r in relationships(db))
    assert kinds == ["one-to-many", "one-to-many"]


def test_two_foreign_keys_without_a_key_over_them_are_not_a_junction() -> None:
    db = Database("d", tables=(ACTOR, FILM, film_actor(col("id"), pk="id")))
    assert junction_pair(db.tables[2]) is None
    assert len(relationships(db)) == 2


def test_junction_with_a_third_foreign_key_keeps_it_as_its_own_relationship() -> None:
    users = table("users", col("id"))
    junction = film_actor(
        col("added_by", True),
        fks=(fk("actor_id", "actor", "actor_id"), fk("film_id", "film", "film_id"), fk("added_by", "users")),
    )
    db = Database("d", tables=(ACTOR, FILM, users, junction))
    found = {(r.kind, r.parent.key, r.child.key) for r in relationships(db)}
    assert found == {(Kind.MANY_TO_MANY, "actor", "film"), (Kind.ONE_TO_MANY, "users", "film_actor")}


def test_junction_of_composite_keys() -> None:
    left = table("left_t", col("a1"), col("a2"), pk="a1,a2")
    right = table("right_t", col("b1"), col("b2"), pk="b1,b2")
    junction = table(
        "pairs",
        col("a1"),
        col("a2"),
        col("b1"),
        col("b2"),
        pk="a1,a2,b1,b2",
        fks=(fk("a1,a2", "left_t", "a1,a2"), fk("b1,b2", "right_t", "b1,b2")),
    )
    (r,) = relationships(Database("d", tables=(left, right, junction)))
    assert r.kind is Kind.MANY_TO_MANY
    assert r.composite is True
    assert r.columns == ("b1", "b2")


def test_self_referencing_junction() -> None:
    users = table("users", col("id"))
    friends = table(
        "friendships",
        col("user_id"),
        col("friend_id"),
        pk="user_id,friend_id",
        fks=(fk("user_id", "users"), fk("friend_id", "users")),
    )
    (r,) = relationships(Database("d", tables=(users, friends)))
    assert r.kind is Kind.MANY_TO_MANY
    assert r.self_reference is True


def test_view_is_never_a_junction() -> None:
    view = film_actor(kind=TableKind.VIEW)
    assert junction_pair(view) is None


def test_unfolded_relationships_keep_both_junction_keys() -> None:
    db = Database("d", tables=(ACTOR, FILM, film_actor()))
    assert {r.kind for r in relationships(db, fold_junctions=False)} == {Kind.ONE_TO_MANY}


def test_relationships_are_sorted_by_parent_then_child() -> None:
    db = Database(
        "d",
        tables=(
            table("z", col("id"), col("a_id"), fks=(fk("a_id", "a"),)),
            table("b", col("id"), col("z_id"), col("a_id"), fks=(fk("z_id", "z"), fk("a_id", "a"))),
            table("a", col("id")),
        ),
    )
    assert [(r.parent.key, r.child.key) for r in relationships(db)] == [("a", "b"), ("a", "z"), ("z", "b")]


def test_relations_index_around_degree_and_incoming() -> None:
    db = Database(
        "d",
        tables=(
            ACTOR,
            FILM,
            film_actor(),
            table("roles", col("id"), col("film_id"), fks=(fk("film_id", "film", "film_id"),)),
        ),
    )
    relations = Relations(Catalog((db,)))
    film = db.table("film")
    assert film is not None
    assert [r.kind for r in relations.around(db, film)] == [Kind.MANY_TO_MANY, Kind.ONE_TO_MANY]
    assert relations.degree(db, TableRef("film_actor")) == 1  # the junction of one relation
    assert [i.table.key for i in relations.incoming(db, film)] == ["film_actor", "roles"]


def test_references_to_separates_declared_and_inferred() -> None:
    users = Database("users", tables=(table("users", col("id")),))
    declared = CrossReference(TableRef("orders"), "user_id", "users", TableRef("users"), "id")
    guessed = CrossReference(TableRef("reviews"), "user_id", "users", TableRef("users"), "id", inferred=True)
    shop = Database("shop", references=(declared, guessed))
    relations = Relations(Catalog((shop, users)))
    target = users.tables[0]
    assert [r for _, r in relations.references_to(users, target)] == [declared, guessed]
    assert [r for _, r in relations.references_to(users, target, inferred=False)] == [declared]
    assert [r for _, r in relations.references_to(users, inferred=True)] == [guessed]
