#!/usr/bin/env bash
# Release build of the panel into dist/ (size-tuned profile; finish-dist.mjs runs wasm-opt).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"
trunk build --release --offline
# No inline script, a CSP <meta>, then the default deployment: at /, API at config.json's base.
node scripts/finish-dist.mjs dist
scripts/configure-dist.sh dist --base-path /
