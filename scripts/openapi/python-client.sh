#!/usr/bin/env bash
# clients/python/keypairs_client from openapi.yaml with openapi-python-client (pinned in
# requirements-test.in, installed into .venv-test by `bash scripts/ensure-deps.sh --test`), default
# options but one template (clients/python/templates: typed __exit__ for mypy --strict).
#   python-client.sh [OUTPUT_DIR]   (default clients/python/keypairs_client; the drift test passes a temp dir)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-$ROOT/clients/python/keypairs_client}"
bin="$ROOT/.venv-test/bin"
[[ -x "$bin/openapi-python-client" ]] || { echo "error: run 'bash scripts/ensure-deps.sh --test' first (installs openapi-python-client)" >&2; exit 1; }
# ruff (the generator's formatter) comes with it, in the same venv.
PATH="$bin:$PATH" "$bin/openapi-python-client" generate --path "$ROOT/openapi.yaml" --meta none --overwrite \
  --custom-template-path "$ROOT/clients/python/templates" --output-path "$out" >/dev/null
echo "wrote $out"
