"""Rails migrations read statically (no Ruby, no Rails here): the ground truth is what Rails built.

- Redmine 5.0.4's 301 migrations (Debian's package) folded, against `structure.sql`: the pg_dump
  of the database Rails built by running those same migrations on PostgreSQL. Every table the
  reader could follow equals the database; the tables that differ are exactly those a migration it
  marks "not analysed" changed (model code, `{ }` blocks, conditions).
- Migrations written as Rails 7.1 writes them, against the `db/schema.rb` Rails dumps for them
  (read by the schema.rb reader, itself proven against Redmine's database in tests/models).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs_dbcatalog.catalog.model import Database
from mkdocs_dbcatalog.history import analyse_migrations
from mkdocs_dbcatalog.sources.ddl import SchemaFileSettings, read_schema_files
from mkdocs_dbcatalog.sources.migrations import rails
from mkdocs_dbcatalog.sources.models.rails import read_schema_rb

from ..models.compare import differences

DATA = Path(__file__).resolve().parents[1] / "data"
REDMINE = DATA / "history" / "redmine"
DUMPED = DATA / "models" / "redmine"


def _fold(folder: Path, engine: str) -> tuple[Database, dict[str, list[str]], set[str]]:
    analysis = analyse_migrations(rails.read(folder), engine)
    assert analysis is not None
    folded = Database(name="x", engine=engine, tables=analysis.folded.tables)
    unread = {key: a.unread for key, a in analysis.analyses.items() if a.unread}
    failed = {key for key, a in analysis.analyses.items() if a.failed}
    return folded, unread, failed


def test_redmine_migrations_fold_to_the_database_rails_built() -> None:
    folded, unread, failed = _fold(REDMINE, "postgresql")
    assert (301 - len(unread), len(unread) - len(failed), len(failed)) == (196, 61, 44)
    assert [u for u in unread["001"] if "Permission.create" not in u] == [
        "line 290: Ruby code (`user = ...`) whose effect is not analysed",
        "line 295: Ruby code (`login = ...`) whose effect is not analysed",
        "line 296: Ruby code (`hashed_password = ...`) whose effect is not analysed",
        "line 297: Ruby code (`admin = ...`) whose effect is not analysed",
        "line 298: `user.save` is Ruby code whose effect is not analysed",
    ]
    assert unread["007"] == ["line 33: unexpected '<': Ruby beyond the migration DSL; not analysed"]
    assert unread["20130207181455"][-1] == "line 12: `if` / `unless`: what runs depends on the run"

    dumped = read_schema_files("redmine", SchemaFileSettings("structure.sql", "postgres", DUMPED), DUMPED, "x")
    found = differences(dumped, folded)
    differing = sorted({d.split(" ")[0] for d in found if not d.startswith("tables:")})
    # Each was changed by a migration that is not analysed: journals by 007 (`<<`), settings by 065
    # (`each(&:save)`), the unique index of issue_relations by 20090312194159 (a loop over projects)...
    assert differing == [
        "custom_fields",
        "issue_relations",
        "journal_details",
        "journals",
        "members",
        "projects",
        "settings",
        "trackers",
        "users",
    ]
    assert found[0] == "tables: live only ['projects_trackers'], models only ['issue_histories']"
    same = [t for t in dumped.tables if t.name not in differing and folded.table(t.name) is not None]
    assert len(same) == 42  # of 52: columns, types, nullability, primary keys, foreign keys, indexes


MIGRATIONS = {
    "20240101000001_create_authors.rb": """\
class CreateAuthors < ActiveRecord::Migration[7.1]
  def change
    create_table :authors do |t|
      t.string :name, null: false, limit: 120
      t.string :email
      t.timestamps
    end
    add_index :authors, :email, unique: true
  end
end
""",
    "20240101000002_create_books.rb": """\
# frozen_string_literal: true

class CreateBooks < ActiveRecord::Migration[7.1]
  def change
    create_table :books do |t|
      t.references :author, null: false, foreign_key: true
      t.string :title, null: false
      t.decimal :price, precision: 8, scale: 2, default: "0.0"
      t.integer :pages
      t.timestamps
    end
  end
end
""",
    "20240101000003_change_books.rb": """\
class ChangeBooks < ActiveRecord::Migration[7.1]
  disable_ddl_transaction!

  def up
    add_column :books, :isbn, :string, limit: 13
    add_index :books, :isbn, unique: true
    remove_column :books, :pages
    rename_column :authors, :name, :full_name
    change_column_null :books, :price, false
    add_reference :books, :editor, foreign_key: { to_table: :authors }
    Book.reset_column_information
  end

  def down
    raise ActiveRecord::IrreversibleMigration
  end
end
""",
    "20240101000004_create_reviews.rb": """\
class CreateReviews < ActiveRecord::Migration[7.1]
  def change
    create_table :reviews do |t|
      t.bigint :book_id, null: false
      t.text :body
      t.integer :stars, default: 3, null: false
    end
    add_foreign_key :reviews, :books, on_delete: :cascade
    change_table :authors do |t|
      t.boolean :active, default: true, null: false
      t.remove :email
      t.index :full_name
    end
    reversible do |dir|
      dir.up do
        execute "CREATE INDEX index_reviews_on_stars ON reviews (stars)"
      end
    end
  end
end
""",
    "20240101000005_backfill.rb": """\
class Backfill < ActiveRecord::Migration[7.1]
  def up
    add_column :reviews, :title, :string
    Review.where(title: nil).update_all(title: "untitled")
    if column_exists?(:reviews, :legacy)
      remove_column :reviews, :legacy
    end
  end
end
""",
}

# What `bin/rails db:migrate` dumps for the migrations above on PostgreSQL (checked by hand against
# Active Record 7.1's dumper: columns in table order, indexes and foreign keys by name).
SCHEMA_RB = """\
ActiveRecord::Schema[7.1].define(version: 2024_01_01_000005) do
  enable_extension "plpgsql"

  create_table "authors", force: :cascade do |t|
    t.string "full_name", limit: 120, null: false
    t.datetime "created_at", null: false
    t.datetime "updated_at", null: false
    t.boolean "active", default: true, null: false
    t.index ["full_name"], name: "index_authors_on_full_name"
  end

  create_table "books", force: :cascade do |t|
    t.bigint "author_id", null: false
    t.string "title", null: false
    t.decimal "price", precision: 8, scale: 2, default: "0.0", null: false
    t.datetime "created_at", null: false
    t.datetime "updated_at", null: false
    t.string "isbn", limit: 13
    t.bigint "editor_id"
    t.index ["author_id"], name: "index_books_on_author_id"
    t.index ["editor_id"], name: "index_books_on_editor_id"
    t.index ["isbn"], name: "index_books_on_isbn", unique: true
  end

  create_table "reviews", force: :cascade do |t|
    t.bigint "book_id", null: false
    t.text "body"
    t.integer "stars", default: 3, null: false
    t.string "title"
    t.index ["stars"], name: "index_reviews_on_stars"
  end

  add_foreign_key "books", "authors"
  add_foreign_key "books", "authors", column: "editor_id"
  add_foreign_key "reviews", "books", on_delete: :cascade
end
"""


def test_rails_7_migrations_fold_to_the_schema_rb_rails_dumps(tmp_path: Path) -> None:
    migrate = tmp_path / "db" / "migrate"
    migrate.mkdir(parents=True)
    for name, text in MIGRATIONS.items():
        (migrate / name).write_text(text)
    (tmp_path / "schema.rb").write_text(SCHEMA_RB)
    folded, unread, failed = _fold(tmp_path, "postgresql")
    expected = read_schema_rb(tmp_path / "schema.rb", "schema.rb", "x", "postgresql").database
    assert differences(expected, folded, defaults=True) == []
    assert not failed
    assert unread == {
        "20240101000005": [
            "line 4: `(expression).update_all` is Ruby code whose effect is not analysed",
            "line 5: `if` / `unless`: what runs depends on the run",
        ]
    }


def test_ruby_beyond_the_dsl_leaves_the_migration_not_analysed(tmp_path: Path) -> None:
    migrate = tmp_path / "db" / "migrate"
    migrate.mkdir(parents=True)
    (migrate / "20240101000001_create_users.rb").write_text(
        "class CreateUsers < ActiveRecord::Migration[7.1]\n  def change\n    create_table :users\n  end\nend\n"
    )
    (migrate / "20240101000002_tidy.rb").write_text(
        "class Tidy < ActiveRecord::Migration[7.1]\n"
        "  def up\n"
        "    total = User.count + 1\n"
        "    add_column :users, :tidy, :boolean\n"
        "  end\n"
        "end\n"
    )
    (migrate / "20240101000003_touch.rb").write_text(
        "class Touch < ActiveRecord::Migration[7.1]\n"
        "  def change\n"
        "    User.find_each { |u| u.touch }\n"
        "    safety_assured { add_column :users, :safe, :boolean }\n"
        "  end\n"
        "end\n"
    )
    folded, unread, failed = _fold(tmp_path, "postgresql")
    assert failed == {"20240101000002"}
    assert unread["20240101000002"] == ["line 3: unexpected '+': Ruby beyond the migration DSL; not analysed"]
    assert unread["20240101000003"] == ["line 3: `User.find_each` is Ruby code whose effect is not analysed"]
    users = folded.table("users")
    assert users is not None and [c.name for c in users.columns] == ["id", "safe"]  # tidy's column not guessed
