#!/usr/bin/env bash
# One command that runs every test: unit tests on fakes, integration tests on the real models
# and corpus, and the browser tests in headless Chromium. Models are cached in $BAOCAO_HOME.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh --browser
.venv/bin/baocao models fetch
.venv/bin/baocao ingest
exec .venv/bin/python -m pytest -q "$@"
