#!/usr/bin/env bash
# The browser half of the accessibility test of exported pages: Debian's `chromium` (installed with apt when missing,
# like scripts/postgres.sh does for PostgreSQL) and axe-core + puppeteer-core at the versions pinned in
# tools/a11y-check/package-lock.json (installed on first use into tools/a11y-check/node_modules, git-ignored).
#   scripts/a11y-check.sh --install   install what is missing, run nothing (.ci/run calls this before the tests)
#   scripts/a11y-check.sh DIR         print axe's violations for every .html file under DIR as JSON
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tools="$root/tools/a11y-check"

chromium_path() { command -v "${CHROMIUM:-chromium}" 2>/dev/null; }

ensure_chromium() {
  chromium_path >/dev/null && return 0
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo"; else
      echo "a11y-check: chromium is missing. Install it with: sudo apt-get install -y chromium" >&2; return 1
    fi
  fi
  command -v apt-get >/dev/null 2>&1 || { echo "a11y-check: chromium is missing and apt-get is not available; set CHROMIUM to a Chromium binary." >&2; return 1; }
  echo "a11y-check: installing chromium with apt-get…" >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 &&
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >&2 || {
      echo "a11y-check: apt-get could not install chromium." >&2; return 1
    }
  chromium_path >/dev/null
}

ensure_node_tools() {
  if [ ! -d "$tools/node_modules/axe-core" ] || [ ! -d "$tools/node_modules/puppeteer-core" ] \
     || [ "$tools/package-lock.json" -nt "$tools/node_modules/.package-lock.json" ]; then
    command -v npm >/dev/null || { echo "a11y-check: npm is needed (apt-get install nodejs npm)" >&2; return 1; }
    # --ignore-scripts: puppeteer-core downloads no browser anyway; the test uses Debian's chromium.
    (cd "$tools" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2) || { echo "a11y-check: npm ci failed" >&2; return 1; }
  fi
}

# Test classes run in parallel and may both find the tools missing: one installs, the other waits.
exec 9>"$tools/.install.lock"
command -v flock >/dev/null 2>&1 && flock 9
ensure_chromium || exit 2
ensure_node_tools || exit 2
command -v flock >/dev/null 2>&1 && flock -u 9
[ "${1:-}" = "--install" ] && exit 0
[ -d "${1:-}" ] || { echo "usage: scripts/a11y-check.sh --install | DIR" >&2; exit 2; }
CHROMIUM="$(chromium_path)" exec node "$tools/axe-pages.mjs" "$1"
