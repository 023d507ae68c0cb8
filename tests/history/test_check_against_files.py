"""`check --against git:REF` on a site whose database is a SQLite file next to mkdocs.yml (the sample
site's notifications): the file is the working tree's for both sides, as every live database is. And
on one whose structure comes from its models (the sample's payments, from schema.prisma)."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

from click.testing import CliRunner

from mkdocs_dbcatalog.cli import main

SHOP = """\
database: shop
connection:
  url: sqlite:///shop.db
tables:
  orders:
    purpose: Orders.
"""


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.invalid", *args], cwd=repo, check=True)


def test_a_database_file_named_relative_to_the_site_is_read_for_the_baseline_too(tmp_path: Path) -> None:
    site = tmp_path / "repo" / "site"
    (site / "catalog").mkdir(parents=True)
    (site / "docs").mkdir()
    (site / "docs" / "index.md").write_text("# Home\n")
    (site / "mkdocs.yml").write_text("site_name: T\nplugins:\n  - dbcatalog:\n      catalog: catalog/\n")
    (site / "catalog" / "shop.yml").write_text(SHOP)
    with sqlite3.connect(site / "shop.db") as db:
        db.execute("CREATE TABLE orders (id integer PRIMARY KEY, note text)")
        db.execute("CREATE TABLE events (name text)")  # no key: a finding on both sides
    db.close()
    (site / ".gitignore").write_text("shop.db\n")
    git(tmp_path, "init", "-q", "-b", "main", "repo")
    git(site, "add", "-A")
    git(site, "commit", "-qm", "the catalog")
    (site / "catalog" / "shop.yml").write_text(SHOP + "  events:\n    purpose: Events.\n")
    result = CliRunner().invoke(
        main, ["check", "-f", str(site / "mkdocs.yml"), "--against", "git:main"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    assert "does not exist" not in result.output
    assert "table-without-primary-key" not in result.output  # main has it too: not the change's
    assert "1 known finding(s) left out" in result.output


PAYMENTS = """\
database: payments
engine: postgresql
models:
  prisma: ../prisma/schema.prisma
"""

PRISMA = """\
datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

model Payment {
  id     Int @id
  amount Int
}
"""


def test_model_files_are_read_as_the_revision_has_them(tmp_path: Path) -> None:
    site = tmp_path / "repo" / "site"
    for folder in ("catalog", "docs", "prisma"):
        (site / folder).mkdir(parents=True)
    (site / "docs" / "index.md").write_text("# Home\n")
    (site / "mkdocs.yml").write_text("site_name: T\nplugins:\n  - dbcatalog:\n      catalog: catalog/\n")
    (site / "catalog" / "payments.yml").write_text(PAYMENTS)
    (site / "prisma" / "schema.prisma").write_text(PRISMA)
    git(tmp_path, "init", "-q", "-b", "main", "repo")
    git(site, "add", "-A")
    git(site, "commit", "-qm", "the catalog")
    (site / "prisma" / "schema.prisma").write_text(
        PRISMA.replace("  amount Int\n", "  amount Int\n}\n\nmodel Log {\n  at Int\n")
    )
    result = CliRunner().invoke(
        main, ["check", "-f", str(site / "mkdocs.yml"), "--against", "git:main"], catch_exceptions=False
    )
    assert result.exit_code == 1, result.output  # the change adds a model (a table) with no primary key
    assert "does not exist" not in result.output
    assert "table-without-primary-key" in result.output and "Log" in result.output
