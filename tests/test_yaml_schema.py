"""The JSON Schema of the database file: generated from the reader's specification, shipped equal to
it, valid, accepting every real catalog and refusing every invalid case of the YAML error tests.

Files are read as an editor does (YAML 1.2, through ruamel.yaml) and checked with `jsonschema`;
`check-jsonschema` (the CLI teams run in CI and pre-commit) checks the shipped file and the catalogs.
"""

from __future__ import annotations

import datetime
import inspect
import io
import itertools
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from mkdocs_dbcatalog.sources import yamlschema
from mkdocs_dbcatalog.sources.yamlformat import DATABASE_FILE, DOCS_FILE
from mkdocs_dbcatalog.sources.yamlspec import ListOf, MapOf, Obj, Reusable, Spec

from . import test_yaml_errors

ROOT = Path(__file__).parents[1]
CATALOGS = sorted(
    [*(ROOT / "sample_site" / "catalog").glob("*.yml"), *(ROOT / "tests").rglob("*.yml")],
    key=lambda p: p.as_posix(),
)
SCHEMA = yamlschema.database_file_schema()
VALIDATOR = jsonschema.Draft7Validator(SCHEMA)


def editor_load(text: str) -> Any:
    """The document as an editor's YAML 1.2 parser sees it (dates stay text, as JSON has no dates)."""
    def plain(value: Any) -> Any:
        if isinstance(value, dict):
            return {str(k): plain(v) for k, v in value.items()}
        if isinstance(value, list):
            return [plain(v) for v in value]
        if isinstance(value, (datetime.date, datetime.datetime)):
            return value.isoformat()
        return value

    return plain(YAML(typ="safe", pure=True).load(io.StringIO(text)))


def schema_errors(text: str) -> list[str]:
    try:
        document = editor_load(text)
    except YAMLError as problem:
        return [f"not YAML an editor can read: {problem}"]
    return [error.message for error in VALIDATOR.iter_errors(document)]


def test_the_shipped_schema_is_the_generated_one_and_valid() -> None:
    text = yamlschema.schema_text()
    if os.environ.get("UPDATE_GOLDEN"):
        yamlschema.SHIPPED.write_text(text, encoding="utf-8")
    assert yamlschema.SHIPPED.read_text(encoding="utf-8") == text, (
        "the shipped database-file.schema.json is out of date: run UPDATE_GOLDEN=1 pytest tests/test_yaml_schema.py"
    )
    jsonschema.Draft7Validator.check_schema(json.loads(text))


def test_every_key_of_the_specification_is_in_the_schema() -> None:
    """Walks the specification and the schema side by side: a key the reader accepts and the schema
    lacks (or the reverse) fails here, whoever adds it."""
    definitions = SCHEMA["definitions"]

    def resolve(node: dict[str, Any]) -> dict[str, Any]:
        """The schema itself: past `$ref`s, and past a required key's `allOf: [schema, filled]`."""
        while "$ref" in node or "allOf" in node:
            node = definitions[node["$ref"].rsplit("/", 1)[1]] if "$ref" in node else node["allOf"][0]
        return node

    def objects(node: dict[str, Any]) -> list[dict[str, Any]]:
        node = resolve(node)
        found = [node] if node.get("type") == "object" else []
        for child in node.get("anyOf", []):
            found += objects(child)
        return found

    def check(spec: Spec, node: dict[str, Any], path: str) -> int:
        if isinstance(spec, ListOf):
            arrays = [n for n in resolve(node).get("anyOf", []) if resolve(n).get("type") == "array"]
            assert arrays, path
            return check(spec.item, resolve(arrays[0])["items"], path + "[]")
        if isinstance(spec, MapOf):
            (mapping,) = objects(node)
            return check(spec.value, mapping["additionalProperties"], path + ".<name>")
        if isinstance(spec, Reusable):
            assert any(o.get("required") == ["doc"] for o in objects(node)), path
            return 1
        if not isinstance(spec, Obj):
            return 1
        mapping = next(o for o in objects(node) if o.get("title") == spec.what)
        assert list(mapping["properties"]) == list(spec.fields), path
        assert mapping.get("additionalProperties") is False, path
        assert sorted(mapping.get("required", [])) == sorted(spec.required), path
        return sum(check(field, mapping["properties"][key], f"{path}.{key}") for key, field in spec.fields.items())

    database_file, docs_file = SCHEMA["anyOf"]
    assert check(DATABASE_FILE, database_file, "") > 100  # leaf keys walked
    assert check(DOCS_FILE, docs_file, "") == 1


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_sample_and_golden_catalog_validates(path: Path) -> None:
    assert schema_errors(path.read_text(encoding="utf-8")) == []


def test_check_jsonschema_accepts_the_shipped_schema_and_the_catalogs(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "check_jsonschema", "--schemafile", str(yamlschema.SHIPPED)]
    result = subprocess.run([*command, *map(str, CATALOGS)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    broken = tmp_path / "orders.yml"
    orders = (ROOT / "tests" / "golden" / "catalog" / "orders.yml").read_text(encoding="utf-8")
    broken.write_text(orders.replace("row_estimate: 12.4M", "row_estimate: lots"), encoding="utf-8")
    refused = subprocess.run([*command, str(broken)], capture_output=True, text=True, timeout=120)
    assert refused.returncode == 1 and "tables.orders.row_estimate" in refused.stdout, refused.stdout


# What the reader refuses for reasons a schema of one file cannot state: where a key points (another
# table, another file), what the environment holds, what was read before.
NOT_A_SCHEMA_MATTER = (
    "which this file does not describe",
    "has no column",
    "is not a column of",
    "environment variable",
    "seed data for table",
    "listed twice",
    "matches no",
    "a second ",
)


def invalid_cases(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str]]:
    """(test, YAML text, the reader's message) for every text the YAML error tests give `load`."""
    cases: list[tuple[str, str, str]] = []
    real = test_yaml_errors.load
    current = [""]

    def recording(path: Path, text: str, environ: dict[str, str] | None = None) -> str:
        message = real(path, text, environ)
        cases.append((current[0], text, message))
        return message

    monkeypatch.setattr(test_yaml_errors, "load", recording)
    for name, function in inspect.getmembers(test_yaml_errors, inspect.isfunction):
        if name.startswith("test_") and list(inspect.signature(function).parameters) == ["tmp_path"]:
            current[0] = name
            folder = tmp_path / name
            folder.mkdir()
            function(folder)
    return cases


def test_each_invalid_case_of_the_yaml_error_tests_fails_the_schema_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cases = invalid_cases(tmp_path, monkeypatch)
    assert len(cases) >= 20
    accepted, used = [], set()
    for test, text, message in cases:
        if schema_errors(text):
            continue
        reason = next((r for r in NOT_A_SCHEMA_MATTER if r in message), None)
        if reason is None:
            accepted.append((test, message))
        used.add(reason)
    assert not accepted, f"the schema accepts what the reader refuses: {accepted}"
    assert used <= set(NOT_A_SCHEMA_MATTER)


def test_the_command_prints_it_and_every_site_publishes_it(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from mkdocs_dbcatalog.cli import main

    target = tmp_path / "schemas" / "database-file.schema.json"
    assert CliRunner().invoke(main, ["schema", "-o", str(target)]).exit_code == 0
    assert target.read_text(encoding="utf-8") == yamlschema.SHIPPED.read_text(encoding="utf-8")
    assert CliRunner().invoke(main, ["schema"]).output == yamlschema.schema_text()
    site.catalog("orders", "# yaml-language-server: $schema=../database-file.schema.json\ndatabase: orders\n")
    site.mkdocs_yml({"path": "data/catalog"})
    assert site.build().error is None
    published = site.root / "site" / "data" / "catalog" / "database-file.schema.json"
    assert published.read_text(encoding="utf-8") == yamlschema.schema_text()


def test_a_relation_source_fails_the_schema_exactly_when_it_names_no_column() -> None:
    """The pattern the schema gives `relations[].from` is what the reader checks once the text reads as
    a target: the same answer as "the target has columns" for every text built from these pieces."""
    from mkdocs_dbcatalog.sources.yamltables import parse_target

    pieces = ["", " ", "a", "b.c", ".", ",", "(", ")", "(b)", "( , )", "x y", "\t"]
    checked = 0
    for parts in itertools.product(pieces, repeat=3):
        text = "".join(parts)
        try:
            _, columns = parse_target(text)
        except ValueError:
            continue
        checked += 1
        document = {"database": "d", "relations": [{"from": text, "to": "users"}]}
        assert bool(columns) == (not list(VALIDATOR.iter_errors(document))), repr(text)
    assert checked > 300
