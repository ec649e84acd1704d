#!/usr/bin/env bash
# Prepare a machine for baocao: system packages (when root), a virtualenv in .venv with the
# project and its pinned dependencies. Safe to re-run; does nothing that is already done.
set -euo pipefail
cd "$(dirname "$0")/.."

want_browser="${1:-}"
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  pkgs=()
  [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || pkgs+=(fonts-dejavu-core)
  if [ "$want_browser" = "--browser" ] && ! command -v chromium >/dev/null 2>&1; then pkgs+=(chromium); fi
  if [ ${#pkgs[@]} -gt 0 ]; then
    echo "==> apt-get install ${pkgs[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${pkgs[@]}" >/dev/null
  fi
fi

PY="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "==> creating .venv"
  "$PY" -m venv .venv
  .venv/bin/pip install -q --upgrade pip
fi
stamp=".venv/.baocao-deps-$(sha256sum pyproject.toml | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  echo "==> installing dependencies (first time: several minutes, llama-cpp-python compiles)"
  .venv/bin/pip install -q -e ".[test]"
  touch "$stamp"
fi
