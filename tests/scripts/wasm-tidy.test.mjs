// scripts/wasm-tidy.mjs on small hand-written modules: which imports are renamed, that the
// function table is exported, that the module stays valid, and that a glue it cannot match fails
// instead of guessing. (The e2e tests then run the whole panel on the tidied build.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { exportFunctionTable, shortenImports } from "../../scripts/wasm-tidy.mjs";
import { GLUE, leb, moduleWith, section, text } from "./support.mjs";

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

/** A module with these tables (`[reference type, limits bytes]`) and one exported function. */
function moduleWithTables(tables) {
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, 0x60, 0, 0]),
    ...section(3, [1, 0]),
    ...section(4, [tables.length, ...tables.flatMap(([type, limits]) => [type, ...limits])]),
    ...section(7, [1, ...text("main"), 0x00, 0]),
    ...section(10, [1, 2, 0, 0x0b]),
  ]);
}
const FUNCREF = 0x70;
const EXTERNREF = 0x6f;

test("the function table is exported by name, beside an externref table, and the module stays valid", () => {
  const wasm = exportFunctionTable(moduleWithTables([[EXTERNREF, [0x00, 128, 1]], [FUNCREF, [0x01, 3, 200, 1]]]), "__indirect_function_table");
  const exports = WebAssembly.Module.exports(new WebAssembly.Module(wasm));
  assert.deepEqual(exports, [{ name: "main", kind: "function" }, { name: "__indirect_function_table", kind: "table" }]);
  const { exports: live } = new WebAssembly.Instance(new WebAssembly.Module(wasm));
  assert.equal(live.__indirect_function_table.length, 3, "the funcref table, not the externref one");
});

test("a module with no function table, or two, fails instead of guessing", () => {
  assert.throws(() => exportFunctionTable(moduleWithTables([[EXTERNREF, [0x00, 1]]]), "t"), /expected one function table, found 0/);
  assert.throws(() => exportFunctionTable(moduleWithTables([[FUNCREF, [0x00, 1]], [FUNCREF, [0x00, 2]]]), "t"), /expected one function table, found 2/);
});
