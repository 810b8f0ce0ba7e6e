#!/usr/bin/env bash
# The inner loop, under a minute once built: the native unit tests (the panel's pure logic, the
# router's link handling, the simulator and its contract tests, the calendar) and the release
# scripts' unit tests (tests/scripts/). No browser and no wasm build.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"
cargo test --quiet -p vps-panel -p vps-devapi -p vps-calendar
node --test tests/scripts/
