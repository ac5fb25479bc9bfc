#!/usr/bin/env bash
# Measures the first stress run of a fresh `qm serve` against the runs after it (the JIT's share of a first
# run). Usage: bench/scripts/first-stress-run.sh [QM_DLL_DIR] [RUNS] [SERVE_OPTION...]; prints the seconds of each run and the
# ratio first / median of the later ones, and the server's start-up warm-up line (pass --no-warm-up to measure without it). Runs use the book's own paths and seed. Each run's time is from POST to a succeeded status, polled every 50 ms.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dir="${1:-$root/.qm-build}"
runs="${2:-5}"
shift $(( $# < 2 ? $# : 2 ))
dir="$(cd "$dir" && pwd)"
server=""
work="$(mktemp -d)"
port=$((20000 + RANDOM % 20000))
trap 'if [[ -n "$server" ]]; then kill "$server" 2>/dev/null || true; fi; rm -rf "$work"' EXIT
cd "$work"
key=$(dotnet "$dir/qm.dll" keys create --role admin 2>/dev/null)
dotnet "$dir/qm.dll" serve --seed "$root/examples/neutral-cloud-2026.yaml" --urls "http://127.0.0.1:$port" "$@" >"$work/server.log" 2>&1 &
server=$!
deadline=$((SECONDS + 120))
# Ready (database and schema checked), not just alive.
until curl -fs "http://127.0.0.1:$port/readyz" >/dev/null; do
  (( SECONDS < deadline )) || { echo "server did not get ready" >&2; exit 1; }
  sleep 0.2
done
book=$(curl -fs -H "Authorization: Bearer $key" "http://127.0.0.1:$port/api/v1/books" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["book_id"])')
times=()
for i in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  location=$(curl -fs -D - -o /dev/null -X POST -H "Authorization: Bearer $key" "http://127.0.0.1:$port/api/v1/books/$book/stress-runs" | tr -d '\r' | awk 'tolower($1)=="location:" {print $2}')
  deadline=$((SECONDS + 300))
  until curl -fs -H "Authorization: Bearer $key" "http://127.0.0.1:$port$location" | grep -q '"status":"succeeded"'; do
    (( SECONDS < deadline )) || { echo "run $i did not finish" >&2; exit 1; }
    sleep 0.05
  done
  end=$(date +%s.%N)
  times+=("$(echo "$end - $start" | bc)")
  echo "run $i: ${times[-1]} s"
done
grep -o 'Stress path warmed up.*' "$work/server.log" || echo "no start-up warm-up (--no-warm-up)"
python3 -c "import statistics,sys; t=[float(x) for x in sys.argv[1:]]; print(f'first / median of later runs: {t[0]/statistics.median(t[1:]):.2f}')" "${times[@]}"
