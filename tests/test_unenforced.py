"""Relations the database does not enforce, on a Rails-style schema: `*_id` columns and no foreign key.

The database is a real SQLite file read live by the build. Declared relations must show wherever
foreign keys show (summary with cardinality, table pages, Referenced By, diagrams), marked as
declared and never reported as drift; inferred ones appear apart; a relation or viewpoint naming
what the database lacks is a finding at its YAML line.
"""

from __future__ import annotations

import re
import sqlite3

import pytest
from click.testing import CliRunner

from mkdocs_dbcatalog.catalog.model import Catalog
from mkdocs_dbcatalog.catalog.relations import Relations
from mkdocs_dbcatalog.catalog.unenforced import inferred_relations
from mkdocs_dbcatalog.cli import EXIT_FINDINGS, main
from mkdocs_dbcatalog.render.diagrams import DiagramOptions, database_diagrams

from .sitebuilder import BuildResult, SiteBuilder, main_content, text_of

# What `rails db:schema:load` makes of a typical app: integer ids, `*_id` columns, unique indexes,
# timestamps, and no foreign key constraint at all.
RAILS_SCHEMA = """
CREATE TABLE users (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, email varchar NOT NULL,
  created_at datetime(6) NOT NULL, updated_at datetime(6) NOT NULL);
CREATE UNIQUE INDEX index_users_on_email ON users (email);
CREATE TABLE profiles (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, user_id integer NOT NULL, bio text);
CREATE UNIQUE INDEX index_profiles_on_user_id ON profiles (user_id);
CREATE TABLE posts (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, user_id integer NOT NULL,
  editor_id integer, title varchar, created_at datetime(6) NOT NULL);
CREATE INDEX index_posts_on_user_id ON posts (user_id);
CREATE TABLE comments (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, post_id integer NOT NULL,
  user_id integer, body text);
CREATE TABLE tags (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, name varchar);
CREATE TABLE taggings (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, tag_id integer, taggable_id integer,
  taggable_type varchar);
"""

CATALOG = """\
database: blog
connection: {url: "sqlite:///blog.db"}
infer_relations: true
relations:
  - {from: posts.user_id, to: users.id, description: The author}
  - {from: profiles.user_id, to: users}
  - {from: posts.editor_id, to: users.id}
  - {from: comments.post_id, to: posts.id}
  - {from: comments.author_id, to: users.id}
viewpoints:
  - name: Writing
    tables: [posts, comments, "user*", "drafts*"]
"""
MISSING_COLUMN_LINE = 9
UNMATCHED_PATTERN_LINE = 12


@pytest.fixture(scope="module")
def blog(tmp_path_factory: pytest.TempPathFactory) -> tuple[SiteBuilder, BuildResult]:
    site = SiteBuilder(tmp_path_factory.mktemp("blog"))
    with sqlite3.connect(site.root / "blog.db") as connection:
        connection.executescript(RAILS_SCHEMA)
    site.catalog("blog", CATALOG)
    site.mkdocs_yml({"lint": {"table-without-description": "off"}})
    return site, site.build(strict=False)


def page(result: BuildResult, path: str) -> str:
    return text_of(main_content(result.html(path)))


def test_declared_relations_are_relationships_with_their_cardinality(blog: tuple[SiteBuilder, BuildResult]) -> None:
    _, result = blog
    assert result.error is None, result.error
    text = page(result, "databases/blog/")
    assert "users 1---* posts (user_id, declared in YAML)" in text
    assert "users 1---1 profiles (user_id, declared in YAML)" in text  # user_id is unique
    assert "users 1---* posts (editor_id, optional, declared in YAML)" in text  # editor_id is nullable
    assert "posts 1---* comments (post_id, declared in YAML)" in text
    assert "author_id" not in text.split("Inferred from column names")[0]  # the broken one is left out


def test_inferred_relations_are_listed_apart(blog: tuple[SiteBuilder, BuildResult]) -> None:
    _, result = blog
    text = page(result, "databases/blog/")
    declared, _, inferred = text.partition("Inferred from column names")
    assert "comments (user_id" not in declared
    assert "users 1---* comments (user_id, optional)" in inferred
    assert "tags 1---* taggings (tag_id, optional)" in inferred
    assert "posts (user_id" not in inferred  # declared: not proposed again
    assert "taggable" not in inferred  # polymorphic: no table of that name


def test_table_pages_show_declared_keys_as_not_enforced(blog: tuple[SiteBuilder, BuildResult]) -> None:
    _, result = blog
    posts = page(result, "databases/blog/posts/")
    assert re.search(r"user_id\s*\|?\s*users\(id\) \(not enforced: declared in YAML\)", posts) or (
        "users(id) (not enforced: declared in YAML)" in posts
    ), posts
    assert "FK (declared in YAML) → users.id" in posts
    users = page(result, "databases/blog/users/")
    assert "Referenced By" in users
    assert users.count("(not enforced: declared in YAML)") == 3  # posts twice, profiles once
    comments = page(result, "databases/blog/comments/")
    assert "users 1---* comments (user_id, optional)" in comments.partition("Inferred from column names")[2]


def test_no_drift_and_findings_at_the_yaml_lines(blog: tuple[SiteBuilder, BuildResult]) -> None:
    site, result = blog
    log = result.log_text
    assert "drift" not in log
    assert (
        f"catalog/blog.yml:{MISSING_COLUMN_LINE}: relation comments(author_id) → users(id): "
        "'comments' has no column 'author_id'"
    ) in log
    assert f"catalog/blog.yml:{UNMATCHED_PATTERN_LINE}: viewpoint 'Writing': 'drafts*' matches no table" in log
    strict = site.build(strict=True)
    assert strict.error is not None and [w for w in strict.warnings if "relation-missing-column" in w]


def test_check_reports_a_relation_to_a_missing_column(
    blog: tuple[SiteBuilder, BuildResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    site, _ = blog
    monkeypatch.chdir(site.root)
    result = CliRunner().invoke(main, ["check"], catch_exceptions=False)
    assert result.exit_code == EXIT_FINDINGS, result.stdout
    assert f"catalog/blog.yml:{MISSING_COLUMN_LINE}: error: relation comments(author_id)" in result.stdout
    assert "[relation-missing-column]" in result.stdout
    assert f"catalog/blog.yml:{UNMATCHED_PATTERN_LINE}: warning: viewpoint 'Writing'" in result.stdout


def test_diagram_lines_are_dashed_and_marked(tmp_path_factory: pytest.TempPathFactory) -> None:
    from mkdocs_dbcatalog.assemble import assemble
    from mkdocs_dbcatalog.config import PluginConfig

    site = SiteBuilder(tmp_path_factory.mktemp("blog-diagram"))
    with sqlite3.connect(site.root / "blog.db") as connection:
        connection.executescript(RAILS_SCHEMA)
    site.catalog("blog", CATALOG)
    options = PluginConfig()
    options.load_dict({})
    options.validate()
    catalog = assemble(options, site.root).catalog
    (database,) = catalog.databases
    (block,) = database_diagrams(database, Relations(catalog), DiagramOptions()).blocks
    text = block.text()
    lines = {line.split(" : ")[1] for line in text.splitlines() if " : " in line}
    assert '"user#95;id #40;declared in YAML#41;"' in lines
    assert '"tag#95;id #40;inferred#41;"' in lines
    assert not re.search(r"--.*(declared|inferred)", text)  # never a solid line
    assert [r.columns for r in inferred_relations(database)] == [("user_id",), ("tag_id",)]


def test_names_like_userid_and_schemas_are_inferred_exactly() -> None:
    from mkdocs_dbcatalog.catalog.model import Column, Database, PrimaryKey, Table

    def table(name: str, *columns: str, schema: str | None = None, key: str = "Id") -> Table:
        return Table(name, schema, columns=tuple(Column(c) for c in (key, *columns)), primary_key=PrimaryKey((key,)))

    database = Database(
        "app",
        tables=(
            table("User"),
            table("Order", "UserId", "CategoryId"),
            table("categories", key="id"),
            table("accounts", key="id", schema="a"),
            table("accounts", key="id", schema="b"),
            table("invoices", "account_id", schema="a", key="id"),
            table("notes", "account_id", key="id"),
        ),
    )
    found = {(r.source.key, r.columns[0]): (r.target.key, r.target_columns) for r in inferred_relations(database)}
    assert found == {
        ("Order", "UserId"): ("User", ("Id",)),
        ("Order", "CategoryId"): ("categories", ("id",)),
        ("a.invoices", "account_id"): ("a.accounts", ("id",)),  # its own schema wins
    }  # notes.account_id: two schemas have accounts, neither is its own: ambiguous
    assert Catalog((database,))
