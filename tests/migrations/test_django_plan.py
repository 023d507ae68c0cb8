# ruff: noqa: E501  (migration files are written out in full, one per line)
"""Django's order is `migrate --plan`'s, compared with Django itself: on django.contrib (as
installed), and on a project that uses swappable dependencies, `run_before`, `__first__` and
squashed migrations, with apps in every form `migrations.path` may name."""

from __future__ import annotations

import json
import sqlite3
import textwrap
from pathlib import Path

import django
import pytest

from mkdocs_dbcatalog.assemble import assemble
from mkdocs_dbcatalog.catalog.model import MigrationStatus
from mkdocs_dbcatalog.config import PluginConfig
from mkdocs_dbcatalog.errors import CatalogError

from .helpers import history, python

CONTRIB = Path(django.__file__).parent / "contrib"
CONTRIB_APPS = ("admin", "auth", "contenttypes", "sessions", "sites", "flatpages", "redirects")

LOADER = """
import json, os, sys
sys.path.insert(0, os.getcwd())
import django
django.setup()
from django.db.migrations.loader import MigrationLoader
graph = MigrationLoader(None, ignore_no_migrations=True).graph
plan = []
for leaf in graph.leaf_nodes():
    plan += ["%s.%s" % key for key in graph.forwards_plan(leaf) if "%s.%s" % key not in plan]
print(json.dumps(plan))
"""


def django_plan(folder: Path, settings: str) -> list[str]:
    """The plan of Django's own MigrationLoader, as `migrate --plan` prints it for an empty database."""
    out = python("-c", LOADER, cwd=folder, env={"DJANGO_SETTINGS_MODULE": settings, "PYTHONDONTWRITEBYTECODE": "1"})
    return list(json.loads(out.strip().splitlines()[-1]))


def test_django_contrib_is_read_in_django_order(tmp_path: Path) -> None:
    """`path` naming a package of apps (django/contrib), one app, and one migrations package."""
    (tmp_path / "contrib_settings.py").write_text(
        f"SECRET_KEY = 'x'\nINSTALLED_APPS = {['django.contrib.' + a for a in CONTRIB_APPS]!r}\n"
    )
    expected = django_plan(tmp_path, "contrib_settings")
    assert [m.version for m in history(CONTRIB).migrations] == expected
    # admin.0001 needs the user model (swappable AUTH_USER_MODEL): auth.0001 comes first.
    assert expected.index("auth.0001_initial") < expected.index("admin.0001_initial")
    auth = [v for v in expected if v.startswith("auth.")]
    assert [m.version for m in history(CONTRIB / "auth").migrations] == auth
    assert [m.version for m in history(CONTRIB / "auth" / "migrations").migrations] == auth


def migration(dependencies: str = "", *, run_before: str = "", replaces: str = "", operations: str = "") -> str:
    return textwrap.dedent(
        f"""
        from django.conf import settings
        from django.db import migrations


        class Migration(migrations.Migration):
            dependencies = [{dependencies}]
            run_before = [{run_before}]
            replaces = [{replaces}]
            operations = [{operations}]
        """
    ).lstrip()


USER_MODEL = """migrations.CreateModel(name="User", fields=[("id", models.AutoField(primary_key=True)), ("password", models.CharField(max_length=128)), ("last_login", models.DateTimeField(null=True))], options={"abstract": False})"""

PROJECT = {
    "manage.py": (
        'import os, sys\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")\n'
        "from django.core.management import execute_from_command_line\nexecute_from_command_line(sys.argv)\n"
    ),
    "config/__init__.py": "",
    "config/base.py": (
        "SECRET_KEY = 'x'\nDATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': 'db.sqlite3'}}\n"
        "DJANGO_APPS = ['django.contrib.admin', 'django.contrib.auth', 'django.contrib.contenttypes', 'django.contrib.sessions']\n"
    ),
    "config/settings.py": (
        "from .base import *\n"
        "LOCAL_APPS = ['users', 'apps.catalog.apps.CatalogConfig', 'apps.orders', 'apps.billing']\n"
        "INSTALLED_APPS = DJANGO_APPS + LOCAL_APPS\n"
        "AUTH_USER_MODEL = 'users.User'\n"
    ),
    "users/__init__.py": "",
    "users/models.py": "from django.contrib.auth.models import AbstractBaseUser\n\nclass User(AbstractBaseUser):\n    USERNAME_FIELD = 'id'\n",
    "users/migrations/__init__.py": "",
    "users/migrations/0001_initial.py": migration().replace("operations = []", f"operations = [{USER_MODEL}]").replace(
        "from django.db import migrations", "from django.db import migrations, models"
    ),
    "users/migrations/0002_profile.py": migration("('users', '0001_initial')"),
    "apps/__init__.py": "",
    "apps/catalog/__init__.py": "",
    "apps/catalog/apps.py": "from django.apps import AppConfig\n\nclass CatalogConfig(AppConfig):\n    name = 'apps.catalog'\n    label = 'shop_catalog'\n",
    "apps/catalog/migrations/__init__.py": "",
    "apps/catalog/migrations/0001_initial.py": migration("migrations.swappable_dependency(settings.AUTH_USER_MODEL)"),
    "apps/catalog/migrations/0002_product.py": migration("('shop_catalog', '0001_initial'), ('billing', '0002_invoice')"),
    "apps/orders/__init__.py": "",
    "apps/orders/migrations/__init__.py": "",
    # Runs before the catalog's first migration although nothing there names it.
    "apps/orders/migrations/0001_initial.py": migration(run_before="('shop_catalog', '0001_initial')"),
    "apps/orders/migrations/0002_order.py": migration("('orders', '0001_initial'), ('shop_catalog', '__first__')"),
    "apps/billing/__init__.py": "",
    "apps/billing/migrations/__init__.py": "",
    "apps/billing/migrations/0001_initial.py": migration("('users', '0002_profile')"),
    "apps/billing/migrations/0002_invoice.py": migration("('billing', '0001_initial')"),
    "apps/billing/migrations/0003_payment.py": migration("('billing', '0002_invoice')"),
    "apps/billing/migrations/0001_squashed_0003_payment.py": migration(
        "('users', '0002_profile')",
        replaces="('billing', '0001_initial'), ('billing', '0002_invoice'), ('billing', '0003_payment')",
    ),
    "apps/billing/migrations/0004_refund.py": migration("('billing', '0003_payment')"),
    # An app of the project template that INSTALLED_APPS does not name: Django never runs it.
    "project_template/scratch/migrations/__init__.py": "",
    "project_template/scratch/migrations/0001_initial.py": migration("('users', '0001_initial')"),
}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("django_plan")
    for name, text in PROJECT.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


def ours(versions: list[str]) -> list[str]:
    return [v for v in versions if v.partition(".")[0] in ("users", "shop_catalog", "orders", "billing")]


def test_a_project_is_read_in_migrate_plan_order(project: Path) -> None:
    expected = ours(django_plan(project, "config.settings"))
    result = history(project)
    assert [m.version for m in result.migrations] == expected
    assert result.problems == ()
    # Swappable dependency: users.0001 before the catalog; django.contrib's admin pulls it ahead of billing.
    assert expected.index("users.0001_initial") < expected.index("shop_catalog.0001_initial")
    # run_before: orders.0001 before shop_catalog.0001; the squash stands in for billing 0001-0003.
    assert expected.index("orders.0001_initial") < expected.index("shop_catalog.0001_initial")
    assert "billing.0001_squashed_0003_payment" in expected and "billing.0002_invoice" not in expected
    refund = next(m for m in result.migrations if m.version == "billing.0004_refund")
    assert refund.parents == ("billing.0001_squashed_0003_payment",)
    catalog = next(m for m in result.migrations if m.version == "shop_catalog.0002_product")
    assert catalog.depends_on == ("billing.0001_squashed_0003_payment",)


def test_a_partly_applied_squash_uses_the_originals_as_django_does(project: Path) -> None:
    """A database that applied billing.0001 before the squash existed: Django plans the originals."""
    database = project / "db.sqlite3"
    database.unlink(missing_ok=True)
    env = {"PYTHONDONTWRITEBYTECODE": "1"}
    python("manage.py", "migrate", "users", "--skip-checks", cwd=project, env=env)
    with sqlite3.connect(database) as conn:
        conn.execute("INSERT INTO django_migrations (app, name, applied) VALUES ('billing', '0001_initial', '2024-01-01')")
    shown = python("manage.py", "showmigrations", "--plan", "--skip-checks", cwd=project, env=env)
    expected = [(line[5:].strip(), line.startswith("[X]")) for line in shown.splitlines() if line[:3] in ("[X]", "[ ]")]
    result = history(project, f"sqlite:///{database}")
    assert [(m.version, m.status is MigrationStatus.APPLIED) for m in result.migrations] == [
        (v, done) for v, done in expected if v in ours([v])
    ]
    versions = [m.version for m in result.migrations]
    assert "billing.0002_invoice" in versions and "billing.0001_squashed_0003_payment" not in versions
    database.unlink()


def test_a_django_path_without_migrations_is_an_error_at_the_yaml_line(tmp_path: Path) -> None:
    (tmp_path / "site" / "shop").mkdir(parents=True)
    (tmp_path / "site" / "shop" / "models.py").write_text("")
    catalog = tmp_path / "catalog"
    catalog.mkdir()
    (catalog / "shop.yml").write_text("database: shop\nmigrations:\n  tool: django\n  path: ../site\n")
    config = PluginConfig()
    config.load_dict({"catalog": "catalog"})
    config.validate()
    with pytest.raises(CatalogError) as raised:
        assemble(config, tmp_path)
    message = str(raised.value)
    assert "catalog/shop.yml:4" in message and "holds no Django migrations" in message
    assert "an app, a folder of apps" in message


def test_apps_that_installed_apps_does_not_list_are_an_error_when_nothing_else_is_there(project: Path) -> None:
    with pytest.raises(CatalogError, match=r"only of apps INSTALLED_APPS does not list \(scratch\)"):
        history(project / "project_template")
