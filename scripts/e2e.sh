#!/usr/bin/env bash
# End-to-end tests (node's test runner + playwright-core in Debian's Chromium) against the
# simulator serving the release dist/. Build it first: scripts/build-release.sh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"
mkdir -p tests/e2e/artifacts
exec scripts/with-simulator.sh node --test --test-concurrency=1 tests/e2e/
