"""The Django column types the analyser names are the installed Django's own (`data_types` of each
backend's DatabaseWrapper), so a history read without Django names the types the database has."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import django

from mkdocs_dbcatalog.history.analyse.django.fieldtypes import DATA_TYPES

BACKENDS = Path(django.__path__[0]) / "db" / "backends"
SIZES = {"max_length": 40, "max_digits": 10, "decimal_places": 2}


def _mysql() -> dict[str, Any]:
    """MySQL's `_data_types`, read from its source: the backend cannot be imported without mysqlclient."""
    tree = ast.parse((BACKENDS / "mysql" / "base.py").read_text(encoding="utf-8"))
    wrapper = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "DatabaseWrapper")
    value = next(
        n.value
        for n in wrapper.body
        if isinstance(n, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "_data_types" for t in n.targets)
    )
    found = ast.literal_eval(value)
    assert isinstance(found, dict)
    return found


def _spelled(value: Any) -> str:
    return str(value(SIZES) if callable(value) else value % SIZES)


def test_the_types_are_djangos_own_for_every_backend() -> None:
    from django.db.backends.postgresql.base import DatabaseWrapper as PostgreSQL
    from django.db.backends.sqlite3.base import DatabaseWrapper as SQLite

    for ours, theirs in (("postgresql", PostgreSQL.data_types), ("sqlite", SQLite.data_types), ("mysql", _mysql())):
        assert len(theirs) > 20
        assert set(theirs) - set(DATA_TYPES[ours]) <= {"GeneratedField"}, ours
        # MySQL spells auto fields `integer AUTO_INCREMENT`: the analyser keeps that as the column's identity
        wrong = {
            field: (spelled % SIZES, _spelled(theirs[field]))
            for field, spelled in DATA_TYPES[ours].items()
            if field in theirs and spelled % SIZES != _spelled(theirs[field]).removesuffix(" AUTO_INCREMENT")
        }
        assert wrong == {}, ours
