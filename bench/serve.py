"""`mkdocs serve`: what a rebuild costs after editing one hand-written page of a 1,000-table site.

    python bench/serve.py [--runs 5] [--tables 1000]

Starts `mkdocs serve --dirty` and plain `mkdocs serve` on the site of bench/build_scale.py (Material,
search on, one page per table) with one hand-written page, then edits that page `--runs` times and
reads each rebuild's time from MkDocs' own log line (`Documentation built in N seconds`), checking
that the served page shows the edit. Each edit alternates with a full `mkdocs build` of the same
site, whose log line is the baseline; each figure is a median.

Target (issue 14 item 7): a rebuild takes at most 0.6x a full build. With `--dirty` the generated
pages are files whose time changes only with their text (mkdocs_dbcatalog/dirtypages.py), so MkDocs
builds only the edited page; without it MkDocs builds every page again on each rebuild, which no
plugin can prevent (the line is printed for reference).
"""

from __future__ import annotations

import argparse
import logging
import os
import queue
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_scale import missed, write_site

TARGET = 0.6
BUILT = re.compile(r"Documentation built in ([\d.]+) seconds")
QUIET = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """A `mkdocs serve` process whose build times are read from its log as they come."""

    def __init__(self, root: Path, *flags: str) -> None:
        self.port = free_port()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{self.port}", *flags],
            cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=QUIET,
        )
        self.builds: queue.Queue[float] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            found = BUILT.search(line)
            if found:
                self.builds.put(float(found[1]))

    def next_build(self) -> float:
        return self.builds.get(timeout=900)

    def page(self, path: str) -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=30) as response:
            return str(response.read().decode("utf-8"))

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


def full_build(root: Path, site: Path) -> float:
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(site)],
        cwd=root, capture_output=True, text=True, env=QUIET, check=True,
    )
    found = BUILT.search(done.stderr + done.stdout)
    assert found, done.stderr[-2000:]
    return float(found[1])


def measure(root: Path, runs: int, flags: tuple[str, ...]) -> tuple[list[float], list[float]]:
    guide = root / "docs" / "guide.md"
    guide.write_text("# Guide\n\nHow to read the catalog.\n")
    server = Server(root, *flags)
    rebuilds, fulls = [], []
    try:
        server.next_build()  # the initial build
        for run in range(runs):
            time.sleep(1.5)  # past the file system's time resolution and the watcher's debounce
            guide.write_text(f"# Guide\n\nHow to read the catalog, edit {run}.\n")
            rebuilds.append(server.next_build())
            assert f"edit {run}." in server.page("guide/"), "the served page does not show the edit"
            assert "db0_t0001" in server.page("databases/db0/db0_t0001/"), "a generated page is missing"
            fulls.append(full_build(root, root / "full-site"))
    finally:
        server.stop()
    return rebuilds, fulls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tables", type=int, default=1000)
    args = parser.parse_args()
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "site"
        write_site(root, args.tables)
        results = {flags: measure(root, args.runs, flags) for flags in (("--dirty",), ())}
    print(f"{'command':<22} {'rebuild s':>10} {'full build s':>13} {'ratio':>6}")
    for flags, (rebuilds, fulls) in results.items():
        rebuild, full = statistics.median(rebuilds), statistics.median(fulls)
        print(f"{' '.join(('mkdocs serve', *flags)):<22} {rebuild:>10.2f} {full:>13.2f} {rebuild / full:>5.2f}x")
    print()
    for flags, (rebuilds, fulls) in results.items():
        ratio = statistics.median(rebuilds) / statistics.median(fulls)
        name = " ".join(("mkdocs serve", *flags))
        if flags:
            print(f"{name}: rebuild after editing one page {ratio:.2f}x of a full build "
                  f"(target <= {TARGET}x){missed(ratio <= TARGET)}")
        else:
            print(f"{name}: rebuild after editing one page {ratio:.2f}x of a full build (every page is built again)")


if __name__ == "__main__":
    main()
