#!/usr/bin/env bash
# Benchmark of pilot applications, the API beside raw Npgsql, from one command: a fresh PostgreSQL cluster and the published
# API (see scripts/bench-api.sh); every distinct JST of the register applies once (2,807) from 100 concurrent clients to a
# first-come recruitment of capacity 1,000, each API request with its own Idempotency-Key. After a warm-up of API rounds (30 s)
# and a few raw ones, alternating measured rounds (5 per side, the API first in odd rounds): the API over HTTP, and the same
# SQL work by hand in the load generator (TrainingApi.Benchmarks/RawEnrollment.cs: the same transactions, row lock, placement
# statement and rows — application, participant, audit entries, idempotency record, outbox event). Prints, per side, the
# median applications/s and p50/p99 latency, their ratios (targets: throughput >= 0.70 of raw, p99 <= 1.5x raw), the CPU ms
# per application of the API process, the PostgreSQL cluster and the load generator (from /proc), the first 10 s after
# start against the warm median, and whether every round was exact on both sides (exit 1 if not); then a markdown table.
# Usage: scripts/bench-enrollment.sh [--applications N] [--clients N] [--capacity N] [--warmup-seconds N] [--raw-warmup-rounds N]
#                                    [--rounds N] [--show-rows (one row of each table written by each side)]
# Ports: TRAININGAPI_BENCH_PG_PORT (55433), TRAININGAPI_BENCH_API_PORT (5090).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-api.sh"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
status=0
$client "$bench" enrollment --url "$url" --signing-key "$key" --api-pid "$api_pid" --pg-data "$data" \
  --db "Host=127.0.0.1;Port=$port;Database=trainingapi_bench;Username=postgres" "$@" || status=$?
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit $status
