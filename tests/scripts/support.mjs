// Shared by the release scripts' unit tests: small hand-written wasm modules, temporary copies of
// fixtures, and running the shell scripts. None of these tests needs a browser or a build.
import { cpSync, mkdtempSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");
export const FIXTURES = join(REPO_ROOT, "tests/scripts/fixtures");

/** The module name under which wasm-bindgen's wasm imports its JS glue. */
export const GLUE = "./vps-panel_bg.js";

export const text = (s) => {
  const bytes = [...new TextEncoder().encode(s)];
  return [bytes.length, ...bytes];
};
export const leb = (n) => (n < 0x80 ? [n] : [(n & 0x7f) | 0x80, ...leb(n >> 7)]);
export const section = (id, body) => [id, ...leb(body.length), ...body];

/** A module with one function type, these imports (`[module, name, description bytes]`) and,
 *  when `exports` names some, that many empty functions exported under those names. */
export function moduleWith(imports, exports = []) {
  const entries = imports.flatMap(([module, name, description]) => [...text(module), ...text(name), ...description]);
  const functions = imports.filter(([, , description]) => description[0] === 0).length;
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, 0x60, 0, 0]),
    ...(imports.length ? section(2, [imports.length, ...entries]) : []),
    ...(exports.length ? section(3, [exports.length, ...exports.map(() => 0)]) : []),
    ...(exports.length ? section(7, [exports.length, ...exports.flatMap((name, i) => [...text(name), 0x00, functions + i])]) : []),
    ...(exports.length ? section(10, [exports.length, ...exports.flatMap(() => [2, 0, 0x0b])]) : []),
  ]);
}

/** A new temporary directory, with a copy of `from` in it when given. */
export function tempDir(from) {
  const dir = mkdtempSync(join(tmpdir(), "vps-panel-scripts-"));
  if (from) cpSync(from, dir, { recursive: true });
  return dir;
}

/** Runs a script (`command` and `args`) with extra `env`; its exit code and output. */
export function run(command, args, env = {}) {
  const result = spawnSync(command, args, { encoding: "utf8", env: { ...process.env, ...env } });
  return { code: result.status, output: `${result.stdout ?? ""}${result.stderr ?? ""}` };
}
