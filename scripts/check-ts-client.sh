#!/usr/bin/env bash
# Type-checks a small TypeScript client (tools/contract-client-ts/src) against types that openapi-typescript generates
# from the committed contract (api-spec/openapi.json) into tools/contract-client-ts/src/generated/ (git-ignored), with
# openapi-fetch and tsc (strict), at the versions pinned in tools/contract-client-ts/package-lock.json.
#   scripts/check-ts-client.sh           generate the types and type-check (tsc --noEmit)
#   scripts/check-ts-client.sh --build   the same, compiling to tools/contract-client-ts/dist (git-ignored) for node, so that
#                                        tests/…/Common/OpenApi/TypeScriptClientTests can run dist/live-path.js against the
#                                        API; nothing is done when dist is newer than every input (the test calls this first)
# Exits non-zero when the tools are missing, or generation or the type-check fails.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
tools=tools/contract-client-ts
spec=api-spec/openapi.json
build=false
case "${1:-}" in
  "") ;;
  --build) build=true ;;
  *) echo "usage: scripts/check-ts-client.sh [--build]" >&2; exit 2 ;;
esac

# The test and a person (or CI) may run this at once: one installs and compiles, the other waits.
exec 9>"$tools/.build.lock"
command -v flock >/dev/null 2>&1 && flock 9

stamp="$tools/dist/.built"
# Everything the output depends on; generated/ and dist/ are outputs, node_modules follows package-lock.json.
inputs() {
  printf '%s\n' "$spec" "$tools/package-lock.json" "$tools/tsconfig.json" scripts/check-ts-client.sh
  find "$tools/src" -path "$tools/src/generated" -prune -o -type f -name '*.ts' -print
}
stale() {
  local input
  while read -r input; do [ "$input" -nt "$stamp" ] && return 0; done < <(inputs)
  return 1
}
if $build && [ -f "$stamp" ] && ! stale; then
  echo "check-ts-client: $tools/dist is up to date"
  exit 0
fi

if [ ! -x "$tools/node_modules/.bin/tsc" ] || [ ! -x "$tools/node_modules/.bin/openapi-typescript" ] \
   || [ "$tools/package-lock.json" -nt "$tools/node_modules/.package-lock.json" ]; then
  command -v npm >/dev/null || { echo "check-ts-client: npm is needed (apt-get install nodejs npm)" >&2; exit 2; }
  (cd "$tools" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) || { echo "check-ts-client: npm ci failed" >&2; exit 2; }
fi

mkdir -p "$tools/src/generated"
echo "== openapi-typescript $spec -> $tools/src/generated/openapi.d.ts"
"$tools/node_modules/.bin/openapi-typescript" "$spec" --output "$tools/src/generated/openapi.d.ts" --silent \
  || { echo "check-ts-client: openapi-typescript failed" >&2; exit 1; }

if ! $build; then
  echo "== tsc --noEmit (strict) -p $tools"
  "$tools/node_modules/.bin/tsc" --noEmit -p "$tools" || { echo "check-ts-client: the TypeScript client does not type-check" >&2; exit 1; }
  echo "check-ts-client: the TypeScript client type-checks against the contract"
  exit 0
fi

# One pass type-checks (the same strict options) and emits; on a type error nothing is written and the stamp stays old.
echo "== tsc (strict) -p $tools --outDir $tools/dist"
rm -f "$stamp"
"$tools/node_modules/.bin/tsc" -p "$tools" --noEmit false --noEmitOnError --rootDir "$tools/src" --outDir "$tools/dist" \
  || { echo "check-ts-client: the TypeScript client does not type-check" >&2; exit 1; }
touch "$stamp"
echo "check-ts-client: the TypeScript client type-checks against the contract; compiled to $tools/dist"
