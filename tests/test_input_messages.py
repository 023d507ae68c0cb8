"""Inputs people get wrong in ways YAML parsers explain badly: each is one line naming the cause."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from mkdocs_dbcatalog.cli import EXIT_UNUSABLE, main

from .sitebuilder import SiteBuilder


def test_a_file_that_is_not_utf8_names_its_line_and_says_to_save_it_as_utf8(site: SiteBuilder) -> None:
    (site.root / "catalog").mkdir()
    (site.root / "catalog" / "orders.yml").write_bytes("database: orders\ndescription: Café\n".encode("latin-1"))
    site.mkdocs_yml()
    result = site.build()
    assert result.error is not None
    assert "catalog/orders.yml:2: is not UTF-8: byte 0xe9 in column 17" in result.error
    assert "save the file as UTF-8" in result.error


def test_a_tab_in_indentation_is_named_as_the_cause(site: SiteBuilder) -> None:
    site.catalog("orders", "database: orders\ntables:\n  orders:\n\tpurpose: One row per order.\n")
    site.mkdocs_yml()
    result = site.build()
    assert result.error is not None
    assert "catalog/orders.yml:4: a tab is used for indentation: YAML indents with spaces only" in result.error
    assert "replace the tab with spaces" in result.error


def test_an_unset_env_variable_in_mkdocs_yml_is_named(site: SiteBuilder, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DBCATALOG_TEST_UNSET_URL", raising=False)
    site.catalog("orders", "database: orders\n")
    site.write("docs/index.md", "# Home\n")
    site.mkdocs_yml(
        raw="site_name: x\nplugins:\n  - dbcatalog:\n      databases:\n"
        "        - name: billing\n          url: !ENV DBCATALOG_TEST_UNSET_URL\n"
    )
    said = "mkdocs.yml:6: !ENV DBCATALOG_TEST_UNSET_URL gave nothing because the environment variable "
    result = site.build()
    assert result.error is not None and said + "DBCATALOG_TEST_UNSET_URL is not set" in result.error
    monkeypatch.chdir(site.root)
    outcome = CliRunner().invoke(main, ["check"], catch_exceptions=False)
    assert outcome.exit_code == EXIT_UNUSABLE and said in outcome.stderr
