"""MariaDB shows a view's SQL only to a user with SHOW VIEW and SELECT on the view.

With the least grants (`REFERENCES, SHOW VIEW`) the read succeeds but view pages would silently
lose their Definition: the build says so once per database, with the grant to add.
"""

from __future__ import annotations

import html

import pytest
import sqlalchemy as sa

from .conftest import unique_name
from .sitebuilder import SiteBuilder

pytestmark = pytest.mark.mariadb


def test_hidden_view_definitions_are_a_warning_naming_the_missing_grant(mariadb_url: str, site: SiteBuilder) -> None:
    database = sa.make_url(mariadb_url).database
    user, password = unique_name("viewer"), "Pw-" + unique_name("s")
    admin = sa.create_engine(mariadb_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql("CREATE TABLE film (id int PRIMARY KEY, title text)")
        conn.exec_driver_sql("CREATE VIEW film_list AS SELECT id, title FROM film")
        conn.exec_driver_sql("CREATE VIEW film_titles AS SELECT title FROM film")
        conn.exec_driver_sql(f"CREATE USER '{user}'@'%%' IDENTIFIED BY '{password}'")
        conn.exec_driver_sql(f"GRANT REFERENCES, SHOW VIEW ON `{database}`.* TO '{user}'@'%%'")
    try:
        url = sa.make_url(mariadb_url).set(username=user, password=password).render_as_string(hide_password=False)
        site.mkdocs_yml({"databases": [{"name": "films", "url": url}], "refresh": 0})
        result = site.build(strict=False)
        assert result.error is None, result.error
        hidden = [w for w in result.warnings if "is hidden from this user" in w]
        assert len(hidden) == 1, result.warnings
        assert "database 'films': the definition of 2 views (film_list, film_titles)" in hidden[0]
        assert f"GRANT SELECT ON `{database}`.* TO <user>" in hidden[0] and "SHOW VIEW and SELECT" in hidden[0]
        assert site.build(strict=True).error is not None  # a warning: --strict fails on it

        with admin.connect() as conn:
            conn.exec_driver_sql(f"GRANT SELECT ON `{database}`.* TO '{user}'@'%%'")
        result = site.build(strict=False)
        assert result.error is None and result.warnings == [], result.warnings
        assert "select `" in html.unescape(result.html("databases/films/film_list/")).lower()
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP USER IF EXISTS '{user}'@'%%'")
        admin.dispose()
