#!/usr/bin/env bash
# Lints the committed contract (api-spec/openapi.json) with Redocly CLI (recommended rules, redocly.yaml) and Spectral
# (spectral:oas, .spectral.yaml), at the versions pinned in tools/contract-lint/package-lock.json, installed on first use
# into tools/contract-lint/node_modules (git-ignored). Exits non-zero when either reports an error.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
tools=tools/contract-lint
spec=api-spec/openapi.json
# No usage reports from the tools (the only install script among their dependencies is one that sends them).
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true SCARF_ANALYTICS=false

if [ ! -x "$tools/node_modules/.bin/redocly" ] || [ ! -x "$tools/node_modules/.bin/spectral" ] \
   || [ "$tools/package-lock.json" -nt "$tools/node_modules/.package-lock.json" ]; then
  command -v npm >/dev/null || { echo "lint-contract: npm is needed (apt-get install nodejs npm)" >&2; exit 2; }
  (cd "$tools" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) || { echo "lint-contract: npm ci failed" >&2; exit 2; }
fi

status=0
echo "== Redocly CLI: lint --extends recommended $spec"
"$tools/node_modules/.bin/redocly" lint --extends recommended --config redocly.yaml "$spec" || status=1
echo "== Spectral: lint (spectral:oas) $spec"
"$tools/node_modules/.bin/spectral" lint --ruleset .spectral.yaml --fail-severity error "$spec" || status=1
exit "$status"
