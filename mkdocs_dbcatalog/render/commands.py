"""Shell commands shown on database pages: migrations per tool, backup and restore per engine.

Filled from the masked URL, so a page shows the real host and user but never the password.
"""

from __future__ import annotations

from ..catalog import engines
from ..catalog.model import Database
from ..urls import parse as parse_url

_MIGRATION_COMMANDS: dict[str, tuple[str, str, str]] = {
    "alembic": ("alembic upgrade head", "alembic downgrade -1", "alembic current --verbose && alembic history"),
    "django": ("python manage.py migrate", "python manage.py migrate <app> <previous_migration>", "python manage.py showmigrations"),
    "flyway": ('flyway -url="{jdbc}" -locations=filesystem:{path} migrate', 'flyway -url="{jdbc}" -locations=filesystem:{path} undo', 'flyway -url="{jdbc}" -locations=filesystem:{path} info'),
    "golang-migrate": ('migrate -path {path} -database "{url}" up', 'migrate -path {path} -database "{url}" down 1', 'migrate -path {path} -database "{url}" version'),
    "prisma": ("npx prisma migrate deploy", "npx prisma migrate resolve --rolled-back <migration_name>", "npx prisma migrate status"),
    "rails": ("bin/rails db:migrate", "bin/rails db:rollback STEP=1", "bin/rails db:migrate:status"),
    "dbmate": ('dbmate --url "{url}" --migrations-dir {path} up', 'dbmate --url "{url}" --migrations-dir {path} rollback', 'dbmate --url "{url}" --migrations-dir {path} status'),
    "goose": ('goose -dir {path} {driver} "{url}" up', 'goose -dir {path} {driver} "{url}" down', 'goose -dir {path} {driver} "{url}" status'),
    "liquibase": ('liquibase --url="{jdbc}" --changelog-file={path} update', 'liquibase --url="{jdbc}" --changelog-file={path} rollback-count 1', 'liquibase --url="{jdbc}" --changelog-file={path} status --verbose'),
}


def _url(database: Database) -> str:
    if database.url:
        return database.url
    engine = engines.engine_for(database.engine)
    host, port = database.host or "HOST", database.port or (engine.default_port if engine else None) or "PORT"
    scheme = engine.scheme if engine else (database.engine or "ENGINE")
    return f"{scheme}://USER:****@{host}:{port}/{database.name}"


def migration_commands(database: Database) -> str | None:
    """Run, roll back one, and show status: the YAML's own commands first, else the tool's."""
    history = database.migrations
    if history is None:
        return None
    written = history.commands
    defaults = _MIGRATION_COMMANDS.get(history.tool or "")
    if defaults is None and not (written.run or written.rollback or written.status):
        return None
    url = _url(database)
    parsed = parse_url(url)
    values = {
        "url": url,
        "path": history.path or "migrations",
        "jdbc": f"jdbc:{parsed.scheme}://{parsed.host or 'HOST'}:{parsed.port or 'PORT'}/{parsed.database or database.name}",
        "driver": {"postgresql": "postgres", "mariadb": "mysql"}.get(database.engine or "", database.engine or "DRIVER"),
    }
    run, rollback, status = (d.format(**values) for d in defaults) if defaults else (None, None, None)
    lines = []
    for title, command in (
        ("Run migrations", written.run or run),
        ("Roll back the last migration", written.rollback or rollback),
        ("Check migration status", written.status or status),
    ):
        if command:
            lines += [f"# {title}", command, ""]
    return "\n".join(lines).rstrip() or None


def recovery_commands(database: Database) -> str | None:
    """Backup and restore commands: the YAML's own, else the engine's standard tools."""
    backup = database.backup
    engine = engines.engine_for(database.engine)
    written_backup = backup.backup_command if backup else None
    written_restore = backup.restore_command if backup else None
    parsed = parse_url(database.url) if database.url else None
    in_url = parsed.database if parsed and parsed.database else None
    sqlite = engine is not None and engine.id == "sqlite"
    values = {
        "host": database.host or "HOST",
        "port": database.port or (engine.default_port if engine else None) or "PORT",
        "user": (parsed.user if parsed else None) or "USER",
        "database": database.name if sqlite or not in_url else in_url,
        "database_path": in_url or f"{database.name}.db",
    }
    default_backup = engine.backup.format(**values) if engine and engine.backup else None
    default_restore = engine.restore.format(**values) if engine and engine.restore else None
    lines = []
    for title, command in (
        ("Back up the database", written_backup or default_backup),
        ("Restore from the backup", written_restore or default_restore),
    ):
        if command:
            lines += [f"# {title}", command, ""]
    return "\n".join(lines).rstrip() or None
