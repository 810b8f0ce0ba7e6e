#!/usr/bin/env bash
# Release build of the panel into dist/ (size-tuned profile; finish-dist.mjs runs wasm-opt).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"
# Pages a first visit does not need are cut into chunks fetched when opened (src/split_pages.rs):
# the `split` feature marks them, the linker wrapper cuts them, finish-dist.mjs places them.
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER="$REPO_ROOT/scripts/split-link.sh" \
  TRUNK_BUILD_FEATURES=split trunk build --release --offline

# No inline script, a CSP <meta>, wasm-opt and the rest (finish-dist.mjs). Its output depends
# only on trunk's output, its scripts and the npm tools, so it is kept under target/ by their
# hash and reused when none of them changed (wasm-opt alone takes about 40 s).
finish_key="$(
  { find dist -type f | sort | xargs sha256sum
    sha256sum scripts/finish-dist.mjs scripts/wasm-tidy.mjs scripts/split-chunks.mjs package-lock.json
    echo "skip=${FINISH_DIST_SKIP:-}"; } | sha256sum | cut -c1-16
)"
finished="target/finished-dist/$finish_key"
if [[ -d "$finished" ]]; then
  rm -rf dist && cp -R "$finished" dist
  echo "build-release: trunk's output is unchanged; finish-dist's result reused ($finished)"
else
  node scripts/finish-dist.mjs dist
  rm -rf target/finished-dist && mkdir -p target/finished-dist && cp -R dist "$finished"
fi
# Then the default deployment: at /, API at config.json's base.
scripts/configure-dist.sh dist --base-path /
