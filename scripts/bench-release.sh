#!/usr/bin/env bash
# Benchmark of release exports: a programme of 5 modules and 40 units taken to `tested`, a release built from it,
# each export (JSON, ZIP bundle, IMS Common Cartridge) timed as built, then published and the public reads of the
# stored files timed, on a fresh API and database on this machine (see scripts/bench-api.sh).
# Usage: scripts/bench-release.sh [--runs N]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-api.sh"
dotnet "$bench" release --url "$url" --signing-key "$key" "$@"
