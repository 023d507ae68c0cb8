"""Every bench, one after the other: `python bench/run_all.py [name ...]`.

Runs each `bench/*.py` that is a program (helper modules such as schemas.py are not) with its default
arguments, or only the ones named (`python bench/run_all.py peer serve`), prints their output as it
comes, then every line that says MISSED. Exits 1 when a bench failed to run (a missed target is a
result, not a failure). bench/README.md lists them with their targets.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def programs() -> list[Path]:
    return [
        path
        for path in sorted(HERE.glob("*.py"))
        if path.name != Path(__file__).name and 'if __name__ == "__main__":' in path.read_text(encoding="utf-8")
    ]


def main() -> None:
    wanted = set(sys.argv[1:])
    chosen = [p for p in programs() if not wanted or p.stem in wanted]
    unknown = wanted - {p.stem for p in programs()}
    if unknown:
        sys.exit(f"run_all: no bench named {', '.join(sorted(unknown))} (see bench/README.md)")
    missed: list[str] = []
    failed: list[str] = []
    for path in chosen:
        print(f"== python bench/{path.name}", flush=True)
        start = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, str(path)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        assert process.stdout is not None
        for line in process.stdout:
            print(line, end="", flush=True)
            if "MISSED" in line:
                missed.append(f"{path.stem}: {line.strip()}")
        if process.wait() != 0:
            failed.append(path.stem)
        print(f"== {path.name}: {time.perf_counter() - start:.0f} s\n", flush=True)
    print(f"{len(chosen)} benches run, {len(missed)} targets missed, {len(failed)} failed")
    for line in missed:
        print(f"  {line}")
    if failed:
        print(f"  failed: {', '.join(failed)}")
        sys.exit(1)


if __name__ == "__main__":
    main()
