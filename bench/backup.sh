#!/usr/bin/env bash
# Backup and restore of a generated office: 10,000 press releases with 20,000 photos (small real JPEGs made with NetVips,
# each uploaded through the site's API and checked as in production), then `backup --to` while the site runs (time,
# size) and `restore --from` into an empty data folder and database (time, search index rebuild included).
#   bench/backup.sh [sqlite|postgres] [items] [photos-per-item]
# PostgreSQL: uses $NEWSROOM_BENCH_POSTGRES (a server connection string) or starts a throwaway server from Debian's package.
# Every process it starts (the site, the commands, a throwaway PostgreSQL) is stopped before it ends.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-sqlite}
items=${2:-10000}
photos=${3:-2}
dotnet build -c Release -v q -clp:ErrorsOnly src/Diskominfo.Newsroom
dotnet build -c Release -v q -clp:ErrorsOnly bench/Diskominfo.Newsroom.Bench
connection=()
if [ "$db" = postgres ]; then
  source bench/postgres.sh
  bench_postgres_database backup
  connection=(--connection "$BENCH_CONNECTION")
fi
source bench/run.sh
run_bench dotnet bench/Diskominfo.Newsroom.Bench/bin/Release/net10.0/Diskominfo.Newsroom.Bench.dll backup --items "$items" --photos "$photos" --db "${db^}" "${connection[@]}"
