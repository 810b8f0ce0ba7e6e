// Prints raw, gzip and brotli sizes of everything a first visit downloads from the release
// dist/ (index.html, config.json, the loader, wasm, JS glue, CSS, icon) and fails over the
// brotli budget. 404.html is left out: it is index.html again, served only for deep links.
// The lazy-* files (scripts/split-chunks.mjs) are listed apart: a page's chunk and its text are
// fetched when that page is first opened, not on a first visit.
// Usage: node scripts/size-report.mjs [dist] [--total]
//   --total prints only the first visit's brotli total in KB and checks no budget.
import { readFileSync, readdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const totalOnly = args.includes("--total");
const dist = args.find((arg) => !arg.startsWith("--")) ?? join(root, "dist");
const budget = JSON.parse(readFileSync(join(root, "scripts/size-budget.json"), "utf8"));
const budgetBytes = budget.brotli_total_kb * 1024;

const served = readdirSync(dist)
  .filter((name) => /\.(wasm|js|css|svg|txt)$/.test(name) || name === "index.html" || name === "config.json")
  .sort();
const isLazy = (name) => name.startsWith("lazy-");
const files = served.filter((name) => !isLazy(name));
const lazyFiles = served.filter(isLazy);
if (!files.some((name) => name.endsWith(".wasm"))) {
  console.error(`size-report: no .wasm in ${dist}; build the release first`);
  process.exit(1);
}

const width = Math.max(40, ...served.map((name) => name.length + 4));
const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(8) + " KB";
const measure = (name) => {
  const data = readFileSync(join(dist, name));
  return {
    name,
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    }).length,
  };
};
const sum = (rows) => rows.reduce(
  (sum, row) => ({ raw: sum.raw + row.raw, gzip: sum.gzip + row.gzip, brotli: sum.brotli + row.brotli }),
  { raw: 0, gzip: 0, brotli: 0 },
);
const rows = files.map(measure);
const total = sum(rows);
if (totalOnly) {
  console.log((total.brotli / 1024).toFixed(1));
  process.exit(0);
}

console.log(`${"file".padEnd(width)}${"raw".padStart(11)}${"gzip".padStart(11)}${"brotli".padStart(11)}`);
for (const row of rows) {
  console.log(`${row.name.padEnd(width)}${kb(row.raw)}${kb(row.gzip)}${kb(row.brotli)}`);
}
console.log(`${"total".padEnd(width)}${kb(total.raw)}${kb(total.gzip)}${kb(total.brotli)}`);
if (lazyFiles.length > 0) {
  console.log("fetched when a page first opens (not in the total):");
  const lazyRows = lazyFiles.map(measure);
  for (const row of lazyRows) {
    console.log(`  ${row.name.padEnd(width - 2)}${kb(row.raw)}${kb(row.gzip)}${kb(row.brotli)}`);
  }
  const chunks = sum(lazyRows);
  console.log(`  ${"all of them".padEnd(width - 2)}${kb(chunks.raw)}${kb(chunks.gzip)}${kb(chunks.brotli)}`);
}
console.log(`budget: ${budget.brotli_total_kb} KB brotli (scripts/size-budget.json)`);
if (total.brotli > budgetBytes) {
  console.error(`size-report: over budget by ${((total.brotli - budgetBytes) / 1024).toFixed(1)} KB brotli`);
  process.exit(1);
}
console.log(`size-report: within budget, ${((budgetBytes - total.brotli) / 1024).toFixed(1)} KB to spare`);
