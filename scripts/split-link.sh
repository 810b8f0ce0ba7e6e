#!/usr/bin/env bash
# The wasm linker of release builds (scripts/build-release.sh sets it for cargo): links with
# rust-lld as rustc would, keeping relocations, then lets wasm-split-cli cut the functions marked
# `#[wasm_split]` (src/split_pages.rs) and what only they reach into chunks of their own. The
# main module takes the linked file's place, so trunk runs wasm-bindgen and the rest as usual;
# the chunks and their loader (__wasm_split.js) go to wasm-split/ beside cargo's output, where
# scripts/finish-dist.mjs picks them up.
set -euo pipefail
command -v wasm-split-cli >/dev/null 2>&1 ||
  { echo "split-link: wasm-split-cli is not installed; scripts/setup.sh installs it" >&2; exit 1; }
# RUST_LLD: another linker in rust-lld's place (the script's own tests give a stand-in).
if [[ -z "${RUST_LLD:-}" ]]; then
  host="$(rustc -vV | sed -n 's/^host: //p')"
  RUST_LLD="$(rustc --print sysroot)/lib/rustlib/$host/bin/rust-lld"
fi
"$RUST_LLD" "$@" --emit-relocs

out=""
previous=""
for arg in "$@"; do
  [[ "$previous" == "-o" ]] && out="$arg"
  previous="$arg"
done
[[ -n "$out" ]] || { echo "split-link: no -o in the linker's arguments" >&2; exit 1; }

# deps/NAME-HASH.wasm -> wasm-split/ in the profile's directory (target/.../release/wasm-split).
split_dir="$(dirname "$out")/../wasm-split"
rm -rf "$split_dir"
mkdir -p "$split_dir"
wasm-split-cli "$out" "$split_dir" --out-name main >/dev/null
mv "$split_dir/main.wasm" "$out"
# finish-dist.mjs checks that these chunks belong to the wasm trunk was given.
sha256sum "$out" | cut -d' ' -f1 >"$split_dir/main.sha256"
