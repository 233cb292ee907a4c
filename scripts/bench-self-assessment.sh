#!/usr/bin/env bash
# Benchmark of self-assessment: every canonical JST of the register (2,807 of its 2,873 rows: the gmina rows of the 66 cities
# with county rights are the same JST) seeded through the API, each by its coordinator, with two closed rounds of
# eight respondents, then (a) peer benchmark reads by 50 concurrent coordinators for 20 s (target p95 < 50 ms), (b) 1,000
# respondents submitting within a minute, open loop (target p99 < 200 ms, no errors), (c) closing rounds of 50 respondents
# (target < 200 ms), into a fresh API and database on this machine (see scripts/bench-api.sh). Prints a pass/fail line.
# Every respondent comes from this machine's one address, so the anonymous per-address limit is raised for the run, and the
# per-link limit too (the API's settings only; anything already in TRAININGAPI_BENCH_API_ENV is kept after them).
# Usage: scripts/bench-self-assessment.sh [--jst N] [--seed-concurrency N] [--readers N] [--read-seconds N] [--warmup-seconds N]
#        [--submit-jst N] [--invitations N] [--submit-seconds N] [--close-rounds N] [--close-respondents N]
set -euo pipefail
export TRAININGAPI_BENCH_API_ENV="RateLimits__AnonymousPerMinute=1000000 SelfAssessment__LinkRequestsPerMinute=1000 ${TRAININGAPI_BENCH_API_ENV:-}"
source "$(dirname "${BASH_SOURCE[0]}")/bench-api.sh"
dotnet "$bench" self-assessment --url "$url" --signing-key "$key" "$@"
