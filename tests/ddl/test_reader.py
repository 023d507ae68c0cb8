"""Schema files found, decoded and read in order; read again only when they change."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs_dbcatalog.sources.ddl import SchemaFileSettings, read_schema_files


def test_a_folder_reads_in_name_order_as_one_script_and_again_only_when_a_file_changes(tmp_path: Path) -> None:
    folder = tmp_path / "schema"
    (folder / "tables").mkdir(parents=True)
    # SSMS saves UTF-16 with Windows line ends; GO must still be found alone on its line.
    (folder / "tables" / "b_orders.sql").write_bytes(
        "CREATE TABLE [dbo].[Orders] ([ID] int NOT NULL PRIMARY KEY, [Note] nvarchar(20) NULL)\r\nGO\r\n"
        "ALTER TABLE [dbo].[Orders] ADD [CustomerID] int NULL\r\nGO\r\n".encode("utf-16")
    )
    (folder / "tables" / "a_customers.sql").write_text(
        "\ufeffCREATE TABLE dbo.Customers (ID int NOT NULL PRIMARY KEY)\nGO\n", encoding="utf-8"
    )
    (folder / "c_keys.sql").write_text(
        "ALTER TABLE dbo.Orders ADD CONSTRAINT FK_Orders_Customers FOREIGN KEY (CustomerID) "
        "REFERENCES dbo.Customers (ID)\nGO\n",
        encoding="utf-8",
    )
    (folder / "notes.txt").write_text("not SQL", encoding="utf-8")
    settings = SchemaFileSettings("schema", "tsql", tmp_path)
    first = read_schema_files("shop", settings, tmp_path, "catalog/shop.yml")
    assert [f.path for f in first.schema_files] == [
        "schema/c_keys.sql",
        "schema/tables/a_customers.sql",
        "schema/tables/b_orders.sql",
    ]
    # c_keys.sql comes first by name, before the tables exist: its ALTER is skipped and said.
    assert [s.line for s in first.schema_files[0].skipped] == [1]
    assert [t.key for t in first.tables] == ["Customers", "Orders"]  # dbo is the default schema
    assert [c.name for c in first.table("Orders").columns] == ["ID", "Note", "CustomerID"]  # type: ignore[union-attr]
    assert read_schema_files("shop", settings, tmp_path, "catalog/shop.yml") is first

    keys = folder / "c_keys.sql"
    keys.rename(folder / "z_keys.sql")
    again = read_schema_files("shop", settings, tmp_path, "catalog/shop.yml")
    assert again is not first and not any(f.skipped for f in again.schema_files)
    (fk,) = again.table("Orders").foreign_keys  # type: ignore[union-attr]
    assert (fk.name, fk.target.key, fk.target_columns) == ("FK_Orders_Customers", "Customers", ("ID",))

    only_tables = SchemaFileSettings("schema/tables/*.sql", "tsql", tmp_path, exclude=("Customers",))
    assert [t.key for t in read_schema_files("shop", only_tables, tmp_path, "x").tables] == ["Orders"]
    changed = folder / "tables" / "a_customers.sql"
    changed.write_text("CREATE TABLE dbo.Customers (ID int NOT NULL PRIMARY KEY, Name nvarchar(9))\nGO\n")
    os.utime(changed, ns=(changed.stat().st_atime_ns, changed.stat().st_mtime_ns + 10**9))
    customers = read_schema_files("shop", settings, tmp_path, "catalog/shop.yml").table("Customers")
    assert customers is not None and [c.name for c in customers.columns] == ["ID", "Name"]
