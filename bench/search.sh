#!/usr/bin/env bash
# The archive's search (Lucene.NET with the Indonesian analyzer, the site's own index code) against SQLite FTS5 on
# the same generated corpus (100,000 clippings, or the count given; natural text by Zipf's law over 40,000 words, or
# "dense": 150 words, each query word in most clippings, the worst case) in one run: build time and size on disk of both,
# and p50/p95 of 50 fixed queries as the archivists' page runs them (top 20 with snippets, the total and 8 facets,
# under the site's time limit; answers cut at that limit are counted), and how many of those queries read index pages
# back from the disk (and the p95 of the others). At 1,000,000 it needs about 3 GB of memory.
# Targets (issue 18): at 1,000,000 clippings, query p95 under 15 ms with no answer cut, and no slower than FTS5;
# build time no more than FTS5's (ratio <= 1).
# With a folder as third argument, both indexes are left there (for bench ... search-profile --index DIR/lucene).
#   bench/search.sh [count] [natural|dense] [folder]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-100000}
dotnet build -c Release -v q -clp:ErrorsOnly bench/Diskominfo.Newsroom.Bench
corpus=${2:-natural}
if [ -n "${3:-}" ]; then
  work=$3
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
dotnet bench/Diskominfo.Newsroom.Bench/bin/Release/net10.0/Diskominfo.Newsroom.Bench.dll search --count "$count" --dir "$work" --corpus "$corpus"
