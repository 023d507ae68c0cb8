"""Generated catalogs for the ER tests and benchmarks: large, connected, and with awkward names."""

from __future__ import annotations

import random

import yaml

AWKWARD_TABLES = [
    "order items",  # a space
    "select",  # a reserved word in SQL
    "end",  # a keyword of Mermaid's grammar
    'say "hi"',  # double quotes
    "100% #1 <b>bold</b> a\\b",  # percent, hash, HTML, backslash
    "__dunder__ *star* `tick`",  # Markdown that must stay literal
    "clients_été_表",  # unicode
    "one",  # a cardinality word in Mermaid
]


def big_catalog_yaml(tables: int = 1000, *, schemas: int = 1, seed: int = 7, name: str = "big") -> str:
    """A database file with `tables` tables: hubs, chains, junctions, self-references, loners.

    Each table references up to three earlier ones, preferring well-referenced tables (as real
    schemas do: `users`, `accounts`), so most tables form one large connected group.
    """
    rng = random.Random(seed)
    keys: list[str] = []
    weight: list[int] = []
    spec: dict[str, dict[str, object]] = {}
    for i in range(tables):
        schema = f"s{i % schemas}." if schemas > 1 else ""
        key = f"{schema}t{i:04d}"
        columns: dict[str, dict[str, object]] = {"id": {"type": "bigint", "nullable": False, "primary_key": True}}
        foreign_keys = []
        if i % 97 == 0 and i:
            pass  # a table with no relationship at all
        elif i % 23 == 0 and len(keys) > 2:
            a, b = rng.sample(keys[: max(3, len(keys) // 2)], 2)
            columns = {
                "a_id": {"type": "bigint", "nullable": False},
                "b_id": {"type": "bigint", "nullable": False},
                "created_at": {"type": "timestamp with time zone"},
            }
            foreign_keys = [
                {"columns": ["a_id"], "references": f"{a}(id)"},
                {"columns": ["b_id"], "references": f"{b}(id)"},
            ]
            spec[key] = {"columns": columns, "primary_key": ["a_id", "b_id"], "foreign_keys": foreign_keys}
            continue  # a junction has no `id`: nothing references it
        elif keys:
            for n in range(rng.randint(1, 3)):
                target = rng.choices(keys, weights=weight)[0]
                weight[keys.index(target)] += 3
                columns[f"ref{n}_id"] = {"type": "bigint", "nullable": rng.random() < 0.3}
                foreign_keys.append({"columns": [f"ref{n}_id"], "references": f"{target}(id)"})
        if i % 31 == 0:
            columns["parent_id"] = {"type": "bigint", "nullable": True}
            foreign_keys.append({"columns": ["parent_id"], "references": f"{key}(id)"})
        columns["name"] = {"type": "varchar(255)"}
        spec[key] = {"columns": columns, "foreign_keys": foreign_keys}
        keys.append(key)
        weight.append(1)
    return yaml.safe_dump({"database": name, "tables": spec}, sort_keys=False, allow_unicode=True)


def awkward_catalog_yaml() -> str:
    """Tables whose names and types Mermaid cannot take as they are, all related to each other."""
    spec: dict[str, dict[str, object]] = {
        "hub.parent": {
            "columns": {
                "id": {"type": "bigint", "nullable": False, "primary_key": True},
                "display name": {"type": "character varying(255)", "unique": True},
                "amount": {"type": "numeric(10,2)"},
            }
        }
    }
    for name in AWKWARD_TABLES:
        spec[name] = {
            "columns": {
                "id": {"type": "bigint", "nullable": False, "primary_key": True},
                "parent id": {"type": "timestamp with time zone", "nullable": True, "references": "hub.parent(id)"},
                "tag": {"type": 'enum("a","b")'},
            }
        }
    return yaml.safe_dump({"database": "awkward", "tables": spec}, sort_keys=False, allow_unicode=True)
