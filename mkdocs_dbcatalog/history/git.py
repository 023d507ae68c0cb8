"""Reading a file's past from git: `git log` and `git cat-file`, never a checkout, never a write.

Every command runs with `GIT_OPTIONAL_LOCKS=0` (so not even the index is refreshed), no pager, no
terminal prompt and a timeout; a folder that is not in a git checkout, or a machine without git,
simply has no history.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import CatalogError

TIMEOUT = 60
_SEPARATOR = "\x1f"


@dataclass(frozen=True)
class LogEntry:
    sha: str
    date: str
    author: str
    subject: str
    path: str
    """The file's path at this commit (relative to the repository's root)."""
    before: str | None
    """Its path in the parent commit; None when the commit created it."""


def _run(args: Sequence[str], cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {
        **os.environ,
        "GIT_OPTIONAL_LOCKS": "0",
        "GIT_TERMINAL_PROMPT": "0",
        "GIT_PAGER": "cat",
        "LC_ALL": "C",
    }
    return subprocess.run(
        ["git", "-c", "core.quotepath=off", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        env=env,
        timeout=TIMEOUT,
        check=False,
    )


def root(folder: Path) -> Path | None:
    """The top folder of the git checkout holding `folder`; None outside one (or without git)."""
    if shutil.which("git") is None:
        return None
    try:
        done = _run(["rev-parse", "--show-toplevel"], folder)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if done.returncode != 0:
        return None
    return Path(done.stdout.decode("utf-8", "replace").strip())


def relative(path: Path, top: Path) -> str | None:
    """`path` relative to the repository, with forward slashes; None outside it."""
    try:
        return path.resolve().relative_to(top.resolve()).as_posix()
    except ValueError:
        return None


def log(top: Path, path: str, limit: int) -> list[LogEntry]:
    """The last `limit` commits that changed `path` (following renames), newest first."""
    done = _run(
        [
            "log",
            f"-n{max(1, limit)}",
            "--follow",
            "--no-merges",
            "--name-status",
            f"--format=%x1e%H{_SEPARATOR}%aI{_SEPARATOR}%an{_SEPARATOR}%s",
            "--",
            path,
        ],
        top,
    )
    if done.returncode != 0:
        return []
    entries = []
    for record in done.stdout.decode("utf-8", "replace").split("\x1e"):
        lines = [line for line in record.splitlines() if line.strip()]
        if not lines:
            continue
        sha, date, author, subject = (lines[0].split(_SEPARATOR) + ["", "", ""])[:4]
        status = lines[1].split("\t") if len(lines) > 1 else ["M", path]
        kind = status[0][:1]
        if kind == "R" and len(status) >= 3:
            before, current = status[1], status[2]
        elif kind == "A":
            before, current = None, status[-1]
        else:
            current = status[-1]
            before = current
        entries.append(LogEntry(sha, date, author, subject, current, before))
    return entries


def contents(top: Path, specs: Iterable[str]) -> dict[str, bytes | None]:
    """Blobs named `<rev>:<path>`, read with one `git cat-file --batch`; None for those that do not exist."""
    wanted = list(dict.fromkeys(specs))
    if not wanted:
        return {}
    done = _run(["cat-file", "--batch"], top, stdin="".join(f"{spec}\n" for spec in wanted).encode())
    if done.returncode != 0:
        raise CatalogError("git cat-file failed: " + done.stderr.decode("utf-8", "replace").strip(), where=str(top))
    found: dict[str, bytes | None] = {}
    data, at = done.stdout, 0
    for spec in wanted:
        end = data.index(b"\n", at)
        header = data[at:end].decode("utf-8", "replace").split()
        at = end + 1
        if (len(header) >= 2 and header[1] == "missing") or len(header) < 3:
            found[spec] = None
            continue
        size = int(header[2])
        found[spec] = data[at : at + size] if header[1] == "blob" else None
        at += size + 1
    return found


def show(top: Path, revision: str, path: str) -> bytes:
    """One file as it is at `revision`; a CatalogError naming the revision when git cannot give it."""
    spec = f"{revision}:{path}"
    found = contents(top, [spec]).get(spec)
    if found is None and not revision_exists(top, revision):
        raise CatalogError(
            f"git has no revision {revision!r}",
            where=f"git:{revision}:{path}",
            hint="name a branch, tag or commit (`git fetch` first for origin/...)",
        )
    if found is None:
        raise CatalogError(
            f"git has no {path} at {revision}",
            where=f"git:{revision}:{path}",
            hint="check the revision (`git log --oneline`) and the path (relative to the repository's root or to here)",
        )
    return found


def archive(top: Path, revision: str, paths: Sequence[str], target: Path) -> None:
    """The files under `paths` at `revision`, written into `target` (a scratch folder, not the checkout)."""
    import io
    import tarfile

    done = _run(["archive", "--format=tar", revision, "--", *paths], top)
    if done.returncode != 0:
        raise CatalogError(
            f"git cannot read {revision}: " + done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:][0]
            if done.stderr.strip()
            else f"git cannot read {revision}",
            where=f"git:{revision}",
            hint="fetch it first (`git fetch origin main`), or name a revision that exists",
        )
    with tarfile.open(fileobj=io.BytesIO(done.stdout)) as tar:
        tar.extractall(target, filter="data")


def exists(top: Path, revision: str, path: str) -> bool:
    """Whether `path` (a file or a folder) is in `revision`."""
    return _run(["cat-file", "-e", f"{revision}:{path}"], top).returncode == 0


def revision_exists(top: Path, revision: str) -> bool:
    done = _run(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], top)
    return done.returncode == 0
