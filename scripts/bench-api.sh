#!/usr/bin/env bash
# Sourced by the scripts/bench-*.sh commands: a fresh PostgreSQL cluster and the API (Release, Kestrel, logs at
# Warning) on this machine. Sets $root, $url, $key (the development signing key), $api_pid, $data (the cluster's folder,
# for its CPU) and $client (the command that runs the load generator); stops both on exit.
# With 4 or more cores the load generator is pinned to the last core and the API and PostgreSQL to the others (taskset),
# so the client does not take the server's CPU; with fewer, pinning would leave the server one core, and nothing is pinned.
# TRAININGAPI_BENCH_DB_OPTIONS replaces the connection string's tuning options (empty: Npgsql's defaults).
# Runtime settings for the API only (not the load generator): TRAININGAPI_BENCH_API_ENV="DOTNET_TieredPGO=0 ...".
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$root/scripts/postgres.sh"

data="$root/.local/bench-pgdata"
port="${TRAININGAPI_BENCH_PG_PORT:-55433}"
url="http://127.0.0.1:${TRAININGAPI_BENCH_API_PORT:-5090}"
key=$(head -c 32 /dev/urandom | base64)

bench_cleanup() {
  set +e
  [ -n "${api_pid:-}" ] && kill -TERM "$api_pid" 2>/dev/null && wait "$api_pid" 2>/dev/null
  pg_stop_local "$data"
}
trap bench_cleanup EXIT
# A signal ends the run after the clean-up (a trap alone would let the script carry on).
trap 'bench_cleanup; exit 130' INT
trap 'bench_cleanup; exit 143' TERM

pg_ensure_binaries
[ -d "$data" ] && { pg_stop_local "$data"; rm -rf "$data"; }
pg_start_local "$data" "$port"
cores=$(nproc)
server_cpus=""
client="dotnet"
if [ "$cores" -ge 4 ] && command -v taskset >/dev/null 2>&1; then
  server_cpus="0-$((cores - 2))"
  client="taskset -c $((cores - 1)) dotnet"
  # Backends are forked by the postmaster and inherit its affinity.
  taskset -a -p -c "$server_cpus" "$(head -n 1 "$data/postmaster.pid")" >/dev/null
  pinning="load generator pinned to CPU $((cores - 1)), API and PostgreSQL to CPUs $server_cpus"
else
  pinning="nothing pinned: $cores cores, and pinning the load generator to one would leave the API and PostgreSQL one"
fi
# Published as production runs it (ReadyToRun), so a fresh start measures what a deployment's first minute is.
publish="$root/.local/bench-api"
dotnet publish "$root/src/TrainingApi/TrainingApi.csproj" -c Release -o "$publish" --nologo -v q -clp:ErrorsOnly
dotnet build "$root/benchmarks/TrainingApi.Benchmarks/TrainingApi.Benchmarks.csproj" -c Release --nologo -v q -clp:ErrorsOnly

(
  cd "$publish"
  ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$url" \
  ConnectionStrings__TrainingDb="Host=127.0.0.1;Port=$port;Database=trainingapi_bench;Username=postgres${TRAININGAPI_BENCH_DB_OPTIONS-;Maximum Pool Size=100;Max Auto Prepare=50;No Reset On Close=true}" \
  Database__MigrateOnStartup=true Auth__DevelopmentSigningKey="$key" Auth__AllowLocalSigningKey=true Encryption__Key="$(head -c 32 /dev/urandom | base64)" \
  Webhooks__WorkerEnabled=false Logging__LogLevel__Default=Warning \
  exec ${server_cpus:+taskset -c "$server_cpus"} env "Logging__LogLevel__Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware=Warning" ${TRAININGAPI_BENCH_API_ENV:-} dotnet TrainingApi.dll
) &
api_pid=$!
for _ in $(seq 1 120); do curl -sf "$url/health/ready" >/dev/null && break; sleep 0.5; done
curl -sf "$url/health/ready" >/dev/null || { echo "The API did not become ready." >&2; exit 1; }

echo "machine: $cores cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(lscpu 2>/dev/null | awk -F: '/Model name/ {gsub(/^ +/, "", $2); print $2; exit}')"
echo "pinning: $pinning"
bench="$root/benchmarks/TrainingApi.Benchmarks/bin/Release/net10.0/TrainingApi.Benchmarks.dll"
