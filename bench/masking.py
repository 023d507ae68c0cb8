"""What masking every text of the catalog costs: `map_text(catalog, mask_text, may_mask)`, as assemble runs it.

    python bench/masking.py [--runs 7] [--tables 1000]

The catalog is build_scale's generated one (4 databases, 8-15 columns per table). Medians over the
runs, alternating with the baseline: the JSON codec's `to_data` of the same catalog, which also
visits every value of the model once (what the cache does with each live read).

Target: masking costs at most the codec's walk (<= 1.0x).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from mkdocs.config import load_config

sys.path.insert(0, str(Path(__file__).parent))
from build_scale import DATABASES, catalog_yaml

from mkdocs_dbcatalog.assemble import read_yaml
from mkdocs_dbcatalog.catalog.codec import to_data
from mkdocs_dbcatalog.catalog.model import Catalog
from mkdocs_dbcatalog.catalog.rewrite import map_text
from mkdocs_dbcatalog.urls import mask_text, may_mask


def catalog(root: Path, tables: int) -> Catalog:
    (root / "catalog").mkdir()
    (root / "docs").mkdir()
    rng = random.Random(7)
    for i in range(DATABASES):
        (root / "catalog" / f"db{i}.yml").write_text(catalog_yaml(f"db{i}", tables // DATABASES, rng), encoding="utf-8")
    (root / "mkdocs.yml").write_text("site_name: bench\nplugins:\n  - dbcatalog\n", encoding="utf-8")
    options = load_config(str(root / "mkdocs.yml")).plugins["dbcatalog"].config
    described, _ = read_yaml(options, root, {})
    return Catalog(tuple(item.database for item in described))


def timed(work: object) -> float:
    started = time.perf_counter()
    work()  # type: ignore[operator]
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--tables", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        model = catalog(Path(tmp), args.tables)
    masking, codec = [], []
    for _ in range(args.runs):
        masking.append(timed(lambda: map_text(model, mask_text, may_mask)))
        codec.append(timed(lambda: [to_data(d) for d in model.databases]))
    mask_s, codec_s = statistics.median(masking), statistics.median(codec)
    ratio = mask_s / codec_s
    print(f"{args.tables} tables: masking {mask_s * 1000:.0f} ms, codec walk {codec_s * 1000:.0f} ms", end="")
    print(f" (medians of {args.runs})")
    print(f"masking vs codec walk {ratio:.2f}x (target <= 1.0x){'' if ratio <= 1.0 else '  MISSED'}")


if __name__ == "__main__":
    main()
