#!/usr/bin/env bash
# Release build of the panel into dist/ (size-tuned profile, wasm-opt -Oz).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"
trunk build --release --offline
