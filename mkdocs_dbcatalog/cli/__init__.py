"""The `mkdocs-dbcatalog` command line: the catalog's checks and tools outside `mkdocs build`.

Every command reads the same `mkdocs.yml` with MkDocs' own `load_config`, takes the `dbcatalog`
plugin's options from it and runs the same `assemble()` as the plugin, so the command and the
build always see the same catalog. One module per command; this one only assembles the group.
"""

from __future__ import annotations

import click

from .check import check, rules
from .comments import comments
from .common import EXIT_FINDINGS, EXIT_UNUSABLE, load_plugin_config
from .diff import diff
from .export import export
from .schema import schema
from .snapshot import snapshot


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="mkdocs-dbcatalog", message="%(prog)s %(version)s")
def main() -> None:
    """Write a database catalog's YAML files from live databases, and check the catalog in CI.

    The commands read the site's mkdocs.yml and the dbcatalog plugin's options in it, and the same
    YAML files and databases as `mkdocs build`, so what they report is what the next build shows.
    """


for command in (check, rules, snapshot, schema, diff, export, comments):
    main.add_command(command)


__all__ = ["EXIT_FINDINGS", "EXIT_UNUSABLE", "load_plugin_config", "main"]
