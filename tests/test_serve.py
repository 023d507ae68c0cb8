"""`mkdocs serve` watches the catalog's YAML files and rebuilds the generated pages."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator

import pytest

from .sitebuilder import SiteBuilder


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return None


def wait_for(url: str, text: str, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    page = None
    while time.monotonic() < deadline:
        page = fetch(url)
        if page is not None and text in page:
            return page
        time.sleep(0.3)
    raise AssertionError(f"{text!r} never appeared at {url}; last page: {(page or '')[:500]}")


@pytest.fixture
def served(site: SiteBuilder) -> Iterator[tuple[SiteBuilder, str]]:
    site.catalog("orders", "database: orders\ntables:\n  orders:\n    purpose: First words.\n")
    site.mkdocs_yml()
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=site.root,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        yield site, f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def test_editing_a_yaml_file_rebuilds_the_pages(served: tuple[SiteBuilder, str]) -> None:
    site, url = served
    wait_for(url + "databases/orders/orders/", "First words.")
    time.sleep(1)  # let the watcher settle after the first build
    site.catalog("orders", "database: orders\ntables:\n  orders:\n    purpose: Second words.\n")
    wait_for(url + "databases/orders/orders/", "Second words.")


def test_a_new_yaml_file_adds_its_database(served: tuple[SiteBuilder, str]) -> None:
    site, url = served
    wait_for(url + "databases/", "orders")
    time.sleep(1)
    site.catalog("users", "database: users\ntables:\n  users: Accounts.\n")
    wait_for(url + "databases/users/users/", "Accounts.")
