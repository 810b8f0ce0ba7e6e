#!/usr/bin/env bash
# Component and client tests in headless Chromium (wasm-bindgen-test). The live-API tests
# reach a running simulator through the SIM_URL/SIM_TOKEN baked in at compile time.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"
exec scripts/with-simulator.sh cargo test -p vps-panel --target "$WASM_TARGET" --test browser "$@"
