#!/usr/bin/env bash
# The search budget: no anonymous search costs more than 200 ms of server time, whatever its text. Starts the real
# site (Release, SQLite) on 100,000 generated clippings (its own index build), sends a catalogue of hostile queries
# (regular expressions, ranges, fuzzy and boost operators, field names, wildcards, 20 prefixes, 20-word phrases,
# deep pages, huge sizes, 10,000 characters, control characters...) to /cari?q= and /api/v1/search, and prints per
# kind the status, p95 and max response time on loopback, and the slowest against the budget. Exit 1 if any kind is
# over the budget or answered 5xx. Stops the site and removes its data at the end, and when interrupted.
#   bench/hostile-search.sh [count] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release -v q -clp:ErrorsOnly src/Diskominfo.Newsroom
dotnet build -c Release -v q -clp:ErrorsOnly bench/Diskominfo.Newsroom.Bench
exec dotnet bench/Diskominfo.Newsroom.Bench/bin/Release/net10.0/Diskominfo.Newsroom.Bench.dll hostile-search --count "${1:-100000}" --runs "${2:-10}"
