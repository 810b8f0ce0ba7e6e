#!/usr/bin/env bash
# What a newcomer meets: scripts/test.sh in a fresh clone of this checkout's HEAD, with an empty
# CARGO_HOME, target directory and npm cache, so that every tool and crate is fetched from the
# registries and compiled. Debian's packages (Chromium, nginx, the font) and rustup's toolchain
# stay as they are. Prints test.sh's seconds per step and in all.
# Usage: scripts/measure-fresh.sh [work dir]    (default: a new temporary directory)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
work="${1:-$(mktemp -d)}"
mkdir -p "$work/cargo-home" "$work/npm-cache" "$work/bin"
git clone --quiet "$REPO_ROOT" "$work/vps-panel"

# rustup's proxies only, so that the tools installed here (trunk, wasm-bindgen…) are not found.
rustup_bin="$(dirname "$(command -v rustup)")"
for tool in cargo rustc rustup rustdoc rustfmt cargo-fmt cargo-clippy clippy-driver; do
  ln -sf "$rustup_bin/$tool" "$work/bin/$tool"
done

cd "$work/vps-panel"
started=$SECONDS
env -i HOME="$HOME" TERM="${TERM:-dumb}" \
  PATH="$work/bin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
  CARGO_HOME="$work/cargo-home" npm_config_cache="$work/npm-cache" \
  scripts/test.sh >"$work/test.log" 2>&1 || { tail -40 "$work/test.log"; exit 1; }
echo "fresh machine, scripts/test.sh (log: $work/test.log):"
grep -E '^--- ' "$work/test.log" | sed 's/^--- /  /'
echo "  in all: $((SECONDS - started)) s"
