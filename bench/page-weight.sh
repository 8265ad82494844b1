#!/usr/bin/env bash
# Bytes a reader downloads for an article: the HTML, the CSS and the lead photo (phone and desktop width),
# for an article whose photo came from a camera (6000 x 4000, about 10 MB).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release -v q -clp:ErrorsOnly src/Diskominfo.Newsroom
dotnet build -c Release -v q -clp:ErrorsOnly bench/Diskominfo.Newsroom.Bench
exec dotnet bench/Diskominfo.Newsroom.Bench/bin/Release/net10.0/Diskominfo.Newsroom.Bench.dll weight
