"""The `mkdocs-dbcatalog` command line."""

from __future__ import annotations

import click


@click.group()
def main() -> None:
    """Work with the database catalog outside `mkdocs build`."""
