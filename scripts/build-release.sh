#!/usr/bin/env bash
# Release build of the panel into dist/ (size-tuned profile; finish-dist.mjs runs wasm-opt).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"
# Pages a first visit does not need are cut into chunks fetched when opened (src/split_pages.rs):
# the `split` feature marks them, the linker wrapper cuts them, finish-dist.mjs places them.
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER="$REPO_ROOT/scripts/split-link.sh" \
  TRUNK_BUILD_FEATURES=split trunk build --release --offline
# No inline script, a CSP <meta>, then the default deployment: at /, API at config.json's base.
node scripts/finish-dist.mjs dist
scripts/configure-dist.sh dist --base-path /
