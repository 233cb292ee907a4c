#!/usr/bin/env bash
# Type-checks a small TypeScript client (tools/contract-client-ts/src) against types that openapi-typescript generates
# from the committed contract (api-spec/openapi.json) into tools/contract-client-ts/src/generated/ (git-ignored), with
# openapi-fetch and tsc --noEmit (strict), at the versions pinned in tools/contract-client-ts/package-lock.json.
# Exits non-zero when generation or the type-check fails. Nothing is run against a server.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
tools=tools/contract-client-ts
spec=api-spec/openapi.json

if [ ! -x "$tools/node_modules/.bin/tsc" ] || [ ! -x "$tools/node_modules/.bin/openapi-typescript" ] \
   || [ "$tools/package-lock.json" -nt "$tools/node_modules/.package-lock.json" ]; then
  command -v npm >/dev/null || { echo "check-ts-client: npm is needed (apt-get install nodejs npm)" >&2; exit 2; }
  (cd "$tools" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) || { echo "check-ts-client: npm ci failed" >&2; exit 2; }
fi

mkdir -p "$tools/src/generated"
echo "== openapi-typescript $spec -> $tools/src/generated/openapi.d.ts"
"$tools/node_modules/.bin/openapi-typescript" "$spec" --output "$tools/src/generated/openapi.d.ts" --silent \
  || { echo "check-ts-client: openapi-typescript failed" >&2; exit 1; }
echo "== tsc --noEmit (strict) -p $tools"
"$tools/node_modules/.bin/tsc" --noEmit -p "$tools" || { echo "check-ts-client: the TypeScript client does not type-check" >&2; exit 1; }
echo "check-ts-client: the TypeScript client type-checks against the contract"
