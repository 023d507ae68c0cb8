"""Rails: db/schema.rb read through the Ruby grammar, never run.

The reference is a real application: Redmine 5.0.4 (Debian's package) migrated by Rails on
PostgreSQL, its `schema.rb` and a `pg_dump` of the same database (tests/data/models/redmine). The
DSL's other statements are checked on a Rails 7.1 schema against a catalog worked out by hand
from Active Record's rules.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_dbcatalog.catalog.model import CheckConstraint, Column, EnumType, ForeignKey, Index, PrimaryKey, TableRef
from mkdocs_dbcatalog.sources.ddl import SchemaFileSettings, read_schema_files
from mkdocs_dbcatalog.sources.models import ModelsError
from mkdocs_dbcatalog.sources.models.rails import read_schema_rb
from mkdocs_dbcatalog.sources.ruby import Call, Lambda, Symbol, parse

from ..sitebuilder import SiteBuilder, text_of
from .compare import differences

REDMINE = Path(__file__).resolve().parents[1] / "data" / "models" / "redmine"


def test_redmine_schema_rb_reads_as_the_database_it_was_dumped_from() -> None:
    dumped = read_schema_files("redmine", SchemaFileSettings("structure.sql", "postgres", REDMINE), REDMINE, "x")
    assert not dumped.schema_files[0].skipped
    models = read_schema_rb(REDMINE / "schema.rb", "schema.rb", "redmine", "postgresql").database
    assert len(models.tables) == 52
    # `DEFAULT NULL::character varying` (two Redmine columns) is no default to schema.rb, which means the same
    live = sorted(
        (c.name, c.default) for t in dumped.tables for c in t.columns if (c.default or "").startswith("NULL::")
    )
    assert live == [("log_encoding", "NULL::character varying"), ("path_encoding", "NULL::character varying")]
    assert [d for d in differences(dumped, models, defaults=True) if "defaults" not in d] == []
    (defaults,) = [d for d in differences(dumped, models, defaults=True) if "defaults" in d]
    assert defaults.startswith("repositories defaults")


SCHEMA_RB = '''
# This file is auto-generated from the current state of the database.
ActiveRecord::Schema[7.1].define(version: 2024_05_01_120000) do
  enable_extension "pgcrypto"
  enable_extension "plpgsql"

  create_enum "order_state", ["cart", "placed", "shipped"]

  create_table "customers", id: :uuid, default: -> { "gen_random_uuid()" }, comment: "People who buy" do |t|
    t.string "email", limit: 320, null: false, comment: "Login address"
    t.string "tags", default: [], array: true
    t.decimal "credit", precision: 10, scale: 2, default: "0.0"
    t.timestamps
    t.index "lower((email)::text)", name: "index_customers_on_lower_email", unique: true
  end

  create_table "orders", force: :cascade do |t|
    t.references "customer", null: false, foreign_key: { on_delete: :cascade }, type: :uuid
    t.enum "state", default: "cart", null: false, enum_type: "order_state"
    t.datetime "placed_at", precision: nil
    t.jsonb "extra", default: {}, null: false
    t.index ["placed_at"], name: "index_orders_open", where: "(state <> 'shipped'::order_state)", order: :desc
    t.index ["extra"], name: "index_orders_on_extra", using: :gin
    t.check_constraint "jsonb_typeof(extra) = 'object'::text", name: "extra_is_object"
  end

  create_table "order_lines", primary_key: ["order_id", "line"], force: :cascade do |t|
    t.bigint "order_id", null: false
    t.integer "line", limit: 2, null: false
    t.bigint "product_id"
  end

  create_view "open_orders", sql_definition: <<-SQL
      SELECT orders.id FROM orders WHERE (orders.state <> 'shipped'::order_state);
  SQL

  add_foreign_key "order_lines", "orders", on_delete: :cascade
  add_foreign_key "order_lines", "products", name: "lines_product", on_update: :nullify
end
'''


def test_the_dsl_as_active_record_runs_it_on_postgresql(tmp_path: Path) -> None:
    path = tmp_path / "schema.rb"
    path.write_text(SCHEMA_RB, encoding="utf-8")
    database = read_schema_rb(path, "db/schema.rb", "shop", None).database
    assert database.engine == "postgresql"  # enable_extension says so
    assert database.enums == (EnumType("order_state", ("cart", "placed", "shipped")),)
    customers, lines, orders = (database.table(n) for n in ("customers", "order_lines", "orders"))
    assert customers is not None and lines is not None and orders is not None
    assert customers.comment == "People who buy"
    assert customers.columns == (
        Column("id", "uuid", False, "gen_random_uuid()"),
        Column("email", "character varying(320)", False, comment="Login address"),
        Column("tags", "character varying[]", True, "'[]'::character varying[]"),
        Column("credit", "numeric(10,2)", True, "0.0"),
        Column("created_at", "timestamp(6) without time zone", False),
        Column("updated_at", "timestamp(6) without time zone", False),
    )
    assert customers.primary_key == PrimaryKey(("id",), "customers_pkey")
    assert customers.indexes == (
        Index(("lower((email)::text)",), "index_customers_on_lower_email", unique=True, method="btree"),
    )
    assert [(c.name, c.type, c.nullable, c.default, c.identity) for c in orders.columns] == [
        ("id", "bigint", False, "nextval('orders_id_seq'::regclass)", "serial"),
        ("customer_id", "uuid", False, None, None),
        ("state", "order_state", False, "'cart'::order_state", None),
        ("placed_at", "timestamp without time zone", True, None, None),
        ("extra", "jsonb", False, "'{}'::jsonb", None),
    ]
    assert orders.indexes == (
        Index(("customer_id",), "index_orders_on_customer_id", method="btree"),
        Index(("placed_at",), "index_orders_open", method="btree", predicate="(state <> 'shipped'::order_state)",
              options=("DESC",)),
        Index(("extra",), "index_orders_on_extra", method="gin"),
    )
    assert orders.check_constraints == (CheckConstraint("jsonb_typeof(extra) = 'object'::text", "extra_is_object"),)
    assert orders.foreign_keys == (
        ForeignKey(("customer_id",), TableRef("customers"), ("id",), "fk_rails_3dad120da9", "CASCADE", "NO ACTION"),
    )
    assert lines.primary_key == PrimaryKey(("order_id", "line"), "order_lines_pkey")
    assert [(c.name, c.type) for c in lines.columns] == [("order_id", "bigint"), ("line", "smallint"),
                                                          ("product_id", "bigint")]
    assert lines.foreign_keys == (
        ForeignKey(("order_id",), TableRef("orders"), ("id",), "fk_rails_e6c763ee60", "CASCADE", "NO ACTION"),
        ForeignKey(("product_id",), TableRef("products"), ("id",), "lines_product", "NO ACTION", "SET NULL"),
    )
    view = database.table("open_orders")
    assert view is not None and view.kind.is_view and view.definition is not None
    assert view.definition.startswith("SELECT orders.id FROM orders")


def test_the_grammar_reads_old_and_new_ruby_styles_and_keeps_lines() -> None:
    (define,) = parse(
        'ActiveRecord::Schema.define(:version => 20100101) do\n'
        '  create_table :users, :force => true do |t|  # a comment\n'
        '    t.column "name", :string, :limit => 40,\n'
        '      :null => false\n'
        '    t.index %w[name], name: "ix"\n'
        '  end\n'
        '  execute <<~SQL\n'
        '    CREATE INDEX x ON users (name);\n'
        '  SQL\n'
        '  add_index "users", ["name"], unique: true\n'
        'end\n'
    )
    assert (define.receiver, define.kwargs) == ("ActiveRecord::Schema", {"version": 20100101})
    table, execute, index = define.block
    assert (table.args, table.kwargs, table.params, table.line) == ((Symbol("users"),), {"force": True}, ("t",), 2)
    assert table.block[0] == Call(
        "column", "t", ("name", Symbol("string")), {"limit": 40, "null": False}, line=3
    )
    assert table.block[1].args == (["name"],)
    assert execute.args == ("    CREATE INDEX x ON users (name);",) and index.line == 10
    assert parse('t.datetime "at", default: -> { "now()" }')[0].kwargs == {"default": Lambda("now()")}


def test_what_cannot_be_read_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "schema.rb"
    path.write_text('ActiveRecord::Schema.define(version: 1) do\n  create_table "a" do |t|\n    t.string(\nend\n')
    expected = r"^db/schema\.rb: line 4: unexpected end of file: not the Ruby of a schema\.rb$"
    with pytest.raises(ModelsError, match=expected):
        read_schema_rb(path, "db/schema.rb", "x", "postgresql")
    path.write_text('ActiveRecord::Schema.define(version: 1) do\n  create_hypertable "a"\nend\n')
    with pytest.raises(ModelsError, match=r"^db/schema\.rb:2: create_hypertable is not a schema\.rb statement"):
        read_schema_rb(path, "db/schema.rb", "x", "postgresql")
    path.write_text('ActiveRecord::Schema.define(version: 1) do\n  create_table "a"\nend\n')
    with pytest.raises(ModelsError, match="does not say which database it is for"):
        read_schema_rb(path, "db/schema.rb", "x", None)


def test_a_site_documents_a_database_from_its_schema_rb(site: SiteBuilder) -> None:
    site.write("app/db/schema.rb", SCHEMA_RB)
    site.catalog(
        "shop",
        """
        database: shop
        models:
          rails: ../app/db/schema.rb
        tables:
          orders: One row per order.
        """,
    )
    site.mkdocs_yml({"diagrams": {"enabled": False}, "lint": {"foreign-key-without-index": "off"}})
    result = site.build(strict=False)
    assert result.error is None, result.error
    page = text_of(result.html("databases/shop/"))
    assert "Read from the application's Rails models in app/db/schema.rb" in page
    orders = text_of(result.html("databases/shop/orders/"))
    assert "One row per order." in orders and "fk_rails_3dad120da9" in orders and "order_state" in orders
    # the YAML names a table the models do not have: drift, said as the models' fact
    assert "customers" in text_of(result.html("databases/shop/customers/"))
