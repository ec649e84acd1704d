#!/usr/bin/env bash
# One command from a fresh clone to the running chat app: install, fetch and verify the
# default models, ingest corpus/, build the index, then serve on http://127.0.0.1:7860.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
.venv/bin/baocao setup
exec .venv/bin/baocao serve "$@"
