#!/usr/bin/env bash
# Set up and run every test: lint, unit tests and real-browser tests in Debian's Chromium.
# Any arguments go to pytest: bash scripts/test.sh -k filters
set -euo pipefail
cd "$(dirname "$0")/.."
# Chromium for the browser tests and slide images; pango and friends for the PDF handout.
DEBS="chromium chromium-driver libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 libfontconfig1"
if ! dpkg -s $DEBS >/dev/null 2>&1; then
  echo "Installing Debian packages: $DEBS (needs root)..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $DEBS >/dev/null
fi
bash scripts/setup.sh requirements-dev.txt
# TimelineJS 3.9.11's own parser (tests/timelinejs, pinned in its package-lock.json) reads
# back our TimelineJS export; installed again when its lock changes.
HARNESS=tests/timelinejs
harness_stale() { [ ! -f $HARNESS/node_modules/.package-lock.json ] ||
  [ $HARNESS/package-lock.json -nt $HARNESS/node_modules/.package-lock.json ]; }
if [ ! -f node_modules/axe-core/axe.min.js ] || harness_stale; then
  if ! command -v npm >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null
  fi
fi
if [ ! -f node_modules/axe-core/axe.min.js ]; then
  # axe-core, pinned in package-lock.json, checks every view for accessibility problems
  npm ci --no-audit --no-fund
fi
if harness_stale; then
  (cd $HARNESS && npm ci --no-audit --no-fund --ignore-scripts)
fi
.venv/bin/ruff format --check .
.venv/bin/ruff check .
exec .venv/bin/python -m pytest "$@"
