"""The fast masking walk finds every secret the full walk finds.

`map_text(value, mask_text, may_mask)` skips objects whose texts, joined, cannot hold anything
`mask_text` changes. If `may_mask` ever said "nothing here" of a text that `mask_text` changes, or
the walk missed a place where text can sit, a password would reach a page: these tests put one in
every kind of place of the model and compare with the walk that visits every string.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from mkdocs_dbcatalog.catalog.changes import Action, Change, Delta
from mkdocs_dbcatalog.catalog.model import (
    AppliedMigration,
    AppliedState,
    Catalog,
    CheckConstraint,
    Column,
    Database,
    ForeignKey,
    Index,
    Migration,
    MigrationHistory,
    Table,
    TableRef,
)
from mkdocs_dbcatalog.catalog.rewrite import map_text
from mkdocs_dbcatalog.urls import mask_text, may_mask

SECRET = "Hunter2-s3cr3t"

CHANGED = [
    f"postgresql://app:{SECRET}@db:5432/orders",
    f"app:{SECRET}@10.0.0.1/orders",
    f"see https://db/x?sslmode=require&password={SECRET} here",
    f"host=db PASSWORD={SECRET} dbname=x",
    f"PGPASSWORD={SECRET} pg_dump",
    f"Server=db;Uid=app;Pwd={SECRET};",
    f"s3://bucket/dump?X-Amz-Signature={SECRET}",
]


@pytest.mark.parametrize("text", CHANGED)
def test_may_mask_holds_of_every_text_mask_text_changes_and_of_any_text_around_it(text: str) -> None:
    assert mask_text(text) != text and SECRET not in mask_text(text)
    for around in (text, f"x{text}", f"{text}y", f"Comment: {text}. Ends here."):
        assert may_mask(around), around


@pytest.mark.parametrize(
    "text", ["a.id = b.id", "CHECK (total >= 0)", "Generated table t0001", "x == y -- where?", "e-mail"]
)
def test_texts_without_secrets_are_left_alone(text: str) -> None:
    assert mask_text(text) == text


def _database_with(where: str, text: str) -> Database:
    ordinary = Column("id", "integer", comment="Identifier, a.id = b.id")
    column = Column("c", "text", comment=text if where == "column comment" else "note")
    tags = (text,) if where == "column tag" else ("pii",)
    index = Index((text if where == "index expression" else "lower(c)",), "ix")
    fk = ForeignKey(("c",), TableRef(text if where == "foreign key target" else "p"), ("id",))
    check = CheckConstraint(text if where == "check" else "c <> ''")
    table = Table(
        name="t",
        columns=(ordinary, Column(column.name, column.type, comment=column.comment, tags=tags)),
        indexes=(index,),
        foreign_keys=(fk,),
        check_constraints=(check,),
        definition=text if where == "view definition" else None,
    )
    applied = AppliedState(
        "schema_migrations",
        True,
        rows=(AppliedMigration("1", datetime(2024, 1, 1, tzinfo=timezone.utc), extra={"script": text}),)
        if where == "bookkeeping extra"
        else (),
    )
    history = MigrationHistory(
        tool="alembic",
        migrations=(
            Migration(
                "1",
                changes=(Change(Action.CHANGED, "column", "t.c", deltas=(Delta("default", None, text),)),)
                if where == "migration change"
                else (),
            ),
        ),
    )
    return Database(
        name="d",
        description=text if where == "database description" else "plain",
        tables=(table,),
        applied=applied,
        migrations=history,
        read_warnings=(text,) if where == "read warning" else (),
    )


PLACES = [
    "column comment",
    "column tag",
    "index expression",
    "foreign key target",
    "check",
    "view definition",
    "bookkeeping extra",
    "migration change",
    "database description",
    "read warning",
]


@pytest.mark.parametrize("where", PLACES)
@pytest.mark.parametrize("text", CHANGED[:4])
def test_the_fast_walk_masks_what_the_full_walk_masks(where: str, text: str) -> None:
    catalog = Catalog((_database_with(where, text),))
    fast = map_text(catalog, mask_text, may_mask)
    assert fast == map_text(catalog, mask_text)
    assert SECRET in repr(catalog) and SECRET not in repr(fast), where


def test_a_catalog_without_secrets_comes_back_as_the_same_objects() -> None:
    catalog = Catalog((_database_with("nowhere", "plain"),))
    assert map_text(catalog, mask_text, may_mask) is catalog
