#!/usr/bin/env bash
# One instance inside the memory limit the Kubernetes manifest gives it (deploy/k8s/40-deployment.yaml), under the mixed load
# of scripts/soak.sh (recruitment burst + partner ingest + exports + public reads at once). Runs the same load twice on a fresh
# API and database each time: without a limit, then with the API started inside a memory cgroup of that limit (the way a
# container runtime starts it, so the runtime reads the limit at start and sizes its heap from it) and with the manifest's
# GC settings (the DOTNET_* variables of the container) in both runs. Prints the limit, what the runtime sees, the peak
# usage the kernel counted, OOM kills, GC collections, and the warm throughput inside the limit against without (>= 95 %).
# Needs root and a memory cgroup (v1 or v2) it may create a child in.
# Usage: scripts/memory-limit.sh [--limit 768Mi (the manifest's)] [--cycles N (12)] [--baseline LOG (an earlier unlimited run)]
#                               [mixed load options, see scripts/soak.sh]
# Ports: TRAININGAPI_BENCH_PG_PORT, TRAININGAPI_BENCH_API_PORT.
set -euo pipefail

# The API's start goes through this mode: join the cgroup, then become the API (same pid, so $api_pid stays right).
if [ "${1:-}" = "--exec-in" ]; then
  echo $$ >"$2/cgroup.procs"
  shift 2
  exec "$@"
fi

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
manifest="$root/deploy/k8s/40-deployment.yaml"
self="$root/scripts/memory-limit.sh"
to_bytes() {
  case "$1" in
    *Gi) echo $(( ${1%Gi} * 1024 * 1024 * 1024 )) ;;
    *Mi) echo $(( ${1%Mi} * 1024 * 1024 )) ;;
    *Ki) echo $(( ${1%Ki} * 1024 )) ;;
    *) echo "$1" ;;
  esac
}
limit=$(awk '/limits:/ {l = 1; next} l && /memory:/ {print $2; exit}' "$manifest")
args=()
cycles=12
baseline=""
while [ $# -gt 0 ]; do
  case "$1" in
    --limit) limit=$2; shift 2 ;;
    --cycles) cycles=$2; shift 2 ;;
    --baseline) baseline=$2; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
limit_bytes=$(to_bytes "$limit")
# The container's GC settings, as the manifest gives them (name/value pairs of DOTNET_* variables).
gc_env=$(awk '/- name: DOTNET_/ {n = $3; getline; v = $2; gsub(/"/, "", v); printf "%s=%s ", n, v}' "$manifest")

# A child of this shell's own memory cgroup (its limits still hold over ours), else one at the top of the hierarchy.
if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
  version=2
  base=/sys/fs/cgroup$(awk -F: '$1 == "0" {print $3}' /proc/self/cgroup)
else
  version=1
  base=/sys/fs/cgroup/memory$(awk -F: '$2 == "memory" {print $3}' /proc/self/cgroup)
fi
group="$base/trainingapi-memory-limit-$$"
mkdir "$group" 2>/dev/null || { group="/sys/fs/cgroup/memory/trainingapi-memory-limit-$$"; [ $version = 1 ] && mkdir "$group"; } || {
  echo "memory-limit: cannot create a memory cgroup (needs root and cgroup v1 or v2 with the memory controller)" >&2; exit 2; }
trap 'rmdir "$group" 2>/dev/null || true' EXIT
if [ $version = 1 ]; then
  echo "$limit_bytes" >"$group/memory.limit_in_bytes"
  read_limit() { cat "$group/memory.limit_in_bytes"; }
  read_peak() { cat "$group/memory.max_usage_in_bytes"; }
  read_ooms() { awk '/oom_kill / {print $2}' "$group/memory.oom_control"; }
  read_failcnt() { cat "$group/memory.failcnt"; }
else
  echo "$limit_bytes" >"$group/memory.max"
  read_limit() { cat "$group/memory.max"; }
  read_peak() { cat "$group/memory.peak" 2>/dev/null || echo 0; }
  read_ooms() { awk '/oom_kill / {print $2}' "$group/memory.events"; }
  read_failcnt() { awk '/^max / {print $2}' "$group/memory.events"; }
fi

run() { # LABEL EXTRA_API_ENV
  local log="$root/.local/memory-limit-$1.log"
  mkdir -p "$root/.local"
  echo "== $1: scripts/soak.sh --cycles $cycles ${args[*]:-} (log: $log)"
  TRAININGAPI_BENCH_API_ENV="$gc_env${TRAININGAPI_BENCH_API_ENV:-} $2" "$root/scripts/soak.sh" --cycles "$cycles" "${args[@]}" >"$log" 2>&1 || true
  grep -E '^(cycle|sample|RSS|growth|GC at|throughput|drift|warm|unexpected|unexpected [0-9])' "$log" | sed 's/^/   /'
  grep -E '^result' "$log" | tail -n 1
}

echo "limit from the manifest's container: $limit ($limit_bytes bytes), cgroup v$version at $group"
echo "GC settings from the manifest: ${gc_env:-none (the runtime's defaults: server GC with DATAS, heap limit 75 % of the cgroup's)}"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
# --baseline LOG reuses the unlimited run of an earlier call (its .local/memory-limit-without-limit.log, copied away).
if [ -n "$baseline" ]; then
  free_run=$(grep -E '^result' "$baseline" | tail -n 1)
else
  free_run=$(run without-limit "")
fi

bench="$root/benchmarks/TrainingApi.Benchmarks/bin/Release/net10.0/TrainingApi.Benchmarks.dll"
# What a .NET process started in the cgroup sees (the API reads it the same way at start; server GC, as the API runs).
probe=$(env $gc_env DOTNET_gcServer=1 "$self" --exec-in "$group" dotnet "$bench" mixed --probe-memory)
# Watch for the API joining the cgroup, and show the kernel's view of it.
( for _ in $(seq 1 600); do pid=$(head -n 1 "$group/cgroup.procs" 2>/dev/null || true)
    if [ -n "$pid" ]; then echo "API pid $pid in $(grep -E 'memory|^0::' "/proc/$pid/cgroup" | head -n 1) — $(tr '\0' ' ' <"/proc/$pid/cmdline")" >"$root/.local/memory-limit-member.txt"; break; fi
    sleep 1; done ) &
watcher=$!
limited_run=$(run with-limit "$self --exec-in $group")
wait "$watcher" 2>/dev/null || true

echo "$free_run"
echo "$limited_run"
free_rps=$(echo "$free_run" | awk '/^result/ {print $3}')
limited_rps=$(echo "$limited_run" | awk '/^result/ {print $3}')
echo
echo "limit                  $limit ($(( $(read_limit) / 1048576 )) MiB set on the cgroup)"
echo "API in the cgroup      $(cat "$root/.local/memory-limit-member.txt" 2>/dev/null || echo "not seen")"
echo "the runtime sees       ${probe#runtime sees: }"
echo "peak usage (kernel)    $(( $(read_peak) / 1048576 )) MiB (memory.max_usage_in_bytes / memory.peak: RSS and page cache of the API)"
echo "peak RSS of the API    $(echo "$limited_run" | awk '/^result/ {for (i = 1; i < NF; i++) if ($i == "peak-rss-mb") print $(i + 1)}') MB without limit: $(echo "$free_run" | awk '/^result/ {for (i = 1; i < NF; i++) if ($i == "peak-rss-mb") print $(i + 1)}') MB"
echo "OOM kills              $(read_ooms) (times the limit was hit: $(read_failcnt))"
echo "gen2 collections       $(echo "$limited_run" | awk '/^result/ {for (i = 1; i < NF; i++) if ($i == "gen2") print $(i + 1)}') inside the limit, $(echo "$free_run" | awk '/^result/ {for (i = 1; i < NF; i++) if ($i == "gen2") print $(i + 1)}') without"
if [ -n "$free_rps" ] && [ -n "$limited_rps" ]; then
  awk -v a="$limited_rps" -v b="$free_rps" 'BEGIN { r = a / b; printf "warm throughput        %.0f req/s inside the limit, %.0f without: %.1f %% (target >= 95 %%) %s\n", a, b, 100 * r, (r >= 0.95 ? "PASS" : "FAIL") }'
else
  echo "warm throughput        a run did not finish (see the logs in .local/memory-limit-*.log): FAIL"
fi
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$(read_ooms)" = "0" ] && [ -n "$limited_rps" ]
