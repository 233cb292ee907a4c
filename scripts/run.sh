#!/usr/bin/env bash
# Runs TrainingApi on http://localhost:5080 (Swagger UI at /swagger) with demo data.
# Without ConnectionStrings__TrainingDb in the environment it starts a PostgreSQL cluster of its own in
# .local/pgdata (kept between runs, git-ignored) and stops it again when the API stops.
#   scripts/run.sh --oidc   also starts the local OpenID Connect provider (scripts/oidc-provider.sh) on port 5090
#                           (TRAININGAPI_OIDC_PORT) and runs the API against it: sign in from Swagger UI with the test
#                           accounts it prints (docs/authentication.md).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=postgres.sh
source "$root/scripts/postgres.sh"

data="$root/.local/pgdata"
port="${TRAININGAPI_PG_PORT:-55432}"
own_cluster=""
oidc=""
[ "${1:-}" = "--oidc" ] && oidc=1

cleanup() {
  set +e
  trap - EXIT INT TERM
  if [ -n "${api_pid:-}" ]; then kill -TERM "$api_pid" 2>/dev/null; wait "$api_pid" 2>/dev/null; fi
  if [ -n "${oidc_pid:-}" ]; then kill -TERM "$oidc_pid" 2>/dev/null; wait "$oidc_pid" 2>/dev/null; fi
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

if [ -n "$oidc" ]; then
  oidc_port="${TRAININGAPI_OIDC_PORT:-5090}"
  api_url="${ASPNETCORE_URLS%%;*}"
  mkdir -p "$root/.local"
  log="$root/.local/oidc-provider.log"
  bash "$root/scripts/oidc-provider.sh" --install
  # Swagger UI may be opened as localhost or 127.0.0.1: both redirect addresses are registered.
  bash "$root/scripts/oidc-provider.sh" "$oidc_port" --api-origin "$api_url" --api-origin "${api_url/localhost/127.0.0.1}" >"$log" 2>&1 &
  oidc_pid=$!
  for _ in $(seq 1 100); do grep -q '^oidc-provider ready' "$log" && break; kill -0 "$oidc_pid" 2>/dev/null || break; sleep 0.1; done
  grep -q '^oidc-provider ready' "$log" || { cat "$log" >&2; echo "run.sh: the OpenID Connect provider did not start" >&2; exit 1; }
  export Auth__Authority="http://127.0.0.1:$oidc_port"
  export Auth__SwaggerUiScopes="openid api"
  cat <<EOF
OpenID Connect provider: $Auth__Authority (log: .local/oidc-provider.log)
In Swagger UI ($api_url/swagger) press Authorize, take the authorization_code flow and sign in as one of these
(password for all: test):
  team         programme-team
  expert       expert
  coordinator  jst-coordinator, TERYT 1201022 (Bochnia)
  advisor      advisor
  ministry     ministry
The Ministry's export system: client credentials, client ministry-export, secret ministry-export-secret.
EOF
fi
# Run the built program directly (not `dotnet run`) so that stopping this script stops the API itself.
cd "$root/src/TrainingApi"
# The service client's role comes from configuration; its name has a dash, which a shell variable's cannot, hence env.
if [ -n "$oidc" ]; then
  env "Auth__ClientRoles__ministry-export=ministry" dotnet bin/Debug/net10.0/TrainingApi.dll &
else
  dotnet bin/Debug/net10.0/TrainingApi.dll &
fi
api_pid=$!
wait "$api_pid"
