#!/usr/bin/env bash
# Set up (a virtual environment with the pinned requirements) and serve the timeline.
# Any arguments go to the `timeline` command: bash scripts/run.sh serve --data my/events.csv
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh requirements.txt
exec .venv/bin/python app.py "$@"
