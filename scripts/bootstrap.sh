#!/usr/bin/env bash
# Prepare a machine for baocao: system packages (when root), a virtualenv in .venv with the
# project and its pinned dependencies. Safe to re-run; does nothing that is already done.
set -euo pipefail
cd "$(dirname "$0")/.."

want_browser="${1:-}"
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  pkgs=()
  [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || pkgs+=(fonts-dejavu-core)
  # OCR of scanned PDFs and images: Tesseract and its Vietnamese model
  command -v tesseract >/dev/null 2>&1 || pkgs+=(tesseract-ocr)
  ls /usr/share/tesseract-ocr/*/tessdata/vie.traineddata >/dev/null 2>&1 || pkgs+=(tesseract-ocr-vie)
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
# llama.cpp's native build picks every instruction the CPU reports; on some virtual CPUs that
# includes AMX the kernel does not enable, and the first decode dies with SIGILL. Build it once
# for a portable AVX2 target instead (pip's cache would hand back the native wheel otherwise).
llama_stamp=".venv/.baocao-llama-portable-0.3.36"
if [ ! -f "$llama_stamp" ]; then
  echo "==> building llama-cpp-python for a portable AVX2 CPU target (first time: several minutes)"
  CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON" \
    FORCE_CMAKE=1 .venv/bin/pip install -q --no-cache-dir --force-reinstall --no-deps "llama-cpp-python==0.3.36"
  touch "$llama_stamp"
fi
stamp=".venv/.baocao-deps-$(sha256sum pyproject.toml | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  echo "==> installing dependencies (first time: several minutes, llama-cpp-python compiles)"
  .venv/bin/pip install -q -e ".[test]"
  touch "$stamp"
fi
