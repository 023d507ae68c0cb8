"""Mermaid text: encoding, cardinality markers, and the limits every block must stay under."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from mkdocs_dbcatalog.catalog.model import Catalog, Column, CrossReference, Database, TableRef
from mkdocs_dbcatalog.catalog.relations import Relations, junction_pair
from mkdocs_dbcatalog.render.diagrams import (
    DiagramOptions,
    database_diagrams,
    merge_parallel,
    system_diagram,
    table_diagram,
)
from mkdocs_dbcatalog.render.mermaid import MAX_EDGES, MAX_TEXT_SIZE, Card, Edge, direction, encode, js_length
from mkdocs_dbcatalog.sources.yamlfile import load_file

from .er_catalogs import AWKWARD_TABLES, awkward_catalog_yaml, big_catalog_yaml

SHOP = Path(__file__).parent / "data" / "er_shop"


def load(path: Path) -> Database:
    return load_file(path, path.name, {}).database


def load_text(tmp_path: Path, text: str, name: str = "db.yml") -> Database:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load(path)


def decode(text: str) -> str:
    """What Mermaid shows for encoded text (its entity codes are decimal code points)."""
    return re.sub(r"#(\d+);", lambda m: chr(int(m.group(1))), text)


def edges(text: str) -> dict[str, str]:
    """`label -> marker` of every relationship line, with entity ids replaced by their labels."""
    names = {m.group(1): decode(m.group(2)) for m in re.finditer(r'^\s+(t\d+)\["([^"]*)"\]', text, re.M)}
    found = {}
    for m in re.finditer(r'^\s+(t\d+) (\S+) (t\d+) : "([^"]*)"$', text, re.M):
        found[f"{names[m.group(1)]} {names[m.group(3)]} {decode(m.group(4))}"] = m.group(2)
    return found


@pytest.mark.parametrize("name", [*AWKWARD_TABLES, "a  b\nc", "", "😀 emoji", "x%%y", "line-\u2028sep"])
def test_encoded_text_has_only_safe_characters_and_decodes_back(name: str) -> None:
    encoded = encode(name)
    assert re.fullmatch(r"(?:[^\W_]|#\d+;)(?:[^\W_]| |#\d+;)*(?<! )", encoded), encoded
    assert not set(encoded) & set("\"'`%\\<>&*_[](){}|:\n")
    assert decode(encoded).replace("\u200b", "") == " ".join(name.split())


def test_shop_database_markers_say_cardinality_optionality_and_identification() -> None:
    shop, users = load(SHOP / "shop.yml"), load(SHOP / "users.yml")
    relations = Relations(Catalog((shop, users)))
    (block,) = database_diagrams(shop, relations, DiagramOptions()).blocks
    assert edges(block.text()) == {
        "customers orders customer_id": "||..o{",  # mandatory, one-to-many, not part of the child's key
        "coupons orders coupon_id": "|o..o{",  # nullable: zero or one coupon
        "customers customer_profiles customer_id": "||--o|",  # FK is the PK: one-to-one, identifying
        "customers customers referred_by": "|o..o{",  # self-reference
        "categories categories parent_id": "|o..o{",
        "categories products via product_categories": "}o--o{",  # the junction, folded
        "orders order_lines order_id": "||--o{",  # part of order_lines' primary key
        "order_lines shipments order_id, line_no": "|o..o{",  # composite, nullable
        "products order_lines product_id": "||..o{",
        "products reviews product_id": "||..o{",
    }


def test_database_diagram_lists_key_columns_and_what_is_not_drawn() -> None:
    shop, users = load(SHOP / "shop.yml"), load(SHOP / "users.yml")
    result = database_diagrams(shop, Relations(Catalog((shop, users))), DiagramOptions())
    text = result.blocks[0].text()
    assert "`varchar#40;255#41;` `email` UK" in text
    assert "`bigint` `order#95;id` PK, FK" in text
    assert "`quantity`" not in text  # not a key column
    assert result.isolated == ["audit_log"]  # product_categories is drawn, as the via of a relation
    assert 'product#95;categories"]' not in text
    everything = database_diagrams(shop, Relations(Catalog((shop,))), DiagramOptions(columns="all"))
    assert "`quantity`" in everything.blocks[0].text()
    nothing = database_diagrams(shop, Relations(Catalog((shop,))), DiagramOptions(columns="none"))
    assert "{" not in nothing.blocks[0].text().replace("o{", "")


def test_junction_table_page_draws_its_two_keys() -> None:
    shop = load(SHOP / "shop.yml")
    relations = Relations(Catalog((shop,)))
    junction = shop.table("product_categories")
    assert junction is not None
    (block,) = table_diagram(shop, junction, relations, DiagramOptions()).blocks
    assert edges(block.text()) == {
        "categories product_categories category_id": "||--o{",
        "products product_categories product_id": "||--o{",
    }
    products = shop.table("products")
    assert products is not None
    around = edges(table_diagram(shop, products, relations, DiagramOptions()).blocks[0].text())
    assert around["categories products via product_categories"] == "}o--o{"
    assert block.names[0] == "product_categories"  # the table itself comes first


def test_system_view_draws_databases_and_references() -> None:
    shop, users = load(SHOP / "shop.yml"), load(SHOP / "users.yml")
    guess = CrossReference(TableRef("reviews"), "user_id", "users", TableRef("users"), "id", inferred=True)
    shop = replace(shop, references=(*shop.references, guess))
    (block,) = system_diagram(Catalog((shop, users)), DiagramOptions()).blocks
    assert block.names == ["shop-service / shop", "users-service / users"]
    assert edges(block.text()) == {
        "users-service / users shop-service / shop orders.user_id → users.id": "||--o{",
        "users-service / users shop-service / shop inferred: reviews.user_id → users.id": "||..o{",
    }
    assert "`users` `id` PK" in block.text()


def test_awkward_names_are_all_drawn(tmp_path: Path) -> None:
    db = load_text(tmp_path, awkward_catalog_yaml())
    (block,) = database_diagrams(db, Relations(Catalog((db,))), DiagramOptions(columns="all")).blocks
    assert sorted(block.names) == sorted([*AWKWARD_TABLES, "hub.parent"])
    text = block.text()
    assert "`character varying#40;255#41;` `display name` UK" in text
    assert "`enum#40;#34;a#34;#44;#34;b#34;#41;` `tag`" in text
    assert len(edges(text)) == len(AWKWARD_TABLES)


@pytest.fixture(scope="module")
def big_db(tmp_path_factory: pytest.TempPathFactory) -> Database:
    """A 1,000-table database in one schema, read from its YAML file once for this module."""
    return load_text(tmp_path_factory.mktemp("big"), big_catalog_yaml(1000))


def limits_hold(blocks: list, options: DiagramOptions) -> None:
    for block in blocks:
        text = block.text()
        assert js_length(text) <= MAX_TEXT_SIZE - 1000
        assert len(block.edges) <= min(options.max_relations, MAX_EDGES)
        assert len(block.names) <= options.max_tables
        assert len(block.stubs) <= options.max_tables  # name-only boxes for tables drawn elsewhere


def test_thousand_tables_split_into_blocks_under_every_limit(big_db: Database) -> None:
    db = big_db
    relations = Relations(Catalog((db,)))
    options = DiagramOptions(max_diagrams=100)
    result = database_diagrams(db, relations, options)
    assert result.split == "group"
    limits_hold(result.blocks, options)
    drawn = [name for block in result.blocks for name in block.names]
    assert len(drawn) == len(set(drawn))  # a table is in one block only
    connected = {r.parent.key for r in relations.relationships(db)} | {r.child.key for r in relations.relationships(db)}
    assert set(drawn) == connected  # with room for enough blocks, every related table is drawn
    assert result.not_drawn == []
    referenced = {fk.target.key for t in db.tables for fk in t.foreign_keys}
    loners = [t.key for t in db.tables if not t.foreign_keys and t.key not in referenced]
    assert result.isolated == loners and len(loners) >= 5
    assert result.undrawn == 0  # lines between blocks are drawn to stubs
    assert all(block.stubs for block in result.blocks)
    assert all(block.caption and block.caption.startswith("Diagram ") for block in result.blocks)


STUB = re.compile(r"^(.*) \((diagram (\d+)|not drawn)\)$")


def drawn_lines(text: str) -> tuple[dict[str, tuple[str, str | None]], set[tuple[str, str, str]]]:
    """A block's boxes (id -> (table, where it is drawn if a stub)) and lines (parent, child, label)."""
    boxes = {}
    for m in re.finditer(r'^\s+(t\d+)\["([^"]*)"\]', text, re.M):
        shown = decode(m.group(2))
        stub = STUB.match(shown)
        boxes[m.group(1)] = (stub.group(1), stub.group(2)) if stub else (shown, None)
    lines = {
        (boxes[m.group(1)][0], boxes[m.group(3)][0], decode(m.group(4)))
        for m in re.finditer(r'^\s+(t\d+) (\S+) (t\d+) : "([^"]*)"$', text, re.M)
    }
    return boxes, lines


@pytest.mark.parametrize(("schemas", "wide"), [(1, 0), (3, 0), (1, 30)])
def test_no_relationship_is_lost_by_splitting(tmp_path: Path, schemas: int, wide: int) -> None:
    """A table whose partners landed in other blocks draws them as stubs (named, greyed, saying which
    block): every relationship is a line in some block, and no block is boxes with no line. Blocks
    of wide tables, filled up to the text limit, keep room for their stubs too."""
    db = load_text(tmp_path, big_catalog_yaml(203, schemas=schemas))
    columns = tuple(Column(f"c{i:03d}_with_a_long_descriptive_name", "character varying(255)") for i in range(wide))
    db = replace(db, tables=tuple(replace(t, columns=t.columns + columns) for t in db.tables))
    relations = Relations(Catalog((db,)))
    options = DiagramOptions(max_diagrams=200, columns="all" if wide else "keys")
    result = database_diagrams(db, relations, options)
    assert len(result.blocks) >= 7
    limits_hold(result.blocks, options)
    texts = [block.text() for block in result.blocks]
    parsed = [drawn_lines(text) for text in texts]
    lines = set().union(*(found for _, found in parsed))
    for relation in relations.relationships(db):
        label = f"via {relation.via.key}" if relation.via else ", ".join(relation.columns)
        assert any(
            (p, c) == (relation.parent.key, relation.child.key) and label in text.split("; ") for p, c, text in lines
        ), (relation.parent.key, relation.child.key, label)
    assert result.undrawn == 0
    home = {name: number for number, block in enumerate(result.blocks, 1) for name in block.names}
    stubs = 0
    for number, ((boxes, found), text) in enumerate(zip(parsed, texts, strict=True), 1):
        assert found, f"block {number} has no line: {result.blocks[number - 1].names}"
        own = {name for name, where in boxes.values() if where is None}
        assert all(p in own or c in own for p, c, _ in found)  # a line between two stubs says nothing
        muted = re.search(r"^    class (\S+) muted$", text, re.M)
        for ident, (name, where) in boxes.items():
            if where is not None:
                stubs += 1
                assert where == f"diagram {home[name]}" and home[name] != number
                assert muted and ident in muted.group(1).split(","), f"stub {name} is not greyed"
    assert stubs > 20


def test_past_max_diagrams_the_least_connected_groups_are_listed_not_drawn(big_db: Database) -> None:
    db = big_db
    options = DiagramOptions(max_diagrams=5)
    result = database_diagrams(db, Relations(Catalog((db,))), options)
    assert len(result.blocks) == 5
    limits_hold(result.blocks, options)
    drawn = {name for block in result.blocks for name in block.names}
    junctions = [t for t in db.tables if junction_pair(t)]
    assert len(junctions) > 30
    assert len(drawn) + len(result.not_drawn) + len(result.isolated) == 1000 - len(junctions)  # folded
    assert not drawn & set(result.not_drawn)


def test_thousand_tables_in_schemas_are_split_by_schema(tmp_path: Path) -> None:
    db = load_text(tmp_path, big_catalog_yaml(1000, schemas=4))
    options = DiagramOptions(max_diagrams=100)
    result = database_diagrams(db, Relations(Catalog((db,))), options)
    assert result.split == "schema"
    limits_hold(result.blocks, options)
    for block in result.blocks:
        assert len({name.split(".")[0] for name in block.names}) == 1, block.names


def test_text_limit_is_kept_even_with_every_column_and_large_blocks(tmp_path: Path) -> None:
    wide = tuple(Column(f"c{i:03d}_with_a_long_descriptive_name", "character varying(255)") for i in range(400))
    db = load_text(tmp_path, big_catalog_yaml(200))
    db = replace(db, tables=tuple(replace(t, columns=t.columns + wide) for t in db.tables))
    options = DiagramOptions(columns="all", max_tables=400, max_relations=500, max_diagrams=500)
    result = database_diagrams(db, Relations(Catalog((db,))), options)
    limits_hold(result.blocks, options)
    assert max(js_length(b.text()) for b in result.blocks) > MAX_TEXT_SIZE // 2  # blocks are filled up to the limit
    assert any("more columns" in decode(b.text()) for b in result.blocks)  # a huge table is cut, and says so


def test_hub_table_neighbourhood_keeps_the_most_connected_and_lists_the_rest(big_db: Database) -> None:
    db = big_db
    relations = Relations(Catalog((db,)))
    hub = max(db.tables, key=lambda t: relations.degree(db, t))
    options = DiagramOptions()
    result = table_diagram(db, hub, relations, options)
    limits_hold(result.blocks, options)
    (block,) = result.blocks
    assert block.names[0] == hub.key
    neighbours = {r.parent.key for r in relations.around(db, hub)} | {r.child.key for r in relations.around(db, hub)}
    neighbours.discard(hub.key)
    assert len(neighbours) > options.max_tables
    assert set(block.names[1:]) | set(result.not_drawn) == neighbours
    assert len(block.names) == options.max_tables


def test_parallel_keys_with_the_same_markers_share_one_line(tmp_path: Path) -> None:
    db = load_text(
        tmp_path,
        """
        database: films
        tables:
          language: {columns: {id: {type: int, nullable: false, primary_key: true}}}
          film:
            columns:
              id: {type: int, nullable: false, primary_key: true}
              language_id: {type: int, nullable: false, references: language(id)}
              original_language_id: {type: int, nullable: true, references: language(id)}
              dubbed_language_id: {type: int, nullable: true, references: language(id)}
        """.replace("\n        ", "\n"),
    )
    result = database_diagrams(db, Relations(Catalog((db,))), DiagramOptions())
    assert edges(result.blocks[0].text()) == {
        "language film language_id": "||..o{",
        "language film dubbed_language_id; original_language_id": "|o..o{",
    }
    assert sum(e.count for e in result.blocks[0].edges) == 3


def test_merged_lines_still_count_every_relationship_not_drawn() -> None:
    one = Edge("a", "b", Card.EXACTLY_ONE, Card.ZERO_OR_MORE, "x")
    merged = merge_parallel([one, one, Edge("a", "b", Card.ZERO_OR_ONE, Card.ZERO_OR_MORE, "y")])
    assert [(e.label, e.count) for e in merged] == [("x; x", 2), ("y", 1)]


def test_a_hub_is_laid_out_left_to_right_and_a_chain_top_down() -> None:
    star = [Edge("hub", f"c{i}", Card.EXACTLY_ONE, Card.ZERO_OR_MORE, "k") for i in range(12)]
    assert direction(["hub", *(f"c{i}" for i in range(12))], star) == "LR"
    chain = [Edge(f"n{i}", f"n{i + 1}", Card.EXACTLY_ONE, Card.ZERO_OR_MORE, "k") for i in range(6)]
    assert direction([f"n{i}" for i in range(7)], chain) == "TB"
    cycle = [*chain, Edge("n6", "n0", Card.EXACTLY_ONE, Card.ZERO_OR_MORE, "k")]
    assert direction([f"n{i}" for i in range(7)], cycle) == "TB"


def test_diagrams_are_the_same_whatever_the_hash_seed(tmp_path: Path) -> None:
    """Sets order differently under another PYTHONHASHSEED; the pages must not change with it."""
    (tmp_path / "big.yml").write_text(big_catalog_yaml(300, schemas=2), encoding="utf-8")
    script = (
        "import hashlib, sys; from pathlib import Path\n"
        "from mkdocs_dbcatalog.sources.yamlfile import load_file\n"
        "from mkdocs_dbcatalog.catalog.model import Catalog\n"
        "from mkdocs_dbcatalog.catalog.relations import Relations\n"
        "from mkdocs_dbcatalog.render.diagrams import DiagramOptions, Diagrams\n"
        "db = load_file(Path(sys.argv[1]), 'big.yml', {}).database\n"
        "d = Diagrams(Catalog((db,)), Relations(Catalog((db,))), DiagramOptions(max_tables=12))\n"
        "texts = [b.text() for b in d.database(db).blocks]\n"
        "texts += [b.text() for t in db.tables for b in d.table(db, t).blocks]\n"
        "print(len(texts), hashlib.sha256('\\n'.join(texts).encode()).hexdigest())\n"
    )
    outputs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", script, str(tmp_path / "big.yml")], env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        outputs.add(done.stdout)
    assert len(outputs) == 1, outputs


def test_first_fit_tree_finds_the_first_bin_with_room_like_a_scan() -> None:
    """Packing finds bins through a max-tree (O(log n)) rather than trying each one: same answers."""
    import random

    from mkdocs_dbcatalog.render.packing import FreeTables

    rng = random.Random(3)
    free = FreeTables(50)
    places: list[int] = []
    for _ in range(400):
        if len(places) < 50 and rng.random() < 0.3:
            places.append(30)
        elif places:
            index = rng.randrange(len(places))
            places[index] = rng.randint(0, 30)
        for i, value in enumerate(places):
            free.set(i, value)
        needed, after = rng.randint(1, 30), rng.randint(-1, len(places))
        expected = next((i for i, value in enumerate(places) if i > after and value >= needed), None)
        assert free.first(needed, after) == expected
