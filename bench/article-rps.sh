#!/usr/bin/env bash
# Cached article page requests per second against nginx serving the same HTML as a static file (wrk, loopback).
# Targets: at least 0.9 of nginx; with the job server idle, at least 0.95 of the rate with it off. Also prints the
# site's resident memory at rest and under load. The site runs in Production. Installs nginx and wrk if missing.
#   bench/article-rps.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/debian.sh
need_debian nginx nginx-light
need_debian wrk wrk
dotnet build -c Release -v q -clp:ErrorsOnly src/Diskominfo.Newsroom
dotnet build -c Release -v q -clp:ErrorsOnly bench/Diskominfo.Newsroom.Bench
exec dotnet bench/Diskominfo.Newsroom.Bench/bin/Release/net10.0/Diskominfo.Newsroom.Bench.dll rps --seconds "${1:-10}" --connections "${2:-64}"
