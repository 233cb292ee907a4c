#!/usr/bin/env bash
# Benchmark of pilot applications: 3,000 applications from 100 concurrent clients at one first-come recruitment
# of a fresh API and database on this machine (see scripts/bench-api.sh), after a warm-up of the same rounds at other
# recruitments (30 s by default), in several measured rounds. Prints applications per second,
# p50/p99 latency and the accepted/waitlisted counts (exact or not).
# Usage: scripts/bench-enrollment.sh [--applications N] [--clients N] [--capacity N] [--warmup-seconds N] [--rounds N]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-api.sh"
$client "$bench" enrollment --url "$url" --signing-key "$key" --api-pid "$api_pid" --pg-data "$data" "$@"
