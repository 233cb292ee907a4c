#!/usr/bin/env bash
# Runs TrainingApi on http://localhost:5080 (Swagger UI at /swagger) with demo data.
# Without ConnectionStrings__TrainingDb in the environment it starts a PostgreSQL cluster of its own in
# .local/pgdata (kept between runs, git-ignored) and stops it again when the API stops.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=postgres.sh
source "$root/scripts/postgres.sh"

data="$root/.local/pgdata"
port="${TRAININGAPI_PG_PORT:-55432}"
own_cluster=""

cleanup() {
  set +e
  trap - EXIT INT TERM
  if [ -n "${api_pid:-}" ]; then kill -TERM "$api_pid" 2>/dev/null; wait "$api_pid" 2>/dev/null; fi
  if [ -n "$own_cluster" ]; then pg_stop_local "$data"; fi
  exit 0
}
trap cleanup EXIT INT TERM

if [ -z "${ConnectionStrings__TrainingDb:-}" ]; then
  pg_ensure_binaries
  # A cluster another run.sh started stays up when this one stops.
  pg_running "$data" || own_cluster=1
  pg_start_local "$data" "$port"
  export ConnectionStrings__TrainingDb="Host=127.0.0.1;Port=$port;Database=trainingapi;Username=postgres"
fi

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://localhost:5080}"
export DemoData__Load="${DemoData__Load:-true}"

dotnet build "$root/src/TrainingApi/TrainingApi.csproj" -c Debug --nologo -v q -clp:ErrorsOnly
# Run the built program directly (not `dotnet run`) so that stopping this script stops the API itself.
cd "$root/src/TrainingApi"
dotnet bin/Debug/net10.0/TrainingApi.dll &
api_pid=$!
wait "$api_pid"
