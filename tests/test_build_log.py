"""The build log says what the lint rules found in one line per database, on every build and rebuild.

Each error-level finding stays a warning line of its own (so `--strict` fails and says why); the
warning-level ones are listed at debug level, which `mkdocs build -v` shows.
"""

from __future__ import annotations

import logging

from .sitebuilder import SiteBuilder

UNDESCRIBED = "\n".join(f"  t{i}:\n    columns:\n      id: {{type: int, primary_key: true}}" for i in range(6))


def test_one_summary_line_per_database_and_each_finding_with_v(site: SiteBuilder) -> None:
    site.catalog("shop", f"database: shop\ntables:\n{UNDESCRIBED}\n  audit:\n    purpose: What happened.\n"
                 "    columns:\n      at: {type: timestamptz, description: When}\n")
    site.catalog(
        "crm",
        "database: crm\ntables:\n  contacts:\n    purpose: People.\n    primary_key: [id]\n"
        "    columns:\n      id: {type: int, description: Id}\n",
    )
    site.catalog("billing", f"database: billing\ntables:\n{UNDESCRIBED}\n")
    site.mkdocs_yml()
    result = site.build(strict=False)
    assert result.error is None, result.error
    shown = [
        r for r in result.records if r.levelno >= logging.INFO and r.name.startswith("mkdocs.plugins.mkdocs_dbcatalog")
    ]
    summaries = [r.getMessage() for r in shown if "of the lint rules" in r.getMessage()]
    assert sorted(summaries) == [
        "mkdocs_dbcatalog: billing: 6 findings of the lint rules, see databases/health/ (mkdocs build -v lists each)",
        "mkdocs_dbcatalog: shop: 7 findings (1 error) of the lint rules, see databases/health/ "
        "(mkdocs build -v lists each)",
    ]
    errors = [r.getMessage() for r in shown if r.levelno == logging.WARNING]
    assert errors == [
        "mkdocs_dbcatalog: catalog/shop.yml:21: table audit has no primary key: rows cannot be told "
        "apart, updated or replicated safely [table-without-primary-key]"
    ], errors
    assert len(shown) == len(summaries) + len(errors)  # nothing else at INFO: no line per warning-level finding
    listed = [
        r.getMessage()
        for r in result.records
        if r.levelno == logging.DEBUG and "[table-without-description]" in r.getMessage()
    ]
    assert len(listed) == 12  # -v: every finding
    assert site.build(strict=True).error is not None  # the error still fails --strict
