"""The statement applier: scripts applied in order to a schema state, as migrations and schema files use it."""

from __future__ import annotations

from mkdocs_dbcatalog.catalog.model import Column, PrimaryKey, Table, TableKind, TableRef
from mkdocs_dbcatalog.sources.ddl import Change, SchemaState, Status, parse_script

MIGRATION = """
CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL);
CREATE TABLE orders (
    id bigserial PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    total numeric(12, 2) DEFAULT 0 CHECK (total >= 0),
    note varchar(80)
);
CREATE INDEX orders_customer_idx ON orders (customer_id) WHERE total > 0;
ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'new', DROP COLUMN note;
ALTER TABLE orders ALTER COLUMN total TYPE numeric(14, 2), ALTER COLUMN total SET NOT NULL;
ALTER TABLE orders RENAME COLUMN status TO state;
ALTER TABLE customers RENAME TO clients;
ALTER TABLE clients ADD CONSTRAINT clients_email_key UNIQUE (email);
COMMENT ON TABLE orders IS 'One row per order';
COMMENT ON COLUMN orders.state IS 'Lifecycle state';
CREATE TABLE scratch (id int);
DROP TABLE scratch;
"""


def test_a_migration_folds_into_tables_and_says_what_each_statement_changed() -> None:
    state = SchemaState("postgres")
    applied = state.apply_all(parse_script(MIGRATION, "postgres", file="V1__init.sql"))
    assert all(a.status is Status.APPLIED for a in applied), [(a.statement.line, a.reason) for a in applied]
    assert [a.statement.line for a in applied][:3] == [2, 3, 9]
    assert applied[3].changes == (Change("add column", "orders", "status"), Change("drop column", "orders", "note"))
    assert applied[5].changes == (Change("rename column", "orders", "status → state"),)
    assert applied[6].changes == (Change("rename table", "customers", "clients"),)

    tables = {t.key: t for t in state.tables()}
    assert sorted(tables) == ["clients", "orders"]
    orders = tables["orders"]
    assert orders.comment == "One row per order"
    assert [(c.name, c.type, c.nullable, c.default) for c in orders.columns] == [
        ("id", "bigserial", False, None),
        ("customer_id", "bigint", False, None),
        ("total", "numeric(14, 2)", False, "0"),
        ("state", "text", False, "'new'"),
    ]
    assert orders.column("id").identity == "serial"  # type: ignore[union-attr]
    assert orders.column("state").comment == "Lifecycle state"  # type: ignore[union-attr]
    assert orders.primary_key == PrimaryKey(("id",), "orders_pkey")
    (fk,) = orders.foreign_keys
    # The rename of customers follows into the foreign key that points at it.
    assert (fk.columns, fk.target, fk.target_columns, fk.on_delete, fk.on_update) == (
        ("customer_id",),
        TableRef("clients"),
        ("id",),
        "CASCADE",
        "NO ACTION",
    )
    assert [c.expression for c in orders.check_constraints] == ["total >= 0"]
    (index,) = orders.indexes
    assert (index.name, index.columns, index.predicate, index.method) == (
        "orders_customer_idx",
        ("customer_id",),
        "total > 0",
        "btree",
    )
    clients = tables["clients"]
    assert [u.name for u in clients.unique_constraints] == ["clients_email_key"]


def test_a_state_starts_from_existing_tables_and_reports_what_it_cannot_apply() -> None:
    before = Table("users", columns=(Column("id", "integer", False),), primary_key=PrimaryKey(("id",)))
    state = SchemaState("postgres", tables=[before])
    script = (
        "ALTER TABLE users ADD COLUMN name text;\nALTER TABLE ghosts ADD COLUMN x int;\nALTER TABLE users FROB x;\n"
        "GRANT SELECT ON users TO app;\nCREATE TABLE t (a int) FROBNICATE;"
    )
    applied = state.apply_all(parse_script(script, "postgres", file="V2.sql"))
    assert [a.status for a in applied] == [
        Status.APPLIED,
        Status.SKIPPED,
        Status.SKIPPED,
        Status.NO_EFFECT,
        Status.APPLIED,
    ]
    assert applied[1].statement.line == 2 and "ghosts" in (applied[1].reason or "")
    assert applied[2].statement.where == "V2.sql:3" and "ALTER TABLE" in (applied[2].reason or "")
    # What sqlglot cannot read after the column list is left out, and the table says so.
    assert applied[4].reason == "FROBNICATE (line 5) could not be read and was left out"
    t, users = state.tables()
    assert t.incomplete == applied[4].reason and [c.name for c in t.columns] == ["a"]
    assert [c.name for c in users.columns] == ["id", "name"] and users.primary_key == PrimaryKey(("id",))


def test_views_indexes_and_drops_in_mysql_and_tsql() -> None:
    mysql = SchemaState("mysql")
    mysql.apply_all(
        parse_script(
            "CREATE TABLE `a` (`id` int unsigned NOT NULL AUTO_INCREMENT, `t` timestamp NOT NULL DEFAULT "
            "current_timestamp() ON UPDATE current_timestamp(), PRIMARY KEY (`id`), KEY `ix_t` (`t`)) "
            "ENGINE=InnoDB COMMENT='Things';\n"
            "CREATE VIEW v AS select `a`.`id` AS `id` from `a`;\nALTER TABLE a DROP INDEX ix_t;",
            "mysql",
        )
    )
    a, v = mysql.tables()
    assert (a.comment, a.primary_key, a.indexes) == ("Things", PrimaryKey(("id",), "PRIMARY"), ())
    assert [(c.type, c.default, c.identity) for c in a.columns] == [
        ("int unsigned", None, "auto_increment"),
        ("timestamp", "current_timestamp()", None),
    ]
    assert v.kind is TableKind.VIEW and v.definition == "select `a`.`id` AS `id` from `a`"
    assert [c.name for c in v.columns] == ["id"]
    changed = mysql.apply_all(
        parse_script(
            "CREATE TABLE b (`id` int NOT NULL, `a_id` int unsigned, CONSTRAINT fk_b_a FOREIGN KEY (a_id) "
            "REFERENCES a (id));\nALTER TABLE b CHANGE COLUMN a_id thing_id int unsigned NOT NULL;\n"
            "ALTER TABLE b MODIFY id bigint NOT NULL AUTO_INCREMENT, ADD PRIMARY KEY (id);\n"
            "RENAME TABLE a TO things;\nALTER TABLE b DROP FOREIGN KEY fk_b_a;",
            "mysql",
        )
    )
    assert [c for a in changed for c in a.changes] == [
        Change("create table", "b"),
        Change("alter column", "b", "thing_id"),
        Change("alter column", "b", "id"),
        Change("add constraint", "b", None),
        Change("rename table", "a", "things"),
        Change("drop constraint", "b", "fk_b_a"),
    ]
    b = next(t for t in mysql.tables() if t.name == "b")
    assert [(c.name, c.type, c.nullable, c.identity) for c in b.columns] == [
        ("id", "bigint", False, "auto_increment"),
        ("thing_id", "int unsigned", False, None),
    ]
    assert b.primary_key == PrimaryKey(("id",), "PRIMARY") and b.foreign_keys == ()

    tsql = SchemaState("tsql")
    tsql.apply_all(
        parse_script(
            "CREATE TABLE [Sales].[Order] ([OrderID] [int] IDENTITY (1, 1) NOT NULL, [Note] [nvarchar](50) NULL)\nGO\n"
            "EXEC sys.sp_addextendedproperty @name=N'MS_Description', @value=N'Orders.', @level0type=N'SCHEMA', "
            "@level0name=N'Sales', @level1type=N'TABLE', @level1name=N'Order'\nGO\n"
            "EXEC sp_addextendedproperty N'MS_Description', N'Free text.', N'SCHEMA', N'Sales', N'TABLE', N'Order', "
            "N'COLUMN', N'Note'\nGO\n",
            "tsql",
        )
    )
    (order,) = tsql.tables()
    assert (order.key, order.comment) == ("Sales.Order", "Orders.")
    assert [(c.name, c.type, c.nullable, c.identity, c.comment) for c in order.columns] == [
        ("OrderID", "[int]", False, "identity", None),
        ("Note", "[nvarchar](50)", True, None, "Free text."),
    ]


def test_duckdb_types_enums_and_generated_columns() -> None:
    state = SchemaState("duckdb")
    applied = state.apply_all(
        parse_script(
            "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');\nCREATE SEQUENCE seq_id START 1;\n"
            "CREATE TABLE people (id INTEGER PRIMARY KEY DEFAULT nextval('seq_id'), address STRUCT(street VARCHAR, "
            "zip INTEGER), tags VARCHAR[], feeling mood, born DATE, age INTEGER GENERATED ALWAYS AS "
            "(date_diff('year', born, current_date)));\nCOMMENT ON COLUMN people.tags IS 'Free labels';",
            "duckdb",
        )
    )
    assert [a.status for a in applied] == [Status.APPLIED, Status.NO_EFFECT, Status.APPLIED, Status.APPLIED]
    (people,) = state.tables()
    assert [(c.name, c.type, c.nullable) for c in people.columns] == [
        ("id", "INTEGER", False),
        ("address", "STRUCT(street VARCHAR, zip INTEGER)", True),
        ("tags", "VARCHAR[]", True),
        ("feeling", "mood", True),
        ("born", "DATE", True),
        ("age", "INTEGER", True),
    ]
    assert people.column("age").generated == "date_diff('year', born, current_date)"  # type: ignore[union-attr]
    assert people.column("tags").comment == "Free labels"  # type: ignore[union-attr]
    assert [(e.name, e.values) for e in state.enum_types()] == [("mood", ("sad", "ok", "happy"))]


def test_comments_in_every_spelling_pg_dump_writes_land_on_their_table_and_column() -> None:
    """Plain COMMENT ON statements are read from their tokens, the others by sqlglot's parser; IS NULL removes one."""
    script = """
CREATE SCHEMA "Sales";
CREATE TABLE "Sales"."Order Lines" (id int, "Qty" int, date date, note text);
CREATE TABLE public.plain (id int);
COMMENT ON TABLE "Sales"."Order Lines" IS 'It''s one row per line';
COMMENT ON COLUMN "Sales"."Order Lines"."Qty" IS 'Units';
COMMENT ON COLUMN "Sales"."Order Lines".date IS 'Keyword as a name';
COMMENT ON COLUMN "Sales"."Order Lines".note IS 'Free text';
COMMENT ON COLUMN "Sales"."Order Lines".id IS 'first';
COMMENT ON COLUMN "Sales"."Order Lines".id IS NULL;
COMMENT ON TABLE PLAIN IS 'Folded to lower case';
COMMENT ON COLUMN plain.ID IS 'Unqualified';
COMMENT ON COLUMN public.plain.missing IS 'No such column';
COMMENT ON TABLE "Plain" IS 'Quoted: another table';
"""
    state = SchemaState("postgres")
    applied = state.apply_all(parse_script(script, "postgres"))
    skipped = [(a.statement.line, a.reason) for a in applied if a.status is Status.SKIPPED]
    assert skipped == [
        (13, "comment on 'missing', which is not a column of plain"),
        (14, "comment on Plain, which no earlier statement creates"),
    ]
    tables = {t.key: t for t in state.tables()}
    lines, plain = tables["Sales.Order Lines"], tables["plain"]
    assert lines.comment == "It's one row per line"
    assert {c.name: c.comment for c in lines.columns} == {
        "id": None,  # IS NULL removes it
        "Qty": "Units",
        "date": "Keyword as a name",
        "note": "Free text",
    }
    assert plain.comment == "Folded to lower case"
    assert plain.columns[0].comment == "Unqualified"


def test_indexes_in_every_spelling_are_read_with_their_columns_method_and_uniqueness() -> None:
    """Plain CREATE INDEX statements are read from their tokens, the others by sqlglot's parser: both the same."""
    script = """
CREATE TABLE "Sales"."Order Lines" (id int, "Qty" int, note text);
CREATE INDEX lines_qty ON "Sales"."Order Lines" USING btree ("Qty");
CREATE UNIQUE INDEX "Lines_Both" ON "Sales"."Order Lines" (id, "Qty");
CREATE INDEX lines_note ON "Sales"."Order Lines" USING gin (to_tsvector('simple', note));
CREATE INDEX lines_desc ON "Sales"."Order Lines" (id DESC);
CREATE INDEX lines_some ON "Sales"."Order Lines" USING hash (note) WHERE id > 0;
CREATE INDEX missing_idx ON public.missing USING btree (id);
"""
    state = SchemaState("postgres")
    applied = state.apply_all(parse_script(script, "postgres"))
    skipped = [(a.statement.line, a.reason) for a in applied if a.status is Status.SKIPPED]
    assert skipped == [(8, "index on missing, which no earlier statement creates")]
    indexes = [(i.name, i.columns, i.unique, i.method, i.predicate) for i in state.tables()[0].indexes]
    assert indexes == [
        ("Lines_Both", ("id", "Qty"), True, "btree", None),
        ("lines_desc", ("id",), False, "btree", None),
        ("lines_note", ("to_tsvector('simple', note)",), False, "gin", None),
        ("lines_qty", ("Qty",), False, "btree", None),
        ("lines_some", ("note",), False, "hash", "id > 0"),
    ]


def test_constraints_added_in_every_spelling_are_read_with_their_columns_and_rules() -> None:
    """Plain ADD CONSTRAINT statements are read from their tokens, the others by sqlglot's parser: both the same."""
    script = """
CREATE TABLE "Sales"."Customers" (id int, code text);
CREATE TABLE orders (id int, customer_id int, other_id int, code text);
ALTER TABLE ONLY "Sales"."Customers" ADD CONSTRAINT "Customers_pkey" PRIMARY KEY (id);
ALTER TABLE ONLY "Sales"."Customers" ADD CONSTRAINT customers_code_key UNIQUE (code, id);
ALTER TABLE ONLY public.orders
    ADD CONSTRAINT orders_customer_fkey FOREIGN KEY (customer_id) REFERENCES "Sales"."Customers"(id)
    ON UPDATE SET NULL ON DELETE CASCADE;
ALTER TABLE orders ADD CONSTRAINT orders_other_fkey FOREIGN KEY (other_id) REFERENCES orders(id) DEFERRABLE;
ALTER TABLE orders ADD CONSTRAINT orders_code_fkey FOREIGN KEY (code) REFERENCES "Sales"."Customers";
ALTER TABLE ONLY public.missing ADD CONSTRAINT missing_pkey PRIMARY KEY (id);
"""
    state = SchemaState("postgres")
    applied = state.apply_all(parse_script(script, "postgres"))
    skipped = [(a.statement.line, a.reason) for a in applied if a.status is Status.SKIPPED]
    assert skipped == [(11, "ALTER of missing, which no earlier statement creates")]
    assert applied[4].changes == (Change("add constraint", "orders", "orders_customer_fkey"),)
    tables = {t.key: t for t in state.tables()}
    customers, orders = tables["Sales.Customers"], tables["orders"]
    assert customers.primary_key == PrimaryKey(("id",), "Customers_pkey")
    assert [(u.columns, u.name) for u in customers.unique_constraints] == [(("code", "id"), "customers_code_key")]
    assert [(i.name, i.unique) for i in customers.indexes] == [("customers_code_key", True)]
    keys = [(f.name, f.columns, f.target, f.target_columns, f.on_delete, f.on_update) for f in orders.foreign_keys]
    assert keys == [
        ("orders_code_fkey", ("code",), TableRef("Customers", "Sales"), ("id",), "NO ACTION", "NO ACTION"),
        ("orders_customer_fkey", ("customer_id",), TableRef("Customers", "Sales"), ("id",), "CASCADE", "SET NULL"),
        ("orders_other_fkey", ("other_id",), TableRef("orders"), ("id",), "NO ACTION", "NO ACTION"),
    ]


def test_a_sequence_default_as_pg_dump_writes_it_makes_the_column_serial() -> None:
    script = """
CREATE TABLE public.orders (id integer NOT NULL, code text);
ALTER TABLE ONLY public.orders ALTER COLUMN id SET DEFAULT nextval('public.orders_id_seq'::regclass);
ALTER TABLE ONLY public.orders ALTER COLUMN code SET DEFAULT nextval('public.orders_id_seq'::regclass) + 1;
ALTER TABLE ONLY public.orders ALTER COLUMN missing SET DEFAULT nextval('public.orders_id_seq'::regclass);
"""
    state = SchemaState("postgres")
    applied = state.apply_all(parse_script(script, "postgres"))
    skipped = [(a.statement.line, a.reason) for a in applied if a.status is Status.SKIPPED]
    assert skipped == [(5, "no column missing to alter")]
    columns = [(c.name, c.default, c.identity, c.nullable) for c in state.tables()[0].columns]
    assert columns == [
        ("id", "nextval('orders_id_seq'::regclass)", "serial", False),
        ("code", "nextval('orders_id_seq'::regclass) + 1", "serial", True),
    ]
