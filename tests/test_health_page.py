"""Lint findings in a real `mkdocs build`: log messages, the "Catalog health" page, and the options."""

from __future__ import annotations

import logging
import re
from html import unescape
from pathlib import Path

from mkdocs_dbcatalog.catalog.lint import RuleSetting, Severity
from mkdocs_dbcatalog.plugin import DbCatalogPlugin

from .lintfixture import CRM, EXPECTED, SHOP
from .sitebuilder import SiteBuilder, elements, main_content
from .test_escaping import BENIGN, HOSTILE, TableShapes, extensions, hostile_site, mermaid_fence


def _shop(site: SiteBuilder, **options: object) -> None:
    site.catalog("shop", SHOP)
    site.catalog("crm", CRM)
    site.mkdocs_yml({"coverage_threshold": 90, **options}, theme="material")


def test_error_findings_are_build_warnings_and_warning_findings_are_debug(site: SiteBuilder) -> None:
    _shop(site)
    result = site.build(strict=False)
    assert result.error is None, result.error
    ours = [r for r in result.records if r.name.startswith("mkdocs.plugins.mkdocs_dbcatalog")]
    for rule, (severity, _, line) in EXPECTED.items():
        matching = [r for r in ours if r.getMessage().endswith(f"[{rule}]")]
        assert len(matching) == 1, (rule, [r.getMessage() for r in matching])
        assert matching[0].getMessage().startswith(f"mkdocs_dbcatalog: catalog/shop.yml:{line}: ")
        assert matching[0].levelno == (logging.WARNING if severity == "error" else logging.DEBUG)
    assert "Aborted with 4 warnings in strict mode" in (site.build(strict=True).error or "")


def test_health_page_lists_findings_with_links_and_coverage(site: SiteBuilder) -> None:
    _shop(site)
    result = site.build(strict=False)
    html = unescape(main_content(result.html("databases/health/")))
    assert "Catalog Health" in html
    assert "4 errors and 4 warnings found by the lint rules" in html
    for rule in EXPECTED:
        assert html.count(f"<code>{rule}</code>") == 2, rule  # once as a finding, once in the rules legend
    assert 'href="../shop/audit_log/"' in html, "the table of a finding links to its page"
    assert "<code>catalog/shop.yml:19</code>" in html
    assert "66.6%" in html and "<strong>below</strong>" in html
    nav = result.html("index.html")
    assert 'href="databases/health/"' in nav, "the page is in the catalog's nav section"


def test_clean_catalog_builds_strict_and_says_so(site: SiteBuilder) -> None:
    site.catalog("crm", CRM)
    site.mkdocs_yml({"coverage_threshold": 100})
    result = site.build(strict=True)
    assert result.error is None, result.error
    assert "No lint rule found a problem in 1 database" in result.html("databases/health/")


def test_rules_off_in_mkdocs_yml_make_the_strict_build_pass(site: SiteBuilder) -> None:
    _shop(
        site,
        coverage_threshold=None,
        lint={
            "table-without-primary-key": "warning",
            "junction-without-unique-pair": "off",
            "cross-service-reference-missing-target": {"severity": "error", "exclude": ["shop/orders"]},
        },
    )
    result = site.build(strict=True)
    assert result.error is None, result.error


def test_health_page_can_be_turned_off_and_never_takes_a_database_url(site: SiteBuilder) -> None:
    site.catalog("health", "database: health\ndescription: The health service.\n")
    site.mkdocs_yml({"health_page": False})
    result = site.build()
    assert result.error is None, result.error
    assert not (result.site_dir / "databases/health/index.html").exists()
    assert "The health service." in result.html("databases/health-2/")

    site.mkdocs_yml()
    result = site.build()
    assert "Catalog Health" in result.html("databases/health/")
    assert "The health service." in result.html("databases/health-2/")


def test_lint_options_are_validated_by_mkdocs() -> None:
    plugin = DbCatalogPlugin()
    errors, warnings = plugin.load_config(
        {"lint": {"redundant-index": "error", "table-without-description": False,
                  "foreign-key-without-index": {"exclude": "tmp_*"}},
         "coverage_threshold": 75}
    )
    assert (errors, warnings) == ([], [])
    assert plugin.config.lint == {
        "redundant-index": RuleSetting(Severity.ERROR),
        "table-without-description": RuleSetting(Severity.OFF),
        "foreign-key-without-index": RuleSetting(Severity.WARNING, ("tmp_*",)),
    }
    assert plugin.config.coverage_threshold == 75.0
    errors, _ = DbCatalogPlugin().load_config({"lint": {"redundant-indexes": "off"}})
    assert [(key, str(e)) for key, e in errors] == [
        ("lint", "unknown lint rule 'redundant-indexes' (did you mean 'redundant-index'?)")
    ]
    errors, _ = DbCatalogPlugin().load_config({"lint": {"redundant-index": {"level": "off"}}})
    assert "unknown key 'level'" in str(errors[0][1])


def test_hostile_names_are_inert_on_the_health_page(tmp_path: Path) -> None:
    results = {}
    for name, value in (("benign", BENIGN), ("hostile", HOSTILE)):
        site = SiteBuilder(tmp_path / name)
        hostile_site(site, value)
        site.mkdocs_yml({"lint": {"table-without-primary-key": "warning"}}, theme="material",
                        extra={"markdown_extensions": [*extensions(site), mermaid_fence()]})
        results[name] = site.build()
        assert results[name].error is None, results[name].error
    content = main_content(results["hostile"].html("databases/health/"))
    baseline = main_content(results["benign"].html("databases/health/"))
    assert [(t, sorted(a)) for t, a in elements(content)] == [(t, sorted(a)) for t, a in elements(baseline)]
    for tag, attrs in elements(content):
        assert tag != "script" and not any(name.startswith("on") for name in attrs), (tag, attrs)
    shapes = TableShapes()
    shapes.feed(content)
    assert all(len(set(rows)) == 1 for rows in shapes.tables)
    hostile_name = HOSTILE.replace("\n", " ")[:70]
    visible = unescape(re.sub(r"<[^>]+>", "", content))
    assert f"table {hostile_name.strip()} has no primary key" in visible
