#!/bin/sh
# Bundle TimelineJS's CSV reader (entry.mjs) for node: sh build.sh OUT_DIR writes
# OUT_DIR/bundle.cjs, which run.cjs loads. Needs `npm ci` here first (package-lock.json pins
# TimelineJS 3.9.11, esbuild, jsdom and DOMPurify).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:?usage: sh build.sh OUT_DIR}
mkdir -p "$OUT"
cd "$HERE"
node_modules/.bin/esbuild entry.mjs --bundle --platform=node --format=cjs \
    --outfile="$OUT/bundle.cjs" --log-level=warning
