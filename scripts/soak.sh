#!/usr/bin/env bash
# Soak: the mixed load (a recruitment burst, a partner's comment ingest, exports built per request and public reads, all at
# once, in cycles of fixed work; benchmarks/TrainingApi.Benchmarks/MixedLoad.cs) against a fresh published API and database on
# this machine (scripts/bench-api.sh) for 10 minutes. Prints the API's resident memory (VmRSS) and its GC (the runtime's
# metrics on /metrics) every 10 s with the requests done so far per kind, each cycle's time and throughput, and the growth
# of memory with work: RSS after cycle 10 (10x the load) over RSS after cycle 1 (1x), target <= 1.10, PASS/FAIL.
# Usage: scripts/soak.sh [--seconds N (600)] [--cycles N (instead of a time)] [--reads N] [--clients N] [--read-connections N]
#                        [--ingest-batches N] [--export-rounds N] [--sample-seconds N]
# Ports: TRAININGAPI_BENCH_PG_PORT, TRAININGAPI_BENCH_API_PORT. Runtime settings for the API: TRAININGAPI_BENCH_API_ENV.
set -euo pipefail
# Every public read comes from one address, and production serves /metrics (deploy/k8s/20-config.yaml).
export TRAININGAPI_BENCH_API_ENV="RateLimits__AnonymousPerMinute=1000000000 Telemetry__Prometheus__Enabled=true ${TRAININGAPI_BENCH_API_ENV:-}"
source "$(dirname "${BASH_SOURCE[0]}")/bench-api.sh"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); API settings: $TRAININGAPI_BENCH_API_ENV"
status=0
$client "$bench" mixed --url "$url" --signing-key "$key" --api-pid "$api_pid" "$@" || status=$?
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$status"
