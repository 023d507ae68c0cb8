"""Exports opened with the tools that read them: JSON against its published schema with jsonschema,
DBML with pydbml, XLSX with openpyxl, CSV with the csv module, Markdown with Python-Markdown; from
the golden catalog and from one whose names and texts are hostile; and published with a site."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import markdown
import openpyxl
import pytest
from click.testing import CliRunner

from mkdocs_dbcatalog.assemble import assemble
from mkdocs_dbcatalog.catalog.model import Catalog
from mkdocs_dbcatalog.cli import main
from mkdocs_dbcatalog.cli.common import load_plugin_config
from mkdocs_dbcatalog.export import FORMATS, export
from mkdocs_dbcatalog.export.as_json import SCHEMA
from mkdocs_dbcatalog.export.rows import HEADER

from .livedata import dataset, load_pg
from .sitebuilder import SiteBuilder, elements

GOLDEN = Path(__file__).parent / "golden" / "catalog"
SECRETS = ("s3cr3t-pass", "t0psecret")
HOSTILE = r"""
database: shop
description: "Shop's data \\ with a backslash\nand a second line; see postgres://ops:t0psecret@db/shop"
owner: {team: "=HYPERLINK(\"http://evil\")", contact: "@evil"}
tags: ["-1+1", pii]
engine: postgresql
connection: {url: "postgresql://app:s3cr3t-pass@db.internal:5432/shop", introspect: false}
enums:
  state: [new, "it's done", "a\"b"]
tables:
  'we"ird tab':
    purpose: "=cmd|' /C calc'!A0"
    tags: ["<script>alert(1)</script>"]
    columns:
      id: {type: bigint, primary_key: true, nullable: false, description: "it's a \\ backslash\nand a\ttab"}
      "a b": {type: timestamp with time zone, default: "now()", description: "+SUM(1) ] [x](javascript:alert(1))"}
      "x;--": {type: "integer[]", tags: ["=1", "pii:email"], description: "| pipe | *em* <img src=x onerror=alert(2)>"}
      "ta`b": {type: "varchar(10)", default: "'a`b'"}
  billing.invoices:
    purpose: Invoices.
    columns:
      id: {type: int, primary_key: true, nullable: false}
      shop_id: {type: bigint, nullable: false, description: "'; DROP TABLE x; --"}
    foreign_keys:
      - {name: "fk'1", columns: [shop_id], references: 'we"ird tab(id)', on_delete: cascade}
    indexes:
      - {name: "ix'1", columns: [shop_id], unique: true, purpose: "@SUM(A1)"}
"""


def assembled_catalog(root: Path, catalog: str) -> Catalog:
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(f"site_name: E\nplugins:\n  - dbcatalog:\n      catalog: {catalog}\n")
    options, base = load_plugin_config(root / "mkdocs.yml")
    return assemble(options, base, {}).catalog


@pytest.fixture(scope="module")
def golden(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    return assembled_catalog(tmp_path_factory.mktemp("golden"), str(GOLDEN))


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    root = tmp_path_factory.mktemp("hostile")
    (root / "catalog").mkdir()
    (root / "catalog" / "shop.yml").write_text(HOSTILE.lstrip(), encoding="utf-8")
    return assembled_catalog(root, "catalog")


def test_every_format_masks_secrets_and_gives_the_same_bytes_twice(hostile: Catalog, golden: Catalog) -> None:
    for name in FORMATS:
        for catalog in (hostile, golden):
            first = export(catalog, name)
            assert [f.content for f in first] == [f.content for f in export(catalog, name)], name
        for file in export(hostile, name):
            data = file.content if isinstance(file.content, bytes) else file.content.encode()
            if name == "xlsx":
                book = openpyxl.load_workbook(io.BytesIO(data))
                data = "\n".join(str(c.value) for s in book for row in s.iter_rows() for c in row).encode()
            for secret in SECRETS:
                assert secret.encode() not in data, (name, secret)


def test_json_follows_its_published_schema(golden: Catalog, hostile: Catalog) -> None:
    validator = jsonschema.Draft7Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    for catalog in (golden, hostile):
        (file,) = export(catalog, "json")
        document = json.loads(file.content)
        assert not [e.message for e in validator.iter_errors(document)]
    orders = next(d for d in json.loads(export(golden, "json")[0].content)["databases"] if d["name"] == "orders")
    assert orders["owner"] == {"team": "team-orders", "contact": "orders-team@example.com"}
    table = next(t for t in orders["tables"] if t["name"] == "orders")
    user_id = next(c for c in table["columns"] if c["name"] == "user_id")
    assert user_id["tags"] == ["pii", "pii:user-id"] and table["owner_from_database"] is True
    history = next(t for t in orders["tables"] if t["name"] == "order_status_history")
    order_id = next(c for c in history["columns"] if c["name"] == "order_id")
    assert order_id["description"] is None
    assert order_id["inherited"] == {"description": "Primary key", "from": "orders.id"}
    shop = json.loads(export(hostile, "json")[0].content)["databases"][0]
    assert shop["url"] == "postgresql://app:****@db.internal:5432/shop"
    assert shop["tables"][0]["name"] == 'we"ird tab' and shop["tables"][0]["description"] == "=cmd|' /C calc'!A0"


def test_csv_cells_never_start_a_formula(hostile: Catalog, golden: Catalog) -> None:
    (file,) = export(hostile, "csv")
    assert isinstance(file.content, str)
    rows = list(csv.reader(io.StringIO(file.content)))
    assert tuple(rows[0]) == HEADER and len(rows) == 1 + 6
    for row in rows[1:]:
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row), row
    weird = dict(zip(HEADER, rows[1], strict=True))
    assert weird["table"] == 'we"ird tab' and weird["table_description"] == "'=cmd|' /C calc'!A0"
    assert weird["table_owner"].startswith("'=HYPERLINK") and weird["description"] == "it's a \\ backslash\nand a\ttab"
    x = dict(zip(HEADER, rows[3], strict=True))
    assert (x["column"], x["tags"]) == ("x;--", "'=1, pii:email")
    (golden_csv,) = export(golden, "csv")
    assert len(list(csv.reader(io.StringIO(str(golden_csv.content))))) == 1 + sum(
        len(t.columns) for _, t in golden.tables()
    )


def test_xlsx_has_a_sheet_per_database_frozen_header_autofilter_and_text_not_formulas(
    golden: Catalog, hostile: Catalog
) -> None:
    (file,) = export(golden, "xlsx")
    book = openpyxl.load_workbook(io.BytesIO(file.content))  # type: ignore[arg-type]
    assert book.sheetnames == [d.name for d in golden.databases]
    for database, sheet in zip(golden.databases, book, strict=True):
        assert sheet.freeze_panes == "A2"
        rows = sum(len(t.columns) for t in database.tables)
        assert sheet.auto_filter.ref == f"A1:P{rows + 1}" and sheet.max_row == rows + 1
        assert [c.value for c in sheet[1]] == list(HEADER) and all(c.font.bold for c in sheet[1])
    (file,) = export(hostile, "xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(file.content))["shop"]  # type: ignore[arg-type]
    cell = sheet.cell(row=2, column=HEADER.index("table_description") + 1)
    assert (cell.value, cell.data_type) == ("=cmd|' /C calc'!A0", "s")  # shown as written, never evaluated
    assert not [c.coordinate for row in sheet.iter_rows() for c in row if c.data_type == "f"]


NOTE_PARTS = ("Name in the database: ", "Tags: ", "References ")
"""What a DBML note adds after a column's own text, each after a blank line."""


def own_text(note: str | None) -> str | None:
    """A column's own description in its DBML note, without what the export adds after it."""
    if not note:
        return None
    first = re.split(r"\n\n(?=Name in the database: |Tags: |References )", note)[0]
    return None if first.startswith(NOTE_PARTS) else first


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # pydbml's own use of pyparsing
def test_dbml_round_trips_through_pydbml(golden: Catalog, hostile: Catalog) -> None:
    from pydbml import PyDBML

    def dbml_name(name: str) -> str:
        return name.replace('"', "'")  # DBML has no way to write " in a name: the note gives the real one

    for catalog in (golden, hostile):
        files = export(catalog, "dbml")
        assert len(files) == len(catalog.databases)
        for file, database in zip(files, catalog.databases, strict=True):
            parsed = PyDBML(str(file.content))
            assert parsed.project.name == database.name
            assert [(t.schema if t.schema != "public" else None, t.name) for t in parsed.tables] == [
                (t.schema, dbml_name(t.name)) for t in database.tables
            ]
            for ours, theirs in zip(database.tables, parsed.tables, strict=True):
                assert [c.name for c in theirs.columns] == [c.name for c in ours.columns]
                assert [c.type for c in theirs.columns] == [c.type or "unknown" for c in ours.columns]
                assert [c.not_null for c in theirs.columns] == [c.nullable is False for c in ours.columns]
                notes = [c.note.text if c.note and c.note.text else None for c in theirs.columns]
                assert [own_text(n) for n in notes] == [c.text for c in ours.columns]
                tagged = [f"Tags: {', '.join(c.tags)}" in (n or "") for c, n in zip(ours.columns, notes, strict=True)]
                assert tagged == [bool(c.tags) for c in ours.columns]
                pk = ours.primary_key.columns if ours.primary_key else ()
                assert [c.name for c in theirs.columns if c.pk] == list(pk if len(pk) == 1 else ())
                assert (theirs.note.text.split("\n\n")[0] if ours.text else None) == ours.text
                if dbml_name(ours.name) != ours.name:
                    assert f"Name in the database: {ours.key}" in theirs.note.text
            expected = sorted((t.key, fk.columns, fk.target.key, fk.target_columns) for t in database.tables
                              for fk in t.foreign_keys if database.table(fk.target.key))
            got = sorted(
                (ref.table1.full_name.removeprefix("public.").replace("'", '"'), tuple(c.name for c in ref.col1),
                 ref.table2.full_name.removeprefix("public.").replace("'", '"'), tuple(c.name for c in ref.col2))
                for ref in parsed.refs
            )
            assert got == expected
    shop = PyDBML(str(export(hostile, "dbml")[0].content))
    assert [i.name for e in shop.enums for i in e.items] == ["new", "it's done", "a'b"]  # DBML cannot say "
    invoices = shop.tables[1]
    assert (invoices.indexes[0].name, invoices.indexes[0].unique) == ("ix'1", True)
    assert shop.refs[0].name == "fk'1" and shop.refs[0].on_delete == "cascade"
    assert shop.tables[0].columns[3].default == "'a`b'"  # a default with a backtick is written as a string


def test_markdown_is_one_document_whose_links_and_text_are_inert(golden: Catalog, hostile: Catalog) -> None:
    (file,) = export(golden, "markdown")
    html = markdown.markdown(str(file.content), extensions=["tables"])
    ids = set(re.findall(r'id="([^"]+)"', html))
    links = set(re.findall(r'href="#([^"]+)"', html))
    assert links and links <= ids
    assert {"database-orders", "table-orders-orders"} <= ids
    (file,) = export(hostile, "markdown")
    html = markdown.markdown(str(file.content), extensions=["tables"])
    tags = {tag for tag, _ in elements(html)}
    assert tags <= {"h1", "h2", "p", "ul", "li", "strong", "code", "a", "table", "thead", "tbody", "tr", "th", "td",
                    "br", "em"}, tags
    assert all(not (attrs.get("href") or "#").startswith("javascript") for _, attrs in elements(html))
    assert "<script>" not in html and "onerror=" not in html.replace("onerror&#61;", "")


def test_export_command_writes_files_per_database_or_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = SiteBuilder(tmp_path)
    site.write("catalog/shop.yml", HOSTILE.lstrip())
    site.write("catalog/crm.yml", "database: crm\ntables:\n  contacts: {columns: {id: {type: int}}}\n")
    site.mkdocs_yml()
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(main, ["export", "--format", "dbml", "-o", "dbml"])
    assert result.exit_code == 0 and sorted(p.name for p in (tmp_path / "dbml").iterdir()) == ["crm.dbml", "shop.dbml"]
    result = runner.invoke(main, ["export", "--format", "dbml", "-d", "crm", "-o", "one/"])  # a folder, as written
    assert result.exit_code == 0 and (tmp_path / "one" / "crm.dbml").is_file()
    result = runner.invoke(main, ["export", "--format", "dbml", "-d", "crm", "-o", "crm.dbml"])
    assert result.exit_code == 0 and (tmp_path / "crm.dbml").is_file()
    result = runner.invoke(main, ["export", "--format", "json", "-d", "crm"])
    assert json.loads(result.output)["databases"][0]["name"] == "crm"
    result = runner.invoke(main, ["export", "--format", "xlsx", "-o", "out/catalog.xlsx"])
    assert result.exit_code == 0
    assert openpyxl.load_workbook(tmp_path / "out" / "catalog.xlsx").sheetnames == ["crm", "shop"]
    result = runner.invoke(main, ["export", "--format", "csv", "--per-database", "-o", "csv"])
    assert sorted(p.name for p in (tmp_path / "csv").iterdir()) == ["crm.csv", "shop.csv"]
    result = runner.invoke(main, ["export", "--format", "csv", "-d", "shp"])
    assert result.exit_code == 2 and "no database 'shp' in the catalog (did you mean 'shop'?)" in result.output


@pytest.mark.parametrize(("theme", "directory_urls"), [("mkdocs", True), ("material", False)])
def test_exports_published_with_the_site_are_linked_from_each_database_page(
    site: SiteBuilder, theme: str, directory_urls: bool
) -> None:
    site.catalog("orders", (GOLDEN / "orders.yml").read_text(encoding="utf-8"))
    site.catalog("docs", (GOLDEN / "docs.yml").read_text(encoding="utf-8"))
    site.catalog("crm", "database: crm\ntables:\n  contacts: {columns: {id: {type: int, primary_key: true}}}\n")
    lint = {"foreign-key-without-index": "off", "cross-service-reference-missing-target": "off"}
    site.mkdocs_yml({"exports": ["json", "xlsx", "dbml", "markdown"], "lint": lint}, theme=theme,
                    extra={"use_directory_urls": directory_urls})
    result = site.build()
    assert result.error is None, result.error
    page = result.html("databases/orders/")
    links = re.findall(r'<a href="(downloads/[^"]+)">([^<]+)</a>', page)
    assert links == [("downloads/orders.json", "JSON"), ("downloads/orders.xlsx", "Excel"),
                     ("downloads/orders.dbml", "DBML"), ("downloads/orders.md", "Markdown")]
    folder = site.root / "site" / "databases" / "orders"
    for href, _ in links:
        assert (folder / href).is_file(), href
    assert not (folder / "downloads" / "orders").exists()  # the Markdown export is a file, not a page
    document = json.loads((folder / "downloads" / "orders.json").read_text(encoding="utf-8"))
    schema_file = (folder / "downloads" / document["$schema"]).resolve()
    jsonschema.validate(document, json.loads(schema_file.read_text(encoding="utf-8")))
    catalog_links = re.findall(r'<a href="(downloads/[^"]+)">', result.html("databases/"))
    assert catalog_links == ["downloads/catalog.json", "downloads/catalog.xlsx", "downloads/catalog.md"]  # no DBML
    for href in catalog_links:
        assert (site.root / "site" / "databases" / href).is_file(), href
    book = openpyxl.load_workbook(folder / "downloads" / "orders.xlsx")  # what a reader downloads opens
    assert book.sheetnames == ["orders"] and book["orders"].freeze_panes == "A2"
    assert markdown.markdown((folder / "downloads" / "orders.md").read_text(encoding="utf-8")).startswith("<h1")


@pytest.mark.postgres
@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # pydbml's own use of pyparsing
def test_a_live_database_exported_from_the_command_line_opens_in_each_tool(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pagila read live (partitions, triggers, enums, views): the files `export` writes, checked as a
    consumer would, the JSON with check-jsonschema against the schema `schema --export` prints."""
    from pydbml import PyDBML

    load_pg(pg_url, dataset("pagila/pagila-schema.sql", tmp_path))
    site = SiteBuilder(tmp_path / "site")
    site.catalog("pagila", f"database: pagila\nconnection: {pg_url.replace('+psycopg', '')}\n")
    site.mkdocs_yml()
    monkeypatch.chdir(site.root)
    runner = CliRunner()
    for args in (["schema", "--export", "-o", "export.schema.json"], ["export", "--format", "json", "-o", "p.json"],
                 ["export", "--format", "xlsx", "-o", "p.xlsx"], ["export", "--format", "dbml", "-o", "dbml/"]):
        result = runner.invoke(main, args)
        assert result.exit_code == 0, result.output
    checked = subprocess.run([sys.executable, "-m", "check_jsonschema", "--schemafile", "export.schema.json",
                              "p.json"], capture_output=True, text=True, timeout=120)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    document = json.loads((site.root / "p.json").read_text(encoding="utf-8"))
    (pagila,) = document["databases"]
    payment = next(t for t in pagila["tables"] if t["name"] == "payment")
    assert payment["kind"] == "partitioned table" and pagila["enums"] and any(t["triggers"] for t in pagila["tables"])
    sheet = openpyxl.load_workbook(site.root / "p.xlsx")["pagila"]
    assert sheet.max_row == 1 + sum(len(t["columns"]) for t in pagila["tables"]) and sheet.freeze_panes == "A2"
    parsed = PyDBML((site.root / "dbml" / "pagila.dbml").read_text(encoding="utf-8"))
    assert [t.name for t in parsed.tables] == [t["name"] for t in pagila["tables"]]
    assert len(parsed.refs) == sum(len(t["foreign_keys"]) for t in pagila["tables"])


def test_a_database_named_downloads_keeps_its_pages_and_the_catalog_its_exports(site: SiteBuilder) -> None:
    site.catalog("downloads", "database: downloads\ntables:\n  catalog: {columns: {id: {type: int}}}\n")
    site.catalog("crm", "database: crm\ntables:\n  contacts: {columns: {id: {type: int}}}\n")
    site.mkdocs_yml({"exports": ["markdown"], "lint": {"table-without-primary-key": "off"}})
    result = site.build()
    assert result.error is None, result.error
    out = site.root / "site" / "databases"
    whole = (out / "downloads" / "catalog.md").read_text(encoding="utf-8")  # the whole catalog's export
    assert 'id="database-crm"' in whole and 'id="database-downloads"' in whole
    assert (out / "downloads-2" / "catalog" / "index.html").is_file()  # the table's page
    assert (out / "downloads-2" / "downloads" / "downloads-2.md").is_file()
