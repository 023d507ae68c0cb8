"""A name cannot start a line of its own in the build log or in `check` output, nor drive the terminal.

GitHub Actions reads any output line that starts with `::` as a workflow command, so a table named
`"nl\\n::error file=x::INJECTED"` would fail a job (or set its outputs) if printed as it is.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from mkdocs_dbcatalog.cli import main

from .sitebuilder import SiteBuilder

INJECTED = "nl\n::error file=x::INJECTED"
NAMES = [INJECTED, "cr\r::warning::CR", "esc\x1b[31mred\x1b]0;title\x07", "sep\u2028::notice::LS"]


@pytest.fixture
def hostile(site: SiteBuilder, monkeypatch: pytest.MonkeyPatch) -> SiteBuilder:
    tables = "\n".join(f"  {json.dumps(name)}:\n    columns:\n      id: {{type: int}}" for name in NAMES)
    site.catalog("evil", f"database: evil\ntables:\n{tables}\n")
    site.mkdocs_yml()
    monkeypatch.chdir(site.root)
    return site


def _starts_a_line(output: str) -> list[str]:
    """Lines a runner would read as an injected command, and raw control characters left in the output."""
    lines = output.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").split("\n")
    found = [line for line in lines if line.lstrip().startswith(("::error file=x", "::warning::CR", "::notice::LS"))]
    return found + [repr(c) for c in ("\x1b", "\x07", "\u2028") if c in output]


def test_mkdocs_build_log_prints_each_name_on_its_line(hostile: SiteBuilder) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-v"], cwd=hostile.root, capture_output=True, text=True, env=env
    )
    output = done.stdout + done.stderr
    assert "no primary key" in output, output  # the findings are printed...
    assert _starts_a_line(output) == []  # ...each on one line
    assert "nl\\n::error file=x::INJECTED" in output


@pytest.mark.parametrize("output_format", ["text", "github"])
def test_check_output_prints_each_name_on_its_line(hostile: SiteBuilder, output_format: str) -> None:
    result = CliRunner().invoke(main, ["check", "--format", output_format], catch_exceptions=False)
    output = result.stdout + result.stderr
    assert "INJECTED" in output
    assert _starts_a_line(output) == []
    if output_format == "github":  # every workflow command is one of check's own
        commands = [line for line in output.splitlines() if line.startswith("::")]
        ours = ("::error file=catalog/", "::warning file=catalog/")
        assert commands and all(line.startswith(ours) for line in commands)
