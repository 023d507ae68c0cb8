"""`mkdocs-dbcatalog diff`: two snapshots of Pagila before and after a scripted set of changes list exactly
those changes, whichever way each side is given (catalog file, cached read, live URL, git revision)."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from mkdocs_dbcatalog.cache import save
from mkdocs_dbcatalog.cli import main
from mkdocs_dbcatalog.snapshot import run_snapshot
from mkdocs_dbcatalog.sources.live import read_database

from ..livedata import dataset, load_pg

CHANGES = [
    "ALTER TABLE customer ADD COLUMN loyalty_points integer NOT NULL DEFAULT 0",
    "ALTER TABLE customer DROP COLUMN create_date",
    "ALTER TABLE staff ALTER COLUMN username TYPE varchar(40)",
    "ALTER TABLE address ALTER COLUMN address2 SET NOT NULL",
    "ALTER TABLE staff ALTER COLUMN active SET DEFAULT false",
    "CREATE INDEX idx_customer_email ON customer (email)",
    "DROP INDEX idx_fk_address_id",
    "ALTER TABLE rental DROP CONSTRAINT rental_staff_id_fkey",
    "CREATE TABLE gift_card (id bigint PRIMARY KEY, customer_id integer NOT NULL REFERENCES customer (customer_id),"
    " balance numeric(8,2) NOT NULL)",
    "DROP VIEW sales_by_store",
    "COMMENT ON COLUMN film.rating IS 'MPAA rating'",
]
"""What the scripted change does to Pagila, one statement each."""

EXPECTED = {
    ("added", "column", "customer", "loyalty_points"),
    ("dropped", "column", "customer", "create_date"),
    ("changed", "column", "staff", "username", "type"),
    ("changed", "column", "address", "address2", "nullable"),
    ("changed", "column", "staff", "active", "default"),
    ("added", "index", "customer", "idx_customer_email"),
    ("dropped", "index", "customer", "idx_fk_address_id"),
    ("dropped", "foreign key", "rental", "rental_staff_id_fkey"),
    ("added", "table", "gift_card", None),
    ("dropped", "view", "sales_by_store", None),
    ("changed", "column", "film", "rating", "comment"),
}


def listed(document: dict[str, object]) -> set[tuple[object, ...]]:
    """The changes of a JSON diff as (action, what, table, name[, attribute])."""
    found = set()
    for change in document["changes"]:  # type: ignore[attr-defined]
        key = (change["action"], change["what"], change["table"], change.get("name"))
        deltas = change.get("deltas") or []
        found |= {(*key, d["attribute"]) for d in deltas} if deltas else {key}
    return found


@dataclass
class Snapshots:
    folder: Path
    before: Path
    after: Path
    url: str


@pytest.fixture(scope="module")
def pagila(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Snapshots]:
    """Pagila loaded, snapshot (before), the scripted change applied, snapshot (after)."""
    from ..conftest import PG_ADMIN_URL, _server_or_skip, unique_name

    _server_or_skip("127.0.0.1", 5432, "PostgreSQL")
    folder = tmp_path_factory.mktemp("diff")
    name = unique_name("diff")
    admin = sa.create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    try:
        load_pg(url, dataset("pagila/pagila-schema.sql", folder))
        before, after = folder / "before" / "pagila.yml", folder / "after" / "pagila.yml"
        run_snapshot(url, options=None, base=folder, output=before, name="pagila", statistics=False)
        save(folder / "cache", read_database("pagila", url))
        engine = sa.create_engine(url)
        with engine.begin() as conn:
            for statement in CHANGES:
                conn.execute(sa.text(statement))
        engine.dispose()
        run_snapshot(url, options=None, base=folder, output=after, name="pagila", statistics=False)
        yield Snapshots(folder, before, after, url)
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def run(folder: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    previous = Path.cwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(main, ["diff", *args], env=env, catch_exceptions=False)
    finally:
        os.chdir(previous)
    return result.exit_code, result.output


@pytest.mark.postgres
def test_two_snapshots_list_exactly_the_scripted_changes(pagila: Snapshots) -> None:
    code, out = run(pagila.folder, "before/pagila.yml", "after/pagila.yml", "--format", "json", "--exit-code")
    assert code == 1  # --exit-code: there are differences
    assert listed(json.loads(out)) == EXPECTED
    code, out = run(pagila.folder, "after/pagila.yml", "after/pagila.yml", "--exit-code")
    assert (code, out.splitlines()[-1]) == (0, "No structural difference.")


@pytest.mark.postgres
def test_a_cached_read_and_the_live_database_are_sides_too(pagila: Snapshots) -> None:
    env = {"PAGILA_URL": pagila.url.replace("postgres@", "postgres:S3cret-pw@")}  # trust auth ignores it
    code, out = run(pagila.folder, "cache/pagila.json", "--url-env", "PAGILA_URL", "--format", "json", env=env)
    assert code == 0 and listed(json.loads(out)) == EXPECTED
    code, out = run(pagila.folder, "before/pagila.yml", "env:PAGILA_URL", "--format", "json", env=env)
    assert listed(json.loads(out)) == EXPECTED
    assert "S3cret-pw" not in out and json.loads(out)["after"].startswith("postgresql")  # masked


@pytest.mark.postgres
def test_a_git_revision_is_read_without_checking_anything_out(pagila: Snapshots, tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "catalog").mkdir(parents=True)
    git = ["git", "-c", "user.name=T", "-c", "user.email=t@example.invalid"]
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    target = repo / "catalog" / "pagila.yml"
    target.write_bytes(pagila.before.read_bytes())
    subprocess.run([*git, "add", "-A"], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-qm", "pagila"], cwd=repo, check=True)
    target.write_bytes(pagila.after.read_bytes())
    code, out = run(repo / "catalog", "git:HEAD:pagila.yml", "pagila.yml", "--format", "json")
    assert code == 0 and listed(json.loads(out)) == EXPECTED
    assert subprocess.run(["git", "status", "--porcelain"], cwd=repo, capture_output=True, text=True).stdout == (
        " M catalog/pagila.yml\n"
    )
    code, out = run(repo, "git:HEAD:catalog/pagila.yml", "catalog/pagila.yml", "--format", "markdown")
    assert "| changed column | `staff.username` | type: `text` → `character varying(40)` |" in out
    assert "| added table | `gift_card` |" in out
    code, out = run(repo, "git:HEAD:catalog/pagila.yml", "catalog/pagila.yml")
    assert "~ changed column staff.username: type text → character varying(40)" in out
    assert out.splitlines()[-1] == "3 added, 4 dropped, 4 changed."


def test_schema_files_are_compared_in_their_dialect(tmp_path: Path) -> None:
    (tmp_path / "a.sql").write_text("CREATE TABLE `t` (`id` INT NOT NULL, PRIMARY KEY (`id`));\n")
    (tmp_path / "b.sql").write_text(
        "CREATE TABLE `t` (`id` INT NOT NULL, `name` VARCHAR(40) NOT NULL, PRIMARY KEY (`id`));\n"
        "CREATE INDEX ix_t_name ON `t` (`name`);\n"
    )
    _, out = run(tmp_path, "a.sql", "b.sql", "--dialect", "mysql", "--format", "json")
    assert listed(json.loads(out)) == {("added", "column", "t", "name"), ("added", "index", "t", "ix_t_name")}


def test_what_a_file_leaves_out_is_no_change(tmp_path: Path) -> None:
    (tmp_path / "a.yml").write_text(
        "database: shop\nengine: postgresql\ntables:\n  t:\n    columns:\n"
        "      id: {type: integer, nullable: false}\n      name: {}\n      note: {type: text}\n"
    )
    (tmp_path / "b.sql").write_text("CREATE TABLE t (id integer NOT NULL, name text, note text, born date);\n")
    _, out = run(tmp_path, "a.yml", "b.sql", "--dialect", "postgres", "--format", "json")
    assert listed(json.loads(out)) == {("added", "column", "t", "born")}  # no `nullable none → yes`


def test_sides_that_cannot_be_read_are_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello")
    (tmp_path / "empty.sql").write_text("")
    code, out = run(tmp_path, "notes.txt", "notes.txt")
    assert code == 2 and "notes.txt: is not a catalog file (.yml), a cached read (.json) or a schema file" in out
    code, out = run(tmp_path, "missing.yml", "notes.txt")
    assert code == 2 and "missing.yml: cannot be read" in out
    code, out = run(tmp_path, "empty.sql", "--url-env", "UNSET_VARIABLE_FOR_TEST", env={"UNSET_VARIABLE_FOR_TEST": ""})
    assert code == 2 and "UNSET_VARIABLE_FOR_TEST is not set" in out
    code, out = run(tmp_path, "git:HEAD:x.yml", "notes.txt")
    assert code == 2 and "is not in a git checkout" in out
    code, out = run(tmp_path, "notes.txt")
    assert code == 2 and "give AFTER, or --url-env" in out
