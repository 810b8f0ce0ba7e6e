#!/usr/bin/env bash
# Quick start: build the release panel and serve it with the API simulator on one origin.
#   PORT (default 8080) and TOKEN (default devtoken-change-me) may be set in the environment;
#   arguments go to the simulator: `scripts/run.sh --page-size 100 --servers 1000` pages a long list.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"
port="${PORT:-8080}"
token="${TOKEN:-devtoken-change-me}"

scripts/setup.sh build
step "building the panel (release)"
scripts/build-release.sh
step "building the simulator"
cargo build --quiet -p vps-devapi

cat <<MSG

  VPS Panel is running against the local API simulator.
    Open:     http://127.0.0.1:$port/
    Sign in:  $token
  Stop with Ctrl-C.

MSG
exec cargo run --quiet -p vps-devapi -- --port "$port" --dist dist --token "$token" "$@"
