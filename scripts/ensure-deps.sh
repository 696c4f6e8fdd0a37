#!/usr/bin/env bash
# Installs what the project needs, once, and says what it is doing:
#   ensure-deps.sh          npm packages (Node 24 comes with them, as the `node` package) and .venv
#                           with moto (requirements-start.txt): what `npm start` needs.
#   ensure-deps.sh --test   the above, plus .venv-test with schemathesis, cfn-lint and checkov
#                           (requirements-test.txt), and puttygen (apt-get, as root): what only
#                           `npm test` needs.
#   ensure-deps.sh --test-venv     the npm packages, .venv and .venv-test, without puttygen: what
#                           `npm run openapi` needs (openapi-python-client).
#   ensure-deps.sh --python-only   .venv alone (scripts/lock-python.sh).
# Each part re-installs only when its inputs change (a stamp of them in the installed folder).
# Python packages are installed with uv (pinned in requirements-uv.txt; it is installed into .venv
# first with pip): moto from an empty cache takes ~2-4 s with uv against ~29 s with pip here.
# Test tools get their own venv because checkov pins old boto3/botocore, which in a shared venv
# would change the moto that `npm start` and the integration tests run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

mode="${1:-start}"
case "$mode" in start | --test | --test-venv | --python-only) ;; *) echo "usage: $0 [--test | --test-venv | --python-only]" >&2; exit 2 ;; esac

need() {
  command -v "$1" >/dev/null 2>&1 || { echo "error: $1 is required but not installed. $2" >&2; exit 1; }
}
need npm "Install Node.js (any version >= 18; the project brings its own Node 24)."
need python3 "Install Python 3.10+ (3.11+ for npm test) with the venv module (Debian: apt-get install python3 python3-venv)."

python_at_least() { # minor version of 3.x
  python3 -c "import sys; sys.exit(0 if sys.version_info >= (3, $1) else 1)"
}
python_at_least 10 || { echo "error: python3 is $(python3 -V 2>&1 | cut -d' ' -f2); moto needs 3.10 or newer." >&2; exit 1; }
if [[ "$mode" == --test* ]]; then
  python_at_least 11 || { echo "error: python3 is $(python3 -V 2>&1 | cut -d' ' -f2); schemathesis (npm test) needs 3.11 or newer." >&2; exit 1; }
fi

stamp() { sha256sum "$@" | sha256sum | cut -c1-16; }
start_stamp="$(stamp requirements-uv.txt requirements-start.txt)"
venv_needed() { [[ ! -f .venv/.deps-stamp || "$(cat .venv/.deps-stamp)" != "$start_stamp" ]]; }

# Every prerequisite is checked before anything is installed: a venv that cannot be made must not
# be found out after a minute of npm install.
if venv_needed && ! python3 -c "import venv, ensurepip" >/dev/null 2>&1; then
  echo "error: python3 ($(command -v python3)) cannot create virtual environments: its venv/ensurepip module is missing." >&2
  echo "       Install it (Debian/Ubuntu: apt-get install python3-venv; Fedora: dnf install python3) and run again." >&2
  exit 1
fi
now() { date +%s; }

# step "what" command...: prints what it is doing, then every 10 s how long it has been at it.
TICKER=""
trap '[[ -n "$TICKER" ]] && kill "$TICKER" 2>/dev/null; true' EXIT
step() {
  local what="$1"; shift
  local started; started="$(now)"
  echo "==> $what"
  (
    trap 'kill "$sleeper" 2>/dev/null; exit 0' TERM
    while :; do
      sleep 10 & sleeper=$!
      wait "$sleeper"
      echo "    ... still at it: $(($(now) - started)) s"
    done
  ) &
  TICKER=$!
  local status=0
  "$@" || status=$?
  kill "$TICKER" 2>/dev/null; wait "$TICKER" 2>/dev/null || true
  TICKER=""
  if ((status != 0)); then echo "error: '$what' failed (exit $status)" >&2; exit "$status"; fi
  echo "    done in $(($(now) - started)) s"
}

# uv must not fetch Python builds (only PyPI is reachable where this runs); it uses python3.
export UV_PYTHON_DOWNLOADS=never

# make_venv DIR REQUIREMENTS: (re)creates DIR with the locked REQUIREMENTS (uv lives in .venv).
make_venv() {
  local dir="$1" requirements="$2"
  rm -rf "$dir"
  if [[ "$dir" == .venv ]]; then
    python3 -m venv .venv || { echo "error: python3 -m venv failed; install the venv module (Debian: apt-get install python3-venv)" >&2; return 1; }
    echo "    installing uv ($(grep -v '^#' requirements-uv.txt)) into .venv with pip"
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-input -r requirements-uv.txt
  else
    .venv/bin/uv venv --quiet --python python3 "$dir"
  fi
  .venv/bin/uv pip install --python "$dir/bin/python" -r "$requirements"
}

# The moto venv is made while npm installs (both mostly wait on downloads), its lines marked [.venv].
venv_job=""
if venv_needed; then
  (
    step "creating the Python venv .venv with moto (EC2 emulator) from requirements-start.txt" \
      make_venv .venv requirements-start.txt
    echo "$start_stamp" > .venv/.deps-stamp
  ) 2>&1 | sed -u 's/^/[.venv] /' &
  venv_job=$!
fi

if [[ "$mode" != --python-only ]]; then
  npm_stamp="$(stamp package.json package-lock.json)"
  if [[ ! -f node_modules/.deps-stamp || "$(cat node_modules/.deps-stamp)" != "$npm_stamp" ]]; then
    # Not `npm ci`: it insists that the lock list every platform's optional binaries (e.g. jest's
    # @unrs/resolver-binding-*), some of which the registry here does not serve. `npm install
    # --no-save` installs the locked versions and leaves the lock untouched.
    step "installing npm packages from package-lock.json (~700 packages, Node 24 among them; 30-45 s from an empty cache)" \
      npm install --no-save --no-audit --no-fund --loglevel=error
    echo "$npm_stamp" > node_modules/.deps-stamp
  fi
fi

if [[ -n "$venv_job" ]]; then
  wait "$venv_job" || true
  [[ -f .venv/.deps-stamp && "$(cat .venv/.deps-stamp)" == "$start_stamp" ]] || { echo "error: creating .venv failed (see the [.venv] lines above)" >&2; exit 1; }
fi

# puttygen (Debian's putty-tools) checks the PPK keys the local stack makes (test/integration/ppk.test.ts).
install_puttygen() {
  if [[ "$(id -u)" != 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
    echo "error: puttygen is required by npm test; install putty-tools (Debian: sudo apt-get install putty-tools)" >&2
    return 1
  fi
  apt-get install -y -qq --no-install-recommends putty-tools >/dev/null 2>&1 ||
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends putty-tools >/dev/null; }
}

if [[ "$mode" == --test* ]]; then
  if [[ "$mode" == --test ]] && ! command -v puttygen >/dev/null 2>&1; then
    step "installing puttygen (Debian's putty-tools) for the PPK test" install_puttygen
  fi
  test_stamp="$(stamp requirements-uv.txt requirements-test.txt)"
  if [[ ! -f .venv-test/.deps-stamp || "$(cat .venv-test/.deps-stamp)" != "$test_stamp" ]]; then
    step "creating the Python venv .venv-test with the test tools (schemathesis, cfn-lint, checkov) from requirements-test.txt" \
      make_venv .venv-test requirements-test.txt
    echo "$test_stamp" > .venv-test/.deps-stamp
  fi
fi
