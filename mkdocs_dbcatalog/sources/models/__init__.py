"""Structure and descriptions from the application's own models (`models:` in a database file).

One module per ORM: `prisma` (schema.prisma through a grammar), `rails` (db/schema.rb through
the Ruby grammar of `sources/ruby`), both static; `django` and `sqlalchemy` import the project in
a subprocess (only with the plugin's `import_models: true`), so the build's own interpreter never
runs application code. Each gives a `ModelsRead`: a `Database` whose origin is MODELS, with the
`file:line` each table and column is declared at, for drift messages.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ...catalog.model import ModelSource
from ...errors import CatalogError
from .base import ModelsError, ModelsRead
from .settings import ORMS, ModelSettings

DEFAULT_TIMEOUT = 120
"""Seconds a subprocess may take to import the project and describe its models."""


def read_models(
    name: str,
    settings: ModelSettings,
    base: Path,
    where: str,
    line: int | None = None,
    *,
    import_code: bool = False,
    engine: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> ModelsRead:
    """The database `name` as its models declare it. `where`/`line` name the database file's `models:`.

    `engine` (the database file's) chooses the dialect SQLAlchemy types are compiled for.
    Raises CatalogError with one clear sentence when the models cannot be read.
    """
    if settings.runs_code and not import_code:
        raise CatalogError(
            f"models: reading {settings.orm} models imports the application's code, which the plugin does "
            "only when allowed",
            where=where,
            line=line,
            hint="set import_models: true in the dbcatalog plugin options of mkdocs.yml",
        )
    try:
        read = _read(name, settings, base, engine, timeout)
    except ModelsError as problem:
        raise CatalogError(f"models: {problem}", where=where, line=line) from None
    source = ModelSource(settings.orm, _shown(settings.file, base) if settings.file else settings.described())
    return replace(read, database=replace(read.database, models=source))


def _read(name: str, settings: ModelSettings, base: Path, engine: str | None, timeout: float) -> ModelsRead:
    if settings.orm == "prisma":
        from .prisma import read_prisma

        assert settings.file is not None
        return read_prisma(_existing(settings.file, base), _shown(settings.file, base), name)
    if settings.orm == "rails":
        from .rails import read_schema_rb

        assert settings.file is not None
        return read_schema_rb(_existing(settings.file, base), _shown(settings.file, base), name, engine)
    if settings.orm == "django":
        from .django import read_django

        return read_django(settings, name, base, timeout)
    if settings.orm == "sqlalchemy":
        from .sqlalchemy import read_sqlalchemy

        return read_sqlalchemy(settings, name, engine, base, timeout)
    raise ModelsError(f"{settings.orm} models cannot be read yet")


def _existing(path: Path, base: Path) -> Path:
    if not path.is_file():
        raise ModelsError(f"{_shown(path, base)} does not exist" + (" (it is a folder)" if path.is_dir() else ""))
    return path


def _shown(path: Path, base: Path) -> str:
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def watched(settings: ModelSettings) -> list[Path]:
    """What `mkdocs serve` watches: the schema file, or the folders the imported project lives in."""
    if settings.file is not None:
        return [settings.file]
    return [folder for folder in settings.folders() if folder.exists()]


__all__ = ["ORMS", "ModelSettings", "ModelsError", "ModelsRead", "read_models", "watched"]
