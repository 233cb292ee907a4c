#!/usr/bin/env bash
# The RDF half of the open-data tests: n3, jsonld and rdfxml-streaming-parser parse the catalogue's three serialisations,
# and rdf-validate-shacl checks it against the SEMIC DCAT-AP 3.0.1 shapes vendored in tools/dcat-check/shapes (versions
# pinned in tools/dcat-check/package-lock.json, installed on first use into tools/dcat-check/node_modules, git-ignored).
#   scripts/dcat-check.sh --install                      install what is missing, run nothing (.ci/run calls this before the tests)
#   scripts/dcat-check.sh parse turtle|jsonld|rdfxml FILE   print the graph as sorted N-Triples
#   scripts/dcat-check.sh validate FILE.ttl             JSON report; exit 1 when there is any sh:Violation
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tools="$root/tools/dcat-check"

ensure_node_tools() {
  if [ ! -d "$tools/node_modules/rdf-validate-shacl" ] || [ ! -d "$tools/node_modules/n3" ] \
     || [ "$tools/package-lock.json" -nt "$tools/node_modules/.package-lock.json" ]; then
    command -v npm >/dev/null || { echo "dcat-check: npm is needed (apt-get install nodejs npm)" >&2; return 1; }
    (cd "$tools" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2) || { echo "dcat-check: npm ci failed" >&2; return 1; }
  fi
}

# Test classes run in parallel and may both find the tools missing: one installs, the other waits.
exec 9>"$tools/.install.lock"
command -v flock >/dev/null 2>&1 && flock 9
ensure_node_tools || exit 2
command -v flock >/dev/null 2>&1 && flock -u 9
case "${1:-}" in
  --install) exit 0 ;;
  parse) shift; exec node "$tools/parse.mjs" "$@" ;;
  validate) shift; exec node "$tools/validate.mjs" "$@" ;;
  *) echo "usage: scripts/dcat-check.sh --install | parse FORMAT FILE | validate FILE.ttl" >&2; exit 2 ;;
esac
