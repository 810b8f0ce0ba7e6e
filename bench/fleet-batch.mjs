// Benchmark (not a test): a fleet snapshot batch over 1,000 servers, against the simulator
// paging 100 a time with a fixed latency on every API request, in Debian's Chromium. Prints one
// table: the time to draw the preview (1,000 rows, its data read afresh), a keystroke in the
// template (painted at once, the preview redrawn once typing pauses), the batch's wall time
// against the queue's bound (two writes at a time, each taking at least the latency), and the
// requests sent per server.
// Usage: scripts/bench.sh fleet-batch   (builds the release and the simulator first).
import { chromium } from "playwright-core";
import { benchSimulator } from "./simulator.mjs";

const TOKEN = "bench-token";
const SERVERS = 1000;
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
const IN_FLIGHT = 2;


async function control(sim, path, method = "GET", body) {
  const response = await fetch(new URL(`__devapi/${path}`, sim.url), {
    method, headers: body ? { "Content-Type": "application/json" } : {}, body: body ? JSON.stringify(body) : undefined,
  });
  return response.status === 204 ? null : response.json();
}

const sim = await benchSimulator(SERVERS, TOKEN, ["--create-delay-ms", "1000"]);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
try {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await page.goto(new URL("servers", sim.url).toString());
  await page.getByLabel("API token", { exact: true }).fill(TOKEN);
  await page.getByRole("button", { name: "Sign in" }).click();
  const selectAll = page.getByRole("button", { name: `Select all ${SERVERS.toLocaleString("en")} matching servers` });
  await selectAll.click();
  await control(sim, "faults", "PUT", { latency_ms: LATENCY_MS });

  // The preview: from the click to its last row drawn (the servers and snapshots read first).
  const opened = Date.now();
  await page.getByRole("button", { name: "Snapshot selected…" }).click();
  await page.waitForFunction((n) => document.querySelectorAll("[role=dialog] tbody tr").length === n,
    SERVERS, { polling: "raf", timeout: 120_000 });
  const previewMs = Date.now() - opened;
  // A keystroke in the template: the input's own paint, and the preview redrawn once typing
  // pauses (every row's name and check).
  const [keystrokeMs, redrawMs] = await page.evaluate(async () => {
    const input = document.getElementById("fleet-template");
    const firstName = () => document.querySelector("[role=dialog] tbody tr td:nth-child(2)").textContent;
    const start = performance.now();
    input.value += "x";
    input.dispatchEvent(new Event("input", { bubbles: true }));
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const painted = performance.now() - start;
    while (!firstName().endsWith("x")) await new Promise((resolve) => setTimeout(resolve, 1));
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return [painted, performance.now() - start];
  });
  await page.getByLabel("Name template").fill("{server}-bench");

  const before = (await control(sim, "requests")).length;
  const started = Date.now();
  await page.getByRole("button", { name: "Start batch" }).click();
  await page.getByRole("status").filter({ hasText: /^Batch finished:/ }).waitFor({ timeout: 600_000 });
  const batchMs = Date.now() - started;
  const sent = (await control(sim, "requests")).slice(before);
  const creates = sent.filter((line) => line.startsWith("POST ")).length;
  const reads = sent.filter((line) => line.startsWith("GET ")).length;
  const peak = await control(sim, "write-peak");
  const planned = creates;
  const boundMs = Math.ceil(planned / IN_FLIGHT) * LATENCY_MS;
  const row = (what, value) => console.log(`| ${what} | ${value} |`);
  console.log(`\nFleet batch, ${SERVERS.toLocaleString("en")} servers, API latency ${LATENCY_MS} ms per request\n`);
  console.log("| measure | value |\n|---|---|");
  row("preview drawn (click → 1,000th row, data read afresh)", `${previewMs} ms`);
  row("template keystroke → painted", `${keystrokeMs.toFixed(0)} ms`);
  row("template keystroke → preview redrawn (after a 250 ms pause in typing)", `${redrawMs.toFixed(0)} ms`);
  row("batch wall time (Start → \"Batch finished\")", `${(batchMs / 1000).toFixed(1)} s`);
  row(`queue bound (⌈${planned} creates / ${IN_FLIGHT}⌉ × ${LATENCY_MS} ms)`, `${(boundMs / 1000).toFixed(1)} s`);
  row("wall time / bound", (batchMs / boundMs).toFixed(2));
  row("creates sent per planned server", (creates / planned).toFixed(3));
  row("reads during the batch (snapshot polls, looks), per server", (reads / planned).toFixed(3));
  row("most writes out at once", peak);
} finally {
  await browser.close();
  sim.stop();
}
