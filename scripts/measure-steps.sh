#!/usr/bin/env bash
# What each departure of the release build saves: the first visit's brotli total (size-report)
# of the release build as shipped, then with one step left out at a time. Prints a table; it
# measures, it does not judge (docs/build.md, docs/performance.md). About 6 minutes: the
# one-piece build compiles the panel again, in a target dir of its own.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"
work="$REPO_ROOT/target/measure-steps"
rm -rf "$work"
mkdir -p "$work"

# trunk's output of a build, before finish-dist: $1 = where, then env assignments for the build.
trunk_build() {
  local out="$1"
  shift
  env "$@" trunk build --release --offline --dist "$out" >"$work/trunk.log" 2>&1 ||
    { cat "$work/trunk.log"; exit 1; }
}
# finish-dist and configure-dist on a copy of $1, leaving out the steps in $2; prints the KB.
first_visit_kb() {
  rm -rf "$work/try"
  cp -r "$1" "$work/try"
  FINISH_DIST_SKIP="$2" node scripts/finish-dist.mjs "$work/try" >/dev/null
  scripts/configure-dist.sh "$work/try" --base-path / >/dev/null
  node scripts/size-report.mjs "$work/try" --total
}
row() { # what, KB without it, KB as shipped
  awk -v what="$1" -v without="$2" -v shipped="$3" \
    'BEGIN { printf "| %s | %s KB | %.1f KB |\n", what, without, without - shipped }'
}

split_env=(CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER="$REPO_ROOT/scripts/split-link.sh" TRUNK_BUILD_FEATURES=split)
trunk_build "$work/shipped" "${split_env[@]}"
shipped="$(first_visit_kb "$work/shipped" "")"
echo "first visit as shipped: $shipped KB brotli"
echo
echo "| left out | first visit without it | saved by it |"
echo "|---|---|---|"
for step in minify short-imports download-passes; do
  row "finish-dist: $step" "$(first_visit_kb "$work/shipped" "$step")" "$shipped"
done
# No split: one wasm with every page (the chunks are then part of the first visit).
trunk_build "$work/one-piece" CARGO_TARGET_DIR="$work/target-one-piece"
row "page splitting (one wasm)" "$(first_visit_kb "$work/one-piece" "")" "$shipped"
