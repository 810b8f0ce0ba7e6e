// Benchmark (not a test): the servers list at 1,000 and 10,000 servers, against the simulator
// paging 100 a time, in Debian's Chromium. Prints one table; nothing here passes or fails.
// Usage: scripts/bench.sh   (builds the release and the simulator first); BENCH_DEBUG=1 prints
// each keystroke's times to stderr.
import { cpus } from "node:os";
import { chromium } from "playwright-core";
import { handwrittenList, visibleRows } from "./handwritten-list.mjs";
import { benchSimulator } from "./simulator.mjs";

const TOKEN = "bench-token";
const SIZES = (process.env.BENCH_SIZES ?? "1000,10000").split(",").map(Number);
const KEYSTROKES = 40;
const IDLE_MS = 12_000;

// A long restore keeps one server restoring, so the list refreshes itself during the refresh
// measurement.
const simulator = (servers) => benchSimulator(servers, TOKEN, ["--restore-delay-ms", "600000"]);

/** Until the table's count line says the whole list is in ("Showing 1–50 of … (10,000 in all)"). */
const listComplete = (page, servers) => page.waitForFunction(
  (total) => document.querySelector(".result-count")?.textContent.includes(`${total} in all`),
  servers.toLocaleString("en"), { polling: "raf", timeout: 180_000 });

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};

/** In the page: runs `action`, then waits for the next frame to be painted; milliseconds. */
const timeToPaint = (page, action, arg) => page.evaluate(async ([source, value]) => {
  const run = new Function("value", source);
  const start = performance.now();
  run(value);
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return performance.now() - start;
}, [action, arg]);

/** In the page: runs `action`, then waits until its script work (the panel's reactive updates
 *  run as microtasks) is done, without waiting for a frame; milliseconds. */
const scriptTime = (page, action, arg) => page.evaluate(async ([source, value]) => {
  const run = new Function("value", source);
  const start = performance.now();
  run(value);
  await new Promise((resolve) => setTimeout(resolve, 0));
  return performance.now() - start;
}, [action, arg]);

/** In the page, from sign-in on: when the table's first row was drawn (ms after the click),
 *  checked every frame. Before the list is complete, a drawn row can move as later pages arrive. */
function watchFirstRow() {
  const start = performance.now();
  let firstAt = null;
  const look = () => {
    if (firstAt !== null) return;
    if (document.querySelector(".data-table tbody tr:not([hidden])")) firstAt = performance.now() - start;
    else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
  window.__firstRow = () => firstAt;
}

async function measure(browser, servers) {
  const sim = await simulator(servers);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  try {
    await page.goto(`${sim.url}sign-in`);
    await page.getByLabel("API token", { exact: true }).fill(TOKEN);
    await page.evaluate(watchFirstRow);
    const started = Date.now();
    await page.getByRole("button", { name: "Sign in" }).click();
    await listComplete(page, servers);
    const toList = Date.now() - started;
    const firstRow = await page.evaluate(() => window.__firstRow());
    // The servers page as it stands, for the hand-written list to run on (same markup and CSS).
    const pageHtml = await page.evaluate(() => document.body.innerHTML);

    // Type "bulk-00012" a character at a time, then delete it again, and so on.
    const keystroke = (i) => {
      const text = "bulk-00012";
      const step = i % (2 * text.length);
      return step < text.length ? text.slice(0, step + 1) : text.slice(0, 2 * text.length - step - 1);
    };
    const search = "const input = document.querySelector('input[type=search]'); input.value = value; input.dispatchEvent(new Event('input', { bubbles: true }));";
    const keystrokes = [];
    const panelRows = []; // what a reader sees after each keystroke, for the hand-written list
    const rowsHtml = []; // the table's rows after each keystroke, for the HTML rewrite
    for (let i = 0; i < KEYSTROKES; i++) {
      const value = keystroke(i);
      keystrokes.push(await timeToPaint(page, search, value));
      panelRows.push(await page.evaluate(visibleRows));
      rowsHtml.push(await page.evaluate(() => document.querySelector(".data-table tbody").innerHTML));
      if (process.env.BENCH_DEBUG) console.error(`paint ${value}\t${keystrokes.at(-1).toFixed(1)}`);
    }
    await timeToPaint(page, search, "");
    await listComplete(page, servers);
    // The same keystrokes' script alone, and the wait for the next frame with nothing to do: a
    // keystroke's time to paint is at least that wait, so the two show where the time goes.
    const scripts = [];
    for (let i = 0; i < KEYSTROKES; i++) {
      const value = keystroke(i);
      scripts.push(await scriptTime(page, search, value));
      if (process.env.BENCH_DEBUG) console.error(`${value}\t${scripts.at(-1).toFixed(1)}`);
      await timeToPaint(page, "", "");
    }
    await timeToPaint(page, search, "");
    await listComplete(page, servers);
    const frameWaits = [];
    for (let i = 0; i < KEYSTROKES; i++) frameWaits.push(await timeToPaint(page, "", ""));

    // The same keystrokes in the hand-written list (bench/handwritten-list.mjs), in its own tab
    // on a copy of this page; it must show the same rows as the panel did, keystroke by keystroke.
    // Then once more with the browser's tricks for skipping rows out of view.
    const handwritten = async (skipOffscreen) => {
      const hand = await context.newPage();
      const times = [];
      let differ = 0;
      try {
        await hand.goto(`${sim.url}sign-in`);
        await hand.getByLabel("API token", { exact: true }).waitFor();
        await hand.evaluate((html) => { document.body.innerHTML = html; }, pageHtml);
        await hand.evaluate(handwrittenList, { token: TOKEN, skipOffscreen });
        await hand.bringToFront();
        for (let i = 0; i < KEYSTROKES; i++) {
          const value = keystroke(i);
          times.push(await timeToPaint(hand, search, value));
          const shown = await hand.evaluate(visibleRows);
          if (shown !== panelRows[i]) {
            if (differ++ === 0) console.error(`hand-written list differs from the panel at "${value}":\n${shown}\n---\n${panelRows[i]}`);
          }
          if (process.env.BENCH_DEBUG) console.error(`hand${skipOffscreen ? " (skipping)" : ""} ${value}\t${times.at(-1).toFixed(1)}`);
        }
      } finally {
        await hand.close();
        await page.bringToFront();
      }
      return { median: quantile(times, 0.5), p95: quantile(times, 0.95), differ };
    };
    const hand = await handwritten(false);
    const handSkipping = await handwritten(true);

    const sortClicks = [];
    for (let i = 0; i < 4; i++) {
      const header = i % 2 ? "Name" : "IP address";
      sortClicks.push(await timeToPaint(page,
        "[...document.querySelectorAll('th button')].find((b) => b.textContent.trim().toLowerCase().startsWith(value.toLowerCase())).click();",
        header));
    }
    const sortMedian = quantile(sortClicks, 0.5);

    const domNodes = await page.evaluate(() => document.getElementsByTagName("*").length);
    const metrics = Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]));
    const heapMb = metrics.JSHeapUsedSize / 1024 / 1024;

    const watch = async (ms) => {
      let requests = 0;
      const onRequest = () => { requests++; };
      page.on("request", onRequest);
      await page.evaluate(() => {
        window.__mutations = 0;
        window.__observer = new MutationObserver((records) => { window.__mutations += records.length; });
        window.__observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      });
      await page.waitForTimeout(ms);
      const mutations = await page.evaluate(() => { window.__observer.disconnect(); return window.__mutations; });
      page.off("request", onRequest);
      return { requests, mutations };
    };
    const idle = await watch(IDLE_MS);

    // One server restoring makes the list refresh itself every 4 s with otherwise unchanged data
    // (the restore lasts 10 minutes here).
    const restore = await fetch(`${sim.url}api/v1/snapshots/801/restore/`, { method: "POST", headers: { Authorization: `Bearer ${TOKEN}` } });
    if (!restore.ok) throw new Error(`restore for the refresh measurement: HTTP ${restore.status}`);
    // The panel learns of it on its next load; from then on it refreshes every 4 s.
    await page.reload();
    await listComplete(page, servers);
    const refreshing = await watch(IDLE_MS);
    const refreshes = refreshing.requests / Math.ceil(servers / 100);
    if (refreshes < 1) throw new Error("the list did not refresh while a server was restoring");

    // What a panel that re-renders its rows would pay for the same keystrokes: the markup the
    // panel showed after each one, written back into the table with `innerHTML` (the browser's
    // own work of replacing the rows, with no framework in it). Last, because it takes the rows
    // away from the panel; the table starts from the last keystroke's rows, as in the first pass.
    await timeToPaint(page, search, keystroke(KEYSTROKES - 1));
    const rewrites = [];
    for (const html of rowsHtml) {
      rewrites.push(await timeToPaint(page, "document.querySelector('.data-table tbody').innerHTML = value;", html));
    }

    return {
      servers, toList, firstRow, keyMedian: quantile(keystrokes, 0.5), keyP95: quantile(keystrokes, 0.95),
      scriptMedian: quantile(scripts, 0.5), scriptP95: quantile(scripts, 0.95),
      waitMedian: quantile(frameWaits, 0.5), waitP95: quantile(frameWaits, 0.95),
      rewriteMedian: quantile(rewrites, 0.5), rewriteP95: quantile(rewrites, 0.95),
      hand, handSkipping,
      sortMedian, domNodes, heapMb, idle, refreshes, mutationsPerRefresh: refreshing.mutations / refreshes,
    };
  } finally {
    await context.close();
    sim.stop();
  }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const rows = [];
try {
  for (const servers of SIZES) rows.push(await measure(browser, servers));
} finally {
  await browser.close();
}

const ms = (v) => `${v.toFixed(1)} ms`;
const handCell = (h) => `${ms(h.median)} / ${ms(h.p95)}${h.differ ? ` (rows differ at ${h.differ} of ${KEYSTROKES})` : ""}`;
console.log(`\nservers list benchmark: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, Chromium headless, simulator paging 100 a time\n`);
console.log("| servers | sign-in → first row | sign-in → complete list | keystroke → paint (median / p95) | keystroke script (median / p95) | nothing → paint (median / p95) | same rows rewritten as HTML → paint (median / p95) | hand-written list, same keystrokes → paint (median / p95) | hand-written, offscreen rows skipped, layout forced (median / p95) | sort click → paint (median) | DOM nodes | JS heap | idle 12 s: requests / mutations | refreshes in 12 s | mutations per unchanged refresh |");
console.log("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
for (const r of rows) {
  console.log(`| ${r.servers.toLocaleString("en")} | ${ms(r.firstRow ?? NaN)} | ${ms(r.toList)} | ${ms(r.keyMedian)} / ${ms(r.keyP95)} | ${ms(r.scriptMedian)} / ${ms(r.scriptP95)} | ${ms(r.waitMedian)} / ${ms(r.waitP95)} | ${ms(r.rewriteMedian)} / ${ms(r.rewriteP95)} | ${handCell(r.hand)} | ${handCell(r.handSkipping)} | ${ms(r.sortMedian)} | ${r.domNodes.toLocaleString("en")} | ${r.heapMb.toFixed(1)} MB | ${r.idle.requests} / ${r.idle.mutations} | ${r.refreshes.toFixed(0)} | ${r.mutationsPerRefresh.toFixed(1)} |`);
}
