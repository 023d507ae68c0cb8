"""Prisma: schema.prisma read with the grammar, checked against the databases its migrations make.

The references are real: a public application's schema (npm `@juliobrim/prisma-shared`, 63 models)
whose own 59 migrations are loaded into PostgreSQL, and the sample site's payments schema whose
migrations are loaded into MariaDB. Both are read live and compared with what the reader makes
of the schema file (tests/models/compare.py says what is compared).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from mkdocs_dbcatalog.catalog.model import TableKind
from mkdocs_dbcatalog.sources.live import read_database
from mkdocs_dbcatalog.sources.models import ModelsError
from mkdocs_dbcatalog.sources.models.prisma import read_prisma

from ..livedata import load_mariadb, load_pg
from ..sitebuilder import SiteBuilder, text_of
from .compare import differences

ROOT = Path(__file__).resolve().parents[2]
PUBLIC = ROOT / "tests" / "data" / "models" / "prisma-shared"
PAYMENTS = ROOT / "sample_site" / "services" / "payments" / "prisma"


def _load(loader: object, url: str, migrations: Path, tmp_path: Path) -> None:
    """Every migration.sql in name order, as `prisma migrate deploy` applies them, in one script."""
    script = tmp_path / "all.sql"
    script.write_text(
        "\n".join(p.read_text(encoding="utf-8") for p in sorted(migrations.glob("*/migration.sql"))), encoding="utf-8"
    )
    loader(url, script)  # type: ignore[operator]


@pytest.mark.postgres
def test_a_public_schema_reads_as_the_database_its_migrations_make(pg_url: str, tmp_path: Path) -> None:
    _load(load_pg, pg_url, PUBLIC / "migrations", tmp_path)
    live = read_database("shared", pg_url)
    models = read_prisma(PUBLIC / "schema.prisma", "schema.prisma", "shared").database
    assert differences(live, models, defaults=True) == []
    assert live.enums == models.enums and len(models.enums) == 10
    # 63 models, a view and four implicit many-to-many tables, such as _MachineToResource
    assert len(models.tables) == 68 and sum(t.kind is TableKind.VIEW for t in models.tables) == 1
    join = models.table("_MachineToResource")
    assert join is not None and join.primary_key is not None and join.primary_key.name == "_MachineToResource_AB_pkey"


@pytest.mark.mariadb
def test_the_sample_payments_schema_reads_as_the_database_its_migrations_make(mariadb_url: str, tmp_path: Path) -> None:
    _load(load_mariadb, mariadb_url, PAYMENTS / "migrations", tmp_path)
    live = read_database("payments", mariadb_url)
    models = read_prisma(PAYMENTS / "schema.prisma", "schema.prisma", "payments").database
    assert differences(live, models, defaults=True) == []
    payments = models.table("payments")
    assert payments is not None and payments.purpose == "One row per payment attempt for an order."
    assert [c.description for c in payments.columns][:2] == ["ULID", "The order in the order service"]


MONGO = """
datasource db {
  provider = "mongodb"
  url      = env("DATABASE_URL")
}

/// A customer's order, with its lines and address embedded.
model Order {
  id         String    @id @default(auto()) @map("_id") @db.ObjectId
  number     Int       @unique
  customerId String    @db.ObjectId
  customer   Customer  @relation(fields: [customerId], references: [id])
  /// Where it ships
  shipping   Address
  lines      Line[]
  placedAt   DateTime  @default(now())

  @@index([customerId, placedAt(sort: Desc)])
  @@map("orders")
}

model Customer {
  id     String  @id @default(auto()) @map("_id") @db.ObjectId
  email  String  @unique
  orders Order[]
}

type Address {
  street String
  city   String
  zip    String?
}

type Line {
  sku      String
  quantity Int
}
"""


def test_mongodb_models_are_collections_with_embedded_documents_as_nested_fields(tmp_path: Path) -> None:
    path = tmp_path / "schema.prisma"
    path.write_text(MONGO, encoding="utf-8")
    database = read_prisma(path, "schema.prisma", "shop").database
    assert database.engine == "mongodb" and [t.name for t in database.tables] == ["Customer", "orders"]
    orders = database.table("orders")
    assert orders is not None and orders.purpose == "A customer's order, with its lines and address embedded."
    assert [(c.name, c.type, c.nullable) for c in orders.columns] == [
        ("_id", "ObjectId", False),
        ("number", "Int", False),
        ("customerId", "ObjectId", False),
        ("shipping", "Address", False),
        ("shipping.street", "String", False),
        ("shipping.city", "String", False),
        ("shipping.zip", "String", True),
        ("lines", "Line[]", False),
        ("lines.sku", "String", False),
        ("lines.quantity", "Int", False),
        ("placedAt", "Date", False),
    ]
    assert orders.column("shipping").description == "Where it ships"  # type: ignore[union-attr]
    assert orders.primary_key is not None and orders.primary_key.columns == ("_id",)
    (fk,) = orders.foreign_keys  # MongoDB enforces no relation: it is declared in the schema
    assert (fk.columns, fk.target.key, fk.target_columns, fk.enforced, fk.declared_in) == (
        ("customerId",),
        "Customer",
        ("_id",),
        False,
        "Prisma schema",
    )
    assert [(i.columns, i.unique, i.options) for i in orders.indexes] == [
        (("number",), True, ()),
        (("customerId", "placedAt"), False, ("", "DESC")),
    ]


def test_a_syntax_error_names_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "schema.prisma"
    text = 'datasource db {\n  provider = "postgresql"\n}\nmodel User {\n  id Int @id @@\n}\n'
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ModelsError, match=r"^prisma/schema\.prisma: line 6: not Prisma schema syntax"):
        read_prisma(path, "prisma/schema.prisma", "x")


FEATURES = """
datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
  schemas  = ["public", "billing"]
}

enum Role {
  USER  @map("user")
  ADMIN @map("admin")
  @@map("role")
}

model Account {
  tenant  String
  number  Int
  role    Role      @default(USER)
  tags    String[]
  balance Decimal   @default(0) @db.Decimal(12, 2)
  shape   Unsupported("circle")?
  active  Boolean   @default(true)
  created DateTime  @default(now()) @db.Timestamptz(6)
  invoices Invoice[]

  @@id([tenant, number], map: "account_key")
  @@unique([tenant, role], name: "one_role")
  @@index([tags], type: Gin)
  @@schema("public")
}

model Invoice {
  id            Int     @id @default(autoincrement())
  accountTenant String
  accountNumber Int
  account       Account @relation(fields: [accountTenant, accountNumber], references: [tenant, number],
                          onDelete: Cascade, map: "invoice_account")
  @@schema("billing")
}
"""


def test_keys_defaults_native_types_enums_and_schemas(tmp_path: Path) -> None:
    path = tmp_path / "schema.prisma"
    path.write_text(FEATURES, encoding="utf-8")
    database = read_prisma(path, "schema.prisma", "x").database
    account, invoice = database.table("Account"), database.table("billing.Invoice")
    assert account is not None and invoice is not None
    assert [(c.name, c.type, c.nullable, c.default) for c in account.columns] == [
        ("tenant", "text", False, None),
        ("number", "integer", False, None),
        ("role", "role", False, "'user'::role"),
        ("tags", "text[]", True, None),
        ("balance", "numeric(12,2)", False, "0"),
        ("shape", "circle", True, None),
        ("active", "boolean", False, "true"),
        ("created", "timestamp(6) with time zone", False, "CURRENT_TIMESTAMP"),
    ]
    assert account.primary_key is not None and (account.primary_key.columns, account.primary_key.name) == (
        ("tenant", "number"),
        "account_key",
    )
    assert [(i.name, i.columns, i.unique, i.method) for i in account.indexes] == [
        ("Account_tenant_role_key", ("tenant", "role"), True, "btree"),
        ("Account_tags_idx", ("tags",), False, "gin"),
    ]
    (fk,) = invoice.foreign_keys
    assert (fk.name, fk.columns, fk.target.key, fk.on_delete, fk.on_update) == (
        "invoice_account",
        ("accountTenant", "accountNumber"),
        "Account",
        "CASCADE",
        "CASCADE",
    )
    id_column = invoice.column("id")
    assert id_column is not None and id_column.identity == "serial"
    assert id_column.default == "nextval('\"Invoice_id_seq\"'::regclass)"
    assert [(e.name, e.values) for e in database.enums] == [("role", ("user", "admin"))]


LIVE_SCHEMA = """
datasource db {
  provider     = "sqlite"
  url          = "file:./dev.db"
  relationMode = "prisma"
}

/// People who can sign in.
model User {
  id    Int    @id
  /// Login address, unique
  email String @unique
  /// Shown on receipts
  name  String?
  posts Post[]
}

model Post {
  id       Int  @id
  authorId Int
  author   User @relation(fields: [authorId], references: [id])
}
"""


def test_with_a_live_database_the_models_give_descriptions_relations_and_drift(site: SiteBuilder) -> None:
    site.write("prisma/schema.prisma", LIVE_SCHEMA)
    with sqlite3.connect(site.root / "app.db") as conn:  # the database lacks users.name
        conn.executescript(
            "CREATE TABLE User (id INTEGER NOT NULL PRIMARY KEY, email TEXT NOT NULL);"
            "CREATE UNIQUE INDEX User_email_key ON User(email);"
            "CREATE TABLE Post (id INTEGER NOT NULL PRIMARY KEY, authorId INTEGER NOT NULL);"
        )
    conn.close()
    site.catalog(
        "app",
        """
        database: app
        connection: sqlite:///${SITE}/app.db
        models:
          prisma: ../prisma/schema.prisma
        tables:
          User:
            columns:
              id: The user's number
        """.replace("${SITE}", str(site.root)),
    )
    site.mkdocs_yml({"diagrams": {"enabled": False}, "lint": {"foreign-key-without-index": "off"}})
    result = site.build()
    assert result.error is None, result.error
    findings = [line for line in result.log_text.splitlines() if "models-drift" in line]
    assert findings == [
        "mkdocs_dbcatalog: catalog/app.yml:3: column User.name is declared in the models but the table has "
        "no such column (prisma/schema.prisma:13) [models-drift]"
    ], result.log_text
    page = text_of(result.html("databases/app/user/"))
    assert "Login address, unique" in page and "The user's number" in page and "People who can sign in." in page
    assert "Read live from the database at build time; descriptions also from the application's Prisma models" in (
        text_of(result.html("databases/app/"))
    )
    post = text_of(result.html("databases/app/post/"))
    assert "FK (declared in Prisma schema) → User.id" in post
