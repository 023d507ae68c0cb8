"""Django models: the tables `migrate` makes for every concrete model of the project's apps.

The project is set up by probes/django_models.py in a subprocess (`django.setup()` with the
settings module), which asks Django itself for what it creates on the `DATABASES` alias' backend:
column types (`field.db_type(connection)`), the schema editor's names for foreign keys, indexes
and `unique_together`, `Meta.indexes` and `Meta.constraints`, many-to-many tables. What the
engine adds on its own is added here: PostgreSQL's `orders_pkey` and `orders_uid_key`, MySQL's
`PRIMARY`, a unique key named after its column and InnoDB's index for a foreign key no index
starts with. Django creates foreign keys with no ON DELETE rule (`on_delete` is done by Django),
so the rules are the engine's default; `db_constraint=False` is a relation the database does not
enforce.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...catalog.model import (
    CheckConstraint,
    Column,
    Database,
    ForeignKey,
    Index,
    Origin,
    PrimaryKey,
    Table,
    TableRef,
    UniqueConstraint,
)
from .base import ModelsRead
from .enginenames import DEFAULT_RULE, innodb_adds_index, pg_name, primary_key_name, unique_key_name
from .imported import record_locations, run_probe
from .settings import ModelSettings

DECLARED_IN = "Django model"
_ENGINES = {"postgresql": "postgresql", "mysql": "mysql", "sqlite": "sqlite", "oracle": "oracle", "microsoft": "mssql"}
_SPELLED = {"mysql": {"bool": "tinyint(1)", "double precision": "double"}}
"""Types the engine stores under another name than the one Django writes in CREATE TABLE."""
_DJANGO_SIDE = ("CASCADE", "PROTECT", "RESTRICT", "SET_NULL", "SET_DEFAULT", "SET")


def read_django(settings: ModelSettings, database_name: str, base: Path, timeout: float) -> ModelsRead:
    """The database the project's models make on the alias `settings.database`."""
    request = {"apps": list(settings.apps), "database": settings.database}
    described = run_probe("django", settings, request, timeout)
    vendor = described["vendor"]
    family = vendor if vendor in DEFAULT_RULE else "other"
    where: dict[tuple[str, ...], str] = {}
    tables = []
    for item in described["tables"]:
        table = _Table(item, family).build()
        tables.append(table)
        record_locations(where, table.key, item, base)
    engine = "mariadb" if described["mariadb"] else _ENGINES.get(vendor, vendor)
    database = Database(
        name=database_name, engine=engine, tables=tuple(sorted(tables, key=lambda t: t.key)), origin=Origin.MODELS
    )
    return ModelsRead(database, where, complete=not settings.apps)


@dataclass
class _Table:
    item: dict[str, Any]
    family: str
    indexes: list[Index] = field(default_factory=list)
    uniques: list[UniqueConstraint] = field(default_factory=list)
    autoindex: int = 1
    """SQLite's number for the next index of a key written in CREATE TABLE."""

    @property
    def name(self) -> str:
        return str(self.item["name"])

    def build(self) -> Table:
        columns = tuple(self._column(c) for c in self.item["columns"])
        primary = self._primary_key()
        if primary and not self._rowid(primary):
            self.autoindex += 1  # SQLite indexes a primary key that is not the rowid first
        for columns_of in self.item["uniques"]:  # `unique=True`: an inline UNIQUE the engine names
            self._unique(tuple(columns_of), None)
        for given in self.item["unique_together"]:  # created afterwards, under Django's name
            self._unique(tuple(given["columns"]), given["name"], inline=False)
        checks = [CheckConstraint(c["check"], self._check_name(c["name"])) for c in self.item["columns"] if c["check"]]
        for constraint in self.item["constraints"]:
            if constraint["kind"] == "check":
                checks.append(CheckConstraint(constraint["expression"], constraint["name"]))
            elif constraint["condition"] or constraint["expressions"]:
                if self.family in ("postgresql", "sqlite"):  # a partial or expression unique index
                    columns_of = tuple(constraint["columns"])
                    self.indexes.append(Index(columns_of, constraint["name"], True, "btree", constraint["condition"]))
            else:
                self._unique(tuple(constraint["columns"]), constraint["name"])
        self.indexes += [self._index(i) for i in self.item["indexes"]]
        keys = [self._foreign_key(k) for k in self.item["foreign_keys"]]
        if self.family == "mysql":
            self._innodb_indexes(keys, primary)
        return Table(
            self.name,
            purpose=self.item.get("doc"),
            comment=self.item.get("comment"),
            columns=columns,
            primary_key=primary,
            indexes=tuple(self.indexes),
            foreign_keys=tuple(keys),
            unique_constraints=tuple(self.uniques),
            check_constraints=tuple(checks),
        )

    def _column(self, item: dict[str, Any]) -> Column:
        type_, suffix = str(item["type"]), (item["suffix"] or "").upper()
        identity = None
        if "AUTO_INCREMENT" in type_.upper() or "AUTO_INCREMENT" in suffix:
            identity = "auto_increment"
            type_ = " ".join(w for w in type_.split() if w.upper() != "AUTO_INCREMENT")
        elif "IDENTITY" in suffix:
            identity = "identity always" if "ALWAYS" in suffix else "identity by default"
        elif "AUTOINCREMENT" in suffix:
            identity = "autoincrement"
        type_ = _SPELLED.get(self.family, {}).get(type_, type_)
        generation = None
        if item["generated"] is not None:
            generation = "stored" if item["persisted"] else "virtual"
        return Column(
            item["name"],
            type_,
            item["nullable"],
            item["default"],
            description=item["help_text"] or item["verbose_name"],
            comment=item["comment"],
            identity=identity,
            generated=item["generated"],
            generation=generation,
        )

    def _primary_key(self) -> PrimaryKey | None:
        columns = tuple(self.item["primary_key"])
        if not columns:
            return None
        return PrimaryKey(columns, primary_key_name(self.family, self.name))

    def _rowid(self, primary: PrimaryKey) -> bool:
        types = {c["name"]: str(c["type"]).lower() for c in self.item["columns"]}
        return len(primary.columns) == 1 and types.get(primary.columns[0]) == "integer"

    def _unique(self, columns: tuple[str, ...], name: str | None, *, inline: bool = True) -> None:
        if self.family == "sqlite":  # an inline key is SQLite's numbered index; Django's is an index
            if inline:
                self.uniques.append(UniqueConstraint(columns))
                name, self.autoindex = f"sqlite_autoindex_{self.name}_{self.autoindex}", self.autoindex + 1
            self.indexes.append(Index(columns, name, True, "btree"))
            return
        name = unique_key_name(self.family, self.name, columns, name, (i.name for i in self.indexes))
        self.uniques.append(UniqueConstraint(columns, name))
        if self.family in ("postgresql", "mysql"):  # backed by an index, which the catalog lists
            self.indexes.append(Index(columns, name, True, "btree"))

    def _check_name(self, column: str) -> str | None:
        return pg_name(self.name, [column], "check") if self.family == "postgresql" else None

    def _index(self, item: dict[str, Any]) -> Index:
        method = item["using"] or ("btree" if self.family in ("postgresql", "mysql", "sqlite") else None)
        options = tuple(
            " ".join(part for part in (opclass, order) if part)
            for opclass, order in zip(
                item["opclasses"] or [""] * len(item["columns"]),
                item["orders"] or [""] * len(item["columns"]),
                strict=False,
            )
        )
        return Index(
            tuple(item["columns"]),
            item["name"],
            item["unique"],
            method,
            predicate=item["where"],
            options=options if any(options) else (),
        )

    def _foreign_key(self, item: dict[str, Any]) -> ForeignKey:
        on_delete = {"set_on_delete": "SET"}.get(item["on_delete"], item["on_delete"])  # SET(value)
        said = f"on_delete={on_delete} is done by Django, not by the database" if on_delete in _DJANGO_SIDE else None
        target = TableRef(item["target_table"])
        if not item["enforced"]:
            return ForeignKey(
                (item["column"],),
                target,
                (item["target_column"],),
                description=said,
                enforced=False,
                declared_in=DECLARED_IN,
            )
        rule = DEFAULT_RULE.get(self.family)
        return ForeignKey(
            (item["column"],),
            target,
            (item["target_column"],),
            None if self.family == "sqlite" else item["name"],  # SQLite keeps no name for a foreign key
            rule,
            rule,
            description=said,
            deferrable=item["deferrable"] if self.family == "postgresql" else None,
        )

    def _innodb_indexes(self, keys: list[ForeignKey], primary: PrimaryKey | None) -> None:
        """InnoDB indexes a foreign key under its name when no index (or the primary key) starts with
        its columns; Django leaves that index to InnoDB."""
        for fk in keys:
            if fk.enforced and innodb_adds_index(fk.columns, self.indexes, primary):
                self.indexes.append(Index(fk.columns, fk.name, method="btree"))


__all__ = ["DECLARED_IN", "read_django"]
