#!/usr/bin/env bash
# Benchmark of the servers list at 1,000 and 10,000 servers (prints a table; see docs/performance.md).
# BENCH_SIZES=1000 limits the sizes. Not part of scripts/test.sh: it measures, it does not judge.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"
scripts/build-release.sh
cargo build --quiet --release -p vps-devapi
exec node bench/servers-list.mjs
