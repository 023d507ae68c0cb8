"""SQLAlchemy models: the tables `metadata.create_all` makes on the database file's engine.

The declarative base or MetaData is imported by probes/sqlalchemy_models.py in a subprocess,
which compiles types, defaults and checks with the engine's dialect. What the engine adds on its
own is added here, as it does it, because the page should show what the database has: default
constraint names (PostgreSQL's `orders_pkey`, `orders_customer_id_fkey`, `orders_email_key`;
MySQL's `PRIMARY`, `orders_ibfk_1` and a unique key named after its first column; SQLite's
`sqlite_autoindex_orders_1`), the default referential rules, PostgreSQL's `serial` columns, MySQL's
`tinyint(1)` booleans and InnoDB's index for a foreign key no index starts with.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...catalog.model import (
    CheckConstraint,
    Column,
    Database,
    EnumType,
    ForeignKey,
    Index,
    Origin,
    PrimaryKey,
    Table,
    TableRef,
    UniqueConstraint,
)
from .base import ModelsError, ModelsRead
from .enginedefaults import as_engine_shows
from .enginenames import DEFAULT_RULE, innodb_adds_index, mysql_free_name, pg_name, primary_key_name, unique_key_name
from .imported import record_locations, run_probe
from .settings import ModelSettings

_DIALECTS = {"postgresql": "postgresql", "mysql": "mysql", "mariadb": "mariadb", "sqlite": "sqlite"}
"""The SQLAlchemy dialect of an engine id, where the two differ in more than spelling."""
_DEFAULT_SCHEMA = {"postgresql": "public", "sqlite": "main"}
_SPELLED = {
    "mysql": {"BOOL": "tinyint(1)", "BOOLEAN": "tinyint(1)"},
    "postgresql": {"FLOAT": "double precision"},
}
"""Types the engine stores under another name than the one SQLAlchemy writes in CREATE TABLE."""


def read_sqlalchemy(
    settings: ModelSettings, database_name: str, engine: str | None, base: Path, timeout: float
) -> ModelsRead:
    """The database `settings.target` (`module:attribute`) declares, for the engine `engine`."""
    if not engine:
        raise ModelsError(
            f"{settings.target}: add engine: to the database file, the dialect SQLAlchemy compiles the types for"
        )
    described = run_probe("sqlalchemy", settings, {"dialect": _DIALECTS.get(engine, engine)}, timeout)
    family = "mysql" if described["dialect"] in ("mysql", "mariadb") else described["dialect"]
    where: dict[tuple[str, ...], str] = {}
    tables: list[Table] = []
    enums: dict[tuple[str | None, str], EnumType] = {}
    for item in described["tables"]:
        table = _Table(item, family).build()
        tables.append(table)
        record_locations(where, table.key, item, base)
        for column in item["columns"]:
            enum = column.get("enum")
            if enum and family == "postgresql":
                key = (_schema(enum["schema"], family), enum["name"])
                enums.setdefault(key, EnumType(enum["name"], tuple(enum["values"]), key[0]))
    database = Database(
        name=database_name,
        engine=engine,
        tables=tuple(sorted(tables, key=lambda t: t.key)),
        enums=tuple(enums[k] for k in sorted(enums, key=lambda k: (k[0] or "", k[1]))),
        origin=Origin.MODELS,
    )
    return ModelsRead(database, where)


def _schema(schema: str | None, family: str) -> str | None:
    return None if schema is None or schema == _DEFAULT_SCHEMA.get(family) else schema


@dataclass
class _Table:
    """One table of the probe's description, with what its engine adds."""

    item: dict[str, Any]
    family: str
    indexes: list[Index] = field(default_factory=list)

    @property
    def name(self) -> str:
        return str(self.item["name"])

    def build(self) -> Table:
        primary = self._primary_key()
        columns = tuple(self._column(c, primary) for c in self.item["columns"])
        uniques = self._uniques(primary)
        self.indexes += [self._index(i) for i in self.item["indexes"]]
        keys = self._foreign_keys()
        if self.family == "mysql":
            self._innodb_indexes(keys, primary)
        return Table(
            self.name,
            _schema(self.item["schema"], self.family),
            purpose=self.item.get("doc"),
            comment=self.item.get("comment"),
            columns=columns,
            primary_key=primary,
            indexes=tuple(self.indexes),
            foreign_keys=tuple(keys),
            unique_constraints=tuple(uniques),
            check_constraints=tuple(CheckConstraint(c["expression"], c["name"]) for c in self.item["checks"]),
        )

    def _column(self, item: dict[str, Any], primary: PrimaryKey | None) -> Column:
        type_ = item["type"]
        type_ = _SPELLED.get(self.family, {}).get(type_, type_) if type_ else None
        default, identity = as_engine_shows(self.family, type_, item["default"]), None
        if item["identity"]:
            identity = f"identity {item['identity']}"
        elif self.family == "sqlite" and primary and primary.columns == (item["name"],) and type_ == "INTEGER":
            identity = "rowid"  # an INTEGER PRIMARY KEY is the rowid, whatever SQLAlchemy thinks of it
        elif item["autoincrement"] and item["integer"] and default is None:
            if self.family == "postgresql" and not item["sequence"]:
                sequence = self._qualified(pg_name(self.name, [item["name"]], "seq"))
                identity, default = "serial", f"nextval('{sequence}'::regclass)"
            elif self.family == "mysql":
                identity = "auto_increment"
        if item["sequence"] and self.family == "postgresql" and default is None:
            default = f"nextval('{self._qualified('')}{item['sequence']}'::regclass)"
        generation = None
        if item["computed"] is not None:
            generation = {True: "stored", False: "virtual"}.get(item["persisted"]) or (
                "stored" if self.family == "postgresql" else "virtual"
            )
        return Column(
            item["name"],
            type_,
            item["nullable"],
            default,
            description=item.get("doc"),
            comment=item.get("comment"),
            identity=identity,
            generated=item["computed"],
            generation=generation,
        )

    def _qualified(self, name: str) -> str:
        schema = _schema(self.item["schema"], self.family)
        return f"{schema}.{name}" if schema else name

    def _primary_key(self) -> PrimaryKey | None:
        given = self.item["primary_key"]
        if not given:
            return None
        return PrimaryKey(tuple(given["columns"]), primary_key_name(self.family, self.name, given["name"]))

    def _uniques(self, primary: PrimaryKey | None) -> list[UniqueConstraint]:
        made: list[UniqueConstraint] = []
        # SQLite numbers the indexes of a table's keys: its primary key first, unless it is the rowid
        rowid = primary is not None and any(
            c["name"] == primary.columns[0] and c["type"] == "INTEGER" for c in self.item["columns"]
        )
        number = 1 if primary is None or (len(primary.columns) == 1 and rowid) else 2
        for given in self.item["uniques"]:
            columns = tuple(given["columns"])
            if self.family == "sqlite":
                made.append(UniqueConstraint(columns))
                self.indexes.append(Index(columns, f"sqlite_autoindex_{self.name}_{number}", True, "btree"))
                number += 1
                continue
            name = unique_key_name(self.family, self.name, columns, given["name"], (i.name for i in self.indexes))
            made.append(UniqueConstraint(columns, name))
            if self.family in ("postgresql", "mysql"):
                self.indexes.append(Index(columns, name, True, "btree"))
        return made

    def _index(self, item: dict[str, Any]) -> Index:
        method = item["using"].lower() if item["using"] else None
        if method is None and self.family in ("postgresql", "mysql", "sqlite"):
            method = "btree"
        return Index(tuple(item["columns"]), item["name"], item["unique"], method, predicate=item["where"])

    def _innodb_indexes(self, keys: list[ForeignKey], primary: PrimaryKey | None) -> None:
        """InnoDB indexes a foreign key's columns when no index (or the primary key) starts with them,
        under the key's given name, or else its first column's."""
        for fk, given in zip(keys, self.item["foreign_keys"], strict=True):
            if innodb_adds_index(fk.columns, self.indexes, primary):
                name = given["name"] or mysql_free_name(fk.columns[0], (i.name for i in self.indexes))
                self.indexes.append(Index(fk.columns, name, method="btree"))

    def _foreign_keys(self) -> list[ForeignKey]:
        keys, unnamed = [], 0
        fallback = DEFAULT_RULE.get(self.family)
        for item in self.item["foreign_keys"]:
            columns = tuple(item["columns"])
            name = item["name"]
            if self.family == "sqlite":
                name = None  # SQLite keeps no name for a foreign key
            elif name is None and self.family == "postgresql":
                name = pg_name(self.name, columns, "fkey")
            elif name is None and self.family == "mysql":
                unnamed += 1
                name = f"{self.name}_ibfk_{unnamed}"
            keys.append(
                ForeignKey(
                    columns,
                    TableRef(item["target_table"], _schema(item["target_schema"], self.family)),
                    tuple(item["target_columns"]),
                    name,
                    (item["ondelete"] or "").upper() or fallback,
                    (item["onupdate"] or "").upper() or fallback,
                    match=item["match"].upper() if item["match"] else None,
                    deferrable=_deferrable(item),
                )
            )
        return keys


def _deferrable(item: dict[str, Any]) -> str | None:
    if not item["deferrable"]:
        return None
    return f"DEFERRABLE INITIALLY {(item['initially'] or 'immediate').upper()}"


__all__ = ["read_sqlalchemy"]
