// Puts a split build's chunks into dist/ (run by finish-dist.mjs). scripts/split-link.sh cut the
// pages marked `#[wasm_split]` out of the main wasm into chunks, written to wasm-split/ beside
// cargo's output with their loader, __wasm_split.js, which the main wasm imports and which
// fetches a chunk the first time its page opens. Here:
//  - the chunks are checked to belong to the wasm trunk built (the linker wrote its hash);
//  - each chunk gets wasm-opt and a name with its content hash (lazy-NAME-HASH.wasm), so a new
//    release never meets an old chunk in a cache; size-report.mjs counts lazy-* apart from a
//    first visit;
//  - the loader (part of every visit: the glue imports it) imports the glue by its real name, is
//    minified and named by its hash (chunk-loader-HASH.js), and the glue imports it by that name;
//  - the text that comes with a chunk (build.rs writes it to lazy-text/ beside cargo's output,
//    each file named by a hash of its content, and the wasm holds those names) is copied in:
//    every file the wasm names, and none it does not.
import { readFileSync, writeFileSync, readdirSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { transformSync } from "esbuild";

/** The module name through which the main wasm imports the chunk loader. */
export const LOADER_MODULE = "./__wasm_split.js";

/** The short content hash in every file name finish-dist.mjs gives. */
export const contentHash = (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 16);

/** Does this (wasm-bindgen output) wasm import the chunk loader, i.e. was it split? */
export function isSplit(wasm) {
  return WebAssembly.Module.imports(new WebAssembly.Module(wasm)).some((i) => i.module === LOADER_MODULE);
}

/**
 * Writes the chunks and their loader into `dist`; returns the glue importing the loader by its
 * new name. `linked` is the wasm cargo linked (before wasm-bindgen), `splitDir` the linker's
 * wasm-split/, `optimise(input, output)` runs wasm-opt as chunks need it.
 */
export function placeChunks({ dist, glueName, glue, linked, splitDir, optimise }) {
  if (!existsSync(join(splitDir, "main.sha256"))) throw new Error(`the wasm imports ${LOADER_MODULE} but ${splitDir} has no chunks: link with scripts/split-link.sh`);
  const expected = readFileSync(join(splitDir, "main.sha256"), "utf8").trim();
  const actual = createHash("sha256").update(readFileSync(linked)).digest("hex");
  if (expected !== actual) throw new Error(`${splitDir} holds the chunks of another link than ${linked}`);

  let loader = readFileSync(join(splitDir, "__wasm_split.js"), "utf8");
  const chunks = readdirSync(splitDir).filter((name) => name.endsWith(".wasm"));
  if (chunks.length === 0) throw new Error(`${splitDir} has a loader but no chunks`);
  const work = mkdtempSync(join(tmpdir(), "split-chunks-"));
  const placed = [];
  try {
    for (const chunk of chunks) {
      const reference = `"./${chunk}"`;
      if (!loader.includes(reference)) throw new Error(`the loader never fetches ${chunk}`);
      const output = join(work, chunk);
      optimise(join(splitDir, chunk), output);
      const bytes = readFileSync(output);
      const name = `lazy-${chunk.replace(/\.wasm$/, "")}-${contentHash(bytes)}.wasm`;
      writeFileSync(join(dist, name), bytes);
      loader = loader.replaceAll(reference, `"./${name}"`);
      placed.push(name);
    }
  } finally {
    rmSync(work, { recursive: true });
  }

  const mainImport = 'from "./main.js"';
  if (loader.split(mainImport).length !== 2) throw new Error(`expected the loader to import the glue once (${mainImport})`);
  loader = loader.replace(mainImport, `from "./${glueName}"`);
  const { code } = transformSync(loader, { loader: "js", minify: true, format: "esm", legalComments: "none" });
  const loaderName = `chunk-loader-${contentHash(code)}.js`;
  writeFileSync(join(dist, loaderName), code);

  const loaderImport = new RegExp(`from\\s*["']${LOADER_MODULE.replace(/[.]/g, "\\.")}["']`, "g");
  const imports = glue.match(loaderImport)?.length ?? 0;
  if (imports === 0) throw new Error(`the glue never imports ${LOADER_MODULE}`);
  return { glue: glue.replace(loaderImport, `from"./${loaderName}"`), files: [loaderName, ...placed] };
}

/** How the main wasm names a file of text that comes with a chunk (build.rs). */
const TEXT_FILE = /lazy-text-[a-z_]+-[a-z]+-[0-9a-f]{16}\.txt/g;

/**
 * Copies the files of text the `wasm` names from `textDir` into `dist`; returns their names. A
 * named file that is missing (text of another build) is refused.
 */
export function placeTexts({ dist, wasm, textDir }) {
  const named = [...new Set(Buffer.from(wasm).toString("latin1").match(TEXT_FILE) ?? [])].sort();
  for (const name of named) {
    if (!existsSync(join(textDir, name))) throw new Error(`the wasm names ${name}, which ${textDir} does not hold: text of another build`);
    writeFileSync(join(dist, name), readFileSync(join(textDir, name)));
  }
  return named;
}
