"""`schema`: the JSON Schema of the database file, for editors and CI checks (or, with `--export`,
the one that `export --format json` follows, for tools that read the export)."""

from __future__ import annotations

from pathlib import Path

import click

from ..export.as_json import SCHEMA as EXPORT_SCHEMA
from ..sources.yamlschema import schema_text


@click.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write the schema to this file instead of standard output.",
)
@click.option(
    "--export",
    "of_export",
    is_flag=True,
    help="The JSON Schema that `export --format json` follows, instead of the database file's.",
)
def schema(output: Path | None, of_export: bool) -> None:
    """Print the JSON Schema of the database file (generated from the rules the build reads it by).

    Editors with a YAML language server (VS Code's YAML extension, JetBrains IDEs, Neovim) complete
    and check keys when a file starts with a line naming it:

    \b
      # yaml-language-server: $schema=../schemas/database-file.schema.json
      # yaml-language-server: $schema=https://docs.example.com/databases/database-file.schema.json

    The path is relative to the YAML file; every site built with the plugin publishes the schema
    next to its catalog pages.

    \b
    Examples:
      mkdocs-dbcatalog schema -o schemas/database-file.schema.json
      check-jsonschema --schemafile schemas/database-file.schema.json catalog/*.yml
      mkdocs-dbcatalog schema --export -o schemas/catalog-export.schema.json
    """
    text = EXPORT_SCHEMA.read_text(encoding="utf-8") if of_export else schema_text()
    if output is None:
        click.echo(text, nl=False)
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
