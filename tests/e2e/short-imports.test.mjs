// scripts/short-imports.mjs on small hand-written modules: which imports are renamed, that the
// module stays valid, and that a glue it cannot match fails instead of guessing. (The e2e
// tests then run the whole panel on the renamed build.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { shortenImports } from "../../scripts/short-imports.mjs";

const GLUE = "./vps-panel_bg.js";
const text = (s) => {
  const bytes = [...new TextEncoder().encode(s)];
  return [bytes.length, ...bytes];
};
const leb = (n) => (n < 0x80 ? [n] : [(n & 0x7f) | 0x80, ...leb(n >> 7)]);
const section = (id, body) => [id, ...leb(body.length), ...body];

/** A module with one function type and these imports (`[module, name, description bytes]`). */
function moduleWith(imports) {
  const entries = imports.flatMap(([module, name, description]) => [...text(module), ...text(name), ...description]);
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, 0x60, 0, 0]),
    ...section(2, [imports.length, ...entries]),
  ]);
}

const FUNCTION = [0x00, 0x00];
const MEMORY_WITH_MAX = [0x02, 0x01, 0x01, 0x02];
const GLOBAL_I32 = [0x03, 0x7f, 0x00];

test("imports from the glue get short names in the module and the glue; others stay", () => {
  const wasm = moduleWith([
    [GLUE, "__wbg_alert_0123456789abcdef", FUNCTION],
    ["env", "memory", MEMORY_WITH_MAX],
    [GLUE, "__wbindgen_cast_fedcba9876543210", FUNCTION],
    ["env", "flag", GLOBAL_I32],
  ]);
  const glue = "return{__proto__:null,\"./vps-panel_bg.js\":{__wbg_alert_0123456789abcdef:function(e){alert(e)},__wbindgen_cast_fedcba9876543210:function(e){return e}}}";

  const out = shortenImports(wasm, glue, GLUE);

  assert.equal(out.renamed, 2);
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(out.wasm));
  assert.deepEqual(imports.map(({ module, name, kind }) => [module, name, kind]), [
    [GLUE, "_0", "function"],
    ["env", "memory", "memory"],
    [GLUE, "_1", "function"],
    ["env", "flag", "global"],
  ]);
  assert.equal(out.glue, "return{__proto__:null,\"./vps-panel_bg.js\":{_0:function(e){alert(e)},_1:function(e){return e}}}");
  assert.ok(out.wasm.length < wasm.length);
});

test("a name the glue does not have exactly once fails", () => {
  const wasm = moduleWith([[GLUE, "__wbg_alert_0123456789abcdef", FUNCTION]]);
  assert.throws(() => shortenImports(wasm, "{}", GLUE), /expected one "__wbg_alert_0123456789abcdef:" in the glue/);
  assert.throws(
    () => shortenImports(wasm, "{__wbg_alert_0123456789abcdef:a,x:{__wbg_alert_0123456789abcdef:b}}", GLUE),
    /found 2/,
  );
});

test("a short name the glue already uses fails", () => {
  const wasm = moduleWith([[GLUE, "__wbg_alert_0123456789abcdef", FUNCTION]]);
  assert.throws(() => shortenImports(wasm, "{__wbg_alert_0123456789abcdef:a,_0:b}", GLUE), /no "_0:"/);
});
