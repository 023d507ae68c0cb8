"""The JSON Schema of the database file, for editors: generated from the specification that reads files.

`yamlformat` declares every key and `yamlspec` says, next to how each kind of value is read, what JSON
Schema accepts it (`Spec.json_schema`), so the schema editors use (VS Code's YAML extension and
others, through `# yaml-language-server: $schema=...`) cannot drift from what the build accepts. The
package ships the generated file (`database-file.schema.json`, kept equal to the generator by a
test), `mkdocs-dbcatalog schema` prints it, and every site publishes it beside its catalog pages.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .yamlformat import DATABASE_FILE, DOCS_FILE
from .yamlspec import FILLED, Boolean, ListOf, Reusable, Text

FILE_NAME = "database-file.schema.json"
SHIPPED = Path(__file__).with_name(FILE_NAME)
"""The generated schema as the package ships it."""


def database_file_schema() -> dict[str, Any]:
    """The schema of one file of the catalog: a database file, or a file of reusable descriptions."""
    body = {"anyOf": [DATABASE_FILE.json_schema(), DOCS_FILE.json_schema()]}
    shared = {**{name: spec.json_schema() for name, spec in _SHARED.items()}, "filled": FILLED}
    definitions = {name: _refer(schema, shared, keep=name) for name, schema in shared.items()}
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "mkdocs-dbcatalog database file",
        "description": "One database of a mkdocs-dbcatalog catalog (or a file of reusable `docs:` descriptions). "
        "Values may use ${VAR} environment variables; top-level keys starting with x- are ignored.",
        **_refer(body, shared),
        "definitions": definitions,
    }


_SHARED = {"text": Text(), "boolean": Boolean(), "names": ListOf(Text()), "description": Reusable()}
"""Schemas used by many keys, written once under `definitions` (the file is a fifth of the size)."""


def _refer(node: Any, shared: dict[str, dict[str, Any]], keep: str | None = None) -> Any:
    """`node` with every copy of a shared schema (but the one named `keep`) replaced by a `$ref` to it."""
    if isinstance(node, dict):
        for name, schema in shared.items():
            if name != keep and node == schema:
                return {"$ref": f"#/definitions/{name}"}
        return {key: _refer(value, shared) for key, value in node.items()}
    if isinstance(node, list):
        return [_refer(item, shared) for item in node]
    return node


def schema_text() -> str:
    """The schema as the shipped file holds it."""
    return json.dumps(database_file_schema(), indent=2, ensure_ascii=False) + "\n"


__all__ = ["FILE_NAME", "SHIPPED", "database_file_schema", "schema_text"]
