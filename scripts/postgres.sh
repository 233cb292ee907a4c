#!/usr/bin/env bash
# Functions to find (or install) PostgreSQL's server binaries and run a private cluster in a folder.
# Sourced by scripts/run.sh and .ci/run. PostgreSQL refuses to run as root, so as root the cluster runs
# as the `postgres` system user.

pg_bindir() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$dir/pg_ctl" ] && [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
    pg_config --bindir; return 0
  fi
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

# Installs the server binaries with apt when they are missing, without creating or starting the
# distribution's own cluster (we run our own, in a folder of ours).
pg_ensure_binaries() {
  pg_bindir >/dev/null && return 0
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo"; else
      echo "PostgreSQL server binaries are missing. Install them with: sudo apt-get install -y postgresql" >&2
      return 1
    fi
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "PostgreSQL server binaries are missing and apt-get is not available: install PostgreSQL 15 or newer (initdb, pg_ctl) and put its bin folder on PATH." >&2
    return 1
  fi
  echo "Installing PostgreSQL server binaries with apt-get…" >&2
  $sudo mkdir -p /etc/postgresql-common
  echo "create_main_cluster = false" | $sudo tee /etc/postgresql-common/createcluster.conf >/dev/null
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 &&
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >&2 || {
      echo "apt-get could not install PostgreSQL. Install it by hand: sudo apt-get install -y postgresql" >&2
      return 1
    }
  pg_bindir >/dev/null
}

# Runs a command as the cluster's owner: ourselves, or `postgres` when we are root.
pg_as_owner() {
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# pg_running DATADIR — whether a cluster is already running in DATADIR.
pg_running() {
  local bin
  bin=$(pg_bindir) || return 1
  [ -f "$(realpath -m "$1")/PG_VERSION" ] && pg_as_owner "$bin/pg_ctl" -D "$(realpath -m "$1")" status >/dev/null 2>&1
}

# pg_start_local DATADIR PORT — creates the cluster on first use (trust auth, loopback only), then starts it.
pg_start_local() {
  local data port="$2" bin
  data=$(realpath -m "$1")
  bin=$(pg_bindir) || return 1
  mkdir -p "$data"
  if [ "$(id -u)" = 0 ]; then
    pg_as_owner true
    chown postgres: "$data"
    # postgres must be able to reach the folder through its parents.
    local p="$data"; while [ "$p" != "/" ]; do p=$(dirname "$p"); chmod o+x "$p" 2>/dev/null || true; done
  fi
  chmod 700 "$data"
  if [ ! -f "$data/PG_VERSION" ]; then
    pg_as_owner "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null || return 1
  fi
  if pg_as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    echo "PostgreSQL already running in $data" >&2
    return 0
  fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "Port $port is taken by another program; choose another with TRAININGAPI_PG_PORT (or TRAININGAPI_BENCH_PG_PORT for the benchmark)." >&2
    return 1
  fi
  pg_as_owner "$bin/pg_ctl" -D "$data" -w -t 60 -l "$data/server.log" \
    -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=300" start >/dev/null || {
      echo "PostgreSQL did not start; see $data/server.log" >&2; return 1; }
  echo "PostgreSQL $(cat "$data/PG_VERSION") listening on 127.0.0.1:$port (data in $data)" >&2
}

pg_stop_local() {
  local data="$1" bin
  bin=$(pg_bindir) || return 0
  [ -f "$data/postmaster.pid" ] || return 0
  pg_as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 && echo "PostgreSQL stopped" >&2
}
