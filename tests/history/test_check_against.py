"""`check --against git:REF` in a temporary git repository: only what the change introduces is reported."""

from __future__ import annotations

import json
import os
import subprocess
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from mkdocs_dbcatalog.cli import main

BASE = """
database: shop
engine: postgresql
tables:
  audit:
    purpose: Audit trail, no key on purpose.
    columns:
      at: {type: timestamptz, nullable: false}
  orders:
    purpose: Orders.
    columns:
      id: {type: integer, nullable: false, primary_key: true}
"""
ADDED = """
  events:
    purpose: Events, with no key by mistake.
    columns:
      name: {type: text, nullable: false}
"""


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=T", "-c", "user.email=t@example.invalid", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose main branch has one known finding; the working tree adds a second."""
    root = tmp_path / "repo"
    site = root / "docs-site"
    (site / "catalog").mkdir(parents=True)
    (site / "docs").mkdir()
    (site / "docs" / "index.md").write_text("# Home\n")
    (site / "mkdocs.yml").write_text("site_name: T\nplugins:\n  - dbcatalog:\n      catalog: catalog/\n")
    (site / "catalog" / "shop.yml").write_text(textwrap.dedent(BASE).lstrip())
    git(root.parent, "init", "-q", "-b", "main", str(root))
    git(root, "add", "-A")
    git(root, "commit", "-qm", "the catalog")
    with (site / "catalog" / "shop.yml").open("a") as out:
        out.write(ADDED.lstrip("\n"))
    return site


def check(site: Path, *args: str, stdout: bool = False) -> tuple[int, str]:
    previous = Path.cwd()
    os.chdir(site)
    try:
        result = CliRunner().invoke(main, ["check", *args], catch_exceptions=False)
    finally:
        os.chdir(previous)
    return result.exit_code, result.stdout if stdout else result.output


def test_only_the_finding_the_change_introduces_is_reported(repo: Path) -> None:
    code, everything = check(repo)
    assert code == 1 and "table audit has no primary key" in everything and "table events has" in everything
    code, out = check(repo, "--against", "git:main")
    assert code == 1
    assert "table events has no primary key" in out and "audit" not in out
    assert "catalog/shop.yml:12: error:" in out  # at its line in the working tree
    assert git(repo.parent, "status", "--porcelain") == " M docs-site/catalog/shop.yml\n"  # nothing checked out


def test_a_change_that_fixes_and_adds_nothing_passes(repo: Path) -> None:
    (repo / "catalog" / "shop.yml").write_text(textwrap.dedent(BASE).lstrip().replace("Audit trail", "The audit"))
    code, out = check(repo, "--against", "git:main", "--format", "json", stdout=True)
    assert code == 0
    assert json.loads(out)["findings"] == []


def test_a_catalog_new_in_the_change_has_every_finding_new(repo: Path) -> None:
    git(repo.parent, "rm", "-q", "--cached", "-r", "docs-site/catalog")
    git(repo.parent, "commit", "-qm", "no catalog yet")
    code, out = check(repo, "--against", "git:main")
    assert code == 1 and "table audit has no primary key" in out and "table events has no primary key" in out


def test_a_revision_git_does_not_have_is_a_clear_error(repo: Path) -> None:
    code, out = check(repo, "--against", "git:origin/nowhere")
    assert code == 2 and "--against git:origin/nowhere: git has no revision 'origin/nowhere'" in out
