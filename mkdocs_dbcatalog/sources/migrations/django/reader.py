"""Django: every app's migrations parsed with `ast`, planned as `manage.py migrate --plan` plans them.

A migration's version is `app.name`, as Django prints it. Parents are the same-app dependencies (two
or more make a merge); other apps' dependencies order the plan without being parents. Squashed
migrations follow Django's loader: the squash stands in for the migrations it `replaces` unless
only some of those are applied.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ....catalog.model import Migration, MigrationStatus
from ..base import Applied, FileSet, Found, Resolved, Row, fail, missing_and_failed, with_row
from .files import App, Parsed, app_folders, installed_apps, migration_files, parse_file
from .loader import plan
from .settings import Settings, read_settings

TOOL = "django"
TABLE = "django_migrations"
COLUMNS = ("app", "name", "applied")

FORMS = "the project, an app, a folder of apps, or one app's migrations/ package"


def read(path: Path) -> FileSet:
    """Every migration of every app under `path`, oldest first in `migrate --plan` order."""
    if not path.is_dir():
        raise fail("is not a folder", path, hint=f"point migrations.path at {FORMS}")
    manage = _manage_py(path)
    project = manage.parent if manage else path
    settings = read_settings(project)
    roots = [project, project / "src", path, *(Path(p) for p in sys.path if p)]
    installed, labels_installed = installed_apps(settings.installed_apps, roots)
    found_apps = app_folders(path)
    apps = found_apps
    if settings.all_apps_known:
        # Django loads only the installed apps: others under the path (templates, test apps) never run.
        apps = [app for app in found_apps if app.label in labels_installed]
    problems: list[str] = []
    parsed: dict[str, Parsed] = {}
    labels: dict[str, Path] = {}
    for app in apps:
        if app.label in labels:
            problems.append(
                f"two apps are labelled {app.label} ({_shown(labels[app.label], path)}, {_shown(app.folder, path)}): "
                "Django refuses duplicate labels; set a label on one AppConfig"
            )
            continue
        labels[app.label] = app.folder
        for file in migration_files(app.folder):
            item = parse_file(app.label, file, path, problems)
            if item is not None:
                parsed[item.key] = item
    if not parsed and found_apps and not apps:
        listed = ", ".join(sorted({app.label for app in found_apps}))
        raise fail(
            f"holds migrations only of apps INSTALLED_APPS does not list ({listed}): Django never runs them",
            path,
            hint="add the app to INSTALLED_APPS, or point migrations.path at the project's apps",
        )
    if not parsed:
        raise fail(
            "holds no Django migrations: no app's migrations/ package (with __init__.py) has a migration file",
            path,
            hint=f"point migrations.path at {FORMS}",
        )
    others = _others(installed, path, labels)
    found, plan_problems = plan(parsed, set(), settings, others)
    problems += plan_problems
    heads = tuple(f.key for f in found if f.key in _leaves(found))
    context = {"parsed": parsed, "installed": others, "settings": settings, "config": manage}
    return FileSet(TOOL, path, tuple(found), tuple(problems), heads, context)


def _others(installed: list[App], path: Path, ours: Mapping[str, Path]) -> dict[str, Parsed]:
    """Migrations of the installed apps outside `path` (django.contrib, third-party apps) where this
    machine has them: not shown, but their leaves order the plan (`admin` pulls in the first
    migration of the app that holds AUTH_USER_MODEL, as `migrate` does)."""
    parsed: dict[str, Parsed] = {}
    for app in installed:
        if app.label in ours or app.folder.resolve().is_relative_to(path.resolve()):
            continue
        for file in migration_files(app.folder):
            item = parse_file(app.label, file, app.folder, [])
            if item is not None:
                parsed[item.key] = item
    return parsed


def _shown(folder: Path, root: Path) -> str:
    try:
        return folder.relative_to(root).as_posix()
    except ValueError:
        return str(folder)


def _manage_py(path: Path) -> Path | None:
    """The project's manage.py: in `path` or up to three folders above it (for the commands and settings)."""
    for folder in [path, *path.parents][:4]:
        if (folder / "manage.py").is_file():
            return folder / "manage.py"
    return None


def _leaves(found: list[Found]) -> set[str]:
    parents = {p for f in found for p in f.migration.parents}
    return {f.key for f in found if f.key not in parents}


def rows(records: Iterable[Mapping[str, Any]]) -> list[Row]:
    return [
        Row(f"{r['app']}.{r['name']}", applied_at=r.get("applied"))
        for r in records
        if r.get("app") is not None and r.get("name") is not None
    ]


def resolve(files: FileSet, applied: Applied | None) -> Resolved:
    """Applied = a row for (app, name); a squash counts when all it replaces are applied."""
    if applied is None:
        return Resolved(tuple(f.migration for f in files.found))
    parsed: Mapping[str, Parsed] = files.context["parsed"]
    settings: Settings = files.context["settings"]
    apps = {p.app for p in parsed.values()}
    by_key = {row.key: row for row in applied.rows}
    # Rows of apps this folder does not hold (django.contrib, third-party apps) are not ours to judge.
    ours = {k: r for k, r in by_key.items() if k.partition(".")[0] in apps}
    installed: Mapping[str, Parsed] = files.context["installed"]
    others = {k for k in by_key if k.partition(".")[0] in {p.app for p in installed.values()}}
    found, problems = plan(parsed, set(ours) | others, settings, installed)
    migrations = []
    covered: set[str] = set()
    for item in found:
        row = ours.get(item.key)
        replaced = item.migration.replaces
        if row is None and replaced and all(r in ours for r in replaced):
            row = max(
                (ours[r] for r in replaced), key=lambda r: r.applied_at or datetime.min.replace(tzinfo=timezone.utc)
            )
        covered.update(replaced)
        covered.add(item.key)
        status = MigrationStatus.APPLIED if row is not None else MigrationStatus.PENDING
        migrations.append(with_row(item.migration, status, row))
    for key, row in ours.items():
        if key not in covered and key not in parsed:
            migrations.append(
                Migration(
                    version=key,
                    name=key.partition(".")[2],
                    status=MigrationStatus.MISSING_FILE,
                    applied_at=row.applied_at,
                )
            )
    problems += missing_and_failed(migrations, applied.table)
    states = {m.version: m.status for m in migrations}
    for m in migrations:
        if states[m.version] is MigrationStatus.APPLIED:
            behind = [p for p in (*m.parents, *m.depends_on) if states.get(p) is MigrationStatus.PENDING]
            if behind:
                problems.append(
                    f"{m.version} is applied but its dependency {behind[0]} is not: Django will refuse to migrate "
                    "(InconsistentMigrationHistory)"
                )
    latest: dict[str, str] = {}
    for m in migrations:
        if m.status is MigrationStatus.APPLIED:
            latest[m.version.partition(".")[0]] = m.version
    return Resolved(tuple(migrations), tuple(problems), tuple(latest[app] for app in sorted(latest)))
