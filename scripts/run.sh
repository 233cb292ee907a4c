#!/usr/bin/env bash
# Runs TrainingApi on http://localhost:5080 (Swagger UI at /swagger) with demo data, and once it answers prints a short
# block for a person: the URLs, how to get a token for each role, the demo partner API key and how to stop.
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
  # Ignored, not reset: closing the terminal sends HUP while this runs, and the cluster must still be stopped.
  trap "" INT TERM HUP
  trap - EXIT
  if [ -n "${ready_pid:-}" ]; then kill -TERM "$ready_pid" 2>/dev/null; wait "$ready_pid" 2>/dev/null; fi
  if [ -n "${api_pid:-}" ]; then kill -TERM "$api_pid" 2>/dev/null; wait "$api_pid" 2>/dev/null; fi
  if [ -n "${oidc_pid:-}" ]; then kill -TERM "$oidc_pid" 2>/dev/null; wait "$oidc_pid" 2>/dev/null; fi
  if [ -n "$own_cluster" ]; then pg_stop_local "$data"; fi
  exit 0
}
trap cleanup EXIT INT TERM HUP

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
api_url="${ASPNETCORE_URLS%%;*}"
mkdir -p "$root/.local"
api_log="$root/.local/api.log"
key_file="$root/.local/demo-partner-api-key"

# The block a person needs, once the API answers; printed last, so that start-up lines do not bury it.
print_when_ready() {
  until curl -fs -o /dev/null "$api_url/health/ready"; do
    kill -0 "$api_pid" 2>/dev/null || return 0
    sleep 0.5
  done
  # Demo data shows the partner's key once, when it creates it: kept for the next starts (.local is git-ignored).
  local key roles
  key=$(sed -n 's/^Demo API key of .*X-Api-Key): *//p' "$api_log" | tail -1)
  if [ -n "$key" ]; then (umask 077; printf '%s\n' "$key" >"$key_file"); fi
  if [ -z "$key" ] && [ -f "$key_file" ]; then key=$(cat "$key_file"); fi
  local no_key='(shown once, at the first load of demo data; POST /api/v1/organisations/{id}/api-keys issues another)'
  # The roles a person's token may carry (Roles.TokenRoles; partner is an API key's only).
  roles=$(sed -n '/class Roles/,/TokenRoles/s/^ *public const string [A-Za-z]* = "\(.*\)";/\1/p' "$root/src/TrainingApi/Common/Security/Roles.cs" | grep -vx partner | paste -sd ' ')
  cat <<EOF

───────────────────────────────────────────────────────────────────────────────
TrainingApi is ready
  API         $api_url
  Swagger UI  $api_url/swagger
  Token       ASPNETCORE_ENVIRONMENT=Development dotnet run --project src/TrainingApi -- token <role>
              roles: $roles
  Partner     X-Api-Key: ${key:-$no_key}
EOF
  if [ -n "$oidc" ]; then echo "  Sign in     Swagger UI → Authorize → authorization_code, as an account listed above (password: test)"; fi
  echo "  Stop        Ctrl+C"
  echo "───────────────────────────────────────────────────────────────────────────────"
}

# Run the built program directly (not `dotnet run`) so that stopping this script stops the API itself. Its output also goes
# to .local/api.log, where the demo key is read from; a terminal keeps its colours although the output passes through tee.
cd "$root/src/TrainingApi"
if [ -t 1 ] && [ -z "${NO_COLOR:-}" ]; then export DOTNET_SYSTEM_CONSOLE_ALLOW_ANSI_COLOR_REDIRECTION=1; fi
# The service client's role comes from configuration; its name has a dash, which a shell variable's cannot, hence env.
if [ -n "$oidc" ]; then
  env "Auth__ClientRoles__ministry-export=ministry" dotnet bin/Debug/net10.0/TrainingApi.dll > >(tee "$api_log") &
else
  dotnet bin/Debug/net10.0/TrainingApi.dll > >(tee "$api_log") &
fi
api_pid=$!
print_when_ready &
ready_pid=$!
wait "$api_pid"
