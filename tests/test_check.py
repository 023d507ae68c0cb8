"""`mkdocs-dbcatalog check`: every lint rule once, at its file and line, in all three formats."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from mkdocs_dbcatalog.cli import EXIT_FINDINGS, EXIT_UNUSABLE, main

from .lintfixture import CRM, EXPECTED, SHOP
from .sitebuilder import SiteBuilder


@pytest.fixture
def shop(site: SiteBuilder, monkeypatch: pytest.MonkeyPatch) -> SiteBuilder:
    site.catalog("shop", SHOP)
    site.catalog("crm", CRM)
    site.mkdocs_yml({"coverage_threshold": 90})
    monkeypatch.chdir(site.root)
    return site


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_fixture_lines_are_what_expected_says() -> None:
    """Guards the fixture itself: each expected line names the table, column, index or key it concerns."""
    lines = SHOP.splitlines()
    concerns = {
        "table-without-primary-key": "audit_log:",
        "foreign-key-without-index": "order_id:",
        "nullable-foreign-key-to-required-parent": "order_id:",
        "redundant-index": "name: orders_customer_idx,",
        "table-without-description": "tags:",
        "junction-without-unique-pair": "order_tags:",
        "cross-service-reference-missing-target": "to: crm/contacts.id",
        "coverage-below-threshold": "database: shop",
    }
    for rule, (_, _, line) in EXPECTED.items():
        assert concerns[rule] in lines[line - 1], (rule, lines[line - 1])


def test_text_reports_each_rule_once_at_its_line(shop: SiteBuilder) -> None:
    code, out, _ = run("check")
    assert code == EXIT_FINDINGS
    found = re.findall(r"^catalog/shop\.yml:(\d+): (error|warning): .* \[([a-z-]+)\]$", out, re.MULTILINE)
    assert sorted((rule, severity, int(line)) for line, severity, rule in found) == sorted(
        (rule, severity, line) for rule, (severity, _, line) in EXPECTED.items()
    )
    assert "catalog/crm.yml" not in out
    assert "shop   66.6%  tables 6/7, columns 10/17 (3 inherited)  below threshold" in out
    assert out.rstrip().endswith("4 errors, 4 warnings in 2 databases.")


def test_json_reports_each_rule_once(shop: SiteBuilder) -> None:
    code, out, _ = run("check", "--format", "json")
    assert code == EXIT_FINDINGS
    document = json.loads(out)
    assert document["summary"] == {"errors": 4, "warnings": 4, "databases": 2, "cached": 0}
    got = {f["rule"]: (f["severity"], f["table"], f["line"]) for f in document["findings"]}
    assert len(document["findings"]) == len(got) == len(EXPECTED)
    assert got == EXPECTED
    assert all(f["file"] == "catalog/shop.yml" and f["database"] == "shop" for f in document["findings"])
    shop_db = next(d for d in document["databases"] if d["name"] == "shop")
    assert shop_db["coverage"] == {
        "percent": 66.6,
        "tables": {"documented": 6, "total": 7},
        "columns": {"documented": 10, "total": 17, "inherited": 3},
        "below_threshold": True,
    }


def test_github_annotations_point_at_file_and_line(shop: SiteBuilder) -> None:
    code, out, _ = run("check", "--format", "github")
    assert code == EXIT_FINDINGS
    annotations = re.findall(r"^::(error|warning) file=([^,]+),line=(\d+),title=([a-z-]+)::(.+)$", out, re.MULTILINE)
    assert sorted((rule, level, int(line)) for level, _, line, rule, _ in annotations) == sorted(
        (rule, severity, line) for rule, (severity, _, line) in EXPECTED.items()
    )
    assert {file for _, file, _, _, _ in annotations} == {"catalog/shop.yml"}
    coverage = next(message for *_, rule, message in annotations if rule == "coverage-below-threshold")
    assert "66.6%25" in coverage and "%" not in coverage.replace("%25", ""), "a % must be escaped for GitHub"


def test_rules_turned_off_or_to_warning_change_exit_code(site: SiteBuilder, monkeypatch: pytest.MonkeyPatch) -> None:
    site.catalog("shop", SHOP)
    site.catalog("crm", CRM)
    site.mkdocs_yml(
        {
            "lint": {
                "table-without-primary-key": "warning",
                "junction-without-unique-pair": False,  # a bare `off` in YAML
                "cross-service-reference-missing-target": {"severity": "warning", "exclude": ["orders"]},
            }
        }
    )
    monkeypatch.chdir(site.root)
    code, out, _ = run("check", "--format", "json")
    document = json.loads(out)
    rules = {f["rule"]: f["severity"] for f in document["findings"]}
    assert "junction-without-unique-pair" not in rules
    assert "cross-service-reference-missing-target" not in rules  # excluded by table
    assert "coverage-below-threshold" not in rules  # no threshold configured
    assert rules["table-without-primary-key"] == "warning"
    assert code == 0, "only warnings left"
    assert run("check", "--strict")[0] == EXIT_FINDINGS
    code, out, _ = run("check", "--coverage-threshold", "60")
    assert code == 0 and "(threshold 60%)" in out
    code, out, _ = run("check", "--coverage-threshold", "70")
    assert code == EXIT_FINDINGS and "below the threshold of 70%" in out


def test_database_option_narrows_the_report(shop: SiteBuilder) -> None:
    code, out, _ = run("check", "-d", "crm")
    assert code == 0
    assert out.strip().endswith("No problems found in 1 database.")
    code, _, err = run("check", "-d", "shpo")
    assert code == 2 and "did you mean 'shop'?" in err


def test_config_file_option_and_paths_relative_to_working_directory(
    site: SiteBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    site.write("docs-site/catalog/shop.yml", SHOP)
    site.write("docs-site/catalog/crm.yml", CRM)
    site.write("docs-site/docs/index.md", "# Home\n")
    site.write("docs-site/mkdocs.yml", "site_name: S\nplugins:\n  - dbcatalog:\n      coverage_threshold: 90\n")
    monkeypatch.chdir(site.root)
    code, out, _ = run("check", "-f", "docs-site/mkdocs.yml", "--format", "github")
    assert code == EXIT_FINDINGS
    assert "::error file=docs-site/catalog/shop.yml,line=19,title=table-without-primary-key::" in out


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("site_name: S\nplugins:\n  - search\n", "does not use the dbcatalog plugin"),
        ("site_name: S\nplugins:\n  - dbcatalog:\n      lint: {no-primary-key: off}\n", "did you mean"),
        ("site_name: S\nplugins:\n  - dbcatalog:\n      lint: {redundant-index: loud}\n", "expected error, warning"),
        ("site_name: S\nplugins:\n  - dbcatalog:\n      coverage_threshold: 120\n", "percentage from 0 to 100"),
    ],
)
def test_unusable_configuration_exits_2_with_the_reason(
    site: SiteBuilder, monkeypatch: pytest.MonkeyPatch, config: str, message: str
) -> None:
    site.catalog("crm", CRM)
    site.write("docs/index.md", "# Home\n")
    site.write("mkdocs.yml", config)
    monkeypatch.chdir(site.root)
    code, out, err = run("check")
    assert code == EXIT_UNUSABLE
    assert message in err
    assert out == ""


def test_broken_catalog_file_exits_2_naming_file_and_line(shop: SiteBuilder) -> None:
    shop.catalog("crm", "database: crm\ntables:\n  people:\n    columns:\n      id: {nullable: maybe}\n")
    code, _, err = run("check")
    assert code == EXIT_UNUSABLE
    assert "catalog/crm.yml:5: tables.people.columns.id.nullable: expected true or false" in err


def test_missing_config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run("check")
    assert code == EXIT_UNUSABLE and "mkdocs.yml: no such file" in err


def test_rules_command_lists_configured_severities(shop: SiteBuilder) -> None:
    shop.mkdocs_yml({"lint": {"redundant-index": "error", "table-without-description": "off"}})
    code, out, _ = run("rules", "-f", "mkdocs.yml")
    assert code == 0
    assert re.search(r"^redundant-index\s+error\s+An index that duplicates", out, re.MULTILINE)
    assert re.search(r"^table-without-description\s+off\s+", out, re.MULTILINE)
    assert re.search(r"^table-without-primary-key\s+error\s+", out, re.MULTILINE)


def test_help_reads_well() -> None:
    code, out, _ = run("check", "--help")
    assert code == 0
    for text in ("--format [github|json|text]", "--coverage-threshold PERCENT", "Exits with 1", "Examples:"):
        assert text in out
