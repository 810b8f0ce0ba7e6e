// scripts/split-chunks.mjs on a hand-made split: a linked wasm, the linker's record of it, a chunk
// and a loader as wasm-split-cli writes them. Where the chunks go, what they are named, how the
// loader and the glue find each other, and that chunks of another link are refused.
import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { contentHash, isSplit, LOADER_MODULE, placeChunks, placeTexts } from "../../scripts/split-chunks.mjs";
import { GLUE, moduleWith, tempDir } from "./support.mjs";

const GLUE_NAME = "vps-panel-0123456789abcdef.js";
const GLUE_SOURCE = `import * as split from "${LOADER_MODULE}";\nexport function start() { return split; }\n`;
const LOADER = `import { memory } from "./main.js";
export async function load_page() { return [memory, await fetch("./split_page.wasm")]; }
`;

/** A dist/ and the linker's output (the linked wasm, wasm-split/ with one chunk and the loader).
 *  `recorded` is the hash the linker wrote; by default the linked file's own. */
function splitBuild({ recorded, loader = LOADER } = {}) {
  const root = tempDir();
  const dist = join(root, "dist");
  const splitDir = join(root, "wasm-split");
  mkdirSync(dist);
  mkdirSync(splitDir);
  const linked = join(root, "vps-panel.wasm");
  writeFileSync(linked, moduleWith([[GLUE, "__wbg_alert_0123456789abcdef", [0x00, 0x00]]]));
  const hash = recorded ?? createHash("sha256").update(readFileSync(linked)).digest("hex");
  writeFileSync(join(splitDir, "main.sha256"), `${hash}\n`);
  writeFileSync(join(splitDir, "split_page.wasm"), moduleWith([], ["page"]));
  writeFileSync(join(splitDir, "__wasm_split.js"), loader);
  const place = () => placeChunks({ dist, glueName: GLUE_NAME, glue: GLUE_SOURCE, linked, splitDir, optimise: copyFileSync });
  return { dist, place };
}

test("each chunk is named by its content hash, and the loader and the glue import each other by their new names", () => {
  const { dist, place } = splitBuild();
  const { glue, files } = place();

  const chunk = readFileSync(join(dist, files[1]));
  assert.equal(files[1], `lazy-split_page-${contentHash(chunk)}.wasm`);
  const loaderName = files[0];
  const loader = readFileSync(join(dist, loaderName), "utf8");
  assert.equal(loaderName, `chunk-loader-${contentHash(loader)}.js`);
  assert.match(loader, new RegExp(`"\\./${files[1].replace(/\./g, "\\.")}"`), "the loader fetches the named chunk");
  assert.match(loader, new RegExp(`from\\s*"\\./${GLUE_NAME.replace(/\./g, "\\.")}"`), "the loader imports the glue by its name");
  assert.match(glue, new RegExp(`from"\\./${loaderName.replace(/\./g, "\\.")}"`), "the glue imports the loader by its name");
  assert.doesNotMatch(glue, /__wasm_split\.js/);
  assert.deepEqual(readdirSync(dist).sort(), [...files].sort());
});

test("chunks of another link are refused", () => {
  const { place } = splitBuild({ recorded: "0".repeat(64) });
  assert.throws(place, /chunks of another link/);
});

test("a loader that never fetches a chunk, or imports the glue twice, is refused", () => {
  assert.throws(splitBuild({ loader: `import { memory } from "./main.js";\n` }).place, /never fetches split_page\.wasm/);
  const twice = `${LOADER}import { other } from "./main.js";\n`;
  assert.throws(splitBuild({ loader: twice }).place, /import the glue once/);
});

test("a wasm is split when it imports the chunk loader", () => {
  assert.equal(isSplit(moduleWith([[LOADER_MODULE, "load_page", [0x00, 0x00]]])), true);
  assert.equal(isSplit(moduleWith([[GLUE, "__wbg_alert_0123456789abcdef", [0x00, 0x00]]])), false);
});

test("the text files the wasm names are copied, no other; a named file that is missing is refused", () => {
  const root = tempDir();
  const dist = join(root, "dist");
  const textDir = join(root, "lazy-text");
  mkdirSync(dist);
  mkdirSync(textDir);
  const named = "lazy-text-fleet-en-0123456789abcdef.txt";
  const stale = "lazy-text-fleet-en-fedcba9876543210.txt";
  writeFileSync(join(textDir, named), "Batch\u0000Activity");
  writeFileSync(join(textDir, stale), "old");
  const wasm = Buffer.concat([Buffer.from([0, 0x61, 0x73, 0x6d]), Buffer.from(`..${named}..${named}..`)]);
  assert.deepEqual(placeTexts({ dist, wasm, textDir }), [named]);
  assert.deepEqual(readdirSync(dist), [named]);
  assert.equal(readFileSync(join(dist, named), "utf8"), "Batch\u0000Activity");
  const other = Buffer.from("lazy-text-fleet-bn-00000000000000ff.txt");
  assert.throws(() => placeTexts({ dist, wasm: other, textDir }), /does not hold: text of another build/);
});
