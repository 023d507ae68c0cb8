"""What each migration does to the schema, read from the files its tool's reader found.

One entry point for every tool: `analyse(files, engine)` gives an `Analysed` per migration key.
Nothing is executed. A tool whose files cannot be analysed gives nothing, and pages then say
nothing about changes rather than something wrong.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...sources.migrations import FileSet
from ..operations import Analysed
from . import alembic
from .sqlreader import SqlReader


def analyse(files: FileSet, engine: str | None) -> dict[str, Analysed]:
    """Operations per migration key, for the tools whose migrations can be read statically."""
    sql = SqlReader(engine)
    if files.tool == "alembic":
        return {f.key: _guarded(alembic.analyse, f.source, engine, sql) for f in files.found if f.source is not None}
    if files.tool == "django":
        from . import django

        return django.analyse(files, engine, sql)
    if files.tool == "rails":
        from . import rails

        return rails.analyse(files, engine, sql)
    if files.tool in _SQL_TOOLS:
        from . import sqlfiles

        return sqlfiles.analyse(files, sql)
    return {}


_SQL_TOOLS = ("flyway", "golang-migrate", "goose", "dbmate", "prisma", "liquibase")


def _guarded(analyser: Callable[..., Analysed], *args: Any) -> Analysed:
    """An analyser's own failure on an unusual file marks that migration, never fails the build."""
    try:
        return analyser(*args)
    except RecursionError:
        return Analysed(unread=["the file is nested too deeply to be read"], failed=True)
    except Exception as problem:
        return Analysed(
            unread=[f"the analyser could not read this file ({type(problem).__name__}: {problem})"], failed=True
        )


__all__ = ["analyse"]
