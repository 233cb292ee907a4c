#!/usr/bin/env bash
# Fails when the committed contract (api-spec/openapi.json) breaks what integrators built on the last released one
# (api-spec/released/openapi.json) without saying so: every breaking change must be declared under "### Unreleased"
# in the changelog of docs/contract.md ("Changes and versions" there says how, and how a release moves the baseline).
# The diff is api-smart-diff, pinned in tools/contract-diff/package-lock.json and installed on first use into
# tools/contract-diff/node_modules (git-ignored); it runs offline and sends nothing anywhere.
#   scripts/check-contract-changes.sh              check the contract
#   scripts/check-contract-changes.sh --self-test  break copies of the contract and expect each break to be refused
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
tools=tools/contract-diff

if [ ! -d "$tools/node_modules/api-smart-diff" ] || [ "$tools/package-lock.json" -nt "$tools/node_modules/.package-lock.json" ]; then
  command -v npm >/dev/null || { echo "check-contract-changes: npm is needed (apt-get install nodejs npm)" >&2; exit 2; }
  (cd "$tools" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) || { echo "check-contract-changes: npm ci failed" >&2; exit 2; }
fi

case "${1:-}" in
  --self-test) exec node "$tools/self-test.mjs" api-spec/openapi.json ;;
  "") exec node "$tools/check.mjs" api-spec/released/openapi.json api-spec/openapi.json docs/contract.md ;;
  *) echo "usage: $0 [--self-test]" >&2; exit 2 ;;
esac
