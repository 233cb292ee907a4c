#!/usr/bin/env bash
# Scale-out, proven with real parts on one machine: a PostgreSQL primary with a streaming replica (pg_basebackup -R),
# three API instances (Release, Production) and nginx (Debian's package) in front, then the checks of
# benchmarks/TrainingApi.Benchmarks/ScaleOutChecks.cs: the 200-JST enrollment race (exactly 50 places), webhook deliveries
# counted by a receiver while one instance is killed, catalogue reads from the replica (with the measured lag), a publication
# while the replica applies commits 3 s late (recovery_min_apply_delay, set for that check only: no instance may serve the old
# latest through nginx after the publisher's answer), and the partner rate limit across instances. Prints one line per check and
# `scale-out: N/5 checks held`; exits 1 if one failed.
# Ports: TRAININGAPI_SCALE_PORT_BASE (default 56600) + 10/11 PostgreSQL, +21..23 API, +80 nginx, +90 webhook receiver.
# Everything runs under .local/scale-out and is stopped on exit. Not part of .ci/run (about 2–4 minutes, most of it builds).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$root/scripts/postgres.sh"

base="${TRAININGAPI_SCALE_PORT_BASE:-56600}"
work="$root/.local/scale-out"
primary_port=$((base + 10)); replica_port=$((base + 11)); nginx_port=$((base + 80)); receiver_port=$((base + 90))
api_ports=($((base + 21)) $((base + 22)) $((base + 23)))
partner_limit=60
key=$(head -c 32 /dev/urandom | base64)
encryption=$(head -c 32 /dev/urandom | base64)
pids=()

cleanup() {
  set +e
  [ -f "$work/nginx.pid" ] && kill -QUIT "$(cat "$work/nginx.pid")" 2>/dev/null
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do { wait "$pid"; } 2>/dev/null; done
  pg_stop_local "$work/replica"
  pg_stop_local "$work/primary"
}
trap cleanup EXIT INT TERM

sudo=""; [ "$(id -u)" != 0 ] && sudo="sudo"
if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
  echo "Installing nginx with apt-get…" >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx-light >&2
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
pg_ensure_binaries
bin=$(pg_bindir)

# Fresh clusters: the primary, then the replica cloned from it with its standby settings written (-R).
rm -rf "$work" 2>/dev/null || { pg_stop_local "$work/replica"; pg_stop_local "$work/primary"; rm -rf "$work"; }
mkdir -p "$work"
pg_start_local "$work/primary" "$primary_port"
mkdir -p "$work/replica"; [ "$(id -u)" = 0 ] && chown postgres: "$work/replica"; chmod 700 "$work/replica"
pg_as_owner "$bin/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U postgres -D "$work/replica" -R -X stream -c fast
pg_start_local "$work/replica" "$replica_port"

echo "Building (Release)…" >&2
dotnet build "$root/src/TrainingApi/TrainingApi.csproj" -c Release --nologo -v q -clp:ErrorsOnly
dotnet build "$root/benchmarks/TrainingApi.Benchmarks/TrainingApi.Benchmarks.csproj" -c Release --nologo -v q -clp:ErrorsOnly

db="Host=127.0.0.1;Port=$primary_port;Database=trainingapi;Username=postgres;Maximum Pool Size=60"
readonly_db="Host=127.0.0.1;Port=$replica_port;Database=trainingapi;Username=postgres;Application Name=trainingapi-readonly"
start_api() { # start_api PORT MIGRATE_AND_DEMO
  (
    cd "$root/src/TrainingApi"
    exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$1" \
      ConnectionStrings__TrainingDb="$db" ConnectionStrings__TrainingDbReadOnly="$readonly_db" \
      Database__MigrateOnStartup="$2" DemoData__Load="$2" \
      Auth__DevelopmentSigningKey="$key" Auth__AllowLocalSigningKey=true Encryption__Key="$encryption" \
      Webhooks__AllowInsecureUrls=true Webhooks__PollIntervalMilliseconds=200 RateLimits__PartnerPerMinute="$partner_limit" \
      ForwardedHeaders__KnownProxies__0=127.0.0.1 PublicBaseUrl="http://127.0.0.1:$nginx_port" \
      Logging__LogLevel__Default=Warning "Logging__LogLevel__Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware=Warning" \
      dotnet bin/Release/net10.0/TrainingApi.dll
  ) >"$work/api-$1.log" 2>&1 &
  pids+=($!)
}
wait_ready() { for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$1/health/ready" >/dev/null && return 0; sleep 0.5; done; echo "API on $1 not ready; see $work/api-$1.log" >&2; return 1; }

# The first instance migrates and loads the demo data (a published release for the catalogue); the others join it.
start_api "${api_ports[0]}" true; wait_ready "${api_ports[0]}"
start_api "${api_ports[1]}" false; start_api "${api_ports[2]}" false
wait_ready "${api_ports[1]}"; wait_ready "${api_ports[2]}"

mkdir -p "$work/nginx"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body; proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi; uwsgi_temp_path $work/nginx/uwsgi; scgi_temp_path $work/nginx/scgi;
  upstream api { $(for p in "${api_ports[@]}"; do printf 'server 127.0.0.1:%s max_fails=1 fail_timeout=5s; ' "$p"; done) keepalive 32; }
  server {
    listen 127.0.0.1:$nginx_port;
    location / {
      proxy_pass http://api;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      add_header X-Upstream \$upstream_addr always;
    }
  }
}
CONF
"$nginx_bin" -t -q -c "$work/nginx/nginx.conf" -p "$work/nginx"
"$nginx_bin" -c "$work/nginx/nginx.conf" -p "$work/nginx"
for _ in $(seq 1 40); do curl -sf "http://127.0.0.1:$nginx_port/health/ready" >/dev/null && break; sleep 0.25; done

echo "machine: $(nproc) cores; PostgreSQL $(cat "$work/primary/PG_VERSION") primary :$primary_port, replica :$replica_port; API :${api_ports[*]}; nginx $("$nginx_bin" -v 2>&1 | sed 's/.*nginx\///') :$nginx_port"
set +e
dotnet "$root/benchmarks/TrainingApi.Benchmarks/bin/Release/net10.0/TrainingApi.Benchmarks.dll" scale-out \
  --url "http://127.0.0.1:$nginx_port" --signing-key "$key" --kill-pid "${pids[1]}" --receiver-port "$receiver_port" \
  --partner-limit "$partner_limit" --primary "${db%;Maximum*}" --replica "Host=127.0.0.1;Port=$replica_port;Database=trainingapi;Username=postgres"
status=$?
exit "$status"
