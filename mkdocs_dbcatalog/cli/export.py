"""`export`: the catalog as JSON, CSV, XLSX, DBML or Markdown, for other tools and for people."""

from __future__ import annotations

import os
from pathlib import Path

import click

from ..export import FORMATS
from ..export import export as export_files
from ..output import printable
from .common import CONFIG_OPTION, assemble_or_exit, known_databases, load_plugin_config, relative


@click.command()
@CONFIG_OPTION
@click.option(
    "--format",
    "format_name",
    type=click.Choice(list(FORMATS)),
    required=True,
    help="json: the published export schema. csv, xlsx: one row per column (xlsx: a sheet per database). "
    "dbml: dbdiagram.io / dbdocs (a file per database). markdown: one self-contained document.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(),
    help="The file to write, or the folder for a file per database (an existing folder, or a path "
    "ending in /). Default: standard output for one text file, else the current folder.",
)
@click.option("--per-database", is_flag=True, help="One file per database (<database>.<ext>) instead of one in all.")
@click.option(
    "-d", "--database", "only", multiple=True, metavar="NAME", help="Export this database only; repeat for several."
)
def export(config_file: Path, format_name: str, output: str | None, per_database: bool, only: tuple[str, ...]) -> None:
    """Export the catalog the build would show: structure, descriptions, tags and owners.

    The catalog is assembled exactly as `mkdocs build` does (YAML files, live reads with the
    plugin's timeouts, schema files), with every secret masked. Spreadsheet cells never hold a
    formula; DBML and Markdown escape every name and text.

    \b
    Examples:
      mkdocs-dbcatalog export --format json -o catalog.json
      mkdocs-dbcatalog export --format xlsx -o catalog.xlsx
      mkdocs-dbcatalog export --format dbml -o dbml/           # orders.dbml, identity.dbml...
      mkdocs-dbcatalog export --format csv -d orders > orders.csv
    """
    options, base = load_plugin_config(config_file)
    assembled = assemble_or_exit(options, base)
    known_databases(assembled.catalog, only)
    for warning in assembled.warnings:
        click.echo(f"warning: {printable(warning)}", err=True)
    files = export_files(assembled.catalog, format_name, list(only) or None, per_database=per_database)
    single = len(files) == 1 and not per_database
    if output is None and single and isinstance(files[0].content, str):
        click.echo(files[0].content, nl=False)
        return
    # `-o dbml/` is a folder even when it does not exist yet (Path() would drop the slash).
    as_folder = output is not None and (output.endswith(("/", os.sep)) or Path(output).is_dir())
    if single and output is not None and not as_folder:
        targets = [(Path(output), files[0].content)]
    else:
        folder = Path(output) if output else Path.cwd()
        if folder.exists() and not folder.is_dir():
            raise click.BadParameter(f"{folder} is a file; {len(files)} files need a folder", param_hint="--output")
        targets = [(folder / f.name, f.content) for f in files]
    for path, content in targets:
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")
        click.echo(f"wrote {relative(path)}", err=True)
