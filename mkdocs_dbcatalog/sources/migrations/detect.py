"""Which migration tool a folder belongs to, told from its contents alone.

Each tool leaves marks (a config file, a file-name pattern, an annotation inside the files). A
folder with the marks of exactly one tool is that tool's; none or several is an error that lists
what was found, so the user can set `migrations.tool`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

from ...errors import CatalogError
from .base import SKIPPED_DIRS

MAX_DEPTH = 5
MAX_FILES = 5000
HEAD_BYTES = 4096

_NAMES: list[tuple[str, str, re.Pattern[str]]] = [
    ("flyway", "Flyway file names (V<version>__<name>.sql)", re.compile(r"^[VUBR]\d*(?:[._]\d+)*__.+\.sql$", re.I)),
    (
        "golang-migrate",
        "golang-migrate file names (<version>_<name>.up.sql)",
        re.compile(r"^\d+_.+\.(?:up|down)\.\w+$"),
    ),
]
_CONFIGS = {
    "alembic.ini": ("alembic", "alembic.ini"),
    "script.py.mako": ("alembic", "an Alembic script.py.mako"),
    "migration_lock.toml": ("prisma", "a Prisma migration_lock.toml"),
    "flyway.conf": ("flyway", "flyway.conf"),
    "flyway.toml": ("flyway", "flyway.toml"),
    "sqitch.plan": ("sqitch", "sqitch.plan (Sqitch is not supported)"),
    "diesel.toml": ("diesel", "diesel.toml (Diesel is not supported)"),
    "knexfile.js": ("knex", "knexfile.js (Knex is not supported)"),
    "knexfile.ts": ("knex", "knexfile.ts (Knex is not supported)"),
    ".sequelizerc": ("sequelize", ".sequelizerc (Sequelize is not supported)"),
}
_CONTENT: list[tuple[str, str, Callable[[str, str], bool]]] = [
    (
        "alembic",
        "Alembic revision files (revision = ...)",
        lambda n, t: (
            n.endswith(".py")
            and bool(
                re.search(r"^\s*down_revision\s*(?::[^=\n]+)?=", t, re.M)
                and re.search(r"^\s*revision\s*(?::[^=\n]+)?=", t, re.M)
            )
        ),
    ),
    (
        "django",
        "Django migrations (class Migration(migrations.Migration))",
        lambda n, t: n.endswith(".py") and bool(re.search(r"class\s+Migration\s*\(\s*migrations\.Migration\s*\)", t)),
    ),
    (
        "goose",
        "goose annotations (-- +goose Up)",
        lambda n, t: (
            (n.endswith(".sql") and bool(re.search(r"^\s*--\s*\+goose\s+up\b", t, re.I | re.M)))
            or (n.endswith(".go") and "goose.Add" in t)
        ),
    ),
    (
        "dbmate",
        "dbmate sections (-- migrate:up)",
        lambda n, t: n.endswith(".sql") and bool(re.search(r"^--\s*migrate:up\b", t, re.M)),
    ),
    (
        "rails",
        "Rails migrations (ActiveRecord::Migration)",
        lambda n, t: n.endswith(".rb") and "ActiveRecord::Migration" in t,
    ),
    (
        "liquibase",
        "Liquibase changelogs (databaseChangeLog)",
        lambda n, t: n.endswith((".xml", ".yaml", ".yml", ".json")) and "databaseChangeLog" in t,
    ),
    (
        "liquibase",
        "Liquibase formatted SQL (--liquibase formatted sql)",
        lambda n, t: n.endswith(".sql") and bool(re.match(r"\s*--\s*liquibase\s+formatted", t, re.I)),
    ),
    ("prisma", "Prisma migration folders (<name>/migration.sql)", lambda n, t: n == "migration.sql"),
]
_CONTENT_SUFFIXES = (".py", ".sql", ".go", ".rb", ".xml", ".yaml", ".yml", ".json")


def evidence(path: Path) -> dict[str, list[str]]:
    """What each tool's marks found under `path`: tool → descriptions with an example file."""
    found: dict[str, dict[str, list[str]]] = {}

    def note(tool: str, what: str, where: Path) -> None:
        found.setdefault(tool, {}).setdefault(what, []).append(_show(where, path))

    files = [path] if path.is_file() else _files(path)
    for file in files:
        name = file.name
        if name in _CONFIGS:
            tool, what = _CONFIGS[name]
            note(tool, what, file)
        for tool, what, pattern in _NAMES:
            if pattern.match(name):
                note(tool, what, file)
        if name.endswith(_CONTENT_SUFFIXES):
            head = _head(file)
            for tool, what, check in _CONTENT:
                if check(name, head):
                    note(tool, what, file)
    return {tool: [f"{what} ({_examples(where)})" for what, where in whats.items()] for tool, whats in found.items()}


def _files(root: Path) -> list[Path]:
    result: list[Path] = []
    base_depth = len(root.parts)
    for directory, dirs, names in os.walk(root):
        current = Path(directory)
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS and not d.startswith("."))
        if len(current.parts) - base_depth >= MAX_DEPTH:
            dirs[:] = []
        result += [current / n for n in sorted(names)]
        if len(result) >= MAX_FILES:
            break
    return result[:MAX_FILES]


def _head(file: Path) -> str:
    try:
        with file.open("rb") as handle:
            return handle.read(HEAD_BYTES).decode("utf-8", errors="replace")
    except OSError:
        return ""


def _show(file: Path, root: Path) -> str:
    try:
        return file.relative_to(root).as_posix() or file.name
    except ValueError:
        return file.name


def _examples(files: list[str]) -> str:
    shown = ", ".join(files[:2])
    return shown + (f" and {len(files) - 2} more" if len(files) > 2 else "")


SUPPORTED = ("alembic", "django", "flyway", "golang-migrate", "prisma", "rails", "dbmate", "goose", "liquibase")


def detect(path: Path) -> str:
    """The one tool whose marks the folder has, or a CatalogError listing what was found."""
    found = evidence(path)
    supported = {tool: what for tool, what in found.items() if tool in SUPPORTED}
    if len(supported) == 1:
        return next(iter(supported))
    listing = "; ".join(f"{tool}: {', '.join(what)}" for tool, what in sorted(found.items()))
    if not supported:
        raise CatalogError(
            f"cannot tell which migration tool {path.name or path} belongs to"
            + (f": found only {listing}" if listing else ": it holds no migration files of a supported tool"),
            where=str(path),
            hint="set migrations.tool to one of " + ", ".join(SUPPORTED),
        )
    raise CatalogError(
        f"{path.name or path} holds the marks of several migration tools: {listing}",
        where=str(path),
        hint="set migrations.tool, or point migrations.path at the one tool's folder",
    )
