#!/usr/bin/env bash
# The same answer in the same time: median and p95 of API sign-ins with an unknown user and with a wrong password
# (interleaved, against the real site started and stopped here), and their ratio. Target: ratio close to 1.
#   bench/signin-timing.sh [count]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release -v q -clp:ErrorsOnly src/Diskominfo.Newsroom
dotnet build -c Release -v q -clp:ErrorsOnly bench/Diskominfo.Newsroom.Bench
exec dotnet bench/Diskominfo.Newsroom.Bench/bin/Release/net10.0/Diskominfo.Newsroom.Bench.dll signin --count "${1:-200}"
