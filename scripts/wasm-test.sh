#!/usr/bin/env bash
# Component and client tests in headless Chromium (wasm-bindgen-test). The live-API tests
# reach a running simulator through the SIM_URL/SIM_TOKEN baked in at compile time, cross-origin.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"
# The runner serves the tests on a fixed address so the simulator can allow that origin (CORS).
runner_port="$(free_port)"
export WASM_BINDGEN_TEST_ADDRESS="127.0.0.1:$runner_port"
export SIM_ALLOW_ORIGIN="http://127.0.0.1:$runner_port"
# The simulator's address and token are compiled into the tests: the same ones each run (the
# port when it is free) leave the test build as it was, so a warm run compiles nothing.
export SIM_PORT="$(port_if_free 18631)" SIM_TOKEN="wasm-test-token"
exec scripts/with-simulator.sh cargo test -p vps-panel --target "$WASM_TARGET" --test browser "$@"
