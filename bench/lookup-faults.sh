#!/usr/bin/env bash
# Never twice during a Meta incident: the crash loop (a real site process killed with SIGKILL at random moments) while
# every Facebook post and Instagram media_publish is made but answered with code 2, and the lookups that should tell
# whether the post exists fail several times in a row (500 with code 2, timeouts, a proxy's 502 page, code 1).
# Prints the lookup failures consumed (at least 200), the duplicates (must be 0) and the lost publications (must be 0).
#   bench/lookup-faults.sh [sqlite|postgres] [loops] [failures per item and channel]
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-sqlite}
loops=${2:-12}
faults=${3:-5}
dotnet build -c Release -v q -clp:ErrorsOnly src/Diskominfo.Newsroom
dotnet build -c Release -v q -clp:ErrorsOnly bench/Diskominfo.Newsroom.Bench
connection=()
if [ "$db" = postgres ]; then
  source bench/postgres.sh
  bench_postgres_database lookups
  connection=(--connection "$BENCH_CONNECTION")
fi
source bench/run.sh
run_bench dotnet bench/Diskominfo.Newsroom.Bench/bin/Release/net10.0/Diskominfo.Newsroom.Bench.dll crash --loops "$loops" --items 2 --db "${db^}" \
  --lookup-faults "$faults" --max-kill-ms 8000 --drain-minutes 6 "${connection[@]}"
