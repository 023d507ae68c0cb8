#!/usr/bin/env bash
# Refresh the Mermaid build shipped for `diagrams: {offline: true}`.
#
# Usage: scripts/update_mermaid.sh [VERSION]     (default: the newest 11.x, the major Material loads)
#
# Fetches the package from the npm registry with `npm pack`, copies dist/mermaid.min.js and the
# licence into mkdocs_dbcatalog/render/assets/mermaid/, and records the version and checksum that
# mkdocs_dbcatalog/render/material.py and the tests read.
set -euo pipefail

spec="mermaid@${1:-11}"
here="$(cd "$(dirname "$0")/.." && pwd)"
dest="$here/mkdocs_dbcatalog/render/assets/mermaid"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$work"
tarball="$(npm pack --silent "$spec" | tail -n 1)"
tar xzf "$tarball"
version="$(node -p 'require("./package/package.json").version')"
licence="$(node -p 'require("./package/package.json").license')"
bundled="$(node -p 'Object.keys(require("./package/package.json").dependencies || {}).sort().join(", ")')"

mkdir -p "$dest"
cp package/dist/mermaid.min.js "$dest/mermaid.min.js"
cp package/LICENSE "$dest/LICENSE"
sha="$(sha256sum "$dest/mermaid.min.js" | cut -d' ' -f1)"
cat > "$dest/VERSION" <<INFO
version: $version
license: $licence
source: npm package $spec ($tarball), file dist/mermaid.min.js
sha256: $sha
bundles (each under its own licence, e.g. d3 ISC, DOMPurify Apache-2.0 OR MPL-2.0): $bundled
INFO
echo "mermaid $version ($licence) -> $dest"
