#!/usr/bin/env bash
# Runs a command while the simulator serves dist/ on a loopback port (SIM_PORT, default any
# free one), with short delays and the test-only control endpoints on. The command gets the
# address and token in SIM_URL (http://127.0.0.1:PORT/) and SIM_TOKEN (given, or a random one).
# SIM_ALLOW_ORIGIN (optional) lets pages on that origin call the API cross-origin.
# Lists come in pages of SIM_PAGE_SIZE (default 2), so every suite exercises pagination.
# Usage: scripts/with-simulator.sh COMMAND [ARGS...]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"

token="${SIM_TOKEN:-sim-token-$RANDOM$RANDOM}"
log="$(mktemp)"
cargo build --quiet -p vps-devapi
cors=()
[[ -n "${SIM_ALLOW_ORIGIN:-}" ]] && cors=(--allow-origin "$SIM_ALLOW_ORIGIN")
target/debug/vps-devapi --port "${SIM_PORT:-0}" --dist dist --token "$token" --control "${cors[@]}" \
  --page-size "${SIM_PAGE_SIZE:-2}" \
  --create-delay-ms "${SIM_CREATE_DELAY_MS:-3000}" --restore-delay-ms "${SIM_RESTORE_DELAY_MS:-4000}" \
  >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -f "$log"' EXIT

url=""
for _ in $(seq 1 100); do
  url="$(grep -oE 'http://127\.0\.0\.1:[0-9]+/' "$log" | head -1 || true)"
  [[ -n "$url" ]] && break
  kill -0 "$server" 2>/dev/null || { cat "$log"; echo "with-simulator: the simulator did not start"; exit 1; }
  sleep 0.1
done
[[ -n "$url" ]] || { cat "$log"; echo "with-simulator: no address from the simulator"; exit 1; }

SIM_URL="$url" SIM_TOKEN="$token" "$@"
