// scripts/split-link.sh with stand-ins for rust-lld and wasm-split-cli (scripts that write what
// the real tools write): the link keeps its relocations, the main module takes the linked file's
// place, the chunks land in wasm-split/ beside cargo's output with the main module's hash, and a
// missing tool or output path is a clear error.
import { test } from "node:test";
import assert from "node:assert/strict";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { REPO_ROOT, run, tempDir } from "./support.mjs";

/** A profile directory (`release/deps/`) and a bin/ of stand-in tools; returns their paths. */
function linkerStage({ withSplitter = true } = {}) {
  const root = tempDir();
  const deps = join(root, "release", "deps");
  const bin = join(root, "bin");
  mkdirSync(deps, { recursive: true });
  mkdirSync(bin);
  const tool = (name, body) => {
    writeFileSync(join(bin, name), `#!/usr/bin/env bash\nset -euo pipefail\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };
  // Writes "linked" to the -o path and records its arguments.
  tool("lld", `echo "$@" > "${join(root, "lld-args")}"
out=""; previous=""
for arg in "$@"; do [[ "$previous" == "-o" ]] && out="$arg"; previous="$arg"; done
printf linked > "$out"`);
  if (withSplitter) {
    // wasm-split-cli IN OUTDIR --out-name main: the main module, a chunk and the loader.
    tool("wasm-split-cli", `[[ "$(cat "$1")" == linked ]]
printf main > "$2/main.wasm"; printf chunk > "$2/split_page.wasm"; printf loader > "$2/__wasm_split.js"`);
  }
  const env = { RUST_LLD: join(bin, "lld"), PATH: `${bin}:/usr/bin:/bin` };
  return { root, deps, env };
}

const splitLink = (args, env) => run(join(REPO_ROOT, "scripts/split-link.sh"), args, env);

test("the main module takes the linked file's place and the chunks go to wasm-split/ with its hash", () => {
  const { root, deps, env } = linkerStage();
  const out = join(deps, "vps_panel-abc.wasm");
  const result = splitLink(["--gc-sections", "-o", out, "lib.rlib"], env);
  assert.equal(result.code, 0, result.output);
  assert.match(readFileSync(join(root, "lld-args"), "utf8"), /^--gc-sections -o \S+ lib\.rlib --emit-relocs\n$/);
  assert.equal(readFileSync(out, "utf8"), "main");
  const splitDir = join(root, "release", "wasm-split");
  assert.equal(readFileSync(join(splitDir, "split_page.wasm"), "utf8"), "chunk");
  assert.equal(existsSync(join(splitDir, "main.wasm")), false, "the main module was moved, not copied");
  assert.equal(readFileSync(join(splitDir, "main.sha256"), "utf8").trim(),
    createHash("sha256").update("main").digest("hex"));
});

test("without wasm-split-cli, or without -o, it stops and says why", () => {
  const missing = linkerStage({ withSplitter: false });
  const result = splitLink(["-o", join(missing.deps, "x.wasm")], missing.env);
  assert.equal(result.code, 1);
  assert.match(result.output, /wasm-split-cli is not installed; scripts\/setup\.sh installs it/);

  const { env } = linkerStage();
  const noOutput = splitLink(["lib.rlib"], { ...env, RUST_LLD: "true" });
  assert.equal(noOutput.code, 1);
  assert.match(noOutput.output, /no -o in the linker's arguments/);
});
