// Makes trunk's release output deployable anywhere behind a strict CSP (run by build-release.sh):
//  - moves trunk's inline loader <script> into boot-<hash>.js, so the page has no inline script
//    and its Content-Security-Policy needs no 'unsafe-inline' and no hashes;
//  - adds the CSP <meta> (its policy is written by scripts/configure-dist.sh);
//  - minifies the JS glue and the CSS with esbuild (trunk 0.21 leaves wasm-bindgen's glue as
//    written);
//  - gives the wasm's imports short names in the wasm and the glue (wasm-tidy.mjs), then runs
//    wasm-opt with passes chosen for the compressed size (trunk's is off);
//  - writes the new integrity hashes into index.html;
//  - writes each asset precompressed beside it (name.br, name.gz);
//  - refuses a build with inline scripts or style attributes of its own.
// Asset URLs are already relative (Trunk.toml public_url = "./"): they follow <base href>.
// Usage: node scripts/finish-dist.mjs dist
// FINISH_DIST_SKIP=minify,short-imports,download-passes leaves those steps out, so
// scripts/measure-steps.sh can say what each one saves (docs/build.md).
import { readFileSync, writeFileSync, readdirSync, mkdtempSync, rmSync } from "node:fs";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { transformSync } from "esbuild";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { exportFunctionTable, shortenImports } from "./wasm-tidy.mjs";
import { contentHash, isSplit, placeChunks, placeTexts } from "./split-chunks.mjs";

const dist = process.argv[2] ?? "dist";
const STEPS = ["minify", "short-imports", "download-passes"];
const skipped = new Set((process.env.FINISH_DIST_SKIP ?? "").split(",").filter(Boolean));
const runs = (step) => !skipped.has(step);
const indexPath = join(dist, "index.html");
let html = readFileSync(indexPath, "utf8");
const fail = (reason) => {
  console.error(`finish-dist: ${reason}`);
  process.exit(1);
};
for (const step of skipped) if (!STEPS.includes(step)) fail(`FINISH_DIST_SKIP: no step "${step}" (steps: ${STEPS.join(", ")})`);

/** The integrity attribute of the file's link must match the bytes served. */
const setIntegrity = (name, bytes) => {
  const attribute = new RegExp(`(href="\\./${name.replace(/[.]/g, "\\.")}"[^>]*integrity=")sha384-[^"]*(")`);
  if (!attribute.test(html)) fail(`no integrity attribute for ${name} in ${indexPath}`);
  html = html.replace(attribute, `$1sha384-${createHash("sha384").update(bytes).digest("base64")}$2`);
};

const loaders = [...html.matchAll(/<script type="module"(?: nonce="[^"]*")?>([\s\S]*?)<\/script>/g)];
if (loaders.length !== 1) fail(`expected trunk's one inline loader script in ${indexPath}, found ${loaders.length}`);
const [tag, code] = loaders[0];
if (!code.includes("'./")) fail("the loader imports by absolute URL: set public_url = \"./\" in Trunk.toml");
const boot = `boot-${contentHash(code)}.js`;
writeFileSync(join(dist, boot), code.trim() + "\n");
html = html.replace(tag, `<script type="module" src="./${boot}"></script>`);

// Every visitor downloads these (what minifying saves: docs/build.md). The names keep trunk's
// hash of the source; the integrity attributes must match the bytes served.
const minified = new Map();
for (const name of readdirSync(dist)) {
  const loader = name.endsWith(".css") ? "css" : /^vps-panel-[0-9a-f]+\.js$/.test(name) ? "js" : null;
  if (!loader) continue;
  const source = readFileSync(join(dist, name), "utf8");
  const minify = () => transformSync(source, { loader, minify: true, format: loader === "js" ? "esm" : undefined, legalComments: "none" }).code;
  minified.set(name, runs("minify") ? minify() : source);
}
const names = [...minified.keys()];
const cssName = names.find((name) => name.endsWith(".css"));
const glueName = names.find((name) => name.endsWith(".js"));
if (names.length !== 2 || !cssName || !glueName) fail(`expected the JS glue and the CSS to minify, found ${names.join(", ") || "neither"}`);
writeFileSync(join(dist, cssName), minified.get(cssName));
setIntegrity(cssName, minified.get(cssName));

// The wasm: trunk leaves it as wasm-bindgen wrote it (data-wasm-opt="0" in index.html), so that
// the imports are renamed before wasm-opt (wasm-tidy.mjs; what it saves: docs/build.md).
const wasmName = glueName.replace(/\.js$/, "_bg.wasm");
let tidy;
try {
  const wasm = readFileSync(join(dist, wasmName));
  tidy = runs("short-imports")
    ? shortenImports(wasm, minified.get(glueName), "./vps-panel_bg.js")
    : { wasm, glue: minified.get(glueName), renamed: 0 };
} catch (error) {
  fail(`${wasmName}: ${error.message}`);
}
if (runs("short-imports") && tidy.renamed === 0) fail(`${wasmName}: no imports from the glue to rename (was the glue module renamed?)`);
// -Oz gives the smallest raw wasm but not the smallest download: flattened, re-looped code
// optimised with -Os compresses better, and so do functions ordered by name, which puts the
// copies of one generic function side by side (the "download passes"; what they save:
// docs/build.md). WASM_OPT_NAMES=1 keeps function names, for `twiggy` on a profiling build.
const wasmOpt = fileURLToPath(new URL("../node_modules/.bin/wasm-opt", import.meta.url));
const downloadPasses = runs("download-passes");
const chunkPasses = [...(downloadPasses ? ["--flatten", "--rereloop"] : []), "-Os", "-Os",
  ...(downloadPasses ? ["--reorder-functions-by-name"] : []), "--converge",
  "--low-memory-unused", "--strip-producers", "--strip-target-features"];
if (process.env.WASM_OPT_NAMES === "1") chunkPasses.unshift("-g");
// A chunk shares the main module's memory, which is not zero-filled by the time it arrives.
const passes = [...chunkPasses, "--zero-filled-memory"];
// wasm-split-cli writes a name subsection binaryen does not know (and drops): not worth a line
// per chunk in every build's output. Anything else wasm-opt says is shown.
const knownNoise = /^warning: unknown name subsection with id \d+ at \d+$/;
const optimise = (input, output, passes) => {
  const run = spawnSync(wasmOpt, [input, ...passes, "-o", output], { encoding: "utf8" });
  const said = `${run.stdout ?? ""}${run.stderr ?? ""}`.split("\n").filter((line) => line.trim() && !knownNoise.test(line));
  if (said.length) console.log(said.join("\n"));
  if (run.status !== 0) fail(`wasm-opt on ${input}: ${run.error?.message ?? `exit status ${run.status}`}`);
};
// A release build (`--features split`, scripts/split-link.sh) leaves pages out of the main
// wasm: their chunks come into dist/ here.
let lazyFiles = [];
if (isSplit(tidy.wasm)) {
  const target = process.env.CARGO_TARGET_DIR ?? fileURLToPath(new URL("../target", import.meta.url));
  const profile = join(target, "wasm32-unknown-unknown", "release");
  try {
    tidy.wasm = exportFunctionTable(tidy.wasm, "__indirect_function_table");
    const split = placeChunks({ dist, glueName, glue: tidy.glue, linked: join(profile, "vps-panel.wasm"),
      splitDir: join(profile, "wasm-split"), optimise: (input, output) => optimise(input, output, chunkPasses) });
    tidy.glue = split.glue;
    lazyFiles = [...split.files, ...placeTexts({ dist, wasm: tidy.wasm, textDir: join(profile, "lazy-text") })];
  } catch (error) {
    fail(`split chunks: ${error.message}`);
  }
}
writeFileSync(join(dist, glueName), tidy.glue);
setIntegrity(glueName, tidy.glue);
const work = mkdtempSync(join(tmpdir(), "finish-dist-"));
writeFileSync(join(work, "in.wasm"), tidy.wasm);
optimise(join(work, "in.wasm"), join(work, "out.wasm"), passes);
const optimised = readFileSync(join(work, "out.wasm"));
rmSync(work, { recursive: true });
writeFileSync(join(dist, wasmName), optimised);
setIntegrity(wasmName, optimised);

if (!html.includes('http-equiv="Content-Security-Policy"')) {
  html = html.replace(
    /(<meta charset="utf-8"\s*\/?>)/,
    `$1\n    <meta http-equiv="Content-Security-Policy" content="">`,
  );
}
if (!html.includes('http-equiv="Content-Security-Policy"')) fail("no <meta charset> to put the CSP after");
if (/<script(?![^>]*\ssrc=)[^>]*>/.test(html)) fail("an inline <script> is left: a strict CSP would block it");
if (/\sstyle=/.test(html) || /<style[\s>]/.test(html)) fail("an inline style is left: a strict CSP would block it");

writeFileSync(indexPath, html);

// Visitors get the bytes the size report counts: each asset also as name.br (brotli at quality
// 11, as scripts/size-report.mjs measures) and name.gz (gzip -9), for hosts that serve files
// precompressed (nginx brotli_static / gzip_static, Caddy's `precompressed`). Only the assets:
// index.html and config.json are rewritten by configure-dist.sh at deploy time, and a stale
// compressed copy of them would be served instead.
const assets = readdirSync(dist).filter((name) => /\.(wasm|js|css|svg|txt)$/.test(name));
for (const name of assets) {
  const data = readFileSync(join(dist, name));
  writeFileSync(join(dist, `${name}.br`), brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  }));
  writeFileSync(join(dist, `${name}.gz`), gzipSync(data, { level: 9 }));
}
if (skipped.size) console.log(`finish-dist: left out ${[...skipped].join(", ")}`);
console.log(`finish-dist: loader moved to ${boot}; ${names.join(" and ")} minified; ${tidy.renamed} imports renamed, wasm-opt run; ${lazyFiles.length ? `split: ${lazyFiles.join(", ")}; ` : ""}CSP meta in place; ${assets.length} assets precompressed (.br, .gz)`);
