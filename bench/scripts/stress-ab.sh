#!/usr/bin/env bash
# A/B of two builds of the stress engine on one thread, alternating them so both see the same machine:
#   bench/scripts/stress-ab.sh BUILD_A BUILD_B [RUNS] [qm bench stress options...]
# BUILD_A and BUILD_B are folders holding Quartermaster.Bench.dll (for example
# `dotnet build bench/Quartermaster.Bench -c Release -o /tmp/a` on each commit). Prints each build's engine CPU
# time per path-month over RUNS runs (default 6), sorted: on a shared machine the run-to-run spread is 10% or
# more, so compare the whole rows, not one figure.
# With PAYOFFS=1 in the environment it compares the runs of payoffs only (StressEngine.Payoffs) instead of the full runs.
set -euo pipefail
a="$1"; b="$2"; runs="${3:-6}"
shift $(( $# < 3 ? $# : 3 ))
declare -A times
for _ in $(seq 1 "$runs"); do
  for build in "$a" "$b"; do
    out=$(dotnet "$build/Quartermaster.Bench.dll" stress --threads 1 --repeat 1 --baseline-paths 2 "$@" 2>&1)
    if [[ -n "${PAYOFFS:-}" ]]; then
      ns=$(grep -m1 '^engine, payoffs only' <<<"$out" | grep -oE 's CPU = [0-9.]+' | awk '{print $4}')
    else
      ns=$(grep '^CPU time' <<<"$out" | grep -oE 'engine [0-9.]+ s = [0-9.]+' | awk '{print $5}')
    fi
    times[$build]="${times[$build]:-} $ns"
  done
done
for build in "$a" "$b"; do
  echo "$build: $(echo ${times[$build]} | tr ' ' '\n' | sort -n | tr '\n' ' ')ns CPU per path-month"
done
