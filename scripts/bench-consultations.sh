#!/usr/bin/env bash
# Benchmark of consultation comment ingest beside raw SQL, into a fresh API and database on this machine (see
# scripts/bench-api.sh): batches of 500 comments from ZMP's API key, one after another, against the same batches written
# by a loop in the benchmark process with Npgsql's binary COPY (one transaction per batch, the submission row, the same
# advisory lock); API and raw rounds alternate. Prints comments per second of each side (medians) and their ratio, p50/p99
# per batch, CPU ms per comment of the API, PostgreSQL and the load generator, the stored count of each side (exact or
# not) and the API's resident memory. With --grow-to N, the comments table is filled with COPY to N/4, N/2 and N rows and
# both sides are measured at each size (N = 1000000 takes several minutes more).
# The partner limit is raised for the run (every batch comes from one key).
# Usage: scripts/bench-consultations.sh [--comments N per round] [--batch N] [--rounds N] [--warmup N] [--grow-to N]
set -euo pipefail
export TRAININGAPI_BENCH_API_ENV="RateLimits__PartnerPerMinute=1000000 ${TRAININGAPI_BENCH_API_ENV:-}"
source "$(dirname "${BASH_SOURCE[0]}")/bench-api.sh"
$client "$bench" consultations --url "$url" --signing-key "$key" --api-pid "$api_pid" --pg-data "$data" \
  --database "Host=127.0.0.1;Port=$port;Database=trainingapi_bench;Username=postgres;Maximum Pool Size=10" "$@"
