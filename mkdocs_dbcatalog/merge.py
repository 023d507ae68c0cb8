"""Live structure + YAML knowledge → one Database, and the drift between the two.

The live database is the truth for structure; the YAML adds what people know. Anything the YAML
says about a table or column that the live database lacks is drift.
"""

from __future__ import annotations

from .catalog.model import Database, Drift
from .sources.yamlfile import YamlDatabase


def merge_database(described: YamlDatabase, live: Database | None) -> tuple[Database, list[tuple[Drift, str]]]:
    """The merged database, and each drift item with the `file:line` it was written at."""
    if live is None:
        return described.database, []
    raise NotImplementedError("live merge")
