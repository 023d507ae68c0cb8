"""The plugin's options in `mkdocs.yml`, typed, each with its default and meaning."""

from __future__ import annotations

import difflib

from mkdocs.config import base
from mkdocs.config import config_options as c

from .catalog.lint import RULES, RuleSetting, Severity


class DatabaseConfig(base.Config):
    """A database given only by URL in `mkdocs.yml`, with no YAML file."""

    name = c.Type(str)
    """Unique name, used in page URLs."""
    url = c.Type(str)
    """Connection URL; use `!ENV NAME` so the password stays out of the file."""
    service = c.Optional(c.Type(str))
    """The service that owns the database."""
    description = c.Optional(c.Type(str))
    schemas = c.ListOfItems(c.Type(str), default=[])
    """Schemas to read; empty means the database's default schema."""
    include = c.ListOfItems(c.Type(str), default=[])
    """Table name patterns (`fnmatch`) to keep; empty keeps all."""
    exclude = c.ListOfItems(c.Type(str), default=[])
    """Table name patterns to leave out."""


class LintRules(base.BaseConfigOption[dict[str, RuleSetting]]):
    """`lint:` in mkdocs.yml: rule name → `error`, `warning`, `off` (or false), or `{severity, exclude, ...}`
    with the rule's own options (`patterns`, `columns`, `max`...)."""

    def __init__(self) -> None:
        super().__init__()
        self.default: dict[str, RuleSetting] = {}

    def run_validation(self, value: object, /) -> dict[str, RuleSetting]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise base.ValidationError("expected a mapping of lint rule names to error, warning or off")
        settings: dict[str, RuleSetting] = {}
        for name, item in value.items():
            if name not in RULES:
                close = difflib.get_close_matches(str(name), RULES, n=1)
                hint = f"did you mean {close[0]!r}?" if close else "known rules: " + ", ".join(RULES)
                raise base.ValidationError(f"unknown lint rule {name!r} ({hint})")
            rule = RULES[name]
            exclude: list[str] | object = []
            options: dict[str, object] = {}
            if isinstance(item, dict):
                known = ["severity", "exclude", *rule.options]
                unknown = set(item) - set(known)
                if unknown:
                    raise base.ValidationError(
                        f"lint rule {name!r}: unknown key {sorted(unknown)[0]!r} (known: {', '.join(known)})"
                    )
                for key, option in rule.options.items():
                    if key in item:
                        try:
                            options[key] = option.parse(item[key])
                        except ValueError as problem:
                            raise base.ValidationError(f"lint rule {name!r}: {key}: {problem}") from None
                item, exclude = item.get("severity", True), item.get("exclude") or []
                if isinstance(exclude, str):
                    exclude = [exclude]
                if not isinstance(exclude, list) or not all(isinstance(p, str) for p in exclude):
                    raise base.ValidationError(f"lint rule {name!r}: 'exclude' must be a list of table name patterns")
            patterns = tuple(exclude) if isinstance(exclude, list) else ()
            severity = self._severity(name, item)
            missing = [key for key, option in rule.options.items() if option.required and key not in options]
            if missing and severity is not Severity.OFF:
                raise base.ValidationError(
                    f"lint rule {name!r} needs {missing[0]!r}: {rule.options[missing[0]].meaning}"
                )
            settings[name] = RuleSetting(severity, patterns, options)
        return settings

    @staticmethod
    def _severity(name: str, item: object) -> Severity:
        # YAML 1.1 reads a bare `off` as false and `on` as true.
        if item is False:
            return Severity.OFF
        if item is True:
            return RULES[name].enabled_severity
        try:
            return Severity(str(item).strip().lower())
        except ValueError:
            raise base.ValidationError(f"lint rule {name!r}: expected error, warning or off, got {item!r}") from None


class Percent(base.BaseConfigOption[float]):
    """A number from 0 to 100."""

    def run_validation(self, value: object, /) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
            raise base.ValidationError(f"expected a percentage from 0 to 100, got {value!r}")
        return float(value)


class Positive(base.BaseConfigOption[int]):
    """A whole number from 1 up."""

    def run_validation(self, value: object, /) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise base.ValidationError(f"expected a whole number from 1 up, got {value!r}")
        return value


class FooterConfig(base.Config):
    version = c.Type(str, default="1.0")
    """Shown as "Database Catalog v<version>"."""
    status = c.Optional(c.Type(str))
    """Free text; by default says where the catalog was read from."""
    last_updated = c.Optional(c.Type(str))
    """A date; by default the newest modification time of the catalog's YAML files."""


class DiagramsConfig(base.Config):
    """Mermaid ER diagrams (rendered by Material's `pymdownx.superfences` mermaid fence)."""

    enabled = c.Type(bool, default=True)
    """Draw diagrams on the catalog, database and table pages; false keeps the text summaries only."""
    columns = c.Choice(("keys", "all", "none"), default="keys")
    """Columns in each table's box: `keys` (primary, foreign, unique), `all`, or `none`."""
    max_tables = c.Type(int, default=30)
    """Tables per diagram block; a larger database is split by schema, then by connected group."""
    max_relations = c.Type(int, default=120)
    """Relationships per diagram block (Mermaid's own limit, 500, is never exceeded)."""
    max_diagrams = c.Type(int, default=10)
    """Diagram blocks per page (each costs the reader's browser about a second); the least connected
    groups past it are listed, not drawn."""
    offline = c.Type(bool, default=False)
    """Ship Mermaid 12 with the site (boxes, ELK, no CDN) instead of loading Material's Mermaid 11 from its CDN."""
    layout = c.Choice(("dagre", "elk"), default="dagre")
    """Mermaid's layout engine; `elk` (often tidier for large blocks) needs `offline: true`."""
    distance = c.Type(int, default=1)
    """How many relationships away a table page's diagram reaches (as tbls' `er.distance`)."""


class HistoryConfig(base.Config):
    """The What changed page of each database: its catalog file's git history."""

    commits = c.Type(int, default=20)
    """How many of the latest commits that changed the file to show; 0 turns the page off."""


class PluginConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Turn the plugin off, e.g. `enabled: !ENV [DBCATALOG, true]`."""
    catalog = c.Type(str, default="catalog")
    """Folder of per-database YAML files (`*.yml`, `*.yaml`), or a glob, relative to mkdocs.yml."""
    path = c.Type(str, default="databases")
    """URL prefix of the generated pages."""
    title = c.Type(str, default="Database Catalog")
    """Title of the catalog page and of its navigation section."""
    subtitle = c.Type(str, default="Complete reference of all databases, schemas, and data models")
    nav_position = c.Optional(c.Type(int))
    """Index of the catalog section among the top-level nav entries; default: last. Negative counts from the end."""
    table_pages = c.Type(bool, default=True)
    """One page per table (not listed in the nav); false puts tables as sections of the database page."""
    custom_templates = c.Optional(c.Dir(exists=True))
    """Folder searched before the shipped templates; override any template by its name."""
    databases = c.ListOfItems(c.SubConfig(DatabaseConfig), default=[])
    """Databases given only by URL."""
    footer = c.SubConfig(FooterConfig)
    diagrams = c.SubConfig(DiagramsConfig)
    infer_references = c.Type(bool, default=False)
    """Also show cross-service references guessed from naming (`user_id` → another database's `users.id`)."""
    connect_timeout = c.Type(int, default=10)
    """Seconds to wait for a database to accept a connection."""
    statement_timeout = c.Type(int, default=30)
    """Seconds any one catalog query may run."""
    concurrent_reads: c.Optional[int] = c.Optional(Positive())
    """How many databases are read at once (each on its own connection); default: 4 per CPU core, at
    most 32. An unreachable one holds one of them for `connect_timeout` while the others go on."""
    on_error = c.Choice(("fail", "cached"), default="fail")
    """`cached`: build from the last good read of an unreachable database, with a warning."""
    cache_dir = c.Type(str, default=".cache/plugin/dbcatalog")
    """Where the last good reads are kept, relative to mkdocs.yml."""
    refresh = c.Type(int, default=300)
    """`mkdocs serve`: seconds before a database is read again; Markdown edits never reconnect."""
    lint = LintRules()
    """Severity of each lint rule (`error`, `warning`, `off`), or `{severity: ..., exclude: [table patterns]}`."""
    coverage_threshold: c.Optional[float] = c.Optional(Percent())
    """Percent of tables and columns each database must describe; below it is a `coverage-below-threshold` finding."""
    health_page = c.Type(bool, default=True)
    """Generate the "Catalog health" page (lint findings, coverage) at `<path>/health/`."""
    exports = c.ListOfItems(c.Choice(("json", "csv", "xlsx", "dbml", "markdown")), default=[])
    """Publish the catalog in these formats with the site, linked from each database page (and the
    catalog page): `json`, `csv`, `xlsx`, `dbml`, `markdown`."""
    inherit_descriptions = c.Choice(("references", "same_name", "off"), default="references")
    """A column with no description shows the one of the column its foreign key or declared reference
    points at (`references`), also of a same-named column in its database (`same_name`), or none (`off`)."""
    history = c.SubConfig(HistoryConfig)
    """The What changed page per database, from the git history of its catalog file."""
    import_models = c.Type(bool, default=False)
    """Allow `models: {django: ...}` and `models: {sqlalchemy: ...}`, which import the application's
    code (in a subprocess) to read its models; off, such a database file is an error."""
