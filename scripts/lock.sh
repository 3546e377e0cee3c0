#!/usr/bin/env bash
# Pin every package the app and its tests install, transitive ones included, from the
# direct dependencies listed in pyproject.toml: requirements.txt (to run the app) and
# requirements-dev.txt (to test it). Run it after changing a version in pyproject.toml.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/uv ]; then
  .venv/bin/pip install --quiet uv==0.13.9
fi
compile() {
  .venv/bin/uv pip compile pyproject.toml --quiet --python-version 3.11 --no-header "$@"
}
{ echo "# Every package the app installs, pinned. Made by scripts/lock.sh from pyproject.toml."
  compile; } > requirements.txt
{ echo "# Every package the tests install, pinned. Made by scripts/lock.sh from pyproject.toml."
  compile --extra test; } > requirements-dev.txt
