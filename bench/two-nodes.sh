#!/usr/bin/env bash
# One node and two nodes of the site on one PostgreSQL database and one S3-compatible store (s3rver), with the keys in
# the database, behind nginx's round-robin: cached article requests per second through nginx, and signature-to-live
# p95 on the website. On a 2-core machine two nodes share the same cores, so the figure shows the overhead of a second
# node rather than a gain. Installs nginx, wrk and PostgreSQL from Debian and s3rver from npm when missing; stops
# everything it starts.
#   bench/two-nodes.sh [items] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/debian.sh
need_debian nginx nginx-light
need_debian wrk wrk
need_debian npm nodejs npm
(cd tests/tools && [ -d node_modules/s3rver ] || npm ci --no-audit --no-fund >/dev/null)
dotnet build -c Release -v q -clp:ErrorsOnly src/Diskominfo.Newsroom
dotnet build -c Release -v q -clp:ErrorsOnly bench/Diskominfo.Newsroom.Bench
source bench/postgres.sh
bench_postgres_database nodes
source bench/run.sh
run_bench dotnet bench/Diskominfo.Newsroom.Bench/bin/Release/net10.0/Diskominfo.Newsroom.Bench.dll two-nodes --connection "$BENCH_CONNECTION" --items "${1:-40}" --seconds "${2:-10}"
