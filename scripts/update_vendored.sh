#!/usr/bin/env bash
# Refresh the front-end code shipped with the plugin, from the npm registry.
#
# Usage: scripts/update_vendored.sh [MERMAID_VERSION] [PANZOOM_VERSION]
#        (defaults: the newest mermaid 12.x, which bundles the ELK layout, and @panzoom/panzoom 4.x)
#
# For each package: `npm pack`, copy the one browser build the plugin ships and the package's licence
# into mkdocs_dbcatalog/render/assets/<name>/, and record version, licence, source file and checksum
# in VERSION (mkdocs_dbcatalog/render/material.py and the tests read it).
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

vendor() {  # vendor NAME SPEC DIST_FILE LICENCE_FILE [NOTE]
    local name="$1" spec="$2" file="$3" licence_file="$4" note="${5:-}"
    local dest="$here/mkdocs_dbcatalog/render/assets/$name"
    rm -rf "$work/package"
    (cd "$work" && npm pack --silent "$spec" > "$work/tarball")
    local tarball; tarball="$(tail -n 1 "$work/tarball")"
    tar xzf "$work/$tarball" -C "$work"
    local version licence
    version="$(node -p "require('$work/package/package.json').version")"
    licence="$(node -p "require('$work/package/package.json').license")"
    mkdir -p "$dest"
    cp "$work/package/$file" "$dest/$(basename "$file")"
    cp "$work/package/$licence_file" "$dest/LICENSE"
    local sha; sha="$(sha256sum "$dest/$(basename "$file")" | cut -d' ' -f1)"
    {
        echo "version: $version"
        echo "license: $licence"
        echo "source: npm package $spec ($tarball), file $file"
        echo "sha256: $sha"
        [ -z "$note" ] || echo "$note"
    } > "$dest/VERSION"
    echo "$name $version ($licence) -> $dest"
}

bundled="$(npm view "mermaid@${1:-12}" dependencies --json | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const d=JSON.parse(s);const o=Array.isArray(d)?d[d.length-1]:d;console.log(Object.keys(o).sort().join(", "))})')"
vendor mermaid "mermaid@${1:-12}" dist/mermaid.min.js LICENSE \
    "bundles (each under its own licence, e.g. d3 ISC, DOMPurify Apache-2.0 OR MPL-2.0, elkjs EPL-2.0): $bundled"
vendor panzoom "@panzoom/panzoom@${2:-4}" dist/panzoom.min.js MIT-License.txt
