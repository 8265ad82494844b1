#!/usr/bin/env bash
# The media library with 50,000 photos (issue 16): real small JPEG files made by libvips and their rows in the Media
# module's tables, then the site (Release, SQLite, a process of its own) measured on the library's first page
# (/admin/media, signed in through the desk's form), a search, a deep page and the API (/api/v1/media), each several
# times, printed with the ratio of p95 to the 100 ms target. The site and the generated data are removed at the end.
#   bench/media-library.sh [count] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-50000}
runs=${2:-20}
configuration=${CONFIGURATION:-Release}
dotnet build -c "$configuration" -v q -clp:ErrorsOnly src/Diskominfo.Newsroom
dotnet build -c "$configuration" -v q -clp:ErrorsOnly bench/Diskominfo.Newsroom.Bench
exec dotnet "bench/Diskominfo.Newsroom.Bench/bin/$configuration/net10.0/Diskominfo.Newsroom.Bench.dll" media-library --count "$count" --runs "$runs"
