"""JSON: the export document (export/document.py), following the published `catalog-export.schema.json`."""

from __future__ import annotations

import json
from pathlib import Path

from ..catalog.model import Catalog, Database
from .document import catalog_document

SCHEMA = Path(__file__).with_name("catalog-export.schema.json")
"""The JSON Schema every JSON export follows; shipped in the package and published with the site."""


def write(catalog: Catalog, databases: list[Database], schema_url: str | None = None) -> str:
    document = catalog_document(catalog, databases, schema_url)
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
