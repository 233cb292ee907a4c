#!/usr/bin/env bash
# What telemetry costs a request: GET /health/live with ab (apache2-utils), telemetry off (the default), metrics on
# (Prometheus) and tracing plus metrics, against the Release build on a throwaway PostgreSQL. Three runs of 30,000
# requests each after a warm-up; the first runs still include JIT tiering, compare the last ones. Numbers in docs/operations.md.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$root/scripts/postgres.sh"
command -v ab >/dev/null || { echo "measure-telemetry: ab is needed (apt-get install apache2-utils)" >&2; exit 2; }
data=$(mktemp -d)/pg; port=${TRAININGAPI_MEASURE_PG_PORT:-56612}; url=http://127.0.0.1:${TRAININGAPI_MEASURE_API_PORT:-56641}
pg_ensure_binaries
dotnet build "$root/src/TrainingApi/TrainingApi.csproj" -c Release --nologo -v q -clp:ErrorsOnly
pg_start_local "$data" "$port"
key=$(head -c 32 /dev/urandom | base64); enc=$(head -c 32 /dev/urandom | base64)
run() { # label, extra env...
  local label=$1; shift
  ( cd "$root/src/TrainingApi"; exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=$url \
    ConnectionStrings__TrainingDb="Host=127.0.0.1;Port=$port;Database=m;Username=postgres" Database__MigrateOnStartup=true \
    Auth__DevelopmentSigningKey=$key Auth__AllowLocalSigningKey=true Encryption__Key=$enc Webhooks__WorkerEnabled=false \
    RateLimits__AnonymousPerMinute=100000000 Logging__LogLevel__Default=Warning "Logging__LogLevel__Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware=Warning" "$@" \
    dotnet bin/Release/net10.0/TrainingApi.dll ) >"$data/../api.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 120); do curl -sf $url/health/ready >/dev/null && break; sleep 0.5; done
  ab -q -n 5000 -c 16 -k $url/health/live >/dev/null 2>&1   # warm-up
  for i in 1 2 3; do
    echo "$label run $i: $(ab -q -n 30000 -c 16 -k $url/health/live 2>/dev/null | grep -E 'Requests per second|50%' | tr -s ' ' | tr '\n' ' ')"
  done
  kill -TERM $pid; wait $pid 2>/dev/null
}
run "telemetry off (default)"
run "metrics on (Prometheus)" Telemetry__Prometheus__Enabled=true
run "tracing + metrics on" Telemetry__Tracing=true Telemetry__Prometheus__Enabled=true
pg_stop_local "$data"; rm -rf "$(dirname "$data")"
