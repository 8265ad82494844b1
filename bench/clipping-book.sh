#!/usr/bin/env bash
# The monthly clipping book of a month of 300 clippings (issue 16: under 30 s): the clippings are made through the API
# with page-size scans (A4 at 300 dpi, about 1.5 MB each) and signed, then the book is rendered through
# GET /api/v1/reports/clipping-book.pdf twice; prints each time, the pages and size, and the slowest against 30 s.
# The site (Release, SQLite in a temporary data folder) is stopped and its folder deleted at the end.
#   bench/clipping-book.sh [count] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-300}
runs=${2:-2}
configuration=${CONFIGURATION:-Release}
dotnet build -c "$configuration" -v q -clp:ErrorsOnly src/Diskominfo.Newsroom
dotnet build -c "$configuration" -v q -clp:ErrorsOnly bench/Diskominfo.Newsroom.Bench
exec dotnet "bench/Diskominfo.Newsroom.Bench/bin/$configuration/net10.0/Diskominfo.Newsroom.Bench.dll" clipping-book --count "$count" --runs "$runs"
