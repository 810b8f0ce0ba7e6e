#!/usr/bin/env bash
# Benchmarks (each prints a table; see docs/performance.md). Not part of scripts/test.sh: they
# measure, they do not judge.
#   scripts/bench.sh              the servers list at 1,000 and 10,000 servers (BENCH_SIZES=1000
#                                 limits the sizes)
#   scripts/bench.sh fleet-batch  a fleet snapshot batch over 1,000 servers (BENCH_LATENCY_MS,
#                                 default 50)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"
scripts/build-release.sh
cargo build --quiet --release -p vps-devapi
exec node "bench/${1:-servers-list}.mjs"
