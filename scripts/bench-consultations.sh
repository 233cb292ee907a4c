#!/usr/bin/env bash
# Benchmark of consultation comment ingest: 10,000 comments in batches of 500 from ZMP's API key, one batch after
# another, into a fresh API and database on this machine (see scripts/bench-api.sh). Prints comments per second,
# p50/p99 per batch, the stored count (exact or not) and the API's resident memory after every batch.
# Usage: scripts/bench-consultations.sh [--comments N] [--batch N] [--senders N] [--warmup N]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-api.sh"
$client "$bench" consultations --url "$url" --signing-key "$key" --api-pid "$api_pid" --pg-data "$data" "$@"
