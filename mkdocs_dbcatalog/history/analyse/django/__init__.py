"""Django: each migration's `operations`, replayed on a model state the way `migrate` does, as tables.

Django names models, not tables: `AddField(model_name="product", ...)` needs to know the product
model's table, and a foreign key's column takes its type from the target model's primary key. So
the migrations are read in `migrate`'s plan order (the reader's order) across every app, keeping a
small model state: per model its table and fields. Each operation then becomes table operations
with Django's own naming (`<app>_<model>`, `<field>_id`, `<table>_<field>` for many-to-many).

`RunPython` is read only to prove it changes rows, not structure: a function of the file that uses
neither `schema_editor` nor a connection, and calls nothing but Django's ORM and Python's own
modules. Anything else is listed as not analysed.
"""

from __future__ import annotations

from ....sources.migrations import FileSet
from ....sources.migrations.django.settings import DEFAULTS
from ...operations import Analysed
from ..sqlreader import SqlReader
from .reader import Reader


def analyse(files: FileSet, engine: str | None, sql: SqlReader) -> dict[str, Analysed]:
    """Every migration of the plan, in order, against one model state shared by all apps."""
    state = Reader(engine, sql, _swappable(files))
    result: dict[str, Analysed] = {}
    for item in files.found:
        if item.source is None:
            continue
        app = item.key.partition(".")[0]
        try:
            result[item.key] = state.migration(app, item.source)
        except RecursionError:
            result[item.key] = Analysed(unread=["the file is nested too deeply to be read"], failed=True)
    return result


def _swappable(files: FileSet) -> dict[str, str]:
    """Swappable-model settings (`AUTH_USER_MODEL`) as the reader found them in the project's settings."""
    found = files.context.get("settings")
    values = getattr(found, "values", {}) if found is not None else {}
    return {**DEFAULTS, **{k: v for k, v in values.items() if isinstance(v, str)}}


__all__ = ["analyse"]
