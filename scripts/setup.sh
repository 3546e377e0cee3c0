#!/usr/bin/env bash
# Make .venv with every pinned package, and the `timeline` command in .venv/bin.
# Usage: bash scripts/setup.sh requirements.txt   (or requirements-dev.txt for the tests)
set -euo pipefail
cd "$(dirname "$0")/.."
lock="${1:-requirements.txt}"
stamp=".venv/.installed-$(basename "$lock")"
if [ -f "$stamp" ] && [ "$stamp" -nt "$lock" ] && [ "$stamp" -nt pyproject.toml ]; then
  exit 0  # already installed from this lock
fi
if [ ! -x .venv/bin/python ]; then
  echo "First start: making a Python environment in .venv and installing the pinned packages"
  echo "(about a minute; later starts skip this)..."
  python3 -m venv .venv
else
  echo "Installing the pinned packages of $lock into .venv..."
fi
.venv/bin/pip install --quiet --disable-pip-version-check -r "$lock"
# The project itself, so that .venv/bin/timeline runs this folder's code.
.venv/bin/pip install --quiet --disable-pip-version-check --no-deps -e .
touch "$stamp"
