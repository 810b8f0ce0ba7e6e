// scripts/finish-dist.mjs on a hand-made trunk output (index.html with trunk's inline loader, a
// glue, a wasm importing it, the CSS): the loader leaves the page, imports get short names in
// the wasm and the glue together, every integrity attribute matches the bytes served, the CSP
// <meta> is in place, and what it cannot handle fails the build.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { GLUE, REPO_ROOT, run, section, tempDir, text } from "./support.mjs";

const NAME = "vps-panel-0123456789abcdef";
const IMPORT = "__wbg_alert_0123456789abcdef";
/** A wasm that imports `IMPORT` from the glue and exports `main`, which calls it (an import
 *  nothing calls would be removed by wasm-opt). */
const WASM = Uint8Array.from([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  ...section(1, [1, 0x60, 0, 0]),
  ...section(2, [1, ...text(GLUE), ...text(IMPORT), 0x00, 0x00]),
  ...section(3, [1, 0]),
  ...section(7, [1, ...text("main"), 0x00, 1]),
  ...section(10, [1, 4, 0, 0x10, 0x00, 0x0b]),
]);
const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;

/** trunk's output for a panel with one import, as `trunk build --release` writes it. */
function trunkOutput({ extraScript = "" } = {}) {
  const dist = tempDir();
  const glue = `export function __wbg_get_imports() {\n  const imports = {};\n  imports["${GLUE}"] = { ${IMPORT}: function (x) { alert(x); } };\n  return imports;\n}\nexport default async function init() {}\n`;
  const wasm = WASM;
  const css = "body {\n  margin: 0;\n}\n";
  writeFileSync(join(dist, `${NAME}.js`), glue);
  writeFileSync(join(dist, `${NAME}_bg.wasm`), wasm);
  writeFileSync(join(dist, "main-00aa.css"), css);
  writeFileSync(join(dist, "index.html"), `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <base href="/" />
<script type="module">
import init, * as bindings from './${NAME}.js';
const wasm = await init({ module_or_path: './${NAME}_bg.wasm' });
</script>${extraScript}
    <link rel="stylesheet" href="./main-00aa.css" integrity="${sri(css)}"/>
  <link rel="modulepreload" href="./${NAME}.js" crossorigin="anonymous" integrity="${sri(glue)}"><link rel="preload" href="./${NAME}_bg.wasm" crossorigin="anonymous" integrity="${sri(wasm)}" as="fetch" type="application/wasm"></head>
  <body></body>
</html>
`);
  return dist;
}

const finishDist = (dist, env) => run("node", [join(REPO_ROOT, "scripts/finish-dist.mjs"), dist], env);
const read = (dist, name) => readFileSync(join(dist, name));

test("the loader moves to boot-<hash>.js, the CSP meta is added, and every integrity matches", () => {
  const dist = trunkOutput();
  const result = finishDist(dist);
  assert.equal(result.code, 0, result.output);
  const html = read(dist, "index.html").toString();
  assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>/, "no inline script");
  const boot = html.match(/<script type="module" src="\.\/(boot-[0-9a-f]{16}\.js)"><\/script>/)?.[1];
  assert.ok(boot, html);
  assert.match(read(dist, boot).toString(), /await init\(\{ module_or_path: '\.\/vps-panel-0123456789abcdef_bg\.wasm' \}\)/);
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="">/);
  for (const name of ["main-00aa.css", `${NAME}.js`, `${NAME}_bg.wasm`]) {
    const integrity = html.match(new RegExp(`href="\\./${name.replace(/\./g, "\\.")}"[^>]*integrity="([^"]+)"`))?.[1];
    assert.equal(integrity, sri(read(dist, name)), name);
  }
});

test("imports get short names in the wasm and the glue together; the CSS and glue are minified", () => {
  const dist = trunkOutput();
  assert.equal(finishDist(dist).code, 0);
  const module = new WebAssembly.Module(read(dist, `${NAME}_bg.wasm`));
  assert.deepEqual(WebAssembly.Module.imports(module).map((i) => [i.module, i.name]), [[GLUE, "_0"]]);
  const glue = read(dist, `${NAME}.js`).toString();
  assert.match(glue, /_0:/);
  assert.doesNotMatch(glue, new RegExp(IMPORT));
  assert.equal(read(dist, "main-00aa.css").toString().trim(), "body{margin:0}");
});

test("FINISH_DIST_SKIP leaves a step out, and an unknown step is refused", () => {
  const dist = trunkOutput();
  assert.equal(finishDist(dist, { FINISH_DIST_SKIP: "short-imports,minify" }).code, 0);
  const module = new WebAssembly.Module(read(dist, `${NAME}_bg.wasm`));
  assert.deepEqual(WebAssembly.Module.imports(module).map((i) => i.name), [IMPORT]);
  assert.match(read(dist, "main-00aa.css").toString(), /margin: 0;/);
  const refused = finishDist(trunkOutput(), { FINISH_DIST_SKIP: "gzip" });
  assert.equal(refused.code, 1);
  assert.match(refused.output, /no step "gzip"/);
});

test("a page with a second inline script fails instead of guessing which is trunk's", () => {
  const result = finishDist(trunkOutput({ extraScript: "\n<script type=\"module\">console.log(1)</script>" }));
  assert.equal(result.code, 1);
  assert.match(result.output, /expected trunk's one inline loader script/);
});

test("every asset is written precompressed beside it, and index.html is not", () => {
  const dist = trunkOutput();
  assert.equal(finishDist(dist).code, 0);
  const names = readdirSync(dist);
  const assets = names.filter((name) => /\.(wasm|js|css)$/.test(name));
  assert.equal(assets.length, 4, names.join(", ")); // boot, glue, wasm, css
  for (const name of assets) {
    const bytes = read(dist, name);
    assert.deepEqual(brotliDecompressSync(read(dist, `${name}.br`)), bytes, `${name}.br`);
    assert.deepEqual(gunzipSync(read(dist, `${name}.gz`)), bytes, `${name}.gz`);
  }
  // configure-dist.sh rewrites these at deploy time: a compressed copy would go stale.
  assert.ok(!names.some((name) => /^(index\.html|config\.json)\.(br|gz)$/.test(name)), names.join(", "));
});
