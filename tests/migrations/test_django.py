# ruff: noqa: E501  (fixture files are written out in full, one per line)
"""Django: a real project (`startproject`, `startapp`, `makemigrations`, `--merge`, `squashmigrations`,
`migrate` to a midpoint) read without importing it, compared with what `manage.py` itself says."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from mkdocs_dbcatalog.catalog.model import MigrationStatus

from .helpers import history, page, python, table_rows


def manage(project: Path, *args: str) -> str:
    return python("manage.py", *args, cwd=project, env={"PYTHONDONTWRITEBYTECODE": "1"})


def add_model_field(project: Path, app: str, line: str) -> None:
    models = project / app / "models.py"
    models.write_text(models.read_text() + f"    {line}\n")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """shop: 0001 → 0002 → 0003 → (0004 colour | 0004 size) → 0005 merge; blog: 0001 needs shop.0001."""
    root = tmp_path / "site"
    root.mkdir()
    python("-m", "django", "startproject", "config", ".", cwd=root)
    manage(root, "startapp", "shop")
    manage(root, "startapp", "blog")
    settings = root / "config" / "settings.py"
    settings.write_text(
        settings.read_text().replace("'django.contrib.staticfiles',", "'django.contrib.staticfiles', 'shop', 'blog',")
    )
    (root / "shop" / "models.py").write_text(
        "from django.db import models\n\nclass Product(models.Model):\n    name = models.CharField(max_length=100)\n"
    )
    (root / "blog" / "models.py").write_text(
        "from django.db import models\n\nclass Post(models.Model):\n    title = models.CharField(max_length=100)\n"
        "    product = models.ForeignKey('shop.Product', on_delete=models.CASCADE)\n"
    )
    manage(root, "makemigrations", "shop", "blog")
    add_model_field(root, "shop", "price = models.IntegerField(default=0)")
    manage(root, "makemigrations", "shop")
    add_model_field(root, "shop", "sku = models.CharField(max_length=10, default='')")
    manage(root, "makemigrations", "shop")
    add_model_field(root, "shop", "colour = models.CharField(max_length=10, default='')")
    manage(root, "makemigrations", "shop", "--name", "product_colour")
    # A second developer's branch: another 0004 on top of 0003, as a merge of two git branches leaves it.
    (root / "shop" / "migrations" / "0004_product_size.py").write_text(
        textwrap.dedent(
            """
            from django.db import migrations, models


            class Migration(migrations.Migration):

                dependencies = [
                    ('shop', '0003_product_sku'),
                ]

                operations = [
                    migrations.AddField(
                        model_name='product',
                        name='size',
                        field=models.IntegerField(default=0),
                    ),
                ]
            """
        ).lstrip()
    )
    add_model_field(root, "shop", "size = models.IntegerField(default=0)")
    return root


def plan(project: Path) -> list[tuple[str, bool]]:
    """(app.name, applied) in `showmigrations --plan` order, for our apps."""
    out = manage(project, "showmigrations", "--plan")
    found = re.findall(r"^\[(X| )\]\s+(\S+)", out, re.MULTILINE)
    return [(name, mark == "X") for mark, name in found if name.split(".")[0] in ("shop", "blog")]


def test_conflicting_leaves_are_a_warning_until_merged(project: Path) -> None:
    result = history(project)
    (problem,) = [p for p in result.problems if "leaf migrations" in p]
    assert "shop.0004_product_colour, shop.0004_product_size" in problem
    assert "makemigrations --merge shop" in problem
    manage(project, "makemigrations", "--merge", "--noinput", "shop")
    merged = history(project)
    assert not [p for p in merged.problems if "leaf" in p]
    merge = next(m for m in merged.migrations if m.version.startswith("shop.0005"))
    assert merged.roles(merge) == ("head", "merge")
    assert set(merge.parents) == {"shop.0004_product_colour", "shop.0004_product_size"}


def test_migrate_to_a_midpoint_shows_what_showmigrations_shows(project: Path) -> None:
    manage(project, "makemigrations", "--merge", "--noinput", "shop")
    manage(project, "migrate", "shop", "0004_product_colour")
    expected = plan(project)
    database = f"sqlite:///{project / 'db.sqlite3'}"
    result = history(project, database)

    markdown = page(result)
    rows = table_rows(markdown)
    assert [v for v, _ in reversed(rows)] == [name for name, _ in expected]
    assert [s.startswith("applied") for _, s in reversed(rows)] == [done for _, done in expected]
    applied = [name for name, done in expected if done]
    assert "shop.0004_product_colour" in applied and "blog.0001_initial" not in applied
    # django.contrib apps have rows too, but no files here: they are not reported as missing.
    assert not any(m.status is MigrationStatus.MISSING_FILE for m in result.migrations)
    assert result.problems == ()
    assert "current head: <code>shop.0004&#95;product&#95;colour</code>" in markdown
    # Applied rows carry Django's own timestamp; the header gives the authoring date.
    colour = next(m for m in result.migrations if m.version == "shop.0004_product_colour")
    assert colour.applied_at is not None and colour.date_source == "header"
    assert "python site/manage.py migrate shop 0003_product_sku" in markdown


def test_squashed_migrations_follow_the_loader(project: Path) -> None:
    manage(project, "makemigrations", "--merge", "--noinput", "shop")
    manage(project, "migrate", "shop", "0002_product_price")
    manage(project, "squashmigrations", "--noinput", "shop", "0001", "0003")
    squash = "shop.0001_initial_squashed_0003_product_sku"
    database = f"sqlite:///{project / 'db.sqlite3'}"

    # Part of the replaced migrations applied: Django uses the originals, and so does the page.
    partial = history(project, database)
    versions = [m.version for m in partial.migrations]
    assert squash not in versions and "shop.0002_product_price" in versions
    assert [(m.version, m.status is MigrationStatus.APPLIED) for m in partial.migrations] == plan(project)

    # Nothing applied: the squash stands in for what it replaces.
    manage(project, "migrate")
    manage(project, "migrate", "blog", "zero")
    manage(project, "migrate", "shop", "zero")
    fresh = history(project, database)
    versions = [m.version for m in fresh.migrations]
    assert squash in versions and "shop.0002_product_price" not in versions
    assert [(m.version, m.status is MigrationStatus.APPLIED) for m in fresh.migrations] == plan(project)

    # All applied, then the replaced files deleted: their rows are covered by the squash, not missing.
    manage(project, "migrate")
    for name in ("0001_initial", "0002_product_price", "0003_product_sku"):
        (project / "shop" / "migrations" / f"{name}.py").unlink()
    done = history(project, database)
    status = {m.version: m.status for m in done.migrations}
    assert status[squash] is MigrationStatus.APPLIED
    assert MigrationStatus.MISSING_FILE not in status.values() and MigrationStatus.PENDING not in status.values()
    assert [(m.version, m.status is MigrationStatus.APPLIED) for m in done.migrations] == plan(project)
    replaced = next(m for m in done.migrations if m.version == squash)
    assert replaced.replaces == ("shop.0001_initial", "shop.0002_product_price", "shop.0003_product_sku")
    assert replaced.description is not None and replaced.description.startswith("Squashes 3 migrations")


@pytest.mark.postgres
def test_reads_django_migrations_on_postgresql(project: Path, pg_url: str) -> None:
    settings = project / "config" / "settings.py"
    name = pg_url.rsplit("/", 1)[1]
    settings.write_text(
        settings.read_text() + f"\nDATABASES = {{'default': {{'ENGINE': 'django.db.backends.postgresql', 'NAME': '{name}',"
        " 'USER': 'postgres', 'HOST': '127.0.0.1', 'PORT': '5432'}}\n"
    )
    manage(project, "makemigrations", "--merge", "--noinput", "shop")
    manage(project, "migrate", "shop", "0003_product_sku")
    result = history(project, pg_url)
    assert [(m.version, m.status is MigrationStatus.APPLIED) for m in result.migrations] == plan(project)
    assert result.table == "django_migrations"
