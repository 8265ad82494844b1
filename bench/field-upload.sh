#!/usr/bin/env bash
# Photos from the field: 10 camera JPEGs of about 8 MB (4000 x 3000, with noise) sent over a line throttled to
# 1 Mbit/s each way that drops every connection twice (60 s and 150 s after the sending starts), by
#   (i)  the desk's resumable upload in headless Chromium at phone size (resized in the browser, tus pieces resumed), and
#   (ii) a plain multipart form upload of the same files, a cut file sent again whole.
# Both run at the same time, each through its own throttling proxy (tests/Diskominfo.Newsroom.Harness/WeakLineProxy.cs).
# Prints the seconds of each and their ratio. The site, the proxies and Chromium are stopped at the end.
#   bench/field-upload.sh [count] [MB] [kbit/s] [cuts in s, comma separated]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10}
mb=${2:-8}
kbit=${3:-1000}
cuts=${4:-60,150}
configuration=${CONFIGURATION:-Release}
dotnet build -c "$configuration" -v q -clp:ErrorsOnly src/Diskominfo.Newsroom
dotnet build -c "$configuration" -v q -clp:ErrorsOnly bench/Diskominfo.Newsroom.Bench
exec dotnet "bench/Diskominfo.Newsroom.Bench/bin/$configuration/net10.0/Diskominfo.Newsroom.Bench.dll" field --count "$count" --mb "$mb" --kbit "$kbit" --cuts "$cuts"
