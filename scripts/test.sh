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
if [ ! -f node_modules/axe-core/axe.min.js ]; then
  if ! command -v npm >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null
  fi
  # axe-core, pinned in package-lock.json, checks every view for accessibility problems
  npm ci --no-audit --no-fund
fi
.venv/bin/ruff format --check .
.venv/bin/ruff check .
exec .venv/bin/python -m pytest "$@"
