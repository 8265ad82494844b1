#!/usr/bin/env bash
# The crash loop: a real site process killed with SIGKILL at random moments while it publishes, at least 50 times,
# then left to finish. Prints the duplicates (must be 0) and the lost publications (must be 0).
#   bench/crash.sh [sqlite|postgres] [loops]
# PostgreSQL: uses $NEWSROOM_BENCH_POSTGRES (a server connection string) or starts a throwaway server from Debian's package.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-sqlite}
loops=${2:-50}
dotnet build -c Release -v q -clp:ErrorsOnly src/Diskominfo.Newsroom
dotnet build -c Release -v q -clp:ErrorsOnly bench/Diskominfo.Newsroom.Bench
connection=()
if [ "$db" = postgres ]; then
  source bench/postgres.sh
  bench_postgres_database crash
  connection=(--connection "$BENCH_CONNECTION")
fi
source bench/run.sh
run_bench dotnet bench/Diskominfo.Newsroom.Bench/bin/Release/net10.0/Diskominfo.Newsroom.Bench.dll crash --loops "$loops" --items 2 --db "${db^}" "${connection[@]}"
