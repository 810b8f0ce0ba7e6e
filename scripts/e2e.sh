#!/usr/bin/env bash
# End-to-end tests (node's test runner + playwright-core in Debian's Chromium) against the
# simulator serving the release dist/. Build it first: scripts/build-release.sh.
# Each suite (file) starts its own simulator, so suites run side by side: most of their time is
# spent waiting on the simulator's timers, not on the CPU. The soak, the longest suite, starts
# at once beside the others (E2E_JOBS of them at a time, default 5: their time is mostly waiting) instead of last, as node's
# runner would order it. Usage: scripts/e2e.sh [SUITE.test.mjs ...]   (default: every suite)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"
mkdir -p tests/e2e/artifacts
cargo build --quiet -p vps-devapi

if [[ $# -gt 0 ]]; then
  exec node --test --test-concurrency="${E2E_JOBS:-5}" "$@"
fi

soak_log="$(mktemp)"
trap 'rm -f "$soak_log"' EXIT
node --test tests/e2e/soak.test.mjs >"$soak_log" 2>&1 &
soak=$!
# The longest suites start first (node's runner starts files in the order given), so that no
# long one is left running alone at the end; the rest follow in name order.
longest_first=(fleet fleet-soak actions bengali live-status core-flows.webkit core-flows.firefox core-flows.chromium)
others=()
for name in "${longest_first[@]}"; do
  others+=("tests/e2e/$name.test.mjs")
done
for suite in tests/e2e/*.test.mjs; do
  name="$(basename "$suite" .test.mjs)"
  [[ "$name" == soak || " ${longest_first[*]} " == *" $name "* ]] || others+=("$suite")
done
others_status=0
node --test --test-concurrency="${E2E_JOBS:-5}" "${others[@]}" || others_status=$?
soak_status=0
wait "$soak" || soak_status=$?
echo "=== the soak (tests/e2e/soak.test.mjs) ==="
cat "$soak_log"
if ((others_status != 0 || soak_status != 0)); then
  echo "e2e: failed (suites: exit $others_status, soak: exit $soak_status)"
  exit 1
fi
