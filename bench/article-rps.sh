#!/usr/bin/env bash
# Cached article page requests per second against nginx serving the same HTML as a static file (wrk, loopback).
# Target: at least 0.6 of nginx. Installs nginx and wrk from Debian if missing.
#   bench/article-rps.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v nginx >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -q nginx-light >/dev/null
command -v wrk >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null
dotnet build -c Release -v q -clp:ErrorsOnly src/Diskominfo.Newsroom
dotnet build -c Release -v q -clp:ErrorsOnly bench/Diskominfo.Newsroom.Bench
dotnet bench/Diskominfo.Newsroom.Bench/bin/Release/net10.0/Diskominfo.Newsroom.Bench.dll rps --seconds "${1:-10}" --connections "${2:-64}"
