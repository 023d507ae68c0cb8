"""Write a MkDocs site into a folder and build it with MkDocs itself, capturing its log."""

from __future__ import annotations

import html
import logging
import re
import textwrap
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, BuildError


@dataclass
class BuildResult:
    site_dir: Path
    records: list[logging.LogRecord]
    error: str | None = None

    @property
    def warnings(self) -> list[str]:
        return [r.getMessage() for r in self.records if r.levelno >= logging.WARNING]

    @property
    def log_text(self) -> str:
        return "\n".join(r.getMessage() for r in self.records)

    def html(self, path: str) -> str:
        """The built page at a site-relative URL such as `databases/orders/`."""
        target = self.site_dir / path
        if path.endswith("/") or target.is_dir():
            target = target / "index.html"
        return target.read_text(encoding="utf-8")

    def all_text(self) -> str:
        """Every file of the built site, as text, for leak checks."""
        parts = []
        for file in sorted(self.site_dir.rglob("*")):
            if file.is_file():
                parts.append(file.read_bytes().decode("utf-8", "replace"))
        return "\n".join(parts)


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@dataclass
class SiteBuilder:
    root: Path
    config: dict[str, Any] = field(default_factory=dict)

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    def catalog(self, name: str, text: str) -> Path:
        """A database file in the default `catalog/` folder."""
        return self.write(f"catalog/{name}.yml", text)

    def mkdocs_yml(
        self,
        plugin: dict[str, Any] | None = None,
        *,
        theme: str = "mkdocs",
        extra: dict[str, Any] | None = None,
        raw: str | None = None,
    ) -> Path:
        if raw is not None:
            return self.write("mkdocs.yml", raw)
        config: dict[str, Any] = {
            "site_name": "Test site",
            "theme": {"name": theme},
            "plugins": ["search", {"dbcatalog": plugin or {}}],
        }
        if theme == "material":
            config["markdown_extensions"] = [
                "admonition",
                "attr_list",
                "pymdownx.details",
                {
                    "pymdownx.superfences": {
                        "custom_fences": [
                            {
                                "name": "mermaid",
                                "class": "mermaid",
                                "format": "!!python/name:pymdownx.superfences.fence_code_format",
                            }
                        ]
                    }
                },
            ]
        config.update(extra or {})
        text = yaml.safe_dump(config, sort_keys=False)
        text = re.sub(r"'(!!python/name:[^']+)'", r"\1", text)
        if not (self.root / "docs" / "index.md").exists():
            self.write("docs/index.md", "# Home\n")
        return self.write("mkdocs.yml", text)

    def build(self, *, strict: bool = True) -> BuildResult:
        """Build with MkDocs' own `build()`. A failed build returns its error instead of raising."""
        capture = _Capture()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(capture)
        previous = logger.level
        logger.setLevel(logging.DEBUG)
        site_dir = self.root / "site"
        error = None
        try:
            config = load_config(str(self.root / "mkdocs.yml"), strict=strict, site_dir=str(site_dir))
            build(config)
        except (Abort, BuildError) as problem:
            error = str(problem)
        finally:
            logger.removeHandler(capture)
            logger.setLevel(previous)
        if error is not None:
            errors = [r.getMessage() for r in capture.records if r.levelno >= logging.ERROR]
            error = "\n".join([*errors, error])
        return BuildResult(site_dir, capture.records, error)


class ElementCollector(HTMLParser):
    """Tags and attributes of an HTML page, to assert that nothing was injected."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def elements(html: str) -> list[tuple[str, dict[str, str | None]]]:
    collector = ElementCollector()
    collector.feed(html)
    return collector.tags


def main_content(html: str) -> str:
    """The article part of a page built with the mkdocs or material theme."""
    for start, end in (('role="main"', "<footer"), ("<article", "</article>")):
        i = html.find(start)
        if i != -1:
            j = html.find(end, i)
            return html[html.rfind("<", 0, i) : j if j != -1 else None]
    raise AssertionError("no main content found in the page")


CATALOG_SECTIONS = [
    "Database Overview",
    "Database Inventory",
    "Connection Strings",
    "Entity Relationship Summary",
    "Cross-Service Data References",
    "Database Extensions",
    "Migration History",
    "Seed Data",
    "Backup & Recovery",
    "Documentation Coverage",
    "Adding a New Database",
]
"""The sections of the hand-written catalog page that the generated one must have."""
DATABASE_SECTIONS = ["Tables", "Entity Relationships", "Migration History", "Seed Data", "Backup & Recovery"]


def text_of(html_text: str) -> str:
    """What a reader sees: tags removed, entities decoded, a no-break space (`21 GB`) a space."""
    return html.unescape(re.sub(r"<[^>]+>", "", html_text)).replace("\u00a0", " ")


def headings(html_text: str) -> list[str]:
    """The text of every heading, without the permalink's ¶."""
    html_text = re.sub(r'<a class="headerlink"[^>]*>.*?</a>', "", html_text)
    return [text_of(h).strip() for h in re.findall(r"<h[1-6][^>]*>(.*?)</h[1-6]>", html_text, re.S)]
