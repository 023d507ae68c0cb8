from __future__ import annotations

from .sitebuilder import SiteBuilder


def test_yaml_only_catalog_builds_strict(site: SiteBuilder) -> None:
    site.catalog(
        "orders",
        """
        database: orders
        service: order-service
        tables:
          orders:
            purpose: One row per order.
            columns:
              id: {type: bigint, nullable: false, primary_key: true}
        """,
    )
    site.mkdocs_yml()
    result = site.build()
    assert result.error is None, result.error
    assert "One row per order." in result.html("databases/orders/orders/")
