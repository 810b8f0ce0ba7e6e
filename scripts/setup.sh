#!/usr/bin/env bash
# Installs what building and testing need, at pinned versions, and skips what is already there.
# Everything comes from the package registries (crates.io, Debian, npm); nothing else is fetched.
#   scripts/setup.sh         everything (build + browser tests)
#   scripts/setup.sh build   only what building the panel and running the simulator need
#   scripts/setup.sh geckodriver   only geckodriver (the component tests in Firefox, which
#                            test.sh runs when it is installed; not part of "everything")
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"
scope="${1:-all}"

# The cargo-installed tools run for seconds per build, so they are compiled for a quick compile:
# no LTO, many codegen units, light optimisation. Their own release profiles (trunk's is fat LTO
# with one codegen unit) would take several times as long on two cores; what they write is the
# same (docs/build.md).
tool_install() {
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=256 \
    CARGO_PROFILE_RELEASE_OPT_LEVEL="${TOOL_OPT_LEVEL:-1}" CARGO_PROFILE_RELEASE_DEBUG=false \
    cargo install --force "$@"
}

# The installs run side by side, each line of their output marked with the tool's name: one
# compile alone leaves a core idle in its serial stretches (build scripts, proc macros, linking).
install_pids=()
install_names=()
install_in_background() { # name, tool_install arguments...
  local name="$1"
  shift
  step "setup: installing $name (in the background)"
  ( tool_install "$@" 2>&1 | sed -u "s/^/[$name] /" ) &
  install_pids+=($!)
  install_names+=("$name")
}

if [[ "$scope" == geckodriver ]]; then
  if have_version geckodriver "geckodriver $GECKODRIVER_VERSION"; then
    echo "setup: geckodriver $GECKODRIVER_VERSION present"
  else
    # It only relays WebDriver commands to Firefox: compiled unoptimised it serves the tests as
    # well, and compiles in half the CPU time.
    step "setup: installing geckodriver $GECKODRIVER_VERSION"
    TOOL_OPT_LEVEL=0 tool_install --locked "geckodriver@$GECKODRIVER_VERSION"
  fi
  exit 0
fi

if rustup target list --installed | grep -qx "$WASM_TARGET"; then
  echo "setup: $WASM_TARGET target present"
else
  step "setup: adding the $WASM_TARGET target"
  rustup target add "$WASM_TARGET"
fi

if have_version wasm-bindgen "wasm-bindgen $WASM_BINDGEN_VERSION" &&
   have_version wasm-bindgen-test-runner "$WASM_BINDGEN_VERSION"; then
  echo "setup: wasm-bindgen-cli $WASM_BINDGEN_VERSION present"
else
  # Not --locked: one of its locked dependency versions is no longer in the registry. Without
  # its default TLS feature: the test runner talks to the local ChromeDriver over plain http.
  install_in_background "wasm-bindgen-cli $WASM_BINDGEN_VERSION" --no-default-features \
    "wasm-bindgen-cli@$WASM_BINDGEN_VERSION"
fi

if have_version trunk "trunk $TRUNK_VERSION"; then
  echo "setup: trunk $TRUNK_VERSION present"
else
  # Trunk only runs cargo, wasm-bindgen and a few file copies: compiled unoptimised, it builds
  # the same dist/ as fast, and its compile is the longest of the three. Without its default
  # features (TLS, the update check): it runs offline with the tools setup installs, and serves
  # plain http.
  TOOL_OPT_LEVEL=0 install_in_background "trunk $TRUNK_VERSION" --locked --no-default-features \
    "trunk@$TRUNK_VERSION"
fi

# wasm-split-cli has no --version: its version is the one cargo recorded installing.
if grep -qF "wasm_split_cli_support $WASM_SPLIT_VERSION " "${CARGO_HOME:-$HOME/.cargo}/.crates.toml" 2>/dev/null &&
   command -v wasm-split-cli >/dev/null 2>&1; then
  echo "setup: wasm-split-cli $WASM_SPLIT_VERSION present"
else
  install_in_background "wasm-split-cli $WASM_SPLIT_VERSION" \
    --locked "wasm_split_cli_support@$WASM_SPLIT_VERSION" --features build-binary
fi

if ! command -v npm >/dev/null 2>&1; then
  step "setup: installing Node.js and npm from Debian"
  apt-get update && apt-get install -y nodejs npm
fi

# npm ci only when node_modules does not match the committed lock file.
lock_sum="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [[ -f node_modules/.setup-lock-sum && "$(cat node_modules/.setup-lock-sum)" == "$lock_sum" ]]; then
  echo "setup: npm packages match package-lock.json"
else
  step "setup: npm ci (binaryen, esbuild, playwright-core, puppeteer-core, axe-core)"
  npm ci --no-audit --no-fund
  echo "$lock_sum" > node_modules/.setup-lock-sum
fi

if [[ "$scope" != "build" ]]; then
  # The browser for every browser test, and nginx (with brotli_static, for the precompressed
  # assets deploy/nginx.conf serves) for the deployment suite.
  missing=()
  [[ -x "$CHROMIUM_PATH" && -x "$CHROMEDRIVER" ]] || missing+=(chromium chromium-driver)
  # The other engines of the core-flows suite: Firefox ESR (driven over WebDriver BiDi by
  # puppeteer-core) and WebKitGTK (WebKitWebDriver and its MiniBrowser, which needs a display:
  # Xvfb under xvfb-run).
  [[ -x "$FIREFOX_PATH" ]] || missing+=(firefox-esr)
  command -v WebKitWebDriver >/dev/null 2>&1 && [[ -x "$MINIBROWSER_PATH" ]] || missing+=(webkit2gtk-driver)
  command -v xvfb-run >/dev/null 2>&1 || missing+=(xvfb xauth)
  [[ -x "$NGINX" ]] || missing+=(nginx)
  dpkg -s libnginx-mod-http-brotli-static >/dev/null 2>&1 || missing+=(libnginx-mod-http-brotli-static)
  # A throw-away certificate for the mixed-content suite's https page.
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  # A Bengali font, so the Bengali e2e runs measure layout with real glyphs, not boxes.
  dpkg -s fonts-noto-core >/dev/null 2>&1 || fc-list :lang=bn 2>/dev/null | grep -q . || missing+=(fonts-noto-core)
  if [[ ${#missing[@]} -eq 0 ]]; then
    echo "setup: chromium, chromedriver, firefox-esr, webkit2gtk-driver, xvfb, nginx with brotli_static, openssl and a Bengali font present"
  else
    step "setup: installing Debian's ${missing[*]}"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
  fi
fi

# trunk runs with --offline (so it never downloads tools): crates must be fetched first.
cargo fetch --quiet

for i in "${!install_pids[@]}"; do
  wait "${install_pids[$i]}" || { echo "setup: installing ${install_names[$i]} failed"; exit 1; }
  echo "setup: ${install_names[$i]} installed"
done
