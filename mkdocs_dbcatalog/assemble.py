"""Sources → merge → one checked Catalog. The one code path the plugin and the CLI share."""

from __future__ import annotations

import difflib
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timezone
from pathlib import Path

from .cache import LiveCache
from .catalog.descriptions import with_inherited_descriptions
from .catalog.inference import with_inferred_references
from .catalog.lint import LintSettings
from .catalog.model import Catalog, CrossReference, Database, Drift, Origin
from .catalog.rewrite import map_text
from .catalog.unenforced import with_relations
from .config import PluginConfig
from .errors import CatalogError
from .health import Health, review
from .history import analyse_migrations, annotate, derived_database
from .history.changelog import changelog
from .memory import collector_paused
from .merge import merge_database, merge_models, merge_url_only
from .sources import docblocks
from .sources.live import LiveOptions, LiveRequest
from .sources.migrations import MigrationFiles, migration_history, read_migrations
from .sources.models import ModelsRead, read_models
from .sources.models import watched as watched_models
from .sources.yamlfile import DocsFile, YamlDatabase, discover, load_catalog_file
from .urls import mask_text, may_mask
from .urls import parse as parse_url


@dataclass
class Assembled:
    catalog: Catalog
    warnings: list[str] = field(default_factory=list)
    """Messages for `log.warning` (stale caches); `--strict` turns them into failures. Drift is in `health`."""
    watch: list[Path] = field(default_factory=list)
    """Files and folders whose change should rebuild the catalog under `mkdocs serve`."""
    described: list[YamlDatabase] = field(default_factory=list)
    last_modified: date | None = None
    health: Health | None = None
    """Lint findings and coverage, for build messages, the health page and `mkdocs-dbcatalog check`."""


def read_yaml(options: PluginConfig, base: Path, environ: Mapping[str, str]) -> tuple[list[YamlDatabase], list[Path]]:
    """Every database file of the `catalog` option, checked for duplicate names."""
    files = discover(options.catalog, base)
    if not files and not options.databases:
        raise CatalogError(
            f"no database files found at {options.catalog!r}",
            where="mkdocs.yml",
            hint="create one YAML file per database there, set the plugin's 'catalog' option, or list 'databases'",
        )
    read: list[YamlDatabase | DocsFile] = []
    seen: dict[str, YamlDatabase] = {}
    for file in files:
        item = load_catalog_file(file, _display(file, base), environ)
        read.append(item)
        if isinstance(item, DocsFile):
            continue
        name = item.database.name
        if name in seen:
            raise item.error(
                f"database {name!r} is already described in {seen[name].file}",
                "database",
                hint="database names must be unique; rename one",
            )
        seen[name] = item
    described = docblocks.resolve(read)
    for i, extra in enumerate(options.databases):
        if any(other.name == extra.name for other in options.databases[:i]):
            raise CatalogError(f"database {extra.name!r} is listed twice in 'databases'", where="mkdocs.yml")
        if extra.name in seen:
            raise CatalogError(
                f"database {extra.name!r} is listed in mkdocs.yml and described in {seen[extra.name].file}",
                where="mkdocs.yml",
                hint="give its URL in the YAML file's connection.url instead",
            )
    return described, files


@collector_paused()
def assemble(
    options: PluginConfig, base: Path, environ: Mapping[str, str] | None = None, *, live: LiveCache | None = None
) -> Assembled:
    """Read every source the options name, merge, check. `live` keeps reads across `mkdocs serve` rebuilds."""
    environ = os.environ if environ is None else environ
    described, files = read_yaml(options, base, environ)
    migrations = {item.database.name: read_migrations(item, base) for item in described}
    reads = (live or LiveCache()).read(
        live_requests(options, base, described, migrations),
        refresh=options.refresh,
        on_error=options.on_error,
        cache_dir=base / options.cache_dir,
        concurrency=options.concurrent_reads,
    )
    warnings: list[str] = list(reads.warnings)
    databases: list[Database] = []
    for item in described:
        # Drift (kept on the merged database) is reported as lint findings: see catalog/lint/drift.py.
        found, structure = migrations[item.database.name], reads.databases.get(item.database.name)
        if item.schema_files is not None:
            structure = read_structure_files(item, base, base / options.cache_dir)
        if item.models is not None:
            models = read_models_of(item, base, options)
            structure = models.database if structure is None else merge_models(structure, models)
        analysis = analyse_migrations(found.files, (structure or item.database).engine) if found else None
        if structure is None and found is not None and analysis is not None and not writes_structure(item):
            structure = derived_database(item, base, found, analysis)
        database, _ = merge_database(item, structure)
        if analysis is not None and database.origin is Origin.MIGRATIONS and not analysis.folded.complete:
            database = replace(database, drift=())  # what could not be read is not drift
        history = annotate(migration_history(item, base, found, database.applied), analysis)
        database = with_relations(replace(database, migrations=history), infer=item.infer_relations)
        if writes_structure(item):  # a snapshot file: its git history is the structure's
            database = replace(database, changelog=changelog(base / item.file, options.history.commits))
        databases.append(database)
    for extra in options.databases:
        databases.append(merge_url_only(extra.name, extra.service, extra.description, reads.databases[extra.name]))
    # A URL in any text (a description, a command, `${VAR}` expanded into either) is shown masked.
    catalog = map_text(Catalog(tuple(sorted(databases, key=lambda d: d.name))), mask_text, may_mask)
    check_references(catalog, {item.database.name: item for item in described})
    warnings += [f"database {d.name!r}: {warning}" for d in catalog.databases for warning in d.read_warnings]
    if options.infer_references:
        catalog = with_inferred_references(catalog)
    if options.inherit_descriptions != "off":
        catalog = with_inherited_descriptions(catalog, same_name=options.inherit_descriptions == "same_name")
    watch = [base / options.catalog] if (base / options.catalog).exists() else list(files)
    watch += [item.migrations_dir for item in described if item.migrations_dir is not None]
    watch += [path for item in described if item.schema_files is not None for path in schema_file_paths(item)]
    watch += [path for item in described if item.models is not None for path in watched_models(item.models)]
    health = review(catalog, described, LintSettings(options.lint, options.coverage_threshold))
    return Assembled(catalog, warnings, watch, described, _last_modified(files), health)


def read_structure_files(item: YamlDatabase, base: Path, cache_dir: Path | None = None) -> Database:
    """A database's structure from its schema files, with what the YAML says of the engine and URL;
    the read is kept in `cache_dir` for the next build while the files do not change."""
    from .sources.ddl import read_schema_files  # imports sqlglot: only for sites that have schema files

    assert item.schema_files is not None
    structure = read_schema_files(item.database.name, item.schema_files, base, item.file, cache_dir)
    yaml = item.database
    return replace(structure, engine=yaml.engine or structure.engine, version=yaml.version, url=yaml.url)


def read_models_of(item: YamlDatabase, base: Path, options: PluginConfig) -> ModelsRead:
    """The database as the application's models declare it, with what the YAML says of engine and URL."""
    assert item.models is not None
    yaml = item.database
    read = read_models(
        yaml.name,
        item.models,
        base,
        item.file,
        item.line_of("models"),
        import_code=options.import_models,
        engine=yaml.engine,
    )
    database = replace(read.database, engine=yaml.engine or read.database.engine, version=yaml.version, url=yaml.url)
    return replace(read, database=database)


def schema_file_paths(item: YamlDatabase) -> list[Path]:
    """What `mkdocs serve` watches for a database's schema files: the file or folder, or a glob's files."""
    from .sources.ddl.reader import discover

    assert item.schema_files is not None
    target = item.schema_files.root / item.schema_files.pattern
    return [target] if target.exists() else discover(item.schema_files.pattern, item.schema_files.root)


def writes_structure(item: YamlDatabase) -> bool:
    """Whether the YAML file writes the structure out (column types, as `snapshot` writes them)."""
    return any(c.type for t in item.database.tables for c in t.columns)


def live_requests(
    options: PluginConfig,
    base: Path,
    described: list[YamlDatabase],
    migrations: Mapping[str, MigrationFiles | None] | None = None,
) -> list[LiveRequest]:
    """The databases to read live: YAML files with a URL to introspect, and URL-only `databases`.

    A database with a migration folder also has its tool's bookkeeping table read, in the same session.
    """

    def settings(schemas: Sequence[str], include: Sequence[str], exclude: Sequence[str]) -> LiveOptions:
        return LiveOptions(
            schemas=tuple(schemas),
            include=tuple(include),
            exclude=tuple(exclude),
            connect_timeout=options.connect_timeout,
            statement_timeout=options.statement_timeout,
            base=base,
        )

    requests = []
    for item in described:
        connection = item.connection
        if connection is not None and connection.introspect:
            requests.append(
                LiveRequest(
                    item.database.name,
                    connection.url,
                    settings(connection.schemas, connection.include, connection.exclude),
                    found.bookkeeping if (found := (migrations or {}).get(item.database.name)) else None,
                )
            )
    for extra in options.databases:
        options_ = settings(extra.schemas, extra.include, extra.exclude)
        requests.append(LiveRequest(extra.name, parse_url(extra.url), options_))
    return requests


def check_references(catalog: Catalog, described: Mapping[str, YamlDatabase]) -> None:
    """A cross-service reference must start from a table and column of its own database.

    Its target is checked by the lint rule `cross-service-reference-missing-target` (catalog/lint),
    whose severity users choose: the target may be documented in another site.
    """
    for database in catalog.databases:
        item = described.get(database.name)
        for i, ref in enumerate(database.references):
            problem = _reference_problem(catalog, database, ref)
            if problem is None:
                continue
            key, name, choices, what = problem
            close = difflib.get_close_matches(name, choices, n=1)
            hint = f"did you mean {close[0]!r}?" if close else None
            if item is None:
                raise CatalogError(f"{name!r} is not {what}", where=database.name, hint=hint)
            raise item.error(f"{name!r} is not {what}", "references", i, key, hint=hint)


def _reference_problem(
    catalog: Catalog, database: Database, ref: CrossReference
) -> tuple[str, str, list[str], str] | None:
    """The first thing a reference names that does not exist: (key, name, known names, what it should be)."""
    source = database.table(ref.source.key)
    if database.tables and source is None:
        return "from", ref.source.key, [t.key for t in database.tables], f"a table of {database.name}"
    if source is not None and source.columns and source.column(ref.source_column) is None:
        return "from", ref.source_column, [c.name for c in source.columns], f"a column of {ref.source.key}"
    return None


def _display(file: Path, base: Path) -> str:
    try:
        return file.relative_to(base).as_posix()
    except ValueError:
        return file.as_posix()


def _last_modified(files: list[Path]) -> date | None:
    times = [f.stat().st_mtime for f in files if f.exists()]
    return datetime.fromtimestamp(max(times), tz=timezone.utc).date() if times else None


__all__ = ["Assembled", "Drift", "assemble", "check_references", "live_requests", "read_yaml"]
