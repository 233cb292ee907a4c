#!/usr/bin/env bash
# Benchmark of reads against the platform, in one run: the API (published Release build, Production settings, access log on)
# beside a bare Kestrel process answering the same bytes from memory, and raw Npgsql running the comment page's SQL; alternating
# A/B rounds, medians and ratios as a markdown table, with the CPU per request of the API process against the bare process
# and of PostgreSQL (API against raw Npgsql for the comment page), read from /proc over each side's measured rounds; then the
# API's resident memory after the run and its start-up to /health/ready (migrated database, no demo data, median of 3 starts). A fresh PostgreSQL cluster of its own; about 3 minutes.
# Usage: scripts/bench-reads.sh [--seconds N] [--rounds N] [--connections N] [--only TEXT (requests whose name contains it)]
# Ports: TRAININGAPI_BENCH_PG_PORT (55433), TRAININGAPI_BENCH_API_PORT (5090), TRAININGAPI_BENCH_BARE_PORT (5091).
# Runtime settings for the API only (not the client or the bare side): TRAININGAPI_BENCH_API_ENV="DOTNET_gcServer=0 ...".
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$root/scripts/postgres.sh"

data="$root/.local/bench-reads-pgdata"
publish="$root/.local/bench-reads-api"
log="$root/.local/bench-reads-api.log"
port="${TRAININGAPI_BENCH_PG_PORT:-55433}"
url="http://127.0.0.1:${TRAININGAPI_BENCH_API_PORT:-5090}"
bare_url="http://127.0.0.1:${TRAININGAPI_BENCH_BARE_PORT:-5091}"
key=$(head -c 32 /dev/urandom | base64)
encryption=$(head -c 32 /dev/urandom | base64)
db="Host=127.0.0.1;Port=$port;Database=trainingapi_bench;Username=postgres"

cleanup() {
  set +e
  [ -n "${api_pid:-}" ] && kill -TERM "$api_pid" 2>/dev/null && wait "$api_pid" 2>/dev/null
  pg_stop_local "$data"
}
trap cleanup EXIT INT TERM

pg_ensure_binaries
[ -d "$data" ] && { pg_stop_local "$data"; rm -rf "$data"; }
pg_start_local "$data" "$port"
# The published build is what production runs (ReadyToRun, see TrainingApi.csproj).
dotnet publish "$root/src/TrainingApi/TrainingApi.csproj" -c Release -o "$publish" --nologo -v q -clp:ErrorsOnly
dotnet build "$root/benchmarks/TrainingApi.Benchmarks/TrainingApi.Benchmarks.csproj" -c Release --nologo -v q -clp:ErrorsOnly
bench="$root/benchmarks/TrainingApi.Benchmarks/bin/Release/net10.0/TrainingApi.Benchmarks.dll"

# start_api MIGRATE — starts the API in the background (Production defaults: access log at Information, to a file), sets api_pid
# and ready_ms, the milliseconds from exec to the first 200 from /health/ready.
start_api() {
  local started
  started=$(date +%s%N)
  (
    cd "$publish"
    ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$url" ConnectionStrings__TrainingDb="$db;Maximum Pool Size=100;Max Auto Prepare=50;No Reset On Close=true" \
    Database__MigrateOnStartup="$1" Auth__DevelopmentSigningKey="$key" Auth__AllowLocalSigningKey=true Encryption__Key="$encryption" \
    Webhooks__WorkerEnabled=false RateLimits__AnonymousPerMinute=1000000000 \
    exec env ${TRAININGAPI_BENCH_API_ENV:-} dotnet TrainingApi.dll >>"$log" 2>&1
  ) &
  api_pid=$!
  for _ in $(seq 1 1500); do curl -sf "$url/health/ready" >/dev/null 2>&1 && break; sleep 0.01; done
  curl -sf "$url/health/ready" >/dev/null || { echo "The API did not become ready; see $log." >&2; exit 1; }
  ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))
}

stop_api() { kill -TERM "$api_pid" 2>/dev/null; wait "$api_pid" 2>/dev/null || true; api_pid=""; }

: >"$log"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(lscpu 2>/dev/null | awk -F: '/Model name/ {gsub(/^ +/, "", $2); print $2; exit}')"
start_api true
first=$ready_ms
dotnet "$bench" reads --url "$url" --bare-url "$bare_url" --signing-key "$key" --db "$db" --api-pid "$api_pid" --pg-data "$data" "$@"
rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$api_pid/status")
hwm=$(awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$api_pid/status")
stop_api

starts=()
for _ in 1 2 3; do start_api false; starts+=("$ready_ms"); stop_api; done
median=$(printf '%s\n' "${starts[@]}" | sort -n | sed -n 2p)
echo "| start-up to /health/ready (migrated database, no demo data) | ${median} ms (median of ${starts[*]} ms; first start with migrations ${first} ms) | target < 1500 ms $([ "$median" -lt 1500 ] && echo ✓ || echo ✗) |"
echo "| resident memory of the API after the run | ${rss} MB (peak ${hwm} MB) | no absolute target: growth and the container's limit are measured by scripts/soak.sh and scripts/memory-limit.sh |"
echo "access log lines written during the run: $(wc -l <"$log") (reads up to AccessLog:MaxReadLinesPerSecond a second; see docs/performance.md)"
