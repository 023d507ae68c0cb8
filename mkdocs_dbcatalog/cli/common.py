"""What every command shares: exit codes, the site's plugin options, paths as users type them."""

from __future__ import annotations

import contextlib
import difflib
import logging
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..assemble import Assembled, assemble
from ..cache import LiveCache
from ..catalog.model import Catalog
from ..config import PluginConfig
from ..errors import CatalogError
from ..output import printable

if TYPE_CHECKING:
    from ..history.against import Baseline

EXIT_FINDINGS = 1
"""Exit code when an error-level finding (or, with --strict, any finding) was reported."""
EXIT_UNUSABLE = 2
"""Exit code when the configuration or a catalog file cannot be read: nothing was checked."""


class Unusable(click.ClickException):
    """Nothing could be checked or written: the message is printed on stderr and the command exits with 2."""

    exit_code = EXIT_UNUSABLE

    def __init__(self, message: str, problem: CatalogError | None = None) -> None:
        super().__init__(message)
        self.problem = problem or CatalogError(message)
        """The error itself, for outputs that report it as data (check's JSON and GitHub formats)."""


CONFIG_OPTION = click.option(
    "-f",
    "--config-file",
    type=click.Path(dir_okay=False, path_type=Path),
    default="mkdocs.yml",
    show_default=True,
    help="The MkDocs configuration whose dbcatalog plugin to use.",
)


def load_plugin_config(config_file: Path) -> tuple[PluginConfig, Path]:
    """The dbcatalog plugin's validated options from a mkdocs.yml, and the folder paths are relative to."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    from ..plugin import DbCatalogPlugin

    if not config_file.is_file():
        raise Unusable(f"{config_file}: no such file (give the site's configuration with -f)")
    try:
        with _mkdocs_messages():
            config = load_config(str(config_file))
    except (Abort, ConfigurationError) as problem:
        raise Unusable(f"{config_file}: {problem}") from None
    plugin = next((p for p in config.plugins.values() if isinstance(p, DbCatalogPlugin)), None)
    if plugin is None:
        raise Unusable(f"{config_file} does not use the dbcatalog plugin (add it under 'plugins:')")
    return plugin.config, Path(config.config_file_path or config_file).resolve().parent


def assemble_or_exit(options: PluginConfig, base: Path, live: LiveCache | None = None) -> Assembled:
    try:
        return assemble(options, base, live=live)
    except CatalogError as problem:
        raise Unusable(str(problem), problem) from None


def baseline_or_exit(spec: str, options: PluginConfig, base: Path, live: LiveCache) -> Baseline:
    """The catalog as a git revision has it, for `check --against` (live databases read once, shared)."""
    from ..history.against import baseline

    try:
        return baseline(spec, options, base, live)
    except CatalogError as problem:
        raise Unusable(f"--against {spec}: {problem}", problem) from None


def known_databases(catalog: Catalog, only: Sequence[str]) -> None:
    """Refuse a `--database` name the catalog does not have, with the close one."""
    names = [d.name for d in catalog.databases]
    for name in only:
        if name not in names:
            close = difflib.get_close_matches(name, names, n=1)
            hint = f"did you mean {close[0]!r}?" if close else "databases: " + ", ".join(names)
            raise click.BadParameter(f"no database {name!r} in the catalog ({hint})", param_hint="--database")


def relative(path: Path) -> str:
    """A path relative to the working directory where possible: what editors and GitHub open."""
    try:
        return Path(os.path.relpath(path.resolve(), Path.cwd())).as_posix()
    except ValueError:  # another drive on Windows
        return path.as_posix()


def path_resolver(base: Path, config_file: Path) -> Callable[[str | None], str]:
    def path_of(file: str | None) -> str:
        return relative(base / file) if file else relative(config_file)

    return path_of


@contextlib.contextmanager
def _mkdocs_messages() -> Iterator[None]:
    """Show MkDocs' own warnings and errors (config problems) on stderr while it loads the config."""

    class Echo(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            click.echo(f"{record.levelname}: {printable(record.getMessage())}", err=True)

    handler = Echo(logging.WARNING)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)


__all__ = [
    "CONFIG_OPTION",
    "EXIT_FINDINGS",
    "EXIT_UNUSABLE",
    "Unusable",
    "assemble_or_exit",
    "baseline_or_exit",
    "known_databases",
    "load_plugin_config",
    "path_resolver",
    "relative",
]
