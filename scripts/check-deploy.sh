#!/usr/bin/env bash
# Validates deploy/k8s/*.yaml against the Kubernetes API's schemas (kubernetes-models' validators) and the CloudNativePG
# Cluster CRD's schema, and docker-compose.yml against the Compose Specification's schema, with the tools pinned in
# tools/deploy-check/package-lock.json (npm only; the two vendored schemas are in tools/deploy-check/schemas with their
# sources). Run by .ci/run; exits non-zero when a document is invalid or a manifest breaks a promise of docs/operations.md.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tools="$root/tools/deploy-check"
if [ ! -d "$tools/node_modules/kubernetes-models" ] || [ "$tools/package-lock.json" -nt "$tools/node_modules/.package-lock.json" ]; then
  command -v npm >/dev/null || { echo "check-deploy: npm is needed (apt-get install nodejs npm)" >&2; exit 2; }
  (cd "$tools" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) || { echo "check-deploy: npm ci failed" >&2; exit 2; }
fi
node "$tools/check.mjs" "$root"
