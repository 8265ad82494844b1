#!/usr/bin/env bash
# The archive's search (Lucene.NET with the Indonesian analyzer, the site's own index code) against SQLite FTS5 on
# the same generated corpus of 100,000 clippings, in one run: build time, size, and p50/p95 of 50 fixed queries.
# Targets: query p95 under 20 ms and no slower than FTS5; build no slower than 2x FTS5.
#   bench/search.sh [count]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-100000}
dotnet build -c Release -v q -clp:ErrorsOnly bench/Diskominfo.Newsroom.Bench
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet bench/Diskominfo.Newsroom.Bench/bin/Release/net10.0/Diskominfo.Newsroom.Bench.dll search --count "$count" --dir "$work"
