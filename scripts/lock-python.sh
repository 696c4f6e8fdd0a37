#!/usr/bin/env bash
# Regenerates the Python locks (requirements-start.txt, requirements-test.txt) from the direct pins
# in requirements-*.in, with the uv that requirements-uv.txt pins. Run after changing a .in file.
# moto 5.2 needs Python >= 3.10 (npm start); schemathesis 4 needs >= 3.11 (npm test only).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/ensure-deps.sh --python-only
export UV_PYTHON_DOWNLOADS=never
.venv/bin/uv pip compile --quiet --universal --python-version 3.10 --custom-compile-command "bash scripts/lock-python.sh" requirements-start.in -o requirements-start.txt
.venv/bin/uv pip compile --quiet --universal --python-version 3.11 --custom-compile-command "bash scripts/lock-python.sh" requirements-test.in -o requirements-test.txt
echo "wrote requirements-start.txt and requirements-test.txt"
