#!/usr/bin/env bash
# Set up (a virtual environment with the pinned requirements) and run the app.
# Any arguments go to app.py: bash scripts/run.sh --data my/events.csv --port 8060
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
exec .venv/bin/python app.py "$@"
