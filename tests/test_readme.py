"""The README documents every plugin option and every key of the database file."""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config import config_options as c

from mkdocs_dbcatalog.config import PluginConfig
from mkdocs_dbcatalog.sources.yamlformat import DATABASE_FILE
from mkdocs_dbcatalog.sources.yamlspec import ListOf, MapOf, Obj, Spec

README = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")


def option_names(config_class: type, prefix: str = "") -> list[str]:
    names = []
    for name, option in config_class._schema:
        if isinstance(option, c.SubConfig) and name == "footer":
            names += option_names(option.config_class, f"{name}.")
        else:
            names.append(prefix + name)
    return names


def spec_keys(spec: Spec, prefix: str = "") -> list[str]:
    if isinstance(spec, ListOf):
        return spec_keys(spec.item, prefix)
    if isinstance(spec, MapOf):
        return spec_keys(spec.value, prefix)
    if not isinstance(spec, Obj):
        return []
    keys = []
    for key, field in spec.fields.items():
        keys.append(prefix + key)
        keys += spec_keys(field, f"{prefix}{key}.")
    return keys


def test_every_plugin_option_is_in_the_options_table() -> None:
    table = README.split("## Plugin options", 1)[1].split("\n## ", 1)[0]
    documented = set(re.findall(r"^\| `([\w.]+)` \|", table, re.M))
    assert set(option_names(PluginConfig)) <= documented, set(option_names(PluginConfig)) - documented


def test_every_yaml_key_is_documented() -> None:
    section = README.split("## The database file", 1)[1].split("\n## Navigation", 1)[0]
    missing = [key for key in spec_keys(DATABASE_FILE) if key.rsplit(".", 1)[-1] not in section]
    assert not missing, missing


def test_the_two_commands_are_at_the_top() -> None:
    top = README[: README.find("## ")]
    assert "pip install -e '.[sample]' && mkdocs build --strict -f sample_site/mkdocs.yml" in top
    assert "pip install -e '.[test]' && pytest -n auto" in top
    assert "pip install -e '.[test]' && pytest -n auto" in (Path(__file__).parents[1] / ".ci" / "run").read_text()
