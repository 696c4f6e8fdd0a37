#!/usr/bin/env bash
# `npm test`: everything CI checks, from a fresh clone. Installs what is missing first.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/ensure-deps.sh --test
export PATH="$ROOT/node_modules/.bin:$PATH"
export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true SLS_TELEMETRY_DISABLED=1 NO_COLOR=1
mkdir -p .tmp
rm -f .tmp/contract-validations.log .tmp/jest-*.json

step() { printf '\n==> %s\n' "$*"; }
jest_run() { # name, jest args...
  local name="$1"; shift
  NODE_OPTIONS=--experimental-vm-modules jest --ci --json --outputFile=".tmp/jest-$name.json" "$@"
}

step "typecheck (node $(node --version))"
tsc -p .

step "format and lint (biome)"
biome ci .

step "layers: the dependency rule (dependency-cruiser)"
depcruise src --config .dependency-cruiser.cjs

step "openapi.yaml lint (redocly, recommended rules)"
redocly lint openapi.yaml

step "unit + contract tests (includes serverless package)"
jest_run unit --selectProjects unit

step "CloudFormation template: cfn-lint and checkov"
# Packaged here, into its own folder: the unit tests' package runs (in parallel workers) may empty .serverless/.
SLS_TELEMETRY_DISABLED=1 serverless package --stage ci --package .tmp/template > .tmp/template-package.log
.venv-test/bin/cfn-lint .tmp/template/cloudformation-template-update-stack.json
.venv-test/bin/checkov --quiet --compact --framework cloudformation --config-file .checkov.yaml -f .tmp/template/cloudformation-template-update-stack.json

step "integration tests (serverless-offline + moto_server)"
jest_run integration --selectProjects integration
jest_run logs --selectProjects logs
echo "responses validated against openapi.yaml: $(wc -l < .tmp/contract-validations.log)"

step "the integration session replayed through Prism's validating proxy (zero response violations)"
tsx scripts/prism-replay.ts

step "schemathesis against the local stack"
tsx scripts/fuzz.ts

step "Idempotency-Key, escrow, escrow-fault and usage exactness again, under realistic AWS (lagging describes, token buckets, latency)"
# The escrow and usage files add ~1 min (measured, load 8-16 on 2 cores: 30 s and 5-20 s), escrow-faults ~50 s
# (its per-attempt timeout there is the consistency window plus the slowest call: 3 s).
REALISTIC_AWS=1 jest_run realistic test/integration/idempotency.test.ts test/integration/idempotency-race.test.ts \
  test/integration/escrow.test.ts test/integration/escrow-faults.test.ts test/integration/key-usage.test.ts \
  --selectProjects integration

step "summary"
node -e '
const fs = require("fs");
let passed = 0, failed = 0;
for (const file of fs.readdirSync(".tmp").filter((f) => /^jest-.*\.json$/.test(f))) {
  const result = JSON.parse(fs.readFileSync(".tmp/" + file, "utf8"));
  passed += result.numPassedTests; failed += result.numFailedTests;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
'
