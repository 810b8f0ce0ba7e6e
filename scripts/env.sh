# Sourced by the other scripts: pinned versions and the PATH they need.
# The wasm-bindgen pin must equal `wasm-bindgen = "=X"` in Cargo.toml and Trunk.toml [tools].

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
# Cuts the release wasm into a main module and the chunks of pages opened later (split-link.sh).
WASM_SPLIT_VERSION="0.2.4"
WASM_BINDGEN_VERSION="$(grep -oE '^wasm-bindgen = "=[0-9.]+"' "$REPO_ROOT/Cargo.toml" | grep -oE '[0-9]+\.[0-9]+\.[0-9]+')"
WASM_TARGET="wasm32-unknown-unknown"
# Runs the component tests in Firefox (wasm-bindgen-test-runner drives it through geckodriver).
GECKODRIVER_VERSION="0.37.1"

# binaryen's wasm-opt from npm comes first: Debian's older one produces a broken bundle.
export PATH="$REPO_ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
# trunk must not look for updates or tools on the network.
export TRUNK_SKIP_VERSION_CHECK=true
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
export FIREFOX_PATH="${FIREFOX_PATH:-/usr/bin/firefox-esr}"
export MINIBROWSER_PATH="${MINIBROWSER_PATH:-/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser}"
export NGINX="${NGINX:-/usr/sbin/nginx}"

step() { printf '\n==> %s\n' "$*"; }
have_version() { # command, expected text in its --version output
  # Read whole before matching: `grep -q` stops at the first match, and a tool that prints more
  # (geckodriver's licence) would fail the pipe on SIGPIPE.
  local out
  command -v "$1" >/dev/null 2>&1 && out="$("$1" --version 2>/dev/null)" && grep -qF "$2" <<<"$out"
}

# A TCP port free on loopback right now (for a server whose address must be known in advance).
free_port() {
  node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })'
}

# PORT when nothing listens on it, else a free port.
port_if_free() {
  node -e 'const s = require("net").createServer().once("error", () => console.log(0)).listen(+process.argv[1], "127.0.0.1", () => { console.log(s.address().port); s.close(); })' "$1" \
    | { read -r port; if [[ "$port" == 0 ]]; then free_port; else echo "$port"; fi; }
}
