#!/usr/bin/env bash
# Installs what the project needs, once: npm packages (Node 24 comes with them, as the `node`
# package) and a project-local Python venv with moto, schemathesis, cfn-lint and checkov.
# Re-runs only when package-lock.json or requirements-dev.txt change.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

need() {
  command -v "$1" >/dev/null 2>&1 || { echo "error: $1 is required but not installed. $2" >&2; exit 1; }
}
need npm "Install Node.js (any version >= 18; the project brings its own Node 24)."
need python3 "Install Python 3.9+ with the venv module (Debian: apt-get install python3 python3-venv)."

stamp() { sha256sum "$@" | sha256sum | cut -c1-16; }

npm_stamp="$(stamp package.json package-lock.json)"
if [[ ! -f node_modules/.deps-stamp || "$(cat node_modules/.deps-stamp)" != "$npm_stamp" ]]; then
  echo "==> installing npm packages from package-lock.json"
  # Not `npm ci`: it insists that the lock list every platform's optional binaries (e.g. jest's
  # @unrs/resolver-binding-*), some of which the registry here does not serve. `npm install
  # --no-save` installs the locked versions and leaves the lock untouched.
  npm install --no-save --no-audit --no-fund --loglevel=error
  echo "$npm_stamp" > node_modules/.deps-stamp
fi

py_stamp="$(stamp requirements-dev.txt)"
if [[ ! -f .venv/.deps-stamp || "$(cat .venv/.deps-stamp)" != "$py_stamp" ]]; then
  echo "==> creating the Python venv (.venv) for moto, schemathesis, cfn-lint, checkov"
  python3 -m venv .venv || { echo "error: python3 -m venv failed; install the venv module (Debian: apt-get install python3-venv)" >&2; exit 1; }
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
  echo "$py_stamp" > .venv/.deps-stamp
fi
