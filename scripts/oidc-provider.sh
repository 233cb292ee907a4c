#!/usr/bin/env bash
# A local OpenID Connect provider (the certified npm package oidc-provider, pinned in tools/oidc-provider/package-lock.json
# and installed on first use into tools/oidc-provider/node_modules, git-ignored) with the test clients and accounts of
# docs/authentication.md. For the tests and `scripts/run.sh --oidc`, never for real sign-ins.
#   scripts/oidc-provider.sh --install              install what is missing, run nothing (.ci/run calls this before the tests)
#   scripts/oidc-provider.sh PORT [--api-origin O]  serve on 127.0.0.1:PORT; prints "oidc-provider ready ISSUER"
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tools="$root/tools/oidc-provider"

ensure_node_tools() {
  if [ ! -d "$tools/node_modules/oidc-provider" ] || [ "$tools/package-lock.json" -nt "$tools/node_modules/.package-lock.json" ]; then
    command -v npm >/dev/null || { echo "oidc-provider: npm is needed (apt-get install nodejs npm)" >&2; return 1; }
    (cd "$tools" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2) || { echo "oidc-provider: npm ci failed" >&2; return 1; }
  fi
}

# Test classes run in parallel and may both find the package missing: one installs, the other waits.
exec 9>"$tools/.install.lock"
command -v flock >/dev/null 2>&1 && flock 9
ensure_node_tools || exit 2
command -v flock >/dev/null 2>&1 && flock -u 9
exec 9>&-
[ "${1:-}" = "--install" ] && exit 0
[[ "${1:-}" =~ ^[0-9]+$ ]] || { echo "usage: scripts/oidc-provider.sh --install | PORT [--api-origin ORIGIN]... [--audience AUD]" >&2; exit 2; }
exec node "$tools/provider.mjs" "$@"
