"""Every bad input stops the build with one message naming file, line and key path, and what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_dbcatalog.errors import CatalogError
from mkdocs_dbcatalog.sources.yamlfile import load_file

from .sitebuilder import SiteBuilder


def load(tmp_path: Path, text: str, environ: dict[str, str] | None = None) -> str:
    """The error message that loading `text` as catalog/db.yml gives."""
    file = tmp_path / "db.yml"
    file.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogError) as caught:
        load_file(file, "catalog/db.yml", environ or {})
    return str(caught.value)


def test_malformed_yaml_names_file_and_line(tmp_path: Path) -> None:
    message = load(tmp_path, "database: orders\ntables:\n  orders:\n    purpose: [unclosed\n")
    assert message.startswith("catalog/db.yml:5: not valid YAML")


def test_unknown_key_suggests_the_close_one(tmp_path: Path) -> None:
    message = load(
        tmp_path,
        "database: orders\ntables:\n  orders:\n    columns:\n      id:\n        nulable: false\n",
    )
    assert message == ("catalog/db.yml:6: tables.orders.columns.id.nulable: unknown key (did you mean 'nullable'?)")


def test_unknown_key_without_close_match_lists_known_keys(tmp_path: Path) -> None:
    message = load(tmp_path, "database: orders\nbackup:\n  colour: blue\n")
    assert message == (
        "catalog/db.yml:3: backup.colour: unknown key (known keys: frequency, type, retention, storage, commands)"
    )


def test_table_description_points_to_purpose(tmp_path: Path) -> None:
    message = load(tmp_path, "database: orders\ntables:\n  orders:\n    description: x\n")
    assert message == "catalog/db.yml:4: tables.orders.description: unknown key (did you mean 'purpose'?)"


def test_wrong_type_says_what_is_expected(tmp_path: Path) -> None:
    message = load(
        tmp_path,
        "database: orders\ntables:\n  orders:\n    columns:\n      id: {type: int, nullable: maybe}\n",
    )
    assert message == ("catalog/db.yml:5: tables.orders.columns.id.nullable: expected true or false, got 'maybe'")


def test_list_where_mapping_expected(tmp_path: Path) -> None:
    message = load(tmp_path, "database: orders\ntables:\n  - orders\n")
    assert message == ("catalog/db.yml:3: tables: expected a mapping of names to table mapping or text, got a list")


def test_port_out_of_range(tmp_path: Path) -> None:
    message = load(tmp_path, "database: orders\nport: 99999\n")
    assert message == "catalog/db.yml:2: port: expected a whole number, got '99999': must be at most 65535"


def test_bad_row_estimate(tmp_path: Path) -> None:
    message = load(tmp_path, "database: orders\ntables:\n  t:\n    row_estimate: lots\n")
    assert message == (
        "catalog/db.yml:4: tables.t.row_estimate: expected a count such as 1200, 1.2M or ~500k, got 'lots'"
    )


def test_foreign_key_to_missing_table(tmp_path: Path) -> None:
    message = load(
        tmp_path,
        """\
database: orders
tables:
  customers:
    columns: {id: {type: int, primary_key: true}}
  orders:
    columns:
      id: {type: int}
      customer_id: {type: int}
    foreign_keys:
      - columns: [customer_id]
        references: customer(id)
""",
    )
    assert message == (
        "catalog/db.yml:11: tables.orders.foreign_keys[0].references: foreign key to table 'customer', "
        "which this file does not describe (did you mean 'customers'?)"
    )


def test_foreign_key_to_missing_column(tmp_path: Path) -> None:
    message = load(
        tmp_path,
        """\
database: orders
tables:
  customers:
    columns: {id: {type: int}}
  orders:
    columns:
      customer_id: {type: int, references: customers.uid}
""",
    )
    assert message == (
        "catalog/db.yml:7: tables.orders.columns.customer_id.references: foreign key to customers(uid): "
        "'customers' has no column 'uid' (did you mean 'id'?)"
    )


def test_foreign_key_column_not_in_table(tmp_path: Path) -> None:
    message = load(
        tmp_path,
        """\
database: orders
tables:
  customers:
    columns: {id: {type: int, primary_key: true}}
  orders:
    columns:
      id: {type: int}
    foreign_keys:
      - {columns: [customer], references: customers}
""",
    )
    assert message == (
        "catalog/db.yml:9: tables.orders.foreign_keys[0].references: foreign key column 'customer' is not a "
        "column of 'orders' (known columns: id)"
    )


def test_missing_environment_variable(tmp_path: Path) -> None:
    message = load(tmp_path, "database: orders\nconnection:\n  url: ${ORDERS_URL}\n")
    assert message == (
        "catalog/db.yml:3: connection.url: environment variable ORDERS_URL is not set "
        "(set it, or give a default with ${ORDERS_URL:-default})"
    )


def test_environment_default_and_value(tmp_path: Path) -> None:
    file = tmp_path / "db.yml"
    file.write_text("database: ${NAME:-fallback}\nservice: ${SVC}\nport: ${PORT}\n", encoding="utf-8")
    loaded = load_file(file, "db.yml", {"SVC": "orders-svc", "PORT": "6543"})
    assert (loaded.database.name, loaded.database.service, loaded.database.port) == ("fallback", "orders-svc", 6543)


def test_missing_database_name(tmp_path: Path) -> None:
    message = load(tmp_path, "service: orders\n")
    assert message == "catalog/db.yml:1: 'database' is required (expected text)"


def test_duplicate_key_in_one_mapping(tmp_path: Path) -> None:
    message = load(tmp_path, "database: orders\ntables:\n  t: x\n  t: y\n")
    assert message == "catalog/db.yml:4: tables.t: duplicate key (first written on line 3)"


def test_two_documents_in_one_file(tmp_path: Path) -> None:
    message = load(tmp_path, "database: a\n---\ndatabase: b\n")
    assert message == "catalog/db.yml:3: holds more than one YAML document (write one database per file)"


def test_empty_file(tmp_path: Path) -> None:
    message = load(tmp_path, "# nothing here\n")
    assert message == "catalog/db.yml: is empty (a database file needs at least 'database: <name>')"


def test_unreadable_reference(tmp_path: Path) -> None:
    message = load(tmp_path, "database: orders\nreferences:\n  - from: orders.user_id\n    to: users.id\n")
    assert message == (
        "catalog/db.yml:4: references[0].to: cannot read 'users.id' "
        "(write database-or-service/table.column, e.g. users-service/users.id)"
    )


def test_build_fails_with_one_clear_line_and_no_traceback(site: SiteBuilder) -> None:
    site.catalog("orders", "database: orders\ntables:\n  orders:\n    colums: {}\n")
    site.mkdocs_yml()
    result = site.build()
    assert result.error is not None
    assert "catalog/orders.yml:4: tables.orders.colums: unknown key (did you mean 'columns'?)" in result.error
    assert "Traceback" not in result.log_text
    assert not (site.root / "site" / "databases").exists()


def test_duplicate_database_name_across_files(site: SiteBuilder) -> None:
    site.catalog("a", "database: orders\n")
    site.catalog("b", "service: x\ndatabase: orders\n")
    site.mkdocs_yml()
    result = site.build()
    assert result.error is not None
    assert (
        "catalog/b.yml:2: database: database 'orders' is already described in catalog/a.yml "
        "(database names must be unique; rename one)"
    ) in result.error


def test_cross_service_reference_to_unknown_service(site: SiteBuilder) -> None:
    site.catalog("users", "database: users\nservice: users-service\ntables:\n  users:\n    columns: {id: x}\n")
    site.catalog(
        "orders",
        """
        database: orders
        tables:
          orders:
            columns: {user_id: x}
        references:
          - from: orders.user_id
            to: user-service/users.id
        """,
    )
    site.mkdocs_yml()
    result = site.build()
    # The lint rule cross-service-reference-missing-target (an error by default) fails --strict.
    assert result.error is not None
    assert (
        "catalog/orders.yml:7: reference orders.user_id → user-service/users.id: no database or service "
        "'user-service' in the catalog (did you mean 'users-service'?) [cross-service-reference-missing-target]"
    ) in result.log_text


def test_no_catalog_files_is_an_error(site: SiteBuilder) -> None:
    site.mkdocs_yml({"catalog": "nowhere"})
    result = site.build()
    assert result.error is not None
    assert "mkdocs.yml: no database files found at 'nowhere'" in result.error


def test_previous_site_survives_a_bad_edit(site: SiteBuilder) -> None:
    site.catalog("orders", "database: orders\n")
    site.mkdocs_yml()
    assert site.build().error is None
    site.catalog("orders", "database: orders\nport: eighty\n")
    assert site.build().error is not None
    assert (site.root / "site" / "databases" / "orders" / "index.html").exists()


def test_seed_data_for_an_unknown_table(tmp_path: Path) -> None:
    message = load(
        tmp_path,
        "database: orders\ntables:\n  roles: x\nseed_data:\n  tables:\n    - {table: role, count: 3}\n",
    )
    assert message == (
        "catalog/db.yml:6: seed_data.tables[0].table: seed data for table 'role', which this file does not "
        "describe (did you mean 'roles'?)"
    )


def test_anchors_and_merge_keys_are_understood(tmp_path: Path) -> None:
    file = tmp_path / "db.yml"
    file.write_text(
        "database: orders\n"
        "x-audit: &audit {created_at: {type: timestamptz, nullable: false, description: Creation time}}\n"
        "tables:\n"
        "  orders:\n"
        "    columns:\n"
        "      <<: *audit\n"
        "      id: {type: bigint}\n",
        encoding="utf-8",
    )
    table = load_file(file, "db.yml", {}).database.table("orders")
    assert table is not None and [c.name for c in table.columns] == ["created_at", "id"]
    file.write_text(file.read_text().replace("x-audit: &audit", "description: &audit"), encoding="utf-8")
    message = load(tmp_path, file.read_text())
    assert "description: expected text, got a mapping" in message
    file.write_text(
        "database: orders\n"
        "tables:\n"
        "  customers: {columns: &audit {created_at: {type: timestamptz, description: Creation time}}}\n"
        "  orders:\n"
        "    columns:\n"
        "      <<: *audit\n"
        "      id: {type: bigint}\n",
        encoding="utf-8",
    )
    table = load_file(file, "db.yml", {}).database.table("orders")
    assert table is not None and [c.name for c in table.columns] == ["created_at", "id"]
    assert table.column("created_at").description == "Creation time"  # type: ignore[union-attr]


def test_viewpoints_and_relations_are_checked_at_their_lines(tmp_path: Path) -> None:
    twice = "database: shop\nviewpoints:\n  - {name: Sales, tables: [a]}\n  - name: Sales\n    tables: [b]\n"
    assert load(tmp_path, twice) == (
        "catalog/db.yml:4: viewpoints[1].name: a second viewpoint named 'Sales' (the first is on line 3) "
        "(each viewpoint is a page: give it its own name)"
    )
    assert load(tmp_path, "database: shop\nviewpoints:\n  - {name: Sales, tables: [a], depth: 2}\n") == (
        "catalog/db.yml:3: viewpoints[0].depth: unknown key (did you mean 'distance'?)"
    )
    assert load(tmp_path, "database: shop\nrelations:\n  - {from: orders, to: users.id}\n") == (
        "catalog/db.yml:3: relations[0].from: 'orders' names no column (write table.column, e.g. orders.user_id)"
    )
