#!/usr/bin/env bash
# Time from the Kadis's signature to live on the website, Facebook and Instagram (fake Graph API at 150 ms per call),
# p50 and p95 over 200 items, then the publications per minute one node sustains for a burst of 100 items.
#   bench/publish-latency.sh [sqlite|postgres] [items]
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-sqlite}
items=${2:-200}
dotnet build -c Release -v q -clp:ErrorsOnly src/Diskominfo.Newsroom
dotnet build -c Release -v q -clp:ErrorsOnly bench/Diskominfo.Newsroom.Bench
connection=()
if [ "$db" = postgres ]; then
  source bench/postgres.sh
  bench_postgres_database latency
  connection=(--connection "$BENCH_CONNECTION")
fi
source bench/run.sh
run_bench dotnet bench/Diskominfo.Newsroom.Bench/bin/Release/net10.0/Diskominfo.Newsroom.Bench.dll latency --items "$items" --burst 100 --latency-ms 150 --db "${db^}" "${connection[@]}"
