"""Shell commands and connection strings shown on pages: migrations per tool; connect, backup and
restore per engine; each engine's own connection-string form.

Filled from the masked URL, so a page shows the real host and user but never the password.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from ..catalog import engines
from ..catalog.model import Database, MigrationHistory, MigrationStatus
from ..catalog.summary import assumed_url
from ..urls import MASK
from ..urls import parse as parse_url


def _url(database: Database) -> str:
    """The masked URL the commands are filled with: the real one, or one assumed from the YAML."""
    host, port = database.host or "HOST", database.port or "PORT"
    unknown = f"{database.engine or 'ENGINE'}://USER:****@{host}:{port}/{database.name}"
    return database.url or assumed_url(database) or unknown


@dataclass(frozen=True)
class _Target:
    """The masked connection, in the pieces each tool's own URL syntax needs."""

    engine: str
    user: str
    secret: str
    """`:****` when the URL has a password (masked), else empty."""
    host: str
    port: str
    database: str
    query: str
    masked: str

    @classmethod
    def of(cls, database: Database) -> _Target:
        url = _url(database)
        parsed = parse_url(url)
        engine = engines.normalize(parsed.scheme) or database.engine or "ENGINE"
        known = engines.engine_for(engine)
        return cls(
            engine=engine,
            user=parsed.user or "USER",
            secret=f":{MASK}" if f":{MASK}@" in parsed.masked else "",
            host=parsed.host or "HOST",
            port=str(parsed.port or (known.default_port if known else None) or "PORT"),
            database=parsed.database or database.name,
            query=("?" + urlencode(parsed.query, safe="*/:")) if parsed.query else "",
            masked=parsed.masked,
        )

    @property
    def go_url(self) -> str:
        """The URL golang-migrate, dbmate and goose take: no SQLAlchemy `+driver`, `postgres://`."""
        if self.engine == "sqlite":
            return f"sqlite3://{self.database}"
        if self.engine in ("mysql", "mariadb"):
            return f"mysql://{self.user}{self.secret}@tcp({self.host}:{self.port})/{self.database}{self.query}"
        scheme = "postgres" if self.engine == "postgresql" else self.engine
        return f"{scheme}://{self.user}{self.secret}@{self.host}:{self.port}/{self.database}{self.query}"

    @property
    def plain_url(self) -> str:
        """`postgresql://user:****@host:port/db`, as Prisma, Rails and dbmate read DATABASE_URL."""
        if self.engine == "sqlite":
            return f"sqlite:{self.database}" if self.database.startswith("/") else f"file:{self.database}"
        scheme = "mysql" if self.engine == "mariadb" else self.engine
        return f"{scheme}://{self.user}{self.secret}@{self.host}:{self.port}/{self.database}{self.query}"

    @property
    def jdbc(self) -> str:
        if self.engine == "sqlite":
            return f"jdbc:sqlite:{self.database}"
        return f"jdbc:{self.engine}://{self.host}:{self.port}/{self.database}"

    @property
    def goose_driver(self) -> str:
        return {"postgresql": "postgres", "mariadb": "mysql", "sqlite": "sqlite3"}.get(self.engine, self.engine)

    @property
    def goose_dsn(self) -> str:
        if self.engine in ("mysql", "mariadb"):
            return f"{self.user}{self.secret}@tcp({self.host}:{self.port})/{self.database}{self.query}"
        return self.database if self.engine == "sqlite" else self.go_url


def connection_url(database: Database) -> str | None:
    """The connection string in the form the engine's own users and tools take (`postgresql://`
    for psql rather than SQLAlchemy's `postgresql+psycopg://`; ADO.NET for SQL Server; EZConnect
    for Oracle), built from the masked URL; the masked URL itself for an engine the catalog does not know."""
    if database.url is None and assumed_url(database) is None:
        return None
    t = _Target.of(database)
    engine = engines.engine_for(t.engine)
    if engine is None or engine.url_form is None:
        return t.masked
    return engines.fill(
        engine.url_form,
        user=t.user,
        password=MASK if t.secret else None,
        host=t.host,
        port=t.port,
        database=t.database,
        query=t.query,
    )


def connect_command(database: Database) -> str | None:
    """The engine's own client connected to the database (it asks for the password itself)."""
    engine = engines.engine_for(database.engine)
    if engine is None or engine.connect is None:
        return None
    t = _Target.of(database)
    return engines.fill(engine.connect, user=t.user, password=None, host=t.host, port=t.port, database=t.database)


def _defaults(history: MigrationHistory, t: _Target) -> tuple[str, str, str] | None:
    """Run, roll back one, and show status, as each tool's documentation writes them."""
    path = history.path or "migrations"
    config = history.config
    last = next((m for m in reversed(history.migrations) if m.status is MigrationStatus.APPLIED), None)
    newest = last or (history.migrations[-1] if history.migrations else None)
    tool = history.tool
    if tool == "alembic":
        c = f" -c {config}" if config else ""
        target = "heads" if len(history.heads) > 1 else "head"
        return (f"alembic{c} upgrade {target}", f"alembic{c} downgrade -1", f"alembic{c} history --indicate-current")
    if tool == "django":
        manage = f"python {config}" if config else "python manage.py"
        rollback = f"{manage} migrate <app> <previous_migration>"
        if newest is not None:
            app, _, _ = newest.version.partition(".")
            parent = next((p for p in newest.parents if p.startswith(f"{app}.")), None)
            rollback = f"{manage} migrate {app} {parent.partition('.')[2] if parent else 'zero'}"
        return (f"{manage} migrate", rollback, f"{manage} showmigrations")
    if tool == "flyway":
        base = f'flyway -url="{t.jdbc}" -user={t.user} -locations=filesystem:{path}'
        if config:
            base = f"flyway -configFiles={config}"
        return (f"{base} migrate", f"# undo needs Flyway Teams or Enterprise\n{base} undo", f"{base} info")
    if tool == "golang-migrate":
        base = f'migrate -path {path} -database "{t.go_url}"'
        return (f"{base} up", f"{base} down 1", f"{base} version")
    if tool == "prisma":
        env = f'DATABASE_URL="{t.plain_url}" '
        name = newest.path.partition("/")[0] if newest is not None and newest.path else "<migration_name>"
        return (
            f"{env}npx prisma migrate deploy",
            "# Prisma has no down migrations: revert with a new migration; a failed one is marked with\n"
            f"{env}npx prisma migrate resolve --rolled-back {name}",
            f"{env}npx prisma migrate status",
        )
    if tool == "rails":
        env = f'DATABASE_URL="{t.plain_url}" '
        return (f"{env}bin/rails db:migrate", f"{env}bin/rails db:rollback STEP=1", f"{env}bin/rails db:migrate:status")
    if tool == "dbmate":
        base = f'dbmate --url "{t.plain_url}" --migrations-dir {path}'
        return (f"{base} up", f"{base} rollback", f"{base} status")
    if tool == "goose":
        base = f'goose -dir {path} {t.goose_driver} "{t.goose_dsn}"'
        return (f"{base} up", f"{base} down", f"{base} status")
    if tool == "liquibase":
        secret = f" --password={MASK}" if t.secret else ""
        base = f'liquibase --url="{t.jdbc}" --username={t.user}{secret} --changelog-file={config or path}'
        return (f"{base} update", f"{base} rollback-count 1", f"{base} status --verbose")
    return None


def migration_commands(database: Database) -> str | None:
    """Run, roll back one, and show status: the YAML's own commands first, else the tool's,
    filled with the masked connection (a page shows host and user, never the password)."""
    history = database.migrations
    if history is None:
        return None
    written = history.commands
    defaults = _defaults(history, _Target.of(database))
    run, rollback, status = defaults or (None, None, None)
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
    file_engine = engine is not None and engine.id in ("sqlite", "duckdb")  # the backup is named by the database
    values = {
        "host": database.host or "HOST",
        "port": database.port or (engine.default_port if engine else None) or "PORT",
        "user": (parsed.user if parsed else None) or "USER",
        "database": database.name if file_engine or not in_url else in_url,
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
